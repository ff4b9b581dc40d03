"""Trends and the cumulative shortfall (issue 12, item 5), on constructed multi-year data:
neither the repository nor the shared material holds multi-year figures per area."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from oi_core import DataFout, InvoerFout, cumulatief_tekort, match, oi_index_per_jaar

# m² library per 100 inhabitants, three years (constructed, the Zuidoost question)
M2 = pd.DataFrame(
    {2022: [4.0, 8.0, 6.0], 2023: [5.0, 8.0, 5.0], 2024: [7.0, 6.0, 5.0]},
    index=pd.Index(["Zuidoost", "Zuid", "West"], name="gebied"),
)


def test_shortfall_against_a_fixed_norm_by_hand() -> None:
    uit = cumulatief_tekort(M2, 6.0, prijs=1000.0)
    # Zuidoost: (6−4) + (6−5) + 0 = 3 in 2 years; Zuid: 0; West: 0 + 1 + 1 = 2
    assert uit["tekort"].tolist() == [3.0, 0.0, 2.0]
    assert uit["jaren_onder"].tolist() == [2, 0, 2]
    assert uit["tekort_euro"].tolist() == [3000.0, 0.0, 2000.0]
    assert uit.attrs["per_jaar"].loc["Zuidoost"].tolist() == [2.0, 1.0, 0.0]


def test_shortfall_against_the_yearly_average_and_yearly_price() -> None:
    # averages 6, 6, 6: the same as the fixed norm here
    assert cumulatief_tekort(M2, "gemiddelde")["tekort"].tolist() == [3.0, 0.0, 2.0]
    prijs = pd.Series({2022: 100.0, 2023: 200.0, 2024: 400.0})
    assert cumulatief_tekort(M2, 6, prijs=prijs)["tekort_euro"].tolist() == [400.0, 0.0, 600.0]
    per_gebied = pd.Series({"Zuidoost": 7.0, "Zuid": 0.0, "West": 0.0})
    assert cumulatief_tekort(M2, per_gebied)["tekort"].tolist() == [3.0 + 2, 0.0, 0.0]
    norm_per_jaar = pd.Series({2022: 5.0, 2023: 5.0, 2024: 8.0})
    assert cumulatief_tekort(M2, norm_per_jaar)["tekort"].tolist() == [1.0 + 1, 2.0, 3.0]


def test_missing_year_and_bad_norm_are_dutch_errors() -> None:
    gat = M2.astype(float).copy()
    gat.loc["Zuid", 2023] = float("nan")
    with pytest.raises(DataFout, match="gebied 'Zuid' in 2023"):
        cumulatief_tekort(gat, 6)
    with pytest.raises(InvoerFout, match="norm"):
        cumulatief_tekort(M2, "mediaan")
    with pytest.raises(InvoerFout, match="prijs"):
        cumulatief_tekort(M2, 6, prijs=pd.Series({2022: 1.0}))


def test_index_per_year_is_the_match_of_each_year() -> None:
    inwoners = pd.Series({"Zuidoost": 90.0, "Zuid": 150.0, "West": 145.0})
    uit = oi_index_per_jaar(M2, inwoners)
    for jaar in M2.columns:
        assert uit.loc[jaar, "oi_index"].tolist() == pytest.approx(
            match(M2[jaar], inwoners)["oi_index"].tolist()
        )
    assert uit.index.names == ["jaar", "gebied"]


@settings(max_examples=50, deadline=None)
@given(arrays(float, (4, 3), elements=st.floats(0, 50)), st.floats(0, 50), st.floats(0, 10))
def test_shortfall_invariants(x: object, norm: float, extra: float) -> None:
    tabel = pd.DataFrame(x, index=list("abcd"), columns=[2021, 2022, 2023])
    laag, hoog = cumulatief_tekort(tabel, norm), cumulatief_tekort(tabel, norm + extra)
    assert (laag["tekort"] >= 0).all()
    assert (hoog["tekort"] >= laag["tekort"] - 1e-9).all()
    assert (laag["jaren_onder"] <= 3).all()
