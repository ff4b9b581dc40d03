"""The analyses specific to libraries, all on an :class:`~oi_core.Analyse`.

- :func:`voorzieningsniveau`: m² per 100 inwoners per stadsdeel against the average with
  and without Centrum, next to the reading level and % lage SES;
- :func:`wijk_kwadrant`: wijken with a reading level below the city AND a distance above it;
- :func:`afstanden_naast_elkaar`: the published (road) distance beside the straight line;
- :func:`basisniveau_m2`: what lifting every stadsdeel to the average would cost in m²;
- :func:`match_varianten`: the match without Centrum and with another opgave.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from oi_core import (
    Analyse,
    InvoerFout,
    Niveau,
    Richting,
    gemiddelde,
    kwadrant,
    match,
    tov_gemiddelde,
)
from oi_core.rekenen import kern
from oi_core.rekenen.gepubliceerd import stadswaarde

__all__ = [
    "BAND",
    "KWADRANT_ONGUNSTIG",
    "afstanden_naast_elkaar",
    "basisniveau_m2",
    "centrum",
    "kwadrant_labels",
    "match_varianten",
    "voorzieningsniveau",
    "wijk_kwadrant",
]

BAND = kern.BAND
"""Within the method's band (10%) of the average counts as 'gemiddeld' (a choice: the
presentation is silent)."""

KWADRANT_ONGUNSTIG = "beide ongunstig"


def centrum(analyse: Analyse) -> list[str]:
    """Centrum's code: the presentation leaves it out of the average."""
    return [analyse.indeling.resolve("Centrum", Niveau.STADSDEEL)]


def voorzieningsniveau(analyse: Analyse, uitsluiten: Sequence[str] | None = None) -> pd.DataFrame:
    """m² per 100 inwoners per stadsdeel with its position with and without Centrum.

    Averages are weighted by inwoners (Σm² / Σinwoners); ``uitsluiten`` defaults to
    Centrum. The reading level is placed against the published city figure when the data
    has one, else against the average weighted by inwoners 0–14.
    """
    weg = centrum(analyse) if uitsluiten is None else list(uitsluiten)
    m2 = analyse.values("m2_per_100_inwoners", niveau=Niveau.STADSDEEL)
    inwoners = analyse.indeling.bevolking(Niveau.STADSDEEL).reindex(m2.index)
    zonder = tov_gemiddelde(m2, gewichten=inwoners, uitsluiten=weg, band=BAND)
    met = tov_gemiddelde(m2, gewichten=inwoners, band=BAND)
    lees = _leesniveau(analyse, m2.index)
    uit = pd.DataFrame(
        {
            "naam": analyse.indeling.names(m2.index),
            "m2_per_100_inwoners": m2,
            "positie_zonder_uitgesloten": zonder["label"],
            "positie_met_alle": met["label"],
            "leesniveau_pct": lees["waarde"],
            "positie_leesniveau": lees["label"],
            "pct_lage_ses": analyse.values("pct_lage_ses", niveau=Niveau.STADSDEEL).reindex(
                m2.index
            ),
        }
    )
    uit.attrs.update(
        gemiddelde_zonder=float(zonder["gemiddelde"].iloc[0]),
        gemiddelde_met=float(met["gemiddelde"].iloc[0]),
        gemiddelde_leesniveau=float(lees["gemiddelde"].iloc[0]),
        uitgesloten=weg,
    )
    return uit


def _leesniveau(analyse: Analyse, codes: pd.Index) -> pd.DataFrame:
    lees = analyse.values("leesniveau_pct", niveau=Niveau.STADSDEEL).reindex(codes)
    kinderen = analyse.indeling.bevolking(Niveau.STADSDEEL, "inwoners_0_14").reindex(codes)
    return tov_gemiddelde(
        lees, gewichten=kinderen, band=BAND, gemiddelde_waarde=analyse.city_value("leesniveau_pct")
    )


def wijk_kwadrant(
    analyse: Analyse,
    *,
    afstand: str = "km_tot_bibliotheek",
    leesniveau_ref: float | None = None,
    afstand_ref: float | None = None,
) -> pd.DataFrame:
    """Wijken against the city's reading level and distance (both from the data's city row).

    ``kwadrant`` is ``beide ongunstig`` for a wijk with a reading level below the reference
    AND a distance above it. Only wijken with a reading level take part. Sorted by reading
    level, lowest first (ties keep the data's order); ``attrs`` has the references used.
    """
    lees = analyse.values("leesniveau_pct", niveau=Niveau.WIJK)
    km = analyse.values(afstand, niveau=Niveau.WIJK).reindex(lees.index)
    uit = kwadrant(
        lees,
        km,
        x_ref=_referentie(analyse, "leesniveau_pct", leesniveau_ref),
        y_ref=_referentie(analyse, afstand, afstand_ref),
        x_richting=Richting.HOGER_IS_BETER,
        y_richting=Richting.LAGER_IS_BETER,
        x_naam="leesniveau",
        y_naam="afstand",
    )
    uit = uit.rename(
        columns={
            "x": "leesniveau_pct",
            "y": afstand,
            "x_ongunstig": "leesniveau_ongunstig",
            "y_ongunstig": "afstand_ongunstig",
        }
    )
    uit.insert(0, "naam", analyse.indeling.names(uit.index))
    ouders = analyse.indeling.parents(Niveau.WIJK, Niveau.STADSDEEL).reindex(uit.index)
    uit.insert(1, "stadsdeel", analyse.indeling.names(ouders))
    ses = analyse.values("pct_lage_ses", niveau=Niveau.WIJK)
    uit["pct_lage_ses"] = ses.reindex(uit.index)
    return uit.sort_values("leesniveau_pct", kind="stable")


def _referentie(analyse: Analyse, code: str, gegeven: float | None) -> float | None:
    return gegeven if gegeven is not None else analyse.city_value(code)


def afstanden_naast_elkaar(analyse: Analyse) -> pd.DataFrame:
    """Published (road, older branch list) and straight-line distance, per wijk and for the city.

    The city row gives the population-weighted straight-line mean; ``attrs`` also has the
    plain mean over all wijken (the presentation's 'gemiddelde afstand van alle wijken').
    """
    gepubliceerd = analyse.values("km_tot_bibliotheek", niveau=Niveau.WIJK)
    hemelsbreed = analyse.values("km_hemelsbreed", niveau=Niveau.WIJK)
    stad = analyse.indeling.codes(Niveau.GEMEENTE)[0]
    uit = pd.DataFrame(
        {
            "km_gepubliceerd": [*gepubliceerd, analyse.city_value("km_tot_bibliotheek")],
            "km_hemelsbreed": [
                *hemelsbreed.reindex(gepubliceerd.index),
                stadswaarde(analyse, "km_hemelsbreed"),
            ],
        },
        index=pd.Index([*gepubliceerd.index, stad], name="gebied"),
    )
    uit.insert(0, "naam", analyse.indeling.names(uit.index))
    uit["verhouding"] = uit["km_gepubliceerd"] / uit["km_hemelsbreed"]
    uit.attrs["gemiddelde_alle_wijken"] = float(hemelsbreed.mean())
    return uit


def basisniveau_m2(
    analyse: Analyse, basisniveau: float | None = None, uitsluiten: Sequence[str] | None = None
) -> pd.DataFrame:
    """The m² each stadsdeel needs to reach ``basisniveau`` m² per 100 inwoners.

    Default basisniveau: the population-weighted average without Centrum. Extra m² =
    max(0, basisniveau − m² per 100) × inwoners 2024 / 100; ``attrs["totaal"]`` sums them.
    """
    m2 = analyse.values("m2_per_100_inwoners", niveau=Niveau.STADSDEEL)
    inwoners = analyse.indeling.bevolking(Niveau.STADSDEEL).reindex(m2.index)
    weg = centrum(analyse) if uitsluiten is None else list(uitsluiten)
    basis = gemiddelde(m2, inwoners, weg)[0] if basisniveau is None else float(basisniveau)
    if basis < 0:
        raise InvoerFout(f"basisniveau {basis:g} kan niet negatief zijn", argument="basisniveau")
    extra = (basis - m2).clip(lower=0.0) * inwoners / 100.0
    uit = pd.DataFrame(
        {
            "naam": analyse.indeling.names(m2.index),
            "m2_per_100_inwoners": m2,
            "basisniveau": basis,
            "inwoners": inwoners,
            "extra_m2": extra,
        }
    )
    uit.attrs.update(totaal=float(extra.sum()), basisniveau=basis)
    return uit


def match_varianten(analyse: Analyse, uitsluiten: Sequence[str] | None = None) -> pd.DataFrame:
    """OI-index of m² library against three views of the opgave, per stadsdeel.

    ``oi_index``: against inwoners met lage SES (the activity's match); ``oi_index_zonder``:
    the same without Centrum (its central library serves the whole city);
    ``oi_index_leesniveau``: against children 0–14 below the reading target.
    """
    weg = centrum(analyse) if uitsluiten is None else list(uitsluiten)
    inzet = analyse.values("m2_bibliotheek", niveau=Niveau.STADSDEEL)
    ses = analyse.values("inwoners_lage_ses", niveau=Niveau.STADSDEEL).reindex(inzet.index)
    lees = analyse.values("jeugd_onder_streefniveau", niveau=Niveau.STADSDEEL)
    zonder = match(inzet.drop(index=weg), ses.drop(index=weg))
    uit = pd.DataFrame(
        {
            "naam": analyse.indeling.names(inzet.index),
            "oi_index": match(inzet, ses)["oi_index"],
            "oi_index_zonder": zonder["oi_index"].reindex(inzet.index),
            "oi_index_leesniveau": match(inzet, lees.reindex(inzet.index))["oi_index"],
        }
    )
    uit.attrs["uitgesloten"] = weg
    return uit


KWADRANT_LABELS = {
    KWADRANT_ONGUNSTIG: "laag leesniveau én ver weg",
    "alleen leesniveau ongunstig": "alleen laag leesniveau",
    "alleen afstand ongunstig": "alleen ver weg",
    "beide gunstig": "geen van beide",
    "": "",
}


def kwadrant_labels(
    leesniveau: Sequence[float] | np.ndarray,
    afstand: Sequence[float] | np.ndarray,
    leesniveau_ref: float | None = None,
    afstand_ref: float | None = None,
) -> list[str]:
    """The quadrant of each (reading level, distance) pair, in words, in the order given.

    References default to the plain mean of the values given; a row with a missing value
    gets an empty label.
    """
    lees = np.asarray(leesniveau, dtype=float)
    km = np.asarray(afstand, dtype=float)
    if len(lees) != len(km):
        raise InvoerFout(
            f"leesniveau heeft {len(lees)} waarden en afstand {len(km)}; geef evenveel",
            argument="afstand",
        )
    uit = kwadrant(
        pd.Series(lees),
        pd.Series(km),
        x_ref=leesniveau_ref,
        y_ref=afstand_ref,
        x_richting=Richting.HOGER_IS_BETER,
        y_richting=Richting.LAGER_IS_BETER,
        x_naam="leesniveau",
        y_naam="afstand",
    )
    return [KWADRANT_LABELS[k] for k in uit["kwadrant"]]
