"""``oi rapport`` on the command line: files, names, JSON, levels, and the user's own data.

Each test runs the real command (``oi_core.cli.main``) with the report's plugin
(``oi_rapport.cli``, which adds ``oi rapport``) and the test activities of
``test_rapport_plugin.py`` registered through ``oi_core.plugins.isolated``.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import oi_rapport.cli as rapport_cli
import openpyxl
import pandas as pd
import pytest

from oi_core.cli import main
from oi_core.plugins.manager import isolated
from oi_core.testing import load_test_module

TP = load_test_module(
    Path(__file__).with_name("test_rapport_plugin.py"), "_rapport_testplugins_cli"
)


@pytest.fixture
def straat_en_ses() -> Iterator[None]:
    """Two quick activities (stadsdeel and doelgroep level)."""
    with isolated(rapport_cli, TP.StraatPlugin(), TP.SesPlugin()):
        yield


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Exit code, stdout, and stderr with the console's line wrapping undone."""
    code = main(["rapport", *args])
    uit = capsys.readouterr()
    return code, uit.out, " ".join(uit.err.split())


@pytest.mark.usefixtures("straat_en_ses")
def test_default_run_writes_both_files_and_says_where(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, uit, _ = _run(capsys, "--uitvoer", str(tmp_path))
    assert code == 0
    xlsx, html = tmp_path / "ongelijk-investeren.xlsx", tmp_path / "ongelijk-investeren.html"
    assert xlsx.is_file() and html.is_file()
    assert "Rapport gemaakt (2 activiteiten)" in uit
    assert f"Excel: {xlsx}" in uit and f"HTML:  {html}" in uit
    for pad in (xlsx, html):  # readable like any file the user makes, not private 0600
        assert stat.S_IMODE(pad.stat().st_mode) == 0o666 & ~_umask()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp files left


def _umask() -> int:
    huidig = os.umask(0o022)
    os.umask(huidig)
    return huidig


@pytest.mark.usefixtures("straat_en_ses")
def test_an_existing_report_is_kept_and_the_new_one_gets_a_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "ongelijk-investeren.html").write_text("mijn eigen aantekeningen")
    code, uit, _ = _run(capsys, "-o", str(tmp_path))
    assert code == 0
    assert (tmp_path / "ongelijk-investeren.html").read_text() == "mijn eigen aantekeningen"
    assert (tmp_path / "ongelijk-investeren (2).xlsx").is_file()
    assert (tmp_path / "ongelijk-investeren (2).html").is_file()
    assert not (tmp_path / "ongelijk-investeren.xlsx").exists()  # the pair keeps one name
    assert "Gebruik --overschrijf" in " ".join(uit.split())
    code, _, _ = _run(capsys, "-o", str(tmp_path), "--overschrijf")
    assert code == 0
    assert "<!DOCTYPE html>" in (tmp_path / "ongelijk-investeren.html").read_text()
    assert not (tmp_path / "ongelijk-investeren (3).xlsx").exists()


@pytest.mark.usefixtures("straat_en_ses")
def test_json_summary_lists_files_activities_and_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, uit, _ = _run(capsys, "-o", str(tmp_path), "--json")
    assert code == 0
    data = json.loads(uit)
    assert data["bestanden"] == {
        "xlsx": str(tmp_path / "ongelijk-investeren.xlsx"),
        "html": str(tmp_path / "ongelijk-investeren.html"),
    }
    assert [a["code"] for a in data["activiteiten"]] == ["ses", "straat"]  # by name
    straat = data["activiteiten"][1]
    assert straat["niveau"] == "stadsdeel"
    assert straat["te_weinig"] == ["K", "S"] and straat["te_veel"] == ["N", "T"]
    assert straat["samenvatting_generiek"] is True
    assert straat["toevoegen"] == pytest.approx(100 * (11 / (8 / 101 * 100) - 1))


@pytest.mark.usefixtures("straat_en_ses")
def test_activiteit_limits_the_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, uit, _ = _run(capsys, "-o", str(tmp_path), "--activiteit", "ses", "--json")
    assert code == 0
    assert [a["code"] for a in json.loads(uit)["activiteiten"]] == ["ses"]
    boek = openpyxl.load_workbook(tmp_path / "ongelijk-investeren.xlsx")
    assert boek.sheetnames == [
        "Kort – Schoolbegeleiding naa",
        "Overzicht",
        "Schoolbegeleiding naar SES",
        "Over deze analyse",
    ]


@pytest.mark.usefixtures("straat_en_ses")
def test_an_unknown_activity_is_a_dutch_error_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, fout = _run(capsys, "-o", str(tmp_path / "uit"), "--activiteit", "bieb")
    assert code == 1
    assert "activiteit 'bieb' is niet geïnstalleerd (geïnstalleerd: ses, straat)" in fout
    assert "Traceback" not in fout
    assert not (tmp_path / "uit").exists()


@pytest.mark.usefixtures("straat_en_ses")
def test_a_level_the_data_do_not_allow_is_a_dutch_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, fout = _run(capsys, "-o", str(tmp_path / "uit"), "-a", "straat", "--niveau", "wijk")
    assert code == 1
    assert "Het rapport kan op niveau wijk niet worden gemaakt; er is niets geschreven" in fout
    assert "activiteit 'straat'" in fout and "niet op niveau wijk" in fout
    assert not (tmp_path / "uit").exists()


def test_a_coarser_level_aggregates_finer_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with isolated(rapport_cli, TP.StraatPlugin()):
        code, uit, _ = _run(capsys, "-o", str(tmp_path), "--niveau", "gemeente", "--json")
    # one area only: every share is 1 and the index 100
    assert code == 0, uit
    straat = json.loads(uit)["activiteiten"][0]
    assert straat["niveau"] == "gemeente" and straat["te_weinig"] == straat["te_veel"] == []


def test_a_broken_plugin_is_left_out_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with isolated(rapport_cli, TP.StraatPlugin(), TP.KapotPlugin()):
        code, uit, _ = _run(capsys, "-o", str(tmp_path))
    assert code == 0
    assert "Let op: Kapotte plugin: niet opgenomen" in uit
    assert "gegevensbestand ontbreekt in het pakket" in uit
    html = (tmp_path / "ongelijk-investeren.html").read_text(encoding="utf-8")
    assert "Niet in dit rapport" in html and "Straatreiniging" in html


def test_uitvoer_must_be_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bestand = tmp_path / "rapport"
    bestand.write_text("x")
    with isolated(rapport_cli):
        code, _, fout = _run(capsys, "-o", str(bestand))
    assert code == 1 and "is een bestand, geen map" in fout


# -- the user's own data ----------------------------------------------------------------------
def _straat_csv(pad: Path) -> pd.DataFrame:
    """The street cleaning data as a controller would save it from Dutch Excel."""
    tabel = TP.straat_data()
    tabel.to_csv(pad, sep=";", decimal=",", index=False)
    return tabel


@pytest.fixture
def gegevensmap(tmp_path: Path) -> Path:
    """An empty folder ``gegevens`` for the user's own data."""
    map_ = tmp_path / "gegevens"
    map_.mkdir()
    return map_


@pytest.mark.usefixtures("straat_en_ses")
def test_a_folder_of_csv_files_is_the_users_data(
    gegevensmap: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tabel = TP.straat_data()
    tabel.loc[tabel["indicator"] == "fte", "waarde"] = [20, 15, 12, 12, 14, 15, 11, 1, 100]
    tabel.to_csv(gegevensmap / "straat.csv", sep=";", decimal=",", index=False)
    uit_map = str(tmp_path / "uit")
    code, uit, _ = _run(capsys, "-o", uit_map, "--data", str(gegevensmap), "--json")
    assert code == 0, uit
    data = json.loads(uit)
    assert [a["code"] for a in data["activiteiten"]] == ["straat"]  # only what the data hold
    assert data["activiteiten"][0]["te_weinig"] == ["A", "S"]  # Zuid now has its share
    html = (tmp_path / "uit" / "ongelijk-investeren.html").read_text(encoding="utf-8")
    assert "eigen gegevens (gegevens)" in html


@pytest.mark.usefixtures("straat_en_ses")
def test_errors_in_the_users_data_name_file_row_and_column_and_nothing_is_written(
    gegevensmap: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    map_ = gegevensmap
    tabel = TP.straat_data()
    tabel.loc[1, "gebied"] = "Nieuw Westt"  # file row 3 (the header is row 1)
    tabel["waarde"] = tabel["waarde"].astype(object)
    tabel.loc[3, "waarde"] = "veel"  # file row 5
    tabel.to_csv(map_ / "straat.csv", sep=";", decimal=",", index=False)
    (map_ / "sport.csv").write_text("gebied;jaar;indicator;waarde\nCentrum;2024;x;1\n")
    ses = TP.ses_data().drop(columns="jaar")
    ses.to_csv(map_ / "ses.csv", index=False)
    code, _, fout = _run(capsys, "-o", str(tmp_path / "uit"), "--data", str(map_))
    assert code == 1
    assert "De opgegeven gegevens zijn niet geldig; er is niets geschreven" in fout
    assert "blad 'ses.csv', kolom 'jaar': kolom ontbreekt" in fout
    assert "blad 'sport.csv': geen geïnstalleerde activiteit 'sport'" in fout
    assert "blad 'straat.csv', rij 3, kolom 'gebied': Onbekend gebied 'Nieuw Westt'" in fout
    assert "blad 'straat.csv', rij 5, kolom 'waarde': 'veel' is geen getal" in fout
    assert not (tmp_path / "uit").exists()


@pytest.mark.usefixtures("straat_en_ses")
def test_a_duplicate_row_names_both_rows_as_the_file_numbers_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tabel = TP.straat_data()
    tabel = pd.concat([tabel, tabel.iloc[[0]]], ignore_index=True)
    pad = tmp_path / "straat.csv"
    tabel.to_csv(pad, index=False)
    code, _, fout = _run(capsys, "-o", str(tmp_path / "uit"), "--data", str(pad))
    laatste = len(tabel) + 1
    assert code == 1
    assert f"rij {laatste}: dubbele rij: Centrum (A), 2024, fte staat ook op rij 2" in fout


def test_a_werkmap_from_oi_excel_is_the_users_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    werkmap = pytest.importorskip("oi_excel.werkmap.schrijven")
    pad = tmp_path / "straat.xlsx"
    with isolated(rapport_cli, TP.StraatPlugin()):
        werkmap.make_werkmap("straat", pad)
        code, uit, _ = _run(capsys, "-o", str(tmp_path / "uit"), "-d", str(pad), "--json")
        assert code == 0, uit
        assert json.loads(uit)["activiteiten"][0]["te_weinig"] == ["K", "S"]
        boek = openpyxl.load_workbook(pad)
        invoer = boek["Invoer"]
        kop = [c.value for c in invoer[1]]
        invoer.cell(row=4, column=kop.index("FTE straatreiniging") + 1, value="twaalf")
        boek.save(pad)
        code, _, fout = _run(capsys, "-o", str(tmp_path / "uit2"), "-d", str(pad))
    assert code == 1
    melding = "blad 'straat.xlsx › Invoer', rij 4, kolom 'FTE straatreiniging': 'twaalf' is geen"
    assert melding in fout
    assert not (tmp_path / "uit2").exists()


def test_a_missing_data_path_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with isolated(rapport_cli, TP.StraatPlugin()):
        code, _, fout = _run(capsys, "-o", str(tmp_path), "-d", str(tmp_path / "weg.csv"))
    assert code == 1 and "weg.csv' bestaat niet" in fout


def test_help_is_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["rapport", "--help"])
    uit = capsys.readouterr().out
    assert code == 0
    for tekst in ("Gebruik:", "--overschrijf", "volgnummer", "--data", "--niveau", "--json"):
        assert tekst in uit


@pytest.mark.slow  # runs the oi program in a new process
def test_the_readme_command_reports_every_installed_activity(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``oi rapport`` as on a fresh clone: the installed plugins, no isolation, no skips."""
    from oi_core import activiteiten

    code, uit, fout = _run(capsys, "-o", str(tmp_path), "--json")
    assert code == 0, fout
    data = json.loads(uit)
    assert data["overgeslagen"] == []
    assert sorted(a["code"] for a in data["activiteiten"]) == sorted(activiteiten())
    for pad in data["bestanden"].values():
        assert Path(pad).stat().st_size > 10_000
    boek = openpyxl.load_workbook(data["bestanden"]["xlsx"])
    from oi_rapport import extra_hoofdstukken

    extra = [h.bladnaam for h in extra_hoofdstukken().values()]  # stapeling, sturen …
    assert "Stapeling" in extra and "Sturen" in extra
    n = len(activiteiten())
    assert all(b.startswith("Kort – ") for b in boek.sheetnames[:n])  # a front page each
    assert boek.sheetnames[n] == "Overzicht"
    assert boek.sheetnames[-len(extra) - 1 :] == [*extra, "Over deze analyse"]
    assert len(boek.sheetnames) == 2 * n + 2 + len(extra)
