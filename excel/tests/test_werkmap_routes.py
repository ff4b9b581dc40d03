"""``oi excel werkmap --route web|klassiek``: workbooks that work on both Excel routes.

For every activity (the four plugins and one made by ``oi plugin nieuw``), every level
(stadsdeel, gebied, wijk, buurt) and both routes, on the embedded Amsterdam data:

- every formula, as stored in the sheet XML, calls the OI functions under the route's
  names (``_xldudf_OI_MATCH`` for the Office.js add-in, ``OI_MATCH`` for the classic one),
  each call exactly once and never inside ``IFERROR`` (so the core's error reaches the
  cell): ``IF(no add-in, IF(input unchanged, Kern!its range, text), the call)``;
- every cell of every formula's range holds the core's number (cached value), and the
  hidden Kern sheet holds the same numbers at the same addresses: the match
  against :func:`oi_core.rekenen.analyse.match` on the workbook's own input rows and against
  the activity's :meth:`Analyse.match`, the per-capita figures against :func:`oi_core.per`,
  the concentration against :func:`concentratie_index`; where the core refuses, its message;
- every area of the level is listed, with data validation on every input cell;
- the workbook reads back (``oi rapport --data``'s reader) to the numbers in it;
- LibreOffice opens every workbook and shows no error value anywhere, and every result
  cell shows the core's number; with a changed input, the Dutch sentence (slow).
"""

from __future__ import annotations

import csv
import functools
import html
import importlib
import re
import subprocess
import sys
import warnings
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import openpyxl
import pandas as pd
import pytest
from oi_excel.taakvenster import Route, formule_naam, web_naam
from oi_excel.werkmap.lezen import (
    BLAD_INVOER,
    BLAD_KERN,
    BLAD_META,
    BLAD_RESULTAAT,
    read_werkmap,
    werkmap_header,
)
from oi_excel.werkmap.schrijven import LIJST_CODES, LIJST_GEBIEDEN, make_werkmap

from oi_core import Activiteit, Gebiedsindeling, Niveau, OIFout, OIWaarschuwing, Rol, activiteit
from oi_core.cli import main
from oi_core.plugins.manager import isolated
from oi_core.rekenen.analyse import match
from oi_core.rekenen.kern import BAND
from oi_core.rekenen.metrieken import concentratie_index, per
from oi_core.sjabloon import PluginNamen, scaffold

NIVEAUS = (Niveau.STADSDEEL, Niveau.GEBIED, Niveau.WIJK, Niveau.BUURT)
PLUGINS = ("bibliotheken", "groot_onderhoud", "jgz", "straatreiniging")
NIEUW = "rondreis"
FUNCTIES = ("OI_MATCH", "OI_PER", "OI_TOV_GEMIDDELDE", "OI_CONCENTRATIE")
FOUTWAARDEN = re.compile(
    r"Err:\d+|#(NAME|NAAM|VALUE|WAARDE|REF|VERW|DIV/0|DEEL/0|NUM|GETAL|N/A|NB|NULL|LEEG|CALC|SPILL)[!?]?"
)
MATCH_KOLOMMEN = ("aandeel_inzet", "aandeel_opgave", "verschil_pp", "oi_index")
ZEVENTIEN = {"rtol": 1e-15, "atol": 1e-15}
"""xlsxwriter stores 16-17 significant digits: a cached value may differ in its last bit."""

Werkmap = tuple[Path, Activiteit, Niveau, Route]


def _key(code: str, niveau: Niveau, route: Route) -> str:
    return f"{code}-{niveau.value}-{route.value}"


SLEUTELS = [_key(c, n, r) for c in (*PLUGINS, NIEUW) for n in NIVEAUS for r in Route]


def _make(code: str, niveau: Niveau, route: Route, map_: Path) -> Werkmap:
    pad = map_ / f"{_key(code, niveau, route)}.xlsx"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", OIWaarschuwing)  # an empty level is a form to fill in
        make_werkmap(code, pad, niveau=niveau, route=route)
    return pad, activiteit(code).activiteit, niveau, route


@pytest.fixture(scope="module")
def werkmappen(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Werkmap]]:
    """Every workbook of the matrix, written once."""
    import oi_excel
    import oi_excel.plugin

    map_ = tmp_path_factory.mktemp("routes")
    uit = {_key(c, n, r): _make(c, n, r, map_) for c in PLUGINS for n in NIVEAUS for r in Route}
    bron = scaffold(PluginNamen.from_name(NIEUW), map_ / "plugin", core_versie="0.1.0")
    sys.path.insert(0, str(bron))
    try:
        with isolated(importlib.import_module(f"oi_{NIEUW}"), oi_excel.plugin):
            oi_excel.refresh()
            uit |= {_key(NIEUW, n, r): _make(NIEUW, n, r, map_) for n in NIVEAUS for r in Route}
    finally:
        sys.path.remove(str(bron))
        sys.modules.pop(f"oi_{NIEUW}", None)
        oi_excel.refresh()
    yield uit


@pytest.fixture(params=SLEUTELS)
def werkmap(request: pytest.FixtureRequest, werkmappen: dict[str, Werkmap]) -> Werkmap:
    return werkmappen[request.param]


# -- reading the file -------------------------------------------------------------------------
def _sheet_xml(pad: Path, blad: str) -> str:
    """The XML of sheet ``blad``, found through the workbook's relationships."""
    with zipfile.ZipFile(pad) as z:
        boek = z.read("xl/workbook.xml").decode()
        rid = re.search(
            rf'<sheet name="{blad}" sheetId="\d+" (?:state="\w+" )?r:id="(rId\d+)"', boek
        )
        assert rid, blad
        rels = z.read("xl/_rels/workbook.xml.rels").decode()
        doel = re.search(rf'Id="{rid[1]}" [^>]*Target="([^"]+)"', rels)
        assert doel, rid[1]
        return z.read(f"xl/{doel[1]}").decode()


def _formulas(pad: Path) -> dict[tuple[str, str], tuple[str, str]]:
    """(sheet, anchor cell) → (formula as stored, its range) of every formula in the file."""
    uit = {}
    for blad in openpyxl.load_workbook(pad, read_only=True).sheetnames:
        xml = _sheet_xml(pad, blad)
        for cel, attributen, formule in re.findall(
            r'<c r="([A-Z]+\d+)"[^>]*><f([^>]*)>(.*?)</f>', xml
        ):
            ref = re.search(r'ref="([^"]+)"', attributen)
            uit[blad, cel] = (html.unescape(formule), ref[1] if ref else cel)
    return uit


def _invoer(pad: Path) -> pd.DataFrame:
    """The Invoer table as the workbook holds it (headers as shown)."""
    return pd.read_excel(
        pad, BLAD_INVOER, dtype={"Code": str}, engine="calamine", keep_default_na=False,
        na_values=[""],
    )  # fmt: skip


@functools.cache
def _cached(pad: Path) -> openpyxl.Workbook:
    """The workbook with the cached values, loaded once per file (the tests only read it)."""
    return openpyxl.load_workbook(pad, data_only=True)


def _values(pad: Path, bereik: str, naam: str = BLAD_RESULTAAT) -> list[list[Any]]:
    """The cached values of ``bereik`` on sheet ``naam`` (the Resultaat sheet, or the Kern
    sheet that holds the same results as plain values)."""
    blad = _cached(pad)[naam]
    if ":" not in bereik:
        return [[blad[bereik].value]]
    return [[c.value for c in rij] for rij in blad[bereik]]


# -- formulas use the route's names -------------------------------------------------------------
EIGEN = {"IF", "SUMPRODUCT", "_xlfn._xlws.FILTER", "_xlfn.ANCHORARRAY"}
"""Excel's own functions in a result formula: the fallback, the row count and the input."""
EIGEN_META = {"IF", "ISERROR", "NOW", "AND", "COUNTA", "SUMPRODUCT"}
"""Excel's own functions in the two checks on the Meta sheet."""


def _calls(formule: str) -> list[str]:
    """The function names a stored formula calls, its texts left out."""
    zonder_tekst = re.sub(r'"[^"]*"', '""', formule)
    return re.findall(r"(?<![A-Za-z0-9_.])([A-Za-z_][A-Za-z0-9_.]*)\(", zonder_tekst)


def test_every_formula_uses_the_route_s_names(werkmap: Werkmap) -> None:
    pad, _, _, route = werkmap
    formules = _formulas(pad)
    assert formules and {blad for blad, _ in formules} == {BLAD_RESULTAAT, BLAD_META}
    gebruikt = set()
    for (blad, _), (opgeslagen, _) in formules.items():
        aanroepen = _calls(opgeslagen)
        oi = [a for a in aanroepen if "OI_" in a or "OI." in a]
        for naam in oi:
            kaal = naam.removeprefix("_xldudf_")
            assert naam == formule_naam(kaal, route), (naam, route)
            if blad == BLAD_RESULTAAT:
                gebruikt.add(kaal)
        assert "OI." not in re.sub(r'"[^"]*"', "", opgeslagen)  # never the displayed form
        anders = set(aanroepen) - set(oi)  # the rest: Excel's own functions
        assert anders <= (EIGEN if blad == BLAD_RESULTAAT else EIGEN_META), anders
        assert len(oi) == (1 if blad == BLAD_RESULTAAT else ("ISERROR" in aanroepen)), oi
    assert gebruikt in ({"OI_MATCH"}, set(FUNCTIES))


def _changed(route: Route, naam: str) -> str:
    return (
        f"Geen uitkomst van {_shown(route, naam)}: de invoer is gewijzigd en de OI-functies "
        "werken hier niet. Laad de invoegtoepassing of maak de werkmap opnieuw"
    )


STRUCTUUR = re.compile(
    r'IF\(Meta!\$H\$2,IF\(Meta!\$H\$3,Kern!(?P<kern>[$A-Z0-9:]+),"(?P<gewijzigd>[^"]*)"\),'
    r'IF\(SUMPRODUCT\(--\(\((?P<telt>.*)\)>0\)\)=0,"(?P<leeg>[^"]*)",'
    r"(?P<aanroep>(?:_xldudf_)?OI_[A-Z_]+\(.*\))\)\)"
)
"""``IF(no add-in, IF(input unchanged, Kern!range, text), IF(no row counts, text, call))``."""


def _absolute(ref: str) -> str:
    return re.sub(r"([A-Z]+)(\d+)", r"$\1$\2", ref)


def test_every_result_formula_calls_its_function_once_without_iferror(werkmap: Werkmap) -> None:
    """Excel with the add-in evaluates the call itself, once, and shows its result or the
    core's error as it is (no ``IFERROR``); without the add-in the formula shows the Kern
    sheet's copy of its own range, or a Dutch sentence."""
    pad, a, _, route = werkmap
    for (blad, _), (opgeslagen, ref) in _formulas(pad).items():
        if blad != BLAD_RESULTAAT:
            continue
        assert "IFERROR" not in opgeslagen and len(opgeslagen) + 1 <= 8192  # Excel's limit
        deel = STRUCTUUR.fullmatch(opgeslagen)
        assert deel, opgeslagen
        naam = deel["aanroep"].split("(")[0].removeprefix("_xldudf_")
        assert opgeslagen.count(f"{formule_naam(naam, route)}(") == 1
        assert deel["kern"] == _absolute(ref)  # the result of this very range
        assert deel["gewijzigd"] == _changed(route, naam)
        assert deel["leeg"] == _no_result(route, naam)
        assert all(len(t) <= 255 for t in re.findall(r'"([^"]*)"', opgeslagen))  # Excel's limit
        kop_inzet, kop_opgave = (werkmap_header(a, i.code) for i in (a.match_inzet, a.match_opgave))
        assert deel["telt"] == f'(OI_Invoer[{kop_inzet}]<>"")+(OI_Invoer[{kop_opgave}]<>"")'
        filters = deel["aanroep"].count("_xlfn._xlws.FILTER(")
        assert filters and deel["aanroep"].count(f",{deel['telt']})") == filters  # same rows


def test_the_checks_on_the_meta_sheet(werkmap: Werkmap) -> None:
    """H2: 0 with the add-in (cached), volatile; H3: TRUE while the input is as written;
    each with a Dutch label and a Dutch word; the Kern sheet holds the input as written."""
    pad, _, _, route = werkmap
    formules = _formulas(pad)
    beschikbaar, _ = formules[BLAD_META, "H2"]
    assert beschikbaar == f"ISERROR({formule_naam('OI_AANDEEL', route)}(1))+0*NOW()"
    ongewijzigd, _ = formules[BLAD_META, "H3"]
    invoer = openpyxl.load_workbook(pad)[BLAD_INVOER]
    laatste = openpyxl.utils.get_column_letter(invoer.max_column)
    kern_laatste = openpyxl.utils.get_column_letter(invoer.max_column + 12)
    assert ongewijzigd == (
        f"AND(COUNTA(Invoer!$A:${laatste})=COUNTA(Kern!$M:${kern_laatste}),"
        f"SUMPRODUCT(--(Invoer!$A$2:${laatste}${invoer.max_row}"
        f"<>Kern!$M$2:${kern_laatste}${invoer.max_row}))=0,NOW()>0)"
    )
    meta = _cached(pad)[BLAD_META]
    assert [[c.value for c in r] for r in meta["G2:I3"]] == [
        ["OI-functies beschikbaar", 0, "ja"],
        ["Invoer ongewijzigd sinds het maken", True, "ja"],
    ]
    boek = _cached(pad)
    assert boek[BLAD_KERN].sheet_state == "hidden"
    rijen = [[c.value for c in r] for r in boek[BLAD_INVOER].iter_rows()]
    kopie = boek[BLAD_KERN].iter_rows(min_col=13, max_col=12 + len(rijen[0]), max_row=len(rijen))
    assert [[c.value for c in r] for r in kopie] == rijen  # cell by cell, as written


def test_the_name_mapping_is_one_function() -> None:
    assert formule_naam("OI_MATCH", Route.WEB) == "_xldudf_OI_MATCH"
    assert formule_naam("OI_TOV_GEMIDDELDE", Route.WEB) == "_xldudf_OI_TOV_GEMIDDELDE"
    assert formule_naam("OI_MATCH", Route.KLASSIEK) == "OI_MATCH"
    assert web_naam("OI_MATCH") == "OI.MATCH"  # as Excel shows it with the add-in loaded


# -- cached values are the core's numbers ---------------------------------------------------------
def _counted(invoer: pd.DataFrame, a: Activiteit) -> pd.DataFrame:
    """The rows the functions get: those with an inzet or an opgave."""
    kop_inzet, kop_opgave = (
        _header(invoer, a, a.match_inzet.code),
        _header(invoer, a, a.match_opgave.code),
    )
    return invoer[invoer[kop_inzet].notna() | invoer[kop_opgave].notna()]


def _header(invoer: pd.DataFrame, a: Activiteit, code: str) -> str:
    from oi_excel.werkmap.lezen import werkmap_header

    kop = werkmap_header(a, code)
    assert kop in invoer.columns
    return kop


def _core_match(rijen: pd.DataFrame, a: Activiteit) -> pd.DataFrame | str:
    inzet = rijen[_header(rijen, a, a.match_inzet.code)].set_axis(rijen["Gebied"])
    opgave = rijen[_header(rijen, a, a.match_opgave.code)].set_axis(rijen["Gebied"])
    try:
        return match(inzet.astype(float), opgave.astype(float), band=BAND)
    except OIFout as fout:
        return str(fout)


def _shown(route: Route, naam: str) -> str:
    return web_naam(naam) if route is Route.WEB else naam


def _no_result(route: Route, naam: str) -> str:
    return (
        f"Geen uitkomst van {_shown(route, naam)}: laad de invoegtoepassing of controleer de invoer"
    )


@pytest.mark.parametrize("blad", [BLAD_RESULTAAT, BLAD_KERN])
def test_every_cached_match_value_is_the_core_s(werkmap: Werkmap, blad: str) -> None:
    """On the Resultaat sheet (cached values of the formulas) and on the hidden Kern sheet
    (plain values, what the formulas show without the OI functions) alike."""
    pad, a, niveau, route = werkmap
    rijen = _counted(_invoer(pad), a)
    kern = _core_match(rijen, a)
    _, ref = _formulas(pad)[BLAD_RESULTAAT, "A5"]
    if rijen.empty:  # a form to fill in: no row counts, the formula gives its text
        assert ref == "A5" and _values(pad, "A5", blad)[0][0] == _no_result(route, "OI_MATCH")
        return
    if isinstance(kern, str):  # the core refuses: the cell says why, in Dutch, as text
        assert ref == "A5"
        assert _values(pad, "A5", blad)[0][0] == f"{_shown(route, 'OI_MATCH')}: {kern}"
        return
    assert ref == f"A5:F{5 + len(kern)}"
    cellen = _values(pad, ref, blad)
    assert cellen[0] == ["Gebied", "Aandeel inzet", "Aandeel opgave", "Verschil (procentpunt)",
                         "OI-index", "Signaal"]  # fmt: skip
    assert [r[0] for r in cellen[1:]] == list(kern.index)
    for j, sleutel in enumerate(MATCH_KOLOMMEN, start=1):
        np.testing.assert_allclose([r[j] for r in cellen[1:]], kern[sleutel], **ZEVENTIEN)
    assert [r[5] for r in cellen[1:]] == list(kern["signaal"])
    if a.code in PLUGINS:  # and the activity's own analysis on the embedded data agrees
        analyse = activiteit(a.code).analyse(niveau=niveau).match().set_index("naam")
        assert sorted(analyse.index) == sorted(kern.index)
        np.testing.assert_allclose(
            analyse["oi_index"].reindex(kern.index), kern["oi_index"], rtol=1e-12
        )


@pytest.mark.parametrize("blad", [BLAD_RESULTAAT, BLAD_KERN])
def test_every_cached_per_capita_value_is_the_core_s(werkmap: Werkmap, blad: str) -> None:
    pad, a, _, route = werkmap
    formules = _formulas(pad)
    invoer = _invoer(pad)
    if (BLAD_RESULTAAT, "H6") not in formules:
        assert invoer["Inwoners"].isna().any() or invoer.empty  # only without inwoners
        return
    rijen = _counted(invoer, a)
    inzet = rijen[_header(rijen, a, a.match_inzet.code)].astype(float).set_axis(rijen["Gebied"])
    opgave = rijen[_header(rijen, a, a.match_opgave.code)].astype(float).set_axis(rijen["Gebied"])
    inwoners = rijen["Inwoners"].astype(float).set_axis(rijen["Gebied"])
    _, ref = formules[BLAD_RESULTAAT, "H6"]
    if rijen.empty:
        assert _values(pad, "H6", blad)[0][0] == _no_result(route, "OI_PER")
        return
    assert ref == f"H6:H{5 + len(rijen)}"
    verwacht = per(inzet, inwoners, per=1000).to_numpy(dtype=float)
    waarden = _values(pad, ref, blad)
    gezien = np.array([np.nan if r[0] is None else r[0] for r in waarden], dtype=float)
    np.testing.assert_allclose(gezien, verwacht, **ZEVENTIEN)
    _, ref_i = formules[BLAD_RESULTAAT, "I6"]
    posities = [r[0] for r in _values(pad, ref_i, blad)]
    assert all(isinstance(p, str) and p for p in posities), posities
    assert posities == [r[0] for r in _values(pad, ref_i)]  # Kern and cached alike
    concentratie = _values(pad, "K6", blad)[0][0]
    try:
        kern: float | str = concentratie_index(inzet, opgave, inwoners)
    except OIFout as fout:
        kern = f"{_shown(route, 'OI_CONCENTRATIE')}: {fout}"
    if isinstance(kern, str):
        assert concentratie == kern
    else:
        np.testing.assert_allclose(concentratie, kern, **ZEVENTIEN)


def test_every_formula_range_is_filled(werkmap: Werkmap) -> None:
    """No formula cell without a cached value: each anchor holds one, and a spilled table
    has every cell the function returned (an empty cell only where the core has none); the
    Kern sheet holds exactly those values at the same addresses."""
    pad, *_ = werkmap
    for (blad, cel), (_, ref) in _formulas(pad).items():
        waarden = _values(pad, ref, blad)
        assert waarden[0][0] not in (None, ""), (cel, ref)
        assert all(len(r) == len(waarden[0]) for r in waarden)
        if blad == BLAD_RESULTAAT:
            _assert_same_cells(_values(pad, ref, BLAD_KERN), waarden)


def _assert_same_cells(kern: list[list[Any]], cached: list[list[Any]]) -> None:
    """Texts and empty cells alike; numbers to the last digit xlsxwriter writes (16 for a
    number cell, 17 for a formula's cached value)."""
    plat_k, plat_c = [c for r in kern for c in r], [c for r in cached for c in r]
    getallen = [i for i, c in enumerate(plat_c) if isinstance(c, float | int)]
    assert [i for i, c in enumerate(plat_k) if isinstance(c, float | int)] == getallen
    assert [c for i, c in enumerate(plat_k) if i not in getallen] == [
        c for i, c in enumerate(plat_c) if i not in getallen
    ]
    if getallen:
        np.testing.assert_allclose([plat_k[i] for i in getallen], [plat_c[i] for i in getallen],
                                   **ZEVENTIEN)  # fmt: skip


# -- all areas, validation ------------------------------------------------------------------------
def test_every_area_of_the_level_is_listed(werkmap: Werkmap) -> None:
    pad, _, niveau, _ = werkmap
    indeling = Gebiedsindeling.amsterdam()
    invoer = _invoer(pad)
    assert list(invoer["Code"]) == list(indeling.codes(niveau))
    tabel = indeling.table(niveau)
    assert list(invoer["Gebied"]) == list(tabel["naam"].astype(str))
    meta = pd.read_excel(pad, BLAD_META, dtype=str, engine="calamine", keep_default_na=False)
    assert list(meta.iloc[: len(invoer), 3]) == list(invoer["Code"])  # the validation lists
    assert list(meta.iloc[: len(invoer), 4]) == list(invoer["Gebied"])


def _validations(pad: Path) -> dict[str, Any]:
    """Column letter → the data validation covering its input cells."""
    blad = openpyxl.load_workbook(pad)[BLAD_INVOER]
    uit = {}
    for dv in blad.data_validations.dataValidation:
        for bereik in str(dv.sqref).split():
            kolom = re.match(r"([A-Z]+)2:([A-Z]+)(\d+)$", bereik)
            assert kolom and kolom[1] == kolom[2], bereik
            assert int(kolom[3]) == blad.max_row, bereik  # every row of the table
            uit[kolom[1]] = dv
    return uit


def test_every_input_cell_has_data_validation(werkmap: Werkmap) -> None:
    pad, a, _, _ = werkmap
    invoer = _invoer(pad)
    regels = _validations(pad)
    letters = [openpyxl.utils.get_column_letter(j) for j in range(1, len(invoer.columns) + 1)]
    assert set(regels) == set(letters)
    namen = openpyxl.load_workbook(pad).defined_names
    for letter, kop in zip(letters, invoer.columns, strict=True):
        dv = regels[letter]
        assert dv.showErrorMessage and dv.error and dv.prompt  # a Dutch message, not Excel's
        if kop in ("Code", "Gebied"):
            naam = LIJST_CODES if kop == "Code" else LIJST_GEBIEDEN
            assert (dv.type, dv.formula1) == ("list", naam)
            doel = namen[naam].attr_text
            assert doel.endswith(f"${len(invoer) + 1}") and doel.startswith(f"'{BLAD_META}'!")
            continue
        assert dv.type == "decimal" and dv.allow_blank  # blank is a missing value
        waarden = invoer[kop].dropna().astype(float)
        if kop == "Inwoners" or _role(a, kop) in (Rol.INZET, Rol.OPGAVE):
            assert (dv.operator, dv.formula1) == ("greaterThanOrEqual", "0")
            assert (waarden >= 0).all()  # the data itself passes its own validation
        else:
            assert dv.operator in (None, "between")  # any number; Excel's default operator


def _role(a: Activiteit, kop: str) -> Rol:
    from oi_excel.werkmap.lezen import werkmap_header

    (rol,) = [i.rol for i in a.keten.indicatoren() if werkmap_header(a, i.code) == kop]
    return rol


# -- the Meta sheet and the reader ---------------------------------------------------------------
def test_meta_records_the_route_and_the_workbook_reads_back(werkmap: Werkmap) -> None:
    pad, a, niveau, route = werkmap
    meta = openpyxl.load_workbook(pad)[BLAD_META]
    rijen = {r[0].value: r[1].value for r in meta.iter_rows(min_row=2, max_col=2) if r[0].value}
    assert rijen["route"] == route.value
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", OIWaarschuwing)
        code, terug_niveau, tidy = read_werkmap(pad)
    assert (code, terug_niveau) == (a.code, niveau)
    invoer = _invoer(pad)
    verwacht = int(invoer.drop(columns=["Code", "Gebied", "Inwoners"]).notna().sum().sum())
    assert len(tidy) == verwacht  # one row per filled cell, none for a blank one


def test_the_cli_writes_the_classic_route(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    pad = tmp_path / "straat.xlsx"
    argv = ["excel", "werkmap", "straatreiniging", "--route", "klassiek", "-o", str(pad), "--json"]
    assert main(argv) == 0
    assert json.loads(capsys.readouterr().out)["route"] == "klassiek"
    formule, _ = _formulas(pad)[BLAD_RESULTAAT, "A5"]
    assert formule.startswith("IF(Meta!$H$2,IF(Meta!$H$3,Kern!$A$5:$F$")
    assert formule.count("OI_MATCH(") == 1 and "_xldudf_" not in formule
    assert _formulas(pad)[BLAD_META, "H2"][0] == "ISERROR(OI_AANDEEL(1))+0*NOW()"
    assert main(["excel", "werkmap", "straatreiniging", "--route", "vba", "-o", str(pad)]) == 2
    assert "ongeldige waarde voor 'route'" in capsys.readouterr().err


def test_the_cli_help_names_the_routes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["excel", "werkmap", "--help"]) == 0
    hulp = " ".join(capsys.readouterr().out.split())
    assert "--route" in hulp and "klassiek" in hulp and "OI.MATCH" in hulp


# -- LibreOffice ---------------------------------------------------------------------------------
CSV = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
BLADEN = 5
"""Uitleg, Invoer, Resultaat, Meta and the hidden Kern sheet: LibreOffice writes each."""


def _libreoffice(soffice: str, paden: list[Path], map_: Path) -> Path:
    """Convert ``paden`` in one call (LibreOffice recalculates on loading, as it always does
    with array formulas); every sheet to its own CSV file, returned in ``map_/csv``."""
    profiel = f"-env:UserInstallation={(map_ / 'lo').as_uri()}"
    opdracht = [soffice, "--headless", profiel, "--convert-to", CSV, "--outdir", str(map_ / "csv")]
    uit = subprocess.run([*opdracht, *map(str, paden)], capture_output=True, timeout=900)
    assert uit.returncode == 0, uit.stderr.decode(errors="replace")
    assert len(list((map_ / "csv").glob("*.csv"))) == BLADEN * len(paden)
    return map_ / "csv"


def _sheet_csv(map_: Path, pad: Path, blad: str) -> list[list[str]]:
    with (map_ / f"{pad.stem}-{blad}.csv").open(encoding="utf-8") as f:
        return list(csv.reader(f))


def _csv_cell(rijen: list[list[str]], rij: int, kolom: int) -> str:
    """The cell at 0-based ``rij``, ``kolom``; LibreOffice leaves trailing empty cells out."""
    return rijen[rij][kolom] if rij < len(rijen) and kolom < len(rijen[rij]) else ""


def _shows(tekst: str, waarde: Any) -> bool:
    """Does the CSV text ``tekst`` show ``waarde``: a text as it is, an empty cell as empty,
    a number rounded to the decimals the CSV shows (at most 15 significant digits)?"""
    if waarde is None or isinstance(waarde, str):
        return tekst == ("" if waarde is None else waarde)
    try:
        getal = float(tekst)
    except ValueError:
        return False
    decimalen = len(tekst.partition(".")[2].partition("E")[0])
    return bool(np.isclose(getal, waarde, rtol=1e-14, atol=0.5 * 10.0**-decimalen))


def _result_ranges(pad: Path) -> list[tuple[int, int, int, int]]:
    """(first row, first column, last row, last column), 0-based, of every result formula."""
    uit = []
    for (blad, _), (_, ref) in _formulas(pad).items():
        if blad == BLAD_RESULTAAT:
            eerste, _, laatste = ref.partition(":")
            (k1, r1), (k2, r2) = (openpyxl.utils.cell.coordinate_from_string(c)
                                  for c in (eerste, laatste or eerste))  # fmt: skip
            j1, j2 = (openpyxl.utils.column_index_from_string(k) - 1 for k in (k1, k2))
            uit.append((r1 - 1, j1, r2 - 1, j2))
    return uit


@pytest.mark.slow
@pytest.mark.parametrize("route", list(Route), ids=lambda r: r.value)
def test_libreoffice_shows_the_core_s_numbers(
    oi_soffice: str, werkmappen: dict[str, Werkmap], route: Route, tmp_path: Path
) -> None:
    """LibreOffice opens every workbook of the route (its own default settings, every sheet
    to CSV) and recalculates it: no error value in any cell, the input as written, and every
    cell of every result formula shows the core's number (the cached value, which the other
    tests compare with the core), because the OI functions do not work there (Meta: "nee")
    and the input is unchanged (Meta: "ja")."""
    paden = [p for p, _, _, r in werkmappen.values() if r is route]
    map_ = _libreoffice(oi_soffice, paden, tmp_path)
    for blad in sorted(map_.glob("*.csv")):
        for rij in csv.reader(blad.open(encoding="utf-8")):
            fout = [c for c in rij if FOUTWAARDEN.search(c)]
            assert not fout, (blad.name, fout[:3])
    for pad in paden:
        rijen = _sheet_csv(map_, pad, BLAD_INVOER)
        assert [r[0] for r in rijen[1:]] == list(_invoer(pad)["Code"])
        meta = _sheet_csv(map_, pad, BLAD_META)
        assert [meta[1][6:9], meta[2][6:9]] == [
            ["OI-functies beschikbaar", "1", "nee"],
            ["Invoer ongewijzigd sinds het maken", "TRUE", "ja"],
        ]
        resultaat = _sheet_csv(map_, pad, BLAD_RESULTAAT)
        cached = _cached(pad)[BLAD_RESULTAAT]
        for r1, j1, r2, j2 in _result_ranges(pad):
            for i in range(r1, r2 + 1):
                for j in range(j1, j2 + 1):
                    waarde = cached.cell(i + 1, j + 1).value
                    assert _shows(_csv_cell(resultaat, i, j), waarde), (pad.name, i, j, waarde)


def _change_input(pad: Path, cel: str, nieuw: float) -> Path:
    """A copy of ``pad`` in which cell ``cel`` of the Invoer sheet holds ``nieuw``: the
    sheet XML edited in place, so everything else stays as xlsxwriter wrote it."""
    doel = pad.with_name(f"{pad.stem}-gewijzigd.xlsx")
    xml = _sheet_xml(pad, BLAD_INVOER)
    gewijzigd, n = re.subn(rf'(<c r="{cel}"[^>]*><v>)[^<]+(</v>)', rf"\g<1>{nieuw!r}\g<2>", xml)
    assert n == 1, cel
    with zipfile.ZipFile(pad) as bron, zipfile.ZipFile(doel, "w", zipfile.ZIP_DEFLATED) as uit:
        for item in bron.infolist():
            inhoud = bron.read(item)
            if inhoud.decode(errors="ignore") == xml:
                inhoud = gewijzigd.encode()
            uit.writestr(item, inhoud)
    return doel


def _add_row(pad: Path) -> Path:
    """A copy of ``pad`` with a value typed in the first row below the Invoer table."""
    doel = pad.with_name(f"{pad.stem}-rij.xlsx")
    boek = openpyxl.load_workbook(pad)
    blad = boek[BLAD_INVOER]
    blad.cell(blad.max_row + 1, 4, 7.0)
    boek.save(doel)
    return doel


@pytest.mark.slow
def test_libreoffice_shows_a_dutch_sentence_once_the_input_changed(
    oi_soffice: str, werkmappen: dict[str, Werkmap], tmp_path: Path
) -> None:
    """Without the OI functions a changed input cannot be computed: every result formula
    shows the Dutch sentence (never an error value, never the old numbers), on both routes,
    for a changed number and for a row typed below the table."""
    gevallen = []
    for route in Route:
        pad, *_ = werkmappen[_key("bibliotheken", Niveau.STADSDEEL, route)]
        kopie = tmp_path / pad.name
        kopie.write_bytes(pad.read_bytes())
        gevallen += [(p, pad, route) for p in (_change_input(kopie, "D2", 123.0), _add_row(kopie))]
    map_ = _libreoffice(oi_soffice, [p for p, _, _ in gevallen], tmp_path)
    for pad, bron, route in gevallen:
        for blad in (BLAD_RESULTAAT, BLAD_META):
            for rij in _sheet_csv(map_, pad, blad):
                assert not [c for c in rij if FOUTWAARDEN.search(c)], (pad.name, blad, rij)
        meta = _sheet_csv(map_, pad, BLAD_META)
        assert [meta[1][7:9], meta[2][7:9]] == [["1", "nee"], ["FALSE", "nee"]]
        resultaat = _sheet_csv(map_, pad, BLAD_RESULTAAT)
        formules = _formulas(bron)  # as written: openpyxl rewrites the XML of the added row
        for r1, j1, *_ in _result_ranges(bron):
            anker = f"{openpyxl.utils.get_column_letter(j1 + 1)}{r1 + 1}"
            naam = STRUCTUUR.fullmatch(formules[BLAD_RESULTAAT, anker][0])
            assert naam, anker
            functie = naam["aanroep"].split("(")[0].removeprefix("_xldudf_")
            assert _csv_cell(resultaat, r1, j1) == _changed(route, functie), (pad.name, anker)
