"""Dutch notation for generated texts: numbers, percentages, enumerations.

Used by the summaries, the report and the CLI so every figure a person reads is written
the same way: ``1.234,5``, ``47%``, ``+3,1`` procentpunt, "Noord, Oost en Zuid".
"""

from __future__ import annotations

import math
from collections.abc import Sequence

__all__ = [
    "GEEN_GEGEVENS",
    "getal",
    "hoofdletter",
    "opsomming",
    "procent",
    "procentpunt",
    "telwoord",
]

GEEN_GEGEVENS = "geen gegevens"
"""What every renderer (CLI, HTML, xlsx) shows for a missing value: an empty cell in the
user's data is a missing value, never 0, and "–" already means "below average"."""

_TELWOORDEN = (
    "geen", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
    "elf", "twaalf",
)  # fmt: skip


def getal(x: float, decimalen: int = 1) -> str:
    """``1234.5`` → ``"1.234,5"``; a minus is a real minus sign; NaN is ``"–"``."""
    if x is None or math.isnan(x):
        return "–"
    tekst = f"{x:,.{decimalen}f}"
    return tekst.replace(",", "_").replace(".", ",").replace("_", ".").replace("-", "−")


def procent(x: float, decimalen: int = 0) -> str:
    """``47`` → ``"47%"`` (``x`` in percent, not a fraction)."""
    return f"{getal(x, decimalen)}%"


def procentpunt(x: float, decimalen: int = 1) -> str:
    """``3.14`` → ``"+3,1"``: a difference in percentage points always carries its sign."""
    return ("+" if x > 0 and round(x, decimalen) != 0 else "") + getal(x, decimalen)


def telwoord(n: int) -> str:
    """``8`` → ``"acht"``; numbers above twelve stay digits."""
    return _TELWOORDEN[n] if 0 <= n < len(_TELWOORDEN) else str(n)


def hoofdletter(tekst: str) -> str:
    """First letter upper case, the rest as it is."""
    return tekst[:1].upper() + tekst[1:]


def opsomming(delen: Sequence[str]) -> str:
    """``["a", "b", "c"]`` → ``"a, b en c"``."""
    if len(delen) <= 1:
        return "".join(delen)
    return f"{', '.join(delen[:-1])} en {delen[-1]}"
