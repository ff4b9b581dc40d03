"""The sturen Excel functions (issue 12, items 3–8), called the way Excel calls them
(Office.js payloads through ``xlwings.server.custom_functions_call``): the core's numbers,
Dutch help, Dutch errors."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

from oi_core import (
    concentratie_interval,
    cumulatief_tekort,
    excel_functies,
    match,
    robuustheid,
)

NAMEN = (
    "OI_CONCENTRATIE_INTERVAL",
    "OI_CONCENTRATIECURVE",
    "OI_SIGNIFICANT",
    "OI_TEKORT",
    "OI_INDEX_PER_JAAR",
    "OI_KOSTEN_PER_RESULTAAT",
    "OI_NIVEAUS",
    "OI_ROBUUSTHEID",
)


def test_registered_with_dutch_help() -> None:
    alle = excel_functies()
    for naam in NAMEN:
        f = alle[naam]
        assert f.beschrijving and f.voorbeeld.startswith(f"={naam}(") and f.resultaat
        assert all(a.beschrijving for a in f.argumenten)


def test_concentratie_interval_is_the_cores(hulp: SimpleNamespace) -> None:
    x, y, b = [3.0, 2.0, 1.0], [3.0, 2.0, 1.0], [1.0, 1.0, 1.0]
    uit = hulp.call("OI_CONCENTRATIE_INTERVAL", hulp.column(x), hulp.column(y), hulp.column(b))
    waarden = {r[0]: r[1] for r in uit[1:]}
    assert waarden["Concentratie-index"] == pytest.approx(-2 / 9)
    assert waarden["Standaardfout"] == pytest.approx(0.069290, abs=1e-6)
    kern = concentratie_interval(pd.Series(x, list("abc")), pd.Series(y, list("abc")))
    assert waarden["Bovengrens"] == pytest.approx(kern.bovengrens)
    curve = hulp.call(
        "OI_CONCENTRATIECURVE", hulp.column(x), hulp.column(y), None, hulp.column("abc")
    )
    assert curve[0][:3] == ["Gebied", "Cumulatief aandeel bevolking", "Cumulatief aandeel inzet"]
    assert [r[0] for r in curve[1:]] == ["", "a", "b", "c"]


def test_significant_and_suppressed(hulp: SimpleNamespace) -> None:
    uit = hulp.call(
        "OI_SIGNIFICANT",
        hulp.column([60.0, 58.0, 40.0, 42.0]),
        hulp.column([100, 100, 20, 400]),
        None,
        0.95,
        30,
    )
    # A: 10 above 50 with se 4,90 (significant, more than one sd); B: 8 < 1,96·4,94; C: n < 30
    assert [r[0] for r in uit] == ["sterk boven", "gemiddeld", "–", "onder"]


def test_tekort_and_index_per_year(hulp: SimpleNamespace) -> None:
    tabel = [[4.0, 5.0, 7.0], [8.0, 8.0, 6.0], [6.0, 5.0, 5.0]]
    gebieden = hulp.column(["Zuidoost", "Zuid", "West"])
    jaren = [["2022", "2023", "2024"]]
    uit = hulp.call("OI_TEKORT", tabel, 6, 1000, gebieden, jaren)
    assert uit[0] == ["Gebied", "Opgeteld tekort", "Jaren onder de norm", "Opgeteld tekort (euro)"]
    assert [r[1] for r in uit[1:]] == [3.0, 0.0, 2.0]
    assert [r[3] for r in uit[1:]] == [3000.0, 0.0, 2000.0]
    gem = hulp.call("OI_TEKORT", tabel, "gemiddelde", None, gebieden, jaren)
    kern = cumulatief_tekort(pd.DataFrame(tabel), "gemiddelde")
    assert [r[1] for r in gem[1:]] == kern["tekort"].tolist()
    opgave = [[1.0, 1.0, 1.0], [1.0, 1.0, 1.0], [2.0, 2.0, 2.0]]
    index = hulp.call("OI_INDEX_PER_JAAR", tabel, opgave, gebieden, jaren)
    verwacht = match(pd.Series([4.0, 8.0, 6.0]), pd.Series([1.0, 1.0, 2.0]))["oi_index"]
    assert [r[1] for r in index[1:]] == pytest.approx(verwacht.tolist())


def test_kosten_niveaus_robuustheid(hulp: SimpleNamespace) -> None:
    kosten = hulp.call(
        "OI_KOSTEN_PER_RESULTAAT", hulp.column([100.0, 300.0]), hulp.column([4.0, 0.0]), None
    )
    assert kosten[1][-1] == 25.0 and kosten[2][-1] in ("", None)
    robuust = hulp.call(
        "OI_ROBUUSTHEID",
        hulp.column([50.0, 50.0]),
        [[40.0, 50.0], [60.0, 50.0]],
        [["eerste", "tweede"]],
        hulp.column(["A", "B"]),
    )
    kern = robuustheid(
        pd.Series([50.0, 50.0], ["A", "B"]),
        {"eerste": {"A": 40.0, "B": 60.0}, "tweede": {"A": 50.0, "B": 50.0}},
    )
    assert robuust[0][1] == "OI-index: eerste"
    assert robuust[1][1] == pytest.approx(kern.iloc[0, 0])
    assert robuust[0][5] == "Stevig signaal"
    from oi_core import Gebiedsindeling

    b = Gebiedsindeling.amsterdam().bevolking("gebied")
    b = b[b > 0]
    x = b.copy()
    x["GA01"] *= 0.5
    x["GA02"] *= 3
    niveaus = hulp.call("OI_NIVEAUS", hulp.column(b.index), hulp.column(x), hulp.column(b))
    kop = niveaus[0]
    omslag = [r[0] for r in niveaus[1:] if r[kop.index("Signaal slaat om")]]
    assert omslag == ["GA01"]


def test_errors_are_dutch(hulp: SimpleNamespace) -> None:
    import xlwings

    with pytest.raises(xlwings.XlwingsError, match="even lange"):
        hulp.call("OI_CONCENTRATIE_INTERVAL", hulp.column([1.0, 2]), hulp.column([1.0]), None)
    with pytest.raises(xlwings.XlwingsError, match="geen norm"):
        hulp.call("OI_TEKORT", [[1.0, 2.0]], "mediaan", None, None, None)
    with pytest.raises(xlwings.XlwingsError, match="gebied 'waarde 1' in kolom 2"):
        hulp.call("OI_TEKORT", [[1.0, None]], 3, None, None, None)
