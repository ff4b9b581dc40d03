"""Scenarios (``oi_core.scenario``): hand-checked numbers per kind, the trade-off in words,
and the invariants on random allocations (hypothesis)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from oi_core import InvoerFout, MatchFout, OIFout, activiteit, afronden, scenario, uitruil
from oi_core.sturen.scenario import KOLOMMEN_SCENARIO

X = {"A": 60.0, "B": 30.0, "C": 10.0}
Y = {"A": 1.0, "B": 1.0, "C": 2.0}


def jaar(uit: pd.DataFrame, k: int, kolom: str = "inzet") -> np.ndarray:
    return uit.xs(k, level="jaar")[kolom].to_numpy(dtype=float)


# -- hand-checked numbers -----------------------------------------------------------------
def test_herverdelen_without_tempo_reaches_the_target_in_one_year() -> None:
    uit = scenario(X, Y)
    assert list(uit.columns) == list(KOLOMMEN_SCENARIO)
    assert uit.index.names == ["jaar", "gebied"]
    np.testing.assert_allclose(jaar(uit, 0), [60, 30, 10])  # year 0 is today
    np.testing.assert_allclose(jaar(uit, 1), [25, 25, 50])  # 100 · (1, 1, 2) / 4
    np.testing.assert_allclose(jaar(uit, 1, "doel"), [25, 25, 50])
    np.testing.assert_allclose(jaar(uit, 1, "verandering"), [-35, -5, 40])
    np.testing.assert_allclose(jaar(uit, 1, "verandering_pct"), [-700 / 12, -50 / 3, 400])
    np.testing.assert_allclose(jaar(uit, 1, "oi_index"), 100)
    np.testing.assert_allclose(jaar(uit, 0, "oi_index"), [240, 120, 20])
    np.testing.assert_allclose(jaar(uit, 0, "afstand"), [35, 5, -40])
    np.testing.assert_allclose(jaar(uit, 0, "afstand_pct"), [140, 20, -80])


def test_without_tempo_the_path_closes_the_gap_evenly() -> None:
    uit = scenario(X, Y, jaren=4)
    np.testing.assert_allclose(jaar(uit, 1), [60 - 35 / 4, 30 - 5 / 4, 10 + 40 / 4])
    np.testing.assert_allclose(jaar(uit, 2), [60 - 35 / 2, 30 - 5 / 2, 10 + 40 / 2])
    np.testing.assert_allclose(jaar(uit, 4), [25, 25, 50])


def test_basisdeel_gives_part_by_population() -> None:
    # target weights: 0,5 · (2, 1, 1)/4 + 0,5 · (1, 1, 2)/4 = (0,375; 0,25; 0,375)
    uit = scenario(X, Y, bevolking={"A": 2, "B": 1, "C": 1}, basisdeel=0.5)
    np.testing.assert_allclose(jaar(uit, 1, "doel"), [37.5, 25, 37.5])
    np.testing.assert_allclose(jaar(uit, 1, "oi_index"), [150, 100, 75])


def test_tempo_limits_every_area_and_the_smaller_side_sets_what_moves() -> None:
    # C may gain 10% of 10 = 1; A may give 6, B 3: the givers give 1 in the ratio 6 : 3.
    uit = scenario(X, Y, tempo=0.1)
    np.testing.assert_allclose(jaar(uit, 1), [60 - 2 / 3, 30 - 1 / 3, 11])
    # three years: C grows 10% a year (11; 12,1; 13,31)
    drie = scenario(X, Y, tempo=0.1, jaren=3)
    np.testing.assert_allclose(drie.xs("C", level="gebied")["inzet"], [10, 11, 12.1, 13.31])


def test_toevoegen_gives_the_extra_to_the_areas_furthest_below_target() -> None:
    # target 40 each; A (10) and B (20) rise to a common 25 = 0,625 · 40, C keeps 70.
    uit = scenario(
        {"A": 10, "B": 20, "C": 70}, {"A": 1, "B": 1, "C": 1}, vorm="toevoegen", extra=20
    )
    np.testing.assert_allclose(jaar(uit, 1), [25, 25, 70])
    np.testing.assert_allclose(jaar(uit, 1, "doel"), [40, 40, 40])
    # over two years the extra comes in halves: 10 in year 1 (A to 20, B 20), 20 in year 2
    twee = scenario(
        {"A": 10, "B": 20, "C": 70}, {"A": 1, "B": 1, "C": 1}, vorm="toevoegen", extra=20, jaren=2
    )
    np.testing.assert_allclose(jaar(twee, 1), [20, 20, 70])
    np.testing.assert_allclose(jaar(twee, 2), [25, 25, 70])


def test_minimum_is_a_floor_of_the_target_and_of_every_year() -> None:
    # opgave 8 : 1 : 1 gives 80, 10, 10; a minimum of 15 lifts B and C, A keeps the rest.
    uit = scenario({"A": 50, "B": 30, "C": 20}, {"A": 8, "B": 1, "C": 1}, minimum=15)
    np.testing.assert_allclose(jaar(uit, 1, "doel"), [70, 15, 15])
    # the minimum goes before the tempo: C is lifted from 10 to 20 in year 1, and A and B
    # give their 5% (3 and 1,5) plus the remaining 5,5 in the ratio of their room (32 : 3,5)
    met_tempo = scenario(X, Y, minimum=20, tempo=0.05)
    a = 60 - 3 - 32 * 5.5 / 35.5
    np.testing.assert_allclose(jaar(met_tempo, 1), [a, 100 - 20 - a, 20])


def test_a_floor_that_equals_the_target_does_not_divide_by_zero() -> None:
    # found by hypothesis: the lift to the minimum is exactly what the giver has above target
    uit = scenario({"G0": 1, "G1": 4}, {"G0": 1, "G1": 1750}, minimum=0.4375 * 5 / 2)
    np.testing.assert_allclose(jaar(uit, 1), [1.09375, 3.90625])


def test_minimum_per_area() -> None:
    uit = scenario(X, Y, minimum={"A": 30, "B": 0, "C": 0})
    np.testing.assert_allclose(jaar(uit, 1), [30, 70 / 3, 140 / 3])


def test_eenheid_rounds_to_whole_units_with_the_largest_remainder() -> None:
    uit = scenario({"A": 10.0, "B": 20.0, "C": 70.0}, {"A": 1, "B": 1, "C": 1}, eenheid=1)
    np.testing.assert_array_equal(jaar(uit, 1), [34, 33, 33])  # 33,3 each; the tie to A
    # today is rounded first: 10,4 20,3 69,3 → 11 20 69 (A has the largest remainder, 0,4)
    heel = scenario({"A": 10.4, "B": 20.3, "C": 69.3}, {"A": 1, "B": 1, "C": 1}, eenheid=1)
    np.testing.assert_array_equal(jaar(heel, 0), [11, 20, 69])
    np.testing.assert_array_equal(jaar(heel, 1), [34, 33, 33])
    m2 = afronden({"a": 1250, "b": 1340, "c": 410}, 100)
    assert m2.tolist() == [1300, 1300, 400]  # 12,5 13,4 4,1: 29 whole, one more to a (0,5)
    assert afronden({"a": 1.4, "b": 1.4, "c": 1.2}).tolist() == [2, 1, 1]


def test_the_trade_off_in_words() -> None:
    uit = scenario(X, Y, tempo=0.1, jaren=3)
    assert uitruil(uit, eenheid="fte", namen={"A": "Zuid", "C": "Nieuw-West"}) == (
        "Zuid levert 2,4 fte in (−4%), Nieuw-West krijgt 3,3 fte erbij (+33%); in totaal "
        "verschuift 3,3 fte tussen drie gebieden; na drie jaar ligt elke index tussen 27 en 231."
    )
    assert uitruil(scenario(X, Y), eenheid="m²") == (
        "A levert 35 m² in (−58%), C krijgt 40 m² erbij (+400%); in totaal verschuift 40 m² "
        "tussen drie gebieden; na één jaar is elke index 100."
    )
    erbij = scenario(
        {"A": 10, "B": 20, "C": 70}, {"A": 1, "B": 1, "C": 1}, vorm="toevoegen", extra=30
    )
    assert uitruil(erbij, eenheid="fte") == (  # A and B rise to 30 each, C keeps 70
        "A krijgt 20 fte erbij (+200%); er komt in totaal 30 fte bij en geen gebied levert in; "
        "na één jaar ligt elke index tussen 69 en 162."
    )


def test_on_real_data_jgz_with_tempo() -> None:
    analyse = activiteit("jgz").analyse()
    m = analyse.match()
    inzet = analyse.verdeling_inzet()["inzet"]
    uit = scenario(inzet, analyse.opgave()["opgave"], tempo=0.05, jaren=3)
    totaal = inzet.sum()
    for k in range(4):
        assert jaar(uit, k).sum() == pytest.approx(totaal, rel=1e-12)
    np.testing.assert_allclose(jaar(uit, 0, "oi_index"), m["oi_index"].to_numpy())


# -- errors -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("opties", "tekst"),
    [
        ({"vorm": "prioriteren_ontzien"}, "geen vorm voor een scenario; kies herverdelen of"),
        ({"extra": 5}, "extra inzet past bij de vorm toevoegen"),
        ({"basisdeel": 0.3}, "geef ook de bevolking"),
        ({"basisdeel": 1.5, "bevolking": Y}, "basisdeel 1.5 moet tussen 0 en 1"),
        ({"tempo": 0}, "tempo 0 moet groter dan 0"),
        ({"jaren": 0}, "jaren is 0"),
        ({"minimum": 40}, "het minimum kost samen 120,0, meer dan het budget van 100,0"),
        ({"minimum": {"A": 1, "B": 1}}, "gebied 'C' staat wel in inzet maar niet in minimum"),
        ({"eenheid": 0}, "eenheid 0 moet groter dan 0"),
        ({"vorm": "toevoegen", "extra": 60, "tempo": 0.05}, "kies meer jaren, een hoger tempo"),
    ],
)
def test_bad_input_is_refused_in_dutch(opties: dict[str, object], tekst: str) -> None:
    with pytest.raises(OIFout, match=tekst):
        scenario(X, Y, **opties)  # type: ignore[arg-type]


def test_the_kernel_checks_apply() -> None:
    with pytest.raises(MatchFout, match="opgave is 0 voor gebied 'C'"):
        scenario(X, {"A": 1, "B": 1, "C": 0})
    with pytest.raises(MatchFout, match="inzet is negatief"):
        scenario({"A": -1, "B": 1, "C": 1}, Y)


# -- invariants (hypothesis) ----------------------------------------------------------------
_BEDRAG = st.floats(min_value=0.5, max_value=1e4, allow_nan=False, allow_infinity=False)
_OPGAVE = st.floats(min_value=0.1, max_value=1e4, allow_nan=False, allow_infinity=False)


@st.composite
def _verdeling(draw: st.DrawFn, heel: bool = False) -> tuple[pd.Series, pd.Series]:
    n = draw(st.integers(min_value=2, max_value=12))
    labels = [f"G{i}" for i in range(n)]
    bedrag = st.integers(min_value=1, max_value=10_000).map(float) if heel else _BEDRAG
    x = draw(st.lists(bedrag, min_size=n, max_size=n))
    y = draw(st.lists(_OPGAVE, min_size=n, max_size=n))
    return pd.Series(x, index=labels), pd.Series(y, index=labels)


_TEMPO = st.none() | st.floats(min_value=0.01, max_value=0.5)
_JAREN = st.integers(min_value=1, max_value=6)
_OPTIES = settings(max_examples=100, deadline=None)


def _paden(uit: pd.DataFrame) -> np.ndarray:
    jaren = int(uit.index.get_level_values("jaar").max()) + 1
    return uit["inzet"].to_numpy(dtype=float).reshape(jaren, -1)


@_OPTIES
@given(_verdeling(), _TEMPO, _JAREN, st.floats(min_value=0, max_value=1))
def test_herverdelen_is_budget_neutral_every_year(
    paar: tuple[pd.Series, pd.Series], tempo: float | None, jaren: int, basisdeel: float
) -> None:
    x, y = paar
    uit = scenario(x, y, tempo=tempo, jaren=jaren, basisdeel=basisdeel, bevolking=y * 0 + 1)
    np.testing.assert_allclose(_paden(uit).sum(axis=1), x.sum(), rtol=1e-9)


@_OPTIES
@given(_verdeling(), _JAREN)
def test_basisdeel_0_without_tempo_ends_at_index_100_everywhere(
    paar: tuple[pd.Series, pd.Series], jaren: int
) -> None:
    uit = scenario(*paar, jaren=jaren)
    np.testing.assert_allclose(jaar(uit, jaren, "oi_index"), 100, rtol=1e-9)


@_OPTIES
@given(_verdeling(), st.floats(min_value=0.01, max_value=0.5), _JAREN)
def test_the_tempo_cap_is_never_exceeded(
    paar: tuple[pd.Series, pd.Series], tempo: float, jaren: int
) -> None:
    pad = _paden(scenario(*paar, tempo=tempo, jaren=jaren))
    stap = np.abs(np.diff(pad, axis=0))
    assert (stap <= tempo * pad[:-1] * (1 + 1e-9) + 1e-9).all()


@_OPTIES
@given(_verdeling(), _TEMPO, _JAREN, st.sampled_from(["herverdelen", "toevoegen"]))
def test_no_area_moves_away_from_its_target(
    paar: tuple[pd.Series, pd.Series], tempo: float | None, jaren: int, vorm: str
) -> None:
    x, _ = paar
    extra = 0.3 * x.sum() if vorm == "toevoegen" else 0.0
    try:
        uit = scenario(*paar, vorm=vorm, extra=extra, tempo=tempo, jaren=jaren)
    except InvoerFout as fout:  # toevoegen faster than the tempo allows is refused
        assume("tempo" not in str(fout))
        raise
    pad, doel = _paden(uit), jaar(uit, 0, "doel")
    afstand = pad - doel
    tol = 1e-9 * x.sum()
    if vorm == "herverdelen":
        assert (np.abs(afstand[1:]) <= np.abs(afstand[:-1]) + tol).all()
        assert (afstand[1:] * np.sign(afstand[:-1]) >= -tol).all()  # never past the target
    else:  # an area above target keeps its amount; one below never passes it
        assert (np.minimum(afstand[1:], 0) >= np.minimum(afstand[:-1], 0) - tol).all()
        assert (afstand[1:] <= np.maximum(afstand[:-1], 0) + tol).all()


@_OPTIES
@given(_verdeling(), _TEMPO, _JAREN, st.floats(min_value=0.0, max_value=2.0))
def test_toevoegen_never_lowers_an_area_and_spends_the_extra(
    paar: tuple[pd.Series, pd.Series], tempo: float | None, jaren: int, deel: float
) -> None:
    x, y = paar
    extra = deel * x.sum()
    try:
        uit = scenario(x, y, vorm="toevoegen", extra=extra, tempo=tempo, jaren=jaren)
    except InvoerFout as fout:
        assume("tempo" not in str(fout))
        raise
    pad = _paden(uit)
    assert (np.diff(pad, axis=0) >= -1e-9 * x.sum()).all()
    verwacht = x.sum() + extra * np.arange(jaren + 1) / jaren
    np.testing.assert_allclose(pad.sum(axis=1), verwacht, rtol=1e-9)


@_OPTIES
@given(
    _verdeling(heel=True),
    _TEMPO,
    _JAREN,
    st.sampled_from([1.0, 5.0, 100.0]),
    st.sampled_from(["herverdelen", "toevoegen"]),
)
def test_eenheid_gives_whole_units_summing_exactly(
    paar: tuple[pd.Series, pd.Series], tempo: float | None, jaren: int, eenheid: float, vorm: str
) -> None:
    x, y = paar
    x = x * eenheid  # today's amounts are whole units
    extra = eenheid * jaren * 3 if vorm == "toevoegen" else 0.0
    try:
        uit = scenario(x, y, vorm=vorm, extra=extra, tempo=tempo, jaren=jaren, eenheid=eenheid)
    except InvoerFout as fout:
        assume("tempo" not in str(fout))
        raise
    pad = _paden(uit)
    assert (np.mod(pad / eenheid, 1) == 0).all()
    if vorm == "toevoegen":  # rounding never takes an area below today
        assert (pad >= pad[0]).all()
    verwacht = x.sum() + extra * np.arange(jaren + 1) / jaren
    np.testing.assert_array_equal(pad.sum(axis=1), np.round(verwacht / eenheid) * eenheid)


@_OPTIES
@given(_verdeling(), _TEMPO, _JAREN, st.floats(min_value=0, max_value=0.9))
def test_the_minimum_is_respected_every_year(
    paar: tuple[pd.Series, pd.Series], tempo: float | None, jaren: int, deel: float
) -> None:
    x, y = paar
    minimum = deel * x.sum() / len(x)
    pad = _paden(scenario(x, y, minimum=minimum, tempo=tempo, jaren=jaren))
    assert (pad[1:] >= minimum * (1 - 1e-9) - 1e-9).all()
    np.testing.assert_allclose(pad.sum(axis=1), x.sum(), rtol=1e-9)


# -- the command line: oi scenario --------------------------------------------------------
def _oi(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    from oi_core.cli import main

    code = main(list(args))
    uit = capsys.readouterr()
    return code, uit.out, " ".join(uit.err.split())


def test_cli_scenario_json_is_the_core_scenario(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    code, out, err = _oi(capsys, "scenario", "jgz", "--tempo", "0,05", "--jaren", "3", "--json")
    assert code == 0, err
    data = json.loads(out)
    analyse = activiteit("jgz").analyse()
    v = analyse.verdeling()
    kern = scenario(
        pd.Series(v.inzet, index=v.labels),
        pd.Series(v.opgave, index=v.labels),
        tempo=0.05,
        jaren=3,
    )
    assert [r["inzet"] for r in data["scenario"]] == kern["inzet"].tolist()
    assert data["opties"]["tempo"] == 0.05 and data["opties"]["jaren"] == 3
    assert data["uitruil"] == uitruil(
        kern,
        eenheid="fte",
        namen=dict(zip(v.labels, analyse.verdeling_inzet()["naam"], strict=True)),
    )
    assert {r["jaar"] for r in data["scenario"]} == {0, 1, 2, 3}
    assert [s["stap"] for s in data["spectrum"]] == ["oog voor uitgangssituatie"] * 4


def test_cli_scenario_share_takes_a_total(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    code, out, err = _oi(capsys, "scenario", "straatreiniging", "--totaal", "120", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["eenheid"] == "fte" and data["totaal"] == 120
    for k in range(4):  # whole fte (the activity declares 1 fte), exactly 120 every year
        rij = [r["inzet"] for r in data["scenario"] if r["jaar"] == k]
        assert sum(rij) == 120 and all(float(x).is_integer() for x in rij)
    code, out, _ = _oi(capsys, "scenario", "straatreiniging")
    assert code == 0 and "procentpunt" in out  # without a total: percent of the total


def test_cli_scenario_table_and_dutch_errors(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _oi(capsys, "scenario", "bibliotheken", "--jaren", "2", "--tempo", "0,2")
    assert code == 0
    assert "scenario toevoegen" in out and "geen gebied levert in" in out
    assert "Afstand tot doel (%)" in out and "Stap op het spectrum" in out
    code, _, err = _oi(capsys, "scenario", "jgz", "--tempo", "vijf")
    assert code == 1 and "argument '--tempo'" in err and "'vijf' is geen getal" in err
    code, _, err = _oi(capsys, "scenario", "jgz", "--vorm", "toevoegen")
    assert code == 1 and "geef de extra inzet" in err
    code, _, err = _oi(capsys, "scenario", "jgz", "--totaal", "50")
    assert code == 1 and "al een hoeveelheid" in err
    code, _, err = _oi(capsys, "scenario", "jgz", "--vorm", "ontzien")
    assert code == 1 and "geen vorm voor een scenario" in err
    code, out, _ = _oi(capsys, "scenario", "--help")
    hulp = " ".join(out.replace("│", " ").split())
    assert code == 0 and "Reken een scenario door" in hulp and "--tempo" in hulp
    assert "Hoogstens deze verandering per gebied per jaar" in hulp
