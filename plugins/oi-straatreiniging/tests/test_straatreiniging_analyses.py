"""Norm check, position against the city, and the differentiatiefactor."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from oi_straatreiniging.analyses import (
    differentiatie,
    normtoets,
    resultaten,
    tekort_tot_norm,
    toevoegen,
    tov_stad,
)

from oi_core import Analyse, InvoerFout


def _invoer(sr_analyse: Analyse) -> tuple[pd.Series, pd.Series, pd.Series]:
    fte = sr_analyse.values("fte_pct")
    bb = sr_analyse.values("bewoners_bezoekers_pct").reindex(fte.index)
    grof = sr_analyse.values("grof_zwerfvuil_pct_min_b").reindex(fte.index)
    return fte, bb, grof


def test_normtoets_and_shortfall() -> None:
    scores = pd.Series({"a": 77.0, "b": 80.0, "c": 91.0, "d": np.nan})
    toets = normtoets(scores, 80)
    assert toets["verschil"].tolist()[:3] == [-3.0, 0.0, 11.0]
    assert toets["haalt_norm"].tolist()[:3] == [False, True, True]
    assert pd.isna(toets.loc["d", "haalt_norm"])
    assert tekort_tot_norm(scores, 80).tolist()[:3] == [3.0, 0.0, 0.0]


@pytest.mark.parametrize("norm", [-1.0, 101.0, 0.8e3])
def test_a_norm_outside_0_100_is_refused(norm: float) -> None:
    with pytest.raises(InvoerFout, match="tussen 0 en 100"):
        normtoets(pd.Series({"a": 80.0}), norm)


def test_position_against_the_published_or_the_computed_city_figure(sr_analyse: Analyse) -> None:
    gepubliceerd = tov_stad(sr_analyse, "grof_zwerfvuil_pct_min_b")
    berekend = tov_stad(sr_analyse, "grof_zwerfvuil_pct_min_b", gepubliceerd=False)
    assert (gepubliceerd["gemiddelde"] == 84).all()
    assert berekend["gemiddelde"].iloc[0] == pytest.approx(83.77, abs=0.01)
    assert gepubliceerd.loc["T", "label"] == "sterk onder" and gepubliceerd.loc["T", "teken"] == "–"
    assert gepubliceerd.loc["K", "teken"] == "+"


def test_resultaten_with_a_stricter_norm(sr_analyse: Analyse) -> None:
    res = resultaten(sr_analyse, 85)
    assert res.attrs["norm"] == 85
    onder = res.index[res["grof_zwerfvuil_pct_min_b_haalt_norm"] == False]  # noqa: E712
    assert sorted(onder) == ["A", "E", "F", "T"]
    assert "bewoners_oordeel_pct_schoon_haalt_norm" not in res.columns  # no norm for opinions


def test_differentiatie_by_residents_and_visitors_keeps_the_total(sr_analyse: Analyse) -> None:
    fte, bb, _ = _invoer(sr_analyse)
    d = differentiatie(fte, bb)
    assert d["fte_nieuw"].sum() == pytest.approx(100.0)
    np.testing.assert_allclose(d["sleutel"], bb / 101)
    assert d.loc["K", "verschuiving_pp"] == pytest.approx(16 / 1.01 - 12)
    assert d.loc["T", "verschuiving_pp"] == pytest.approx(8 / 1.01 - 11)
    assert d["verschuiving_fte"].sum() == pytest.approx(0.0, abs=1e-12)
    assert d.attrs["extra_zonder_korten"] == pytest.approx(7.4455, abs=1e-4)
    assert d.attrs["tekort_gebruikt"] is False


def test_differentiatie_with_a_surcharge_for_the_shortfall(sr_analyse: Analyse) -> None:
    fte, bb, grof = _invoer(sr_analyse)
    d = differentiatie(fte, bb, tekort=tekort_tot_norm(grof), opslag_per_pp=0.05)
    gewicht = bb * (1 + 0.05 * pd.Series({"A": 1.0, "T": 3.0}).reindex(bb.index).fillna(0.0))
    np.testing.assert_allclose(d["sleutel"], gewicht / gewicht.sum())
    assert d["fte_nieuw"].sum() == pytest.approx(100.0)
    assert d.loc["T", "fte_nieuw"] == pytest.approx(100 * 9.2 / 103.45)
    assert d.loc["T", "verschuiving_pp"] < 0  # Zuidoost still has more FTE than its key
    assert d.attrs["tekort_gebruikt"] is True


def test_toevoegen_costs_fte_times_surcharge_times_shortfall(sr_analyse: Analyse) -> None:
    fte, _, grof = _invoer(sr_analyse)
    extra = toevoegen(fte, tekort_tot_norm(grof), 0.05)
    assert extra[extra > 0].round(2).to_dict() == {"A": 1.15, "T": 1.65}


@pytest.mark.parametrize(
    ("kwargs", "melding"),
    [
        ({"opslag_per_pp": 5.0, "tekort": pd.Series({"a": 1.0, "b": 0.0})}, "0,05 = 5%"),
        ({"opslag_per_pp": 0.05}, "vraagt ook de scores"),
        ({"tekort": pd.Series({"a": -1.0, "b": 0.0})}, "niet negatief"),
        ({"tekort": pd.Series({"a": 1.0, "c": 0.0})}, "niet over dezelfde gebieden"),
    ],
)
def test_differentiatie_mistakes_are_refused_in_dutch(
    kwargs: dict[str, object], melding: str
) -> None:
    with pytest.raises(InvoerFout, match=melding):
        differentiatie(pd.Series({"a": 10.0, "b": 5.0}), pd.Series({"a": 1.0, "b": 1.0}), **kwargs)  # type: ignore[arg-type]


def test_differentiatie_refuses_missing_or_zero_inputs() -> None:
    with pytest.raises(InvoerFout, match="ontbreekt voor b"):
        differentiatie(pd.Series({"a": 10.0, "b": np.nan}), pd.Series({"a": 1.0, "b": 1.0}))
    with pytest.raises(InvoerFout, match="meer dan 0"):
        differentiatie(pd.Series({"a": 10.0, "b": 5.0}), pd.Series({"a": 1.0, "b": 0.0}))
    with pytest.raises(InvoerFout, match="negatief"):
        differentiatie(pd.Series({"a": -1.0, "b": 5.0}), pd.Series({"a": 1.0, "b": 1.0}))
