"""Choropleth maps from the embedded GeoJSON (2022 division, WGS84), without geo libraries.

Each area becomes one matplotlib path (holes included). A map with the core's classes
(:attr:`~oi_rapport.document.Grafiek.kleuring`: the OI-index, or an indicator with a
direction) colours every area exactly as its table cell: the same class, the same palette
(:data:`~oi_rapport.opmaak.KLEUREN`), the same symbol and the same legend words. Without
classes, values around a reference (``referenties["midden"]``) get a continuous diverging
scale in that palette, symmetric in ratio (50 and 200 are equally far from 100); other
values a sequential one. Areas without a value are grey and dotted (*geen gegevens*);
areas whose published figure differs are hatched (*gepubliceerd wijkt af*).
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
from matplotlib.collections import PathCollection
from matplotlib.colors import Colormap, LinearSegmentedColormap, Normalize, TwoSlopeNorm
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.path import Path

from oi_core.gebieden.indeling import Gebiedsindeling
from oi_core.model.activiteit import Niveau
from oi_core.rekenen.kleuring import (
    KLASSEN,
    LEGENDA,
    SYMBOLEN,
    Kleuring,
    Soort,
)
from oi_core.weergave.kolommen import kop
from oi_rapport.document import Grafiek
from oi_rapport.geo import AFWIJKEND_LEGENDA, GEO_BESTANDEN, map_colouring
from oi_rapport.opmaak import KLEUREN

__all__ = [
    "AFWIJKEND_LEGENDA",
    "GEBIEDEN_GID",
    "GEO_BESTANDEN",
    "GRIJS",
    "area_classes",
    "area_shapes",
    "class_colours",
    "draw_map",
    "map_colouring",
]

_BREEDTE = 52.37
GRIJS = "#D9D9D9"
"""The colour of an area without a value (dotted, *geen gegevens* in the legend)."""
_RAND = "#8C8C8C"
"""Area borders: visible also between two light (*in verhouding*) areas."""
GEBIEDEN_GID = "gebieden"
"""The id of the collection of areas (one patch per area, in the order of
:func:`area_shapes`), so a test can read back each area's colour."""
AFWIJKEND_ARCERING = "////"
GEEN_GEGEVENS_ARCERING = "..."
MAX_TEKENS = 40
"""At most this many areas get their class symbol on the map (names: nine or fewer)."""


@cache
def area_shapes(niveau: Niveau) -> dict[str, Path]:
    """One path per area code of a level, from the embedded GeoJSON."""
    bestand = resources.files("oi_core.gebieden") / "data" / "geo" / GEO_BESTANDEN[niveau]
    with bestand.open(encoding="utf-8") as f:
        geo = json.load(f)
    sleutel = f"{niveau.value}_code"
    return {str(feat["properties"][sleutel]): _path(feat["geometry"]) for feat in geo["features"]}


@cache
def _paths(niveau: Niveau) -> list[Path]:
    """The paths of a level's areas in the order of :func:`area_shapes`, built once: every
    map of the level draws them as one collection."""
    return list(area_shapes(niveau).values())


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
    """Draw the choropleth of ``grafiek`` (a ``kaart``) on ``ax``.

    With the core's classes (:attr:`Grafiek.kleuring`) every area gets the colour of its
    table cell and the legend the table's words; without, a continuous scale in the same
    palette. Areas in :attr:`Grafiek.afwijkend` are hatched.
    """
    ax.set_axis_off()
    if grafiek.niveau not in GEO_BESTANDEN:
        ax.text(0.5, 0.5, "Geen kaart: onbekend schaalniveau", ha="center", transform=ax.transAxes)
        return
    figuur = grafiek.figuur
    kolom = figuur.y if isinstance(figuur.y, str) else _first_numeric(figuur.data)
    vormen = area_shapes(grafiek.niveau)
    codes = list(vormen)
    waarden = figuur.data[kolom].astype(float).reindex(codes).to_numpy()
    collectie = PathCollection(
        _paths(grafiek.niveau),
        edgecolor=_RAND,
        linewidth=0.5 if len(vormen) < 200 else 0.2,
    )
    collectie.set_gid(GEBIEDEN_GID)
    ax.add_collection(collectie)
    ax.autoscale_view()
    ax.set_aspect(1.0 / math.cos(math.radians(_BREEDTE)))
    titel = figuur.y_label or kop(kolom)
    if grafiek.kleuring is not None:
        klassen = area_classes(grafiek.kleuring, codes)
        collectie.set_facecolor(list(class_colours(klassen)))
        extra = _overlays(ax, vormen, klassen, np.isnan(waarden), grafiek.afwijkend)
        _class_legend(fig, ax, grafiek.kleuring.soort, titel, extra)
    else:
        klassen = np.full(len(codes), "", dtype=object)
        _continuous(fig, ax, collectie, waarden, figuur.referenties, titel)
    if indeling is not None:
        met_naam = _named(waarden)
        _labels(ax, indeling, grafiek.niveau, codes, met_naam, _symbols(grafiek.kleuring, klassen))


def area_classes(kleuring: Kleuring, codes: list[str]) -> np.ndarray:
    """The class of every area of the map, in the order of ``codes`` (``""``: no value)."""
    klassen = kleuring.klassen.reindex(codes)
    uit: np.ndarray = klassen.where(klassen.isin(KLASSEN), "").to_numpy(dtype=object)
    return uit


def class_colours(klassen: np.ndarray) -> np.ndarray:
    """The palette colour of each class (:data:`~oi_rapport.opmaak.KLEUREN`), grey for
    an area without a value: the colours of the table cells."""
    kleuren: np.ndarray = (
        pd.Series(klassen, dtype=object).map(KLEUREN).fillna(GRIJS).to_numpy(dtype=object)
    )
    return kleuren


def _continuous(
    fig: Figure,
    ax: Axes,
    collectie: PathCollection,
    waarden: np.ndarray,
    referenties: Mapping[str, float],
    titel: str,
) -> None:
    """A continuous scale and colour bar (no classes): diverging in the report's palette
    around ``referenties["midden"]``, else sequential."""
    schaal = _Schaal.for_values(waarden, referenties.get("midden"), referenties)
    collectie.set_cmap(schaal.cmap)
    collectie.set_norm(schaal.norm)
    collectie.set_array(np.ma.masked_invalid(schaal.transform(waarden)))
    balk = fig.colorbar(collectie, ax=ax, orientation="horizontal", shrink=0.6, pad=0.02)
    balk.set_label(titel)
    schaal.ticks(balk)


def _overlays(
    ax: Axes,
    vormen: dict[str, Path],
    klassen: np.ndarray,
    leeg: np.ndarray,
    afwijkend: tuple[str, ...],
) -> list[Patch]:
    """Dots over the areas without a value, hatching over the areas whose published figure
    differs; the legend entries they need."""
    paden = list(vormen.values())
    extra: list[Patch] = []
    if leeg.any():
        _hatch(ax, paden, leeg, GEEN_GEGEVENS_ARCERING, np.full(len(paden), "#8C8C8C"))
        extra.append(
            Patch(
                facecolor=GRIJS,
                edgecolor="#8C8C8C",
                hatch=GEEN_GEGEVENS_ARCERING,
                label="geen gegevens",
            )
        )
    gemarkeerd = np.isin(np.asarray(list(vormen), dtype=object), list(afwijkend))
    if gemarkeerd.any():
        donker = np.isin(klassen, ("min_sterk", "plus_sterk"))
        _hatch(ax, paden, gemarkeerd, AFWIJKEND_ARCERING, np.where(donker, "#FFFFFF", "#1A1A1A"))
        extra.append(
            Patch(
                facecolor="#FFFFFF",
                edgecolor="#1A1A1A",
                hatch=AFWIJKEND_ARCERING,
                label=AFWIJKEND_LEGENDA,
            )
        )
    return extra


def _hatch(
    ax: Axes, paden: list[Path], kies: np.ndarray, arcering: str, kleuren: np.ndarray
) -> None:
    gekozen = np.flatnonzero(kies)
    laag = PathCollection(
        [paden[i] for i in gekozen],
        facecolor="none",
        edgecolor=list(kleuren[gekozen]),
        hatchcolor=list(kleuren[gekozen]),
        linewidth=0.9,
        hatch=arcering,
    )
    laag.set_gid(f"arcering-{arcering}")
    ax.add_collection(laag)


def _class_legend(fig: Figure, ax: Axes, soort: Soort, titel: str, extra: list[Patch]) -> None:
    """The table's legend under the map: every class with its symbol and words (low to
    high), then *geen gegevens* and *gepubliceerd wijkt af* when the map has them."""
    vakken = [
        Patch(
            facecolor=KLEUREN[k],
            edgecolor="#8C8C8C",
            label=f"{SYMBOLEN[soort][k]}  {LEGENDA[soort][k]}",
        )
        for k in KLASSEN
    ]
    vakken += extra
    spec = ax.get_subplotspec()
    if spec is None:  # pragma: no cover - the report always draws on a subplot
        return
    hoogte = 0.21 * (len(vakken) + 1) + 0.1
    raster = spec.subgridspec(2, 1, height_ratios=[max(1.0, 5.0 - hoogte), hoogte], hspace=0.02)
    ax.set_subplotspec(raster[0])
    vak = fig.add_subplot(raster[1])
    vak.set_axis_off()
    vak.legend(
        handles=vakken,
        loc="upper center",
        title=titel,
        fontsize=10,
        title_fontsize=10.5,
        frameon=False,
        handlelength=1.6,
        borderaxespad=0.0,
    )


def _symbols(kleuring: Kleuring | None, klassen: np.ndarray) -> np.ndarray:
    """The class symbol of every area (``""`` without classes), so that the map, like the
    table, never tells by colour alone (WCAG 2.2, 1.4.1)."""
    if kleuring is None:
        return np.full(len(klassen), "", dtype=object)
    tekens: np.ndarray = (
        pd.Series(klassen, dtype=object).map(SYMBOLEN[kleuring.soort]).fillna("").to_numpy()
    )
    return tekens


def _first_numeric(data: pd.DataFrame) -> str:
    for k in data.columns:
        if pd.api.types.is_numeric_dtype(data[k]):
            return str(k)
    raise ValueError("een kaart heeft een kolom met getallen nodig")


def _named(waarden: np.ndarray) -> np.ndarray:
    """Which areas get their name: all on a map of nine areas or fewer, else those with a
    value when there are nine or fewer of them."""
    if len(waarden) <= 9:
        return np.ones(len(waarden), dtype=bool)
    gevuld = ~np.isnan(waarden)
    return gevuld if gevuld.sum() <= 9 else np.zeros(len(waarden), dtype=bool)


def _labels(
    ax: Axes,
    indeling: Gebiedsindeling,
    niveau: Niveau,
    codes: list[str],
    met_naam: np.ndarray,
    tekens: np.ndarray,
) -> None:
    """Area names (:func:`_named`) with their class symbol; elsewhere only the symbol, on
    at most :data:`MAX_TEKENS` areas."""
    tabel = indeling.table(niveau).reindex(codes)
    namen = np.where(met_naam, tabel["naam"].fillna("").astype(str).to_numpy(dtype=object), "")
    tekst = pd.Series(namen + np.where((namen != "") & (tekens != ""), " ", "") + tekens)
    kies = (tekst != "").to_numpy() & tabel["lon"].notna().to_numpy()
    if kies.sum() > MAX_TEKENS:
        return
    for t, lon, lat in zip(
        tekst[kies], tabel["lon"].to_numpy()[kies], tabel["lat"].to_numpy()[kies], strict=True
    ):
        ax.annotate(
            str(t),
            (float(lon), float(lat)),
            ha="center",
            va="center",
            fontsize=7,
            color="#1A1A1A",
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8},
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
            return cls(_palette_map(), Normalize(-grens, grens), midden, True)
        if midden is not None and len(geldig):
            laag, hoog = min(float(geldig.min()), midden - 1), max(float(geldig.max()), midden + 1)
            return cls(_palette_map(), TwoSlopeNorm(midden, laag, hoog), midden, False)
        laag, hoog = (float(geldig.min()), float(geldig.max())) if len(geldig) else (0.0, 1.0)
        laag, hoog = vast.get("min", laag), vast.get("max", hoog)
        cmap = mpl.colormaps["Oranges"].with_extremes(bad=GRIJS)
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


def _palette_map() -> Colormap:
    """The report's diverging palette (:data:`~oi_rapport.opmaak.KLEUREN`, low to high) as a
    continuous colour map, grey where there is no value."""
    kleuren = [KLEUREN[k] for k in KLASSEN]
    return LinearSegmentedColormap.from_list("oi-palet", kleuren).with_extremes(bad=GRIJS)
