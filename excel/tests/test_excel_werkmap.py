"""``oi excel werkmap``: the workbook opens in openpyxl and LibreOffice and reads back."""

from __future__ import annotations

import subprocess
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
import openpyxl
import pandas as pd
import pytest
from oi_excel.werkmap import make_werkmap
from oi_excel.werkmap.lezen import (
    BLAD_INVOER,
    BLAD_KERN,
    BLAD_META,
    BLAD_RESULTAAT,
    BLAD_UITLEG,
    TABEL_INVOER,
    read_werkmap,
)

from oi_core import DataFout, Gebiedsindeling, Niveau, activiteit, per, validate_data
from oi_core.cli import main
from oi_core.rekenen.kern import BAND, verdeel
from oi_core.weergave.kolommen import is_code_name


@pytest.fixture
def werkmap(tmp_path: Path, met_testplugin: None) -> Path:
    pad = tmp_path / "straat.xlsx"
    assert (
        main(["excel", "werkmap", "straatreiniging", "--niveau", "stadsdeel", "-o", str(pad)]) == 0
    )
    return pad


def test_sheets_table_and_formulas(werkmap: Path) -> None:
    boek = openpyxl.load_workbook(werkmap)
    assert boek.sheetnames == [BLAD_UITLEG, BLAD_INVOER, BLAD_RESULTAAT, BLAD_META, BLAD_KERN]
    assert boek[BLAD_KERN].sheet_state == "hidden"  # the core's results, for people hidden
    invoer = boek[BLAD_INVOER]
    tabel = invoer.tables[TABEL_INVOER]
    assert tabel.ref == "A1:F10"  # header + all 9 stadsdelen (Westpoort without data)
    koppen = [c.value for c in invoer[1]]
    assert koppen == [  # Dutch headers: the indicators' names, never their codes
        "Code",
        "Gebied",
        "Inwoners",
        "FTE straatreiniging",
        "Bewoners en bezoekers",
        "Grof zwerfvuil minimaal niveau B",
    ]
    assert [invoer.cell(r, 1).value for r in range(2, 11)] == [
        "A",
        "B",
        "E",
        "F",
        "K",
        "M",
        "N",
        "S",
        "T",
    ]
    assert invoer["D2"].value == 23 and invoer["E2"].value == 25  # Centrum, from the seed table
    assert invoer["B3"].value == "Westpoort" and invoer["D3"].value is None  # to fill in
    resultaat = boek[BLAD_RESULTAAT]
    formule = resultaat["A5"].value
    tekst = getattr(formule, "text", formule)
    telt = '(OI_Invoer[FTE straatreiniging]<>"")+(OI_Invoer[Bewoners en bezoekers]<>"")'
    assert tekst == (  # as stored: the Office.js add-in's OI.MATCH, rows with inzet or opgave;
        # without the functions the core's result on the Kern sheet, while the input is as written
        '=IF(Meta!$H$2,IF(Meta!$H$3,Kern!$A$5:$F$13,"Geen uitkomst van OI.MATCH: de invoer is '
        "gewijzigd en de OI-functies werken hier niet. Laad de invoegtoepassing of maak de "
        'werkmap opnieuw"),'
        f'IF(SUMPRODUCT(--(({telt})>0))=0,"Geen uitkomst van OI.MATCH: laad de '
        'invoegtoepassing of controleer de invoer",'
        f"_xldudf_OI_MATCH(_xlfn._xlws.FILTER(OI_Invoer[Gebied],{telt}),"
        f"_xlfn._xlws.FILTER(OI_Invoer[FTE straatreiniging],{telt}),"
        f"_xlfn._xlws.FILTER(OI_Invoer[Bewoners en bezoekers],{telt}),{BAND:g})))"
    )
    assert getattr(formule, "ref", None) == "A5:F13"  # an array formula that spills (8 rows)
    assert "_xldudf_OI_TOV_GEMIDDELDE(_xlfn.ANCHORARRAY(H6),_xlfn._xlws.FILTER(" in getattr(
        resultaat["I6"].value, "text", ""
    )
    assert "_xldudf_OI_CONCENTRATIE(" in getattr(resultaat["K6"].value, "text", "")


def test_conditional_formatting_minus_plus(werkmap: Path) -> None:
    resultaat = openpyxl.load_workbook(werkmap)[BLAD_RESULTAAT]
    regels = {
        str(bereik.sqref): [r for r in regels]
        for bereik, regels in resultaat.conditional_formatting._cf_rules.items()
    }
    assert {"E6:E14", "I6:I14"} <= set(regels)  # every row of the table, also one filled later
    teksten = {r.text for r in regels["I6:I14"]}
    assert {"(–)", "(+)", "sterk onder (–)", "sterk boven (+)"} == teksten
    # the index is coloured by the core's signal next to it, so no band is typed twice
    assert {(r.type, tuple(r.formula)) for r in regels["E6:E14"]} == {
        ("expression", ('$F6="minder dan het aandeel in de opgave"',)),
        ("expression", ('$F6="meer dan het aandeel in de opgave"',)),
    }


def test_uitleg_and_meta(werkmap: Path) -> None:
    boek = openpyxl.load_workbook(werkmap)
    uitleg = "\n".join(str(c.value) for c in boek[BLAD_UITLEG]["A"] if c.value)
    assert "Een lege cel is een ontbrekende waarde, geen 0" in uitleg
    assert "oi excel serve" in uitleg and "--route klassiek" in uitleg
    assert "Nog zonder gegevens (de cellen zijn leeg): B." in uitleg  # Westpoort, listed
    rijen = boek[BLAD_META].iter_rows(min_row=2, max_col=2)
    meta = {r[0].value: r[1].value for r in rijen if r[0].value is not None}
    assert meta == {
        "layout_versie": 2,
        "route": "web",
        "activiteit": "straatreiniging",
        "niveau": "stadsdeel",
        "jaar": 2023,
        "kolom:fte_pct": "FTE straatreiniging",
        "kolom:bewoners_bezoekers_pct": "Bewoners en bezoekers",
        "kolom:grof_zwerfvuil_pct_min_b": "Grof zwerfvuil minimaal niveau B",
    }
    assert "fte_pct" not in uitleg and "FTE straatreiniging: FTE straatreiniging" in uitleg


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
    boek[BLAD_INVOER]["D4"] = "veel"  # F Nieuw-West, FTE straatreiniging
    boek[BLAD_INVOER]["A6"] = "Nergenshuizen"
    fout_pad = tmp_path / "fout.xlsx"
    boek.save(fout_pad)
    with pytest.raises(DataFout) as fout:
        read_werkmap(fout_pad)
    plaatsen = {(b.blad, b.rij, b.kolom) for b in fout.value.bevindingen}
    assert plaatsen == {(BLAD_INVOER, 4, "FTE straatreiniging"), (BLAD_INVOER, 6, "Code")}
    assert "blad 'Invoer', rij 4, kolom 'FTE straatreiniging': 'veel' is geen getal" in str(
        fout.value
    )


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
    assert list(terug["Code"]) == ["A", "B", "E", "F", "K", "M", "N", "S", "T"]


# -- one number, one place: cached values are the functions' own results ----------------------
_MATCH = ("fte_pct", "bewoners_bezoekers_pct")


def _codes(boek: Any) -> list[str]:
    """The area codes in the order of the Invoer rows with an inzet or an opgave (and so of
    the spilled match)."""
    return [r[0] for r in _rows(boek[BLAD_INVOER], "A2:E10") if r[3:] != [None, None]]


def _rows(blad: Any, bereik: str) -> list[list[Any]]:
    return [[c.value for c in rij] for rij in blad[bereik]]


def test_cached_values_are_the_core_s_figures(werkmap: Path) -> None:
    """A viewer without the add-in (openpyxl, LibreOffice) sees the core's match."""
    boek = openpyxl.load_workbook(werkmap, data_only=True)
    resultaat = boek[BLAD_RESULTAAT]
    kern = activiteit("straatreiniging").analyse().match().reindex(_codes(boek))
    rijen = _rows(resultaat, "A5:F13")
    assert rijen[0] == ["Gebied", "Aandeel inzet", "Aandeel opgave", "Verschil (procentpunt)",
                        "OI-index", "Signaal"]  # fmt: skip
    assert [r[0] for r in rijen[1:]] == list(kern["naam"])
    # xlsxwriter writes 16 significant digits, so a value may differ in its last bit
    for j, sleutel in ((1, "aandeel_inzet"), (3, "verschil_pp"), (4, "oi_index")):
        kolom = [r[j] for r in rijen[1:]]
        np.testing.assert_allclose(kolom, kern[sleutel].to_numpy(), rtol=1e-15, atol=1e-15)
    assert [r[5] for r in rijen[1:]] == list(kern["signaal"])
    inwoners = Gebiedsindeling.amsterdam().bevolking("stadsdeel").reindex(kern.index)
    fte = activiteit("straatreiniging").analyse().values("fte_pct").reindex(kern.index)
    np.testing.assert_allclose(
        [r[0] for r in _rows(resultaat, "H6:H13")],
        per(fte, inwoners, per=1000).to_numpy(),
        rtol=1e-15,
    )
    assert all(isinstance(r[0], str) and r[0] for r in _rows(resultaat, "I6:I13"))
    assert -1 < resultaat["K6"].value < 1


def test_another_band_changes_formula_and_cached_signal(
    tmp_path: Path, met_testplugin: None
) -> None:
    pad = tmp_path / "band.xlsx"
    assert main(["excel", "werkmap", "straatreiniging", "--band", "0.3", "-o", str(pad)]) == 0
    assert make_werkmap("straatreiniging", tmp_path / "b.xlsx", band=0.3).read_bytes()
    assert openpyxl.load_workbook(pad)[BLAD_RESULTAAT]["A5"].value.text.endswith("),0.3)))")
    boek = openpyxl.load_workbook(pad, data_only=True)
    analyse = activiteit("straatreiniging").analyse()
    fte, bewoners = (analyse.values(k).reindex(_codes(boek)) for k in _MATCH)
    signaal = [r[5] for r in _rows(boek[BLAD_RESULTAAT], "A6:F13")]
    assert signaal == list(verdeel(fte, bewoners, band=0.3).signaal)
    assert signaal != list(verdeel(fte, bewoners).signaal)  # the band made a difference


def test_no_header_in_the_workbook_is_a_code_name(werkmap: Path) -> None:
    boek = openpyxl.load_workbook(werkmap, data_only=True)
    koppen = [c.value for c in boek[BLAD_INVOER][1]]
    koppen += [c.value for c in boek[BLAD_RESULTAAT][5] if c.value is not None]
    assert len(koppen) == 6 + 6 + 3
    assert not [k for k in koppen if is_code_name(str(k))], koppen


def test_a_version_1_workbook_with_code_headers_still_reads(
    werkmap: Path, tmp_path: Path, hulp: SimpleNamespace
) -> None:
    boek = openpyxl.load_workbook(werkmap)
    invoer, meta = boek[BLAD_INVOER], boek[BLAD_META]
    for cel, code in zip(invoer[1][3:], ("fte_pct", "bewoners_bezoekers_pct",
                                         "grof_zwerfvuil_pct_min_b"), strict=True):  # fmt: skip
        cel.value = code
    for rij in meta.iter_rows(min_row=2):
        if str(rij[0].value).startswith("kolom:"):
            rij[0].value = rij[1].value = None
        elif rij[0].value == "layout_versie":
            rij[1].value = 1
    oud = tmp_path / "versie1.xlsx"
    boek.save(oud)
    pd.testing.assert_frame_equal(read_werkmap(oud)[2], read_werkmap(werkmap)[2])


def test_the_reader_never_reads_the_kern_sheet(werkmap: Path, tmp_path: Path) -> None:
    """The Kern sheet holds the core's results and a copy of the input for the formulas; the
    input is the Invoer sheet only. Another number on Kern, or no Kern sheet at all (a
    workbook of layout 2 made before it existed), reads back to the same data."""
    verwacht = read_werkmap(werkmap)[2]
    boek = openpyxl.load_workbook(werkmap)
    kern = boek[BLAD_KERN]
    assert kern["P2"].value == boek[BLAD_INVOER]["D2"].value == 23  # the copy of Centrum
    kern["P2"] = 999.0
    kern["M20"] = "Nergenshuizen"
    anders = tmp_path / "kern_anders.xlsx"
    boek.save(anders)
    pd.testing.assert_frame_equal(read_werkmap(anders)[2], verwacht)
    del boek[BLAD_KERN]
    zonder = tmp_path / "zonder_kern.xlsx"
    boek.save(zonder)
    pd.testing.assert_frame_equal(read_werkmap(zonder)[2], verwacht)
