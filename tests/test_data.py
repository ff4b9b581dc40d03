"""Tidy data validation: every problem named with its row, in Dutch."""

from __future__ import annotations

import pandas as pd
import pytest

from oi_core import DataFout, to_tidy, validate_data

from .voorbeeld import ACTIVITEIT


def _tabel(*rijen: tuple) -> pd.DataFrame:
    return pd.DataFrame(rijen, columns=["gebied", "jaar", "indicator", "waarde"])


def test_valid_data_is_canonical() -> None:
    uit = validate_data(
        _tabel(("N-West", 2024, "fte", "12,5"), ("Gemiddelde Amsterdam", 2024, "fte", 100)),
        ACTIVITEIT,
    )
    assert uit[["gebied", "naam", "niveau", "jaar", "waarde"]].values.tolist() == [
        ["F", "Nieuw-West", "stadsdeel", 2024, 12.5],
        ["GM0363", "Amsterdam", "gemeente", 2024, 100.0],
    ]
    assert uit["bron_gebied"].tolist() == ["N-West", "Gemiddelde Amsterdam"]


def test_every_problem_is_reported_with_its_row() -> None:
    with pytest.raises(DataFout) as info:
        validate_data(
            _tabel(
                ("Noord", 2024, "fte", 1),
                ("Noord", 2024, "onbekend", 1),  # undeclared indicator
                ("Zuid", 2024, "fte", "veel"),  # not a number
                ("Nergens", 2024, "fte", 1),  # unknown area
                ("Noord", "vorig jaar", "fte", 1),  # not a year
                ("Noord", 2024.0, "fte", 2),  # duplicate of row 1
                ("Oost", 2024, "fte", "47%"),  # percent sign
            ),
            ACTIVITEIT,
        )
    per_rij = {b.rij: (b.kolom, b.melding) for b in info.value.bevindingen}
    assert per_rij[2][0] == "indicator" and "niet gedeclareerd" in per_rij[2][1]
    assert per_rij[3] == ("waarde", "'veel' is geen getal")
    assert per_rij[4][0] == "gebied" and "Onbekend gebied 'Nergens'" in per_rij[4][1]
    assert per_rij[5] == ("jaar", "'vorig jaar' is geen jaartal")
    assert "dubbele rij" in per_rij[6][1] and "rij 1" in per_rij[6][1]
    assert "zonder %-teken" in per_rij[7][1]
    assert 1 not in per_rij
    assert "rij 3, kolom 'waarde': 'veel' is geen getal" in str(info.value)


def test_two_spellings_of_one_area_are_duplicates() -> None:
    with pytest.raises(DataFout, match="dubbele rij"):
        validate_data(
            _tabel(("N-West", 2024, "fte", 1), ("Nieuw-West", 2024, "fte", 2)), ACTIVITEIT
        )


def test_missing_columns_are_named() -> None:
    with pytest.raises(DataFout, match="kolom 'jaar': kolom ontbreekt"):
        validate_data(
            pd.DataFrame({"gebied": ["Noord"], "indicator": ["fte"], "waarde": [1]}), ACTIVITEIT
        )


def test_excel_error_value_is_refused() -> None:
    with pytest.raises(DataFout, match="Excel-foutwaarde #N/A"):
        validate_data(_tabel(("Noord", 2024, "fte", "#N/A")), ACTIVITEIT)


def test_blank_value_is_kept_as_missing_not_zero() -> None:
    uit = validate_data(_tabel(("Noord", 2024, "fte", None)), ACTIVITEIT)
    assert uit["waarde"].isna().all()


def test_row_level_column_overrides_the_activity_level() -> None:
    tabel = _tabel(("FN", 2024, "fte", 1)).assign(niveau="wijk")
    assert validate_data(tabel, ACTIVITEIT)["gebied"].tolist() == ["FN"]
    with pytest.raises(DataFout, match="onbekend niveau 'straat'"):
        validate_data(tabel.assign(niveau="straat"), ACTIVITEIT)


def test_to_tidy_turns_a_wide_seed_table_into_rows() -> None:
    breed = pd.DataFrame(
        {"stadsdeel": ["Centrum", "N-West"], "fte_pct": [23, 15], "leeg": [None, 1]}
    )
    lang = to_tidy(
        breed, gebied="stadsdeel", indicatoren={"fte_pct": "fte", "leeg": "kinderen"}, jaar=2024
    )
    assert lang.values.tolist() == [
        ["Centrum", 2024, "fte", 23],
        ["N-West", 2024, "fte", 15],
        ["N-West", 2024, "kinderen", 1.0],
    ]


def test_rows_can_be_numbered_as_the_sheet_shows_them() -> None:
    with pytest.raises(DataFout) as info:
        validate_data(
            _tabel(("Noord", 2024, "fte", 1), ("Noord", 2024, "fte", 2)), ACTIVITEIT, eerste_rij=2
        )
    assert info.value.bevindingen[0].rij == 3
    assert "staat ook op rij 2" in info.value.bevindingen[0].melding


def test_findings_keep_row_and_column_order_when_values_repeat() -> None:
    """Each distinct value is checked once, yet every row that has it gets its finding,
    in row order and within a row in the order indicator, waarde, jaar, gebied."""
    rijen = [("Nergens", 1800, "onbekend", "veel")] * 3 + [("Noord", 2024, "fte", 1)]
    with pytest.raises(DataFout) as info:
        validate_data(_tabel(*rijen), ACTIVITEIT, eerste_rij=2, blad="Invoer")
    gevonden = [(b.rij, b.kolom) for b in info.value.bevindingen]
    kolommen = ["indicator", "waarde", "jaar", "gebied"]
    assert gevonden == [(rij, kolom) for rij in (2, 3, 4) for kolom in kolommen]
    assert {b.blad for b in info.value.bevindingen} == {"Invoer"}


def test_true_is_not_read_as_the_year_or_amount_one() -> None:
    """A mixed column keeps True apart from 1, as cell by cell checking did."""
    with pytest.raises(DataFout) as info:
        validate_data(_tabel(("Noord", 2024, "fte", 1), ("Zuid", 2024, "fte", True)), ACTIVITEIT)
    assert [(b.rij, b.kolom) for b in info.value.bevindingen] == [(2, "waarde")]
    assert "waar/onwaar" in info.value.bevindingen[0].melding


def test_missing_area_of_each_kind_is_reported_as_written() -> None:
    tabel = _tabel(
        ("Noord", 2024, "fte", 1), (None, 2024, "fte", 1), (float("nan"), 2024, "fte", 2)
    )
    with pytest.raises(DataFout) as info:
        validate_data(tabel, ACTIVITEIT)
    assert [(b.rij, b.kolom) for b in info.value.bevindingen] == [(2, "gebied"), (3, "gebied")]
