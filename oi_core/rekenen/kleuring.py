"""Cell classes: how a column is coloured, computed once for every renderer.

Two kinds of colouring, each with its own legend and symbols:

- an **indicator** with a declared direction is coloured against an average, as the
  presentation does: – worse, + better, dark (``_sterk``) beyond one standard deviation. The
  positions come from :func:`~oi_core.rekenen.metrieken.tov_gemiddelde` (band 0: any
  difference counts) and the standard deviation from
  :func:`~oi_core.rekenen.metrieken.gemiddelde`. Which average and which exclusions apply is
  decided in one place, :func:`kleur_indicator`, and stated in :attr:`Kleuring.uitleg`.
  An indicator without a direction is not coloured: there is no better or worse.
- the **OI-index** is coloured with the *same* band as the signal
  (:func:`~oi_core.rekenen.kern.grenzen`): below, within or above the share in the opgave,
  dark below half (50) or above double (200). Its legend never says better or worse.

The class is computed here once, **per label**; every renderer (HTML, xlsx) only looks it
up by the row's label and shows the class's symbol next to the colour (WCAG 2.2, 1.4.1).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd

from oi_core.errors import OIFout
from oi_core.model.activiteit import Aggregatie, Indicator, Niveau, Richting
from oi_core.rekenen.kern import BAND, grenzen
from oi_core.rekenen.metrieken import gemiddelde, tov_gemiddelde
from oi_core.weergave.tekst import getal

if TYPE_CHECKING:
    from oi_core.rekenen.analyse import Analyse

__all__ = [
    "INDEX_STERK",
    "KLASSEN",
    "LEGENDA",
    "SYMBOLEN",
    "Kleuring",
    "Soort",
    "kleur_index",
    "kleur_indicator",
    "kleur_kolom",
]

KLASSEN = ("min_sterk", "min", "gemiddeld", "plus", "plus_sterk")
"""Colour classes of a cell, low to high: – and + as in the presentation, ``_sterk``
(dark) far away (one standard deviation; for the OI-index half or double)."""

Soort = Literal["indicator", "index"]
"""What a colouring compares: an indicator against an average, or an OI-index against
its share in the opgave."""

INDEX_STERK = 2.0
"""An OI-index below ``100 / INDEX_STERK`` (less than half its share) or above
``100 · INDEX_STERK`` (more than double) is coloured dark."""

LEGENDA: dict[Soort, dict[str, str]] = {
    "indicator": {
        "min_sterk": "slechter dan het gemiddelde, meer dan één standaardafwijking",
        "min": "slechter dan het gemiddelde",
        "gemiddeld": "gelijk aan het gemiddelde",
        "plus": "beter dan het gemiddelde",
        "plus_sterk": "beter dan het gemiddelde, meer dan één standaardafwijking",
    },
    "index": {
        "min_sterk": "minder dan de helft van het aandeel in de opgave",
        "min": "minder dan het aandeel in de opgave",
        "gemiddeld": "in verhouding met het aandeel in de opgave",
        "plus": "meer dan het aandeel in de opgave",
        "plus_sterk": "meer dan het dubbele van het aandeel in de opgave",
    },
}
"""Legend text of each class, per :data:`Soort`; only an indicator says better or worse."""

SYMBOLEN: dict[Soort, dict[str, str]] = {
    "indicator": {"min_sterk": "−−", "min": "−", "gemiddeld": "=", "plus": "+", "plus_sterk": "++"},
    "index": {"min_sterk": "▼▼", "min": "▼", "gemiddeld": "=", "plus": "▲", "plus_sterk": "▲▲"},
}
"""The symbol every coloured cell shows next to its value, so colour is never the only
signal (WCAG 2.2, 1.4.1)."""


@dataclass(frozen=True, eq=False)
class Kleuring:
    """How a column is coloured: position against ``gemiddelde``.

    ``klassen`` holds one class of :data:`KLASSEN` per label (empty: no colour, e.g. a
    missing value); :meth:`klasse` looks a row up by its label, so a table that shows
    fewer rows than were coloured still gets every row's own class. ``sd`` is the
    standard deviation that makes a colour dark (NaN for the OI-index). ``toelichting``
    names the average (``t.o.v. het stadscijfer``), ``uitgesloten`` the areas left out of
    it, ``grenzen`` the band of the OI-index.
    """

    gemiddelde: float
    sd: float
    richting: Richting
    klassen: pd.Series
    toelichting: str = ""
    soort: Soort = "indicator"
    uitgesloten: tuple[str, ...] = ()
    grenzen: tuple[float, float] | None = None

    def klasse(self, label: object) -> str:
        """The class of the row ``label``; ``""`` when that label was not coloured."""
        waarde = self.klassen.get(label, "")
        return str(waarde) if isinstance(waarde, str) else ""

    def symbool(self, label: object) -> str:
        """The symbol of the row ``label``'s class (``""``: not coloured)."""
        return SYMBOLEN[self.soort].get(self.klasse(label), "")

    @property
    def legenda(self) -> dict[str, str]:
        """Legend text per class, for this colouring's :data:`Soort`."""
        return LEGENDA[self.soort]

    @property
    def uitleg(self) -> str:
        """One Dutch sentence for the legend: which average, which exclusions, when dark."""
        if self.soort == "index":
            laag, hoog = self.grenzen or grenzen(BAND)
            return (
                f"Kleur t.o.v. 100 (in verhouding), met dezelfde grenzen als het signaal: "
                f"minder dan {getal(laag, 0)}, meer dan {getal(hoog, 0)}; donker onder "
                f"{getal(100 / INDEX_STERK, 0)} (minder dan de helft) of boven "
                f"{getal(100 * INDEX_STERK, 0)} (meer dan het dubbele)."
            )
        zonder = f", zonder {' en '.join(self.uitgesloten)}" if self.uitgesloten else ""
        sd = f" ({_getal(self.sd)})" if np.isfinite(self.sd) else ""
        lager = " Lager is beter." if self.richting is Richting.LAGER_IS_BETER else ""
        return (
            f"Kleur {self.toelichting or 't.o.v. het gemiddelde'}{zonder}: "
            f"{_getal(self.gemiddelde)}; donker bij meer dan één "
            f"standaardafwijking{sd} verschil.{lager}"
        )


def _getal(x: float) -> str:
    return getal(x, 0 if abs(x) >= 100 else 1 if abs(x) >= 10 else 2)


def kleur_kolom(
    waarden: pd.Series,
    richting: Richting,
    *,
    gewichten: pd.Series | None = None,
    gemiddelde_waarde: float | None = None,
    uitsluiten: Iterable[str] = (),
    toelichting: str = "",
    uitgesloten_namen: Iterable[str] = (),
) -> Kleuring | None:
    """The :class:`Kleuring` of one indicator column; ``None`` when it has no direction or
    fewer than two values. ``uitsluiten`` are the labels left out of the average,
    ``uitgesloten_namen`` how the legend names them (default: the labels)."""
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
        uitgesloten=tuple(uitgesloten_namen) or tuple(uitsluiten),
    )


def kleur_index(oi_index: pd.Series, band: float = BAND) -> Kleuring:
    """The :class:`Kleuring` of an OI-index column: the signal's band
    (:func:`~oi_core.rekenen.kern.grenzen`), dark beyond half or double
    (:data:`INDEX_STERK`); a diverging scale centred on 100."""
    laag, hoog = grenzen(band)
    x = oi_index.to_numpy(dtype=float)
    klasse = np.select(
        [
            np.isnan(x),
            x < min(laag, 100 / INDEX_STERK),
            x < laag,
            x > max(hoog, 100 * INDEX_STERK),
            x > hoog,
        ],
        ["", "min_sterk", "min", "plus_sterk", "plus"],
        default="gemiddeld",
    )
    return Kleuring(
        gemiddelde=100.0,
        sd=float("nan"),
        richting=Richting.HOGER_IS_BETER,
        klassen=pd.Series(klasse, index=oi_index.index, name="klasse", dtype=object),
        toelichting="t.o.v. 100 (in verhouding)",
        soort="index",
        grenzen=(laag, hoog),
    )


def kleur_indicator(
    analyse: Analyse, ind: Indicator, waarden: pd.Series, labels: pd.Index | None = None
) -> Kleuring | None:
    """The :class:`Kleuring` of an indicator beside the match, following the method.

    Only the rows shown (``labels``) are coloured and count. A count or amount
    (:attr:`~oi_core.model.activiteit.Aggregatie.SOM`) is compared with the plain average
    per area, never with the city total; a rate with the published city figure when the
    data has one and the indicator leaves no area out, else with its weighted average.
    Areas named in :attr:`~oi_core.model.activiteit.Indicator.kleur_zonder` do not count
    in the average (the presentation leaves Centrum out of m² per 100 inwoners).
    """
    if labels is not None:
        waarden = waarden.reindex(labels)
    zonder_namen = ind.kleur_zonder
    zonder = [_code(analyse, n) for n in zonder_namen]
    meervoud = _meervoud(analyse, waarden.drop(zonder, errors="ignore"))
    if ind.aggregatie is Aggregatie.SOM:
        toelichting = f"t.o.v. het gemiddelde per {analyse.niveau.value} (niet het stadstotaal)"
        return kleur_kolom(
            waarden,
            ind.richting,
            uitsluiten=zonder,
            toelichting=toelichting,
            uitgesloten_namen=zonder_namen,
        )
    stad = None if zonder else _city_value(analyse, ind)
    if stad is not None:
        return kleur_kolom(
            waarden, ind.richting, gemiddelde_waarde=stad, toelichting="t.o.v. het stadscijfer"
        )
    gewichten = _weights(analyse, ind, waarden.index)
    soort = "gewogen gemiddelde" if gewichten is not None else "gemiddelde"
    return kleur_kolom(
        waarden,
        ind.richting,
        gewichten=gewichten,
        uitsluiten=zonder,
        toelichting=f"t.o.v. het {soort} van {meervoud}",
        uitgesloten_namen=zonder_namen,
    )


def _code(analyse: Analyse, naam: str) -> str:
    return analyse.indeling.resolve(naam, analyse.niveau)


def _meervoud(analyse: Analyse, waarden: pd.Series) -> str:
    from oi_core.gebieden.indeling import MEERVOUD

    return f"{int(waarden.notna().sum())} {MEERVOUD[analyse.niveau]}"


def _city_value(analyse: Analyse, ind: Indicator) -> float | None:
    with warnings.catch_warnings():  # a probe: no city figure is no warning
        warnings.simplefilter("ignore")
        try:
            return analyse.city_value(ind.code)
        except OIFout:
            return None


def _weights(analyse: Analyse, ind: Indicator, labels: pd.Index) -> pd.Series | None:
    if ind.aggregatie is not Aggregatie.GEWOGEN_GEMIDDELDE or ind.gewicht is None:
        return None
    try:
        if ind.gewicht in ("inwoners", "inwoners_0_14"):
            if analyse.niveau in (Niveau.DOELGROEP, Niveau.GEMEENTE):
                return None
            return analyse.indeling.bevolking(analyse.niveau, ind.gewicht).reindex(labels)
        return analyse.values(str(ind.gewicht)).reindex(labels)
    except OIFout:
        return None


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
