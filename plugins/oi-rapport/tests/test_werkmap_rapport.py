"""The workbook of ``oi rapport`` as a deliverable: it prints, and every cell reads well.

Every sheet prints on A4, one page wide, within a print area and with page numbers; a
header repeats on every printed page only on a sheet with one table; every number has a
number format; long texts wrap; the examples of *Over deze analyse* are text, not
formulas. LibreOffice (``oi_soffice``) recalculates every formula and converts every
sheet to CSV and the workbook to PDF without one error value.
"""

from __future__ import annotations

import csv
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from oi_rapport import RapportOpties, RapportUitkomst, make_report
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

KOPKLEUR = "DCE6F0"
FOUTWAARDEN = re.compile(r"Err:\d+|#(NAME|VALUE|REF|DIV/0|NUM|N/A|NULL)[!?]?")


@pytest.fixture(scope="module")
def uitkomst(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RapportUitkomst]:
    yield make_report(RapportOpties(uitvoer=tmp_path_factory.mktemp("werkmap")))


@pytest.fixture(scope="module")
def boek(uitkomst: RapportUitkomst) -> openpyxl.Workbook:
    return openpyxl.load_workbook(uitkomst.xlsx)


def _cells(ws: Worksheet) -> Iterator[Cell]:
    for rij in ws.iter_rows():
        yield from (c for c in rij if isinstance(c, Cell) and c.value is not None)


def test_every_sheet_prints_on_a4_one_page_wide_with_a_print_area(
    boek: openpyxl.Workbook,
) -> None:
    for ws in boek.worksheets:
        assert ws.page_setup.paperSize == 9, ws.title  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0
        assert ws.print_area, ws.title
        assert "&P" in (ws.oddFooter.right.text or ""), ws.title  # page numbers
        laatste = max(c.row for c in _cells(ws))
        gebied = re.search(r"\$(\d+)$", str(ws.print_area))
        assert gebied and int(gebied[1]) >= laatste, ws.title


def _header_rows(ws: Worksheet) -> set[int]:
    rijen = set()
    for cel in _cells(ws):
        kleur = cel.fill.fgColor.rgb if cel.fill is not None else None
        if isinstance(kleur, str) and kleur.upper().endswith(KOPKLEUR):
            rijen.add(cel.row)
    return rijen


def test_a_header_repeats_in_print_only_on_a_sheet_with_one_table(
    boek: openpyxl.Workbook,
) -> None:
    herhaald = 0
    for ws in boek.worksheets:
        if ws.print_title_rows:
            herhaald += 1
            assert len(_header_rows(ws)) == 1, ws.title  # never above another table
    assert herhaald >= 1  # the overview has one table


def _is_text_formula(formule: str) -> bool:
    return '"' in formule  # IF(…,"minder dan …") gives text, not a number


def test_every_number_has_a_number_format(boek: openpyxl.Workbook) -> None:
    zonder = []
    getoetst = 0
    for ws in boek.worksheets:
        for cel in _cells(ws):
            getal = isinstance(cel.value, int | float) and not isinstance(cel.value, bool)
            formule = cel.data_type == "f" and not _is_text_formula(str(cel.value))
            if getal or formule:
                getoetst += 1
                if cel.number_format == "General":
                    zonder.append(f"{ws.title}!{cel.coordinate} = {cel.value}")
    assert getoetst > 500
    assert not zonder, "\n".join(zonder[:20])


def test_long_texts_wrap(boek: openpyxl.Workbook) -> None:
    afgekapt = []
    for ws in boek.worksheets:
        samengevoegd = {(r.min_row, r.min_col) for r in ws.merged_cells.ranges}
        for cel in _cells(ws):
            if not isinstance(cel.value, str) or cel.data_type == "f" or len(cel.value) <= 30:
                continue
            if not cel.alignment.wrap_text and (cel.row, cel.column) not in samengevoegd:
                afgekapt.append(f"{ws.title}!{cel.coordinate}: {cel.value[:40]}")
    assert not afgekapt, "\n".join(afgekapt[:20])


def test_the_examples_are_text_not_formulas(boek: openpyxl.Workbook) -> None:
    ws = boek["Over deze analyse"]
    kop = next(c for c in _cells(ws) if c.value == "Voorbeeld")
    voorbeelden = [ws.cell(r, kop.column) for r in range(kop.row + 1, ws.max_row + 1)]
    voorbeelden = [c for c in voorbeelden if c.value is not None]
    assert len(voorbeelden) >= 10
    assert all(c.data_type == "s" for c in voorbeelden)
    assert sum(str(c.value).startswith("=") for c in voorbeelden) >= 10  # shown as typed


HERBEREKENEN = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""
"""A LibreOffice profile that recalculates every formula on load (not the cached values)."""


def _soffice(soffice: str, profiel: Path, doel: str, werkmap: Path, uit: Path) -> None:
    if not (profiel / "user").is_dir():
        (profiel / "user").mkdir(parents=True)
        (profiel / "user" / "registrymodifications.xcu").write_text(HERBEREKENEN)
    opdracht = [soffice, "--headless", f"-env:UserInstallation={profiel.as_uri()}"]
    opdracht += ["--convert-to", doel, "--outdir", str(uit), str(werkmap)]
    klaar = subprocess.run(opdracht, capture_output=True, timeout=300)
    assert klaar.returncode == 0, klaar.stderr.decode(errors="replace")


def test_libreoffice_shows_no_error_value_on_any_sheet_or_page(
    oi_soffice: str, uitkomst: RapportUitkomst, boek: openpyxl.Workbook, tmp_path: Path
) -> None:
    profiel = tmp_path / "lo"
    # every sheet as shown (formatted), after recalculating every formula
    filter_ = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"
    _soffice(oi_soffice, profiel, filter_, uitkomst.xlsx, tmp_path / "csv")
    bladen = list((tmp_path / "csv").glob("*.csv"))
    assert len(bladen) == len(boek.worksheets)
    fouten = [
        f"{pad.stem}: {cel}"
        for pad in bladen
        for rij in csv.reader(pad.open(encoding="utf-8"))
        for cel in rij
        if FOUTWAARDEN.search(cel)
    ]
    assert not fouten, "\n".join(fouten[:20])
    _soffice(oi_soffice, profiel, "pdf", uitkomst.xlsx, tmp_path / "pdf")
    pdf = (tmp_path / "pdf" / f"{uitkomst.xlsx.stem}.pdf").read_bytes()
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) >= len(boek.worksheets)
