"""What the report knows about a map without drawing it: which embedded GeoJSON file holds
the shapes of each scale level, the classes a plugin's indicator map gets, and the legend
words of a marked area. No matplotlib here, so the figure cache can name a map's shapes and
the chapters and front pages can be built without loading the drawing code
(:mod:`oi_rapport.kaart` draws)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from oi_core.errors import OIFout
from oi_core.model.activiteit import Niveau, Richting
from oi_core.rekenen.analyse import Analyse
from oi_core.rekenen.kleuring import kleur_indicator

if TYPE_CHECKING:
    from oi_core.model.registratie import Figuur
    from oi_core.rekenen.kleuring import Kleuring

__all__ = ["AFWIJKEND_LEGENDA", "GEO_BESTANDEN", "map_colouring"]

GEO_BESTANDEN = {
    Niveau.STADSDEEL: "stadsdelen_2022.geojson",
    Niveau.GEBIED: "gebieden_2022.geojson",
    Niveau.WIJK: "wijken_2022.geojson",
    Niveau.BUURT: "buurten_2022.geojson",
}
AFWIJKEND_LEGENDA = "gepubliceerd wijkt af"
"""Legend entry of the hatching over areas whose published figure differs."""


def map_colouring(analyse: Analyse, figuur: Figuur, niveau: Niveau | None) -> Kleuring | None:
    """The classes of a plugin's indicator map: when ``figuur`` maps an indicator of the
    activity that has a direction, the core colours it as its column beside the match
    (:func:`~oi_core.rekenen.kleuring.kleur_indicator`: the same average, the same rule),
    over the map's own areas at the map's level. ``None``: a continuous scale."""
    if figuur.soort != "kaart" or niveau is None or not isinstance(figuur.y, str):
        return None
    ind = next((i for i in analyse.activiteit.keten.indicatoren() if i.code == figuur.y), None)
    if ind is None or ind.richting is Richting.NEUTRAAL:
        return None
    op_niveau = analyse
    if niveau is not analyse.niveau:
        op_niveau = Analyse(
            analyse.activiteit,
            analyse.data,
            niveau=niveau,
            indeling=analyse.indeling,
            jaar=analyse.jaar,
        )
    waarden = pd.to_numeric(figuur.data[figuur.y], errors="coerce").astype(float)
    try:
        return kleur_indicator(op_niveau, ind, waarden, waarden.index)
    except OIFout:  # e.g. no average at that level: the map keeps its continuous scale
        return None
