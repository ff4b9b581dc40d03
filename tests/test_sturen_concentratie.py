"""Concentration index with its interval and curve (issue 12, item 3): hand-checked."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from oi_core import InvoerFout, concentratie_curve, concentratie_index, concentratie_interval


def _hand(inzet: list[int], bevolking: list[int]) -> tuple[Fraction, Fraction]:
    """C and var(C) with n = number of areas, in exact fractions; areas already sorted from
    the highest to the lowest opgave per inhabitant (Kakwani et al. 1997, grouped data)."""
    f = [Fraction(b, sum(bevolking)) for b in bevolking]
    mu_t = [Fraction(x, b) for x, b in zip(inzet, bevolking, strict=True)]
    mu = sum(fi * m for fi, m in zip(f, mu_t, strict=True))
    r, q, som_f, som_q = [], [], Fraction(0), Fraction(0)
    for fi, m in zip(f, mu_t, strict=True):
        r.append(som_f + fi / 2)
        som_f += fi
        som_q += m * fi / mu
        q.append(som_q)
    c = 2 / mu * sum(fi * m * ri for fi, m, ri in zip(f, mu_t, r, strict=True)) - 1
    q_voor = [Fraction(0), *q[:-1]]
    a = [
        m / mu * (2 * ri - 1 - c) + 2 - qv - qi
        for m, ri, qv, qi in zip(mu_t, r, q_voor, q, strict=True)
    ]
    var = (sum(fi * ai**2 for fi, ai in zip(f, a, strict=True)) - (1 + c) ** 2) / len(f)
    return c, var


def test_three_equal_areas_by_hand() -> None:
    # inzet 3, 2, 1 where the opgave is 3, 2, 1: C = −2/9, se² = (Σf·a² − (7/9)²)/3
    labels = ["a", "b", "c"]
    uit = concentratie_interval(pd.Series([3, 2, 1], labels), pd.Series([3, 2, 1], labels))
    c, var = _hand([3, 2, 1], [1, 1, 1])
    assert c == Fraction(-2, 9)
    assert uit.index == pytest.approx(float(c))
    assert uit.standaardfout == pytest.approx(float(var) ** 0.5)
    assert uit.standaardfout == pytest.approx(0.069290, abs=1e-6)
    assert uit.ondergrens == pytest.approx(-2 / 9 - 1.959964 * 0.069290, abs=1e-5)
    assert uit.significant


def test_weighted_areas_by_hand_and_sign_convention() -> None:
    # opgave per inhabitant ranks b (0,5) before a (0,2) before c (0,1)
    inzet = pd.Series({"a": 40.0, "b": 90.0, "c": 10.0})
    opgave = pd.Series({"a": 20.0, "b": 150.0, "c": 5.0})
    bevolking = pd.Series({"a": 100.0, "b": 300.0, "c": 50.0})
    uit = concentratie_interval(inzet, opgave, bevolking, n=450)
    c, var = _hand([90, 40, 10], [300, 100, 50])
    assert (
        uit.index
        == pytest.approx(float(c))
        == pytest.approx(concentratie_index(inzet, opgave, bevolking))
    )
    assert uit.standaardfout == pytest.approx(float(var * 3 / 450) ** 0.5)
    # b gets 0,3 per inhabitant, a 0,4, c 0,2: no clear concentration on the highest need
    assert uit.ondergrens < uit.index < uit.bovengrens


def test_interval_widens_with_the_level_and_narrows_with_n() -> None:
    x, y = pd.Series([5.0, 3, 2, 1], list("abcd")), pd.Series([4.0, 3, 2, 1], list("abcd"))
    smal, breed = concentratie_interval(x, y, niveau=0.90), concentratie_interval(x, y, niveau=0.99)
    assert breed.bovengrens - breed.ondergrens > smal.bovengrens - smal.ondergrens
    assert concentratie_interval(x, y, n=400).standaardfout == pytest.approx(
        concentratie_interval(x, y).standaardfout / 10
    )


def test_curve_points_and_sign() -> None:
    curve = concentratie_curve(pd.Series({"a": 1.0, "b": 3}), pd.Series({"a": 1.0, "b": 4}))
    assert curve["gebied"].tolist() == ["", "b", "a"]
    assert curve["cumulatief_bevolking"].tolist() == [0.0, 0.5, 1.0]
    assert curve["cumulatief_inzet"].tolist() == [0.0, 0.75, 1.0]
    # above the diagonal: inzet goes to the highest opgave, so the index is negative
    assert concentratie_index({"a": 1.0, "b": 3}, {"a": 1.0, "b": 4}) < 0


def test_bad_input_is_a_dutch_error() -> None:
    with pytest.raises(InvoerFout, match="betrouwbaarheid"):
        concentratie_interval({"a": 1, "b": 2}, {"a": 1, "b": 2}, niveau=95)
    with pytest.raises(InvoerFout, match="waarnemingen"):
        concentratie_interval({"a": 1, "b": 2}, {"a": 1, "b": 2}, n=1)


def test_real_data_groot_onderhoud() -> None:
    from oi_core import activiteit

    analyse = activiteit("groot_onderhoud").analyse()
    x = analyse.values("projectbudget")
    y = analyse.values("aandeel_niveau_d")
    uit = concentratie_interval(x, y)
    assert uit.index == pytest.approx(concentratie_index(x, y))
    assert uit.ondergrens < uit.index < uit.bovengrens


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.floats(0.1, 100), st.floats(0.1, 100), st.floats(1, 1000)),
        min_size=2,
        max_size=12,
    )
)
def test_invariants(rijen: list[tuple[float, float, float]]) -> None:
    labels = [f"g{i}" for i in range(len(rijen))]
    x, y, b = (pd.Series([r[k] for r in rijen], labels) for k in range(3))
    uit = concentratie_interval(x, y, b)
    assert -1 - 1e-9 <= uit.index <= 1 + 1e-9
    assert uit.standaardfout >= 0 and uit.ondergrens <= uit.index <= uit.bovengrens
    curve = concentratie_curve(x, y, b)
    assert np.all(np.diff(curve["cumulatief_inzet"]) >= -1e-12)
    assert curve["cumulatief_inzet"].iloc[-1] == pytest.approx(1.0)
