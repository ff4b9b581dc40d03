"""Significance and suppression in tov_gemiddelde and stapeling (issue 12, item 4)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from oi_core import DataFout, InvoerFout, stapeling, tov_gemiddelde
from oi_core.rekenen.kleuring import _klassen

WAARDEN = pd.Series({"A": 60.0, "B": 58.0, "C": 40.0, "D": 42.0})
# average 50; se(A) = √(60·40/100) = 4,899; 1,96·se = 9,60 < 10: significant
# se(B) = √(58·42/100) = 4,936; 1,96·se = 9,67 > 8: not significant


def test_sample_size_makes_small_differences_average() -> None:
    n = pd.Series({"A": 100, "B": 100, "C": 100, "D": 400})
    zonder = tov_gemiddelde(WAARDEN)
    uit = tov_gemiddelde(WAARDEN, steekproef=n)
    assert zonder["positie"].tolist() == ["boven", "boven", "onder", "onder"]
    assert uit["standaardfout"]["A"] == pytest.approx(math.sqrt(60 * 40 / 100))
    assert uit["significant"].tolist() == [True, False, True, True]
    assert uit["positie"].tolist() == ["boven", "gemiddeld", "onder", "onder"]
    assert uit.loc["B", "teken"] == "" and not uit.loc["B", "sterk"]
    # D: 8 below with n = 400: se = √(42·58/400) = 2,468, 1,96·se = 4,84 < 8
    assert uit.loc["D", "ondergrens"] == pytest.approx(42 - 1.959964 * math.sqrt(42 * 58 / 400))
    assert _klassen(uit).tolist()[1] == "gemiddeld"


def test_margin_and_level() -> None:
    marge = pd.Series({"A": 12.0, "B": 1.0, "C": 1.0, "D": 1.0})
    uit = tov_gemiddelde(WAARDEN, marge=marge)
    assert uit["standaardfout"]["A"] == pytest.approx(12 / 1.959964)
    assert uit.loc["A", "positie"] == "gemiddeld" and uit.loc["B", "positie"] == "boven"
    # an ACS-style margin at 90%: se = marge / 1,645; then 1,96·se = 14,3 > 10
    assert (
        tov_gemiddelde(WAARDEN, marge=marge * 0 + 9, marge_niveau=0.90).loc["A", "positie"]
        == "gemiddeld"
    )
    assert (
        tov_gemiddelde(WAARDEN, marge=marge * 0 + 9, betrouwbaarheid=0.5).loc["A", "positie"]
        == "boven"
    )


def test_suppression_shows_a_dash_and_no_colour() -> None:
    n = pd.Series({"A": 100, "B": 20, "C": 100, "D": 100})
    uit = tov_gemiddelde(WAARDEN, steekproef=n, minimum_waarnemingen=30)
    assert uit.loc["B", "label"] == "–" and uit.loc["B", "positie"] == ""
    assert math.isnan(uit.loc["B", "waarde"]) and bool(uit.loc["B", "onderdrukt"])
    assert _klassen(uit)["B"] == ""
    # the average still counts every area (the city figure is not changed by suppression)
    assert uit["gemiddelde"].iloc[0] == pytest.approx(50.0)


def test_bad_uncertainty_input_is_a_dutch_error() -> None:
    with pytest.raises(InvoerFout, match="steekproefgrootte"):
        tov_gemiddelde(WAARDEN, minimum_waarnemingen=30)
    with pytest.raises(DataFout, match="gebied 'D'"):
        tov_gemiddelde(WAARDEN, steekproef=pd.Series({"A": 1, "B": 1, "C": 1}))
    with pytest.raises(InvoerFout, match="percentage"):
        tov_gemiddelde(WAARDEN * 10, steekproef=pd.Series(100, index=WAARDEN.index))


TABEL = pd.DataFrame({"x": [60.0, 58.0, 40.0, 42.0], "y": [1.0, 2.0, 3.0, 4.0]}, index=list("ABCD"))


def test_stapeling_counts_only_significant_scores() -> None:
    richting = {"x": "hoger_is_beter", "y": "lager_is_beter"}
    zonder = stapeling(TABEL, richting)
    n = pd.DataFrame({"x": [100, 100, 100, 400]}, index=list("ABCD"))
    uit = stapeling(TABEL, richting, steekproef=n)
    # x: C and D below 50, both significant (C: 10 > 9,60; D: 8 > 4,84); y (C and D above
    # its average 2,5, lower is better) has no n: exact
    assert zonder["aantal_slechter"].tolist() == uit["aantal_slechter"].tolist() == [0, 0, 2, 2]
    n.loc["D", "x"] = 100  # D: 8 < 1,96·4,936 = 9,67: no longer worse
    assert stapeling(TABEL, richting, steekproef=n)["aantal_slechter"].tolist() == [0, 0, 2, 1]


def test_stapeling_suppression() -> None:
    n = pd.DataFrame({"x": [100, 100, 10, 100]}, index=list("ABCD"))
    uit = stapeling(
        TABEL,
        {"x": "hoger_is_beter", "y": "lager_is_beter"},
        steekproef=n,
        minimum_waarnemingen=30,
    )
    assert uit["x"].isna().tolist() == [False, False, True, False]
    assert uit["aantal_onderdrukt"].tolist() == [0, 0, 1, 0]
    assert uit.attrs["onderdrukt"] == [("C", "x")]
    # C still worse on y; D on y only (on x 8 < 1,96·4,936 with n = 100)
    assert uit["aantal_slechter"].tolist() == [0, 0, 1, 1]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.floats(1, 99), st.integers(1, 2000)), min_size=2, max_size=15),
    st.integers(0, 500),
)
def test_significance_never_adds_a_position(rijen: list[tuple[float, int]], drempel: int) -> None:
    labels = [f"g{i}" for i in range(len(rijen))]
    x = pd.Series([r[0] for r in rijen], labels)
    n = pd.Series([r[1] for r in rijen], labels)
    zonder = tov_gemiddelde(x)
    uit = tov_gemiddelde(x, steekproef=n, minimum_waarnemingen=drempel)
    veranderd = uit["positie"] != zonder["positie"]
    assert uit.loc[veranderd, "positie"].isin(["gemiddeld", ""]).all()
    assert (uit["onderdrukt"] == (n < drempel)).all()
    assert not np.any(uit["sterk"] & uit["onderdrukt"])
