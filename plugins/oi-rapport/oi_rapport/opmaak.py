"""Dutch number formatting and the report's colours, shared by engine and renderers."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from oi_core.gebieden.indeling import MEERVOUD
from oi_core.rekenen.kleuring import KLASSEN, LEGENDA, SYMBOLEN, Soort
from oi_core.weergave.tekst import getal

if TYPE_CHECKING:
    from oi_rapport.document import Tabel

__all__ = [
    "KLEUREN",
    "KLEUR_TEKST",
    "LEGENDA_KOP",
    "MEERVOUD",
    "amount",
    "colour_explanations",
    "legend_entries",
    "measure",
    "number",
    "percentage",
    "points",
]

KLEUREN = {
    "min_sterk": "#4A1C00",
    "min": "#C4640A",
    "gemiddeld": "#F7F7F7",
    "plus": "#387ABA",
    "plus_sterk": "#05285A",
}
"""Cell colours, low to high: a diverging orange–blue scale centred on a light grey (the
average, or 100 for the OI-index). Adjacent classes differ at least 3:1 in contrast (WCAG
2.2, 1.4.11), also as seen with protanopia or deuteranopia (Machado et al. 2009); the test
``test_kleuren.py`` computes it. Colour is never alone: every coloured cell also shows its
symbol (:data:`~oi_core.rekenen.kleuring.SYMBOLEN`)."""

KLEUR_TEKST = {"min_sterk": "#FFFFFF", "plus_sterk": "#FFFFFF"}
"""Text colour on the dark classes (else black): at least 4.5:1 (WCAG 2.2, 1.4.3)."""

LEGENDA_KOP: dict[Soort, str] = {
    "index": "Kleur van de OI-index",
    "indicator": "Kleur van de indicatoren",
}
"""Heading of each kind of legend."""


def legend_entries(tabel: Tabel) -> list[tuple[Soort, list[tuple[str, str, str]]]]:
    """Per kind of colouring in ``tabel`` (OI-index first): ``(klasse, symbool, tekst)`` for
    every class, so both renderers draw the same legend."""
    soorten = {k.kleuring.soort for k in tabel.kolommen if k.kleuring is not None}
    return [
        (soort, [(k, SYMBOLEN[soort][k], LEGENDA[soort][k]) for k in KLASSEN])
        for soort in ("index", "indicator")
        if soort in soorten
    ]


def colour_explanations(tabel: Tabel) -> list[tuple[str, str]]:
    """``(kop, uitleg)`` of every coloured column: which average and which exclusions it
    uses (:attr:`~oi_core.rekenen.kleuring.Kleuring.uitleg`)."""
    return [(k.kop, k.kleuring.uitleg) for k in tabel.kolommen if k.kleuring is not None]


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
