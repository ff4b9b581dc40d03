"""What compensation would cost: the discussion point "the trade-off must be explicit".

Given the inzet ``x_i`` and the opgave share ``b_i`` of every area (total inzet ``T``):

- ``herverdelen`` = ``Σ max(0, b_i·T − x_i)``: the inzet that must move to bring every
  area with an OI-index below 100 up to its share of the *current* total. Moving it from
  the areas above 100 keeps the total; it is also what must be added when the areas
  above 100 keep theirs and the shares are measured against the old total.
- ``toevoegen`` = ``T·(max_i(x_i/(b_i·T)) − 1)``: the extra inzet needed so that every
  area reaches index 100 *without any area giving anything up*; then the best-served
  area (highest OI-index) sets the new total, ``x_max / b_max``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from oi_core.invoer.reeksen import Labels, als_reeks
from oi_core.rekenen.analyse import match

__all__ = ["Compensatie", "compensatie"]


@dataclass(frozen=True)
class Compensatie:
    """Cost of compensation in the unit of the inzet (see the module text)."""

    totaal: float
    herverdelen: float
    toevoegen: float
    onder: tuple[str, ...]
    """Areas with an OI-index below 100."""
    ruimst: str
    """The area with the highest OI-index (it sets ``toevoegen``)."""

    @property
    def herverdelen_aandeel(self) -> float:
        return self.herverdelen / self.totaal

    @property
    def toevoegen_aandeel(self) -> float:
        return self.toevoegen / self.totaal


def compensatie(inzet: Labels, opgave: Labels) -> Compensatie:
    """Cost of compensation for ``inzet`` (amounts) and ``opgave`` by area.

    The opgave shares come from :func:`~oi_core.analyse.match`, with its checks.
    """
    uitkomst = match(inzet, opgave)
    b = uitkomst["aandeel_opgave"].to_numpy()
    x = als_reeks(inzet, "inzet").reindex(uitkomst.index).to_numpy(dtype=float)
    totaal = float(x.sum())
    tekort = np.maximum(0.0, b * totaal - x)
    verhouding = x / (b * totaal)
    ruimst = int(np.argmax(verhouding))
    return Compensatie(
        totaal=totaal,
        herverdelen=float(tekort.sum()),
        toevoegen=float(totaal * (verhouding[ruimst] - 1.0)),
        onder=tuple(str(c) for c, v in zip(uitkomst.index, verhouding, strict=True) if v < 1.0),
        ruimst=str(uitkomst.index[ruimst]),
    )
