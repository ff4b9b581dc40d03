"""The shares kernel (``oi_core.rekenen.kern``): its invariants on any valid input, and every
surface (match, the metrics, compensatie, Analyse) giving the kernel's numbers and checks."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from oi_core import DataFout, InvoerFout, MatchFout, aandeel, compensatie, oi_index, verschil_pp
from oi_core.rekenen.kern import BAND, grenzen, signaal, verdeel

_GETAL = st.floats(min_value=1e-3, max_value=1e6, allow_nan=False, allow_infinity=False)


@st.composite
def _paren(draw: st.DrawFn) -> tuple[pd.Series, pd.Series]:
    n = draw(st.integers(min_value=1, max_value=30))
    labels = [f"G{i}" for i in range(n)]
    inzet = draw(st.lists(_GETAL | st.just(0.0), min_size=n, max_size=n))
    if sum(inzet) == 0:
        inzet[0] = 1.0
    opgave = draw(st.lists(_GETAL, min_size=n, max_size=n))
    return pd.Series(inzet, index=labels), pd.Series(opgave, index=labels)


@settings(max_examples=200, deadline=None)
@given(_paren())
def test_shares_sum_to_one_differences_to_zero_and_the_index_is_not_negative(
    paar: tuple[pd.Series, pd.Series],
) -> None:
    v = verdeel(*paar)
    assert v.aandeel_inzet.sum() == pytest.approx(1.0)
    assert v.aandeel_opgave.sum() == pytest.approx(1.0)
    assert v.verschil_pp.sum() == pytest.approx(0.0, abs=1e-9)
    assert (v.oi_index >= 0).all()
    assert ((v.oi_index > 100) == (v.verschil_pp > 0)).all() or np.allclose(v.verschil_pp, 0)


@settings(max_examples=200, deadline=None)
@given(_paren(), st.floats(min_value=1e-3, max_value=1e3), st.floats(min_value=1e-3, max_value=1e3))
def test_the_match_does_not_depend_on_the_unit(
    paar: tuple[pd.Series, pd.Series], a: float, b: float
) -> None:
    inzet, opgave = paar
    gewoon, geschaald = verdeel(inzet, opgave), verdeel(a * inzet, b * opgave)
    np.testing.assert_allclose(geschaald.oi_index, gewoon.oi_index, rtol=1e-9)
    np.testing.assert_allclose(geschaald.verschil_pp, gewoon.verschil_pp, atol=1e-9)
    assert (geschaald.signaal == gewoon.signaal).all() or not np.isclose(
        np.abs(gewoon.oi_index - 100), 100 * BAND
    ).any()


@settings(max_examples=200, deadline=None)
@given(_paren(), st.floats(min_value=1e-3, max_value=1e3))
def test_inzet_in_proportion_to_opgave_gives_index_100_everywhere(
    paar: tuple[pd.Series, pd.Series], factor: float
) -> None:
    _, opgave = paar
    v = verdeel(factor * opgave, opgave)
    np.testing.assert_allclose(v.oi_index, 100.0)
    assert (v.signaal == "in verhouding met het aandeel in de opgave").all()
    c = v.compensatie()
    assert c.herverdelen == pytest.approx(0.0, abs=1e-6 * c.totaal)
    assert c.toevoegen == pytest.approx(0.0, abs=1e-6 * c.totaal)


@settings(max_examples=100, deadline=None)
@given(_paren())
def test_compensation_moves_the_shortfall_and_adding_never_costs_less(
    paar: tuple[pd.Series, pd.Series],
) -> None:
    v = verdeel(*paar)
    c = v.compensatie()
    tekort = np.maximum(0.0, v.aandeel_opgave * c.totaal - v.inzet).sum()
    assert c.herverdelen == pytest.approx(tekort)
    assert c.toevoegen >= c.herverdelen - 1e-6 * c.totaal


def test_the_band_is_one_named_constant() -> None:
    assert grenzen() == grenzen(BAND) == pytest.approx((90.0, 110.0))
    assert list(signaal(np.array([89.9, 90.0, 110.0, 110.1]))) == [
        "minder dan het aandeel in de opgave",
        "in verhouding met het aandeel in de opgave",
        "in verhouding met het aandeel in de opgave",
        "meer dan het aandeel in de opgave",
    ]


def test_every_surface_gives_the_kernels_numbers() -> None:
    inzet, opgave = {"A": 30.0, "B": 70.0}, {"A": 50.0, "B": 50.0}
    v = verdeel(inzet, opgave)
    np.testing.assert_allclose(oi_index(inzet, opgave), v.oi_index)
    np.testing.assert_allclose(verschil_pp(inzet, opgave), v.verschil_pp)
    np.testing.assert_allclose(aandeel(inzet), v.aandeel_inzet)
    assert compensatie(inzet, opgave) == v.compensatie()


def test_oi_index_refuses_negative_inzet_like_the_match() -> None:
    with pytest.raises(MatchFout, match=r"inzet is negatief \(-1\) voor gebied 'A'"):
        oi_index({"A": -1.0, "B": 3.0}, {"A": 1.0, "B": 1.0})
    with pytest.raises(MatchFout, match="opgave is 0 voor gebied 'B'"):
        verschil_pp({"A": 1.0, "B": 3.0}, {"A": 1.0, "B": 0.0})


@pytest.mark.parametrize(
    ("waarden", "fout", "tekst"),
    [
        ({"A": -1.0, "B": 3.0}, DataFout, r"waarde is negatief \(-1\) voor gebied 'A'"),
        ({"A": np.nan, "B": 3.0}, DataFout, "waarde ontbreekt voor gebied 'A'"),
        ({"A": 0.0, "B": 0.0}, InvoerFout, "het totaal is 0"),
    ],
)
def test_aandeel_of_one_vector_has_the_kernels_checks(
    waarden: dict[str, float], fout: type[Exception], tekst: str
) -> None:
    with pytest.raises(fout, match=tekst):
        aandeel(waarden)
