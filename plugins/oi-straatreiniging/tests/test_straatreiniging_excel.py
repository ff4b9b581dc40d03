"""The Excel functions as plain Python: converted arguments in, numbers out."""

from __future__ import annotations

import inspect

import numpy as np
import pytest
from oi_straatreiniging.excel import EXCEL_FUNCTIES, reiniging_fte, reiniging_norm

from oi_core import InvoerFout

FTE = np.array([23, 15, 12, 12, 14, 12, 11, 1], dtype=float)
BB = np.array([25, 15, 9, 13, 13, 16, 8, 2], dtype=float)
GROF = np.array([79, 81, 89, 85, 80, 91, 77, 94], dtype=float)


def test_every_function_and_argument_has_dutch_help() -> None:
    assert [f.naam for f in EXCEL_FUNCTIES] == ["OI_REINIGING_FTE", "OI_REINIGING_NORM"]
    for f in EXCEL_FUNCTIES:
        assert f.beschrijving and f.voorbeeld.startswith(f"={f.naam}(") and f.resultaat
        assert [a.naam for a in f.argumenten] == list(inspect.signature(f.functie).parameters)
        assert all(len(a.beschrijving) > 10 for a in f.argumenten)
        optioneel = [a.optioneel for a in f.argumenten]
        assert optioneel == sorted(optioneel)


def test_fte_by_residents_and_visitors() -> None:
    uit = reiniging_fte(FTE, BB)
    assert list(uit.columns) == ["fte_nieuw", "verschuiving_fte", "verschuiving_pp"]
    assert uit["fte_nieuw"].sum() == pytest.approx(100)
    assert uit["fte_nieuw"].round(2).tolist() == [
        24.75,
        14.85,
        8.91,
        12.87,
        12.87,
        15.84,
        7.92,
        1.98,
    ]


def test_fte_with_scores_and_surcharge() -> None:
    zonder = reiniging_fte(FTE, BB, GROF, None, None)
    met = reiniging_fte(FTE, BB, GROF, 80.0, 0.05)
    assert zonder["fte_nieuw"].equals(reiniging_fte(FTE, BB)["fte_nieuw"])  # opslag 0
    assert met.loc[6, "fte_nieuw"] == pytest.approx(100 * 9.2 / 103.45)


def test_fte_refuses_ranges_that_do_not_fit() -> None:
    with pytest.raises(InvoerFout, match="argument 'bewoners_bezoekers': heeft 7 waarden"):
        reiniging_fte(FTE, BB[:7])
    with pytest.raises(InvoerFout, match="lege cel op rij 2"):
        reiniging_fte(np.array([1.0, np.nan]), np.array([1.0, 1.0]))
    with pytest.raises(InvoerFout, match="0,05 = 5%"):
        reiniging_fte(FTE, BB, GROF, 80.0, 5.0)


def test_norm_difference() -> None:
    assert reiniging_norm(GROF) == [-1, 1, 9, 5, 0, 11, -3, 14]
    assert reiniging_norm(GROF, 85.0)[0] == -6
    with pytest.raises(InvoerFout, match="tussen 0 en 100"):
        reiniging_norm(GROF, 0.8e3)


def test_percent_formatted_scores_are_not_off_by_100() -> None:
    """A range formatted as percentage (79%) arrives as fractions (0,79) (issue 10)."""
    procent = reiniging_norm(GROF)
    assert reiniging_norm(GROF / 100.0) == pytest.approx(procent)
    assert reiniging_norm(GROF / 100.0, 0.8) == pytest.approx(procent)  # norm cell 80%
    assert reiniging_fte(FTE, BB, GROF / 100.0, 0.8, 0.05).equals(
        reiniging_fte(FTE, BB, GROF, 80.0, 0.05)
    )
