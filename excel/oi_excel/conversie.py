"""Turning what Excel passes into what an Excel function expects, and results into cells.

Framework-free: the Excel layer (``oi_excel.udfs``) hands every argument over as Excel
gives it — a 2-D list for a range, a scalar for a single value, ``None`` for an omitted
argument — and :func:`convert_argument` converts it per
:attr:`~oi_core.model.registratie.ExcelArgument.soort`. :func:`to_cells` turns any result
into the 2-D list of cell values that Excel spills; a DataFrame's column keys become their
Dutch headers from the column catalogue (:func:`header`). :func:`call_function` does all
three for one registered function, so the add-in and the workbook's cached values
(:mod:`oi_excel.werkmap.schrijven`) give the same cells.

How Excel hands over values:

- an empty cell is ``None`` (the classic add-in, and xlwings Server for ranges); Excel on
  the web and Office.js may send ``""`` (read as empty) or ``0`` for an empty cell that a
  formula *references on its own* — a 0 cannot be told from a typed 0, see the docs;
- numbers arrive as floats, dates in the classic add-in as ``datetime`` (refused where a
  number belongs), Excel error values as their text (``#N/A``, ``#DEEL/0!``) and are
  refused with their name;
- Dutch number text (``"7,2"``, ``"1.234,5"``, ``"47%"``) is read by
  :func:`~oi_core.invoer.getallen.parse_number`.

Every user mistake raises :class:`~oi_core.errors.InvoerFout` naming the argument and the
row or column within the range.
"""

from __future__ import annotations

import contextlib
import itertools
import math
import operator
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from oi_core.errors import InterneFout, InvoerFout, OIFout, PluginFout
from oi_core.invoer.getallen import (
    EXCEL_FOUTWAARDEN,
    Cultuur,
    GetalFout,
    KolomFout,
    cultuur,
    is_empty,
    parse_column,
)
from oi_core.model.registratie import ExcelArgument, ExcelFunctie
from oi_core.weergave.kolommen import is_code_name, zoek

__all__ = [
    "CULTUUR",
    "EXCEL",
    "RUNTIME",
    "Uitvoer",
    "as_2d",
    "call_function",
    "convert_argument",
    "from_officejs",
    "header",
    "headers",
    "in_culture",
    "is_row",
    "officejs",
    "to_cells",
]

Cellen = list[list[Any]]


# -- the culture of the calling Excel --------------------------------------------------------
CULTUUR: ContextVar[Cultuur | None] = ContextVar("oi_excel_cultuur", default=None)
"""How the calling Excel writes numbers as text: set per call from Office.js's
``culture_info_name`` (:func:`in_culture`) or the classic add-in's Excel settings; ``None``:
the decimal mark is sniffed per argument."""


@contextlib.contextmanager
def in_culture(naam_of_cultuur: str | Cultuur | None) -> Iterator[None]:
    """Convert arguments in this culture (``"nl-NL"``, a :class:`Cultuur`) within the block."""
    gekozen = naam_of_cultuur if isinstance(naam_of_cultuur, Cultuur) else cultuur(naam_of_cultuur)
    token = CULTUUR.set(gekozen)
    try:
        yield
    finally:
        CULTUUR.reset(token)


RUNTIME: ContextVar[str] = ContextVar("oi_excel_runtime", default="1.4")
"""The Office.js custom-functions requirement set of the calling Excel (the payload's
``runtime``): from 1.4 on an Excel error value is sent as an error object."""


# -- Office.js wire format (xlwings Server) ------------------------------------------------
_ONVERANDERD = frozenset({"floating", "integer", "mixed-integer-float", "empty", "boolean"})
"""Kinds of range (``pandas.api.types.infer_dtype``) in which no cell needs cleaning."""


def from_officejs(waarde: Any) -> Any:
    """An argument as xlwings' value converter reads it from Office.js, for a whole range
    at once: a scalar or a row as a 2-D list, ``""`` as an empty cell (``None``), an error
    or data-type object as its ``basicValue`` (``"#N/A"``). ``None`` (omitted) stays.

    The same cells as xlwings' ``@arg(ndim=2, err_to_str=True)``, without its per-cell
    Python calls; a range of plain values without ``""`` (what Excel sends most) is
    returned as it came.
    """
    if waarde is None:
        return None
    rijen = _ensure_2d(waarde)
    if set(map(type, rijen)) == {list}:
        cellen = list(itertools.chain.from_iterable(rijen))
        soorten = set(map(type, cellen))
        if soorten <= _KALE_CELLEN and (str not in soorten or "" not in cellen):
            return rijen
    vlak = np.array(rijen, dtype=object)
    if vlak.ndim != 2:  # ragged or nested: cell by cell, as xlwings does
        return [[_officejs_cell(c) for c in rij] for rij in rijen]
    soort = pd.api.types.infer_dtype(vlak.ravel(), skipna=True)
    if soort in _ONVERANDERD:
        return rijen
    if soort == "string":
        vlak[vlak == ""] = None
        return vlak.tolist()
    return [[_officejs_cell(c) for c in rij] for rij in rijen]


_KALE_CELLEN = frozenset({float, int, bool, str, type(None)})
"""Cell types from JSON that xlwings hands over unchanged, except the text ``""``."""


def _ensure_2d(waarde: Any) -> list[Any]:
    if isinstance(waarde, list | tuple):
        if waarde and not isinstance(waarde[0], list | tuple):
            return [waarde]
        return list(waarde)
    return [[waarde]]


def _officejs_cell(waarde: Any) -> Any:
    if isinstance(waarde, dict):
        return waarde["basicValue"]  # an error ("#N/A") or a data type's plain value
    return None if isinstance(waarde, str) and waarde == "" else waarde


_FOUTTYPEN = {
    "#DIV/0!": "Div0",
    "#N/A": "NotAvailable",
    "#NAME?": "Name",
    "#NULL!": "Null",
    "#NUM!": "Num",
    "#REF!": "Ref",
    "#VALUE!": "Value",
}
"""Excel error texts and their Office.js error type (as xlwings' Office.js engine)."""


@dataclass(frozen=True)
class Uitvoer:
    """How result cells are written: an empty cell as ``leeg``, an Excel error text as its
    entry in ``fouten`` (Office.js error objects), any other value as it is."""

    leeg: Any = None
    fouten: Mapping[str, Any] = field(default_factory=dict)

    def cell(self, waarde: Any) -> Any:
        """One plain cell value (after :func:`_cell`) as written."""
        if waarde is None:
            return self.leeg
        if isinstance(waarde, str) and waarde in self.fouten:
            return self.fouten[waarde]
        return waarde


EXCEL = Uitvoer()
"""Cells for the classic add-in and the workbook: ``None`` for empty, texts as they are."""


def officejs(runtime: str | None = None) -> Uitvoer:
    """Cells as xlwings Server sends them to Office.js (``runtime``, default
    :data:`RUNTIME`): ``""`` for empty and, from requirement set 1.4 on, an Excel error
    text as an error object — the JSON of xlwings' default return converter."""
    if _as_float(runtime or RUNTIME.get()) < 1.4:
        return Uitvoer(leeg="")
    fouten = {t: {"type": "Error", "errorType": s} for t, s in _FOUTTYPEN.items()}
    return Uitvoer(leeg="", fouten=fouten)


def _as_float(tekst: str) -> float:
    try:
        return float(tekst)
    except ValueError:
        return 1.4


# -- arguments ----------------------------------------------------------------------------
def as_2d(waarde: Any) -> Cellen:
    """Any argument as rows of cells: a scalar is one cell, a flat list one column.

    Rows that are lists already are the rows given (not copied): the cells are read, not
    changed.
    """
    if isinstance(waarde, np.ndarray):
        waarde = waarde.tolist()
    if isinstance(waarde, list | tuple):
        if not waarde:
            return [[None]]
        if set(map(type, waarde)) == {list}:
            return list(waarde)
        if _all_rows(waarde):
            return list(map(list, waarde))
        return [[v] for v in waarde]
    return [[waarde]]


def _all_rows(waarde: Sequence[Any]) -> bool:
    """Every item a list or tuple: the types at once, item by item only for subclasses."""
    return set(map(type, waarde)) <= {list, tuple} or all(
        isinstance(r, list | tuple) for r in waarde
    )


def is_row(waarde: Any) -> bool:
    """True for a range of one row and more than one column (a horizontal range)."""
    cellen = as_2d(waarde)
    return len(cellen) == 1 and len(cellen[0]) > 1


def convert_argument(waarde: Any, argument: ExcelArgument) -> Any:
    """Convert one argument as its :class:`ExcelArgument` declares; ``None`` when omitted."""
    if waarde is None and argument.optioneel:
        return None
    return _OMZETTERS[argument.soort](waarde, argument.naam)


def _vector(waarde: Any, naam: str) -> tuple[list[Any], str]:
    """The cells of a row or a column, and the word for a position in it (rij/kolom)."""
    cellen = as_2d(waarde)
    lengtes = set(map(len, cellen))
    hoog, breed = len(cellen), max(lengtes)
    if hoog > 1 and breed > 1:
        raise InvoerFout(
            f"verwacht één rij of één kolom, geen blok van {hoog} rijen × {breed} kolommen",
            argument=naam,
        )
    if hoog == 1:
        return list(cellen[0]), "kolom"
    if lengtes == {1}:
        return list(map(operator.itemgetter(0), cellen)), "rij"
    return [r[0] if r else None for r in cellen], "rij"


def _parse(cellen: Sequence[Any], naam: str, plek: Any) -> np.ndarray:
    """Cells as floats in the caller's culture; the first bad cell is named by ``plek(i)``."""
    try:
        return parse_column(cellen, CULTUUR.get())
    except KolomFout as fout:
        i, melding = fout.fouten[0]
        meer = f" (en nog {len(fout.fouten) - 1} cellen)" if len(fout.fouten) > 1 else ""
        raise _cell_error(naam, plek(i), melding + meer) from None


def _cell_error(naam: str, plek: tuple[str, int] | None, melding: str) -> InvoerFout:
    if plek is None:
        return InvoerFout(melding, argument=naam)
    woord, i = plek
    if woord == "rij":
        return InvoerFout(melding, argument=naam, rij=i)
    return InvoerFout(f"{woord} {i}: {melding}", argument=naam)


def _numbers(waarde: Any, naam: str) -> np.ndarray:
    cellen, woord = _vector(waarde, naam)
    if len(cellen) == 1:
        return _parse(cellen, naam, lambda i: None)
    return _parse(cellen, naam, lambda i: (woord, i + 1))


def _single(waarde: Any, naam: str, wat: str) -> Any:
    vlak = [v for r in as_2d(waarde) for v in r]
    if len(vlak) != 1:
        raise InvoerFout(f"verwacht {wat}, geen bereik van {len(vlak)} cellen", argument=naam)
    return vlak[0]


def _one_number(waarde: Any, naam: str) -> float | None:
    getal = float(_parse([_single(waarde, naam, "één getal")], naam, lambda i: None)[0])
    return None if math.isnan(getal) else getal


def _text(waarde: Any, naam: str, plek: tuple[str, int] | None = None) -> str | None:
    if is_empty(waarde):
        return None
    if isinstance(waarde, bool | np.bool_):
        raise _cell_error(naam, plek, f"'{'WAAR' if waarde else 'ONWAAR'}' is geen tekst of naam")
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    tekst = str(waarde).strip()
    if tekst.upper() in EXCEL_FOUTWAARDEN:
        raise _cell_error(naam, plek, f"Excel-foutwaarde {tekst} in plaats van een tekst")
    return tekst


def _one_text(waarde: Any, naam: str) -> str | None:
    return _text(_single(waarde, naam, "één tekst"), naam)


def _texts(waarde: Any, naam: str) -> list[str | None]:
    cellen, woord = _vector(waarde, naam)
    if len(cellen) == 1:
        return [_text(cellen[0], naam)]
    if set(map(type, cellen)) == {str}:  # names as Excel sends them: all at once
        kaal = list(map(str.strip, cellen))
        if not EXCEL_FOUTWAARDEN.intersection(map(str.upper, kaal)):
            return [t or None for t in kaal]
    return [_text(v, naam, (woord, i)) for i, v in enumerate(cellen, start=1)]


def _table(waarde: Any, naam: str) -> Cellen:
    return list(map(list, as_2d(waarde)))  # the function's own rows


def _number_table(waarde: Any, naam: str) -> np.ndarray:
    cellen = as_2d(waarde)
    breed = max(len(r) for r in cellen)
    if any(len(r) != breed for r in cellen):
        raise InvoerFout("de rijen van het blok zijn niet even lang", argument=naam)
    if breed == 0:
        raise InvoerFout("het blok is leeg", argument=naam)
    vlak = [v for rij in cellen for v in rij]
    getallen = _parse(vlak, naam, lambda i: (f"rij {i // breed + 1}, kolom", i % breed + 1))
    return getallen.reshape(len(cellen), breed)


def _as_given(waarde: Any, naam: str) -> Any:
    return waarde


_OMZETTERS = {
    "getallen": _numbers,
    "getal": _one_number,
    "tekst": _one_text,
    "teksten": _texts,
    "tabel": _table,
    "getallentabel": _number_table,
    "waarde": _as_given,
}


# -- headers ------------------------------------------------------------------------------
def header(sleutel: Any) -> str:
    """The Dutch header of a column: the column catalogue's ``kop`` for a registered key.

    A header that is already written for people (``Gebied``, ``Inwoners 0-14 jaar``) is
    kept. A code name without a registered :class:`~oi_core.model.registratie.Kolom` is
    refused with a :class:`~oi_core.errors.PluginFout`, so it never reaches a person.
    """
    tekst = str(sleutel)
    kolom = zoek(tekst)
    if kolom is not None:
        return kolom.kop
    if is_code_name(tekst):
        raise PluginFout(
            f"kolom '{tekst}' heeft geen Nederlandse kop: de plugin moet hem registreren "
            "met register_kolommen (Kolom)"
        )
    return tekst


def headers(sleutels: Iterable[Any]) -> list[str]:
    """:func:`header` of every key, in order."""
    return [header(k) for k in sleutels]


# -- results ------------------------------------------------------------------------------
def call_function(functie: ExcelFunctie, args: Sequence[Any], uitvoer: Uitvoer = EXCEL) -> Cellen:
    """Call a registered function as Excel does: convert ``args``, call, return its cells.

    ``args`` are as Excel hands them over (missing trailing arguments are ``None``). A user
    mistake raises :class:`~oi_core.errors.OIFout`; any other exception is a defect and
    becomes an :class:`~oi_core.errors.InterneFout` naming the function and its plugin, so
    nothing but an ``OIFout`` ever leaves an Excel function.
    """
    try:
        return _call(functie, args, uitvoer)
    except OIFout:
        raise
    except GetalFout as fout:  # a plugin that parses a number itself
        raise InvoerFout(str(fout)) from fout
    except Exception as fout:
        raise InterneFout(functie.naam, functie.plugin or "oi-core", fout) from fout


def _call(functie: ExcelFunctie, args: Sequence[Any], uitvoer: Uitvoer) -> Cellen:
    _check_count(functie, args)
    n = len(functie.argumenten)
    waarden = list(args)[:n] + [None] * (n - len(args))  # extra arguments are all empty
    omgezet = [convert_argument(w, a) for w, a in zip(waarden, functie.argumenten, strict=True)]
    resultaat = functie.functie(*omgezet)
    return to_cells(resultaat, liggend=_horizontal(functie, waarden), uitvoer=uitvoer)


def _check_count(functie: ExcelFunctie, args: Sequence[Any]) -> None:
    """More arguments than declared is a mistake (an extra ``;`` in the formula)."""
    extra = [i for i in range(len(functie.argumenten), len(args)) if args[i] is not None]
    if extra:
        n = len(functie.argumenten)
        raise InvoerFout(
            f"{functie.naam} heeft {n} argument{'en' if n != 1 else ''}, maar kreeg er "
            f"{len(args)}; haal argument {extra[0] + 1} weg"
        )


def _horizontal(functie: ExcelFunctie, waarden: list[Any]) -> bool:
    """A 1-D result follows the first argument when that is a row or column of values."""
    if not functie.argumenten or functie.argumenten[0].soort not in ("getallen", "teksten"):
        return False
    return is_row(waarden[0])


def to_cells(resultaat: Any, *, liggend: bool = False, uitvoer: Uitvoer = EXCEL) -> Cellen:
    """Any result as the 2-D list of cells Excel spills.

    A number or text is one cell; a Series, 1-D array or flat list one column (one row
    with ``liggend``); a 2-D list or array its rows; a DataFrame its header row (the Dutch
    :func:`header` of each column key) and then its rows (the index is not written: put
    labels in a column). Missing values (NaN, ``None``, ``pd.NA``) become empty cells,
    numpy scalars plain Python values. ``uitvoer`` says how an empty cell and an Excel
    error text are written (:data:`EXCEL`, or :func:`officejs` for xlwings Server); a
    DataFrame is converted column by column, each column in one step.
    """
    if isinstance(resultaat, pd.DataFrame):
        return _frame_cells(resultaat, uitvoer)
    cellen = _plain_cells(resultaat, liggend)
    return cellen if uitvoer == EXCEL else [[uitvoer.cell(c) for c in r] for r in cellen]


def _plain_cells(resultaat: Any, liggend: bool) -> Cellen:
    if isinstance(resultaat, pd.Series):
        if resultaat.dtype.kind in "fiu":
            return _sequence_cells(_column_cells(resultaat), liggend)
        resultaat = resultaat.tolist()
    if isinstance(resultaat, np.ndarray):
        resultaat = resultaat.tolist()
    if isinstance(resultaat, list | tuple):
        return _sequence_cells(resultaat, liggend)
    return [[_cell(resultaat)]]


def _sequence_cells(reeks: Sequence[Any], liggend: bool) -> Cellen:
    if not reeks:
        return [[None]]
    if all(isinstance(r, list | tuple | np.ndarray) for r in reeks):
        rijen = [[_cell(v) for v in r] for r in reeks]
        breed = max(len(r) for r in rijen) or 1
        return [r + [None] * (breed - len(r)) for r in rijen]
    if liggend:
        return [[_cell(v) for v in reeks]]
    return [[_cell(v)] for v in reeks]


def _frame_cells(tabel: pd.DataFrame, uitvoer: Uitvoer) -> Cellen:
    """The header row (Dutch), then the rows: filled column by column, each in one step."""
    kop: list[Any] = [uitvoer.cell(k) for k in headers(tabel.columns)]
    if tabel.shape[1] == 0:
        return [kop]
    blok = np.empty(tabel.shape, dtype=object)
    for j, (_, kolom) in enumerate(tabel.items()):  # over the columns, not the areas
        blok[:, j] = _column_array(kolom, uitvoer)
    return [kop, *blok.tolist()]


def _column_cells(kolom: pd.Series) -> list[Any]:
    """One column's cells; a numeric column in one step (non-finite → empty)."""
    return list(_column_array(kolom).tolist())


def _column_array(kolom: pd.Series, uitvoer: Uitvoer = EXCEL) -> np.ndarray:
    """One column's cells as an object array of plain Python values, in one step for a
    numeric column (non-finite → empty) and for a text column (missing → empty)."""
    if kolom.dtype.kind in "fiu":
        x = kolom.to_numpy(dtype=float)
        uit = x.astype(object)  # Python floats
        uit[~np.isfinite(x)] = uitvoer.leeg
        return uit
    uit = kolom.to_numpy(dtype=object, copy=True)
    leeg = pd.isna(uit)
    if set(map(type, uit[~leeg])) <= {str}:  # text (plain str, not numpy's str_) or empty
        uit[leeg] = uitvoer.leeg
        for tekst in uitvoer.fouten.keys() & set(uit[~leeg].tolist()):  # Excel error texts
            uit[uit == tekst] = uitvoer.fouten[tekst]
        return uit
    uit[:] = [uitvoer.cell(_cell(v)) for v in uit]
    return uit


def _cell(waarde: Any) -> Any:
    if isinstance(waarde, np.generic):
        waarde = waarde.item()
    if waarde is None or waarde is pd.NA or waarde is pd.NaT:
        return None
    if isinstance(waarde, float) and not math.isfinite(waarde):
        return None
    if not isinstance(waarde, str | bool | int | float):  # JSON-clean cells only
        raise TypeError(f"resultaatcel van type {type(waarde).__name__}")
    return waarde
