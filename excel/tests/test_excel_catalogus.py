"""The built-in Excel catalogue and the argument conversion, without any Excel framework."""

from __future__ import annotations

import inspect
import math
import re

import numpy as np
import pandas as pd
import pytest
from oi_excel.catalogus import BUILTIN_EXCEL_FUNCTIES
from oi_excel.conversie import as_2d, convert_argument, is_row, to_cells

from oi_core import ExcelArgument, InvoerFout, excel_functies, match


@pytest.mark.parametrize("functie", BUILTIN_EXCEL_FUNCTIES, ids=lambda f: f.naam)
def test_every_function_is_declared_completely_in_dutch(functie: object) -> None:
    from oi_core import ExcelFunctie

    assert isinstance(functie, ExcelFunctie)
    assert re.fullmatch(r"OI_[A-Z][A-Z_]*", functie.naam)
    assert 20 < len(functie.beschrijving) <= 255
    assert functie.voorbeeld.startswith(f"={functie.naam}(")
    assert functie.resultaat
    optioneel = [a.optioneel for a in functie.argumenten]
    assert optioneel == sorted(optioneel), "optional arguments come last"
    for a in functie.argumenten:
        assert re.fullmatch(r"[a-z][a-z_]*", a.naam) and 10 < len(a.beschrijving) <= 255
    params = inspect.signature(functie.functie).parameters
    assert len(params) == len(functie.argumenten)


def test_builtins_are_registered_through_the_hook() -> None:
    geregistreerd = excel_functies()
    for f in BUILTIN_EXCEL_FUNCTIES:
        assert geregistreerd[f.naam].functie is f.functie
        assert geregistreerd[f.naam].plugin == "excel"


def test_match_function_is_the_core_match() -> None:
    f = excel_functies()["OI_MATCH"]
    uit = f.functie(["Noord", "Zuid"], np.array([1.0, 3.0]), np.array([1.0, 1.0]), None)
    kern = match(
        pd.Series([1.0, 3.0], index=["Noord", "Zuid"]),
        pd.Series([1.0, 1.0], index=["Noord", "Zuid"]),
    )
    assert list(uit.columns) == ["gebied", *kern.columns]  # keys; the spill writes headers
    assert list(uit["gebied"]) == ["Noord", "Zuid"]
    np.testing.assert_array_equal(uit["oi_index"], kern["oi_index"])


# -- conversion ---------------------------------------------------------------------------------
def test_as_2d_and_orientation() -> None:
    assert as_2d(3.0) == [[3.0]]
    assert as_2d([1, 2]) == [[1], [2]]
    assert as_2d([[1, 2]]) == [[1, 2]]
    assert is_row([[1, 2]]) and not is_row([[1], [2]]) and not is_row([[1]])


def test_getallen_from_a_row_or_a_column() -> None:
    arg = ExcelArgument("inzet", "Inzet.")
    np.testing.assert_array_equal(
        convert_argument([[1.0], ["7,5"], [None]], arg), [1.0, 7.5, np.nan]
    )
    np.testing.assert_array_equal(convert_argument([["47%", "2%"]], arg), [0.47, 0.02])
    with pytest.raises(InvoerFout, match=r"kolom 1: .47%. is een percentage in een kolom"):
        convert_argument([["47%", 2.0]], arg)  # a column is read one way (issue 10)
    with pytest.raises(InvoerFout, match=r"argument 'inzet', rij 2: 'x' is geen getal"):
        convert_argument([[1.0], ["x"]], arg)
    with pytest.raises(InvoerFout, match=r"argument 'inzet': kolom 2: Excel-foutwaarde #N/B"):
        convert_argument([[1.0, "#N/B"]], arg)
    with pytest.raises(InvoerFout, match="waar/onwaar"):
        convert_argument([[True]], arg)


def test_single_values_and_texts() -> None:
    getal = ExcelArgument("per", "Per hoeveel.", "getal", True)
    assert convert_argument(None, getal) is None
    assert convert_argument([["1.000,5"]], getal) == 1000.5
    assert convert_argument([[None]], getal) is None
    with pytest.raises(InvoerFout, match="verwacht één getal, geen bereik van 2 cellen"):
        convert_argument([[1.0, 2.0]], getal)
    teksten = ExcelArgument("gebieden", "Namen.", "teksten")
    assert convert_argument([[" Noord "], [363.0], [None]], teksten) == ["Noord", "363", None]
    tekst = ExcelArgument("niveau", "Niveau.", "tekst", True)
    assert convert_argument("wijk", tekst) == "wijk"


def test_getallentabel_names_row_and_column() -> None:
    arg = ExcelArgument("waarden", "Blok.", "getallentabel")
    np.testing.assert_array_equal(
        convert_argument([[1.0, None], ["2,5", 3.0]], arg), [[1.0, np.nan], [2.5, 3.0]]
    )
    with pytest.raises(
        InvoerFout, match=r"argument 'waarden': rij 2, kolom 1: 'hoog' is geen getal"
    ):
        convert_argument([[1.0, 2.0], ["hoog", 3.0]], arg)


def test_results_as_cells() -> None:
    df = pd.DataFrame({"Gebied": ["A", "B"], "OI-index": [np.float64(90.0), np.nan]})
    assert to_cells(df) == [["Gebied", "OI-index"], ["A", 90.0], ["B", None]]
    assert to_cells(pd.Series([1, 2])) == [[1], [2]]
    assert to_cells(np.array([1.0, 2.0]), liggend=True) == [[1.0, 2.0]]
    assert to_cells(np.float64(0.5)) == [[0.5]] and isinstance(
        to_cells(np.float64(0.5))[0][0], float
    )
    assert to_cells([["a", "b"], ["c"]]) == [["a", "b"], ["c", None]]
    assert to_cells([]) == [[None]]
    assert to_cells(math.inf) == [[None]]


def test_every_registered_function_is_documented() -> None:
    from pathlib import Path

    tekst = (Path(__file__).resolve().parents[2] / "docs" / "excel" / "functies.md").read_text()
    for naam in excel_functies():
        assert f"### {naam}(" in tekst, naam
