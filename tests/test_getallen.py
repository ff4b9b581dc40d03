"""The one number parser (issue 10, item 1): cultures, columns read consistently, limits."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from oi_core.invoer.bestanden import numbers_column, read_table
from oi_core.invoer.getallen import (
    EN_US,
    NL_NL,
    GetalFout,
    KolomFout,
    cultuur,
    cultuur_uit_excel,
    formulas_without_value,
    parse_amount,
    parse_column,
    parse_number,
)

pytestmark = pytest.mark.betrouwbaarheid


# -- cultures --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("1.234", 1234.0),
        ("1.234,5", 1234.5),
        ("€ 1.234", 1234.0),
        ("€\u00a01.234,50", 1234.5),
        ("47%", 0.47),
        ("47,5%", 0.475),
        ("\u22123", -3.0),
        ("-3", -3.0),
        ("12.345.678", 12345678.0),
        ("0,5", 0.5),
        (",5", 0.5),
        ("1234,5", 1234.5),
        ("1,5e3", 1500.0),
    ],
)
def test_dutch(tekst: str, verwacht: float) -> None:
    assert parse_number(tekst, NL_NL) == pytest.approx(verwacht)


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [("1,234", 1234.0), ("1,234.5", 1234.5), ("$ 1,234", 1234.0), ("47%", 0.47), ("2.5", 2.5)],
)
def test_american(tekst: str, verwacht: float) -> None:
    assert parse_number(tekst, EN_US) == pytest.approx(verwacht)


@pytest.mark.parametrize("tekst", ["2.5", "1.23", "1,234.5", "1.2.3"])
def test_dutch_refuses_what_it_cannot_mean(tekst: str) -> None:
    with pytest.raises(GetalFout, match=r"geen getal in de notatie nl-NL \(1\.234,5\)"):
        parse_number(tekst, NL_NL)


def test_culture_names_from_office() -> None:
    assert cultuur("nl-NL") == NL_NL
    assert cultuur("en-US") == EN_US
    assert cultuur("nl-BE") is not None and cultuur("nl-BE").decimaal == ","  # type: ignore[union-attr]
    assert cultuur("en-GB").decimaal == "."  # type: ignore[union-attr]
    assert cultuur("fr-FR").duizend == " "  # type: ignore[union-attr]
    assert cultuur("de-CH").decimaal == "."  # type: ignore[union-attr]
    assert cultuur(None) is None and cultuur("") is None and cultuur("??") is None


class _Excel:
    """Stands in for the classic add-in's Application (International(3), International(4))."""

    def __init__(self, decimaal: str, duizend: str) -> None:
        self.waarden = {3: decimaal, 4: duizend}

    def International(self, i: int) -> str:  # noqa: N802 (the COM name)
        return self.waarden[i]


def test_culture_from_the_classic_add_in() -> None:
    nl = cultuur_uit_excel(_Excel(",", "."))
    assert nl is not None and parse_number("1.234", nl) == 1234.0
    assert cultuur_uit_excel(_Excel(".", ",")) is not None
    assert cultuur_uit_excel(object()) is None  # no Excel: sniff
    assert cultuur_uit_excel(_Excel(",", ",")) is None


# -- a column read consistently --------------------------------------------------------------
def test_a_column_without_culture_is_sniffed() -> None:
    np.testing.assert_array_equal(parse_column(["1.234", "2,5"]), [1234.0, 2.5])
    np.testing.assert_array_equal(parse_column(["1.234", "2.5"]), [1.234, 2.5])
    np.testing.assert_array_equal(parse_column(["1,234", "2.5"]), [1234.0, 2.5])
    np.testing.assert_array_equal(parse_column(["0.125", "0.250"]), [0.125, 0.25])
    np.testing.assert_array_equal(parse_column(["1.234.567"]), [1234567.0])


def test_ambiguous_thousands_are_refused_with_the_cell() -> None:
    with pytest.raises(KolomFout) as fout:
        parse_column(["12", "1.234", "5.678"])
    assert fout.value.fouten[0][0] == 1
    assert "'1.234' kan 1234 of 1,234" in fout.value.fouten[0][1]


def test_mixed_decimal_marks_are_refused_with_the_cell() -> None:
    with pytest.raises(KolomFout) as fout:
        parse_column(["7,2", "3", "2.5"])
    assert fout.value.fouten == ((2, fout.value.fouten[0][1]),)
    assert "ander decimaalteken" in str(fout.value)


def test_percentages_and_plain_numbers_do_not_mix() -> None:
    np.testing.assert_allclose(parse_column(["47%", "53%"]), [0.47, 0.53])
    with pytest.raises(KolomFout, match=r"'47%' is een percentage in een kolom met gewone"):
        parse_column(["47%", 53.0, 12.0])
    with pytest.raises(KolomFout, match=r"'53' staat zonder %-teken"):
        parse_column(["47%", "53", "12%"])
    with pytest.raises(KolomFout, match="zonder %-teken"):
        parse_column(["47%", "53"], procent="weigeren")


@pytest.mark.parametrize(
    ("waarde", "melding"),
    [
        (math.inf, "te groot of oneindig"),
        (-math.inf, "te groot of oneindig"),
        (1e308, "te groot of oneindig"),
        ("1e400", "te groot of oneindig"),
        ("-1e101", "te groot of oneindig"),
        (True, "waar/onwaar"),
        (np.bool_(False), "waar/onwaar"),
        ("#N/A", "Excel-foutwaarde #N/A"),
        ("#GETAL!", "Excel-foutwaarde #GETAL!"),
        ("inf", "'inf' is geen getal"),
        ("nan", "'nan' is geen getal"),
        ("7,2,1", "'7,2,1' is geen getal"),
        ("€", "geen getal"),
    ],
)
def test_refused(waarde: object, melding: str) -> None:
    with pytest.raises(GetalFout, match=melding):
        parse_number(waarde)
    with pytest.raises(KolomFout, match=melding):
        parse_column([1.0, waarde])


def test_empty_is_missing_and_every_bad_cell_is_listed() -> None:
    assert np.isnan(parse_column([None, "", " ", math.nan])).all()
    with pytest.raises(KolomFout) as fout:
        parse_column(["x", 1.0, True, "#N/A", 2.0])
    assert [i for i, _ in fout.value.fouten] == [0, 2, 3]


def test_parse_amount_refuses_the_percent_sign() -> None:
    assert parse_amount("47") == 47.0
    with pytest.raises(GetalFout, match="zonder %-teken"):
        parse_amount("47%")


# -- invariants --------------------------------------------------------------------------------
def _nl(x: float) -> str:
    return f"{x:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")


bedragen = st.floats(-1e12, 1e12, allow_nan=False).map(lambda x: round(x, 2))


@settings(max_examples=200, deadline=None)
@given(st.lists(bedragen, min_size=1, max_size=30))
def test_written_in_a_culture_read_back_the_same(getallen: list[float]) -> None:
    nl = parse_column([_nl(x) for x in getallen], NL_NL)
    en = parse_column([f"{x:,.2f}" for x in getallen], EN_US)
    np.testing.assert_allclose(nl, getallen, rtol=1e-12, atol=1e-9)
    np.testing.assert_array_equal(nl, en)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.one_of(st.none(), st.floats(allow_nan=True), st.booleans(), st.text(max_size=8)))
)
def test_a_column_is_finite_or_refused(cellen: list[object]) -> None:
    try:
        uit = parse_column(cellen)
    except KolomFout as fout:
        assert fout.fouten and all(0 <= i < len(cellen) for i, _ in fout.fouten)
        return
    assert uit.shape == (len(cellen),)
    assert not np.isinf(uit).any() and (np.abs(uit[~np.isnan(uit)]) <= 1e100).all()


# -- files: a Dutch CSV in cp1252 and its UTF-8 twin --------------------------------------------
TABEL = "stadsdeel;inzet\nCentrum;€ 1.234,50\nNoord;2.345,00\nWeesp (café);345,25\n"


def test_cp1252_csv_gives_the_same_numbers_as_its_utf8_twin(tmp_path: Path) -> None:
    ansi, utf8 = tmp_path / "ansi.csv", tmp_path / "utf8.csv"
    ansi.write_bytes(TABEL.encode("cp1252"))
    utf8.write_bytes(TABEL.encode("utf-8-sig"))
    a, u = read_table(ansi), read_table(utf8)
    assert list(a["stadsdeel"]) == list(u["stadsdeel"]) == ["Centrum", "Noord", "Weesp (café)"]
    np.testing.assert_array_equal(numbers_column(a, "inzet"), [1234.5, 2345.0, 345.25])
    np.testing.assert_array_equal(numbers_column(a, "inzet"), numbers_column(u, "inzet"))


def test_a_dutch_thousands_column_in_a_csv(tmp_path: Path) -> None:
    """A `#.##0` column saved by Dutch Excel: read as thousands once the column says so."""
    pad = tmp_path / "m2.csv"
    pad.write_text("gebied;m2\nA;1.234\nB;12,5\nC;2.000\n", encoding="utf-8")
    np.testing.assert_array_equal(numbers_column(read_table(pad), "m2"), [1234.0, 12.5, 2000.0])
    pad.write_text("gebied;m2\nA;1.234\nB;2.000\n", encoding="utf-8")
    with pytest.raises(Exception, match=r"rij 2, kolom 'm2': '1.234' kan 1234 of 1,234"):
        numbers_column(read_table(pad), "m2")


# -- formula cells without a cached value ------------------------------------------------------
def test_formula_cells_without_a_cached_value_are_found(tmp_path: Path) -> None:
    import zipfile

    pad = tmp_path / "formules.xlsx"
    blad = (
        b'<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c>'
        b'<c r="B1"><f>A1*2</f><v>2</v></c><c r="C1"><f>A1*3</f></c>'
        b'<c r="D1" t="str"><f>A1&amp;"x"</f><v></v></c></row></sheetData></worksheet>'
    )
    with zipfile.ZipFile(pad, "w") as z:
        z.writestr("xl/worksheets/sheet1.xml", blad)
    assert formulas_without_value(pad, "xl/worksheets/sheet1.xml") == ["C1", "D1"]


def test_activity_data_text_is_read_one_way_per_column() -> None:
    """`oi rapport --data`: the waarde column of a tidy table is read as one column."""
    from oi_core import DataFout, activiteit, validate_data

    reg = activiteit("straatreiniging")
    data = reg.data().head(4).copy()
    data["waarde"] = ["1.234,5", "7,5", "12", "3"]
    np.testing.assert_array_equal(
        validate_data(data, reg.activiteit)["waarde"], [1234.5, 7.5, 12.0, 3.0]
    )
    data["waarde"] = ["2.5", "7,5", "12", "3"]
    with pytest.raises(DataFout, match="ander decimaalteken"):
        validate_data(data, reg.activiteit)


# -- the one-step road for columns of numbers (what Excel and the Excel server send) ---------
getalcel = st.one_of(
    st.none(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e120, max_value=1e120),
    st.integers(-(10**30), 10**30),
    st.just(10**400),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(getalcel, max_size=12))
def test_numbers_in_one_step_read_as_cell_by_cell(cellen: list[object]) -> None:
    """The one-step road for numbers and empty cells gives the floats of the cell-by-cell
    road, or leaves the cells to it (which names a number out of range)."""
    from oi_core.invoer.getallen import _all_numbers, _parse_cells

    snel = _all_numbers(cellen)
    try:
        verwacht = _parse_cells(np.asarray(cellen, dtype=object), None, "toestaan")
    except KolomFout:  # a number out of range (10^400 too) is named there
        assert snel is None
        return
    if snel is not None:
        np.testing.assert_array_equal(snel, verwacht)
        assert snel.dtype == verwacht.dtype == np.float64


@pytest.mark.parametrize("cellen", [[1.0, True], [1.0, "2"], [[1.0]]])
def test_other_cells_go_cell_by_cell(cellen: list[object]) -> None:
    from oi_core.invoer.getallen import _all_numbers

    assert _all_numbers(cellen) is None


def test_numpy_numbers_in_one_step_and_never_the_callers_array() -> None:
    from oi_core.invoer.getallen import _all_numbers

    eigen = np.array([1.0, 2.5])
    uit = parse_column(eigen)
    uit[0] = 9.0
    assert eigen[0] == 1.0
    np.testing.assert_array_equal(_all_numbers([np.float64(1.0), np.int64(2)]), [1.0, 2.0])


@pytest.mark.parametrize("getal", [10**400, -(10**400)])
def test_an_integer_past_the_float_range_is_named_as_too_large(getal: int) -> None:
    with pytest.raises(KolomFout) as fout:
        parse_column([1.0, getal, None])
    tekst = str(getal)[:8] + "… (401 cijfers)"
    melding = f"'{tekst}' is te groot of oneindig; een getal mag hoogstens 10^100 zijn"
    assert fout.value.fouten == ((1, melding),)
