"""The shares kernel: the one place where aandeel, verschil, OI-index and signaal are computed.

Every surface (``match``, the metrics, the Excel functions, the workbook's cached values,
the report, the plugins) calls :func:`verdeel`, so one set of input checks applies
everywhere and one number is computed in one place. :data:`BAND` is the one default band.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from oi_core.errors import Bevinding, InvoerFout, MatchFout
from oi_core.invoer.reeksen import Labels, als_reeks

__all__ = ["BAND", "MATCH_KOLOMMEN", "Verdeling", "signaal", "verdeel"]

BAND = 0.10
"""Default band: an OI-index within 100·(1 ± BAND) is *in verhouding*."""

MATCH_KOLOMMEN = ("aandeel_inzet", "aandeel_opgave", "verschil_pp", "oi_index", "signaal")


@dataclass(frozen=True)
class Verdeling:
    """Inzet against opgave per label: the checked inputs and every derived array."""

    labels: pd.Index
    inzet: np.ndarray
    opgave: np.ndarray
    band: float

    @property
    def aandeel_inzet(self) -> np.ndarray:
        return self.inzet / self.inzet.sum()

    @property
    def aandeel_opgave(self) -> np.ndarray:
        return self.opgave / self.opgave.sum()

    @property
    def verschil_pp(self) -> np.ndarray:
        return 100.0 * (self.aandeel_inzet - self.aandeel_opgave)

    @property
    def oi_index(self) -> np.ndarray:
        return 100.0 * self.aandeel_inzet / self.aandeel_opgave

    @property
    def signaal(self) -> np.ndarray:
        return signaal(self.oi_index, self.band)

    def frame(self) -> pd.DataFrame:
        """The match table: :data:`MATCH_KOLOMMEN` indexed by label."""
        a, b = self.aandeel_inzet, self.aandeel_opgave
        getallen = np.column_stack((a, b, 100.0 * (a - b), 100.0 * a / b))
        uit = pd.DataFrame(getallen, index=self.labels, columns=list(MATCH_KOLOMMEN[:4]))
        uit["signaal"] = signaal(getallen[:, 3], self.band)
        return uit


def verdeel(inzet: Labels, opgave: Labels, *, band: float = BAND) -> Verdeling:
    """Check ``inzet`` and ``opgave`` (same labels, no missing value, inzet ≥ 0 with a
    positive total, opgave > 0) and return their :class:`Verdeling`.

    Every problem raises a :class:`~oi_core.errors.MatchFout` naming every area concerned.
    """
    if not 0 <= band < 1:
        raise InvoerFout(f"band {band} moet tussen 0 en 1 liggen (0,10 = 10%)", argument="band")
    labels, x, y = _aligned(inzet, opgave)
    if len(labels) == 0:
        raise MatchFout(["er zijn geen gebieden om te vergelijken"], "Match")
    return Verdeling(labels, x, y, band)


def signaal(oi_index: np.ndarray, band: float = BAND) -> np.ndarray:
    """``te weinig`` / ``in verhouding`` / ``te veel`` for OI-index values."""
    return np.select(
        [oi_index < 100.0 * (1 - band), oi_index > 100.0 * (1 + band)],
        ["te weinig", "te veel"],
        default="in verhouding",
    )


def _aligned(inzet: Labels, opgave: Labels) -> tuple[pd.Index, np.ndarray, np.ndarray]:
    x = als_reeks(inzet, "inzet")
    y = als_reeks(opgave, "opgave")
    if not x.index.equals(y.index):
        _check_same_labels(x.index, y.index)
        y = y.reindex(x.index)
    xv, yv = x.to_numpy(dtype=float), y.to_numpy(dtype=float)
    _check_values(x.index, xv, yv)
    return pd.Index(x.index, name=x.index.name or "gebied"), xv, yv


def _check_same_labels(x: pd.Index, y: pd.Index) -> None:
    fouten = [Bevinding(f"gebied '{g}' heeft wel inzet maar geen opgave") for g in x[~x.isin(y)]]
    fouten += [Bevinding(f"gebied '{g}' heeft wel opgave maar geen inzet") for g in y[~y.isin(x)]]
    if fouten:
        raise MatchFout(fouten, "Inzet en opgave gaan niet over dezelfde gebieden")


def _check_values(index: pd.Index, x: np.ndarray, y: np.ndarray) -> None:
    slecht = np.isnan(x).any() or np.isnan(y).any() or (x < 0).any() or (y <= 0).any()
    if not slecht and x.sum() > 0:
        return
    fouten = []
    for g, xi, yi in zip(index, x, y, strict=True):
        if np.isnan(xi):
            fouten.append(Bevinding(f"inzet ontbreekt voor gebied '{g}'", kolom="inzet"))
        elif xi < 0:
            fouten.append(Bevinding(f"inzet is negatief ({xi:g}) voor gebied '{g}'", kolom="inzet"))
        if np.isnan(yi):
            fouten.append(Bevinding(f"opgave ontbreekt voor gebied '{g}'", kolom="opgave"))
        elif yi <= 0:
            fouten.append(
                Bevinding(
                    f"opgave is {yi:g} voor gebied '{g}'; een aandeel opgave van 0 maakt de "
                    "OI-index oneindig",
                    kolom="opgave",
                )
            )
    if not fouten:
        fouten.append(Bevinding("de totale inzet is 0", kolom="inzet"))
    raise MatchFout(fouten, "Inzet en opgave zijn niet te vergelijken")
