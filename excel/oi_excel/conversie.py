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

import math
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from oi_core.errors import InvoerFout, PluginFout
from oi_core.invoer.getallen import GetalFout, is_empty, parse_number
from oi_core.model.registratie import ExcelArgument, ExcelFunctie
from oi_core.weergave.kolommen import is_code_name, zoek

__all__ = [
    "as_2d",
    "call_function",
    "convert_argument",
    "header",
    "headers",
    "is_row",
    "to_cells",
]

Cellen = list[list[Any]]


# -- arguments ----------------------------------------------------------------------------
def as_2d(waarde: Any) -> Cellen:
    """Any argument as rows of cells: a scalar is one cell, a flat list one column."""
    if isinstance(waarde, np.ndarray):
        waarde = waarde.tolist()
    if isinstance(waarde, list | tuple):
        if not waarde:
            return [[None]]
        if all(isinstance(r, list | tuple) for r in waarde):
            return [list(r) for r in waarde]
        return [[v] for v in waarde]
    return [[waarde]]


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
    hoog, breed = len(cellen), max(len(r) for r in cellen)
    if hoog > 1 and breed > 1:
        raise InvoerFout(
            f"verwacht één rij of één kolom, geen blok van {hoog} rijen × {breed} kolommen",
            argument=naam,
        )
    if hoog == 1:
        return list(cellen[0]), "kolom"
    return [r[0] if r else None for r in cellen], "rij"


def _number(waarde: Any, naam: str, woord: str = "", i: int = 0) -> float:
    """One cell as a number; the error names the argument and the cell's row or column."""
    try:
        return parse_number(waarde)
    except GetalFout as fout:
        if woord == "rij":
            raise InvoerFout(str(fout), argument=naam, rij=i) from None
        raise InvoerFout(f"{woord} {i}: {fout}" if woord else str(fout), argument=naam) from None


def _numbers(waarde: Any, naam: str) -> np.ndarray:
    cellen, woord = _vector(waarde, naam)
    if len(cellen) == 1:
        woord = ""
    return np.array(
        [_number(v, naam, woord, i) for i, v in enumerate(cellen, start=1)], dtype=float
    )


def _single(waarde: Any, naam: str, wat: str) -> Any:
    cellen = as_2d(waarde)
    aantal = sum(len(r) for r in cellen)
    if aantal != 1:
        raise InvoerFout(f"verwacht {wat}, geen bereik van {aantal} cellen", argument=naam)
    return cellen[0][0]


def _one_number(waarde: Any, naam: str) -> float | None:
    getal = _number(_single(waarde, naam, "één getal"), naam)
    return None if math.isnan(getal) else getal


def _text(waarde: Any) -> str | None:
    if is_empty(waarde):
        return None
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    return str(waarde).strip()


def _one_text(waarde: Any, naam: str) -> str | None:
    return _text(_single(waarde, naam, "één tekst"))


def _texts(waarde: Any, naam: str) -> list[str | None]:
    return [_text(v) for v in _vector(waarde, naam)[0]]


def _table(waarde: Any, naam: str) -> Cellen:
    return as_2d(waarde)


def _number_table(waarde: Any, naam: str) -> np.ndarray:
    cellen = as_2d(waarde)
    breed = max(len(r) for r in cellen)
    uit = np.full((len(cellen), breed), np.nan)
    for i, rij in enumerate(cellen):
        for j, v in enumerate(rij):
            uit[i, j] = _number(v, naam, f"rij {i + 1}, kolom", j + 1)
    return uit


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
def call_function(functie: ExcelFunctie, args: Sequence[Any]) -> Cellen:
    """Call a registered function as Excel does: convert ``args``, call, return its cells.

    ``args`` are as Excel hands them over (missing trailing arguments are ``None``). A user
    mistake raises :class:`~oi_core.errors.OIFout`.
    """
    waarden = list(args) + [None] * (len(functie.argumenten) - len(args))
    omgezet = [convert_argument(w, a) for w, a in zip(waarden, functie.argumenten, strict=True)]
    return to_cells(functie.functie(*omgezet), liggend=_horizontal(functie, waarden))


def _horizontal(functie: ExcelFunctie, waarden: list[Any]) -> bool:
    """A 1-D result follows the first argument when that is a row or column of values."""
    if not functie.argumenten or functie.argumenten[0].soort not in ("getallen", "teksten"):
        return False
    return is_row(waarden[0])


def to_cells(resultaat: Any, *, liggend: bool = False) -> Cellen:
    """Any result as the 2-D list of cells Excel spills.

    A number or text is one cell; a Series, 1-D array or flat list one column (one row
    with ``liggend``); a 2-D list or array its rows; a DataFrame its header row (the Dutch
    :func:`header` of each column key) and then its rows (the index is not written: put
    labels in a column). Missing values (NaN, ``None``, ``pd.NA``) become empty cells,
    numpy scalars plain Python values.
    """
    if isinstance(resultaat, pd.DataFrame):
        kop: list[Any] = headers(resultaat.columns)
        return [kop] + [[_cell(v) for v in rij] for rij in resultaat.itertuples(index=False)]
    if isinstance(resultaat, pd.Series):
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


def _cell(waarde: Any) -> Any:
    if isinstance(waarde, np.generic):
        waarde = waarde.item()
    if waarde is None or waarde is pd.NA or waarde is pd.NaT:
        return None
    if isinstance(waarde, float) and not math.isfinite(waarde):
        return None
    return waarde
