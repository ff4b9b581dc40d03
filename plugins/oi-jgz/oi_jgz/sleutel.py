"""The allocation key implied by the published JGZ figures, and applying it to every gebied.

The slide relates the FTE per 1000 children to the share of low-SES children. We fit the
two-part key ``FTE per 1000 kinderen = basis + factor × aandeel lage SES`` (share as a
fraction 0–1) by least squares. ``basis`` is the FTE every 1000 children get; ``factor``
the extra FTE per 1000 low-SES children; ``(basis + factor) / basis`` is how many times
a low-SES child counts (the *differentiatiefactor*).

The published figures are rounded (FTE to 0.1, low-SES children to whole numbers per
1000), so the fit is judged against that rounding: the smallest possible largest
deviation of any straight line (the Chebyshev or minimax fit) is compared with the
rounding margin ``0.05 + |factor| × 0.0005``.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from itertools import combinations

import numpy as np
import pandas as pd

from oi_core import (
    Bevinding,
    DataFout,
    Gebiedsindeling,
    InvoerFout,
    Niveau,
    OIWaarschuwing,
    aandeel,
)
from oi_core.invoer.reeksen import Labels as Reeks
from oi_core.invoer.reeksen import als_reeks

__all__ = ["Verdeelsleutel", "fit_verdeelsleutel", "minimax_afwijking", "toedeling"]


@dataclass(frozen=True, eq=False)
class Verdeelsleutel:
    """A fitted two-part key: FTE per 1000 children = basis + factor × share low SES."""

    basis: float
    factor: float
    r2: float
    passend: pd.Series
    """Fitted FTE per 1000 children per area."""
    residuen: pd.Series
    """Published minus fitted, per area."""
    minimax: float
    """Smallest possible largest deviation of any straight line through the points."""
    afrondingsmarge: float
    """What rounding of the published inputs alone can explain."""
    leeftijdsgroep: str = ""

    @property
    def differentiatiefactor(self) -> float:
        """How many times a low-SES child counts compared with another child."""
        return (self.basis + self.factor) / self.basis if self.basis > 0 else float("nan")

    @property
    def binnen_afronding(self) -> bool:
        """Whether one straight line fits every point within the rounding margin."""
        return self.minimax <= self.afrondingsmarge

    def fte_per_1000(self, aandeel_lage_ses: np.ndarray) -> np.ndarray:
        """FTE per 1000 children for low-SES shares (fractions 0–1)."""
        uit: np.ndarray = self.basis + self.factor * np.asarray(aandeel_lage_ses, dtype=float)
        return uit

    def parameters(self) -> pd.DataFrame:
        """The key as a two-column table (parameter, waarde) for reports and Excel."""
        rijen = {
            "basis (FTE per 1000 kinderen)": self.basis,
            "factor (extra FTE per 1000 lage-SES-kinderen)": self.factor,
            "differentiatiefactor (gewicht lage-SES-kind)": self.differentiatiefactor,
            "R²": self.r2,
            "grootste afwijking kleinste kwadraten (FTE per 1000)": float(
                np.abs(self.residuen).max()
            ),
            "kleinst mogelijke grootste afwijking (FTE per 1000)": self.minimax,
            "afrondingsmarge (FTE per 1000)": self.afrondingsmarge,
        }
        return pd.DataFrame({"parameter": list(rijen), "waarde": list(rijen.values())})


def _as_series(waarden: Reeks, naam: str) -> pd.Series:
    return als_reeks(waarden, naam)


def _paired(fte: Reeks, ses: Reeks) -> tuple[pd.Index, np.ndarray, np.ndarray]:
    y, x = _as_series(fte, "fte_per_1000"), _as_series(ses, "lage_ses_per_1000")
    if set(y.index) != set(x.index):
        verschil = sorted(map(str, set(y.index) ^ set(x.index)))
        raise DataFout(
            [Bevinding(f"gebied '{g}' heeft niet beide waarden") for g in verschil],
            "Verdeelsleutel",
        )
    x = x.reindex(y.index)
    leeg = [str(g) for g in y.index if np.isnan(y[g]) or np.isnan(x[g])]
    if leeg:
        raise DataFout([Bevinding(f"waarde ontbreekt voor gebied '{g}'") for g in leeg])
    return y.index, y.to_numpy(dtype=float), x.to_numpy(dtype=float) / 1000.0


def fit_verdeelsleutel(
    fte_per_1000: Reeks,
    lage_ses_per_1000: Reeks,
    *,
    afronding_fte: float = 0.05,
    afronding_ses: float = 0.5,
    leeftijdsgroep: str = "",
) -> Verdeelsleutel:
    """Least-squares key from FTE and low-SES children per 1000 children, by area.

    ``afronding_fte`` and ``afronding_ses`` are half the last published digit (0.05 FTE,
    0.5 low-SES children per 1000). At least three areas with two different low-SES rates.
    """
    index, y, x = _paired(fte_per_1000, lage_ses_per_1000)
    if len(y) < 3 or np.unique(x).size < 2:
        raise InvoerFout(
            "een verdeelsleutel vraagt minstens drie gebieden met verschillende aandelen lage SES",
            argument="lage_ses_per_1000",
        )
    a = np.column_stack([np.ones_like(x), x])
    (basis, factor), *_ = np.linalg.lstsq(a, y, rcond=None)
    passend = a @ np.array([basis, factor])
    totaal = float(((y - y.mean()) ** 2).sum())
    r2 = 1.0 - float(((y - passend) ** 2).sum()) / totaal if totaal > 0 else float("nan")
    minimax, helling = minimax_afwijking(x, y)
    return Verdeelsleutel(
        basis=float(basis),
        factor=float(factor),
        r2=r2,
        passend=pd.Series(passend, index=index, name="fte_per_1000_sleutel"),
        residuen=pd.Series(y - passend, index=index, name="residu"),
        minimax=minimax,
        afrondingsmarge=afronding_fte + abs(helling) * afronding_ses / 1000.0,
        leeftijdsgroep=leeftijdsgroep,
    )


def minimax_afwijking(x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """(error, slope) of the best straight line in the minimax (Chebyshev) sense.

    For a line (two parameters) the minimax error over a finite set is the largest of
    the minimax errors over its three-point subsets, where the best line alternates
    equal errors ``+h, −h, +h``; points with equal ``x`` need at least half their gap.
    """
    beste, helling = 0.0, 0.0
    for i, j in combinations(range(len(x)), 2):
        if x[i] == x[j]:
            beste = max(beste, abs(y[i] - y[j]) / 2)
    for drie in combinations(np.argsort(x, kind="stable"), 3):
        k = np.array(drie)
        if np.unique(x[k]).size < 3:
            continue
        stelsel = np.column_stack([np.ones(3), x[k], [1.0, -1.0, 1.0]])
        _, b, h = np.linalg.solve(stelsel, y[k])
        if abs(h) > beste:
            beste, helling = float(abs(h)), float(b)
    return beste, helling


# -- applying the key --------------------------------------------------------------------
def _resolve(waarden: Reeks, naam: str, indeling: Gebiedsindeling) -> pd.Series:
    reeks = _as_series(waarden, naam)
    return indeling.resolve_index(reeks, Niveau.GEBIED, kolom=naam)


def _label(code: object, indeling: Gebiedsindeling) -> str:
    return f"{indeling.names([str(code)])[0]} ({code})"


def _check_shares(s: pd.Series, naam: str, indeling: Gebiedsindeling) -> None:
    leeg = [
        Bevinding(f"waarde ontbreekt voor gebied {_label(g, indeling)}", kolom=naam)
        for g in s[s.isna()].index
    ]
    if leeg:
        raise DataFout(leeg, "Aandeel lage SES")
    buiten = s[(s < 0) | (s > 1)]
    if not buiten.empty:
        gebieden = ", ".join(f"{_label(g, indeling)}: {v:g}" for g, v in buiten.items())
        raise InvoerFout(
            f"een aandeel ligt tussen 0 en 1 (0,29 of 29%); niet bij {gebieden}", argument=naam
        )


def _children(kinderen: Reeks | None, codes: pd.Index, indeling: Gebiedsindeling) -> pd.Series:
    if kinderen is None:
        n = indeling.bevolking(Niveau.GEBIED, "inwoners_0_14").reindex(codes)
    else:
        n = _resolve(kinderen, "kinderen", indeling).reindex(codes)
    fout = [
        Bevinding(f"geen aantal kinderen voor gebied {_label(g, indeling)}")
        for g in n[~(n > 0)].index
    ]
    if fout:
        raise DataFout(fout, "Kinderen per gebied")
    return n


def _warn_partial(codes: pd.Index, indeling: Gebiedsindeling) -> None:
    """A total spread over part of the city is easy to misread: say which gebieden miss."""
    ontbreekt = [c for c in indeling.codes(Niveau.GEBIED) if c not in set(codes)]
    if ontbreekt:
        warnings.warn(
            f"totaal_fte wordt verdeeld over {len(codes)} van de "
            f"{len(indeling.codes(Niveau.GEBIED))} gebieden; ontbrekend: "
            + ", ".join(_label(c, indeling) for c in ontbreekt),
            OIWaarschuwing,
            stacklevel=3,
        )


def toedeling(
    aandeel_lage_ses: Reeks,
    sleutel: Verdeelsleutel,
    *,
    kinderen: Reeks | None = None,
    totaal_fte: float | None = None,
    indeling: Gebiedsindeling | None = None,
) -> pd.DataFrame:
    """FTE per gebied by the key: ``(basis + factor × aandeel) × kinderen / 1000``.

    ``aandeel_lage_ses`` is a fraction 0–1 per gebied (names or codes; give all 25 for
    the whole city). ``kinderen`` defaults to CBS 0–14 (2024), an upper bound of the
    children in the age group. With ``totaal_fte`` the result is scaled to that total,
    keeping the differentiation (an :class:`OIWaarschuwing` names the gebieden left out).
    Columns: naam, kinderen, aandeel_lage_ses, fte_per_1000, fte, aandeel_fte; indexed by
    gebied code.
    """
    indeling = indeling or Gebiedsindeling.amsterdam()
    s = _resolve(aandeel_lage_ses, "aandeel_lage_ses", indeling)
    _check_shares(s, "aandeel_lage_ses", indeling)
    n = _children(kinderen, s.index, indeling).to_numpy(dtype=float)
    tarief = sleutel.fte_per_1000(s.to_numpy(dtype=float))
    if (tarief < 0).any():
        raise InvoerFout("de sleutel geeft een negatieve inzet", argument="aandeel_lage_ses")
    fte = tarief * n / 1000.0
    if totaal_fte is not None:
        if not totaal_fte > 0:
            raise InvoerFout("het totaal aantal FTE moet groter dan 0 zijn", argument="totaal_fte")
        _warn_partial(s.index, indeling)
        schaal = totaal_fte / fte.sum()
        fte, tarief = fte * schaal, tarief * schaal
    uit = pd.DataFrame(
        {
            "naam": indeling.names(s.index),
            "kinderen": n,
            "aandeel_lage_ses": s.to_numpy(dtype=float),
            "fte_per_1000": tarief,
            "fte": fte,
            "aandeel_fte": aandeel(pd.Series(fte, index=s.index)).to_numpy(),
        },
        index=pd.Index(s.index, name="gebied"),
    )
    return uit
