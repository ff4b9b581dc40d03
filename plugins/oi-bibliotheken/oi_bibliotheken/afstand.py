"""Straight-line distance from every buurt to the nearest OBA branch, and what-if scenarios.

Distances are measured in RD New (EPSG:28992, metres) from the buurt centroid to the
branch, as a straight line, and reported in km. Coarser levels are population-weighted
means of their buurten (inwoners 2024). Buurten without a population (MK06
Muidenbuurt-Oost is not in CBS 2024) or without a parent at the target level (Westpoort
has no gebied) do not count; they are listed in ``attrs["weggelaten"]``.

This is *not* the distance the presentation published: that was measured over the road
with an older list of branches (see the README).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from oi_core import Aggregatie, Gebiedsindeling, InvoerFout, Niveau

from .bronnen import vestigingen as ingebouwde_vestigingen

__all__ = [
    "RD_GRENZEN",
    "Extra",
    "afstand_buurten",
    "afstand_gebieden",
    "afstand_per_niveau",
    "aggregeer_afstand",
    "kortste_afstand",
    "scenario_vestigingen",
    "vergelijk_scenario",
]

RD_GRENZEN = ((-7_000.0, 300_000.0), (289_000.0, 629_000.0))
"""The valid area of RD New (x, y in metres); lon/lat or other units fall outside it."""

Extra = Mapping[str, tuple[float, float]] | Sequence[tuple[float, float]]
"""Hypothetical branches: ``{"naam": (rd_x, rd_y)}`` or a list of ``(rd_x, rd_y)`` pairs."""


def kortste_afstand(
    x: np.ndarray, y: np.ndarray, vx: np.ndarray, vy: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Distance in km from each point to the nearest branch, and that branch's position.

    One (points × branches) matrix, no Python loop: 518 × 26 is about 13 000 distances.
    """
    if len(vx) == 0:
        raise InvoerFout("er is geen enkele vestiging over om de afstand toe te meten")
    afstanden = np.hypot(x[:, None] - vx[None, :], y[:, None] - vy[None, :])
    dichtstbij = afstanden.argmin(axis=1)
    return afstanden[np.arange(len(x)), dichtstbij] / 1000.0, dichtstbij


def scenario_vestigingen(
    zonder: Iterable[str] = (),
    extra: Extra | None = None,
    basis: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The branch list with branches closed (``zonder``) and hypothetical ones opened."""
    lijst = ingebouwde_vestigingen() if basis is None else basis
    weg = [_vestiging(naam, list(lijst.index)) for naam in zonder]
    over = lijst.drop(index=weg)[["rd_x", "rd_y"]]
    nieuw = _extra(extra, bestaand=set(over.index))
    return pd.concat([over, nieuw]) if not nieuw.empty else over


def _vestiging(tekst: str, namen: list[str]) -> str:
    """The branch a user means: its name in any case, with or without 'OBA '."""
    sleutel = str(tekst).strip().casefold()
    for naam in namen:
        if sleutel in (naam.casefold(), naam.casefold().removeprefix("oba ")):
            return naam
    tip = difflib.get_close_matches(str(tekst), namen, n=3, cutoff=0.5)
    hint = f" Bedoelt u: {', '.join(tip)}?" if tip else " Zie OI_BIB_VESTIGINGEN voor de lijst."
    raise InvoerFout(f"onbekende vestiging '{tekst}'.{hint}", argument="zonder")


def _extra(extra: Extra | None, bestaand: set[str]) -> pd.DataFrame:
    paren = _paren(extra)
    for naam, (x, y) in paren.items():
        _eis_rd(naam, x, y)
        if naam in bestaand:
            raise InvoerFout(
                f"vestiging '{naam}' bestaat al; kies een andere naam", argument="extra"
            )
    return pd.DataFrame(
        {"rd_x": [p[0] for p in paren.values()], "rd_y": [p[1] for p in paren.values()]},
        index=pd.Index(list(paren), name="naam"),
        dtype=float,
    )


def _paren(extra: Extra | None) -> dict[str, tuple[float, float]]:
    if extra is None:
        return {}
    if isinstance(extra, Mapping):
        return {str(k): (float(v[0]), float(v[1])) for k, v in extra.items()}
    return {f"Extra vestiging {i}": (float(p[0]), float(p[1])) for i, p in enumerate(extra, 1)}


def _eis_rd(naam: str, x: float, y: float) -> None:
    (x0, x1), (y0, y1) = RD_GRENZEN
    if not (x0 <= x <= x1 and y0 <= y <= y1):
        raise InvoerFout(
            f"'{naam}': ({x:g}, {y:g}) is geen RD-coördinaat in meters (RD New, EPSG:28992), "
            "bijvoorbeeld 121000, 487000 voor de Dam; lengte- en breedtegraad werken niet",
            argument="extra",
        )


def afstand_buurten(
    vestigingen: pd.DataFrame | None = None, *, indeling: Gebiedsindeling | None = None
) -> pd.DataFrame:
    """Per buurt: the straight-line distance in km and the nearest branch.

    Columns ``naam``, ``wijk``, ``gebied``, ``stadsdeel``, ``inwoners``,
    ``km_hemelsbreed`` and ``dichtstbijzijnde``; indexed by buurt code.
    """
    lijst = ingebouwde_vestigingen() if vestigingen is None else vestigingen
    indeling = indeling or Gebiedsindeling.amsterdam()
    buurten = indeling.table(Niveau.BUURT)
    km, positie = kortste_afstand(
        buurten["rd_x"].to_numpy(dtype=float),
        buurten["rd_y"].to_numpy(dtype=float),
        lijst["rd_x"].to_numpy(dtype=float),
        lijst["rd_y"].to_numpy(dtype=float),
    )
    uit = buurten[["naam", "wijk", "gebied", "stadsdeel", "inwoners"]].copy()
    uit["km_hemelsbreed"] = km
    uit["dichtstbijzijnde"] = np.asarray(lijst.index)[positie]
    uit.index.name = "gebied"
    return uit


def afstand_per_niveau(
    niveau: Niveau | str,
    vestigingen: pd.DataFrame | None = None,
    *,
    indeling: Gebiedsindeling | None = None,
) -> pd.Series:
    """Population-weighted straight-line distance (km) per area of ``niveau``."""
    indeling = indeling or Gebiedsindeling.amsterdam()
    return aggregeer_afstand(afstand_buurten(vestigingen, indeling=indeling), niveau, indeling)


def aggregeer_afstand(
    buurten: pd.DataFrame, niveau: Niveau | str, indeling: Gebiedsindeling
) -> pd.Series:
    """The buurt distances of :func:`afstand_buurten`, population-weighted to ``niveau``.

    Buurten without inwoners or without a parent at ``niveau`` are left out and listed in
    ``attrs["weggelaten"]`` (so the core has nothing to warn about).
    """
    niveau = Niveau(niveau)
    km = buurten["km_hemelsbreed"].rename("km_hemelsbreed")
    if niveau is Niveau.BUURT:
        return km
    ouders = indeling.parents(Niveau.BUURT, niveau).reindex(buurten.index)
    mee = buurten["inwoners"].notna().to_numpy() & ouders.notna().to_numpy()
    uit = indeling.aggregate(
        km[mee], niveau, aggregatie=Aggregatie.GEWOGEN_GEMIDDELDE, gewicht="inwoners"
    )
    uit.attrs["weggelaten"] = sorted(str(c) for c in buurten.index[~mee])
    return uit


def vergelijk_scenario(
    niveau: Niveau | str,
    *,
    zonder: Iterable[str] = (),
    extra: Extra | None = None,
    indeling: Gebiedsindeling | None = None,
) -> pd.DataFrame:
    """Distance per area now and in a scenario with branches closed or added.

    Columns ``naam``, ``km_nu``, ``km_scenario`` and ``verschil_km`` (scenario − now;
    positive: further away). ``attrs`` holds the branches closed and added.
    """
    indeling = indeling or Gebiedsindeling.amsterdam()
    zonder = list(zonder)
    scenario = scenario_vestigingen(zonder, extra)
    nu = afstand_per_niveau(niveau, indeling=indeling)
    straks = afstand_per_niveau(niveau, scenario, indeling=indeling).reindex(nu.index)
    uit = pd.DataFrame(
        {
            "naam": indeling.names(nu.index),
            "km_nu": nu,
            "km_scenario": straks,
            "verschil_km": straks - nu,
        }
    )
    bekend = ingebouwde_vestigingen().index  # read once, not once per branch
    uit.attrs["gesloten"] = [_vestiging(n, list(bekend)) for n in zonder]
    uit.attrs["geopend"] = [n for n in scenario.index if n not in bekend]
    return uit


def afstand_gebieden(
    gebieden: Sequence[str],
    niveau: Niveau | str | None = None,
    *,
    zonder: Iterable[str] = (),
    extra: Extra | None = None,
    indeling: Gebiedsindeling | None = None,
) -> pd.Series:
    """Straight-line distance (km) for named areas of any level, in the order given.

    Names are resolved by the core (``niveau`` narrows the search); every level that
    occurs is computed once. An area without inhabitants has no weighted distance (NaN).
    """
    indeling = indeling or Gebiedsindeling.amsterdam()
    codes = indeling.resolve_all(list(gebieden), niveau)
    buurten = afstand_buurten(scenario_vestigingen(zonder, extra), indeling=indeling)
    per_niveau = {
        n: aggregeer_afstand(buurten, n, indeling) for n in {indeling.level_of(c) for c in codes}
    }
    waarden = [per_niveau[indeling.level_of(c)].get(c, np.nan) for c in codes]
    return pd.Series(waarden, index=pd.Index(codes, name="gebied"), name="km_hemelsbreed")
