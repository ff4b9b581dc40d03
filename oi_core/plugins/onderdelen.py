"""Part isolation for report parts and summary sentences.

A plugin's report part (or a finding of its managementsamenvatting) may need data a
user's analysis lacks: wijken, a city row, a result indicator. :func:`probeer` builds
one such part and gives ``None`` when the data is not there (an
:class:`~oi_core.errors.InvoerFout` or :class:`~oi_core.errors.DataFout`), so the rest of
the report is still made; :func:`maak_onderdelen` does so for a list of builders and
keeps the parts that could be made, in order. A bug (any other exception) is not hidden.
:func:`staaf`, :func:`oi_index_staaf`, :func:`spreiding` and :func:`kaart` declare the usual
charts of a part in one call.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TypeVar

import pandas as pd

from oi_core.errors import DataFout, InvoerFout
from oi_core.model.registratie import Figuur, Onderdeel
from oi_core.rekenen.analyse import Analyse

__all__ = [
    "OI_INDEX_LABEL",
    "kaart",
    "maak_onderdelen",
    "oi_index_staaf",
    "probeer",
    "spreiding",
    "staaf",
    "zonder_lege",
]

OI_INDEX_LABEL = "OI-index (100 = in verhouding)"
"""The axis label of a chart of OI-indices."""

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


def staaf(
    titel: str,
    data: pd.DataFrame,
    y: str | tuple[str, ...],
    y_label: str,
    *,
    x: str | None = None,
    referentie: float | None = None,
) -> Figuur:
    """A bar chart of ``y`` (one column or several) per row of ``data``, bars labelled by
    ``x`` (default: the index); ``referentie`` draws a line (100 for an OI-index)."""
    referenties = {} if referentie is None else {"y": referentie}
    return Figuur("staaf", titel, data, x=x, y=y, y_label=y_label, referenties=referenties)


def oi_index_staaf(titel: str, data: pd.DataFrame, y: str | tuple[str, ...] = "oi_index") -> Figuur:
    """A bar chart of OI-indices (``y``: one column or several) per row of ``data`` (bars
    labelled by the index), with :data:`OI_INDEX_LABEL` and the line at 100."""
    return staaf(titel, data, y, OI_INDEX_LABEL, referentie=100.0)


def spreiding(
    titel: str,
    data: pd.DataFrame,
    assen: Mapping[str, str],
    referenties: Mapping[str, float] | None = None,
    *,
    label: str = "naam",
) -> Figuur:
    """A scatter plot of two columns: ``assen`` maps the x column, then the y column, to
    its axis label; ``referenties`` (``{"x": …, "y": …}``) draws the city's lines."""
    (x, x_label), (y, y_label) = assen.items()
    return Figuur(
        "spreiding",
        titel,
        data,
        x=x,
        y=y,
        label=label,
        x_label=x_label,
        y_label=y_label,
        referenties=dict(referenties or {}),
    )


def kaart(
    titel: str,
    data: pd.DataFrame,
    y: str,
    y_label: str = "",
    *,
    label: str | None = None,
    referenties: Mapping[str, float] | None = None,
) -> Figuur:
    """A map of column ``y`` of ``data`` per area (``label`` names a column with the area
    names); ``referenties`` (``{"midden": 100}``) sets the middle of the colour scale."""
    return Figuur(
        "kaart", titel, data, y=y, label=label, y_label=y_label, referenties=dict(referenties or {})
    )
