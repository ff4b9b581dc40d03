"""The analyses of 'groot_onderhoud': the match beside its context, the check of the
published figures against rounding, the weighted opgave, and the cost of compensation.

Every number is computed here in exactly one place; report, Excel and tests call these.

Weighting the opgave (the presentation: vulnerability and residents' judgement are "not
yet" taken into account)::

    opgave_gewogen = opgave × (1 + α · (kwetsbaarheid / kwetsbaarheid_stad − 1))
                            × (1 + β · (oordeel_stad − oordeel))

α = 1 makes the opgave proportional to the stadsdeel's share of low-SES residents relative
to the city; β is the extra weight per report-mark point that residents judge the
maintenance below the city. α = β = 0 leaves the opgave as it is.
"""

from __future__ import annotations

from typing import Required, TypedDict, Unpack

import numpy as np
import pandas as pd

from oi_core import Analyse, Bevinding, DataFout, InvoerFout, Niveau, index_interval, match
from oi_core.invoer.reeksen import Labels as Reeks
from oi_core.invoer.reeksen import als_reeks
from oi_core.rekenen import gepubliceerd as _gepubliceerd
from oi_core.rekenen.kern import BAND

from .activiteit import ACTIVITEIT
from .gegevens import data, gepubliceerd

__all__ = [
    "ALFA",
    "BETA",
    "compensatie",
    "context",
    "controle_gepubliceerd",
    "index_interval",
    "stadswaarde",
    "weeg_opgave",
    "weging",
    "weging_analyse",
]

ALFA = 0.5
"""Example weight of vulnerability in the report (a choice, see README)."""
BETA = 0.5
"""Example weight per report-mark point of residents' judgement in the report."""


def _reeks(waarden: Reeks, naam: str) -> pd.Series:
    reeks = als_reeks(waarden, naam)
    leeg = reeks.index[reeks.isna().to_numpy()]
    if len(leeg):
        raise DataFout([Bevinding(f"waarde ontbreekt voor '{g}'", kolom=naam) for g in leeg])
    return reeks


# -- published figures against rounding ---------------------------------------------------------
def controle_gepubliceerd() -> pd.DataFrame:
    """The presentation's pp and OI-index beside what its own shares give.

    ``pp_uit_afgeronde`` is the difference of the published whole percents (how the slide
    computed it); ``pp_berekend`` and ``oi_index_berekend`` come from the core's match
    (shares normalised by their sum, 99 for the budget). ``binnen_interval``: the
    published index within :func:`index_interval` give or take its own rounding (0,5).
    """
    analyse = Analyse(ACTIVITEIT, data())
    m = analyse.match()
    f, b = analyse.values("projectbudget"), analyse.values("aandeel_niveau_d")
    pub = gepubliceerd()["match"]
    pub.index = pd.Index(analyse.indeling.resolve_all(list(pub["stadsdeel"]), Niveau.STADSDEEL))
    pub_index = pub["oi_index"].reindex(f.index)
    interval = _gepubliceerd.binnen_afronding(pub_index, f, b)
    uit = pd.DataFrame(
        {
            "naam": m["naam"],
            "projectbudget_pct": f,
            "opgave_pct": b.reindex(f.index),
            "pp_gepubliceerd": pub["verschil_pp"].reindex(f.index),
            "pp_uit_afgeronde": f - b.reindex(f.index),
            "pp_berekend": m["verschil_pp"],
            "oi_index_gepubliceerd": pub_index,
            "oi_index_berekend": m["oi_index"],
            "ondergrens": interval["ondergrens"],
            "bovengrens": interval["bovengrens"],
            "binnen_interval": interval["binnen"],
        }
    )
    return uit


# -- the match beside its context ----------------------------------------------------------------
def stadswaarde(analyse: Analyse, indicator: str) -> float:
    """The published Amsterdam figure, else the indicator's own aggregation to the city.

    The presentation's table covers eight stadsdelen (not Westpoort), so the aggregation
    over them is allowed explicitly (``onvolledig="toestaan"``).
    """
    return _gepubliceerd.stadswaarde(analyse, indicator, aggregeren=True)


def context(analyse: Analyse, *, band: float = BAND) -> pd.DataFrame:
    """The match with vulnerability, residents' judgement and % pavement at D beside it."""
    m = analyse.match(band=band)
    for code in ("lage_ses", "bewonersoordeel", "wijken_onvoldoende", "pct_niveau_d"):
        m[code] = analyse.values(code).reindex(m.index)
    return m


# -- weighting the opgave -------------------------------------------------------------------------
def weeg_opgave(
    opgave: Reeks,
    kwetsbaarheid: Reeks,
    oordeel: Reeks,
    *,
    alfa: float,
    beta: float,
    kwetsbaarheid_stad: float | None = None,
    oordeel_stad: float | None = None,
) -> pd.DataFrame:
    """The opgave weighted by vulnerability and residents' judgement (module docstring).

    City references default to the plain mean of the given areas. Refused: α or β below 0,
    a missing value, and a weight that is 0 or negative (β too large for a well-judged area).
    Columns: opgave, factor_kwetsbaarheid, factor_oordeel, opgave_gewogen.
    """
    for naam, waarde in (("alfa", alfa), ("beta", beta)):
        if not waarde >= 0:
            raise InvoerFout(f"{naam} moet 0 of groter zijn (0 = niet meewegen)", argument=naam)
    y = _reeks(opgave, "opgave")
    k = _reeks(kwetsbaarheid, "kwetsbaarheid").reindex(y.index)
    o = _reeks(oordeel, "oordeel").reindex(y.index)
    _eis_volledig(y.index, k, o)
    k_stad = float(k.mean()) if kwetsbaarheid_stad is None else kwetsbaarheid_stad
    o_stad = float(o.mean()) if oordeel_stad is None else oordeel_stad
    if not k_stad > 0:
        raise InvoerFout("de kwetsbaarheid van de stad moet groter dan 0 zijn", argument="stad")
    fk = 1 + alfa * (k.to_numpy() / k_stad - 1)
    fo = 1 + beta * (o_stad - o.to_numpy())
    _eis_positief(y.index, fk, "factor_kwetsbaarheid", "alfa")
    _eis_positief(y.index, fo, "factor_oordeel", "beta")
    return pd.DataFrame(
        {
            "opgave": y,
            "factor_kwetsbaarheid": fk,
            "factor_oordeel": fo,
            "opgave_gewogen": y.to_numpy() * fk * fo,
        },
        index=y.index,
    )


def _eis_volledig(index: pd.Index, k: pd.Series, o: pd.Series) -> None:
    fouten = [Bevinding(f"geen kwetsbaarheid voor '{g}'") for g in index[k.isna().to_numpy()]]
    fouten += [Bevinding(f"geen bewonersoordeel voor '{g}'") for g in index[o.isna().to_numpy()]]
    if fouten:
        raise DataFout(fouten, "Weging van de opgave")


def _eis_positief(index: pd.Index, factor: np.ndarray, kolom: str, argument: str) -> None:
    slecht = [f"{g} ({v:.2f})" for g, v in zip(index, factor, strict=True) if not v > 0]
    if slecht:
        raise InvoerFout(
            f"{kolom} wordt 0 of negatief voor {', '.join(slecht)}; kies een kleinere {argument}",
            argument=argument,
        )


class Weegopties(TypedDict, total=False):
    """The keyword arguments of :func:`weeg_opgave`, passed on by :func:`weging`."""

    alfa: Required[float]
    beta: Required[float]
    kwetsbaarheid_stad: float | None
    oordeel_stad: float | None


def weging(
    inzet: Reeks,
    opgave: Reeks,
    kwetsbaarheid: Reeks,
    oordeel: Reeks,
    *,
    band: float = BAND,
    **opties: Unpack[Weegopties],
) -> pd.DataFrame:
    """The OI-index before and after weighting the opgave (:func:`weeg_opgave`), per area."""
    gewogen = weeg_opgave(opgave, kwetsbaarheid, oordeel, **opties)
    x = _reeks(inzet, "inzet")
    voor = match(x, gewogen["opgave"].reindex(x.index), band=band)
    na = match(x, gewogen["opgave_gewogen"].reindex(x.index), band=band)
    return pd.DataFrame(
        {
            "aandeel_inzet": voor["aandeel_inzet"],
            "aandeel_opgave": voor["aandeel_opgave"],
            "oi_index": voor["oi_index"],
            "factor_kwetsbaarheid": gewogen["factor_kwetsbaarheid"],
            "factor_oordeel": gewogen["factor_oordeel"],
            "aandeel_opgave_gewogen": na["aandeel_opgave"],
            "oi_index_gewogen": na["oi_index"],
            "verschil_index": na["oi_index"] - voor["oi_index"],
            "signaal_gewogen": na["signaal"],
        }
    )


def weging_analyse(
    analyse: Analyse, *, alfa: float = ALFA, beta: float = BETA, band: float = BAND
) -> pd.DataFrame:
    """:func:`weging` on an analysis, with the city's figures as references and names."""
    uit = weging(
        analyse.values(ACTIVITEIT.match_inzet.code),
        analyse.values(ACTIVITEIT.match_opgave.code),
        analyse.values("lage_ses"),
        analyse.values("bewonersoordeel"),
        alfa=alfa,
        beta=beta,
        kwetsbaarheid_stad=stadswaarde(analyse, "lage_ses"),
        oordeel_stad=stadswaarde(analyse, "bewonersoordeel"),
        band=band,
    )
    uit.insert(0, "naam", analyse.indeling.names(uit.index))
    return uit


# -- the cost of compensation ----------------------------------------------------------------------
def compensatie(m: pd.DataFrame) -> pd.DataFrame:
    """For every area below its share: what index 100 would take.

    ``herverdelen_pp``: percentage points of the budget to move to it within the same total
    (b − a, the core's ``verschil_pp`` turned round). ``toevoegen_pct``: extra budget, as %
    of the current total, if only this area got more: E = (b − a) / (1 − b), from
    (a + E) / (1 + E) = b.
    """
    tekort = m[m["verschil_pp"] < 0]
    herverdelen = -tekort["verschil_pp"].to_numpy(dtype=float)
    b = tekort["aandeel_opgave"].to_numpy(dtype=float)
    uit = pd.DataFrame(
        {"herverdelen_pp": herverdelen, "toevoegen_pct": herverdelen / (1 - b)},
        index=tekort.index,
    )
    if "naam" in m.columns:
        uit.insert(0, "naam", tekort["naam"])
    return uit.sort_values("herverdelen_pp", ascending=False)
