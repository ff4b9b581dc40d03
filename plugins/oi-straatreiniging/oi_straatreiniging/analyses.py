"""The analyses specific to street cleaning.

- :func:`resultaten`: every result against the city average and the CROW results against
  a norm the user sets (default: 'sober', 80% of measurements at least level B);
- :func:`index_marge`: the interval a published index must lie in, given that its
  inputs were rounded to whole percents;
- :func:`differentiatie`: FTE per area from a key (share of residents + visitors,
  optionally weighted up by the shortfall to the norm), total FTE unchanged;
- :func:`toevoegen`: the extra FTE when areas under the norm get more and nobody loses.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from oi_core import Analyse, InvoerFout, Niveau, compensatie, index_interval, tov_gemiddelde
from oi_core.rekenen.gepubliceerd import binnen_afronding
from oi_core.rekenen.kern import verdeel

from .activiteit import BEWONERSOORDEEL, CROW_INDICATOREN, GROF_ZWERFVUIL, VULGRAAD
from .bronnen import gepubliceerd

__all__ = [
    "NORM_SOBER",
    "RESULTAAT_INDICATOREN",
    "differentiatie",
    "index_marge",
    "match_gepubliceerd",
    "normtoets",
    "resultaten",
    "tekort_tot_norm",
    "toevoegen",
    "tov_stad",
]

NORM_SOBER = 80.0
"""The cleanliness norm 'sober': 80% of CROW measurements at least level B (see README)."""

RESULTAAT_INDICATOREN = (GROF_ZWERFVUIL.code, VULGRAAD.code, BEWONERSOORDEEL.code)

BAND = 0.02
"""Within 2% of the city average counts as 'gemiddeld' (a choice: the slide is silent)."""


def _eis_norm(norm: float) -> float:
    if not 0.0 <= norm <= 100.0:
        raise InvoerFout(f"norm {norm:g} moet een percentage tussen 0 en 100 zijn", argument="norm")
    return float(norm)


def normtoets(waarden: pd.Series, norm: float = NORM_SOBER) -> pd.DataFrame:
    """Per area: the value, the norm, the difference (pp) and whether it meets the norm."""
    norm = _eis_norm(norm)
    verschil = waarden.astype(float) - norm
    return pd.DataFrame(
        {
            "waarde": waarden.astype(float),
            "norm": norm,
            "verschil": verschil,
            "haalt_norm": (verschil >= 0).where(waarden.notna()),
        }
    )


def tekort_tot_norm(waarden: pd.Series, norm: float = NORM_SOBER) -> pd.Series:
    """Shortfall to the norm in percentage points (0 where the norm is met)."""
    return (_eis_norm(norm) - waarden.astype(float)).clip(lower=0.0).rename("tekort")


def tov_stad(analyse: Analyse, code: str, *, gepubliceerd: bool = True) -> pd.DataFrame:
    """One result per stadsdeel against the city average.

    With ``gepubliceerd`` the published Amsterdam figure is the average (when the data has
    one); otherwise the average weighted by inwoners, which reproduces the published
    figures within rounding.
    """
    x = analyse.values(code, niveau=Niveau.STADSDEEL)
    gewichten = analyse.indeling.bevolking(Niveau.STADSDEEL).reindex(x.index)
    stad = analyse.city_value(code) if gepubliceerd else None
    richting = analyse.activiteit.keten.indicator(code).richting
    return tov_gemiddelde(
        x, gewichten=gewichten, richting=richting, band=BAND, gemiddelde_waarde=stad
    )


def resultaten(
    analyse: Analyse,
    norm: float = NORM_SOBER,
    *,
    gepubliceerd: bool = True,
    indicatoren: Sequence[str] = RESULTAAT_INDICATOREN,
) -> pd.DataFrame:
    """Per stadsdeel each result, its position against the city and (CROW) the norm.

    Columns per indicator ``<code>``, ``<code>_positie`` (e.g. ``sterk onder``) and for the
    CROW results ``<code>_haalt_norm``. ``attrs``: the city averages used, the norm and
    whether those are the city's own figures in the data (``stad_uit_data``) or weighted
    from the stadsdelen.
    """
    norm = _eis_norm(norm)
    uit = pd.DataFrame()
    gemiddelden = {}
    for code in indicatoren:
        positie = tov_stad(analyse, code, gepubliceerd=gepubliceerd)
        uit[code] = positie["waarde"]
        uit[f"{code}_positie"] = positie["label"]
        if code in CROW_INDICATOREN:
            uit[f"{code}_haalt_norm"] = normtoets(positie["waarde"], norm)["haalt_norm"]
        gemiddelden[code] = float(positie["gemiddelde"].iloc[0])
    uit.insert(0, "naam", analyse.indeling.names(uit.index))
    uit_data = gepubliceerd and all(analyse.city_value(c) is not None for c in indicatoren)
    uit.attrs.update(gemiddelden=gemiddelden, norm=norm, stad_uit_data=uit_data)
    return uit


def index_marge(fte_pct: pd.Series, bewoners_bezoekers_pct: pd.Series) -> pd.DataFrame:
    """The interval an index must lie in when both shares were rounded to whole percents
    (:func:`oi_core.index_interval`)."""
    return index_interval(fte_pct, bewoners_bezoekers_pct)


def differentiatie(
    fte: pd.Series,
    bewoners_bezoekers: pd.Series,
    *,
    tekort: pd.Series | None = None,
    opslag_per_pp: float = 0.0,
) -> pd.DataFrame:
    """FTE per area from a key; the total FTE stays what it is.

    ``sleutel ∝ b · (1 + opslag_per_pp · t)`` with ``b`` residents + visitors and ``t`` the
    shortfall to the norm in percentage points: with 0.05 an area 3 pp under the norm
    weighs 15% more per resident or visitor. Without ``tekort`` (or with opslag 0) the key
    is the share of residents + visitors.

    Columns: ``fte_nu``, ``aandeel_nu``, ``sleutel`` (new share), ``fte_nieuw``,
    ``verschuiving_fte``, ``verschuiving_pp`` and ``factor`` (new / current FTE).
    ``attrs["extra_zonder_korten"]``: the FTE to add if the gaining areas get their new FTE
    and no area loses (toevoegen instead of herverdelen).
    """
    x, b, t = _check_differentiatie(fte, bewoners_bezoekers, tekort, opslag_per_pp)
    gewicht = b * (1.0 + opslag_per_pp * t)
    return _verdeling(fte.index, x, gewicht, bool(opslag_per_pp * t.sum() > 0))


def toevoegen(fte: pd.Series, tekort: pd.Series, opslag_per_pp: float) -> pd.Series:
    """Extra FTE per area when areas under the norm get ``opslag_per_pp`` more per pp
    shortfall on top of their current FTE, and nobody loses: ``fte · opslag · tekort``."""
    _check_opslag(opslag_per_pp, tekort)
    x, t = _fte(fte), _tekort(tekort, fte.index)
    return pd.Series(x * opslag_per_pp * t, index=fte.index, name="extra_fte")


def _verdeling(
    index: pd.Index, x: np.ndarray, gewicht: np.ndarray, tekort_gebruikt: bool
) -> pd.DataFrame:
    """The current FTE against the key: the core's shares, difference and index."""
    fte, sleutel = pd.Series(x, index=index), pd.Series(gewicht, index=index)
    v = verdeel(fte, sleutel)
    totaal = float(x.sum())
    nieuw = v.aandeel_opgave * totaal
    with np.errstate(divide="ignore"):
        factor = np.where(x > 0, 100.0 / v.oi_index, np.nan)
    uit = pd.DataFrame(
        {
            "fte_nu": x,
            "aandeel_nu": v.aandeel_inzet,
            "sleutel": v.aandeel_opgave,
            "fte_nieuw": nieuw,
            "verschuiving_fte": nieuw - x,
            "verschuiving_pp": -v.verschil_pp,
            "factor": factor,
        },
        index=index,
    )
    uit.attrs.update(
        totaal_fte=totaal,
        extra_zonder_korten=compensatie(fte, sleutel).herverdelen,
        tekort_gebruikt=tekort_gebruikt,
    )
    return uit


def _check_differentiatie(
    fte: pd.Series, b: pd.Series, tekort: pd.Series | None, opslag: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    _check_opslag(opslag, tekort)
    bb = _getallen(b, fte.index, "bewoners_bezoekers")
    if (bb <= 0).any():
        raise InvoerFout(
            "elk gebied heeft bewoners of bezoekers nodig (meer dan 0)",
            argument="bewoners_bezoekers",
        )
    return _fte(fte), bb, _tekort(tekort, fte.index)


def _check_opslag(opslag: float, tekort: pd.Series | None) -> None:
    if not 0.0 <= opslag <= 1.0:
        raise InvoerFout(
            f"{opslag:g} moet tussen 0 en 1 liggen (0,05 = 5% meer per procentpunt tekort)",
            argument="opslag_per_pp",
        )
    if opslag > 0 and tekort is None:
        raise InvoerFout("een opslag voor het tekort vraagt ook de scores", argument="tekort")


def _fte(fte: pd.Series) -> np.ndarray:
    x = _getallen(fte, fte.index, "fte")
    if (x < 0).any() or x.sum() <= 0:
        raise InvoerFout("FTE mag niet negatief zijn en moet samen meer dan 0 zijn", argument="fte")
    return x


def _tekort(tekort: pd.Series | None, index: pd.Index) -> np.ndarray:
    if tekort is None:
        return np.zeros(len(index))
    t = _getallen(tekort, index, "tekort")
    if (t < 0).any():
        raise InvoerFout("een tekort kan niet negatief zijn", argument="tekort")
    return t


def _getallen(reeks: pd.Series, index: pd.Index, naam: str) -> np.ndarray:
    if not reeks.index.equals(index):
        if set(reeks.index) != set(index):
            raise InvoerFout("gaat niet over dezelfde gebieden als de FTE", argument=naam)
        reeks = reeks.reindex(index)
    waarden = reeks.to_numpy(dtype=float)
    leeg = [str(g) for g, v in zip(index, waarden, strict=True) if np.isnan(v)]
    if leeg:
        raise InvoerFout(f"waarde ontbreekt voor {', '.join(leeg)}", argument=naam)
    return waarden


def match_gepubliceerd(analyse: Analyse) -> pd.DataFrame:
    """The core's match beside the published figures and the rounding interval.

    ``binnen_marge``: the published index lies in the interval implied by the rounded
    shares, give or take the rounding of the published index itself (± 0.5).
    """
    m = analyse.match()
    pub = gepubliceerd()["verschil_en_index"]
    pub.index = pd.Index(
        analyse.indeling.resolve_all(list(pub["stadsdeel"]), Niveau.STADSDEEL), name="gebied"
    )
    fte = analyse.values("fte_pct", niveau=Niveau.STADSDEEL)
    bb = analyse.values("bewoners_bezoekers_pct", niveau=Niveau.STADSDEEL)
    marge = binnen_afronding(pub["index"].reindex(m.index), fte, bb)
    uit = pd.DataFrame(
        {
            "naam": m["naam"],
            "verschil_pp": m["verschil_pp"],
            "verschil_pp_gepubliceerd": pub["verschil_pp"].reindex(m.index),
            "oi_index": m["oi_index"],
            "index_gepubliceerd": pub["index"].reindex(m.index),
            "ondergrens": marge["ondergrens"],
            "bovengrens": marge["bovengrens"],
            "binnen_marge": marge["binnen"].reindex(m.index),
        }
    )
    return uit
