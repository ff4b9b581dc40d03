"""The metrics of the method, computed on numpy and handed out as labelled pandas objects.

Every function takes Series (or mappings) keyed by area and returns a Series or
DataFrame with the same labels. Inputs are checked; a user mistake raises a Dutch
:class:`~oi_core.errors.OIFout` naming the area.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from oi_core.errors import Bevinding, DataFout, InvoerFout
from oi_core.invoer.reeksen import Labels, als_reeks, check_no_nan, check_same_labels
from oi_core.model.activiteit import Richting
from oi_core.rekenen.frames import als_getallen, reeks, tabel, teksten
from oi_core.rekenen.kern import aandeel, verdeel

__all__ = [
    "aandeel",
    "concentratie_index",
    "gemiddelde",
    "index_interval",
    "kwadrant",
    "oi_index",
    "per",
    "stapeling",
    "tov_gemiddelde",
    "verschil_pp",
]


# -- shares, difference, index, per-capita ---------------------------------------------
def verschil_pp(inzet: Labels, opgave: Labels) -> pd.Series:
    """Share of inzet minus share of opgave, in percentage points: ``100·(a_i − b_i)``.

    Computed by the shares kernel (:func:`~oi_core.rekenen.kern.verdeel`), with its checks.
    """
    v = verdeel(inzet, opgave)
    return pd.Series(v.verschil_pp, index=v.labels, name="verschil_pp")


def oi_index(inzet: Labels, opgave: Labels) -> pd.Series:
    """OI-index ``100·a_i/b_i``: 100 in proportion, 53 about half its share, 185 almost double.

    Computed by the shares kernel (:func:`~oi_core.rekenen.kern.verdeel`), with its checks:
    negative inzet or an opgave of 0 is refused, naming the area.
    """
    v = verdeel(inzet, opgave)
    return pd.Series(v.oi_index, index=v.labels, name="oi_index")


def per(waarden: Labels, noemer: Labels, per: float = 100.0) -> pd.Series:
    """Per-capita figure ``per · x_i / n_i``: m² per 100 inhabitants, FTE per 1000 children."""
    if not 0 < per <= 1e12:
        raise InvoerFout(
            f"per is {per:g}; kies een aantal groter dan 0, zoals 100 of 1000", argument="per"
        )
    x = als_reeks(waarden, "waarden")
    nv = _aligned_noemer(x, als_reeks(noemer, "noemer"))
    if len(nv) and not _minimum(nv) > 0:  # NaN fails too; one bare reduction when fine
        codes = ", ".join(x.index[~(nv > 0)].map(str))
        raise InvoerFout(f"noemer is 0, leeg of negatief voor {codes}", argument="noemer")
    with np.errstate(over="ignore"):
        uit = np.multiply(als_getallen(x), per)
        np.divide(uit, nv, out=uit)
    if not math.isfinite(_som(uit)) and np.isinf(uit).any():  # a finite sum: nothing infinite
        codes = ", ".join(x.index[np.isinf(uit)].map(str))
        raise InvoerFout(
            f"noemer is te klein voor {codes}; kies een andere eenheid", argument="noemer"
        )
    return reeks(uit, x.index, _per_naam(per))


_minimum = np.minimum.reduce
_som = np.add.reduce
"""The bare ufunc reductions: ``a.min()`` and ``a.sum()`` without the method's argument
handling, which at a few hundred areas costs more than the reduction itself."""


def _aligned_noemer(x: pd.Series, n: pd.Series) -> np.ndarray:
    """The denominator's numbers in the order of ``x``; other areas are refused by name."""
    if n.index is x.index or n.index.equals(x.index):  # the common case: no alignment
        return als_getallen(n)
    check_same_labels(x, n, "waarden", "noemer")
    return n.reindex(x.index).to_numpy(float)


@lru_cache(maxsize=64)
def _per_naam(per: float) -> str:
    return f"per_{per:g}"


def index_interval(
    inzet_pct: Labels, opgave_pct: Labels, *, afronding: float = 0.5
) -> pd.DataFrame:
    """The range of the OI-index that shares published in whole percents allow.

    The unrounded shares lie within ± ``afronding`` of the published ones ``f`` and
    ``b``, so the index lies in [100·(f−0,5)/(b+0,5), 100·(f+0,5)/(b−0,5)]. Use it to
    check a published index: it should lie in this interval give or take its own
    rounding. Columns ``ondergrens`` and ``bovengrens``.
    """
    f = als_reeks(inzet_pct, "inzet")
    b = als_reeks(opgave_pct, "opgave")
    check_same_labels(f, b, "inzet", "opgave")
    check_no_nan(f, "inzet")
    check_no_nan(b, "opgave")
    fv, bv = f.to_numpy(dtype=float), b.reindex(f.index).to_numpy(dtype=float)
    if (bv - afronding <= 0).any():
        raise InvoerFout(
            "een aandeel opgave van hoogstens de afronding geeft geen bovengrens; geef aandelen "
            "in hele procenten (26 voor 26%)",
            argument="opgave",
        )
    return pd.DataFrame(
        {
            "ondergrens": 100 * np.clip(fv - afronding, 0, None) / (bv + afronding),
            "bovengrens": 100 * (fv + afronding) / (bv - afronding),
        },
        index=f.index,
    )


# -- position against the city average ---------------------------------------------------
def gemiddelde(
    waarden: Labels,
    gewichten: Labels | None = None,
    uitsluiten: Iterable[str] = (),
    *,
    naam: str = "waarden",
) -> tuple[float, float]:
    """(Weighted) mean and standard deviation over the areas not excluded, NaN left out."""
    x = als_reeks(waarden, naam)
    alle = x.to_numpy(dtype=float)
    uit = list(uitsluiten)
    mee = ~np.isnan(alle) if not uit else ~x.index.isin(uit) & ~np.isnan(alle)
    w = _gewichten(x, gewichten)
    if gewichten is not None:
        mee &= ~np.isnan(w)
    if not mee.any():
        raise InvoerFout("geen waarden over om een gemiddelde te berekenen", argument=naam)
    xv, wv = (alle, w) if mee.all() else (alle[mee], w[mee])
    if not wv.sum() > 0:
        raise InvoerFout(
            "de gewichten van de meetellende waarden zijn samen 0; een gewogen gemiddelde is "
            "dan niet te berekenen",
            argument="gewichten",
        )
    gem = float(np.average(xv, weights=wv))
    sd = float(np.sqrt(np.average((xv - gem) ** 2, weights=wv)))
    return gem, sd


def _gewichten(x: pd.Series, gewichten: Labels | None) -> np.ndarray:
    if gewichten is None:
        return np.ones(len(x))
    w = als_reeks(gewichten, "gewichten")
    check_same_labels(x, w, "waarden", "gewichten")
    wv = w.reindex(x.index).to_numpy(dtype=float)
    if (wv < 0).any():
        raise InvoerFout("gewichten mogen niet negatief zijn", argument="gewichten")
    return wv


_TEKEN = {
    (Richting.HOGER_IS_BETER, "boven"): "+",
    (Richting.HOGER_IS_BETER, "onder"): "–",
    (Richting.LAGER_IS_BETER, "boven"): "–",
    (Richting.LAGER_IS_BETER, "onder"): "+",
}


def tov_gemiddelde(
    waarden: Labels,
    *,
    gewichten: Labels | None = None,
    richting: Richting | str = Richting.HOGER_IS_BETER,
    uitsluiten: Iterable[str] = (),
    band: float = 0.0,
    gemiddelde_waarde: float | None = None,
    steekproef: Labels | None = None,
    marge: Labels | None = None,
    marge_niveau: float = 0.95,
    betrouwbaarheid: float = 0.95,
    minimum_waarnemingen: float | None = None,
) -> pd.DataFrame:
    """Position of each area against the (weighted) city average.

    Columns: ``waarde``, ``gemiddelde``, ``verschil``, ``z`` (difference in standard
    deviations), ``positie`` (``boven``/``gemiddeld``/``onder``; within ``band`` × |average|
    counts as ``gemiddeld``), ``sterk`` (more than one standard deviation away: the
    Amsterdam OIS "dark" colour), ``teken`` (``+`` better, ``–`` worse, given ``richting``)
    and ``label`` (e.g. ``sterk onder``). Areas in ``uitsluiten`` (the presentation leaves
    Centrum out) still get a position but do not count in the average or the deviation.
    ``gemiddelde_waarde`` replaces the computed average (e.g. a published city figure).

    With ``steekproef`` (sample size per area) or ``marge`` (margin at ``marge_niveau``) a
    difference counts only when significant at ``betrouwbaarheid``; with
    ``minimum_waarnemingen`` an area with fewer observations shows "–" (see
    :mod:`oi_core.sturen.onzekerheid`).
    """
    richting = Richting(richting)
    x = als_reeks(waarden, "waarden")
    gem, sd = gemiddelde(x, gewichten, uitsluiten)
    if gemiddelde_waarde is not None:
        gem = float(gemiddelde_waarde)
    v = x.to_numpy(dtype=float)
    verschil = v - gem
    with np.errstate(invalid="ignore", divide="ignore"):
        z = np.where(sd > 0, verschil / sd, 0.0)
    drempel = abs(band * gem)
    code = np.select([np.isnan(v), verschil > drempel, verschil < -drempel], [0, 1, 3], default=2)
    sterk = (np.abs(z) > 1.0) & (code != 2) & ~np.isnan(v)
    getallen = np.empty((4, len(v)))
    getallen[0], getallen[1], getallen[2], getallen[3] = v, gem, verschil, z
    tekens = [_TEKEN.get((richting, p), "") for p in _POSITIES]
    kolommen = {
        "positie": teksten(_POSITIES, code),
        "sterk": sterk,
        "teken": teksten(tekens, code),
        "label": teksten((*_POSITIES, *_STERK), code + sterk * len(_POSITIES)),
    }
    uit = tabel(x.index, kolommen, blok=(("waarde", "gemiddelde", "verschil", "z"), getallen))
    if steekproef is None and marge is None and minimum_waarnemingen is None:
        return uit
    from oi_core.sturen.onzekerheid import apply_tov

    return apply_tov(
        uit,
        steekproef=steekproef,
        marge=marge,
        marge_niveau=marge_niveau,
        betrouwbaarheid=betrouwbaarheid,
        minimum_waarnemingen=minimum_waarnemingen,
    )


_POSITIES = ("", "boven", "gemiddeld", "onder")
"""The positions of :func:`tov_gemiddelde` by code (0 = no value)."""
_STERK = ("", "sterk boven", "sterk gemiddeld", "sterk onder")


# -- stapeling --------------------------------------------------------------------------
def stapeling(
    waarden: pd.DataFrame,
    richtingen: Mapping[str, Richting | str],
    *,
    drempels: Mapping[str, float] | None = None,
    gewichten: Labels | None = None,
    steekproef: pd.DataFrame | None = None,
    marge: pd.DataFrame | None = None,
    marge_niveau: float = 0.95,
    betrouwbaarheid: float = 0.95,
    minimum_waarnemingen: float | None = None,
) -> pd.DataFrame:
    """Per area the number of indicators on which it scores worse than a threshold.

    ``waarden`` has areas as rows and indicators as columns. A score is worse when it is
    strictly below the threshold (``hoger_is_beter``) or strictly above it
    (``lager_is_beter``); ``neutraal`` indicators are not counted. Thresholds default to
    the (optionally weighted) average of the column. Missing values are not counted as
    worse; they are counted in ``aantal_ontbrekend`` and listed in ``attrs['ontbrekend']``.
    Returns one boolean column per indicator (``<NA>`` where missing), then
    ``aantal_slechter`` and ``aantal_ontbrekend``; ``attrs['drempels']`` holds the thresholds.

    ``steekproef`` / ``marge`` (areas × indicators) count a score as worse only when it
    differs significantly from its threshold; ``minimum_waarnemingen`` suppresses scores
    with fewer observations (see :mod:`oi_core.sturen.onzekerheid`).
    """
    richting = _richtingen(waarden, richtingen)
    namen = waarden.columns.tolist()
    tellen = [k for k in namen if richting[k] is not Richting.NEUTRAAL]
    deel = waarden if len(tellen) == len(namen) else waarden[tellen]
    x = deel.to_numpy(dtype=float)
    drempel = _drempels(x, deel, drempels, gewichten)
    teken = np.array([1.0 if richting[k] is Richting.HOGER_IS_BETER else -1.0 for k in tellen])
    slechter = (x - drempel) * teken < 0
    ontbreekt = np.isnan(x)
    kolommen: dict[str, Any] = {
        k: pd.arrays.BooleanArray(slechter[:, j], ontbreekt[:, j]) for j, k in enumerate(tellen)
    }
    kolommen["aantal_slechter"] = (slechter & ~ontbreekt).sum(axis=1, dtype=np.int64)
    kolommen["aantal_ontbrekend"] = ontbreekt.sum(axis=1, dtype=np.int64)
    uit = tabel(waarden.index, kolommen)
    uit.attrs["drempels"] = dict(zip(tellen, drempel.tolist(), strict=True))
    uit.attrs["ontbrekend"] = _ontbrekend(waarden.index, tellen, ontbreekt)
    if steekproef is None and marge is None and minimum_waarnemingen is None:
        return uit
    from oi_core.sturen.onzekerheid import apply_stapeling

    return apply_stapeling(
        uit,
        waarden,
        steekproef=steekproef,
        marge=marge,
        marge_niveau=marge_niveau,
        betrouwbaarheid=betrouwbaarheid,
        minimum_waarnemingen=minimum_waarnemingen,
    )


def _ontbrekend(index: pd.Index, tellen: list[Any], ontbreekt: np.ndarray) -> list[Any]:
    """(area, indicator) for every missing value, as text."""
    if not ontbreekt.any():
        return []
    rij, kolom = np.nonzero(ontbreekt)
    gebieden = index[rij].map(str).tolist()
    return list(zip(gebieden, np.asarray(tellen, dtype=object)[kolom], strict=True))


def _richtingen(
    waarden: pd.DataFrame, richtingen: Mapping[str, Richting | str]
) -> dict[str, Richting]:
    namen = waarden.columns.tolist()  # iterating a text Index goes element by element
    ontbreekt = [k for k in namen if k not in richtingen]
    if ontbreekt:
        raise InvoerFout(
            f"geen richting voor {', '.join(map(str, ontbreekt))}", argument="richtingen"
        )
    uit = {}
    for k in namen:
        try:
            uit[k] = Richting(richtingen[k])
        except ValueError:
            raise InvoerFout(
                f"onbekende richting '{richtingen[k]}' voor {k}", argument="richtingen"
            ) from None
    return uit


def _drempels(
    getallen: np.ndarray,
    x: pd.DataFrame,
    drempels: Mapping[str, float] | None,
    gewichten: Labels | None,
) -> np.ndarray:
    gegeven = dict(drempels or {})
    namen = x.columns.tolist()
    onbekend = sorted(set(gegeven) - set(namen)) if gegeven else []
    if onbekend:
        raise InvoerFout(
            f"drempel voor onbekende indicator: {', '.join(onbekend)}", argument="drempels"
        )
    gewogen = gewichten is not None and namen
    w = _gewichten(x.iloc[:, 0], gewichten) if gewogen else np.ones(len(x))
    gemiddeld = _column_means(getallen, w, list(map(str, namen)))
    return np.array([float(gegeven.get(k, g)) for k, g in zip(namen, gemiddeld, strict=True)])


def _column_means(x: np.ndarray, w: np.ndarray, namen: list[str]) -> np.ndarray:
    """Weighted mean of every column over the rows where both value and weight are known."""
    totaal_w = w.sum()
    if totaal_w > 0 and not np.isnan(x).any():  # everything known (NaN in w fails > 0)
        snel: np.ndarray = (x * w[:, None]).sum(axis=0) / totaal_w
        return snel
    mee = ~np.isnan(x) & ~np.isnan(w)[:, None]
    gewicht = np.where(mee, w[:, None], 0.0)
    totaal = gewicht.sum(axis=0)
    leeg = [n for n, t in zip(namen, totaal, strict=True) if t == 0]
    if leeg:
        raise InvoerFout(
            f"geen waarden om een gemiddelde te berekenen voor {', '.join(leeg)}",
            argument="waarden",
        )
    uit: np.ndarray = (np.where(mee, x, 0.0) * gewicht).sum(axis=0) / totaal
    return uit


# -- quadrant -----------------------------------------------------------------------------
def kwadrant(
    x: Labels,
    y: Labels,
    *,
    x_ref: float | None = None,
    y_ref: float | None = None,
    x_richting: Richting | str = Richting.HOGER_IS_BETER,
    y_richting: Richting | str = Richting.HOGER_IS_BETER,
    x_naam: str = "x",
    y_naam: str = "y",
    gewichten: Labels | None = None,
) -> pd.DataFrame:
    """Place every area in one of four quadrants of two indicators against reference values.

    References default to the (weighted) averages. A value is ``ongunstig`` when strictly
    worse than its reference given its direction. Columns: ``x``, ``y``,
    ``x_ongunstig``, ``y_ongunstig``, ``kwadrant`` (``beide ongunstig``, ``alleen <x_naam>
    ongunstig``, ``alleen <y_naam> ongunstig``, ``beide gunstig``; empty when a value is missing).
    """
    xs, ys = als_reeks(x, x_naam), als_reeks(y, y_naam)
    check_same_labels(xs, ys, x_naam, y_naam)
    ys = ys.reindex(xs.index)
    xr = gemiddelde(xs, gewichten, naam=x_naam)[0] if x_ref is None else float(x_ref)
    yr = gemiddelde(ys, gewichten, naam=y_naam)[0] if y_ref is None else float(y_ref)
    xo = _ongunstig(xs.to_numpy(dtype=float), xr, Richting(x_richting))
    yo = _ongunstig(ys.to_numpy(dtype=float), yr, Richting(y_richting))
    ontbreekt = xs.isna().to_numpy() | ys.isna().to_numpy()
    labels = np.select(
        [ontbreekt, xo & yo, xo, yo],
        ["", "beide ongunstig", f"alleen {x_naam} ongunstig", f"alleen {y_naam} ongunstig"],
        default="beide gunstig",
    )
    uit = pd.DataFrame({"x": xs, "y": ys, "x_ongunstig": xo, "y_ongunstig": yo, "kwadrant": labels})
    uit.attrs.update(x_ref=xr, y_ref=yr)
    return uit


def _ongunstig(v: np.ndarray, ref: float, richting: Richting) -> np.ndarray:
    if richting is Richting.NEUTRAAL:
        raise InvoerFout(
            "een kwadrant heeft een richting nodig (hoger of lager is beter)", argument="richting"
        )
    teken = 1.0 if richting is Richting.HOGER_IS_BETER else -1.0
    with np.errstate(invalid="ignore"):
        uit: np.ndarray = np.asarray((v - ref) * teken < 0)
        return uit


# -- concentration index ------------------------------------------------------------------
def concentratie_index(inzet: Labels, opgave: Labels, bevolking: Labels | None = None) -> float:
    """Concentration index of inzet per capita, areas ranked from highest to lowest need.

    ``C = 2·cov_w(y, R) / μ_w`` with ``y`` inzet per capita, ``R`` the population-weighted
    fractional rank by opgave per capita (largest need first, ties share their mean rank)
    and ``w`` the population. ``C < 0``: inzet concentrates where need is highest;
    ``C > 0``: where need is lowest; ``C = 0``: no relation. Without ``bevolking``, inzet
    and opgave are taken as per-capita figures already and every area weighs the same.
    """
    x, y = als_reeks(inzet, "inzet"), als_reeks(opgave, "opgave")
    check_same_labels(x, y, "inzet", "opgave")
    y = y.reindex(x.index)
    w = _bevolking(x, bevolking)
    check_no_nan(x, "inzet")
    check_no_nan(y, "opgave")
    _check_not_negative(x, "inzet")
    _check_not_negative(y, "opgave")
    per_hoofd_inzet = x.to_numpy(dtype=float) / w
    per_hoofd_opgave = y.to_numpy(dtype=float) / w
    return _concentratie(per_hoofd_inzet, -per_hoofd_opgave, w)


def _check_not_negative(reeks: pd.Series, naam: str) -> None:
    """Inzet and opgave of a concentration index are amounts: none negative, total > 0."""
    v = reeks.to_numpy(dtype=float)
    if (v < 0).any():
        raise DataFout(
            [
                Bevinding(f"{naam} is negatief ({w:g}) voor gebied '{g}'", kolom=naam)
                for g, w in zip(reeks.index[v < 0], v[v < 0], strict=True)
            ],
            "Concentratie-index",
        )
    if not v.sum() > 0:
        raise InvoerFout(
            f"de totale {naam} is 0; de concentratie-index is dan niet gedefinieerd",
            argument=naam,
        )


def _bevolking(x: pd.Series, bevolking: Labels | None) -> np.ndarray:
    if bevolking is None:
        return np.ones(len(x))
    b = als_reeks(bevolking, "bevolking")
    check_same_labels(x, b, "inzet", "bevolking")
    w = b.to_numpy(dtype=float) if b.index.equals(x.index) else b.reindex(x.index).to_numpy(float)
    leeg = ~(w > 0)
    if leeg.any():
        raise DataFout(
            [
                Bevinding(f"bevolking is 0, leeg of negatief voor {c}", kolom="bevolking")
                for c in x.index[leeg]
            ],
            "Concentratie-index",
        )
    return w


def _concentratie(y: np.ndarray, rangorde: np.ndarray, w: np.ndarray) -> float:
    mu = float(np.average(y, weights=w))
    if mu == 0:
        raise InvoerFout(
            "de gemiddelde inzet is 0; de index is dan niet gedefinieerd", argument="inzet"
        )
    r = _fractionele_rang(rangorde, w)
    cov = float(np.average((y - mu) * (r - np.average(r, weights=w)), weights=w))
    uit = 2.0 * cov / mu
    if not np.isfinite(uit) or not np.isfinite(rangorde).all():
        raise InvoerFout(
            "de getallen per inwoner zijn te groot of te klein om mee te rekenen; kies een "
            "andere eenheid",
            argument="bevolking",
        )
    return uit


def _fractionele_rang(sleutel: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Weighted fractional rank (midpoint of each area's population share); ties share."""
    volgorde = np.argsort(sleutel, kind="stable")
    aandeel = w[volgorde] / w.sum()
    midden = np.cumsum(aandeel) - aandeel / 2
    _, groep = np.unique(sleutel[volgorde], return_inverse=True)
    gem = np.bincount(groep, weights=midden * aandeel) / np.bincount(groep, weights=aandeel)
    rang: np.ndarray = np.empty_like(midden)
    rang[volgorde] = gem[groep]
    return rang
