"""Writing a ready-to-use workbook (*werkmap*) for one activity with xlsxwriter.

The layout is the contract in :mod:`oi_excel.werkmap.lezen` (sheet, table and column
names, the Meta sheet), so ``oi rapport --data`` can read the workbook back. Every header
is Dutch: the fixed columns, the indicators (:func:`~oi_excel.werkmap.lezen.indicator_header`)
and the spilled tables (the column catalogue, through :func:`oi_excel.conversie.to_cells`).

The Resultaat sheet uses the ``OI_`` functions on the input table; Excel computes them
through the add-in. Each formula cell also carries its cached value, and that value is the
registered Excel function's own result on the table (:func:`oi_excel.conversie.call_function`):
one number, one place, and a viewer without the add-in shows the core's figures. The match
uses the core's default band :data:`~oi_core.rekenen.kern.BAND` unless another is given,
and its colours follow the core's signal, so no threshold is typed here. A file is never
overwritten unless asked. Every text (area names, labels, a plugin's names) is a string
cell, never a formula (:mod:`oi_core.weergave.cellen`): formulas are only the ``OI_`` ones
written through ``write_dynamic_array_formula``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import xlsxwriter  # type: ignore[import-untyped]
from xlsxwriter.workbook import Workbook  # type: ignore[import-untyped]
from xlsxwriter.worksheet import Worksheet  # type: ignore[import-untyped]

from oi_core import InvoerFout, Niveau, OIFout, activiteit, write_atomic
from oi_core.rekenen.kern import BAND, SIGNAAL_MEER, SIGNAAL_MINDER
from oi_core.weergave.cellen import XLSX_OPTIES
from oi_excel.catalogus import BUILTIN_EXCEL_FUNCTIES
from oi_excel.conversie import Cellen, call_function
from oi_excel.werkmap.lezen import (
    BLAD_INVOER,
    BLAD_META,
    BLAD_RESULTAAT,
    BLAD_UITLEG,
    KOLOM_GEBIED,
    KOLOM_INWONERS,
    META_KOLOMMEN,
    TABEL_INVOER,
    VASTE_KOLOMMEN,
    WerkmapInvoer,
    build_invoer,
)

__all__ = ["make_werkmap", "write_werkmap"]

_INGEBOUWD = {f.naam: f for f in BUILTIN_EXCEL_FUNCTIES}
"""The workbook's formulas are oi_excel's own functions, registered or not."""

EERSTE_RIJ = 4  # 0-based row of the OI_MATCH formula on the Resultaat sheet (Excel row 5)


def make_werkmap(
    code: str,
    pad: str | Path,
    *,
    niveau: Niveau | str | None = None,
    overschrijf: bool = False,
    band: float = BAND,
) -> Path:
    """Write the workbook of the registered activity ``code`` at ``niveau`` to ``pad``."""
    pad = Path(pad)
    if pad.suffix.lower() != ".xlsx":
        raise InvoerFout(f"'{pad.name}': een werkmap eindigt op .xlsx", argument="uitvoer")
    reg = activiteit(code)
    invoer = build_invoer(reg.activiteit, reg.data(), niveau)
    return write_werkmap(invoer, pad, overschrijf=overschrijf, band=band)


def write_werkmap(
    invoer: WerkmapInvoer, pad: str | Path, *, overschrijf: bool = False, band: float = BAND
) -> Path:
    """Write ``invoer`` as a workbook; an existing ``pad`` only with ``overschrijf``.

    ``band`` is the margin of *in verhouding* that the ``OI_MATCH`` formula passes on.
    """
    return write_atomic(pad, lambda p: _write(invoer, p, band), overschrijf=overschrijf)


def _write(invoer: WerkmapInvoer, pad: Path, band: float) -> None:
    boek = xlsxwriter.Workbook(str(pad), XLSX_OPTIES)  # text stays text, never a formula
    opmaak = _formats(boek)
    uitleg = boek.add_worksheet(BLAD_UITLEG)
    _write_input(boek.add_worksheet(BLAD_INVOER), invoer, opmaak)
    _write_result(boek.add_worksheet(BLAD_RESULTAAT), invoer, opmaak, band)
    _write_explanation(uitleg, invoer, opmaak)
    _write_meta(boek.add_worksheet(BLAD_META), invoer, opmaak)
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
    rijen = [[_cell(v) for v in rij] for rij in tabel.itertuples(index=False)]
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
def _ref(invoer: WerkmapInvoer, kolom: str) -> str:
    """A structured reference to a column of the input table, by its Dutch header."""
    kop = "".join(f"'{t}" if t in "[]#'" else t for t in invoer.header(kolom))
    return f"{TABEL_INVOER}[{kop}]"


def _column(invoer: WerkmapInvoer, kolom: str) -> Cellen:
    """A column of the input table as Excel hands a range to a function."""
    return [[_cell(v)] for v in invoer.tabel[kolom]]


def _write_function(
    blad: Worksheet,
    plek: tuple[int, int],
    naam: str,
    argumenten: Sequence[tuple[str, Any]],
    opmaak: Any,
    leeg: Any,
) -> Cellen:
    """Write ``=naam(...)`` as a spilling formula whose cells hold the function's result.

    ``argumenten`` pairs each formula argument with the value Excel would pass; the cached
    cells are :func:`call_function` of the registered function on those values. When the
    core refuses them, the formula's cell holds the Dutch message, as Excel would show.
    """
    formule = f"={naam}({','.join(a for a, _ in argumenten)})"
    try:
        cellen = call_function(_INGEBOUWD[naam], [w for _, w in argumenten])
    except OIFout as fout:
        cellen = [[f"{naam}: {fout}"]]
    rij, kol = plek
    onder, rechts = rij + len(cellen) - 1, kol + len(cellen[0]) - 1
    eerste = "" if cellen[0][0] is None else cellen[0][0]  # xlsxwriter needs a cached value
    blad.write_dynamic_array_formula(rij, kol, onder, rechts, formule, opmaak, eerste)
    for i, cel_rij in enumerate(cellen):
        for j, waarde in enumerate(cel_rij):
            if i or j:
                blad.write(rij + i, kol + j, waarde, opmaak if waarde is not None else leeg)
    return cellen


def _write_result(
    blad: Worksheet, invoer: WerkmapInvoer, opmaak: dict[str, Any], band: float
) -> None:
    a = invoer.activiteit
    blad.write(
        0, 0, f"{a.naam}: match tussen inzet en opgave ({invoer.niveau.value})", opmaak["titel"]
    )
    blad.write(
        1,
        0,
        f"Inzet: {a.match_inzet.naam} ({a.match_inzet.eenheid}). Opgave: {a.match_opgave.naam} "
        f"({a.match_opgave.eenheid}). De cellen rekenen met de OI_-functies; zie het blad "
        f"{BLAD_UITLEG}.",
    )
    blad.write(EERSTE_RIJ - 1, 0, "Stap 3 — match (OI_MATCH)", opmaak["kop"])
    argumenten = [
        (_ref(invoer, KOLOM_GEBIED), _column(invoer, KOLOM_GEBIED)),
        (_ref(invoer, invoer.inzet), _column(invoer, invoer.inzet)),
        (_ref(invoer, invoer.opgave), _column(invoer, invoer.opgave)),
        (f"{band:g}", band),
    ]
    _write_function(blad, (EERSTE_RIJ, 0), "OI_MATCH", argumenten, None, opmaak["leeg"])
    onder = EERSTE_RIJ + max(len(invoer.tabel), 1)
    _format_match(blad, onder, opmaak)
    if invoer.tabel[KOLOM_INWONERS].notna().all() and len(invoer.tabel):
        _write_per_capita(blad, invoer, onder, opmaak)
    blad.set_column(0, 0, 24)
    blad.set_column(1, 5, 15)


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
    blad: Worksheet, invoer: WerkmapInvoer, onder: int, opmaak: dict[str, Any]
) -> None:
    eerste = EERSTE_RIJ + 1
    blad.write(EERSTE_RIJ - 1, 7, "Inzet per inwoner t.o.v. het gemiddelde", opmaak["kop"])
    blad.write(EERSTE_RIJ, 7, "Inzet per 1.000 inwoners", opmaak["kop"])
    blad.write(EERSTE_RIJ, 8, "T.o.v. gemiddelde", opmaak["kop"])
    inzet = (_ref(invoer, invoer.inzet), _column(invoer, invoer.inzet))
    opgave = (_ref(invoer, invoer.opgave), _column(invoer, invoer.opgave))
    inwoners = (_ref(invoer, KOLOM_INWONERS), _column(invoer, KOLOM_INWONERS))
    leeg = opmaak["leeg"]
    per = _write_function(
        blad, (eerste, 7), "OI_PER", [inzet, inwoners, ("1000", 1000.0)], opmaak["getal"], leeg
    )
    h = (f"H{eerste + 1}:H{onder + 1}", per)
    positie = [h, inwoners, ('"hoger"', "hoger")]
    _write_function(blad, (eerste, 8), "OI_TOV_GEMIDDELDE", positie, None, leeg)
    _format_position(blad, (eerste, 8, onder, 8), opmaak)
    blad.write(EERSTE_RIJ, 10, "Concentratie-index", opmaak["kop"])
    concentratie = [inzet, opgave, inwoners]
    _write_function(blad, (eerste, 10), "OI_CONCENTRATIE", concentratie, opmaak["getal"], leeg)
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
def _write_explanation(blad: Worksheet, invoer: WerkmapInvoer, opmaak: dict[str, Any]) -> None:
    blad.set_column(0, 0, 110, opmaak["tekst"])
    blad.write(0, 0, f"Ongelijk investeren — werkmap {invoer.activiteit.naam}", opmaak["titel"])
    for i, (soort, tekst) in enumerate(_explanation(invoer), start=2):
        blad.write(i, 0, tekst, opmaak["kop"] if soort == "kop" else None)


def _explanation(invoer: WerkmapInvoer) -> list[tuple[str, str]]:
    a = invoer.activiteit
    regels: list[tuple[str, str]] = [
        ("tekst", f"{a.naam} ({a.afdeling}), niveau {invoer.niveau.value}, jaar {invoer.jaar}."),
        ("tekst", a.beschrijving),
        ("kop", "Bladen"),
        ("tekst", f"{BLAD_INVOER}: de tabel {TABEL_INVOER} met een rij per gebied en een kolom per "
                  "indicator. Pas hier de getallen aan; de resultaten rekenen mee."),
        ("tekst", f"{BLAD_RESULTAAT}: de match tussen inzet en opgave (aandelen, verschil in "
                  "procentpunten, OI-index, signaal), inzet per 1.000 inwoners ten opzichte van "
                  "het gemiddelde (– / +) en de concentratie-index."),
        ("tekst", f"{BLAD_META}: activiteit, niveau en jaar. Niet wijzigen: 'oi rapport --data' "
                  "leest deze werkmap terug."),
        ("kop", "Invullen"),
        ("tekst", "Een lege cel is een ontbrekende waarde, geen 0. Typ een percentage als getal "
                  "in procenten (47, niet 47%). Decimalen mogen met een komma."),
        ("kop", "Kolommen"),
    ]  # fmt: skip
    for code in invoer.indicatoren:
        regels.append(("tekst", f"{invoer.header(code)}: {_column_help(invoer, code)}"))
    if invoer.weggelaten:
        regels.append(("tekst", "Zonder gegevens en daarom weggelaten: "
                                f"{', '.join(invoer.weggelaten)}. Voeg een rij toe om ze mee "
                                "te nemen."))  # fmt: skip
    return regels + _functions_text() + _install_text()


def _functions_text() -> list[tuple[str, str]]:
    regels: list[tuple[str, str]] = [("kop", "Functies")]
    for naam in ("OI_MATCH", "OI_PER", "OI_TOV_GEMIDDELDE", "OI_CONCENTRATIE"):
        f = _INGEBOUWD[naam]
        regels.append(("tekst", f"{f.voorbeeld}  —  {f.beschrijving}"))
    return regels


def _install_text() -> list[tuple[str, str]]:
    return [
        ("kop", "De OI_-functies in Excel"),
        ("tekst", "Excel voor Windows: 'pip install oi-excel', 'xlwings addin install'; zet in "
                  "het xlwings-lint bij UDF Modules 'oi_excel' en klik Import Functions. Bewaar "
                  "de werkmap daarvoor als .xlsm. Tot dan tonen de cellen #NAAM?."),
        ("tekst", "Excel op het web en Mac: start 'oi excel serve' en laad de invoegtoepassing "
                  "via /manifest. De functies heten daar OI.MATCH, OI.PER …: vervang in de "
                  "formules 'OI_' door 'OI.'."),
        ("tekst", "Zonder invoegtoepassing geeft 'oi rapport --data <deze werkmap>' dezelfde "
                  "cijfers."),
    ]  # fmt: skip


def _write_meta(blad: Worksheet, invoer: WerkmapInvoer, opmaak: dict[str, Any]) -> None:
    blad.write_row(0, 0, META_KOLOMMEN, opmaak["kop"])
    for i, (sleutel, waarde) in enumerate(invoer.meta(), start=1):
        blad.write_row(i, 0, [sleutel, waarde])
    blad.set_column(0, 1, 24)
