"""The sturen commands (issue 12, items 3–8): Dutch help and errors, JSON that matches the
core, no code name in a table header."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
import rich.table

from oi_core import Gebiedsindeling, activiteit, concentratie_interval, cumulatief_tekort
from oi_core.cli import main

OPDRACHTEN = ("concentratie", "positie", "tekort", "impact", "niveaus", "robuustheid")


def _oi(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    uit = capsys.readouterr()
    return code, uit.out, uit.err


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> object:
    code, out, err = _oi(capsys, *args, "--json")
    assert code == 0, err
    return json.loads(out)


@pytest.fixture
def m2(tmp_path: Path) -> Path:
    pad = tmp_path / "m2.csv"
    pad.write_text("gebied,2022,2023,2024\nZuidoost,4,5,7\nZuid,8,8,6\nWest,6,5,5\n")
    return pad


def test_help_is_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _oi(capsys, "--help")
    for opdracht in OPDRACHTEN:
        assert opdracht in out
        code, hulp, _ = _oi(capsys, opdracht, "--help")
        assert code == 0 and "Gebruik:" in hulp and "--json" in hulp


def test_concentratie_json_is_the_cores(capsys: pytest.CaptureFixture[str]) -> None:
    uit = _json(capsys, "concentratie", "groot_onderhoud", "--betrouwbaarheid", "0,90")
    analyse = activiteit("groot_onderhoud").analyse()
    x = analyse.values("projectbudget")
    b = analyse.indeling.bevolking("stadsdeel").reindex(x.index)
    kern = concentratie_interval(x, analyse.values("aandeel_niveau_d"), b, niveau=0.90)
    assert isinstance(uit, dict)
    assert uit["concentratie"]["ondergrens"] == pytest.approx(kern.ondergrens)
    assert len(uit["curve"]) == len(x) + 1


def test_tekort_with_a_dutch_price(capsys: pytest.CaptureFixture[str], m2: Path) -> None:
    uit = _json(capsys, "tekort", str(m2), "--norm", "6", "--prijs", "1.000,50")
    kern = cumulatief_tekort(
        pd.DataFrame(
            {"2022": [4, 8, 6], "2023": [5, 8, 5], "2024": [7, 6, 5]},
            index=["Zuidoost", "Zuid", "West"],
        ).astype(float),
        6,
        prijs=1000.5,
    )
    assert isinstance(uit, dict)
    assert [r["tekort_euro"] for r in uit["tekort"]] == kern["tekort_euro"].tolist()


def test_positie_suppresses_and_tests(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    pad = tmp_path / "enquete.csv"
    pad.write_text("gebied;pct;n\nA;60;100\nB;58;100\nC;40;20\nD;42;400\n")
    uit = _json(
        capsys,
        "positie",
        str(pad),
        "--waarde-kolom",
        "pct",
        "--steekproef-kolom",
        "n",
        "--minimum-waarnemingen",
        "30",
    )
    assert isinstance(uit, list)
    assert [r["positie"] for r in uit] == ["boven", "gemiddeld", "", "onder"]
    assert uit[2]["label"] == "–" and uit[2]["waarde"] is None


def test_impact_niveaus_robuustheid(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    impact = _json(capsys, "impact", "jgz", "--prijs", "80000")
    assert isinstance(impact, dict) and impact["impact"][0]["kosten"] > 0
    robuust = _json(capsys, "robuustheid", "groot_onderhoud")
    assert isinstance(robuust, dict)
    assert {r["gebied"] for r in robuust["robuustheid"] if not r["stevig"]} == {"A", "K", "T"}
    ind = Gebiedsindeling.amsterdam()
    b = ind.bevolking("gebied")
    b = b[b > 0]
    x = b.copy()
    x["GA01"] *= 0.5
    x["GA02"] *= 3
    pad = tmp_path / "n.csv"
    pd.DataFrame({"inzet": x, "opgave": b}).rename_axis("gebied").to_csv(pad)
    niveaus = _json(capsys, "niveaus", "--data", str(pad))
    assert isinstance(niveaus, dict)
    assert [r["gebied"] for r in niveaus["niveaus"] if r["omslag"]] == ["GA01"]


def test_errors_are_dutch(capsys: pytest.CaptureFixture[str], m2: Path) -> None:
    for args, tekst in (
        (("impact", "groot_onderhoud", "--totaal", "1e6"), "beter als het lager is"),
        (("impact", "jgz"), "prijs per eenheid"),
        (("robuustheid", "straatreiniging"), "geen andere definities"),
        (("niveaus", "groot_onderhoud"), "alleen per stadsdeel"),
        (("tekort", str(m2), "--norm", "veel"), "geen getal"),
        (("concentratie", "jgz", "--betrouwbaarheid", "95"), "betrouwbaarheid"),
    ):
        code, _, err = _oi(capsys, *args)
        assert code != 0 and tekst in " ".join(err.split()), (args, err)
        assert "Traceback" not in err


def test_no_header_is_a_code_name(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, m2: Path
) -> None:
    koppen: list[str] = []
    origineel = rich.table.Table.add_column

    def add_column(self: rich.table.Table, header: str = "", *a: object, **k: object) -> None:
        koppen.append(str(header))
        origineel(self, header, *a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(rich.table.Table, "add_column", add_column)
    for args in (
        ("concentratie", "groot_onderhoud"),
        ("tekort", str(m2)),
        ("impact", "jgz", "--prijs", "1"),
        ("robuustheid", "jgz"),
    ):
        code, _, err = _oi(capsys, *args)
        assert code == 0, err
    assert koppen and not [
        k for k in koppen if "_" in k or (k and k == k.lower() and k.isidentifier())
    ]
