"""The matrix of bad input over the CLI readers: ``oi match``, ``oi rapport --data`` (CSV
files, folders and workbooks read back from ``oi excel werkmap``) and ``oi check --junit``.

Every case expects one of two outcomes, named in the case: a result (exit code 0, and the
number it must show) or a Dutch error (exit code 1, with the words it must contain and
never a traceback). Cases run in process through :func:`oi_core.cli.main`, like ``oi``.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest

from oi_core.cli import main

BESTANDEN = Path(__file__).resolve().parent / "bestanden"
WERKMAP = BESTANDEN / "werkmap-straatreiniging.xlsx"

GOED = "gebied;inzet;opgave\nA;1;2\nB;3;2\n"


@dataclass(frozen=True)
class Geval:
    """One case: the files to make, the command, and the outcome expected."""

    naam: str
    opdracht: tuple[str, ...]
    """``{f}`` is the (first) file made, ``{map}`` the test's folder."""
    maak: Callable[[Path], Path]
    fout: str | None = None
    """Words of the Dutch error; None: the command succeeds."""
    uitkomst: Callable[[str], bool] | None = None
    """For a success: a check of the JSON printed."""


def _bytes(naam: str, inhoud: bytes) -> Callable[[Path], Path]:
    def maak(map_: Path) -> Path:
        pad = map_ / naam
        pad.write_bytes(inhoud)
        return pad

    return maak


def _tekst(naam: str, tekst: str, codering: str = "utf-8") -> Callable[[Path], Path]:
    return _bytes(naam, tekst.encode(codering))


def _copy(bron: Path, naam: str | None = None) -> Callable[[Path], Path]:
    def maak(map_: Path) -> Path:
        return Path(shutil.copy(bron, map_ / (naam or bron.name)))

    return maak


def _werkmap(wijzig: Callable[[openpyxl.Workbook], None]) -> Callable[[Path], Path]:
    """The filled straatreiniging workbook, changed as a person might."""

    def maak(map_: Path) -> Path:
        pad = map_ / "straat.xlsx"
        boek = openpyxl.load_workbook(WERKMAP)
        wijzig(boek)
        boek.save(pad)
        return pad

    return maak


def _cel(blad: str, rij: int, kolom: int, waarde: object) -> Callable[[openpyxl.Workbook], None]:
    def wijzig(boek: openpyxl.Workbook) -> None:
        boek[blad].cell(row=rij, column=kolom).value = waarde  # value=None would not clear

    return wijzig


def _meta(sleutel: str, waarde: object) -> Callable[[openpyxl.Workbook], None]:
    def wijzig(boek: openpyxl.Workbook) -> None:
        for a, b in boek["Meta"].iter_rows(min_row=2, max_col=2):
            if a.value == sleutel:
                b.value = waarde

    return wijzig


def _remove(blad: str) -> Callable[[openpyxl.Workbook], None]:
    def wijzig(boek: openpyxl.Workbook) -> None:
        del boek[blad]

    return wijzig


def _half(bron: Path) -> Callable[[Path], Path]:
    return _bytes("half.xlsx", bron.read_bytes()[: bron.stat().st_size // 2])


def _index(gebied: str, waarde: float) -> Callable[[str], bool]:
    def klopt(uit: str) -> bool:
        rijen = {r["gebied"]: r for r in json.loads(uit)}
        return round(rijen[gebied]["oi_index"], 6) == waarde

    return klopt


MATCH = ("match", "{f}", "--json")
RAPPORT = ("rapport", "--data", "{f}", "-o", "{map}/rapport")
KOP = "gebied,jaar,indicator,waarde\n"
CP1252 = "gebied;inzet;opgave\nCafé €;1,5;2\nB;4,5;2\n"

GEVALLEN = [
    # -- oi match: a CSV file ------------------------------------------------------------
    Geval("leeg bestand", MATCH, _bytes("m.csv", b""), "is leeg"),
    Geval("alleen spaties", MATCH, _tekst("m.csv", "  \n\n \n"), "is leeg"),
    Geval(
        "alleen een kopregel",
        MATCH,
        _tekst("m.csv", "gebied;inzet;opgave\n"),
        "de totale inzet is 0",
    ),
    Geval("goed", MATCH, _tekst("m.csv", GOED), uitkomst=_index("A", 50.0)),
    Geval(
        "cp1252 met € en accent",
        MATCH,
        _tekst("m.csv", CP1252, "cp1252"),
        uitkomst=_index("Café €", 50.0),
    ),
    Geval("utf-8 met BOM", MATCH, _tekst("m.csv", "\ufeff" + GOED), uitkomst=_index("A", 50.0)),
    Geval("utf-16 met BOM", MATCH, _tekst("m.csv", GOED, "utf-16"), uitkomst=_index("A", 50.0)),
    Geval("komma's", MATCH, _tekst("m.csv", GOED.replace(";", ",")), uitkomst=_index("A", 50.0)),
    Geval("tabs", MATCH, _tekst("m.tsv", GOED.replace(";", "\t")), uitkomst=_index("A", 50.0)),
    Geval(
        "decimale komma",
        MATCH,
        _tekst("m.csv", "gebied;inzet;opgave\nA;0,5;2\nB;1,5;2\n"),
        uitkomst=_index("A", 50.0),
    ),
    Geval(
        "duizendtal en komma",
        MATCH,
        _tekst("m.csv", "gebied;inzet;opgave\nA;1.000,0;2\nB;3.000,0;2\n"),
        uitkomst=_index("A", 50.0),
    ),
    Geval("binaire rommel", MATCH, _bytes("m.csv", bytes(range(256)) * 4), "geen tekst zijn"),
    Geval(
        "tekst in een getalkolom",
        MATCH,
        _tekst("m.csv", "gebied;inzet;opgave\nA;twaalf;2\n"),
        "twaalf",
    ),
    Geval("lege inzetcel", MATCH, _tekst("m.csv", "gebied;inzet;opgave\nA;;2\nB;3;2\n"), "A"),
    Geval(
        "negatieve inzet", MATCH, _tekst("m.csv", "gebied;inzet;opgave\nA;-1;2\nB;3;2\n"), "negatie"
    ),
    Geval(
        "opgave overal nul", MATCH, _tekst("m.csv", "gebied;inzet;opgave\nA;1;0\nB;3;0\n"), "opgave"
    ),
    Geval(
        "1e400",
        MATCH,
        _tekst("m.csv", "gebied;inzet;opgave\nA;1e400;2\nB;3;2\n"),
        "'1e400' is te groot",
    ),
    Geval("nan als tekst", MATCH, _tekst("m.csv", "gebied;inzet;opgave\nA;nan;2\nB;3;2\n"), "nan"),
    Geval("inf als tekst", MATCH, _tekst("m.csv", "gebied;inzet;opgave\nA;inf;2\nB;3;2\n"), "inf"),
    Geval("dubbel gebied", MATCH, _tekst("m.csv", "gebied;inzet;opgave\nA;1;2\nA;3;2\n"), "A"),
    Geval(
        "lege gebiedsnaam",
        MATCH,
        _tekst("m.csv", "gebied;inzet;opgave\n;1;2\nB;3;2\n"),
        "rij 2, kolom 'gebied': gebied ontbreekt",
    ),
    Geval(
        "kolom ontbreekt", ("match", "{f}", "--inzet-kolom", "fte"), _tekst("m.csv", GOED), "fte"
    ),
    Geval("één kolom", MATCH, _tekst("m.csv", "gebied\nA\nB\n"), "kolom"),
    Geval(
        "rij met te veel velden",
        MATCH,
        _tekst("m.csv", "gebied;inzet;opgave\nA;1;2\nB;1;2;9;9\n"),
        "rij 3: meer velden dan de kopregel",
    ),
    Geval(
        "open aanhalingsteken",
        MATCH,
        _tekst("m.csv", 'gebied;inzet;opgave\n"A;1;2\nB;3;2\n'),
        "m.csv",
    ),
    Geval(
        "bestand bestaat niet",
        ("match", "{map}/nergens.csv"),
        _tekst("x.csv", GOED),
        "bestaat niet",
    ),
    Geval("een map", ("match", "{map}"), _tekst("x.csv", GOED), "bestaat niet"),
    Geval("onbekende extensie", MATCH, _tekst("m.json", "{}"), "alleen CSV- en Excel"),
    Geval(
        "formule als gebiedsnaam",
        MATCH,
        _tekst("m.csv", "gebied;inzet;opgave\n=1+1;1;2\nB;3;2\n"),
        uitkomst=_index("=1+1", 50.0),
    ),
    Geval(
        "wijkcode NA",
        ("match", "{f}", "--niveau", "wijk", "--json"),
        _tekst("m.csv", "gebied;inzet;opgave\nNA;1;2\nNB;3;2\n"),
        uitkomst=_index("NA", 50.0),
    ),
    Geval(
        "onbekend stadsdeel",
        ("match", "{f}", "--niveau", "stadsdeel"),
        _tekst("m.csv", "gebied;inzet;opgave\nAtlantis;1;2\nNoord;3;2\n"),
        "Atlantis",
    ),
    Geval(
        "heel lange tekst",
        MATCH,
        _tekst("m.csv", f"gebied;inzet;opgave\n{'x' * 100_000};1;2\nB;3;2\n"),
        uitkomst=lambda uit: len(json.loads(uit)) == 2,
    ),
    # -- oi match: workbooks ---------------------------------------------------------------
    Geval(
        "xlsx", MATCH, _copy(BESTANDEN / "match.xlsx"), uitkomst=lambda u: len(json.loads(u)) == 8
    ),
    Geval("xls", MATCH, _copy(BESTANDEN / "match.xls"), uitkomst=lambda u: len(json.loads(u)) == 8),
    Geval("ods", MATCH, _copy(BESTANDEN / "match.ods"), uitkomst=lambda u: len(json.loads(u)) == 8),
    Geval("xlsx met wachtwoord", MATCH, _copy(BESTANDEN / "beveiligd.xlsx"), "wachtwoord"),
    Geval("halve xlsx", MATCH, _half(BESTANDEN / "match.xlsx"), "half.xlsx"),
    Geval("csv met .xlsx-naam", MATCH, _tekst("m.xlsx", GOED), "geen werkmap"),
    Geval(
        "onbekend blad",
        ("match", "{f}", "--blad", "Nergens"),
        _copy(BESTANDEN / "match.xlsx"),
        "Nergens",
    ),
    Geval("werkmap zonder Invoer", MATCH, _werkmap(_remove("Invoer")), "welke kolom is de inzet"),
    # -- oi rapport --data: CSV files and folders -----------------------------------------------
    Geval(
        "onbekende activiteit",
        RAPPORT,
        _tekst("sport.csv", "gebied,jaar,indicator,waarde\n"),
        "geen geïnstalleerde activiteit 'sport'",
    ),
    Geval("lege csv", RAPPORT, _bytes("straatreiniging.csv", b""), "is leeg"),
    Geval(
        "alleen kopregel",
        RAPPORT,
        _tekst("straatreiniging.csv", "gebied,jaar,indicator,waarde\n"),
        "geen gegevensrijen",
    ),
    Geval(
        "kolom waarde ontbreekt",
        RAPPORT,
        _tekst("straatreiniging.csv", "gebied,jaar,indicator\nCentrum,2024,fte_pct\n"),
        "kolom 'waarde': kolom ontbreekt",
    ),
    Geval(
        "onbekende indicator",
        RAPPORT,
        _tekst("straatreiniging.csv", "gebied,jaar,indicator,waarde\nCentrum,2024,fte,1\n"),
        "indicator 'fte' is niet gedeclareerd",
    ),
    Geval(
        "geen jaartal",
        RAPPORT,
        _tekst("straatreiniging.csv", KOP + "Centrum,twintig,fte_pct,1\n"),
        "'twintig' is geen jaartal",
    ),
    Geval(
        "onbekend gebied",
        RAPPORT,
        _tekst("straatreiniging.csv", "gebied,jaar,indicator,waarde\nAtlantis,2024,fte_pct,1\n"),
        "Atlantis",
    ),
    Geval(
        "cp1252 onbekend gebied",
        RAPPORT,
        _tekst(
            "straatreiniging.csv", "gebied;jaar;indicator;waarde\nCafé;2024;fte_pct;1,5\n", "cp1252"
        ),
        "Café",
    ),
    Geval(
        "map zonder csv",
        ("rapport", "--data", "{map}", "-o", "{map}/r"),
        _tekst("leeg.txt", ""),
        "bevat geen CSV-bestanden",
    ),
    Geval(
        "pad bestaat niet",
        ("rapport", "--data", "{map}/nergens", "-o", "{map}/r"),
        _tekst("x.txt", ""),
        "bestaat niet",
    ),
    Geval("pdf als gegevens", RAPPORT, _bytes("x.pdf", b"%PDF-1.4"), "geef een werkmap"),
    # -- oi rapport --data: a workbook of oi excel werkmap, read back ----------------------------
    Geval("werkmap zonder Meta", RAPPORT, _werkmap(_remove("Meta")), "Meta': blad ontbreekt"),
    Geval(
        "rapport: werkmap zonder Invoer",
        RAPPORT,
        _werkmap(_remove("Invoer")),
        "Invoer': blad ontbreekt",
    ),
    Geval("tekst in werkmapcel", RAPPORT, _werkmap(_cel("Invoer", 4, 4, "twaalf")), "twaalf"),
    Geval("onbekende code", RAPPORT, _werkmap(_cel("Invoer", 3, 1, "ZZ")), "ZZ"),
    Geval("code leeg, getal wel", RAPPORT, _werkmap(_cel("Invoer", 3, 1, None)), "code ontbreekt"),
    Geval("dubbele rij", RAPPORT, _werkmap(_cel("Invoer", 3, 1, "A")), "dubbele rij"),
    Geval("nieuwere layout", RAPPORT, _werkmap(_meta("layout_versie", 99)), "versie 99"),
    Geval(
        "onbekend niveau",
        RAPPORT,
        _werkmap(_meta("niveau", "provincie")),
        "onbekend niveau 'provincie'",
    ),
    Geval(
        "jaar is tekst",
        RAPPORT,
        _werkmap(_meta("jaar", "vorig jaar")),
        "'vorig jaar' is geen jaartal",
    ),
    Geval(
        "andere activiteit",
        RAPPORT,
        _werkmap(_meta("activiteit", "sport")),
        "geen geïnstalleerde activiteit 'sport'",
    ),
    Geval(
        "1e400 in werkmapcel",
        RAPPORT,
        _werkmap(_cel("Invoer", 4, 4, "1e400")),
        "'1e400' is te groot",
    ),
    Geval(
        "1e400 als jaar",
        RAPPORT,
        _tekst("straatreiniging.csv", KOP + "Centrum,1e400,fte_pct,1\n"),
        "'1e400' is geen jaartal",
    ),
    Geval(
        "1e400 als waarde",
        RAPPORT,
        _tekst("straatreiniging.csv", KOP + "Centrum,2024,fte_pct,1e400\n"),
        "'1e400' is te groot",
    ),
    Geval("werkmap met wachtwoord", RAPPORT, _copy(BESTANDEN / "beveiligd.xlsx"), "wachtwoord"),
    Geval("halve werkmap", RAPPORT, _half(WERKMAP), "half.xlsx"),
    Geval("geen werkmap van oi", RAPPORT, _copy(BESTANDEN / "match.xlsx"), "blad ontbreekt"),
    Geval(
        "werkmap als ods",
        ("rapport", "--data", "{f}", "-a", "jgz", "-o", "{map}/r"),
        _copy(BESTANDEN / "werkmap-straatreiniging.ods"),
        "activiteit jgz staat niet",
    ),
    # -- oi check: its one file ------------------------------------------------------------------
    Geval("junit naar een map", ("check", "--junit", "{map}"), _tekst("x.txt", ""), "is een map"),
    Geval("junit bestaat al", ("check", "--junit", "{f}"), _tekst("oud.xml", "<a/>"), "bestaat al"),
]


def _run(geval: Geval, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    pad = geval.maak(tmp_path)
    argumenten = [a.format(f=pad, map=tmp_path) for a in geval.opdracht]
    capsys.readouterr()
    code = main(argumenten)
    uit = capsys.readouterr()
    return code, uit.out, " ".join(uit.err.split())


def _param(geval: Geval) -> object:
    """A case as a test; one that expects an error counts as refused input on the page."""
    soort = "geval" if geval.fout is None else "geweigerd"
    return pytest.param(geval, id=geval.naam, marks=pytest.mark.betrouwbaarheid(soort=soort))


@pytest.mark.parametrize("geval", [_param(g) for g in GEVALLEN])
def test_each_case_gives_its_result_or_its_dutch_error(
    geval: Geval, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, uit, fout = _run(geval, tmp_path, capsys)
    assert "Traceback" not in fout
    if geval.fout is None:
        assert code == 0, fout
        assert geval.uitkomst is None or geval.uitkomst(uit), uit
    else:
        assert code == 1, (uit, fout)
        assert fout.startswith("Fout:"), fout
        assert geval.fout in fout, fout
    assert not (tmp_path / "rapport").exists()  # an error in --data writes nothing


def test_the_matrix_has_at_least_fifty_cases() -> None:
    assert len(GEVALLEN) >= 50
    assert len({g.naam for g in GEVALLEN}) == len(GEVALLEN)
