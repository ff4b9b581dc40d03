"""The tidy table of the activity, built from the package data.

Area names stay as published; the core resolves them. Next to the published figures the
table holds three derived counts and the straight-line distance, each marked as derived
in its indicator's ``bron``.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from oi_core import Gebiedsindeling, Niveau, to_tidy

from .activiteit import PEILJAAR
from .afstand import afstand_buurten, aggregeer_afstand
from .bronnen import GEMIDDELDEN, STADSDELEN, WIJKEN, lees_csv, vestigingen

__all__ = ["afgeleide_aantallen", "data"]

_PER_STADSDEEL = ("m2_per_100_inwoners", "leesniveau_pct", "pct_lage_ses")
_PER_WIJK = ("leesniveau_pct", "km_tot_bibliotheek", "pct_lage_ses")
_AFGELEID = ("m2_bibliotheek", "inwoners_lage_ses", "jeugd_onder_streefniveau")
_NIVEAUS_AFSTAND = (Niveau.GEMEENTE, Niveau.STADSDEEL, Niveau.GEBIED, Niveau.WIJK)


def afgeleide_aantallen(stadsdelen: pd.DataFrame, indeling: Gebiedsindeling) -> pd.DataFrame:
    """The counts the match needs, derived from the published rates and 2024 population.

    ``m2_bibliotheek`` = m² per 100 inwoners × inwoners / 100; ``inwoners_lage_ses`` =
    % lage SES × inwoners / 100; ``jeugd_onder_streefniveau`` = (100 − leesniveau) / 100 ×
    inwoners 0–14. Rows keep the published area names.
    """
    codes = indeling.resolve_all(list(stadsdelen["stadsdeel"]), Niveau.STADSDEEL, kolom="stadsdeel")
    inwoners = indeling.bevolking(Niveau.STADSDEEL).reindex(codes).to_numpy()
    kinderen = indeling.bevolking(Niveau.STADSDEEL, "inwoners_0_14").reindex(codes).to_numpy()
    m2 = stadsdelen["m2_per_100_inwoners"].to_numpy(dtype=float)
    lees = stadsdelen["leesniveau_pct"].to_numpy(dtype=float)
    ses = stadsdelen["pct_lage_ses"].to_numpy(dtype=float)
    return pd.DataFrame(
        {
            "stadsdeel": stadsdelen["stadsdeel"].to_numpy(),
            "m2_bibliotheek": m2 * inwoners / 100.0,
            "inwoners_lage_ses": ses * inwoners / 100.0,
            "jeugd_onder_streefniveau": (100.0 - lees) / 100.0 * kinderen,
        }
    )


def data() -> pd.DataFrame:
    """The tidy table of the activity (a fresh copy on every call)."""
    return _data().copy()


@cache
def _data() -> pd.DataFrame:
    indeling = Gebiedsindeling.amsterdam()
    stadsdelen = lees_csv(STADSDELEN)
    delen = [
        to_tidy(
            stadsdelen,
            gebied="stadsdeel",
            indicatoren=_PER_STADSDEEL,
            jaar=PEILJAAR,
            niveau=Niveau.STADSDEEL,
        ),
        to_tidy(
            afgeleide_aantallen(stadsdelen, indeling),
            gebied="stadsdeel",
            indicatoren=_AFGELEID,
            jaar=PEILJAAR,
            niveau=Niveau.STADSDEEL,
        ),
        to_tidy(
            lees_csv(WIJKEN),
            gebied="wijk",
            indicatoren=_PER_WIJK,
            jaar=PEILJAAR,
            niveau=Niveau.WIJK,
        ),
        _stad(),
        *_afstanden(indeling),
    ]
    return pd.concat(delen, ignore_index=True)


def _stad() -> pd.DataFrame:
    """The published Amsterdam averages as gemeente rows; the national row is no area."""
    gemiddelden = lees_csv(GEMIDDELDEN)
    amsterdam = gemiddelden[gemiddelden["gebied"] == "Gemiddelde Amsterdam"]
    return to_tidy(
        amsterdam, gebied="gebied", indicatoren=_PER_WIJK, jaar=PEILJAAR, niveau=Niveau.GEMEENTE
    )


def _afstanden(indeling: Gebiedsindeling) -> list[pd.DataFrame]:
    """The straight-line distance at every level, from one buurt computation."""
    buurten = afstand_buurten(vestigingen(), indeling=indeling)
    delen = []
    for niveau in _NIVEAUS_AFSTAND:
        km = aggregeer_afstand(buurten, niveau, indeling)
        breed = pd.DataFrame({"gebied": km.index, "km_hemelsbreed": km.to_numpy()})
        delen.append(
            to_tidy(
                breed, gebied="gebied", indicatoren=["km_hemelsbreed"], jaar=PEILJAAR, niveau=niveau
            )
        )
    return delen
