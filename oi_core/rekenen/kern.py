"""The shares kernel: the one place where aandeel, verschil, OI-index, signaal and
compensatie are computed.

Every surface (``match``, the metrics, the Excel functions, the workbook's cached values,
the report, the plugins) calls :func:`verdeel`, so one set of input checks applies
everywhere and one number is computed in one place. :data:`BAND` is the one default band.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import pandas as pd

from oi_core.errors import Bevinding, DataFout, InvoerFout, MatchFout
from oi_core.invoer.reeksen import Labels, als_reeks
from oi_core.rekenen.frames import als_getallen, tabel, teksten

__all__ = [
    "BAND",
    "MATCH_KOLOMMEN",
    "SIGNAAL_IN_VERHOUDING",
    "SIGNAAL_MEER",
    "SIGNAAL_MINDER",
    "SIGNALEN",
    "Compensatie",
    "Verdeling",
    "aandeel",
    "grenzen",
    "signaal",
    "verdeel",
]

BAND = 0.10
"""Default band: an OI-index within 100·(1 ± BAND) is *in verhouding*."""

SIGNAAL_MINDER = "minder dan het aandeel in de opgave"
"""Signal of an OI-index below ``100·(1 − band)``."""
SIGNAAL_IN_VERHOUDING = "in verhouding met het aandeel in de opgave"
"""Signal of an OI-index within ``100·(1 ± band)``."""
SIGNAAL_MEER = "meer dan het aandeel in de opgave"
"""Signal of an OI-index above ``100·(1 + band)``."""
SIGNALEN = (SIGNAAL_MINDER, SIGNAAL_IN_VERHOUDING, SIGNAAL_MEER)
"""The three signals, low to high: neutral words, no verdict (the presentation's wording)."""

MATCH_KOLOMMEN = ("aandeel_inzet", "aandeel_opgave", "verschil_pp", "oi_index", "signaal")


@dataclass(frozen=True)
class Verdeling:
    """Inzet against opgave per label: the checked inputs and every derived array."""

    labels: pd.Index
    inzet: np.ndarray
    opgave: np.ndarray
    band: float
    _blok: list[np.ndarray] = field(default_factory=list, repr=False, compare=False)
    """The checks' 4 × n array of :meth:`frame` (computed once by :func:`verdeel`), handed
    to the first frame only: every frame owns its numbers."""

    @cached_property
    def aandeel_inzet(self) -> np.ndarray:
        uit: np.ndarray = self.inzet / self.inzet.sum()
        return uit

    @cached_property
    def aandeel_opgave(self) -> np.ndarray:
        uit: np.ndarray = self.opgave / self.opgave.sum()
        return uit

    @property
    def verschil_pp(self) -> np.ndarray:
        uit: np.ndarray = 100.0 * (self.aandeel_inzet - self.aandeel_opgave)
        return uit

    @property
    def oi_index(self) -> np.ndarray:
        uit: np.ndarray = 100.0 * self.aandeel_inzet / self.aandeel_opgave
        return uit

    @property
    def signaal(self) -> np.ndarray:
        return signaal(self.oi_index, self.band)

    def compensatie(self) -> Compensatie:
        """What compensation would cost (see :class:`Compensatie`)."""
        x, b = self.inzet, self.aandeel_opgave
        totaal = float(x.sum())
        verhouding = x / (b * totaal)
        ruimst = int(np.argmax(verhouding))
        return Compensatie(
            totaal=totaal,
            herverdelen=float(np.maximum(0.0, b * totaal - x).sum()),
            toevoegen=float(totaal * (verhouding[ruimst] - 1.0)),
            onder=tuple(str(c) for c in self.labels[verhouding < 1.0]),
            ruimst=str(self.labels[ruimst]),
        )

    def frame(self) -> pd.DataFrame:
        """The match table: :data:`MATCH_KOLOMMEN` indexed by label (built once)."""
        getallen = self._blok.pop() if self._blok else _getallen(self.inzet, self.opgave)[0]
        signalen = teksten(_SIGNALEN, _signaalcode(getallen[3], self.band))
        return tabel(self.labels, {"signaal": signalen}, blok=(MATCH_KOLOMMEN[:4], getallen))


@dataclass(frozen=True)
class Compensatie:
    """What compensation would cost, in the unit of the inzet (total ``T``, inzet ``x_i``,
    opgave share ``b_i``):

    - ``herverdelen`` = ``Σ max(0, b_i·T − x_i)``: the inzet that must move to bring every
      area with an OI-index below 100 up to its share of the *current* total;
    - ``toevoegen`` = ``T·(max_i(x_i/(b_i·T)) − 1)``: the extra inzet needed so that every
      area reaches index 100 *without any area giving anything up* (the best-served area
      sets the new total).
    """

    totaal: float
    herverdelen: float
    toevoegen: float
    onder: tuple[str, ...]
    """Areas with an OI-index below 100."""
    ruimst: str
    """The area with the highest OI-index (it sets ``toevoegen``)."""

    @property
    def herverdelen_aandeel(self) -> float:
        return self.herverdelen / self.totaal

    @property
    def toevoegen_aandeel(self) -> float:
        return self.toevoegen / self.totaal


def verdeel(inzet: Labels, opgave: Labels, *, band: float = BAND) -> Verdeling:
    """Check ``inzet`` and ``opgave`` (same labels, no missing value, inzet ≥ 0 with a
    positive total, opgave > 0) and return their :class:`Verdeling`.

    Every problem raises a :class:`~oi_core.errors.MatchFout` naming every area concerned.
    """
    if not 0 <= band < 1:
        raise InvoerFout(f"band {band} moet tussen 0 en 1 liggen (0,10 = 10%)", argument="band")
    labels, x, y = _aligned(inzet, opgave)
    getallen, tx, ty = _getallen(x, y)
    if not _zeker_goed(x, y, getallen, tx, ty):  # one pass of cheap reductions; else every check
        _check_values(labels, x, y)
        if len(labels) == 0:
            raise MatchFout(["er zijn geen gebieden om te vergelijken"], "Match")
        _check_finite(labels, x, y)
    return Verdeling(labels, x, y, band, [getallen])


def _getallen(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float, float]:
    """Aandeel inzet, aandeel opgave, verschil (pp) and OI-index as one 4 × n array, and
    both totals."""
    getallen = np.empty((4, len(x)))
    with np.errstate(all="ignore"):  # bad input is refused by the checks that follow
        tx, ty = x.sum(), y.sum()
        a = np.divide(x, tx, out=getallen[0])
        b = np.divide(y, ty, out=getallen[1])
        np.multiply(np.subtract(a, b, out=getallen[2]), 100.0, out=getallen[2])
        np.multiply(np.divide(a, b, out=getallen[3]), 100.0, out=getallen[3])
    return getallen, float(tx), float(ty)


def _zeker_goed(x: np.ndarray, y: np.ndarray, getallen: np.ndarray, tx: float, ty: float) -> bool:
    """True when no check can fail: inzet ≥ 0 with a positive finite total, opgave > 0
    with a finite total, every OI-index far from overflow. NaN fails every comparison, so
    anything doubtful goes to the full checks, which name the areas."""
    if not len(x) or not (x.min() >= 0 and y.min() > 0):
        return False
    return bool(0 < tx < np.inf and ty < np.inf and getallen[3].max() < 1e300)


def _check_finite(labels: pd.Index, x: np.ndarray, y: np.ndarray) -> None:
    """Totals and shares must stay finite: a sum beyond float range (values near 1e308) or
    an opgave share that underflows (5e-324 next to 1) would give a silently wrong index."""
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        tx, ty = x.sum(), y.sum()
        ratio = 100.0 * (x / tx) / (y / ty)  # as Verdeling.oi_index computes it
    if np.isfinite(tx) and np.isfinite(ty) and np.isfinite(ratio).all():
        return
    slecht = labels[~np.isfinite(ratio)] if np.isfinite(tx) and np.isfinite(ty) else labels[:1]
    raise MatchFout(
        [
            Bevinding(
                f"de getallen voor gebied '{g}' zijn te groot of te klein om mee te rekenen; "
                "kies een andere eenheid (bijvoorbeeld duizenden)"
            )
            for g in slecht
        ],
        "Inzet en opgave zijn niet te vergelijken",
    )


def aandeel(waarden: Labels, *, naam: str = "waarden") -> pd.Series:
    """Share of each label in the total, as a fraction 0–1: ``x_i / Σx``.

    The kernel's checks for one vector: no missing value, none negative (a
    :class:`~oi_core.errors.DataFout` naming every area), a positive total.
    """
    reeks = als_reeks(waarden, naam)
    x = reeks.to_numpy(dtype=float)
    fouten = [
        Bevinding(f"waarde ontbreekt voor gebied '{g}'", kolom=naam)
        for g in reeks.index[np.isnan(x)]
    ]
    fouten += [
        Bevinding(f"waarde is negatief ({v:g}) voor gebied '{g}'", kolom=naam)
        for g, v in zip(reeks.index[x < 0], x[x < 0], strict=True)
    ]
    if fouten:
        raise DataFout(fouten, f"Een aandeel van {naam} is niet te berekenen")
    totaal = x.sum()
    if not totaal > 0:
        raise InvoerFout("het totaal is 0; een aandeel is dan niet te berekenen", argument=naam)
    if not np.isfinite(totaal):
        raise InvoerFout(
            "het totaal is te groot om mee te rekenen; kies een andere eenheid", argument=naam
        )
    return pd.Series(x / totaal, index=reeks.index, name="aandeel")


def grenzen(band: float = BAND) -> tuple[float, float]:
    """The OI-index bounds of *in verhouding*: ``100·(1 − band)`` and ``100·(1 + band)``."""
    return 100.0 * (1 - band), 100.0 * (1 + band)


def signaal(oi_index: np.ndarray, band: float = BAND) -> np.ndarray:
    """:data:`SIGNAAL_MINDER` / :data:`SIGNAAL_IN_VERHOUDING` / :data:`SIGNAAL_MEER` for
    OI-index values."""
    uit: np.ndarray = np.asarray(_SIGNALEN)[_signaalcode(oi_index, band)]
    return uit


_SIGNALEN = SIGNALEN


def _signaalcode(oi_index: np.ndarray, band: float) -> np.ndarray:
    """0 below the band, 1 within it (and for NaN), 2 above it: the position in
    :data:`_SIGNALEN`."""
    laag, hoog = grenzen(band)
    code: np.ndarray = (oi_index > hoog).astype(np.intp)
    code += 1
    code -= oi_index < laag
    return code


def _aligned(inzet: Labels, opgave: Labels) -> tuple[pd.Index, np.ndarray, np.ndarray]:
    x = als_reeks(inzet, "inzet")
    y = als_reeks(opgave, "opgave")
    if not x.index.equals(y.index):
        _check_same_labels(x.index, y.index)
        y = y.reindex(x.index)
    xv, yv = als_getallen(x), als_getallen(y)
    labels = x.index.view()  # a view: naming it leaves the caller's index alone
    labels.name = x.index.name or "gebied"
    return labels, xv, yv


def _check_same_labels(x: pd.Index, y: pd.Index) -> None:
    fouten = [Bevinding(f"gebied '{g}' heeft wel inzet maar geen opgave") for g in x[~x.isin(y)]]
    fouten += [Bevinding(f"gebied '{g}' heeft wel opgave maar geen inzet") for g in y[~y.isin(x)]]
    if fouten:
        raise MatchFout(fouten, "Inzet en opgave gaan niet over dezelfde gebieden")


def _check_values(index: pd.Index, x: np.ndarray, y: np.ndarray) -> None:
    goed = bool((x >= 0).all() and (y > 0).all())  # False for NaN too
    with np.errstate(over="ignore"):  # a total beyond float range: _check_finite names it
        if goed and x.sum() > 0:
            return
    fouten = []
    for g, xi, yi in zip(index, x, y, strict=True):
        if np.isnan(xi):
            fouten.append(Bevinding(f"inzet ontbreekt voor gebied '{g}'", kolom="inzet"))
        elif xi < 0:
            fouten.append(Bevinding(f"inzet is negatief ({xi:g}) voor gebied '{g}'", kolom="inzet"))
        if np.isnan(yi):
            fouten.append(Bevinding(f"opgave ontbreekt voor gebied '{g}'", kolom="opgave"))
        elif yi < 0:
            fouten.append(
                Bevinding(
                    f"opgave is {yi:g} voor gebied '{g}'; een opgave kan niet negatief zijn",
                    kolom="opgave",
                )
            )
        elif yi == 0:
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
