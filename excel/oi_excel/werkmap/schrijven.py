"""Writing a ready-to-use workbook (*werkmap*) for one activity with xlsxwriter.

The layout is the contract in :mod:`oi_excel.werkmap.lezen` (sheet, table and column
names, the Meta sheet), so ``oi rapport --data`` can read the workbook back. Every header
is Dutch: the fixed columns, the indicators (:func:`~oi_excel.werkmap.lezen.indicator_header`)
and the spilled tables (the column catalogue, through :func:`oi_excel.conversie.to_cells`).

The Resultaat sheet uses the OI functions on the input table, under the names of the
:class:`~oi_excel.taakvenster.Route` the workbook is made for
(:func:`~oi_excel.taakvenster.formule_naam`: ``_xldudf_OI_MATCH`` for the Office.js
add-in, ``OI_MATCH`` for the classic one). Each function gets the rows that have an inzet
or an opgave (``FILTER``), so an area left blank does not count. Each formula cell also
carries its cached value, and that value is the registered Excel function's own result on
those rows (:func:`oi_excel.conversie.call_function`): one number, one place. The hidden
:data:`~oi_excel.werkmap.lezen.BLAD_KERN` sheet holds the same cells as plain values, and
every formula is ``IF(no OI functions, IF(input unchanged, Kern!its range, text), the call)``
on two checks of the Meta sheet (:func:`_write_checks`), so a viewer without the add-in
(LibreOffice, which recalculates every array formula on opening; Excel before the add-in
loads) shows the core's figures, and Excel with the add-in shows the function's own result
or the core's error (no ``IFERROR``). The workbook is not recalculated on opening.
The match uses the core's default band :data:`~oi_core.rekenen.kern.BAND` unless another
is given, and its colours follow the core's signal, so no threshold is typed here. A file
is never overwritten unless asked.
Every text (area names, labels, a plugin's names) is a string cell, never a formula
(:mod:`oi_core.weergave.cellen`): formulas are only the OI functions with ``FILTER`` and
the fallback, written through ``write_dynamic_array_formula``, and the two checks.
Input cells have data validation: numbers (≥ 0 for inzet, opgave and inwoners, as the
core requires) and, for code and name, the list of the level's areas (on the Meta sheet,
by the names :data:`LIJST_CODES` and :data:`LIJST_GEBIEDEN`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import xlsxwriter  # type: ignore[import-untyped]
from xlsxwriter.utility import xl_range_abs  # type: ignore[import-untyped]
from xlsxwriter.workbook import Workbook  # type: ignore[import-untyped]
from xlsxwriter.worksheet import Worksheet  # type: ignore[import-untyped]

from oi_core import InvoerFout, Niveau, OIFout, Rol, activiteit, write_atomic
from oi_core.rekenen.kern import BAND, SIGNAAL_MEER, SIGNAAL_MINDER
from oi_core.weergave.cellen import XLSX_OPTIES
from oi_excel.catalogus import BUILTIN_EXCEL_FUNCTIES
from oi_excel.conversie import Cellen, call_function
from oi_excel.taakvenster import Route, formule_naam, web_naam
from oi_excel.werkmap.lezen import (
    BLAD_INVOER,
    BLAD_KERN,
    BLAD_META,
    BLAD_RESULTAAT,
    BLAD_UITLEG,
    KOLOM_CODE,
    KOLOM_GEBIED,
    KOLOM_INWONERS,
    META_KOLOMMEN,
    TABEL_INVOER,
    VASTE_KOLOMMEN,
    WerkmapInvoer,
    build_invoer,
)

__all__ = ["LIJST_CODES", "LIJST_GEBIEDEN", "make_werkmap", "write_werkmap"]

_INGEBOUWD = {f.naam: f for f in BUILTIN_EXCEL_FUNCTIES}
"""The workbook's formulas are oi_excel's own functions, registered or not."""

EERSTE_RIJ = 4  # 0-based row of the OI_MATCH formula on the Resultaat sheet (Excel row 5)
LIJST_CODES = "OI_Codes"
LIJST_GEBIEDEN = "OI_Gebieden"
"""Defined names of the level's area codes and names (columns D and E of the Meta sheet)."""
EXCEL_CALC_ID = 191029
"""The calculation engine of current Excel (365): a workbook calculated by an older engine
is recalculated on opening, and then an add-in's function shows ``#NAAM?`` until it loads."""


def make_werkmap(
    code: str,
    pad: str | Path,
    *,
    niveau: Niveau | str | None = None,
    overschrijf: bool = False,
    band: float = BAND,
    route: Route = Route.WEB,
) -> Path:
    """Write the workbook of the registered activity ``code`` at ``niveau`` to ``pad``, its
    formulas named for ``route``."""
    pad = Path(pad)
    if pad.suffix.lower() != ".xlsx":
        raise InvoerFout(f"'{pad.name}': een werkmap eindigt op .xlsx", argument="uitvoer")
    reg = activiteit(code)
    invoer = build_invoer(reg.activiteit, reg.data(), niveau)
    return write_werkmap(invoer, pad, overschrijf=overschrijf, band=band, route=route)


def write_werkmap(
    invoer: WerkmapInvoer,
    pad: str | Path,
    *,
    overschrijf: bool = False,
    band: float = BAND,
    route: Route = Route.WEB,
) -> Path:
    """Write ``invoer`` as a workbook; an existing ``pad`` only with ``overschrijf``.

    ``band`` is the margin of *in verhouding* that the ``OI_MATCH`` formula passes on;
    ``route`` the Excel route whose function names the formulas use.
    """
    route = Route(route)
    return write_atomic(pad, lambda p: _write(invoer, p, band, route), overschrijf=overschrijf)


def _write(invoer: WerkmapInvoer, pad: Path, band: float, route: Route) -> None:
    boek = xlsxwriter.Workbook(str(pad), XLSX_OPTIES)  # text stays text, never a formula
    boek.set_calc_mode("auto", calc_id=EXCEL_CALC_ID)
    boek.calc_on_load = False  # the cached values are the core's: show them, do not recompute
    opmaak = _formats(boek)
    uitleg = boek.add_worksheet(BLAD_UITLEG)
    _write_input(boek.add_worksheet(BLAD_INVOER), invoer, opmaak)
    resultaat = boek.add_worksheet(BLAD_RESULTAAT)
    meta = boek.add_worksheet(BLAD_META)
    kern = boek.add_worksheet(BLAD_KERN)
    bladen = _Bladen(resultaat, kern, _counted(invoer)[0])
    _write_result(bladen, invoer, opmaak, band, route)
    _write_explanation(uitleg, invoer, opmaak, route)
    _write_meta(boek, meta, invoer, opmaak, route)
    _write_kern_input(kern, invoer, opmaak)
    kern.hide()
    boek.get_worksheet_by_name(BLAD_INVOER).activate()
    boek.close()


def _formats(boek: Workbook) -> dict[str, Any]:
    return {
        "titel": boek.add_format({"bold": True, "font_size": 14}),
        "kop": boek.add_format({"bold": True}),
        "tekst": boek.add_format({"text_wrap": True, "valign": "top"}),
        "procent": boek.add_format({"num_format": "0.0%"}),
        "pp": boek.add_format({"num_format": "+0.0;-0.0;0.0"}),
        "index": boek.add_format({"num_format": "0"}),
        "getal": boek.add_format({"num_format": "#,##0.00"}),
        "geheel": boek.add_format({"num_format": "#,##0"}),
        "min": boek.add_format({"bg_color": "#F4C7C3", "font_color": "#9C0006"}),
        "sterk_min": boek.add_format({"bg_color": "#E06666", "font_color": "#FFFFFF"}),
        "plus": boek.add_format({"bg_color": "#C6EFCE", "font_color": "#006100"}),
        "sterk_plus": boek.add_format({"bg_color": "#38761D", "font_color": "#FFFFFF"}),
        "weinig": boek.add_format({"bg_color": "#F4C7C3"}),
        "veel": boek.add_format({"bg_color": "#CFE2F3"}),
        "leeg": boek.add_format(),
    }


# -- Invoer ---------------------------------------------------------------------------------
def _cell(waarde: Any) -> Any:
    if isinstance(waarde, float | np.floating) and np.isnan(waarde):
        return None
    return waarde.item() if isinstance(waarde, np.generic) else waarde


def _write_input(blad: Worksheet, invoer: WerkmapInvoer, opmaak: dict[str, Any]) -> None:
    tabel = invoer.tabel
    rijen = _input_rows(invoer)
    kolommen = [
        {"header": invoer.header(str(k)), "format": _column_format(str(k), opmaak)}
        for k in tabel.columns
    ]
    laatste = max(len(rijen), 1)
    blad.add_table(
        0,
        0,
        laatste,
        len(kolommen) - 1,
        {
            "name": TABEL_INVOER,
            "columns": kolommen,
            "data": rijen,
            "style": "Table Style Medium 2",
        },
    )
    blad.set_column(0, 0, 12)
    blad.set_column(1, 1, 28)
    blad.set_column(2, len(kolommen) - 1, 18)
    blad.freeze_panes(1, 2)
    for j, k in enumerate(tabel.columns):
        if k not in VASTE_KOLOMMEN:
            blad.write_comment(0, j, _column_help(invoer, str(k)), {"x_scale": 2})
    _validate_input(blad, invoer, laatste)


def _input_rows(invoer: WerkmapInvoer) -> Cellen:
    """The input table's rows as the cells written (Invoer, and its copy on Kern)."""
    return [[_cell(v) for v in rij] for rij in invoer.tabel.itertuples(index=False)]


def _validate_input(blad: Worksheet, invoer: WerkmapInvoer, laatste: int) -> None:
    """Data validation on every input cell: numbers, and the level's areas by list."""
    for j, k in enumerate(invoer.tabel.columns):
        regel = _validation(invoer, str(k))
        if regel is not None:
            blad.data_validation(1, j, laatste, j, regel)


def _validation(invoer: WerkmapInvoer, kolom: str) -> dict[str, Any] | None:
    if kolom in (KOLOM_CODE, KOLOM_GEBIED):
        return None if invoer.niveau is Niveau.DOELGROEP else _list_rule(invoer, kolom)
    kop = invoer.header(kolom)
    if kolom == KOLOM_INWONERS or _never_negative(invoer, kolom):
        regel = {"criteria": ">=", "value": 0}
        wat = "een getal van 0 of meer"
    else:
        regel = {"criteria": "between", "minimum": -1e300, "maximum": 1e300}
        wat = "een getal"
    return {
        "validate": "decimal",
        **regel,
        "input_title": _short(kop, 32),
        "input_message": _short(f"Typ {wat}. Leeg laten mag: dat is een ontbrekende waarde.", 255),
        "error_title": "Geen geldig getal",
        "error_message": _short(f"{kop}: typ {wat}, of laat de cel leeg.", 255),
    }


def _never_negative(invoer: WerkmapInvoer, kolom: str) -> bool:
    """Inzet and opgave are never negative: the core refuses a negative one in the match."""
    return invoer.activiteit.keten.indicator(kolom).rol in (Rol.INZET, Rol.OPGAVE)


def _list_rule(invoer: WerkmapInvoer, kolom: str) -> dict[str, Any]:
    naam, wat = (LIJST_CODES, "code") if kolom == KOLOM_CODE else (LIJST_GEBIEDEN, "gebied")
    niveau = invoer.niveau.value
    return {
        "validate": "list",
        "source": f"={naam}",
        "input_title": f"{kolom} ({niveau})",
        "input_message": f"Kies een {wat} uit de lijst van het niveau {niveau}.",
        "error_title": f"Onbekende {wat}",
        "error_message": f"Kies een {wat} uit de lijst van het niveau {niveau} (blad {BLAD_META}).",
    }


def _short(tekst: str, lengte: int) -> str:
    """Excel limits the title (32) and message (255) of a validation."""
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1] + "…"


def _column_format(kolom: str, opmaak: dict[str, Any]) -> Any:
    if kolom == KOLOM_INWONERS:
        return opmaak["geheel"]
    if kolom in VASTE_KOLOMMEN:
        return None
    return opmaak["getal"]


def _column_help(invoer: WerkmapInvoer, code: str) -> str:
    ind = invoer.activiteit.keten.indicator(code)
    jaar = invoer.jaren.get(code, invoer.jaar)
    return f"{ind.naam} ({ind.eenheid}); {ind.rol.value}, {jaar}. {ind.beschrijving}".strip()


# -- Resultaat --------------------------------------------------------------------------------
Argument = tuple[str, Any]
"""A formula argument and the value Excel passes for it."""


def _ref(invoer: WerkmapInvoer, kolom: str) -> str:
    """A structured reference to a column of the input table, by its Dutch header."""
    kop = "".join(f"'{t}" if t in "[]#'" else t for t in invoer.header(kolom))
    return f"{TABEL_INVOER}[{kop}]"


def _counted(invoer: WerkmapInvoer) -> tuple[str, np.ndarray]:
    """The rows the functions get, as a ``FILTER`` condition and as a mask: those with an
    inzet or an opgave. A row with neither is an area left blank; one with only one of
    them still counts, so the core names what is missing."""
    voorwaarde = f'({_ref(invoer, invoer.inzet)}<>"")+({_ref(invoer, invoer.opgave)}<>"")'
    tabel = invoer.tabel
    return voorwaarde, (tabel[invoer.inzet].notna() | tabel[invoer.opgave].notna()).to_numpy()


def _column(invoer: WerkmapInvoer, kolom: str) -> Argument:
    """``FILTER`` of a column of the input table, and the cells Excel hands the function."""
    voorwaarde, masker = _counted(invoer)
    cellen = [[_cell(v)] for v in invoer.tabel[kolom].to_numpy()[masker]]
    return f"FILTER({_ref(invoer, kolom)},{voorwaarde})", cellen


def _shown(naam: str, route: Route) -> str:
    """The name a person sees in the formula bar (``OI.MATCH`` or ``OI_MATCH``)."""
    return web_naam(naam) if route is Route.WEB else naam


class _Bladen(NamedTuple):
    """The Resultaat sheet with the formulas, the hidden Kern sheet with their results, and
    the condition of the input rows that count (:func:`_counted`)."""

    resultaat: Worksheet
    kern: Worksheet
    voorwaarde: str


def _write_function(
    bladen: _Bladen,
    plek: tuple[int, int],
    functie: tuple[str, Route],
    argumenten: Sequence[Argument],
    opmaak: tuple[Any, Any],
) -> Cellen:
    """Write the function ``naam`` as a spilling formula whose cells hold its result.

    ``argumenten`` pairs each formula argument with the value Excel would pass; the cached
    cells are :func:`call_function` of the registered function on those values, and the
    Kern sheet holds the same cells as plain values (:func:`_formula`). When the core
    refuses them, the cell holds the core's Dutch message; with no rows to count, the text
    of :func:`_no_result`, which the formula also gives then.
    """
    naam, route = functie
    waarden = [w for _, w in argumenten]
    try:
        if any(isinstance(w, list) and not w for w in waarden):
            cellen: Cellen = [[_no_result(naam, route)]]
        else:
            cellen = call_function(_INGEBOUWD[naam], waarden)
    except OIFout as fout:
        cellen = [[f"{_shown(naam, route)}: {fout}"]]
    bereik = _range(plek, cellen)
    formule = _formula(functie, [a for a, _ in argumenten], bereik, bladen.voorwaarde)
    _write_spill(bladen.resultaat, bereik, formule, cellen, opmaak)
    _write_values(bladen.kern, plek, cellen, opmaak)
    return cellen


def _range(plek: tuple[int, int], cellen: Cellen) -> tuple[int, int, int, int]:
    rij, kol = plek
    return rij, kol, rij + len(cellen) - 1, kol + len(cellen[0]) - 1


def _formula(
    functie: tuple[str, Route], argumenten: Sequence[str], bereik: Any, voorwaarde: str
) -> str:
    """``=IF(no add-in, IF(input unchanged, Kern!range, text), the OI call)``.

    Excel with the add-in evaluates the call itself, once, and shows its result or the
    core's error unchanged. Without the functions (Excel before the add-in loads,
    LibreOffice) the formula shows the core's result from the Kern sheet while the input is
    as written, and :func:`_changed` once it was changed. With no row to count (an empty
    form), the call is not made and the formula gives :func:`_no_result`.
    """
    naam, route = functie
    aanroep = f"{formule_naam(naam, route)}({','.join(argumenten)})"
    leeg = f'IF(SUMPRODUCT(--(({voorwaarde})>0))=0,"{_no_result(naam, route)}",{aanroep})'
    zonder = f'IF({_ONGEWIJZIGD},{BLAD_KERN}!{xl_range_abs(*bereik)},"{_changed(naam, route)}")'
    return f"=IF({_ONTBREEKT},{zonder},{leeg})"


def _no_result(naam: str, route: Route) -> str:
    """What a formula shows when no input row counts (an empty form), and what its cells
    hold then."""
    return (
        f"Geen uitkomst van {_shown(naam, route)}: laad de invoegtoepassing of controleer de invoer"
    )


def _changed(naam: str, route: Route) -> str:
    """What a formula shows without the OI functions once the input was changed."""
    return (
        f"Geen uitkomst van {_shown(naam, route)}: de invoer is gewijzigd en de OI-functies "
        "werken hier niet. Laad de invoegtoepassing of maak de werkmap opnieuw"
    )


def _write_spill(
    blad: Worksheet, bereik: tuple[int, int, int, int], formule: str, cellen: Cellen,
    opmaak: tuple[Any, Any],
) -> None:  # fmt: skip
    vol, leeg = opmaak
    eerste = "" if cellen[0][0] is None else cellen[0][0]  # xlsxwriter needs a cached value
    blad.write_dynamic_array_formula(*bereik, formule, vol, eerste)
    rij, kol = bereik[:2]
    for i, cel_rij in enumerate(cellen):
        for j, waarde in enumerate(cel_rij):
            if i or j:
                blad.write(rij + i, kol + j, waarde, vol if waarde is not None else leeg)


def _write_values(blad: Worksheet, plek: tuple[int, int], cellen: Cellen, opmaak: Any) -> None:
    """The cells as plain values at ``plek`` (a string as a string, never a formula)."""
    rij, kol = plek
    for i, cel_rij in enumerate(cellen):
        for j, waarde in enumerate(cel_rij):
            if waarde is not None:
                blad.write(rij + i, kol + j, waarde, opmaak[0])


def _write_result(
    bladen: _Bladen, invoer: WerkmapInvoer, opmaak: dict[str, Any], band: float, route: Route
) -> None:
    a, blad = invoer.activiteit, bladen.resultaat
    blad.write(
        0, 0, f"{a.naam}: match tussen inzet en opgave ({invoer.niveau.value})", opmaak["titel"]
    )
    blad.write(
        1,
        0,
        f"Inzet: {a.match_inzet.naam} ({a.match_inzet.eenheid}). Opgave: {a.match_opgave.naam} "
        f"({a.match_opgave.eenheid}). De cellen rekenen met de {_prefix(route)}-functies over "
        f"de gebieden met inzet of opgave; zie het blad {BLAD_UITLEG}.",
    )
    blad.write(EERSTE_RIJ - 1, 0, f"Stap 3 — match ({_shown('OI_MATCH', route)})", opmaak["kop"])
    argumenten = [
        _column(invoer, KOLOM_GEBIED),
        _column(invoer, invoer.inzet),
        _column(invoer, invoer.opgave),
        (f"{band:g}", band),
    ]
    plek = (EERSTE_RIJ, 0)
    _write_function(bladen, plek, ("OI_MATCH", route), argumenten, (None, opmaak["leeg"]))
    onder = EERSTE_RIJ + max(len(invoer.tabel), 1)
    _format_match(blad, onder, opmaak)
    if invoer.tabel[KOLOM_INWONERS].notna().all() and len(invoer.tabel):
        _write_per_capita(bladen, invoer, (onder, route), opmaak)
    blad.set_column(0, 0, 24)
    blad.set_column(1, 5, 15)


def _prefix(route: Route) -> str:
    """``OI.`` or ``OI_``: how the function names start on ``route``."""
    return _shown("OI_MATCH", route).removesuffix("MATCH")


def _format_match(blad: Worksheet, onder: int, opmaak: dict[str, Any]) -> None:
    """Number formats of the match, and the index coloured by the core's signal (column F)."""
    eerste = EERSTE_RIJ + 1
    blad.set_column(1, 2, 15, opmaak["procent"])
    blad.set_column(3, 3, 15, opmaak["pp"])
    blad.set_column(4, 4, 12, opmaak["index"])
    for signaal, soort in ((SIGNAAL_MINDER, "weinig"), (SIGNAAL_MEER, "veel")):
        blad.conditional_format(
            eerste,
            4,
            onder,
            4,
            {
                "type": "formula",
                "criteria": f'=$F{eerste + 1}="{signaal}"',
                "format": opmaak[soort],
            },
        )


def _write_per_capita(
    bladen: _Bladen, invoer: WerkmapInvoer, plek: tuple[int, Route], opmaak: dict[str, Any]
) -> None:
    onder, route = plek
    blad = bladen.resultaat
    eerste = EERSTE_RIJ + 1
    blad.write(EERSTE_RIJ - 1, 7, "Inzet per inwoner t.o.v. het gemiddelde", opmaak["kop"])
    blad.write(EERSTE_RIJ, 7, "Inzet per 1.000 inwoners", opmaak["kop"])
    blad.write(EERSTE_RIJ, 8, "T.o.v. gemiddelde", opmaak["kop"])
    inzet, opgave = _column(invoer, invoer.inzet), _column(invoer, invoer.opgave)
    inwoners = _column(invoer, KOLOM_INWONERS)
    leeg = opmaak["leeg"]
    argumenten = [inzet, inwoners, ("1000", 1000.0)]
    getal = (opmaak["getal"], leeg)
    per = _write_function(bladen, (eerste, 7), ("OI_PER", route), argumenten, getal)
    h = (f"ANCHORARRAY(H{eerste + 1})", per)  # the spill of OI_PER: H6#
    positie = [h, inwoners, ('"hoger"', "hoger")]
    _write_function(bladen, (eerste, 8), ("OI_TOV_GEMIDDELDE", route), positie, (None, leeg))
    _format_position(blad, (eerste, 8, onder, 8), opmaak)
    blad.write(EERSTE_RIJ, 10, "Concentratie-index", opmaak["kop"])
    concentratie = [inzet, opgave, inwoners]
    functie = ("OI_CONCENTRATIE", route)
    _write_function(bladen, (eerste, 10), functie, concentratie, getal)
    blad.set_column(7, 8, 22)
    blad.set_column(10, 10, 20)


def _format_position(
    blad: Worksheet, bereik: tuple[int, int, int, int], opmaak: dict[str, Any]
) -> None:
    regels = (
        ("sterk onder (–)", "sterk_min"),
        ("sterk boven (+)", "sterk_plus"),
        ("(–)", "min"),
        ("(+)", "plus"),
    )
    for tekst, soort in regels:
        blad.conditional_format(
            *bereik,
            {
                "type": "text",
                "criteria": "containing",
                "value": tekst,
                "format": opmaak[soort],
                "stop_if_true": True,
            },
        )


# -- Uitleg and Meta --------------------------------------------------------------------------
def _write_explanation(
    blad: Worksheet, invoer: WerkmapInvoer, opmaak: dict[str, Any], route: Route
) -> None:
    blad.set_column(0, 0, 110, opmaak["tekst"])
    blad.write(0, 0, f"Ongelijk investeren — werkmap {invoer.activiteit.naam}", opmaak["titel"])
    for i, (soort, tekst) in enumerate(_explanation(invoer, route), start=2):
        blad.write(i, 0, tekst, opmaak["kop"] if soort == "kop" else None)


def _explanation(invoer: WerkmapInvoer, route: Route) -> list[tuple[str, str]]:
    a = invoer.activiteit
    regels: list[tuple[str, str]] = [
        ("tekst", f"{a.naam} ({a.afdeling}), niveau {invoer.niveau.value}, jaar {invoer.jaar}."),
        ("tekst", a.beschrijving),
        ("kop", "Bladen"),
        ("tekst", f"{BLAD_INVOER}: de tabel {TABEL_INVOER} met een rij per gebied van het niveau "
                  "en een kolom per indicator. Pas hier de getallen aan; de resultaten rekenen "
                  "mee."),
        ("tekst", f"{BLAD_RESULTAAT}: de match tussen inzet en opgave (aandelen, verschil in "
                  "procentpunten, OI-index, signaal), inzet per 1.000 inwoners ten opzichte van "
                  "het gemiddelde (– / +) en de concentratie-index."),
        ("tekst", f"{BLAD_META}: activiteit, niveau, jaar, de Excel-route, de lijst met "
                  "gebieden van het niveau en twee controles (werken de OI-functies, is de "
                  "invoer ongewijzigd). Niet wijzigen: 'oi rapport --data' leest deze "
                  "werkmap terug."),
        ("tekst", f"{BLAD_KERN} (verborgen): de uitkomsten van de rekenkern en de invoer "
                  "waarmee de werkmap gemaakt is. Niet wijzigen."),
        ("kop", "Invullen"),
        ("tekst", "Een lege cel is een ontbrekende waarde, geen 0. Een gebied zonder inzet en "
                  "zonder opgave telt niet mee in de resultaten. Typ een percentage als getal "
                  "in procenten (47, niet 47%). Excel laat alleen getallen toe (inzet, opgave en "
                  "inwoners 0 of meer) en gebieden uit de lijst."),
        ("kop", "Kolommen"),
    ]  # fmt: skip
    for code in invoer.indicatoren:
        regels.append(("tekst", f"{invoer.header(code)}: {_column_help(invoer, code)}"))
    if invoer.zonder_gegevens:
        regels.append(("tekst", "Nog zonder gegevens (de cellen zijn leeg): "
                                f"{', '.join(invoer.zonder_gegevens)}."))  # fmt: skip
    return regels + _functions_text(route) + _install_text(route)


def _functions_text(route: Route) -> list[tuple[str, str]]:
    regels: list[tuple[str, str]] = [("kop", "Functies")]
    for naam in ("OI_MATCH", "OI_PER", "OI_TOV_GEMIDDELDE", "OI_CONCENTRATIE"):
        f = _INGEBOUWD[naam]
        voorbeeld = f.voorbeeld.replace(naam, _shown(naam, route))
        regels.append(("tekst", f"{voorbeeld}  —  {f.beschrijving}"))
    return regels


_ZONDER = (
    "Zonder invoegtoepassing (ook in LibreOffice, en in Excel voordat de invoegtoepassing "
    "geladen is) tonen de cellen de uitkomsten van de rekenkern bij het maken van de "
    f"werkmap (verborgen blad {BLAD_KERN}), zolang de invoer ongewijzigd is. Wijzigt u een "
    "getal, dan is de invoegtoepassing nodig; zonder staat er 'Geen uitkomst van …: de "
    f"invoer is gewijzigd'. Het blad {BLAD_META} toont bij 'OI-functies beschikbaar' en "
    "'Invoer ongewijzigd' ja of nee. Met de invoegtoepassing rekent Excel de OI-formules bij "
    "elke herberekening opnieuw. 'oi rapport --data <deze werkmap>' geeft dezelfde cijfers "
    "zonder Excel."
)
_ROUTE_TEKST = {
    Route.WEB: (
        "Deze werkmap is gemaakt voor de invoegtoepassing OI (Excel op Windows, Mac en het "
        "web): start 'oi excel serve' of gebruik de server van uw organisatie, en laad de "
        "invoegtoepassing via /manifest. De functies heten OI.MATCH, OI.PER …",
        "Werkt u met de klassieke xlwings-invoegtoepassing (alleen Excel voor Windows)? Maak "
        "de werkmap dan met 'oi excel werkmap … --route klassiek'.",
    ),
    Route.KLASSIEK: (
        "Deze werkmap is gemaakt voor de klassieke xlwings-invoegtoepassing (Excel voor "
        "Windows): 'pip install oi-excel', 'xlwings addin install'; zet in het xlwings-lint "
        "bij UDF Modules 'oi_excel' en klik Import Functions. Bewaar de werkmap daarvoor als "
        ".xlsm.",
        "Excel op het web en Mac gebruiken de invoegtoepassing OI (functies OI.MATCH …): maak "
        "de werkmap dan met 'oi excel werkmap … --route web'.",
    ),
}


def _install_text(route: Route) -> list[tuple[str, str]]:
    deze, andere = _ROUTE_TEKST[route]
    return [
        ("kop", f"De {_prefix(route)}-functies in Excel"),
        ("tekst", deze),
        ("tekst", _ZONDER),
        ("tekst", andere),
    ]


def _write_meta(
    boek: Workbook, blad: Worksheet, invoer: WerkmapInvoer, opmaak: dict[str, Any], route: Route
) -> None:
    """The Meta sheet: key and value (:data:`META_KOLOMMEN`), in columns D and E the level's
    area codes and names (the lists of the input validation), and in G to I the two checks
    every OI formula reads (:func:`_write_checks`)."""
    blad.write_row(0, 0, META_KOLOMMEN, opmaak["kop"])
    rijen = invoer.meta()
    rijen.insert(1, ("route", route.value))
    for i, (sleutel, waarde) in enumerate(rijen, start=1):
        blad.write_row(i, 0, [sleutel, waarde])
    blad.set_column(0, 1, 24)
    if invoer.niveau is not Niveau.DOELGROEP:
        _write_area_lists(boek, blad, invoer, opmaak)
    _write_checks(blad, invoer, opmaak, route)


META_ONTBREEKT = (1, 7)
META_ONGEWIJZIGD = (2, 7)
"""Cells of the Meta sheet (0-based row, column; Excel H2 and H3): 1 when the OI functions
do not work here, and TRUE while the input is as written (:func:`_write_checks`)."""
KERN_INVOER = 12
"""Column (0-based; Excel M) of the Kern sheet where the copy of the input table starts;
columns A to K hold the results at their Resultaat addresses."""
_ONTBREEKT = f"{BLAD_META}!{xl_range_abs(*META_ONTBREEKT, *META_ONTBREEKT)}"
_ONGEWIJZIGD = f"{BLAD_META}!{xl_range_abs(*META_ONGEWIJZIGD, *META_ONGEWIJZIGD)}"


def _write_checks(
    blad: Worksheet, invoer: WerkmapInvoer, opmaak: dict[str, Any], route: Route
) -> None:
    """Two formulas with a Dutch label and a Dutch word next to them.

    H2 is ``ISERROR(OI_AANDEEL(1))``, volatile (``+0*NOW()``) so it is computed again at
    every recalculation: 0 in Excel with the add-in (its cached value), 1 without it and in
    LibreOffice. H3 compares the input table with its copy on the Kern sheet (same cells,
    and the same number of filled cells in those columns, so a row typed below the table
    also counts as a change); also volatile (``NOW()>0``), because LibreOffice otherwise
    keeps the cached value of the word next to it."""
    rij, kol = META_ONTBREEKT
    beschikbaar = f"=ISERROR({formule_naam('OI_AANDEEL', route)}(1))+0*NOW()"
    blad.write(0, kol - 1, "Controle van de OI-functies", opmaak["kop"])
    blad.write(rij, kol - 1, "OI-functies beschikbaar")
    blad.write_formula(rij, kol, beschikbaar, None, 0)
    blad.write_formula(
        rij, kol + 1, f'=IF({xl_range_abs(rij, kol, rij, kol)},"nee","ja")', None, "ja"
    )
    rij, kol = META_ONGEWIJZIGD
    blad.write(rij, kol - 1, "Invoer ongewijzigd sinds het maken")
    blad.write_formula(rij, kol, _unchanged(invoer), None, True)
    blad.write_formula(
        rij, kol + 1, f'=IF({xl_range_abs(rij, kol, rij, kol)},"ja","nee")', None, "ja"
    )
    blad.write(
        rij + 1,
        kol - 1,
        "Werken de OI-functies hier niet, dan tonen de resultaten de uitkomsten van de "
        "rekenkern bij het maken van de werkmap, zolang de invoer ongewijzigd is.",
    )
    blad.set_column(kol - 1, kol - 1, 36)


def _unchanged(invoer: WerkmapInvoer) -> str:
    """``TRUE`` while the Invoer table holds what was written (its copy on the Kern sheet)."""
    rijen, kolommen = max(len(invoer.tabel), 1), len(invoer.tabel.columns)
    invoer_ = f"{BLAD_INVOER}!{xl_range_abs(1, 0, rijen, kolommen - 1)}"
    kopie = f"{BLAD_KERN}!{xl_range_abs(1, KERN_INVOER, rijen, KERN_INVOER + kolommen - 1)}"
    kolom_i = xl_range_abs(0, 0, 0, kolommen - 1).replace("$1", "")
    kolom_k = xl_range_abs(0, KERN_INVOER, 0, KERN_INVOER + kolommen - 1).replace("$1", "")
    return (
        f"=AND(COUNTA({BLAD_INVOER}!{kolom_i})=COUNTA({BLAD_KERN}!{kolom_k}),"
        f"SUMPRODUCT(--({invoer_}<>{kopie}))=0,NOW()>0)"
    )


def _write_kern_input(kern: Worksheet, invoer: WerkmapInvoer, opmaak: dict[str, Any]) -> None:
    """The Kern sheet's title, and the input table as written (headers and values) from
    column :data:`KERN_INVOER`, the copy :func:`_unchanged` compares with."""
    kern.write(
        0,
        0,
        "Uitkomsten van de rekenkern bij het maken van de werkmap, en de invoer waarmee ze "
        "gemaakt zijn. Niet wijzigen.",
        opmaak["kop"],
    )
    kern.write_row(0, KERN_INVOER, [invoer.header(str(k)) for k in invoer.tabel.columns])
    _write_values(kern, (1, KERN_INVOER), _input_rows(invoer), (None, None))


def _write_area_lists(
    boek: Workbook, blad: Worksheet, invoer: WerkmapInvoer, opmaak: dict[str, Any]
) -> None:
    tabel = invoer.tabel
    laatste = max(len(tabel), 1) + 1
    for kolom, naam, letter in (
        (KOLOM_CODE, LIJST_CODES, "D"),
        (KOLOM_GEBIED, LIJST_GEBIEDEN, "E"),
    ):
        j = ord(letter) - ord("A")
        blad.write(0, j, f"{kolom} ({invoer.niveau.value})", opmaak["kop"])
        blad.write_column(1, j, [str(v) for v in tabel[kolom]])
        boek.define_name(naam, f"='{BLAD_META}'!${letter}$2:${letter}${laatste}")
    blad.set_column(3, 3, 12)
    blad.set_column(4, 4, 32)
