"""Colouring a column against its average, as the presentation does (– / +, dark past 1 sd).

The positions come from :func:`oi_core.tov_gemiddelde` (band 0: any difference counts)
and the standard deviation from :func:`oi_core.gemiddelde`, so the colours are the
core's numbers; the xlsx renderer writes the same rule as conditional formatting.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from oi_core.model.activiteit import Richting
from oi_core.rekenen.metrieken import gemiddelde, tov_gemiddelde
from oi_rapport.document import Kleuring

__all__ = ["colour_column"]


def colour_column(
    waarden: pd.Series,
    richting: Richting,
    *,
    gewichten: pd.Series | None = None,
    gemiddelde_waarde: float | None = None,
    uitsluiten: Iterable[str] = (),
    toelichting: str = "",
) -> Kleuring | None:
    """The :class:`Kleuring` of one column; ``None`` when it has no direction or too few values."""
    if richting is Richting.NEUTRAAL or waarden.notna().sum() < 2:
        return None
    uitsluiten = list(uitsluiten)
    w = gewichten.reindex(waarden.index) if gewichten is not None else None
    positie = tov_gemiddelde(
        waarden,
        gewichten=w,
        richting=richting,
        uitsluiten=uitsluiten,
        gemiddelde_waarde=gemiddelde_waarde,
    )
    _, sd = gemiddelde(waarden, w, uitsluiten)
    return Kleuring(
        gemiddelde=float(positie["gemiddelde"].iloc[0]),
        sd=sd,
        richting=richting,
        klassen=tuple(_klasse(t, s, p) for t, s, p in _rijen(positie)),
        toelichting=toelichting,
    )


def _rijen(positie: pd.DataFrame) -> zip[tuple[str, bool, str]]:
    return zip(positie["teken"], positie["sterk"], positie["positie"], strict=True)


def _klasse(teken: str, sterk: bool, positie: str) -> str:
    if positie == "gemiddeld":
        return "gemiddeld"
    if teken == "+":
        return "plus_sterk" if sterk else "plus"
    if teken == "–":
        return "min_sterk" if sterk else "min"
    return ""
