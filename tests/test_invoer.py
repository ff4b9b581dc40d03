"""Numbers as people and Excel write them."""

from __future__ import annotations

import math

import numpy as np
import pytest

from oi_core import parse_number
from oi_core.invoer.getallen import GetalFout


@pytest.mark.parametrize(
    ("invoer", "getal"),
    [
        (7.2, 7.2),
        (3, 3.0),
        (np.int64(4), 4.0),
        ("7,2", 7.2),
        ("7.2", 7.2),
        (" 12 ", 12.0),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("1.234.567", 1234567.0),
        ("−3", -3.0),
        ("€ 1.200,00", 1200.0),
        ("47%", 0.47),
        ("12,5%", 0.125),
        ("+4", 4.0),
        ("1e3", 1000.0),
    ],
)
def test_numbers(invoer: object, getal: float) -> None:
    assert parse_number(invoer) == pytest.approx(getal)


@pytest.mark.parametrize("leeg", [None, "", "   ", float("nan")])
def test_blank_is_missing_not_zero(leeg: object) -> None:
    assert math.isnan(parse_number(leeg))


@pytest.mark.parametrize(
    ("invoer", "melding"),
    [
        ("#N/A", "Excel-foutwaarde #N/A"),
        ("#DEEL/0!", "Excel-foutwaarde #DEEL/0!"),
        ("#WAARDE!", "Excel-foutwaarde"),
        ("veel", "'veel' is geen getal"),
        ("7,2,1", "geen getal"),
        (True, "waar/onwaar"),
    ],
)
def test_refused(invoer: object, melding: str) -> None:
    with pytest.raises(GetalFout, match=melding):
        parse_number(invoer)


def test_data_tables_refuse_text_with_a_percent_sign() -> None:
    from oi_core.invoer.getallen import parse_amount

    assert parse_amount("47") == 47.0
    with pytest.raises(GetalFout, match="zonder %-teken"):
        parse_amount("47%")
