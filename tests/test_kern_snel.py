"""The fast paths of the core (issue 14): each gives exactly what the full path gives.

``verdeel`` checks with a few reductions and runs the full, area-naming checks only when
one of them doubts; ``validate_data`` finds duplicate rows on integer keys and spreads text
columns by a take; small Series are built without the generic name setter. Here each fast
path is held against the slow one on real data and on drawn input.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from oi_core import DataFout, Gebiedsindeling, MatchFout, OIFout, per, validate_data
from oi_core.rekenen.frames import als_getallen, reeks
from oi_core.rekenen.kern import _check_finite, _check_values, verdeel

from .voorbeeld import ACTIVITEIT

_WAARDE = st.one_of(
    st.floats(min_value=-5, max_value=1e6),
    st.just(0.0),
    st.just(np.nan),
    st.just(np.inf),
    st.just(1e308),
    st.just(5e-324),
)


def _volledig(x: pd.Series, y: pd.Series) -> str | None:
    """The full checks of the kernel on their own: the message they raise, or None."""
    try:
        xv, yv = x.to_numpy(float), y.to_numpy(float)
        _check_values(x.index, xv, yv)
        _check_finite(x.index, xv, yv)
    except MatchFout as fout:
        return str(fout)
    return None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_WAARDE, _WAARDE), min_size=1, max_size=12))
def test_verdeel_refuses_exactly_what_the_full_checks_refuse(
    paren: list[tuple[float, float]],
) -> None:
    labels = [f"G{i}" for i in range(len(paren))]
    x = pd.Series([p[0] for p in paren], index=labels)
    y = pd.Series([p[1] for p in paren], index=labels)
    verwacht = _volledig(x, y)
    if verwacht is None:
        frame = verdeel(x, y).frame()
        assert np.isfinite(frame["oi_index"].to_numpy()).all()
    else:
        with pytest.raises(MatchFout) as info:
            verdeel(x, y)
        assert str(info.value) == verwacht


def test_every_frame_of_one_verdeling_owns_its_numbers() -> None:
    kinderen = Gebiedsindeling.amsterdam().bevolking("buurt", "inwoners_0_14").fillna(0) + 1
    v = verdeel(kinderen * 0 + 1, kinderen)
    eerste, tweede = v.frame(), v.frame()
    pd.testing.assert_frame_equal(eerste, tweede)
    eerste.iloc[0, 0] = -1.0
    assert tweede.iloc[0, 0] != -1.0


def test_als_getallen_is_a_read_only_view_and_leaves_the_series_alone() -> None:
    s = pd.Series([1.0, 2.0], index=["a", "b"])
    v = als_getallen(s)
    with pytest.raises(ValueError, match="read-only"):
        v[0] = 9.0
    assert s.tolist() == [1.0, 2.0]
    assert als_getallen(pd.Series([1, 2])).dtype == np.float64


def test_reeks_sets_the_name_as_the_setter_would() -> None:
    index = pd.Index(["a", "b"], name="gebied")
    pd.testing.assert_series_equal(
        reeks(np.array([1.0, 2.0]), index, "per_100"),
        pd.Series([1.0, 2.0], index=index, name="per_100"),
    )
    with pytest.raises(TypeError):
        reeks(np.array([1.0, 2.0]), index, ["geen", "naam"])  # type: ignore[arg-type]


def test_per_names_a_denominator_that_is_too_small() -> None:
    with pytest.raises(OIFout, match="noemer is te klein voor B"):
        per(pd.Series([1e300, 1e300], index=["A", "B"]), pd.Series([1.0, 1e-300], index=["A", "B"]))
    uit = per(pd.Series([np.nan, 1.0], index=["A", "B"]), pd.Series([1.0, 2.0], index=["A", "B"]))
    assert np.isnan(uit["A"]) and uit["B"] == 50.0


def _tabel(*rijen: tuple[object, ...]) -> pd.DataFrame:
    return pd.DataFrame(rijen, columns=["gebied", "jaar", "indicator", "waarde"])


def test_a_duplicate_written_once_as_code_and_once_as_name_is_found() -> None:
    with pytest.raises(DataFout) as info:
        validate_data(_tabel(("F", 2024, "fte", 1), ("Nieuw-West", 2024, "fte", 2)), ACTIVITEIT)
    assert [b.rij for b in info.value.bevindingen] == [2]
    assert "staat ook op rij 1" in str(info.value)


def test_same_area_in_other_years_or_indicators_is_no_duplicate() -> None:
    uit = validate_data(
        _tabel(("F", 2024, "fte", 1), ("F", 2023, "fte", 2), (" f ", 2025, "fte", 3)),
        ACTIVITEIT,
    )
    assert uit["gebied"].tolist() == ["F", "F", "F"]
    assert uit["bron_gebied"].tolist() == ["F", "F", " f "]
    assert uit["jaar"].dtype == np.int64 and uit["gebied"].dtype == pd.Series(["x"]).dtype
