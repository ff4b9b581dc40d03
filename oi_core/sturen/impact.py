"""Impact per euro along the Resultatenketen: cost per unit of resultaat and per unit of
change of the doel, per area and per activity.

``kosten`` is the inzet in euros: the inzet times a price per unit (euro per fte), or the
inzet's share of a total budget the user gives. A chain without a measured resultaat is
refused: without a result there is nothing to divide by.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from oi_core.errors import InvoerFout
from oi_core.invoer.reeksen import Labels, als_reeks, check_same_labels
from oi_core.model.activiteit import Aggregatie, Richting

if TYPE_CHECKING:
    from oi_core.model.activiteit import Indicator
    from oi_core.rekenen.analyse import Analyse

__all__ = ["impact_activiteit", "impact_vergelijken", "kosten", "kosten_per_resultaat"]


def kosten(inzet: Labels, *, prijs: float | None = None, totaal: float | None = None) -> pd.Series:
    """The inzet in euros: ``inzet · prijs``, or with ``totaal`` each area's share of that
    budget (for an inzet given as a share, e.g. % of the project budget)."""
    x = als_reeks(inzet, "inzet")
    if totaal is not None:
        from oi_core.rekenen.kern import aandeel

        return (aandeel(x, naam="inzet") * float(totaal)).rename("kosten")
    if prijs is None:
        raise InvoerFout(
            "geef een prijs per eenheid inzet (euro per fte, per m²) of een totaalbudget",
            argument="prijs",
        )
    if not float(prijs) > 0:
        raise InvoerFout("de prijs moet groter dan 0 zijn", argument="prijs")
    return (x * float(prijs)).rename("kosten")


def _gedeeld(teller: np.ndarray, noemer: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        uit: np.ndarray = np.where(noemer > 0, teller / noemer, np.nan)
    return uit


def kosten_per_resultaat(
    kosten: Labels,
    resultaat: Labels | None = None,
    *,
    doel_voor: Labels | None = None,
    doel_na: Labels | None = None,
    richting: Richting | str = Richting.HOGER_IS_BETER,
) -> pd.DataFrame:
    """Per area: ``kosten``, ``resultaat`` and ``kosten_per_resultaat`` (euro per unit of
    resultaat); with ``doel_voor`` and ``doel_na`` also ``doelverandering`` (the improvement,
    in the doel's direction) and ``kosten_per_doelverandering``. A result or improvement of
    0 or less gives no figure (NaN), never a negative or infinite cost.
    """
    k = als_reeks(kosten, "kosten")
    uit = pd.DataFrame({"kosten": k.to_numpy(dtype=float)}, index=k.index)
    if resultaat is not None:
        r = als_reeks(resultaat, "resultaat")
        check_same_labels(k, r, "kosten", "resultaat")
        uit["resultaat"] = r.reindex(k.index).to_numpy(dtype=float)
        uit["kosten_per_resultaat"] = _gedeeld(
            uit["kosten"].to_numpy(), uit["resultaat"].to_numpy()
        )
    if (doel_voor is None) != (doel_na is None):
        raise InvoerFout("geef het doel voor én na de inzet", argument="doel_voor")
    if doel_voor is not None and doel_na is not None:
        teken = -1.0 if Richting(richting) is Richting.LAGER_IS_BETER else 1.0
        voor, na = als_reeks(doel_voor, "doel_voor"), als_reeks(doel_na, "doel_na")
        check_same_labels(k, voor, "kosten", "doel_voor")
        check_same_labels(k, na, "kosten", "doel_na")
        delta = teken * (na.reindex(k.index) - voor.reindex(k.index)).to_numpy(dtype=float)
        uit["doelverandering"] = delta
        uit["kosten_per_doelverandering"] = _gedeeld(uit["kosten"].to_numpy(), delta)
    if resultaat is None and doel_voor is None:
        raise InvoerFout("geef een resultaat of het doel voor en na", argument="resultaat")
    return uit


def _resultaat(analyse: Analyse, code: str | None) -> Indicator:
    activiteit = analyse.activiteit
    gemeten = activiteit.keten.resultaat.indicatoren
    if not gemeten:
        raise InvoerFout(
            f"de resultatenketen van '{activiteit.naam}' heeft geen gemeten resultaat; "
            "kosten per resultaat zijn dan niet te berekenen",
            argument="activiteit",
        )
    if code is None:
        return gemeten[0]
    for ind in gemeten:
        if ind.code == code:
            return ind
    namen = ", ".join(i.code for i in gemeten)
    raise InvoerFout(
        f"'{code}' is geen resultaat van de keten (wel: {namen})", argument="resultaat"
    )


def impact_activiteit(
    analyse: Analyse,
    *,
    prijs: float | None = None,
    totaal: float | None = None,
    resultaat: str | None = None,
) -> pd.DataFrame:
    """:func:`kosten_per_resultaat` of an activity: its match inzet in euros against its
    (first, or the named) resultaat indicator, at the analysis's level.

    A resultaat where lower is better (km to a library, % bad pavement) is refused: a cost
    per unit would reward a worse result. ``attrs`` holds ``resultaat`` (the indicator's
    name and unit).
    """
    ind = _resultaat(analyse, resultaat)
    if ind.richting is Richting.LAGER_IS_BETER:
        raise InvoerFout(
            f"resultaat '{ind.naam}' is beter als het lager is; kosten per eenheid zouden een "
            "slechter resultaat belonen. Kies een resultaat dat met de inzet groeit, of vergelijk "
            "de kosten met de verbetering van het doel (voor en na).",
            argument="resultaat",
        )
    inzet = analyse.values(analyse.activiteit.match_inzet.code)
    r = analyse.values(ind.code).reindex(inzet.index)
    uit = kosten_per_resultaat(kosten(inzet, prijs=prijs, totaal=totaal), r)
    uit.attrs["resultaat"] = {"naam": ind.naam, "eenheid": ind.eenheid}
    uit.attrs["optelbaar"] = ind.aggregatie is Aggregatie.SOM
    return uit


def impact_vergelijken(uitkomsten: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Activities side by side: ``kosten`` (total), ``kosten_per_resultaat`` (total cost /
    total result when the result adds up, else the median over the areas) and
    ``berekening`` saying which."""
    rijen = {}
    for naam, tabel in uitkomsten.items():
        totaal = float(tabel["kosten"].sum())
        optelbaar = bool(tabel.attrs.get("optelbaar", False))
        per = (
            totaal / float(tabel["resultaat"].sum())
            if optelbaar
            else float(tabel["kosten_per_resultaat"].median())
        )
        rijen[naam] = {
            "kosten": totaal,
            "kosten_per_resultaat": per,
            "berekening": "totaal / totaal" if optelbaar else "mediaan van de gebieden",
        }
    return pd.DataFrame.from_dict(rijen, orient="index").rename_axis("activiteit")
