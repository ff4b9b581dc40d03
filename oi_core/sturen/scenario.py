"""Scenarios: how an allocation could move toward its target, year by year.

The target (``doel``) gives each area ``basisdeel`` of the budget in proportion to its
population and the rest in proportion to its opgave, never less than the ``minimum``.
Two forms of the method drive a path toward it:

- ``herverdelen``: budget-neutral. Each year every area closes an even part of its
  remaining distance to the target (``1/(jaren − k + 1)`` in year ``k``), at most ``tempo``
  of its amount of the year before; the side that can move less (the gainers or the
  givers) sets how much moves, the other side is scaled down, so every year's total equals
  today's. An area below the ``minimum`` is lifted to it in year 1; the minimum goes
  before the tempo.
- ``toevoegen``: ``extra`` is added, evenly over the years (year ``k`` has today's total
  plus ``k/jaren`` of the extra). No area gets less than the year before; the extra goes
  to the areas furthest below their target first: every area gets ``max(huidig, λ·doel)``,
  capped by the tempo and never above its target, with one ratio ``λ`` for the budget.

The pace-of-change model follows NHS England's allocations (distance from target =
``(allocation − target) / target``; areas move toward their target at a limited pace each
year; see ``docs/sturen/scenario.md``). The shares and the OI-index come from the one
kernel, :func:`~oi_core.rekenen.kern.verdeel`, with its input checks.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from oi_core.errors import Bevinding, DataFout, InvoerFout
from oi_core.invoer.reeksen import Labels, als_reeks, check_same_labels
from oi_core.model.soorten import Vorm
from oi_core.rekenen.kern import Verdeling, verdeel
from oi_core.weergave.tekst import getal, procent

__all__ = ["KOLOMMEN_SCENARIO", "VORMEN_SCENARIO", "afronden", "lees_vorm", "scenario"]

VORMEN_SCENARIO = (Vorm.HERVERDELEN, Vorm.TOEVOEGEN)
"""The forms of unequal investing a scenario can compute."""

KOLOMMEN_SCENARIO = (
    "huidig",
    "inzet",
    "doel",
    "verandering",
    "verandering_pct",
    "oi_index",
    "afstand",
    "afstand_pct",
)
"""The columns of :func:`scenario`, indexed by (``jaar``, ``gebied``)."""

_EPS = 1e-9


@dataclass(frozen=True)
class _Opzet:
    """The checked inputs of a scenario."""

    verdeling: Verdeling
    vorm: Vorm
    doel: np.ndarray
    minimum: np.ndarray
    extra: float
    tempo: float | None
    jaren: int


def scenario(
    inzet: Labels,
    opgave: Labels,
    *,
    vorm: Vorm | str = Vorm.HERVERDELEN,
    extra: float = 0.0,
    bevolking: Labels | None = None,
    basisdeel: float = 0.0,
    minimum: float | Labels | None = None,
    tempo: float | None = None,
    jaren: int = 1,
    eenheid: float | None = None,
) -> pd.DataFrame:
    """The path of a scenario from today (``jaar`` 0) to year ``jaren``.

    Returns a DataFrame indexed by (``jaar``, ``gebied``) with :data:`KOLOMMEN_SCENARIO`:
    ``huidig`` (today), ``inzet`` (the amount that year), ``doel`` (the target),
    ``verandering`` and ``verandering_pct`` (against today), ``oi_index`` (of that year's
    amounts against the opgave), ``afstand`` and ``afstand_pct`` (distance from target:
    ``inzet − doel`` and ``100·(inzet − doel)/doel``). ``eenheid`` rounds to whole units
    (1 fte, 100 m²) by the largest-remainder method (:func:`afronden`): today's amounts
    first (year 0), then every year of the path, so each year's total stays exact and an
    area that gains (gives) never ends below (above) today.
    """
    if eenheid is not None:
        _check_eenheid(eenheid)
        v = verdeel(inzet, opgave)
        inzet = pd.Series(_hamilton(v.inzet, eenheid), index=v.labels)
    opzet = _opzet(inzet, opgave, vorm, extra, bevolking, basisdeel, minimum, tempo, jaren)
    pad = _pad(opzet)
    if eenheid is not None:
        pad[1:] = np.vstack([_hamilton(rij, eenheid) for rij in pad[1:]])
    uit = _frame(opzet, pad)
    uit.attrs.update(
        vorm=opzet.vorm.value,
        jaren=opzet.jaren,
        tempo=opzet.tempo,
        extra=opzet.extra,
        basisdeel=float(basisdeel),
        eenheid=eenheid,
    )
    return uit


def afronden(waarden: Labels, eenheid: float = 1.0) -> pd.Series:
    """``waarden`` in whole multiples of ``eenheid`` with the same total (largest remainder).

    Every value is rounded down to a multiple of ``eenheid``; the units still missing from
    the total (rounded to whole units) go to the values with the largest remainders, ties
    to the first. The result sums exactly to the rounded total.
    """
    _check_eenheid(eenheid)
    reeks = als_reeks(waarden, "waarden")
    x = reeks.to_numpy(dtype=float)
    if np.isnan(x).any() or (x < 0).any():
        fout = [f"'{g}'" for g in reeks.index[np.isnan(x) | (x < 0)]]
        raise InvoerFout(f"leeg of negatief voor {', '.join(fout)}", argument="waarden")
    return pd.Series(_hamilton(x, eenheid), index=reeks.index, name=reeks.name)


# -- inputs -------------------------------------------------------------------------------
def _opzet(
    inzet: Labels,
    opgave: Labels,
    vorm: Vorm | str,
    extra: float,
    bevolking: Labels | None,
    basisdeel: float,
    minimum: float | Labels | None,
    tempo: float | None,
    jaren: int,
) -> _Opzet:
    v = verdeel(inzet, opgave)
    soort = lees_vorm(vorm)
    _check_getallen(soort, extra, basisdeel, tempo, jaren)
    budget = float(v.inzet.sum()) + extra
    vloer = _minimum(minimum, v.labels)
    gewicht = _gewicht(v, bevolking, basisdeel)
    doel = _doel(gewicht, budget, vloer)
    return _Opzet(v, soort, doel, vloer, float(extra), tempo, int(jaren))


def lees_vorm(vorm: Vorm | str) -> Vorm:
    """The scenario form ``vorm`` names (herverdelen or toevoegen); an :class:`InvoerFout` else."""
    tekst = str(getattr(vorm, "value", vorm)).strip().lower()
    keuzes = " of ".join(v.value for v in VORMEN_SCENARIO)
    if tekst not in {v.value for v in VORMEN_SCENARIO}:
        raise InvoerFout(f"'{vorm}' is geen vorm voor een scenario; kies {keuzes}", argument="vorm")
    return Vorm(tekst)


def _check_getallen(
    vorm: Vorm, extra: float, basisdeel: float, tempo: float | None, jaren: int
) -> None:
    if not np.isfinite(extra) or extra < 0:
        raise InvoerFout(f"extra is {extra:g}; geef 0 of meer", argument="extra")
    if vorm is Vorm.HERVERDELEN and extra != 0:
        raise InvoerFout(
            "herverdelen houdt het totaal gelijk; extra inzet past bij de vorm toevoegen",
            argument="extra",
        )
    if not 0 <= basisdeel <= 1:
        raise InvoerFout(
            f"basisdeel {basisdeel:g} moet tussen 0 en 1 liggen (0,2 = 20% naar inwoners)",
            argument="basisdeel",
        )
    if tempo is not None and not 0 < tempo <= 1:
        raise InvoerFout(
            f"tempo {tempo:g} moet groter dan 0 en hoogstens 1 zijn (0,05 = 5% per jaar)",
            argument="tempo",
        )
    if isinstance(jaren, bool) or int(jaren) != jaren or not 1 <= jaren <= 50:
        raise InvoerFout(f"jaren is {jaren}; geef een heel aantal van 1 tot 50", argument="jaren")


def _check_eenheid(eenheid: float) -> None:
    if not np.isfinite(eenheid) or eenheid <= 0:
        raise InvoerFout(
            f"eenheid {eenheid:g} moet groter dan 0 zijn (1 fte, 100 m²)", argument="eenheid"
        )


def _reeks_bij(waarden: Labels, naam: str, labels: pd.Index) -> np.ndarray:
    """``waarden`` for exactly the areas ``labels``, in their order, without gaps."""
    reeks = als_reeks(waarden, naam)
    check_same_labels(pd.Series(0.0, index=labels), reeks, "inzet", naam)
    x = reeks.reindex(labels).to_numpy(dtype=float)
    slecht = np.isnan(x) | (x < 0)
    if slecht.any():
        raise DataFout(
            [Bevinding(f"leeg of negatief voor gebied '{g}'", kolom=naam) for g in labels[slecht]],
            f"De {naam} is niet te gebruiken",
        )
    return x


def _minimum(minimum: float | Labels | None, labels: pd.Index) -> np.ndarray:
    if minimum is None:
        return np.zeros(len(labels))
    if isinstance(minimum, int | float):
        if not np.isfinite(minimum) or minimum < 0:
            raise InvoerFout(f"minimum {minimum:g} moet 0 of meer zijn", argument="minimum")
        return np.full(len(labels), float(minimum))
    return _reeks_bij(minimum, "minimum", labels)


def _gewicht(v: Verdeling, bevolking: Labels | None, basisdeel: float) -> np.ndarray:
    """Each area's share of the target: ``basisdeel`` by population, the rest by opgave."""
    if basisdeel == 0:
        return v.aandeel_opgave
    if bevolking is None:
        raise InvoerFout(
            "een basisdeel verdeelt naar inwoners; geef ook de bevolking per gebied",
            argument="bevolking",
        )
    p = _reeks_bij(bevolking, "bevolking", v.labels)
    if not p.sum() > 0:
        raise InvoerFout("de bevolking telt op tot 0", argument="bevolking")
    uit: np.ndarray = basisdeel * p / p.sum() + (1 - basisdeel) * v.aandeel_opgave
    return uit


def _doel(gewicht: np.ndarray, budget: float, vloer: np.ndarray) -> np.ndarray:
    """The target: ``budget`` in proportion to ``gewicht``, no area below its ``vloer``."""
    if vloer.sum() > budget * (1 + _EPS):
        raise InvoerFout(
            f"het minimum kost samen {getal(vloer.sum())}, meer dan het budget van {getal(budget)}",
            argument="minimum",
        )
    doel: np.ndarray = budget * gewicht / gewicht.sum()
    if (doel >= vloer).all():
        return doel
    return _vul(gewicht, vloer, np.full(len(vloer), np.inf), budget)


def _vul(w: np.ndarray, onder: np.ndarray, boven: np.ndarray, budget: float) -> np.ndarray:
    """``clip(λ·w, onder, boven)`` with the one ``λ ≥ 0`` for which the sum is ``budget``.

    The sum is piecewise linear and non-decreasing in ``λ``; it is evaluated at every
    breakpoint at once and interpolated on the segment that holds ``budget``.
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        knik = np.concatenate([[0.0], onder / w, boven / w])
    knik = np.unique(knik[np.isfinite(knik) & (knik >= 0)])
    som = np.clip(np.outer(knik, w), onder, boven).sum(axis=1)
    j = int(np.searchsorted(som, budget))
    if j == 0:
        lam = float(knik[0])
    elif j < len(knik):
        deel = (budget - som[j - 1]) / (som[j] - som[j - 1])
        lam = float(knik[j - 1] + deel * (knik[j] - knik[j - 1]))
    else:
        helling = w[np.isinf(boven) & (w > 0)].sum()
        lam = float(knik[-1] + (budget - som[-1]) / helling) if helling > 0 else float(knik[-1])
    uit: np.ndarray = np.clip(lam * w, onder, boven)
    return uit


# -- the path -----------------------------------------------------------------------------
def _pad(opzet: _Opzet) -> np.ndarray:
    """Amounts per year (row 0 today, row ``k`` year ``k``) and area."""
    x = opzet.verdeling.inzet
    pad = np.empty((opzet.jaren + 1, len(x)))
    pad[0] = x
    for k in range(1, opzet.jaren + 1):
        if opzet.vorm is Vorm.HERVERDELEN:
            pad[k] = _stap_herverdelen(pad[k - 1], opzet, opzet.jaren - k + 1)
        else:
            budget = float(x.sum()) + opzet.extra * k / opzet.jaren
            pad[k] = _stap_toevoegen(pad[k - 1], opzet, budget, k)
    return pad


def _plafond(a: np.ndarray, tempo: float | None) -> np.ndarray:
    if tempo is None:
        return np.full(len(a), np.inf)
    uit: np.ndarray = tempo * a
    return uit


def _stap_herverdelen(a: np.ndarray, opzet: _Opzet, rest: int) -> np.ndarray:
    """One budget-neutral year: every area moves ``1/rest`` of its remaining distance toward
    its target, at most the tempo; the larger side (gains or losses) is scaled down."""
    d, plafond = opzet.doel, _plafond(a, opzet.tempo)
    onder, boven = np.maximum(d - a, 0.0), np.maximum(a - d, 0.0)
    vloer = np.maximum(opzet.minimum - a, 0.0)
    op = np.maximum(vloer, np.minimum(onder / rest, plafond))
    af = np.minimum(boven / rest, plafond)
    totaal_op, totaal_af, totaal_vloer = op.sum(), af.sum(), vloer.sum()
    if totaal_op <= totaal_af:
        af = af * _deel(totaal_op, totaal_af)
    elif totaal_af >= totaal_vloer:
        op = vloer + (op - vloer) * _deel(totaal_af - totaal_vloer, totaal_op - totaal_vloer)
    else:  # the minimum goes first: the givers give more than the tempo to pay for it
        ruimte = boven - af
        af = af + ruimte * _deel(totaal_vloer - totaal_af, ruimte.sum())
        op = vloer
    uit: np.ndarray = a + op - af
    return uit


def _deel(teller: float, noemer: float) -> float:
    """``teller / noemer`` as a factor in [0, 1]; 0 when there is nothing to share."""
    return float(np.clip(teller / noemer, 0.0, 1.0)) if noemer > 0 else 0.0


def _stap_toevoegen(a: np.ndarray, opzet: _Opzet, budget: float, jaar: int) -> np.ndarray:
    """One year with a larger budget: nobody below last year (or the minimum), the extra to
    the areas furthest below their target, at most the tempo and never above the target."""
    onder = np.maximum(a, opzet.minimum)
    boven = np.maximum(onder, np.minimum(a + _plafond(a, opzet.tempo), opzet.doel))
    if onder.sum() > budget * (1 + _EPS):
        raise InvoerFout(
            f"in jaar {jaar} kost het minimum samen met wat elk gebied al heeft "
            f"{getal(onder.sum())}, meer dan het budget van {getal(budget)}; geef meer extra "
            "of meer jaren",
            argument="minimum",
        )
    if boven.sum() < budget * (1 - _EPS):
        raise InvoerFout(
            f"met een tempo van {procent(100 * (opzet.tempo or 0))} per jaar kan in jaar "
            f"{jaar} hoogstens {getal(boven.sum() - a.sum())} meer worden besteed dan het jaar "
            f"ervoor, terwijl het budget {getal(budget - a.sum())} groeit; kies meer jaren, een "
            "hoger tempo of minder extra",
            argument="tempo",
        )
    return _vul(opzet.doel, onder, boven, budget)


def _hamilton(x: np.ndarray, eenheid: float) -> np.ndarray:
    """Largest remainder: whole units of ``eenheid`` summing to ``round(Σx / eenheid)``."""
    q = x / eenheid
    heel = np.floor(q + _EPS)
    tekort = round(float(q.sum())) - int(heel.sum())
    volgorde = np.argsort(-np.round(q - heel, 9), kind="stable")  # ties: the first
    heel[volgorde[: max(tekort, 0)]] += 1
    uit: np.ndarray = heel * eenheid
    return uit


# -- the result ---------------------------------------------------------------------------
def _frame(opzet: _Opzet, pad: np.ndarray) -> pd.DataFrame:
    v = opzet.verdeling
    labels = pd.Index(v.labels, name="gebied")
    jaren = opzet.jaren + 1
    index = pd.MultiIndex.from_product([range(jaren), labels], names=["jaar", "gebied"])
    opgave = pd.Series(v.opgave, index=labels)
    oi = np.concatenate([verdeel(pd.Series(rij, index=labels), opgave).oi_index for rij in pad])
    huidig = np.tile(v.inzet, jaren)
    doel = np.tile(opzet.doel, jaren)
    inzet = pad.ravel()
    with np.errstate(divide="ignore", invalid="ignore"):
        kolommen = {
            "huidig": huidig,
            "inzet": inzet,
            "doel": doel,
            "verandering": inzet - huidig,
            "verandering_pct": np.where(huidig > 0, 100 * (inzet - huidig) / huidig, np.nan),
            "oi_index": oi,
            "afstand": inzet - doel,
            "afstand_pct": np.where(doel > 0, 100 * (inzet - doel) / doel, np.nan),
        }
    return pd.DataFrame(kolommen, index=index)
