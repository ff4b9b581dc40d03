"""Uncertainty of survey-based figures: significance and suppression of small counts.

Two rules, both optional in :func:`~oi_core.tov_gemiddelde` and :func:`~oi_core.stapeling`:

- **Significance** (the Urban Institute's Spatial Equity Data Tool rule): a difference from
  the reference (the city average, a threshold) counts only when the reference lies outside
  the estimate ± z × standard error, z = 1,96 at 95%. The standard error comes from a margin
  (``se = marge / z(marge_niveau)``, e.g. a GGD margin at 95%, an ACS margin at 90%) or from
  a sample size for a percentage (``se = √(p·(100 − p)/n)``).
- **Suppression** (as GGD Amsterdam does): an area with fewer than ``minimum_waarnemingen``
  observations shows "–" and is not coloured; its value is not shown and not counted.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from oi_core.errors import Bevinding, DataFout, InvoerFout
from oi_core.invoer.reeksen import Labels, als_reeks
from oi_core.sturen.concentratie import z_waarde

__all__ = [
    "apply_stapeling",
    "apply_tov",
    "onderdrukt",
    "significant",
    "standaardfout",
]


def _per_gebied(waarden: Labels, index: pd.Index, naam: str) -> np.ndarray:
    reeks = als_reeks(waarden, naam)
    ontbreekt = index[~index.isin(reeks.index)]
    uit = reeks.reindex(index).to_numpy(dtype=float)
    leeg = index[np.isnan(uit) & index.isin(reeks.index)]
    fouten = [Bevinding(f"geen {naam} voor gebied '{g}'", kolom=naam) for g in ontbreekt]
    fouten += [Bevinding(f"{naam} ontbreekt voor gebied '{g}'", kolom=naam) for g in leeg]
    fouten += [
        Bevinding(f"{naam} is negatief voor gebied '{g}'", kolom=naam) for g in index[uit < 0]
    ]
    if fouten:
        raise DataFout(fouten, f"De {naam} per gebied is niet bruikbaar")
    return uit


def standaardfout(
    waarden: np.ndarray,
    *,
    steekproef: np.ndarray | None = None,
    marge: np.ndarray | None = None,
    marge_niveau: float = 0.95,
) -> np.ndarray:
    """Standard error per value: from a margin at ``marge_niveau`` when given, else from
    the sample size of a percentage (0–100): ``√(p·(100 − p)/n)``."""
    if marge is not None:
        uit: np.ndarray = marge / z_waarde(marge_niveau, "marge_niveau")
        return uit
    if steekproef is None:
        return np.zeros_like(waarden)
    if ((waarden < 0) | (waarden > 100)).any():
        raise InvoerFout(
            "een standaardfout uit de steekproefgrootte kan alleen bij een percentage "
            "(0–100); geef anders een marge",
            argument="steekproef",
        )
    with np.errstate(divide="ignore", invalid="ignore"):
        se: np.ndarray = np.sqrt(waarden * (100.0 - waarden) / steekproef)
    return se


def significant(
    waarden: np.ndarray, referentie: np.ndarray | float, se: np.ndarray, niveau: float = 0.95
) -> np.ndarray:
    """True where the reference lies outside ``waarde ± z·se`` (a missing value: False)."""
    z = z_waarde(niveau, "betrouwbaarheid")
    with np.errstate(invalid="ignore"):
        uit: np.ndarray = np.abs(waarden - referentie) > z * se
    return uit


def onderdrukt(steekproef: np.ndarray | None, minimum: float | None) -> np.ndarray | None:
    """True where fewer than ``minimum`` observations lie behind a value."""
    if steekproef is None or minimum is None:
        return None
    uit: np.ndarray = steekproef < minimum
    return uit


def apply_tov(
    uit: pd.DataFrame,
    *,
    steekproef: Labels | None,
    marge: Labels | None,
    marge_niveau: float,
    betrouwbaarheid: float,
    minimum_waarnemingen: float | None,
) -> pd.DataFrame:
    """Apply significance and suppression to a :func:`~oi_core.tov_gemiddelde` table.

    Adds ``standaardfout``, ``ondergrens``, ``bovengrens``, ``significant`` and
    ``onderdrukt``. A difference that is not significant becomes ``gemiddeld`` (no sign, not
    dark); a suppressed area gets no value, no position, no sign and the label "–".
    """
    if minimum_waarnemingen is not None and steekproef is None:
        raise InvoerFout("onderdrukken heeft de steekproefgrootte nodig", argument="steekproef")
    uit = uit.copy()
    v = uit["waarde"].to_numpy(dtype=float)
    n = None if steekproef is None else _per_gebied(steekproef, uit.index, "steekproef")
    m = None if marge is None else _per_gebied(marge, uit.index, "marge")
    se = standaardfout(v, steekproef=n, marge=m, marge_niveau=marge_niveau)
    z = z_waarde(betrouwbaarheid, "betrouwbaarheid")
    sig = significant(v, uit["gemiddelde"].to_numpy(dtype=float), se, betrouwbaarheid)
    weg = onderdrukt(n, minimum_waarnemingen)
    weg = np.zeros(len(uit), dtype=bool) if weg is None else weg
    uit["standaardfout"], uit["ondergrens"], uit["bovengrens"] = se, v - z * se, v + z * se
    uit["significant"], uit["onderdrukt"] = sig & ~weg, weg
    niet = ~sig & ~np.isnan(v) & ~weg
    uit.loc[niet, ["positie", "label", "teken"]] = ["gemiddeld", "gemiddeld", ""]
    uit.loc[niet | weg, "sterk"] = False
    leeg = ["waarde", "verschil", "z", "standaardfout", "ondergrens", "bovengrens"]
    uit.loc[weg, leeg] = np.nan
    uit.loc[weg, ["positie", "teken", "label"]] = ["", "", "–"]
    return uit


def _matrix(tabel: pd.DataFrame | None, waarden: pd.DataFrame, naam: str) -> np.ndarray | None:
    """``tabel`` on the rows and columns of ``waarden`` (a column it lacks: NaN)."""
    if tabel is None:
        return None
    onbekend = [str(k) for k in tabel.columns if k not in waarden.columns]
    if onbekend:
        raise InvoerFout(f"onbekende indicator: {', '.join(onbekend)}", argument=naam)
    ontbreekt = waarden.index[~waarden.index.isin(tabel.index)]
    if len(ontbreekt):
        raise DataFout(
            [Bevinding(f"geen {naam} voor gebied '{g}'", kolom=naam) for g in ontbreekt],
            f"De {naam} per gebied is niet bruikbaar",
        )
    return tabel.reindex(index=waarden.index, columns=waarden.columns).to_numpy(dtype=float)


def apply_stapeling(
    uit: pd.DataFrame,
    waarden: pd.DataFrame,
    *,
    steekproef: pd.DataFrame | None,
    marge: pd.DataFrame | None,
    marge_niveau: float,
    betrouwbaarheid: float,
    minimum_waarnemingen: float | None,
) -> pd.DataFrame:
    """Apply significance and suppression to a :func:`~oi_core.stapeling` table.

    A score counts as worse only when it differs significantly from its threshold; a
    suppressed score is ``<NA>`` (not counted, listed in ``attrs['onderdrukt']`` and counted
    in ``aantal_onderdrukt``). A cell without a sample size or margin is taken as exact.
    """
    if minimum_waarnemingen is not None and steekproef is None:
        raise InvoerFout("onderdrukken heeft de steekproefgrootte nodig", argument="steekproef")
    drempels: dict[str, float] = uit.attrs["drempels"]
    tellen = list(drempels)
    deel = waarden[tellen]
    x = deel.to_numpy(dtype=float)
    n, m = _matrix(steekproef, deel, "steekproef"), _matrix(marge, deel, "marge")
    se = np.nan_to_num(standaardfout(x, steekproef=n, marge=m, marge_niveau=marge_niveau))
    sig = significant(x, np.array(list(drempels.values())), se, betrouwbaarheid)
    weg = onderdrukt(None if n is None else np.nan_to_num(n, nan=np.inf), minimum_waarnemingen)
    weg = np.zeros_like(sig) if weg is None else weg
    return _nieuwe_telling(uit, tellen, sig, weg)


def _nieuwe_telling(
    uit: pd.DataFrame, tellen: list[str], sig: np.ndarray, weg: np.ndarray
) -> pd.DataFrame:
    nieuw = uit.copy()
    kolommen: dict[str, Any] = {}
    slechter = np.zeros(sig.shape, dtype=bool)
    ontbreekt = np.zeros(sig.shape, dtype=bool)
    for j, k in enumerate(tellen):
        oud = uit[k].astype("boolean")
        ontbreekt[:, j] = oud.isna().to_numpy() | weg[:, j]
        slechter[:, j] = oud.fillna(False).to_numpy(dtype=bool) & sig[:, j] & ~weg[:, j]
        kolommen[k] = pd.arrays.BooleanArray(slechter[:, j], ontbreekt[:, j])
    for k, kolom in kolommen.items():
        nieuw[k] = kolom
    nieuw["aantal_slechter"] = slechter.sum(axis=1)
    nieuw["aantal_onderdrukt"] = weg.sum(axis=1)
    rij, kolom = np.nonzero(weg)
    nieuw.attrs["onderdrukt"] = [
        (str(uit.index[r]), tellen[c]) for r, c in zip(rij.tolist(), kolom.tolist(), strict=True)
    ]
    return nieuw
