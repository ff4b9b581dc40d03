"""The Excel functions, called as plain Python with arguments as the Excel layer converts them."""

from __future__ import annotations

import re

import numpy as np
import pytest
from oi_groot_onderhoud.excel import (
    EXCEL_FUNCTIES,
    oi_groot_onderhoud_interval,
    oi_groot_onderhoud_weging,
)

from oi_core import DataFout, InvoerFout

STADSDELEN = ["Centrum", "N-West", "Noord", "Oost", "West", "Zuid", "Zuidoost", "Weesp"]
BUDGET = np.array([7, 14, 23, 15, 7, 18, 8, 7.0])
OPGAVE = np.array([7, 26, 13, 13, 10, 19, 8, 4.0])
SES = np.array([24, 36, 35, 24, 27, 23, 40, 30.0])
OORDEEL = np.array([6.4, 6.1, 6.2, 6.8, 6.7, 6.7, 6.6, 6.4])


def test_groot_onderhoud_excel_functions_are_documented_in_dutch() -> None:
    assert [f.naam for f in EXCEL_FUNCTIES] == [
        "OI_GROOT_ONDERHOUD_WEGING",
        "OI_GROOT_ONDERHOUD_INTERVAL",
    ]
    for functie in EXCEL_FUNCTIES:
        assert re.fullmatch(r"OI_[A-Z0-9_]+", functie.naam)
        assert functie.beschrijving and functie.resultaat
        assert functie.voorbeeld.startswith(f"={functie.naam}(")
        assert all(a.beschrijving for a in functie.argumenten)
        optioneel = [a.optioneel for a in functie.argumenten]
        assert optioneel == sorted(optioneel), "optional arguments come last"


def test_groot_onderhoud_excel_weging_reproduces_the_report() -> None:
    uit = oi_groot_onderhoud_weging(STADSDELEN, BUDGET, OPGAVE, SES, OORDEEL, 0.5, 0.5, 30, 6.5)
    rij = uit.set_index("stadsdeel").loc["N-West"]
    assert round(rij["oi_index"]) == 54 and round(rij["oi_index_gewogen"]) == 43
    standaard = oi_groot_onderhoud_weging(
        STADSDELEN, BUDGET, OPGAVE, SES, OORDEEL, None, None, 30, 6.5
    )
    assert standaard.equals(uit)  # empty α and β mean 0,5


def test_groot_onderhoud_excel_weging_skips_blank_rows_and_names_gaps() -> None:
    extra = [*STADSDELEN, None]
    uit = oi_groot_onderhoud_weging(
        extra, *(np.append(x, np.nan) for x in (BUDGET, OPGAVE, SES, OORDEEL)), 0, 0
    )
    assert len(uit) == 8
    oordeel = OORDEEL.copy()
    oordeel[1] = np.nan
    with pytest.raises(DataFout, match="rij 2, kolom 'oordeel': geen waarde voor 'N-West'"):
        oi_groot_onderhoud_weging(STADSDELEN, BUDGET, OPGAVE, SES, oordeel)
    with pytest.raises(InvoerFout, match="8 stadsdelen maar 7 waarden"):
        oi_groot_onderhoud_weging(STADSDELEN, BUDGET[:7], OPGAVE, SES, OORDEEL)


def test_groot_onderhoud_excel_interval() -> None:
    uit = oi_groot_onderhoud_interval(BUDGET, OPGAVE, STADSDELEN).set_index("stadsdeel")
    assert round(uit.loc["West", "bovengrens"], 1) == 78.9
    zonder_namen = oi_groot_onderhoud_interval(BUDGET, OPGAVE)
    assert list(zonder_namen["stadsdeel"]) == [str(i) for i in range(1, 9)]
