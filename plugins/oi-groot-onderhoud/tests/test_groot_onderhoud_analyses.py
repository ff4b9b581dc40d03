"""Weighting the opgave by vulnerability and judgement, compensation and context."""

from __future__ import annotations

import numpy as np
import pytest
from oi_groot_onderhoud.activiteit import ACTIVITEIT
from oi_groot_onderhoud.analyses import (
    compensatie,
    context,
    stadswaarde,
    weeg_opgave,
    weging,
    weging_analyse,
)
from oi_groot_onderhoud.gegevens import data

from oi_core import Analyse, DataFout, InvoerFout, OIWaarschuwing


@pytest.fixture(scope="module")
def analyse() -> Analyse:
    return Analyse(ACTIVITEIT, data())


def test_groot_onderhoud_weighting_with_zero_weights_changes_nothing(analyse: Analyse) -> None:
    uit = weging_analyse(analyse, alfa=0.0, beta=0.0)
    np.testing.assert_allclose(uit["oi_index_gewogen"], uit["oi_index"])
    assert (uit["factor_kwetsbaarheid"] == 1).all() and (uit["factor_oordeel"] == 1).all()
    np.testing.assert_allclose(uit["oi_index"], analyse.match()["oi_index"])


def test_groot_onderhoud_weighting_factors_follow_the_formula(analyse: Analyse) -> None:
    uit = weging_analyse(analyse, alfa=0.5, beta=0.5)
    # Nieuw-West: 36% low SES against 30%, judgement 6,1 against 6,5
    assert uit.loc["F", "factor_kwetsbaarheid"] == pytest.approx(1 + 0.5 * (36 / 30 - 1))
    assert uit.loc["F", "factor_oordeel"] == pytest.approx(1 + 0.5 * (6.5 - 6.1))
    assert uit.loc["F", "oi_index"] == pytest.approx(54.39, abs=0.01)
    assert uit.loc["F", "oi_index_gewogen"] == pytest.approx(42.77, abs=0.01)
    assert uit["aandeel_opgave_gewogen"].sum() == pytest.approx(1.0)
    assert uit.loc["M", "oi_index_gewogen"] > uit.loc["M", "oi_index"]  # Oost: judged 6,8


def test_groot_onderhoud_more_weight_for_vulnerability_lowers_nieuw_west(
    analyse: Analyse,
) -> None:
    indices = [
        weging_analyse(analyse, alfa=a, beta=0).loc["F", "oi_index_gewogen"] for a in (0, 0.5, 1, 2)
    ]
    assert indices == sorted(indices, reverse=True)
    assert indices[0] > indices[-1]


def test_groot_onderhoud_weighting_refuses_bad_parameters() -> None:
    args = ({"a": 1.0, "b": 2.0}, {"a": 30.0, "b": 20.0}, {"a": 6.0, "b": 7.0})
    with pytest.raises(InvoerFout, match="alfa moet 0 of groter zijn"):
        weeg_opgave(*args, alfa=-0.1, beta=0)
    with pytest.raises(InvoerFout, match=r"factor_oordeel wordt 0 of negatief voor b \(-0\.50\)"):
        weeg_opgave(*args, alfa=0, beta=3.0)
    with pytest.raises(DataFout, match="geen kwetsbaarheid voor 'b'"):
        weeg_opgave(args[0], {"a": 30.0}, args[2], alfa=1, beta=0)
    with pytest.raises(DataFout, match="waarde ontbreekt voor 'a'"):
        weeg_opgave({"a": np.nan, "b": 1.0}, args[1], args[2], alfa=1, beta=0)


def test_groot_onderhoud_weighting_defaults_to_the_plain_mean() -> None:
    uit = weeg_opgave(
        {"a": 1.0, "b": 1.0}, {"a": 30.0, "b": 10.0}, {"a": 6.0, "b": 7.0}, alfa=1, beta=1
    )
    assert uit["factor_kwetsbaarheid"].to_list() == pytest.approx([1.5, 0.5])
    assert uit["factor_oordeel"].to_list() == pytest.approx([1.5, 0.5])
    voor_na = weging(
        {"a": 1.0, "b": 1.0},
        {"a": 1.0, "b": 1.0},
        {"a": 30.0, "b": 10.0},
        {"a": 6.0, "b": 7.0},
        alfa=1,
        beta=1,
    )
    assert voor_na["oi_index_gewogen"].to_list() == pytest.approx(
        [100 * 0.5 / 0.9, 100 * 0.5 / 0.1]
    )


def test_groot_onderhoud_compensation_for_nieuw_west(analyse: Analyse) -> None:
    m = analyse.match()
    comp = compensatie(m)
    assert list(comp.index) == ["F", "E", "K"]  # every stadsdeel below its share, largest first
    a, b = m.loc["F", "aandeel_inzet"], m.loc["F", "aandeel_opgave"]
    assert comp.loc["F", "herverdelen_pp"] == pytest.approx(100 * (b - a))
    extra = comp.loc["F", "toevoegen_pct"] / 100
    assert (a + extra) / (1 + extra) == pytest.approx(b)  # adding gives exactly its share
    assert comp.loc["F", "toevoegen_pct"] == pytest.approx(16.0, abs=0.1)


def test_groot_onderhoud_context_and_city_values(analyse: Analyse) -> None:
    tabel = context(analyse)
    assert list(tabel.columns[-4:]) == [
        "lage_ses",
        "bewonersoordeel",
        "wijken_onvoldoende",
        "pct_niveau_d",
    ]
    assert tabel.loc["F", "wijken_onvoldoende"] == 5
    assert stadswaarde(analyse, "bewonersoordeel") == 6.5
    tidy = data()
    zonder = Analyse(ACTIVITEIT, tidy[tidy["gebied"] != "Amsterdam"])
    with pytest.warns(OIWaarschuwing, match=r"Amsterdam \(8 van 9 stadsdelen\)"):
        assert stadswaarde(zonder, "bewonersoordeel") == pytest.approx(6.503, abs=0.001)
