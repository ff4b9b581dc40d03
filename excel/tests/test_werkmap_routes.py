"""``oi excel werkmap --route web|klassiek``: workbooks that work on both Excel routes.

For every activity (the four plugins and one made by ``oi plugin nieuw``), every level
(stadsdeel, gebied, wijk, buurt) and both routes, on the embedded Amsterdam data:

- every formula, as stored in the sheet XML, calls the OI functions under the route's
  names (``_xldudf_OI_MATCH`` for the Office.js add-in, ``OI_MATCH`` for the classic one);
- every cell of every formula's range holds the core's number (cached value): the match
  against :func:`oi_core.rekenen.analyse.match` on the workbook's own input rows and against
  the activity's :meth:`Analyse.match`, the per-capita figures against :func:`oi_core.per`,
  the concentration against :func:`concentratie_index`; where the core refuses, its message;
- every area of the level is listed, with data validation on every input cell;
- the workbook reads back (``oi rapport --data``'s reader) to the numbers in it;
- LibreOffice opens every workbook and shows no error value anywhere (slow).
"""

from __future__ import annotations

import csv
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
from oi_excel.werkmap.lezen import BLAD_INVOER, BLAD_META, BLAD_RESULTAAT, read_werkmap
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
        rid = re.search(rf'<sheet name="{blad}" sheetId="\d+" r:id="(rId\d+)"', boek)
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


def _values(pad: Path, bereik: str) -> list[list[Any]]:
    blad = openpyxl.load_workbook(pad, data_only=True)[BLAD_RESULTAAT]
    if ":" not in bereik:
        return [[blad[bereik].value]]
    return [[c.value for c in rij] for rij in blad[bereik]]


# -- formulas use the route's names -------------------------------------------------------------
def test_every_formula_uses_the_route_s_names(werkmap: Werkmap) -> None:
    pad, _, _, route = werkmap
    formules = _formulas(pad)
    assert formules and {blad for blad, _ in formules} == {BLAD_RESULTAAT}
    gebruikt = set()
    for opgeslagen, _ in formules.values():
        formule = re.sub(r'"[^"]*"', '""', opgeslagen)  # without its texts
        aanroepen = re.findall(r"(?<![A-Za-z0-9_.])([A-Za-z_][A-Za-z0-9_.]*)\(", formule)
        oi = [a for a in aanroepen if "OI_" in a or "OI." in a]
        assert oi, formule
        for naam in oi:
            kaal = naam.removeprefix("_xldudf_")
            assert naam == formule_naam(kaal, route), (naam, route)
            gebruikt.add(kaal)
        assert "OI." not in formule  # the file never holds the displayed form
        anders = [a for a in aanroepen if a not in oi]  # the rest: Excel's own functions
        assert set(anders) <= {"IFERROR", "_xlfn._xlws.FILTER", "_xlfn.ANCHORARRAY"}, anders
    assert gebruikt in ({"OI_MATCH"}, set(FUNCTIES))


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


def test_every_cached_match_value_is_the_core_s(werkmap: Werkmap) -> None:
    pad, a, niveau, route = werkmap
    rijen = _counted(_invoer(pad), a)
    kern = _core_match(rijen, a)
    _, ref = _formulas(pad)[BLAD_RESULTAAT, "A5"]
    if rijen.empty:  # a form to fill in: FILTER gives Excel an error, the formula its text
        assert ref == "A5" and _values(pad, "A5")[0][0] == _no_result(route, "OI_MATCH")
        return
    if isinstance(kern, str):  # the core refuses: the cell says why, in Dutch, as text
        assert ref == "A5"
        assert _values(pad, "A5")[0][0] == f"{_shown(route, 'OI_MATCH')}: {kern}"
        return
    assert ref == f"A5:F{5 + len(kern)}"
    cellen = _values(pad, ref)
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


def test_every_cached_per_capita_value_is_the_core_s(werkmap: Werkmap) -> None:
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
        assert _values(pad, "H6")[0][0] == _no_result(route, "OI_PER")
        return
    assert ref == f"H6:H{5 + len(rijen)}"
    verwacht = per(inzet, inwoners, per=1000).to_numpy(dtype=float)
    gezien = np.array([np.nan if r[0] is None else r[0] for r in _values(pad, ref)], dtype=float)
    np.testing.assert_allclose(gezien, verwacht, **ZEVENTIEN)
    _, ref_i = formules[BLAD_RESULTAAT, "I6"]
    posities = [r[0] for r in _values(pad, ref_i)]
    assert all(isinstance(p, str) and p for p in posities), posities
    concentratie = _values(pad, "K6")[0][0]
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
    has every cell the function returned (an empty cell only where the core has none)."""
    pad, *_ = werkmap
    for (_, cel), (_, ref) in _formulas(pad).items():
        waarden = _values(pad, ref)
        assert waarden[0][0] not in (None, ""), (cel, ref)
        assert all(len(r) == len(waarden[0]) for r in waarden)


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
    assert formule.startswith("IFERROR(OI_MATCH(") and "_xldudf_" not in formule
    assert main(["excel", "werkmap", "straatreiniging", "--route", "vba", "-o", str(pad)]) == 2
    assert "ongeldige waarde voor 'route'" in capsys.readouterr().err


def test_the_cli_help_names_the_routes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["excel", "werkmap", "--help"]) == 0
    hulp = " ".join(capsys.readouterr().out.split())
    assert "--route" in hulp and "klassiek" in hulp and "OI.MATCH" in hulp


# -- LibreOffice ---------------------------------------------------------------------------------
CSV = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


@pytest.mark.slow
@pytest.mark.parametrize("route", list(Route), ids=lambda r: r.value)
def test_libreoffice_shows_no_error_value(
    oi_soffice: str, werkmappen: dict[str, Werkmap], route: Route, tmp_path: Path
) -> None:
    """LibreOffice opens every workbook of the route (its own default settings, every sheet
    to CSV): no error value in any cell, and the input as written."""
    paden = [p for p, _, _, r in werkmappen.values() if r is route]
    profiel = f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}"
    opdracht = [
        oi_soffice,
        "--headless",
        profiel,
        "--convert-to",
        CSV,
        "--outdir",
        str(tmp_path / "csv"),
    ]
    uit = subprocess.run([*opdracht, *map(str, paden)], capture_output=True, timeout=900)
    assert uit.returncode == 0, uit.stderr.decode(errors="replace")
    bladen = sorted((tmp_path / "csv").glob("*.csv"))
    assert len(bladen) == 4 * len(paden)  # Uitleg, Invoer, Resultaat, Meta of each
    for blad in bladen:
        for rij in csv.reader(blad.open(encoding="utf-8")):
            fout = [c for c in rij if FOUTWAARDEN.search(c)]
            assert not fout, (blad.name, fout[:3])
    for pad in paden:
        rijen = list(
            csv.reader((tmp_path / "csv" / f"{pad.stem}-{BLAD_INVOER}.csv").open(encoding="utf-8"))
        )
        assert [r[0] for r in rijen[1:]] == list(_invoer(pad)["Code"])
