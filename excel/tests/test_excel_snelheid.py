"""The Excel server's fast road gives exactly xlwings' cells (issue 11, item 5).

On xlwings Server the OI functions declare their arguments and result ``raw`` and convert
whole ranges at once (:func:`oi_excel.conversie.from_officejs`, :func:`to_cells` with
:func:`officejs`). These tests hold that conversion against xlwings' own per-cell
converters on generated cells, and check that a large call runs beside the event loop.
The speed itself is measured in ``benchmarks/excel_benchmark.py``, not here.
"""

from __future__ import annotations

import asyncio
import math
import threading
from types import SimpleNamespace
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from oi_excel.conversie import EXCEL, from_officejs, officejs, to_cells

FOUTEN = ["#N/A", "#DIV/0!", "#VALUE!", "#NAME?", "#REF!", "#NUM!", "#NULL!", "#SPILL!"]
cel = st.one_of(
    st.none(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.integers(-(10**6), 10**6),
    st.booleans(),
    st.text(max_size=6),
    st.sampled_from(["", " ", "7,2", "Centrum", *FOUTEN]),
    st.sampled_from(FOUTEN).map(lambda f: {"type": "Error", "basicValue": f}),
    st.floats(0, 1e5).map(lambda x: {"type": "FormattedNumber", "basicValue": x}),
)
blok = st.integers(1, 6).flatmap(
    lambda breed: st.lists(st.lists(cel, min_size=breed, max_size=breed), min_size=1, max_size=8)
)
argument = st.one_of(blok, cel, st.lists(cel, min_size=1, max_size=5))


def _xlwings_read(waarde: Any) -> Any:
    """What xlwings' default converter (``@arg(ndim=2, err_to_str=True)``) hands over."""
    from xlwings import conversion
    from xlwings.pro.udfs_officejs import to_scalar

    kaal = to_scalar(waarde)
    if kaal is None:
        return None
    opties = {"ndim": 2, "err_to_str": True}
    return conversion.read(None, kaal, opties, engine_name="officejs")


@settings(max_examples=300, deadline=None)
@given(argument)
def test_arguments_are_the_cells_xlwings_would_give(waarde: Any) -> None:
    from xlwings.pro.udfs_officejs import to_scalar

    assert from_officejs(to_scalar(waarde)) == _xlwings_read(waarde)


def _xlwings_write(cellen: list[list[Any]], runtime: str) -> Any:
    """What xlwings' default return converter sends to Office.js for these cells."""
    from xlwings.pro.udfs_officejs import convert

    info = {"options": {}}
    data = {"runtime": runtime, "culture_info_name": "nl-NL", "date_format": "d-M-yyyy"}
    return asyncio.run(convert(cellen, info, data))


getal = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-1000, 1000))
tekst = st.one_of(st.none(), st.sampled_from(["", "Centrum", "#N/A", "#DIV/0!", "#X"]), st.text())


@settings(max_examples=150, deadline=None)
@given(
    st.integers(0, 7).flatmap(
        lambda n: st.tuples(
            st.lists(getal, min_size=n, max_size=n), st.lists(tekst, min_size=n, max_size=n)
        )
    ),
    st.sampled_from(["1.4", "1.3", "1.1"]),
)
def test_results_are_the_json_xlwings_would_send(kolommen: Any, runtime: str) -> None:
    getallen, teksten = kolommen
    tabel = pd.DataFrame({"Aandeel": pd.Series(getallen, dtype=float), "Gebied": teksten})
    verwacht = _xlwings_write(to_cells(tabel), runtime)
    assert to_cells(tabel, uitvoer=officejs(runtime)) == verwacht
    for reeks in (tabel["Aandeel"], list(teksten) or [None]):
        assert to_cells(reeks, uitvoer=officejs(runtime)) == _xlwings_write(
            to_cells(reeks), runtime
        )


def test_the_cells_for_excel_itself_are_unchanged() -> None:
    tabel = pd.DataFrame({"Gebied": ["A", None, "#N/A"], "OI-index": [90.0, math.inf, np.nan]})
    assert to_cells(tabel, uitvoer=EXCEL) == [
        ["Gebied", "OI-index"],
        ["A", 90.0],
        [None, None],
        ["#N/A", None],
    ]
    assert to_cells(tabel, uitvoer=officejs("1.4"))[2:] == [
        ["", ""],
        [{"type": "Error", "errorType": "NotAvailable"}, ""],
    ]


def test_the_server_functions_take_raw_cells() -> None:
    import oi_excel

    for naam in ("OI_MATCH", "OI_STAPELING", "OI_AANDEEL"):
        info = getattr(oi_excel, naam).__xlfunc__
        assert info["ret"]["options"]["convert"] == "raw"
        assert {a["options"]["convert"] for a in info["args"]} == {"raw"}


def test_a_large_call_runs_beside_the_event_loop(
    hulp: SimpleNamespace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From ``GROOT`` argument cells on, the function runs in a worker thread (the event
    loop stays free for small calls); a small call stays on the loop. Same numbers."""
    from oi_excel.udfs import GROOT

    import oi_core.rekenen.kern as kern

    draden: list[str] = []
    origineel = kern.aandeel

    def aandeel(*args: Any, **kwargs: Any) -> Any:
        draden.append(threading.current_thread().name)
        return origineel(*args, **kwargs)

    import oi_excel.catalogus as catalogus

    monkeypatch.setattr(catalogus, "aandeel", aandeel)
    klein = hulp.call("OI_AANDEEL", [[1.0], [3.0]])
    groot = hulp.call("OI_AANDEEL", [[1.0], [3.0]] * (GROOT // 2))
    assert klein == [[0.25], [0.75]]
    assert groot == [[0.25 / (GROOT // 2)], [0.75 / (GROOT // 2)]] * (GROOT // 2)
    assert draden[0] == threading.main_thread().name
    assert draden[1] != threading.main_thread().name
