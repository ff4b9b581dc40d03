"""The concentration index with a confidence interval, and the concentration curve.

The index itself is the core's :func:`~oi_core.rekenen.metrieken.concentratie_index`
(inzet per inhabitant, areas ranked from the highest to the lowest opgave per inhabitant).
Sign convention: ``C < 0`` means inzet concentrates where the opgave is highest (the
curve lies above the diagonal), ``C > 0`` where it is lowest, ``C = 0`` no relation.

The standard error is the delta-method formula for grouped data of Kakwani, Wagstaff and
Van Doorslaer (1997), as given by O'Donnell et al. (2008, *Analyzing Health Equity Using
Household Survey Data*, ch. 8)::

    var(C) = (1/n) · [ Σ_t f_t·a_t² − (1 + C)² ]
    a_t    = (μ_t/μ)·(2·R_t − 1 − C) + 2 − q_{t−1} − q_t

with ``f_t`` the population share of area ``t``, ``μ_t`` its inzet per inhabitant, ``μ``
the city mean, ``R_t`` its fractional rank and ``q_t`` the ordinate of the concentration
curve (cumulative share of the inzet). Areas with the same opgave per inhabitant share
their rank (as in the index) and count as one group. The within-area term is left out: an
area's inzet is one number, not a sample. ``n`` is the number of observations: by default the number
of areas (each area one observation, a deliberately wide interval); give a survey's sample
size when the per-area figures are sample means.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import NormalDist

import numpy as np
import pandas as pd

from oi_core.errors import InvoerFout
from oi_core.invoer.reeksen import Labels, als_reeks
from oi_core.rekenen.metrieken import concentratie_index

__all__ = ["Concentratie", "concentratie_curve", "concentratie_interval", "z_waarde"]


@dataclass(frozen=True)
class Concentratie:
    """The concentration index with its standard error and interval at ``niveau``."""

    index: float
    standaardfout: float
    ondergrens: float
    bovengrens: float
    niveau: float
    n: float

    @property
    def significant(self) -> bool:
        """True when the interval does not contain 0."""
        return bool(self.ondergrens > 0 or self.bovengrens < 0)

    def reeks(self) -> pd.Series:
        """The figures as a Series (keys of the column catalogue)."""
        return pd.Series(
            {
                "concentratie_index": self.index,
                "standaardfout": self.standaardfout,
                "ondergrens": self.ondergrens,
                "bovengrens": self.bovengrens,
                "betrouwbaarheid": self.niveau,
                "waarnemingen": self.n,
            },
            name="concentratie",
        )


def z_waarde(niveau: float, argument: str = "niveau") -> float:
    """The two-sided normal quantile of a confidence level: 0,95 → 1,96."""
    if not 0 < niveau < 1:
        raise InvoerFout(
            f"betrouwbaarheid {niveau:g} moet tussen 0 en 1 liggen (0,95 = 95%)",
            argument=argument,
        )
    return NormalDist().inv_cdf(0.5 + niveau / 2)


def _gesorteerd(
    inzet: Labels, opgave: Labels, bevolking: Labels | None
) -> tuple[pd.Index, np.ndarray, np.ndarray, np.ndarray]:
    """Labels, inzet per inhabitant, population share and the sort key (minus the opgave
    per inhabitant), sorted from the highest opgave per inhabitant to the lowest (ties keep
    their order)."""
    x = als_reeks(inzet, "inzet")
    y = als_reeks(opgave, "opgave").reindex(x.index)
    w = (
        np.ones(len(x))
        if bevolking is None
        else als_reeks(bevolking, "bevolking").reindex(x.index).to_numpy(dtype=float)
    )
    per_hoofd = x.to_numpy(dtype=float) / w
    sleutel = -(y.to_numpy(dtype=float) / w)
    volgorde = np.argsort(sleutel, kind="stable")
    return x.index[volgorde], per_hoofd[volgorde], w[volgorde] / w.sum(), sleutel[volgorde]


def _ties_merged(
    mu_t: np.ndarray, f: np.ndarray, sleutel: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Areas with the same opgave per inhabitant as one group (they share their rank, as in
    the index): the group's population share and its mean inzet per inhabitant."""
    _, groep = np.unique(sleutel, return_inverse=True)
    f_groep = np.bincount(groep, weights=f)
    return np.bincount(groep, weights=f * mu_t) / f_groep, f_groep


def concentratie_interval(
    inzet: Labels,
    opgave: Labels,
    bevolking: Labels | None = None,
    *,
    niveau: float = 0.95,
    n: float | None = None,
) -> Concentratie:
    """The concentration index (:func:`~oi_core.concentratie_index`) with its delta-method
    standard error for grouped data and the interval ``C ± z·se`` at ``niveau``.

    ``n`` (default: the number of areas) is the number of observations behind the figures.
    """
    c = concentratie_index(inzet, opgave, bevolking)  # checks every input
    z = z_waarde(niveau)
    _, mu_t, f, sleutel = _gesorteerd(inzet, opgave, bevolking)
    aantal = float(len(f) if n is None else n)
    mu_t, f = _ties_merged(mu_t, f, sleutel)
    if not aantal >= 2:
        raise InvoerFout("het aantal waarnemingen moet minstens 2 zijn", argument="n")
    mu = float(np.dot(f, mu_t))
    q = np.cumsum(mu_t * f) / mu
    q_voor = np.concatenate(([0.0], q[:-1]))
    r = np.cumsum(f) - f / 2
    a = (mu_t / mu) * (2 * r - 1 - c) + 2 - q_voor - q
    var = max(0.0, (float(np.dot(f, a**2)) - (1 + c) ** 2) / aantal)
    se = float(np.sqrt(var))
    return Concentratie(c, se, c - z * se, c + z * se, niveau, aantal)


def concentratie_curve(
    inzet: Labels, opgave: Labels, bevolking: Labels | None = None
) -> pd.DataFrame:
    """The points of the concentration curve, from the highest opgave per inhabitant to the
    lowest: ``cumulatief_bevolking`` (x, 0–1), ``cumulatief_inzet`` (y, 0–1) and the
    diagonal ``gelijke_verdeling``. The first row is the origin (``gebied`` empty).

    A curve above the diagonal means inzet goes to the areas with the highest opgave
    (index below 0).
    """
    concentratie_index(inzet, opgave, bevolking)  # the same checks as the index
    labels, mu_t, f, _ = _gesorteerd(inzet, opgave, bevolking)
    x = np.concatenate(([0.0], np.cumsum(f)))
    y = np.concatenate(([0.0], np.cumsum(mu_t * f) / np.dot(mu_t, f)))
    return pd.DataFrame(
        {
            "gebied": ["", *map(str, labels)],
            "cumulatief_bevolking": x,
            "cumulatief_inzet": y,
            "gelijke_verdeling": x,
        },
        index=pd.RangeIndex(len(x), name="rang"),
    )
