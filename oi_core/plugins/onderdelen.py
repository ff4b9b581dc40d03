"""Part isolation for report parts and summary sentences.

A plugin's report part (or a finding of its managementsamenvatting) may need data a
user's analysis lacks: wijken, a city row, a result indicator. :func:`probeer` builds
one such part and gives ``None`` when the data is not there (an
:class:`~oi_core.errors.InvoerFout` or :class:`~oi_core.errors.DataFout`), so the rest of
the report is still made; :func:`maak_onderdelen` does so for a list of builders and
keeps the parts that could be made, in order. A bug (any other exception) is not hidden.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from oi_core.errors import DataFout, InvoerFout
from oi_core.model.registratie import Onderdeel
from oi_core.rekenen.analyse import Analyse

__all__ = ["maak_onderdelen", "probeer", "zonder_lege"]

T = TypeVar("T")


def probeer(maak: Callable[..., T], *args: object) -> T | None:
    """``maak(*args)``, or ``None`` when the data it needs is missing or unusable."""
    try:
        return maak(*args)
    except (InvoerFout, DataFout):
        return None


def maak_onderdelen(
    bouwers: Iterable[Callable[[Analyse], Onderdeel]], analyse: Analyse
) -> list[Onderdeel]:
    """Every part that can be built from ``analyse``, in the order of ``bouwers``."""
    return zonder_lege(probeer(bouw, analyse) for bouw in bouwers)


def zonder_lege(items: Iterable[T | None]) -> list[T]:
    """The items that are not ``None`` or empty, in order (findings that could be made)."""
    return [i for i in items if i]
