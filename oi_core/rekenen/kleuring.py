"""Cell classes: how a column is coloured against its average, as the presentation does.

– worse, + better than the average, dark (``_sterk``) beyond one standard deviation. The
positions come from :func:`~oi_core.rekenen.metrieken.tov_gemiddelde` (band 0: any
difference counts) and the standard deviation from
:func:`~oi_core.rekenen.metrieken.gemiddelde`. The class is computed here once, **per
label**; every renderer (HTML, xlsx) only looks it up by the row's label.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from oi_core.model.activiteit import Richting
from oi_core.rekenen.metrieken import gemiddelde, tov_gemiddelde

__all__ = ["KLASSEN", "Kleuring", "kleur_kolom"]

KLASSEN = ("min_sterk", "min", "gemiddeld", "plus", "plus_sterk")
"""Colour classes of a cell against the average: – and + as in the presentation,
``_sterk`` (dark) more than one standard deviation away."""


@dataclass(frozen=True, eq=False)
class Kleuring:
    """How a column is coloured: position against ``gemiddelde`` (– worse, + better).

    ``klassen`` holds one class of :data:`KLASSEN` per label (empty: no colour, e.g. a
    missing value); :meth:`klasse` looks a row up by its label, so a table that shows
    fewer rows than were coloured still gets every row's own class. ``sd`` is the
    standard deviation that makes a colour dark.
    """

    gemiddelde: float
    sd: float
    richting: Richting
    klassen: pd.Series
    toelichting: str = ""

    def klasse(self, label: object) -> str:
        """The class of the row ``label``; ``""`` when that label was not coloured."""
        waarde = self.klassen.get(label, "")
        return str(waarde) if isinstance(waarde, str) else ""


def kleur_kolom(
    waarden: pd.Series,
    richting: Richting,
    *,
    gewichten: pd.Series | None = None,
    gemiddelde_waarde: float | None = None,
    uitsluiten: Iterable[str] = (),
    toelichting: str = "",
) -> Kleuring | None:
    """The :class:`Kleuring` of one column; ``None`` when it has no direction or fewer than
    two values."""
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
        klassen=_klassen(positie),
        toelichting=toelichting,
    )


def _klassen(positie: pd.DataFrame) -> pd.Series:
    teken, sterk = positie["teken"].to_numpy(), positie["sterk"].to_numpy(dtype=bool)
    klasse = np.select(
        [
            (positie["positie"] == "gemiddeld").to_numpy(),
            (teken == "+") & sterk,
            teken == "+",
            (teken == "–") & sterk,
            teken == "–",
        ],
        ["gemiddeld", "plus_sterk", "plus", "min_sterk", "min"],
        default="",
    )
    return pd.Series(klasse, index=positie.index, name="klasse", dtype=object)
