"""Which embedded GeoJSON file holds the shapes of each scale level (no matplotlib here,
so the figure cache can name a map's shapes without loading the drawing code)."""

from __future__ import annotations

from oi_core.model.activiteit import Niveau

__all__ = ["GEO_BESTANDEN"]

GEO_BESTANDEN = {
    Niveau.STADSDEEL: "stadsdelen_2022.geojson",
    Niveau.GEBIED: "gebieden_2022.geojson",
    Niveau.WIJK: "wijken_2022.geojson",
    Niveau.BUURT: "buurten_2022.geojson",
}
