"""Choropleth maps from the embedded GeoJSON (2022 division, WGS84), without geo libraries.

Each area becomes one matplotlib path (holes included). Values around a reference
(``referenties["midden"]``, e.g. OI-index 100) get a diverging colour scale that is
symmetric in ratio (50 and 200 are equally far from 100); other values a sequential one.
Areas without a value are grey.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.collections import PatchCollection
from matplotlib.colors import Colormap, Normalize, TwoSlopeNorm
from matplotlib.figure import Figure
from matplotlib.patches import PathPatch
from matplotlib.path import Path

from oi_core.gebieden.indeling import Gebiedsindeling
from oi_core.model.activiteit import Niveau
from oi_rapport.document import Grafiek
from oi_rapport.geo import GEO_BESTANDEN

__all__ = ["GEO_BESTANDEN", "area_shapes", "draw_map"]

_BREEDTE = 52.37
_GRIJS = "#D9D9D9"


@cache
def area_shapes(niveau: Niveau) -> dict[str, Path]:
    """One path per area code of a level, from the embedded GeoJSON."""
    bestand = resources.files("oi_core.gebieden") / "data" / "geo" / GEO_BESTANDEN[niveau]
    with bestand.open(encoding="utf-8") as f:
        geo = json.load(f)
    sleutel = f"{niveau.value}_code"
    return {str(feat["properties"][sleutel]): _path(feat["geometry"]) for feat in geo["features"]}


def _path(geometrie: dict[str, Any]) -> Path:
    coords = geometrie["coordinates"]
    veelhoeken = [coords] if geometrie["type"] == "Polygon" else coords
    punten, codes = [], []
    for veelhoek in veelhoeken:
        for ring in veelhoek:
            ring_ = np.asarray(ring, dtype=float)
            punten.append(ring_)
            code = np.full(len(ring_), Path.LINETO, dtype=Path.code_type)
            code[0], code[-1] = Path.MOVETO, Path.CLOSEPOLY
            codes.append(code)
    return Path(np.concatenate(punten), np.concatenate(codes))


def draw_map(fig: Figure, ax: Axes, grafiek: Grafiek, indeling: Gebiedsindeling | None) -> None:
    """Draw the choropleth of ``grafiek`` (a ``kaart``) on ``ax``."""
    ax.set_axis_off()
    if grafiek.niveau not in GEO_BESTANDEN:
        ax.text(0.5, 0.5, "Geen kaart: onbekend schaalniveau", ha="center", transform=ax.transAxes)
        return
    figuur = grafiek.figuur
    kolom = figuur.y if isinstance(figuur.y, str) else _first_numeric(figuur.data)
    vormen = area_shapes(grafiek.niveau)
    waarden = figuur.data[kolom].astype(float).reindex(list(vormen)).to_numpy()
    schaal = _Schaal.for_values(waarden, figuur.referenties.get("midden"), figuur.referenties)
    collectie = PatchCollection(
        [PathPatch(p) for p in vormen.values()],
        cmap=schaal.cmap,
        norm=schaal.norm,
        edgecolor="white",
        linewidth=0.5 if len(vormen) < 200 else 0.2,
    )
    collectie.set_array(np.ma.masked_invalid(schaal.transform(waarden)))
    ax.add_collection(collectie)
    ax.autoscale_view()
    ax.set_aspect(1.0 / math.cos(math.radians(_BREEDTE)))
    balk = fig.colorbar(collectie, ax=ax, orientation="horizontal", shrink=0.6, pad=0.02)
    balk.set_label(figuur.y_label or kolom)
    schaal.ticks(balk)
    if len(vormen) <= 9 and indeling is not None:
        _labels(ax, indeling, grafiek.niveau, list(vormen))


def _first_numeric(data: pd.DataFrame) -> str:
    for k in data.columns:
        if pd.api.types.is_numeric_dtype(data[k]):
            return str(k)
    raise ValueError("een kaart heeft een kolom met getallen nodig")


def _labels(ax: Axes, indeling: Gebiedsindeling, niveau: Niveau, codes: list[str]) -> None:
    tabel = indeling.table(niveau)
    plekken = {
        str(c): (str(n), float(x), float(y))
        for c, n, x, y in zip(tabel.index, tabel["naam"], tabel["lon"], tabel["lat"], strict=True)
    }
    for code in codes:
        if code in plekken:
            naam, lon, lat = plekken[code]
            ax.annotate(
                naam,
                (lon, lat),
                ha="center",
                fontsize=7,
                color="#1A1A1A",
                bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75},
            )


def _spread_ticks(factoren: list[float], afstand: float) -> list[float]:
    """Ticks at least ``afstand`` apart on the log scale, 1 (the reference) always kept,
    so that labels such as 100 and 125 never collide on a short colour bar."""
    gekozen = [1.0]
    for f in sorted(factoren, key=lambda f: abs(math.log2(f))):
        if all(abs(math.log2(f) - math.log2(g)) >= afstand for g in gekozen):
            gekozen.append(f)
    return sorted(gekozen)


class _Schaal:
    """Colour scale: log-ratio around a reference, or plain sequential."""

    def __init__(self, cmap: Colormap, norm: Normalize, midden: float | None, log: bool) -> None:
        self.cmap, self.norm, self.midden, self.log = cmap, norm, midden, log

    @classmethod
    def for_values(
        cls, waarden: np.ndarray, midden: float | None, vast: Mapping[str, float] | None = None
    ) -> _Schaal:
        """``vast`` (``{"min": …, "max": …}``) fixes a sequential scale, so that two maps of
        the same quantity (computed and published) share their colours."""
        import matplotlib as mpl

        vast = dict(vast or {})
        geldig = waarden[~np.isnan(waarden)]
        if midden is not None and len(geldig) and (geldig > 0).all() and midden > 0:
            grens = max(float(np.abs(np.log2(geldig / midden)).max()), math.log2(1.25))
            cmap = mpl.colormaps["RdBu"].with_extremes(bad=_GRIJS)
            return cls(cmap, Normalize(-grens, grens), midden, True)
        if midden is not None and len(geldig):
            laag, hoog = min(float(geldig.min()), midden - 1), max(float(geldig.max()), midden + 1)
            cmap = mpl.colormaps["RdBu"].with_extremes(bad=_GRIJS)
            return cls(cmap, TwoSlopeNorm(midden, laag, hoog), midden, False)
        laag, hoog = (float(geldig.min()), float(geldig.max())) if len(geldig) else (0.0, 1.0)
        laag, hoog = vast.get("min", laag), vast.get("max", hoog)
        cmap = mpl.colormaps["Oranges"].with_extremes(bad=_GRIJS)
        return cls(cmap, Normalize(laag, hoog if hoog > laag else laag + 1), None, False)

    def transform(self, waarden: np.ndarray) -> np.ndarray:
        if not self.log or self.midden is None:
            return waarden
        with np.errstate(invalid="ignore", divide="ignore"):
            uit: np.ndarray = np.log2(waarden / self.midden)
            return uit

    def ticks(self, balk: object) -> None:
        if not self.log or self.midden is None:
            return
        grens = float(self.norm.vmax or 1.0)
        factoren = _spread_ticks(
            [f for f in (0.25, 0.5, 0.67, 0.8, 1, 1.25, 1.5, 2, 4) if abs(math.log2(f)) <= grens],
            2 * grens / 7,
        )
        balk.set_ticks(  # type: ignore[attr-defined]
            [math.log2(f) for f in factoren],
            labels=[f"{f * self.midden:.0f}" for f in factoren],
        )
