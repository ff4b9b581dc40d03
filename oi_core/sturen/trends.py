"""Multi-year data per area: the OI-index per year and the cumulative shortfall.

``waarden`` tables have areas as rows and years as columns. The OI-index of every year is
computed by the shares kernel (:func:`~oi_core.rekenen.kern.verdeel`), one call per year.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from oi_core.errors import Bevinding, DataFout, InvoerFout
from oi_core.rekenen.kern import BAND, verdeel

__all__ = ["cumulatief_tekort", "oi_index_per_jaar"]

Norm = float | int | str | pd.Series | pd.DataFrame
Prijs = float | int | pd.Series | None


def _check_tabel(waarden: pd.DataFrame, naam: str) -> np.ndarray:
    if not isinstance(waarden, pd.DataFrame) or waarden.empty:
        raise InvoerFout(
            "geef een tabel met gebieden als rijen en jaren als kolommen", argument=naam
        )
    x = waarden.to_numpy(dtype=float)
    rij, kolom = np.nonzero(np.isnan(x))
    if len(rij):
        raise DataFout(
            [
                Bevinding(f"geen waarde voor gebied '{waarden.index[r]}' in {waarden.columns[k]}")
                for r, k in zip(rij.tolist(), kolom.tolist(), strict=True)
            ],
            f"De {naam} per jaar is niet volledig",
        )
    return x


def oi_index_per_jaar(
    inzet: pd.DataFrame, opgave: pd.DataFrame | pd.Series, *, band: float = BAND
) -> pd.DataFrame:
    """The match of every year, indexed by (``jaar``, ``gebied``).

    ``opgave`` is a table like ``inzet`` or one Series used for every year.
    """
    _check_tabel(inzet, "inzet")
    if isinstance(opgave, pd.Series):
        opgave = pd.DataFrame({jaar: opgave for jaar in inzet.columns})
    ontbreekt = [str(j) for j in inzet.columns if j not in opgave.columns]
    if ontbreekt:
        raise InvoerFout(f"geen opgave voor {', '.join(ontbreekt)}", argument="opgave")
    delen = {jaar: verdeel(inzet[jaar], opgave[jaar], band=band).frame() for jaar in inzet.columns}
    uit = pd.concat(delen, names=["jaar", "gebied"])
    return uit


def _norm(waarden: pd.DataFrame, norm: Norm) -> np.ndarray:
    """The norm as an array of the shape of ``waarden``."""
    x = waarden.to_numpy(dtype=float)
    if isinstance(norm, str):
        if norm.strip().lower() != "gemiddelde":
            raise InvoerFout(
                f"'{norm}' is geen norm; geef een getal of 'gemiddelde'", argument="norm"
            )
        return np.broadcast_to(x.mean(axis=0), x.shape)
    if isinstance(norm, pd.DataFrame):
        return _check_tabel(norm.reindex(index=waarden.index, columns=waarden.columns), "norm")
    if isinstance(norm, pd.Series):
        if waarden.columns.isin(norm.index).all():
            return np.broadcast_to(norm.reindex(waarden.columns).to_numpy(dtype=float), x.shape)
        if waarden.index.isin(norm.index).all():
            return np.broadcast_to(norm.reindex(waarden.index).to_numpy(float)[:, None], x.shape)
        raise InvoerFout("de norm heeft niet elk jaar en niet elk gebied", argument="norm")
    return np.full(x.shape, float(norm))


def _prijs(waarden: pd.DataFrame, prijs: Prijs) -> np.ndarray | None:
    if prijs is None:
        return None
    if isinstance(prijs, pd.Series):
        ontbreekt = [str(j) for j in waarden.columns if j not in prijs.index]
        if ontbreekt:
            raise InvoerFout(f"geen prijs voor {', '.join(ontbreekt)}", argument="prijs")
        p = prijs.reindex(waarden.columns).to_numpy(dtype=float)
    else:
        p = np.array([float(prijs)])
    if (p < 0).any() or np.isnan(p).any():
        raise InvoerFout("de prijs moet een getal van 0 of meer zijn", argument="prijs")
    return p


def cumulatief_tekort(waarden: pd.DataFrame, norm: Norm, *, prijs: Prijs = None) -> pd.DataFrame:
    """Per area the sum over the years of the shortfall below ``norm``.

    ``waarden``: areas × years (e.g. m² library per 100 inhabitants). ``norm``: a number,
    ``"gemiddelde"`` (the mean of the areas in each year), a Series per year or per area,
    or a table like ``waarden``. Per year the shortfall is ``max(0, norm − waarde)``; a year
    above the norm does not cancel a year below it. ``prijs`` (euro per unit, one number or
    a Series per year) adds ``tekort_euro``. Columns: ``tekort``, ``jaren_onder``
    (number of years below the norm) and, with a price, ``tekort_euro``;
    ``attrs['per_jaar']`` holds the shortfall per area and year.
    """
    x = _check_tabel(waarden, "waarden")
    tekort = np.maximum(0.0, _norm(waarden, norm) - x)
    uit = pd.DataFrame(
        {"tekort": tekort.sum(axis=1), "jaren_onder": (tekort > 0).sum(axis=1)},
        index=waarden.index,
    )
    p = _prijs(waarden, prijs)
    if p is not None:
        uit["tekort_euro"] = (tekort * p).sum(axis=1)
    uit.attrs["per_jaar"] = pd.DataFrame(tekort, index=waarden.index, columns=waarden.columns)
    return uit
