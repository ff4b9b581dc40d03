"""Text in the cells and sheet names of the files the toolkit writes: text stays text.

A spreadsheet reads a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula; a
leading tab or carriage return is stripped first, so ``"\\t=1+1"`` becomes a formula too
(OWASP, *CSV Injection*). An area name, a doelgroep label or a plugin's text can start
that way, so every writer asks :func:`is_formula_text`:

- a workbook stores such a text as a string cell (xlsxwriter: ``write_string``, or the
  workbook option :data:`XLSX_OPTIES`), so the text is kept exactly;
- a CSV file has no string type, so the text gets a leading ``'`` (:func:`csv_text`,
  :func:`csv_frame`), as OWASP advises;
- a sheet name loses its formula characters (:func:`sheet_name`).

This is the one place of that rule; the writers are ``write_table`` (``oi match -o``), the
report's workbook, the workbook of ``oi excel werkmap``.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

__all__ = [
    "FORMULE_TEKENS",
    "XLSX_OPTIES",
    "csv_frame",
    "csv_text",
    "is_formula_text",
    "sheet_name",
]

FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r")
"""The first characters that make a spreadsheet read a text as a formula (OWASP)."""

XLSX_OPTIES = {"strings_to_formulas": False}
"""xlsxwriter's workbook options: ``write`` stores every ``str`` as a string, never a
formula; formulas are written only through ``write_formula`` and its kin."""

_GEVAARLIJK = re.compile(r"^(?:[\t\r]|\s*[=+\-@])")
"""A formula character first, also after leading whitespace that a reader strips."""

_NIET_IN_BLADNAAM = re.compile(r"[\[\]:*?/\\'\x00-\x1f\x7f]")
"""Characters Excel refuses in a sheet name, the apostrophe (it quotes sheet names in
references) and control characters."""

BLAD_LENGTE = 31
"""Excel's limit on a sheet name, in UTF-16 code units."""


def is_formula_text(tekst: str) -> bool:
    """Whether a spreadsheet would read ``tekst`` as a formula if it were not marked text."""
    return bool(_GEVAARLIJK.match(tekst))


def csv_text(tekst: str) -> str:
    """``tekst`` as a CSV cell: a leading ``'`` when it would be read as a formula."""
    return "'" + tekst if is_formula_text(tekst) else tekst


def _csv_column(waarden: pd.Series | pd.Index) -> np.ndarray:
    """The values with every formula text prefixed; numbers and blanks as they were."""
    uit = np.array(waarden, dtype=object)
    is_tekst = np.fromiter((isinstance(w, str) for w in uit), dtype=bool, count=len(uit))
    teksten = pd.Series(np.where(is_tekst, uit, ""), dtype=object)
    gevaarlijk = is_tekst & teksten.str.match(_GEVAARLIJK.pattern).to_numpy(dtype=bool)
    uit[gevaarlijk] = "'" + teksten[gevaarlijk].to_numpy(dtype=object)
    return uit


def csv_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` for ``to_csv``: every text cell, index label and column header
    that would be read as a formula gets a leading ``'``; numbers are untouched."""
    uit = df.copy()
    for kolom in [k for k in uit.columns if _may_hold_text(uit[k])]:
        uit[kolom] = _csv_column(uit[kolom])
    if _may_hold_text(uit.index):
        uit.index = pd.Index(_csv_column(uit.index), name=_name(uit.index.name))
    if _may_hold_text(uit.columns):
        uit.columns = pd.Index(_csv_column(uit.columns), name=uit.columns.name)
    return uit


def _may_hold_text(waarden: pd.Series | pd.Index) -> bool:
    if isinstance(waarden, pd.MultiIndex):  # its levels are not written as one column
        return False
    return pd.api.types.is_object_dtype(waarden) or pd.api.types.is_string_dtype(waarden)


def _name(naam: object) -> object:
    return csv_text(naam) if isinstance(naam, str) else naam


def sheet_name(naam: str, *, lengte: int = BLAD_LENGTE, reserve: str = "Blad") -> str:
    """A valid Excel sheet name for ``naam`` that no reader takes for a formula.

    Characters Excel refuses (``[]:*?/\\``), apostrophes and control characters become
    spaces; leading formula characters (``=``, ``+``, ``-``, ``@``) and spaces go; the name
    is cut to ``lengte`` UTF-16 code units (Excel counts those). Nothing left: ``reserve``.
    """
    tekst = _NIET_IN_BLADNAAM.sub(" ", naam).lstrip(" =+-@").strip()
    return _cut_utf16(tekst, lengte).rstrip() or reserve


def _cut_utf16(tekst: str, lengte: int) -> str:
    """The first ``lengte`` UTF-16 code units; a character split in two is left out."""
    return tekst.encode("utf-16-le")[: 2 * lengte].decode("utf-16-le", errors="ignore")
