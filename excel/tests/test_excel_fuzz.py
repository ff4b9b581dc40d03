"""Fuzzing every registered Excel function (issue 10, item 9, the Excel half).

Hypothesis draws argument lists as Excel could send them — 2-D grids (ragged too) of
``None``, ``""``, text, floats including NaN, ±infinity, ±1e308 and 5e-324, booleans and
Excel error values, fewer or more arguments than declared — and calls each function
through :func:`oi_excel.conversie.call_function`, the path of the add-in and xlwings
Server. Exactly two outcomes are allowed:

- a finite, JSON-clean result that satisfies the method's invariants (shares sum to 1,
  differences to 0, every index ≥ 0, a concentration index in [−1, 1]); or
- a user-mistake error (:class:`~oi_core.OIFout`, not an :class:`~oi_core.errors.InterneFout`).

The number of examples per function is bounded for CI (``OI_FUZZ_VOORBEELDEN``, default
25); set it higher for a longer run on demand, e.g. ``OI_FUZZ_VOORBEELDEN=2000``.
"""

from __future__ import annotations

import json
import math
import os
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from oi_excel.conversie import call_function, in_culture

from oi_core import ExcelFunctie, excel_functies
from oi_core.errors import InterneFout, OIFout

pytestmark = pytest.mark.betrouwbaarheid

VOORBEELDEN = int(os.environ.get("OI_FUZZ_VOORBEELDEN", "25"))

BIJZONDERE_GETALLEN = [
    0.0, -0.0, 1.0, -1.0, 2.5, 100.0, 1e-300, 5e-324, 1e100, 1e101, 1e308, -1e308,
    math.inf, -math.inf, math.nan,
]  # fmt: skip
TEKSTEN = [
    "A", "B", "Noord", "Centrum", "GF07", "GK11", "1.234", "7,2", "1.234,5", "47%", "−3",
    "€ 1.200", "1e400", "x", "hoger", "lager", "neutraal", "stadsdeel", "wijk", "doelgroep",
    "=1+1", "\t=cmd", " ", "straatreiniging", "nan", "inf", "WAAR",
]  # fmt: skip
FOUTWAARDEN = ["#N/A", "#DEEL/0!", "#WAARDE!", "#VALUE!", "#REF!", "#GETAL!"]

cellen = st.one_of(
    st.none(),
    st.just(""),
    st.sampled_from(BIJZONDERE_GETALLEN),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(-(10**6), 10**6),
    st.booleans(),
    st.sampled_from(TEKSTEN),
    st.sampled_from(FOUTWAARDEN),
    st.text(max_size=6),
)


def _grid(n: int) -> st.SearchStrategy[Any]:
    """A range as Excel sends it: a column or row of ``n`` cells, a ragged block or a scalar."""
    kolom = st.lists(cellen, min_size=n, max_size=n).map(lambda v: [[c] for c in v])
    getallen = st.lists(st.floats(0, 1e6, allow_nan=False), min_size=n, max_size=n).map(
        lambda v: [[c] for c in v]
    )
    rij = st.lists(cellen, min_size=1, max_size=n + 1).map(lambda v: [v])
    blok = st.lists(st.lists(cellen, min_size=0, max_size=3), min_size=1, max_size=4)
    return st.one_of(getallen, getallen, kolom, rij, blok, cellen)


@st.composite
def _random(draw: st.DrawFn, functie: ExcelFunctie) -> list[Any]:
    aantal = len(functie.argumenten)
    n = draw(st.integers(1, 6))
    lengte = draw(st.integers(max(0, aantal - 1), aantal + 2))
    return [draw(_grid(n)) for _ in range(lengte)]


def _plausible_argument(soort: str, n: int, optioneel: bool) -> st.SearchStrategy[Any]:
    """An argument of the declared kind and length: numbers ≥ 0, distinct labels."""
    getallen = st.lists(st.floats(0, 1e6), min_size=n, max_size=n)
    vormen: dict[str, st.SearchStrategy[Any]] = {
        "getallen": getallen.map(lambda v: [[c] for c in v]),
        "teksten": st.permutations(["A", "B", "C", "D", "E", "F"]).map(
            lambda v: [[c] for c in v[:n]]
        ),
        "getal": st.one_of(st.none(), st.floats(0.001, 0.5)),
        "tekst": st.one_of(st.none(), st.sampled_from(TEKSTEN)),
        "getallentabel": st.lists(
            st.lists(st.floats(0, 1e6), min_size=2, max_size=2), min_size=n, max_size=n
        ),
    }
    vorm = vormen.get(soort, st.none())
    return st.one_of(st.none(), vorm) if optioneel else vorm


@st.composite
def _plausible(draw: st.DrawFn, functie: ExcelFunctie) -> list[Any]:
    """Arguments of the right kinds and lengths, then perhaps one cell replaced at random."""
    n = draw(st.integers(1, 6))
    args = [draw(_plausible_argument(a.soort, n, a.optioneel)) for a in functie.argumenten]
    bereiken = [i for i, a in enumerate(args) if isinstance(a, list) and a and a[0]]
    if bereiken and draw(st.booleans()):
        i = draw(st.sampled_from(bereiken))
        r = draw(st.integers(0, len(args[i]) - 1))
        args[i][r][0] = draw(cellen)
    return args


def _arguments(functie: ExcelFunctie) -> st.SearchStrategy[list[Any]]:
    return st.one_of(_random(functie), _plausible(functie), _plausible(functie))


def _numbers(uit: list[list[Any]]) -> np.ndarray:
    return np.array([v for r in uit for v in r if isinstance(v, float | int)], dtype=float)


def _column(uit: list[list[Any]], kop: str) -> np.ndarray:
    j = uit[0].index(kop)
    return np.array([r[j] for r in uit[1:]], dtype=float)


def _check_invariants(naam: str, uit: list[list[Any]]) -> None:
    json.dumps(uit, allow_nan=False)  # JSON-clean: no NaN, no infinity, plain types
    for r in uit:
        for v in r:
            assert v is None or isinstance(v, str | bool | int | float), type(v)
    if naam == "OI_AANDEEL":
        assert math.isclose(_numbers(uit).sum(), 1.0, rel_tol=1e-9)
        assert (_numbers(uit) >= 0).all()
    elif naam == "OI_VERSCHIL":
        assert abs(_numbers(uit).sum()) <= 1e-6
    elif naam == "OI_INDEX":
        assert (_numbers(uit) >= 0).all()
    elif naam == "OI_MATCH":
        _check_match(uit)
    elif naam == "OI_CONCENTRATIE":
        (c,) = _numbers(uit)
        assert -1.0 - 1e-9 <= c <= 1.0 + 1e-9


def _check_match(uit: list[list[Any]]) -> None:
    assert math.isclose(_column(uit, "Aandeel inzet").sum(), 1.0, rel_tol=1e-9)
    assert math.isclose(_column(uit, "Aandeel opgave").sum(), 1.0, rel_tol=1e-9)
    assert abs(_column(uit, "Verschil (procentpunt)").sum()) <= 1e-6
    assert (_column(uit, "OI-index") >= 0).all()


def _outcome(naam: str, args: list[Any], cultuur: str | None) -> str:
    functie = excel_functies()[naam]
    try:
        with in_culture(cultuur):
            uit = call_function(functie, args)
    except InterneFout as fout:  # a defect: the third outcome
        raise AssertionError(f"{naam}{tuple(args)!r}: {fout}") from fout.__cause__
    except OIFout:
        return "fout"
    _check_invariants(naam, uit)
    return "uitkomst"


NAMEN = sorted(excel_functies())


@pytest.mark.parametrize("naam", NAMEN)
def test_only_a_result_or_a_user_mistake(naam: str) -> None:
    functie = excel_functies()[naam]

    @settings(
        max_examples=VOORBEELDEN,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(args=_arguments(functie), cultuur=st.sampled_from([None, "nl-NL", "en-US"]))
    def fuzz(args: list[Any], cultuur: str | None) -> None:
        _outcome(naam, args, cultuur)

    fuzz()


def test_the_fuzz_reaches_both_outcomes() -> None:
    """The strategy is not all errors: valid numbers reach the invariants too."""
    assert _outcome("OI_MATCH", [[["A"], ["B"]], [[1.0], [2.0]], [[2.0], [1.0]]], None) == (
        "uitkomst"
    )
    assert _outcome("OI_MATCH", [[["A"], ["A"]], [[1.0], [2.0]], [[2.0], [1.0]]], None) == "fout"
