"""Dutch number formatting and the report's colours, shared by engine and renderers."""

from __future__ import annotations

import math
from typing import Any

from oi_core.gebieden.indeling import MEERVOUD
from oi_core.weergave.tekst import getal

__all__ = [
    "KLEUREN",
    "KLEUR_TEKST",
    "MEERVOUD",
    "amount",
    "measure",
    "number",
    "percentage",
    "points",
]

KLEUREN = {
    "min_sterk": "#E8704A",
    "min": "#F9CFB4",
    "gemiddeld": "#F2F2F2",
    "plus": "#BFDCEB",
    "plus_sterk": "#4F93C2",
}
"""Cell colours for – and + against the average (orange–blue, readable for colour blindness)."""

KLEUR_TEKST = {"min_sterk": "#000000", "plus_sterk": "#000000"}


def _auto_decimals(x: float) -> int:
    a = abs(x)
    if a >= 100 or a == int(a):
        return 0
    return 1 if a >= 10 else 2


def number(x: Any, decimalen: int | None = None) -> str:
    """``1234.5`` → ``1.234,5`` (:func:`oi_core.tekst.getal`); NaN or None → ``–``.

    Without ``decimalen`` the number of decimals follows the size, without trailing zeros.
    """
    if x is None or isinstance(x, str):
        return "–" if x is None else x
    waarde = float(x)
    if math.isnan(waarde):
        return "–"
    tekst = getal(waarde, _auto_decimals(waarde) if decimalen is None else decimalen)
    if decimalen is None and "," in tekst:
        tekst = tekst.rstrip("0").rstrip(",")
    return "0" if tekst == "−0" else tekst


def percentage(fractie: float, decimalen: int = 1) -> str:
    """A fraction as a Dutch percentage: ``0.153`` → ``15,3%``."""
    return f"{number(100.0 * fractie, decimalen)}%"


def points(pp: float, decimalen: int = 1) -> str:
    """Percentage points with a sign: ``+3,0``, ``−12,4``."""
    tekst = number(pp, decimalen)
    return tekst if tekst.startswith("−") or tekst == "0" else f"+{tekst}"


def amount(waarde: float, eenheid: str) -> str:
    """An amount with its unit; a unit in % becomes percentage points of the total."""
    e = eenheid.strip()
    if e.startswith("%"):
        return f"{number(waarde, 1)} procentpunt"
    return f"{number(waarde)} {e}".strip()


def measure(waarde: float, eenheid: str) -> str:
    """A measured value with its unit: ``84%``, ``100% van totaal``, ``16.730 m²``."""
    e = eenheid.strip()
    if e.startswith("%"):
        return f"{number(waarde)}%{e[1:]}"
    return f"{number(waarde)} {e}".strip()
