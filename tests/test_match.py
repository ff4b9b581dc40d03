"""oi_core.match and the published match figures of the presentation."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from oi_core import MATCH_KOLOMMEN, InvoerFout, MatchFout, match, oi_index, verschil_pp

from .conftest import seed_tabel


def test_columns_and_values_as_specified() -> None:
    uit = match(pd.Series({"A": 30.0, "B": 70.0}), pd.Series({"A": 50.0, "B": 50.0}))
    assert tuple(uit.columns) == MATCH_KOLOMMEN
    assert uit.index.name == "gebied"
    assert uit.loc["A"].to_dict() == {
        "aandeel_inzet": 0.3,
        "aandeel_opgave": 0.5,
        "verschil_pp": pytest.approx(-20.0),
        "oi_index": pytest.approx(60.0),
        "signaal": "minder dan het aandeel in de opgave",
    }
    assert uit.loc["B", "signaal"] == "meer dan het aandeel in de opgave"


def test_accepts_mappings_and_any_labels() -> None:
    uit = match(
        {"Lage SES": 2, "Midden SES": 1, "Hoge SES": 1},
        {"Lage SES": 2, "Midden SES": 1, "Hoge SES": 1},
    )
    assert list(uit.index) == ["Lage SES", "Midden SES", "Hoge SES"]
    assert (uit["signaal"] == "in verhouding met het aandeel in de opgave").all()
    np.testing.assert_allclose(uit["oi_index"], 100.0)


def test_band_decides_the_signal() -> None:
    inzet, opgave = {"A": 105.0, "B": 95.0}, {"A": 100.0, "B": 100.0}
    assert set(match(inzet, opgave, band=0.10)["signaal"]) == {
        "in verhouding met het aandeel in de opgave"
    }
    assert list(match(inzet, opgave, band=0.02)["signaal"]) == [
        "meer dan het aandeel in de opgave",
        "minder dan het aandeel in de opgave",
    ]
    with pytest.raises(InvoerFout, match="band"):
        match(inzet, opgave, band=1.5)


def test_order_of_opgave_does_not_matter() -> None:
    a = match({"A": 1.0, "B": 2.0}, {"B": 1.0, "A": 1.0})
    assert a.loc["A", "oi_index"] == pytest.approx(2 / 3 * 100)


@pytest.mark.parametrize(
    ("inzet", "opgave", "tekst"),
    [
        ({"A": 1.0, "B": 1.0}, {"A": 1.0, "C": 1.0}, "'B' heeft wel inzet maar geen opgave"),
        ({"A": 1.0, "B": 1.0}, {"A": 1.0, "B": 0.0}, "opgave is 0 voor gebied 'B'"),
        ({"A": 1.0, "B": 1.0}, {"A": 1.0, "B": -2.0}, "opgave is -2 voor gebied 'B'"),
        ({"A": -1.0, "B": 1.0}, {"A": 1.0, "B": 1.0}, "inzet is negatief (-1) voor gebied 'A'"),
        ({"A": np.nan, "B": 1.0}, {"A": 1.0, "B": 1.0}, "inzet ontbreekt voor gebied 'A'"),
        ({"A": 1.0, "B": 1.0}, {"A": 1.0, "B": None}, "opgave ontbreekt voor gebied 'B'"),
        ({"A": 0.0, "B": 0.0}, {"A": 1.0, "B": 1.0}, "de totale inzet is 0"),
        ({"A": "veel", "B": 1.0}, {"A": 1.0, "B": 1.0}, "'veel' is geen getal (gebied 'A')"),
    ],
)
def test_bad_input_gives_a_dutch_error_naming_the_area(
    inzet: dict, opgave: dict, tekst: str
) -> None:
    with pytest.raises((MatchFout, ValueError)) as info:
        match(inzet, opgave)
    assert tekst in str(info.value)


def test_every_bad_area_is_named_at_once() -> None:
    with pytest.raises(MatchFout) as info:
        match({"A": -1.0, "B": 1.0, "C": 1.0}, {"A": 1.0, "B": 0.0, "C": 1.0})
    assert len(info.value.bevindingen) == 2


def test_duplicate_areas_are_refused() -> None:
    with pytest.raises(ValueError, match="meer dan eens"):
        match(pd.Series([1.0, 2.0], index=["A", "A"]), pd.Series([1.0, 1.0], index=["A", "A"]))


def test_metric_functions_agree_with_match() -> None:
    inzet = pd.Series({"A": 3.0, "B": 5.0, "C": 2.0})
    opgave = pd.Series({"A": 1.0, "B": 1.0, "C": 2.0})
    uit = match(inzet, opgave)
    pd.testing.assert_series_equal(
        uit["oi_index"], oi_index(inzet, opgave), check_names=False, check_index_type=False
    )
    pd.testing.assert_series_equal(
        uit["verschil_pp"], verschil_pp(inzet, opgave), check_names=False, check_index_type=False
    )


# -- the published figures ------------------------------------------------------------
def _interval(f: pd.Series, b: pd.Series) -> tuple[pd.Series, pd.Series]:
    """OI-index bounds when both shares are whole percents rounded half a point."""
    return 100 * (f - 0.5) / (b + 0.5), 100 * (f + 0.5) / (b - 0.5)


def _gepubliceerd(bestand: str) -> pd.DataFrame:
    return seed_tabel(bestand).query("stadsdeel != 'Amsterdam'").set_index("stadsdeel")


def test_straatreiniging_difference_is_exactly_the_difference_of_published_shares() -> None:
    d = _gepubliceerd("straatreiniging_stadsdelen.csv")
    pd.testing.assert_series_equal(
        d["fte_pct"] - d["bewoners_bezoekers_pct"], d["verschil_pp"].astype(int), check_names=False
    )
    uit = match(d["fte_pct"], d["bewoners_bezoekers_pct"])
    # published shares sum to 100 and 101; match normalises them, which moves no pp across rounding
    assert (uit["verschil_pp"].round() == d["verschil_pp"]).all()


def test_straatreiniging_index_lies_within_the_rounding_interval() -> None:
    d = _gepubliceerd("straatreiniging_stadsdelen.csv")
    laag, hoog = _interval(d["fte_pct"], d["bewoners_bezoekers_pct"])
    assert ((d["index"] >= laag - 0.5) & (d["index"] <= hoog + 0.5)).all()
    uit = match(d["fte_pct"], d["bewoners_bezoekers_pct"])
    assert ((uit["oi_index"] >= laag) & (uit["oi_index"] <= hoog)).all()
    assert (abs(uit["oi_index"] - d["index"]) < 2).all()  # our index from rounded shares


def test_groot_onderhoud_difference_is_exactly_the_difference_of_published_shares() -> None:
    d = _gepubliceerd("groot_onderhoud_stadsdelen.csv")
    verschil = d["projectbudget_2025_2028_pct"] - d["aandeel_opp_niveau_d_pct"]
    pd.testing.assert_series_equal(verschil, d["verschil_pp"].astype(int), check_names=False)


def test_groot_onderhoud_index_within_rounding_interval_except_west() -> None:
    """West's published OI-index 80 cannot come from a 7% budget share and a 10% share of
    pavement at level D: even at the rounding extremes (7.5% / 9.5%) the index is at most
    78.9. The other seven published indices lie within their intervals."""
    d = _gepubliceerd("groot_onderhoud_stadsdelen.csv")
    laag, hoog = _interval(d["projectbudget_2025_2028_pct"], d["aandeel_opp_niveau_d_pct"])
    binnen = (d["oi_index"] >= laag - 0.5) & (d["oi_index"] <= hoog + 0.5)
    assert list(binnen[~binnen].index) == ["West"]
    assert round(hoog["West"], 1) == 78.9 and d.loc["West", "oi_index"] == 80
    uit = match(d["projectbudget_2025_2028_pct"], d["aandeel_opp_niveau_d_pct"])
    assert ((uit["oi_index"] >= laag) & (uit["oi_index"] <= hoog)).all()
    assert uit["signaal"].to_dict()["N-West"] == "minder dan het aandeel in de opgave"


def test_index_interval_is_a_core_metric() -> None:
    from oi_core import index_interval

    uit = index_interval({"West": 7.0}, {"West": 10.0})
    assert round(uit.loc["West", "ondergrens"], 1) == 61.9
    assert round(uit.loc["West", "bovengrens"], 1) == 78.9
    with pytest.raises(InvoerFout, match="hele procenten"):
        index_interval({"x": 0.14}, {"x": 0.26})
