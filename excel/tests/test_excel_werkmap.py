"""``oi excel werkmap``: the workbook opens in openpyxl and LibreOffice and reads back."""

from __future__ import annotations

import subprocess
from pathlib import Path
from types import SimpleNamespace

import openpyxl
import pandas as pd
import pytest
from oi_excel.werkmap.lezen import (
    BLAD_INVOER,
    BLAD_META,
    BLAD_RESULTAAT,
    BLAD_UITLEG,
    TABEL_INVOER,
    read_werkmap,
)

from oi_core import DataFout, Niveau, activiteit, validate_data
from oi_core.cli import main


@pytest.fixture
def werkmap(tmp_path: Path, met_testplugin: None) -> Path:
    pad = tmp_path / "straat.xlsx"
    assert (
        main(["excel", "werkmap", "straatreiniging", "--niveau", "stadsdeel", "-o", str(pad)]) == 0
    )
    return pad


def test_sheets_table_and_formulas(werkmap: Path) -> None:
    boek = openpyxl.load_workbook(werkmap)
    assert boek.sheetnames == [BLAD_UITLEG, BLAD_INVOER, BLAD_RESULTAAT, BLAD_META]
    invoer = boek[BLAD_INVOER]
    tabel = invoer.tables[TABEL_INVOER]
    assert tabel.ref == "A1:F9"  # header + 8 stadsdelen with data (Westpoort has none)
    koppen = [c.value for c in invoer[1]]
    assert koppen == [
        "Code",
        "Gebied",
        "Inwoners",
        "fte_pct",
        "bewoners_bezoekers_pct",
        "grof_zwerfvuil_pct_min_b",
    ]
    assert [invoer.cell(r, 1).value for r in range(2, 10)] == [
        "A",
        "E",
        "F",
        "K",
        "M",
        "N",
        "S",
        "T",
    ]
    assert invoer["D2"].value == 23 and invoer["E2"].value == 25  # Centrum, from the seed table
    resultaat = boek[BLAD_RESULTAAT]
    formule = resultaat["A5"].value
    tekst = getattr(formule, "text", formule)
    assert (
        tekst == "=OI_MATCH(OI_Invoer[Gebied],OI_Invoer[fte_pct],OI_Invoer[bewoners_bezoekers_pct])"
    )
    assert getattr(formule, "ref", None) == "A5:F13"  # an array formula that spills
    assert "OI_TOV_GEMIDDELDE(H6:H13,OI_Invoer[Inwoners]" in getattr(
        resultaat["I6"].value, "text", ""
    )
    assert "OI_CONCENTRATIE(" in getattr(resultaat["K6"].value, "text", "")


def test_conditional_formatting_minus_plus(werkmap: Path) -> None:
    resultaat = openpyxl.load_workbook(werkmap)[BLAD_RESULTAAT]
    regels = {
        str(bereik.sqref): [r for r in regels]
        for bereik, regels in resultaat.conditional_formatting._cf_rules.items()
    }
    assert {"E6:E13", "I6:I13"} <= set(regels)
    teksten = {r.text for r in regels["I6:I13"]}
    assert {"(–)", "(+)", "sterk onder (–)", "sterk boven (+)"} == teksten
    assert {(r.operator, tuple(r.formula)) for r in regels["E6:E13"]} == {
        ("lessThan", ("90",)),
        ("greaterThan", ("110",)),
    }


def test_uitleg_and_meta(werkmap: Path) -> None:
    boek = openpyxl.load_workbook(werkmap)
    uitleg = "\n".join(str(c.value) for c in boek[BLAD_UITLEG]["A"] if c.value)
    assert "Een lege cel is een ontbrekende waarde, geen 0" in uitleg
    assert "UDF Modules" in uitleg and "oi excel serve" in uitleg
    assert "Westpoort" not in uitleg and "B" in uitleg  # left out: code B (no data)
    meta = {r[0].value: r[1].value for r in boek[BLAD_META].iter_rows(min_row=2)}
    assert meta == {
        "layout_versie": 1,
        "activiteit": "straatreiniging",
        "niveau": "stadsdeel",
        "jaar": 2023,
    }


def test_reads_back_to_the_same_data(werkmap: Path, hulp: SimpleNamespace) -> None:
    code, niveau, tidy = read_werkmap(werkmap)
    assert (code, niveau) == ("straatreiniging", Niveau.STADSDEEL)
    reg = activiteit(code)
    terug = validate_data(tidy, reg.activiteit)
    origineel = validate_data(hulp.straatreiniging_data(), reg.activiteit)
    origineel = origineel[origineel["niveau"] == "stadsdeel"]
    sleutel = ["gebied", "indicator"]
    a = terug.set_index(sleutel)["waarde"].sort_index()
    b = origineel.set_index(sleutel)["waarde"].sort_index()
    pd.testing.assert_series_equal(a, b)
    # and the analysis on the workbook equals the one on the embedded data
    pd.testing.assert_frame_equal(
        reg.analyse(data=tidy).match().sort_index(), reg.analyse().match().sort_index()
    )


def test_never_overwrites_without_overschrijf(
    werkmap: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    voor = werkmap.read_bytes()
    assert main(["excel", "werkmap", "straatreiniging", "-o", str(werkmap)]) == 1
    assert "bestaat al" in capsys.readouterr().err
    assert werkmap.read_bytes() == voor
    assert main(["excel", "werkmap", "straatreiniging", "-o", str(werkmap), "--overschrijf"]) == 0


def test_reader_names_sheet_row_and_column(werkmap: Path, tmp_path: Path) -> None:
    boek = openpyxl.load_workbook(werkmap)
    boek[BLAD_INVOER]["D4"] = "veel"  # F Nieuw-West, fte_pct
    boek[BLAD_INVOER]["A6"] = "Nergenshuizen"
    fout_pad = tmp_path / "fout.xlsx"
    boek.save(fout_pad)
    with pytest.raises(DataFout) as fout:
        read_werkmap(fout_pad)
    plaatsen = {(b.blad, b.rij, b.kolom) for b in fout.value.bevindingen}
    assert plaatsen == {(BLAD_INVOER, 4, "fte_pct"), (BLAD_INVOER, 6, "Code")}
    assert "blad 'Invoer', rij 4, kolom 'fte_pct': 'veel' is geen getal" in str(fout.value)


def test_reader_refuses_a_workbook_without_meta(tmp_path: Path) -> None:
    pad = tmp_path / "los.xlsx"
    pd.DataFrame({"Code": ["A"]}).to_excel(pad, sheet_name=BLAD_INVOER, index=False)
    with pytest.raises(DataFout, match="blad 'Meta': blad ontbreekt"):
        read_werkmap(pad)


def test_libreoffice_converts_it(oi_soffice: str, werkmap: Path, tmp_path: Path) -> None:
    profiel = f"-env:UserInstallation=file://{tmp_path}/lo"
    opdracht = [oi_soffice, "--headless", profiel, "--convert-to", "ods"]
    opdracht += ["--outdir", str(tmp_path / "ods"), str(werkmap)]
    uit = subprocess.run(opdracht, capture_output=True, text=True, timeout=180)
    assert uit.returncode == 0, uit.stderr
    ods = tmp_path / "ods" / "straat.ods"
    assert ods.is_file() and ods.stat().st_size > 5000
    terug = pd.read_excel(ods, sheet_name=BLAD_INVOER, engine="calamine")
    assert list(terug["Code"]) == ["A", "E", "F", "K", "M", "N", "S", "T"]
