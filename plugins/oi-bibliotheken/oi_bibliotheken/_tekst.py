"""Dutch number and list formatting for the generated texts."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["getal", "hoofdletter", "opsomming", "procent", "telwoord"]

_TELWOORDEN = (
    "geen", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
    "elf", "twaalf",
)  # fmt: skip


def getal(x: float, decimalen: int = 1) -> str:
    """``1234.5`` → ``"1.234,5"`` (Dutch separators)."""
    tekst = f"{x:,.{decimalen}f}"
    return tekst.replace(",", "_").replace(".", ",").replace("_", ".")


def procent(x: float, decimalen: int = 0) -> str:
    """``47`` → ``"47%"``."""
    return f"{getal(x, decimalen)}%"


def telwoord(n: int) -> str:
    """``8`` → ``"acht"``; numbers above twelve stay digits."""
    return _TELWOORDEN[n] if 0 <= n < len(_TELWOORDEN) else str(n)


def hoofdletter(tekst: str) -> str:
    return tekst[:1].upper() + tekst[1:]


def opsomming(delen: Sequence[str]) -> str:
    """``["a", "b", "c"]`` → ``"a, b en c"``."""
    if len(delen) <= 1:
        return "".join(delen)
    return f"{', '.join(delen[:-1])} en {delen[-1]}"
