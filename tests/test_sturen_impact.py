"""Impact per euro along the Resultatenketen (issue 12, item 6)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from oi_core import (
    Activiteit,
    Analyse,
    Indicator,
    InvoerFout,
    Niveau,
    Resultatenketen,
    Schakel,
    activiteit,
    impact_activiteit,
    impact_vergelijken,
    kosten_per_resultaat,
)


def test_cost_per_result_and_per_change_by_hand() -> None:
    uit = kosten_per_resultaat(
        pd.Series({"A": 100.0, "B": 300.0}),
        pd.Series({"A": 4.0, "B": 0.0}),
        doel_voor=pd.Series({"A": 10.0, "B": 12.0}),
        doel_na=pd.Series({"A": 8.0, "B": 14.0}),
        richting="lager_is_beter",
    )
    assert uit.loc["A", "kosten_per_resultaat"] == 25.0
    assert math.isnan(uit.loc["B", "kosten_per_resultaat"])  # no result: no figure
    assert uit["doelverandering"].tolist() == [2.0, -2.0]  # lower is better: 10 → 8 is +2
    assert uit.loc["A", "kosten_per_doelverandering"] == 50.0
    assert math.isnan(uit.loc["B", "kosten_per_doelverandering"])  # got worse


def test_activity_with_price_and_with_total() -> None:
    jgz = impact_activiteit(activiteit("jgz").analyse(), prijs=80_000.0)
    analyse = activiteit("jgz").analyse()
    fte, vacc = analyse.values("fte_0_4"), analyse.values("vaccinatiegraad")
    assert jgz["kosten_per_resultaat"].tolist() == pytest.approx(
        (fte * 80_000 / vacc.reindex(fte.index)).tolist()
    )
    straat = impact_activiteit(activiteit("straatreiniging").analyse(), totaal=1_000_000.0)
    assert straat["kosten"].sum() == pytest.approx(1_000_000.0)
    vergelijk = impact_vergelijken({"JGZ": jgz, "Straatreiniging": straat})
    assert vergelijk.loc["JGZ", "berekening"] == "mediaan van de gebieden"
    assert vergelijk.loc["JGZ", "kosten_per_resultaat"] == pytest.approx(
        jgz["kosten_per_resultaat"].median()
    )


def test_refusals_are_dutch() -> None:
    with pytest.raises(InvoerFout, match="prijs per eenheid"):
        impact_activiteit(activiteit("jgz").analyse())
    with pytest.raises(InvoerFout, match="beter als het lager is"):
        impact_activiteit(activiteit("groot_onderhoud").analyse(), totaal=1e6)
    ind = Indicator(code="fte", naam="fte", eenheid="fte", richting="neutraal", rol="inzet")
    opgave = Indicator(code="o", naam="o", eenheid="n", richting="neutraal", rol="opgave")
    keten = Resultatenketen(
        inzet=Schakel(omschrijving="fte", indicatoren=(ind,)),
        resultaat=Schakel.leeg("niet gemeten"),
        doel=Schakel.leeg("doel"),
        ambitie=Schakel.leeg("ambitie"),
        opgave=(opgave,),
    )
    act = Activiteit(
        code="x", naam="Zonder resultaat", afdeling="a", keten=keten, niveau=Niveau.DOELGROEP
    )
    data = pd.DataFrame(
        {
            "gebied": ["a", "b", "a", "b"],
            "indicator": ["fte", "fte", "o", "o"],
            "waarde": [1.0, 2.0, 3.0, 4.0],
            "jaar": 2024,
        }
    )
    with pytest.raises(InvoerFout, match="geen gemeten resultaat"):
        impact_activiteit(Analyse(act, data), prijs=1.0)
