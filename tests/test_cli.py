"""The oi command line: Dutch help and errors, JSON output, match on files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from oi_core.cli import main
from oi_core.plugins import manager as oi_plugins

from . import voorbeeld
from .conftest import seed_tabel


def _oi(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    uit = capsys.readouterr()
    return code, uit.out, uit.err


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> object:
    code, out, err = _oi(capsys, *args, "--json")
    assert code == 0, err
    return json.loads(out)


def test_help_is_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _oi(capsys, "--help")
    assert code == 0
    for tekst in ("Gebruik:", "Opdrachten", "Toon deze hulp en stop.", "match", "analyse"):
        assert tekst in out


def test_usage_errors_are_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _oi(capsys, "match")
    assert code == 2 and "ontbrekend argument" in err and "Probeer 'oi match --help'" in err
    code, _, err = _oi(capsys, "gebieden", "--niveau", "straat")
    assert code == 2 and "ongeldige waarde" in err


def test_gebieden_json_per_level(capsys: pytest.CaptureFixture[str]) -> None:
    wijken = _json(capsys, "gebieden", "--niveau", "wijk")
    assert len(wijken) == 110
    fn = next(w for w in wijken if w["code"] == "FN")
    assert (
        fn["naam"] == "Slotervaart-Zuid"
        and fn["gebied"] == "GF10"
        and fn["stadsdeel_naam"] == "Nieuw-West"
    )
    assert fn["inwoners"] == 11270


def test_gebied_resolves_and_unknown_is_a_dutch_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert _json(capsys, "gebied", "Geuzenveld & Slotermeer")["code"] == "GF07"
    code, _, err = _oi(capsys, "gebied", "Slotervart")
    assert code == 1 and "Bedoelt u: Slotervaart (GF10, gebied)" in err and "Traceback" not in err


def _straatreiniging(tmp_path: Path) -> tuple[Path, Path, Path]:
    d = seed_tabel("straatreiniging_stadsdelen.csv").query("stadsdeel != 'Amsterdam'")
    beide = tmp_path / "beide.csv"
    d[["stadsdeel", "fte_pct", "bewoners_bezoekers_pct"]].rename(
        columns={"fte_pct": "inzet", "bewoners_bezoekers_pct": "opgave"}
    ).to_csv(beide, index=False, sep=";")
    inzet, opgave = tmp_path / "inzet.xlsx", tmp_path / "opgave.csv"
    d[["stadsdeel", "fte_pct"]].to_excel(inzet, index=False)
    d[["stadsdeel", "bewoners_bezoekers_pct"]].to_csv(opgave, index=False)
    return beide, inzet, opgave


def test_match_on_one_file_and_on_two_files_agree(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    beide, inzet, opgave = _straatreiniging(tmp_path)
    een = _json(capsys, "match", str(beide))
    twee = _json(capsys, "match", str(inzet), str(opgave))
    assert een == twee
    assert [r["gebied"] for r in een][:2] == ["Centrum", "N-West"]
    assert (
        round(een[6]["oi_index"]) == 139
        and een[6]["signaal"] == "meer dan het aandeel in de opgave"
    )  # Zuidoost


def test_match_with_niveau_resolves_names_to_codes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    beide, _, _ = _straatreiniging(tmp_path)
    rijen = _json(capsys, "match", str(beide), "--niveau", "stadsdeel")
    assert [r["gebied"] for r in rijen] == ["A", "F", "N", "M", "E", "K", "T", "S"]
    assert rijen[1]["naam"] == "Nieuw-West"


def test_match_names_the_bad_cell(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pad = tmp_path / "fout.csv"
    pad.write_text("gebied;inzet;opgave\nNoord;12;9\nZuid;veel;16\nOost;12;0\n", encoding="utf-8")
    code, _, err = _oi(capsys, "match", str(pad))
    assert code == 1 and "rij 3, kolom 'inzet': 'veel' is geen getal" in err
    pad.write_text("gebied;inzet;opgave\nNoord;12;9\nOost;12;0\n", encoding="utf-8")
    code, _, err = _oi(capsys, "match", str(pad))
    assert code == 1 and "opgave is 0 voor gebied 'Oost'" in err
    pad.write_text("gebied;inzet;opgave\nNoord;12;9\nNergens;1;1\n", encoding="utf-8")
    code, _, err = _oi(capsys, "match", str(pad), "--niveau", "stadsdeel")
    assert code == 1 and "rij 3" in err and "Onbekend gebied 'Nergens'" in err


def test_match_writes_but_never_overwrites(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    beide, _, _ = _straatreiniging(tmp_path)
    uit = tmp_path / "resultaat.xlsx"
    assert _oi(capsys, "match", str(beide), "-o", str(uit))[0] == 0
    eerst = uit.read_bytes()
    code, _, err = _oi(capsys, "match", str(beide), "-o", str(uit))
    assert code == 1 and "bestaat al" in err and uit.read_bytes() == eerst
    assert _oi(capsys, "match", str(beide), "-o", str(uit), "--overschrijf")[0] == 0
    gelezen = pd.read_excel(uit, engine="calamine")
    assert list(gelezen.columns) == [
        "gebied",
        "aandeel_inzet",
        "aandeel_opgave",
        "verschil_pp",
        "oi_index",
        "signaal",
    ]
    assert len(list(tmp_path.glob(".resultaat-*"))) == 0  # no temporary files left


def test_analyse_json_has_the_match_columns(capsys: pytest.CaptureFixture[str]) -> None:
    with oi_plugins.isolated(voorbeeld):
        uit = _json(capsys, "analyse", "proef")
    assert uit["niveau"] == "stadsdeel"
    assert set(uit) == {"activiteit", "niveau", "verdeling_inzet", "opgave", "match"}
    assert {"aandeel_inzet", "aandeel_opgave", "verschil_pp", "oi_index", "signaal"} <= set(
        uit["match"][0]
    )
    code, _, err = _oi(capsys, "analyse", "bestaat_niet")
    assert code == 1 and "niet geïnstalleerd" in err


def test_plugins_json(capsys: pytest.CaptureFixture[str]) -> None:
    with oi_plugins.isolated():
        assert _json(capsys, "plugins") == {"plugins": [], "problemen": []}


@pytest.mark.slow  # runs the oi program in a new process
def test_installed_script_runs() -> None:
    klaar = subprocess.run(
        [sys.executable, "-m", "oi_core", "gebied", "FN01", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert klaar.returncode == 0, klaar.stderr
    assert json.loads(klaar.stdout)["naam"] == "Louis Crispijnbuurt"


def test_warnings_are_dutch_lines_and_partial_areas_get_no_value(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = _oi(capsys, "analyse", "jgz", "--niveau", "stadsdeel")
    assert "Let op:" in err and "niet elk onderliggend gebied heeft een waarde" in err
    assert "Nieuw-West (1 van 5 gebieden)" in err
    assert code == 1 and "Warning" not in err


def _headers(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
             *args: str) -> list[str]:  # fmt: skip
    """The column headers of every table ``oi ARGS`` prints."""
    import rich.table

    koppen: list[str] = []
    origineel = rich.table.Table.add_column

    def add_column(self: rich.table.Table, header: str = "", *a: object, **kw: object) -> None:
        koppen.append(str(header))
        origineel(self, header, *a, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(rich.table.Table, "add_column", add_column)
    code, _, err = _oi(capsys, *args)
    assert code == 0, err
    return koppen


def _is_code_name(kop: str) -> bool:
    return "_" in kop or (kop != "" and kop == kop.lower() and kop.isidentifier())


def test_no_header_of_a_cli_table_is_a_code_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    beide, _, _ = _straatreiniging(tmp_path)
    with oi_plugins.isolated(voorbeeld):
        tabellen = {
            "match": _headers(monkeypatch, capsys, "match", str(beide), "--niveau", "stadsdeel"),
            "analyse": _headers(monkeypatch, capsys, "analyse", "proef"),
            "gebieden": _headers(monkeypatch, capsys, "gebieden", "--niveau", "wijk"),
            "activiteiten": _headers(monkeypatch, capsys, "activiteiten"),
            "plugins": _headers(monkeypatch, capsys, "plugins", "--alles"),
        }
    assert {"Aandeel inzet", "OI-index", "Signaal"} <= set(tabellen["match"])
    assert "Aandeel opgave" in tabellen["analyse"]
    for opdracht, koppen in tabellen.items():
        assert koppen and not [k for k in koppen if _is_code_name(k)], (opdracht, koppen)


def test_band_default_is_the_cores(capsys: pytest.CaptureFixture[str]) -> None:
    from oi_core.rekenen.kern import BAND

    _, out, _ = _oi(capsys, "match", "--help")
    assert f"standaard de band van de methode, {BAND:.2f}".replace(".", ",") in " ".join(
        out.replace("│", " ").split()
    )


def test_the_script_collects_garbage_less_often_and_exits_with_the_code_of_main() -> None:
    code = (
        "import gc, sys\n"
        "import oi_core.cli as cli\n"
        "cli.main = lambda: print(gc.get_threshold()) or 3\n"
        "cli.script()\n"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert (uit.returncode, uit.stdout.strip()) == (3, "(200000, 30, 30)")


def test_python_m_oi_core_is_the_oi_script() -> None:
    uit = subprocess.run(
        [sys.executable, "-m", "oi_core", "--help"], capture_output=True, text=True, check=True
    )
    assert "Ongelijk investeren" in uit.stdout
