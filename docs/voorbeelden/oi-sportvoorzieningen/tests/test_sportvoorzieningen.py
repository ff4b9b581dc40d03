"""Behaviour of the tutorial plugin on its embedded data."""

import pandas as pd
import pytest
from oi_core import GebiedOnbekend, InvoerFout, aandeel

import oi_sportvoorzieningen as sport


def test_fte_per_1000_kinderen_in_noord() -> None:
    # 10.5 FTE (fictief) for 18 040 children aged 0-14 (CBS 2024)
    assert sport.fte_per_1000_kinderen("Noord") == pytest.approx(10.5 / 18040 * 1000)
    assert sport.fte_per_1000_kinderen("N") == sport.fte_per_1000_kinderen("Noord")


def test_published_shares_are_the_rounded_shares_of_the_fte() -> None:
    analyse = sport.analyse()
    berekend = 100 * aandeel(analyse.values("fte_buurtsportcoaches"))
    gepubliceerd = analyse.values("aandeel_fte")
    verschil = (berekend - gepubliceerd.reindex(berekend.index)).abs()
    assert verschil.max() <= 0.5


def test_weesp_gets_least_and_zuidoost_most_in_proportion() -> None:
    match = sport.analyse().match()
    assert match["oi_index"].idxmin() == "S"
    assert match["oi_index"].idxmax() == "T"
    assert match.loc["S", "oi_index"] == pytest.approx(
        100 * (1.5 / 63.5) / (5015 / 122785), rel=1e-9
    )


def test_samenvatting_and_onderdeel() -> None:
    analyse = sport.analyse()
    samenvatting = sport.samenvatting(analyse)
    assert samenvatting.titel == "Weesp krijgt naar verhouding de minste buurtsportcoaches"
    assert "Weesp, Zuid" in samenvatting.bevindingen[3]
    (onderdeel,) = sport.onderdelen(analyse)
    assert onderdeel.figuur is not None and onderdeel.figuur.soort == "staaf"
    assert isinstance(onderdeel.tabel, pd.DataFrame)
    assert onderdeel.tabel.loc["N", "fte_per_1000_kinderen"] == pytest.approx(0.5820399)


def test_mistakes_give_dutch_errors() -> None:
    with pytest.raises(GebiedOnbekend, match="Onbekend gebied 'Noordoost'"):
        sport.fte_per_1000_kinderen("Noordoost")
    with pytest.raises(InvoerFout, match="geef een stadsdeel"):
        sport.fte_per_1000_kinderen(None)
