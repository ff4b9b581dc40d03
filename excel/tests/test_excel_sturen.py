"""The steering functions (``OI_SCENARIO``, ``OI_UITRUIL``, ``OI_SPECTRUM``, ``OI_AFRONDEN``)
called the way Excel calls them give the core's numbers, with Dutch help and errors."""

from __future__ import annotations

import inspect
import re
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest
from oi_excel.sturen import STUREN_EXCEL_FUNCTIES

from oi_core import afronden, excel_functies, scenario, spectrum, uitruil
from oi_core.sturen.scenario import KOLOMMEN_SCENARIO
from oi_core.weergave.kolommen import kop

GEBIEDEN = ["Noord", "Zuid", "West"]
INZET = [60.0, 30.0, 10.0]
OPGAVE = [1.0, 1.0, 2.0]
BEVOLKING = [100.0, 100.0, 100.0]


def _reeks(waarden: list[float]) -> pd.Series:
    return pd.Series(waarden, index=GEBIEDEN)


@pytest.mark.parametrize("functie", STUREN_EXCEL_FUNCTIES, ids=lambda f: f.naam)
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
    assert len(inspect.signature(functie.functie).parameters) == len(functie.argumenten)
    assert excel_functies()[functie.naam].plugin == "excel"  # registered through the hook


def test_scenario_spills_the_core_scenario_with_dutch_headers(hulp: SimpleNamespace) -> None:
    uit = hulp.call(
        "OI_SCENARIO",
        hulp.column(GEBIEDEN),
        hulp.column(INZET),
        hulp.column(OPGAVE),
        "herverdelen",
        "0,1",  # Dutch number text is read
        3,
    )
    assert uit[0] == [kop(k) for k in ("jaar", "gebied", *KOLOMMEN_SCENARIO)]
    assert uit[0][:4] == ["Jaar", "Gebied", "Huidige inzet", "Inzet"]
    kern = scenario(_reeks(INZET), _reeks(OPGAVE), tempo=0.1, jaren=3).reset_index()
    assert len(uit) == 1 + 4 * 3
    assert [r[1] for r in uit[1:]] == kern["gebied"].tolist()
    assert [r[0] for r in uit[1:]] == kern["jaar"].tolist()
    np.testing.assert_array_equal([r[3] for r in uit[1:]], kern["inzet"].to_numpy())
    np.testing.assert_array_equal([r[7] for r in uit[1:]], kern["oi_index"].to_numpy())


def test_scenario_toevoegen_with_minimum_and_units(hulp: SimpleNamespace) -> None:
    uit = hulp.call(
        "OI_SCENARIO",
        hulp.column(GEBIEDEN),
        hulp.column(INZET),
        hulp.column(OPGAVE),
        "toevoegen",
        None,
        1,
        20,
        None,
        None,
        12,
        1,
    )
    kern = scenario(
        _reeks(INZET), _reeks(OPGAVE), vorm="toevoegen", extra=20, minimum=12, eenheid=1
    )
    np.testing.assert_array_equal([r[3] for r in uit[1:]], kern["inzet"].to_numpy())
    assert sum(r[3] for r in uit[1:] if r[0] == 1) == 120


def test_uitruil_is_the_core_sentence(hulp: SimpleNamespace) -> None:
    zin = hulp.call(
        "OI_UITRUIL",
        hulp.column(GEBIEDEN),
        hulp.column(INZET),
        hulp.column(OPGAVE),
        None,
        0.1,
        3,
        None,
        None,
        None,
        None,
        None,
        "fte",
    )
    kern = uitruil(scenario(_reeks(INZET), _reeks(OPGAVE), tempo=0.1, jaren=3), eenheid="fte")
    assert zin == [[kern]]
    assert kern.startswith("Noord levert 2,4 fte in (−4%), West krijgt 3,3 fte erbij (+33%)")


def test_spectrum_gives_the_step(hulp: SimpleNamespace) -> None:
    args = (hulp.column(INZET), hulp.column(OPGAVE), hulp.column(BEVOLKING))
    assert hulp.call("OI_SPECTRUM", *args) == [["versterkt ongelijkheid"]]
    kern = spectrum(_reeks(INZET), _reeks(OPGAVE), bevolking=_reeks(BEVOLKING))
    assert kern.stap == "versterkt ongelijkheid"
    naar_opgave = hulp.column([10.0, 10.0, 20.0])
    rest = (hulp.column(OPGAVE), hulp.column(BEVOLKING))
    assert hulp.call("OI_SPECTRUM", naar_opgave, *rest) == [["oog voor uitgangssituatie"]]
    met = hulp.call("OI_SPECTRUM", naar_opgave, *rest, hulp.column([7.0, 8.0, 9.0]), 6)
    assert met == [["compenseren tot basisniveau"]]
    per_gebied = hulp.call(
        "OI_SPECTRUM", naar_opgave, *rest, hulp.column([7.0, 8.0, 9.0]), hulp.column([5, 6, 7])
    )
    assert per_gebied == [["gedifferentieerd basisniveau"]]


def test_afronden_keeps_the_total(hulp: SimpleNamespace) -> None:
    uit = hulp.call("OI_AFRONDEN", hulp.column([1250, 1340, 410]), 100)
    assert uit == [[1300], [1300], [400]]
    assert afronden({"a": 1250, "b": 1340, "c": 410}, 100).tolist() == [1300, 1300, 400]
    assert hulp.call("OI_AFRONDEN", hulp.row([1.4, 1.4, 1.2])) == [[2, 1, 1]]  # a row stays a row


def test_errors_are_dutch(hulp: SimpleNamespace) -> None:
    import xlwings

    kolommen = (hulp.column(GEBIEDEN), hulp.column(INZET))
    with pytest.raises(xlwings.XlwingsError, match="'ontzien' is geen vorm voor een scenario"):
        hulp.call("OI_SCENARIO", *kolommen, hulp.column(OPGAVE), "ontzien")
    with pytest.raises(xlwings.XlwingsError, match="geef even lange bereiken"):
        hulp.call("OI_SCENARIO", *kolommen, hulp.column([1.0]))
    with pytest.raises(xlwings.XlwingsError, match=r"jaren is 2\.5; geef een heel aantal"):
        hulp.call("OI_SCENARIO", *kolommen, hulp.column(OPGAVE), None, None, 2.5)
    with pytest.raises(xlwings.XlwingsError, match=r"OI_SPECTRUM: .*bevolking is 0"):
        hulp.call("OI_SPECTRUM", hulp.column(INZET), hulp.column(OPGAVE), hulp.column([0, 1, 1]))
