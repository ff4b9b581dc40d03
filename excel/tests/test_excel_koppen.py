"""No code name reaches a person: spilled tables carry the column catalogue's Dutch headers,
and a column key without a registered ``Kolom`` is refused instead of shown."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import numpy as np
import pandas as pd
import pytest
from oi_excel.catalogus import BUILTIN_EXCEL_FUNCTIES
from oi_excel.conversie import header, to_cells
from xlwings import XlwingsError

from oi_core import ExcelArgument, ExcelFunctie, PluginFout, excel_functies, hookimpl
from oi_core.plugins.manager import isolated
from oi_core.weergave.kolommen import is_code_name

STADSDELEN = ["Centrum", "Noord", "Zuid"]
INZET = [[3.0], [1.0], [2.0]]
OPGAVE = [[2.0], [2.0], [2.0]]

VOORBEELDEN: dict[str, tuple[Any, ...]] = {
    "OI_AANDEEL": (INZET,),
    "OI_VERSCHIL": (INZET, OPGAVE),
    "OI_INDEX": (INZET, OPGAVE),
    "OI_PER": (INZET, [[1000.0], [2000.0], [4000.0]], 1000.0),
    "OI_MATCH": ([[g] for g in STADSDELEN], INZET, OPGAVE),
    "OI_TOV_GEMIDDELDE": (INZET,),
    "OI_STAPELING": ([[1.0, 2.0], [3.0, 1.0], [2.0, 2.0]], [["hoger", "lager"]]),
    "OI_KWADRANT": (INZET, [[1.0], [2.0], [3.0]]),
    "OI_CONCENTRATIE": (INZET, OPGAVE),
    "OI_COMPENSATIE": (INZET, OPGAVE, [[g] for g in STADSDELEN]),
    "OI_GEBIED": ("N-West", "stadsdeel"),
    "OI_GEBIEDEN": ("stadsdeel",),
    "OI_ACTIVITEITEN": (),
    "OI_DATA": ("straatreiniging",),
    "OI_TEST_DUBBELE_INDEX": (INZET, OPGAVE),
    "OI_SCENARIO": ([[g] for g in STADSDELEN], INZET, OPGAVE, "herverdelen", 0.05, 2),
    "OI_UITRUIL": ([[g] for g in STADSDELEN], INZET, OPGAVE),
    "OI_SPECTRUM": (INZET, OPGAVE, [[1000.0], [2000.0], [4000.0]]),
    "OI_AFRONDEN": (INZET,),
    **{  # the sturen functions (oi_excel.sturen_analyse)
        "OI_CONCENTRATIE_INTERVAL": (INZET, OPGAVE),
        "OI_CONCENTRATIECURVE": (INZET, OPGAVE, None, [[g] for g in STADSDELEN]),
        "OI_SIGNIFICANT": ([[60.0], [40.0], [50.0]], [[100.0], [10.0], [100.0]], None, None, 30),
        "OI_TEKORT": ([[1.0, 2.0], [3.0, 1.0], [2.0, 2.0]], 2, 100, None, [["2023", "2024"]]),
        "OI_INDEX_PER_JAAR": ([[1.0, 2.0], [3.0, 1.0], [2.0, 2.0]], [[1.0, 1.0]] * 3),
        "OI_KOSTEN_PER_RESULTAAT": (INZET, OPGAVE, [[g] for g in STADSDELEN]),
        "OI_NIVEAUS": ([["GA01"], ["GA02"]], [[1.0], [2.0]], [[2.0], [2.0]]),
        "OI_ROBUUSTHEID": (INZET, [[2.0, 1.0], [2.0, 1.0], [2.0, 3.0]], [["a", "b"]]),
    },
}
"""An example input (Excel payload arguments) for every built-in and the test plugin's
function; ``OI_DATA`` also runs on the test plugin's source table below."""


def test_every_builtin_has_an_example_input() -> None:
    assert {f.naam for f in BUILTIN_EXCEL_FUNCTIES} <= set(VOORBEELDEN)


def _tables(hulp: SimpleNamespace) -> list[list[list[Any]]]:
    """The spilled cells of every example; a table is a result with more than one column."""
    uit = [hulp.call(naam, *args) for naam, args in VOORBEELDEN.items()]
    uit.append(hulp.call("OI_DATA", "straatreiniging", "stadsdelen"))
    assert set(VOORBEELDEN) == set(excel_functies())  # the examples cover the registry
    return [cellen for cellen in uit if len(cellen[0]) > 1]


def test_no_spilled_header_is_a_code_name(hulp: SimpleNamespace, met_testplugin: None) -> None:
    tabellen = _tables(hulp)
    assert len(tabellen) >= 5  # OI_MATCH, OI_COMPENSATIE, OI_GEBIEDEN, OI_ACTIVITEITEN, OI_DATA
    for cellen in tabellen:
        koppen = [k for k in cellen[0] if isinstance(k, str)]
        assert koppen and not [k for k in koppen if is_code_name(k)], koppen


def test_a_header_comes_from_the_catalogue() -> None:
    assert header("oi_index") == "OI-index"
    assert header("verschil_pp") == "Verschil (procentpunt)"
    assert header("Inwoners 0-14 jaar") == "Inwoners 0-14 jaar"  # already written for people
    frame = pd.DataFrame({"aandeel_inzet": [0.5], "signaal": ["meer dan het aandeel in de opgave"]})
    assert to_cells(frame) == [
        ["Aandeel inzet", "Signaal"],
        [0.5, "meer dan het aandeel in de opgave"],
    ]


def test_code_names_are_told_apart_from_headers() -> None:
    assert is_code_name("fte_per_1000") and is_code_name("gebied")
    assert not is_code_name("Gebied") and not is_code_name("OI-index")
    assert not is_code_name("Inwoners 0-14 jaar") and not is_code_name("2024")


def test_an_unregistered_key_is_refused_not_shown() -> None:
    with pytest.raises(PluginFout, match="kolom 'fte_zonder_kop' heeft geen Nederlandse kop"):
        to_cells(pd.DataFrame({"fte_zonder_kop": [1.0]}))


def _per_duizend(waarden: np.ndarray) -> pd.DataFrame:
    return pd.DataFrame({"fte_zonder_kop": waarden})


class ZonderKolom:
    """A plugin whose function spills a column it did not declare."""

    @hookimpl
    def register_excel_functies(self, register: Any) -> None:
        register(
            ExcelFunctie(
                naam="OI_ZONDER_KOLOM",
                functie=_per_duizend,
                beschrijving="Testfunctie met een kolom zonder Nederlandse kop.",
                argumenten=(ExcelArgument("waarden", "Bereik met waarden."),),
            )
        )


def test_in_excel_an_undeclared_column_is_a_dutch_error(hulp: SimpleNamespace) -> None:
    import oi_excel

    with isolated(ZonderKolom()):
        oi_excel.refresh()
        with pytest.raises(XlwingsError, match=r"OI_ZONDER_KOLOM: kolom 'fte_zonder_kop' .*Kolom"):
            hulp.call("OI_ZONDER_KOLOM", [[1.0]])
    oi_excel.refresh()


# -- the department plugins' functions (installed through their entry points) -----------------
SD = [[s] for s in ("Centrum", "N-West", "Noord", "Oost", "West", "Zuid", "Zuidoost", "Weesp")]
FTE = [[v] for v in (23.0, 15, 12, 12, 14, 12, 11, 1)]  # straatreiniging, published
BEWONERS = [[v] for v in (25.0, 15, 9, 13, 13, 16, 8, 2)]
SCHOUW = [[v] for v in (79.0, 81, 89, 85, 80, 91, 77, 94)]
LAGE_SES = [[v] for v in (20.0, 45, 40, 25, 25, 15, 45, 30)]  # % lage SES, illustrative
OORDEEL = [[v] for v in (6.8, 6.2, 6.3, 6.6, 6.7, 7.0, 6.1, 6.9)]  # rapportcijfer, illustrative

PLUGIN_VOORBEELDEN: dict[str, tuple[Any, ...]] = {
    "OI_JGZ_FTE": ([["GF07"], ["GF08"], ["GF09"]], [[0.3], [0.2], [0.5]]),
    "OI_JGZ_SLEUTEL": ([[5.0], [6.0], [7.0], [8.0]], [[100.0], [200.0], [300.0], [450.0]]),
    "OI_REINIGING_FTE": (FTE, BEWONERS, SCHOUW, 80.0, 0.05),
    "OI_GROOT_ONDERHOUD_WEGING": (SD, FTE, BEWONERS, LAGE_SES, OORDEEL),
    "OI_GROOT_ONDERHOUD_INTERVAL": (FTE, BEWONERS, SD),
    "OI_BIB_VESTIGINGEN": (),
}
"""Example inputs of the plugin functions that spill a table (the others give one column)."""


@pytest.mark.parametrize("naam", sorted(PLUGIN_VOORBEELDEN))
def test_no_header_of_a_plugin_table_is_a_code_name(naam: str) -> None:
    from oi_excel.conversie import call_function

    functies = excel_functies()
    if naam not in functies:
        pytest.skip(f"de plugin van {naam} is niet geïnstalleerd")
    koppen = call_function(functies[naam], PLUGIN_VOORBEELDEN[naam])[0]
    assert len(koppen) > 1 and not [k for k in koppen if is_code_name(str(k))], koppen
