"""Reading numbers the way people and Excel write them.

Shared by the CLI (CSV/XLSX files), the data validation and the Excel functions, so a
value means the same everywhere:

- empty (``None``, ``""``, NaN) → NaN (a missing value, never 0);
- numbers stay numbers (``True``/``False`` are refused: they are not amounts);
- Dutch text: ``"7,2"`` → 7.2, ``"1.234,5"`` → 1234.5, ``"−3"`` → −3, ``"€ 1.200,00"`` → 1200;
  a single dot is a decimal point (``"2.5"`` → 2.5), as in CSV files;
- ``"47%"`` → 0.47, as Excel reads it;
- Excel error values (``#N/A``, ``#DEEL/0!``, ``#WAARDE!`` …) are refused with their name.
"""

from __future__ import annotations

import math
import re
from typing import Any

__all__ = ["EXCEL_FOUTWAARDEN", "is_empty", "parse_amount", "parse_number"]

EXCEL_FOUTWAARDEN = frozenset({
    "#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!",
    "#GETTING_DATA", "#BUSY!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#UNKNOWN!",
    "#N/B", "#DEEL/0!", "#WAARDE!", "#VERW!", "#NAAM?", "#GETAL!", "#LEEG!", "#OVERLOOP!",
})  # fmt: skip

_VALUTA = re.compile(r"[€$£\s\u00a0\u202f']")
_GETAL = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


class GetalFout(ValueError):
    """A value that is not a number; the message is Dutch and names the value."""


def is_empty(waarde: Any) -> bool:
    """``None``, an empty or blank string, or NaN."""
    if waarde is None:
        return True
    if isinstance(waarde, float):
        return math.isnan(waarde)
    if isinstance(waarde, str):
        return not waarde.strip()
    return bool(waarde != waarde)  # pandas NA / numpy NaN


def parse_number(waarde: Any) -> float:
    """The float a cell or text means; NaN when empty. Raises :class:`GetalFout`."""
    if is_empty(waarde):
        return math.nan
    if isinstance(waarde, bool):
        raise GetalFout(f"'{waarde}' is een waar/onwaar-waarde, geen getal")
    if isinstance(waarde, int | float):
        return float(waarde)
    if hasattr(waarde, "dtype") and getattr(waarde.dtype, "kind", "") in "iuf":
        return float(waarde)
    return _parse_text(str(waarde))


def parse_amount(waarde: Any) -> float:
    """Like :func:`parse_number`, for data tables whose percentages are in percent (47):
    text with a %-sign is refused, because Excel would read ``"47%"`` as 0,47."""
    if isinstance(waarde, str) and waarde.strip().endswith("%"):
        raise GetalFout(
            f"'{waarde}': schrijf een percentage als getal in procenten (47), zonder %-teken"
        )
    return parse_number(waarde)


def _parse_text(tekst: str) -> float:
    schoon = tekst.strip()
    if schoon.upper() in EXCEL_FOUTWAARDEN or (
        schoon.startswith("#") and schoon.endswith(("!", "?"))
    ):
        raise GetalFout(f"Excel-foutwaarde {schoon} in plaats van een getal")
    procent = schoon.endswith("%")
    kern = _VALUTA.sub("", schoon.rstrip("%")).replace("\u2212", "-")
    kern = _decimal_point(kern)
    if not _GETAL.match(kern):
        raise GetalFout(f"'{tekst}' is geen getal")
    getal = float(kern)
    return getal / 100.0 if procent else getal


def _decimal_point(kern: str) -> str:
    """Normalise thousands separators and a decimal comma to Python's notation."""
    komma, punt = kern.count(","), kern.count(".")
    if komma and punt:
        duizend, decimaal = (".", ",") if kern.rfind(",") > kern.rfind(".") else (",", ".")
        return kern.replace(duizend, "").replace(decimaal, ".")
    if komma == 1:
        return kern.replace(",", ".")
    if komma > 1 or punt > 1:
        scheiding = "," if komma else "."
        if re.fullmatch(rf"[+-]?\d{{1,3}}(\{scheiding}\d{{3}})+", kern):
            return kern.replace(scheiding, "")
    return kern
