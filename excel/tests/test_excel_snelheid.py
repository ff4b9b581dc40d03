"""The Excel server's fast road gives exactly xlwings' cells (issue 11, item 5).

On xlwings Server the OI functions declare their arguments and result ``raw`` and convert
whole ranges at once (:func:`oi_excel.conversie.from_officejs`, :func:`to_cells` with
:func:`officejs`). These tests hold that conversion against xlwings' own per-cell
converters on generated cells, and check that a large call runs beside the event loop.
The speed itself is measured in ``benchmarks/excel_benchmark.py``, not here.
"""

from __future__ import annotations

import asyncio
import json
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


# -- the JSON of the call: orjson with the standard library's values ---------------------------
json_waarde = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.floats(allow_nan=False, allow_infinity=False),
        st.integers(-(2**63), 2**63 - 1),
        st.text(),
    ),
    lambda binnen: st.lists(binnen, max_size=4) | st.dictionaries(st.text(), binnen, max_size=4),
    max_leaves=20,
)


def _stdlib(waarde: Any) -> bytes:
    """How the route wrote its answer before (FastAPI's ``JSONResponse``)."""
    tekst = json.dumps(waarde, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return tekst.encode("utf-8")


@settings(max_examples=400, deadline=None)
@given(json_waarde)
def test_the_answer_has_the_values_the_standard_library_wrote(waarde: Any) -> None:
    """Same values after JSON.parse, every float to the last bit; text byte for byte."""
    from oi_excel.aanroep import json_bytes

    uit = json_bytes(waarde)
    assert json.loads(uit) == json.loads(_stdlib(waarde))
    if isinstance(waarde, str):
        assert uit == _stdlib(waarde)


@settings(max_examples=300, deadline=None)
@given(st.floats(allow_nan=False, allow_infinity=False))
def test_every_float_reads_back_as_the_same_number(getal: float) -> None:
    from oi_excel.aanroep import json_bytes

    terug = json.loads(json_bytes([[getal]]))[0][0]
    assert math.copysign(1, terug) == math.copysign(1, getal)
    assert terug == getal


def test_non_ascii_text_and_the_cells_of_a_call_are_byte_for_byte_as_before() -> None:
    from oi_excel.aanroep import json_bytes

    cellen = [["Gebied", "OI-index"], ["Nieuw-West — Slotervaart", 98.5], ["Oud-Zuid é ü ‘x’", ""]]
    cellen.append(["tab\tnieuwe regel\n\u2028\x01", {"type": "Error", "errorType": "Value"}])
    assert json_bytes(cellen) == _stdlib(cellen)


@pytest.mark.parametrize(
    "waarde",
    [math.nan, [[math.inf]], np.float64(1.5), 2**70, {1: "a"}, None, [["null"]]],
    ids=["nan", "inf", "numpy", "groot-geheel-getal", "getal-als-sleutel", "none", "tekst-null"],
)
def test_what_orjson_would_write_otherwise_goes_the_old_road(waarde: Any) -> None:
    """NaN and infinity are refused as before (not written as null); numpy scalars,
    integers past 64 bits and non-text keys are written as before."""
    from oi_excel.aanroep import json_bytes

    try:
        verwacht = _stdlib(waarde)
    except ValueError:
        with pytest.raises(ValueError):
            json_bytes(waarde)
        return
    assert json_bytes(waarde) == verwacht


@pytest.mark.parametrize(
    ("inhoud", "verwacht"),
    [
        (b'{"a": NaN}', "nan"),
        (b'{"a": 123456789012345678901234567890}', 123456789012345678901234567890),
        (b"\xef\xbb\xbf" + b'{"a": 1}', 1),
        ('{"a": 1}'.encode("utf-16"), 1),
        (b'{"a": 1e400}', math.inf),
        (b'{"a": "\\ud800"}', "\ud800"),
        (b'{"a": 1, "a": 2}', 2),
    ],
    ids=["nan", "groot", "bom", "utf-16", "te-groot", "losse-surrogaat", "dubbele-sleutel"],
)
def test_a_body_is_read_as_the_standard_library_read_it(inhoud: bytes, verwacht: Any) -> None:
    from oi_excel.aanroep import json_object

    data = json_object(inhoud)
    assert data is not None
    assert data == json.loads(inhoud)
    if verwacht == "nan":
        assert math.isnan(data["a"])
    else:
        assert data["a"] == verwacht


@pytest.mark.parametrize("inhoud", [b"[1, 2]", b'"tekst"', b"{kapot", b"", b"\xff\xfe\x00"])
def test_a_body_that_is_no_json_object_is_none(inhoud: bytes) -> None:
    from oi_excel.aanroep import json_object

    assert json_object(inhoud) is None


def test_rows_are_read_without_being_changed() -> None:
    from oi_excel.conversie import as_2d, convert_argument

    from oi_core.model.registratie import ExcelArgument

    rijen: list[list[Any]] = [["Centrum"], [" West "], [""]]
    kopie = [list(r) for r in rijen]
    assert from_officejs(rijen) == [["Centrum"], [" West "], [None]]
    assert as_2d(rijen) == kopie
    assert convert_argument(rijen, ExcelArgument("gebieden", "", soort="teksten")) == [
        "Centrum",
        "West",
        None,
    ]
    tabel = convert_argument(rijen, ExcelArgument("blok", "", soort="tabel"))
    tabel[0][0] = "anders"
    assert rijen == kopie


# -- security headers without BaseHTTPMiddleware -----------------------------------------------
def _antwoord_met(koppen: list[tuple[bytes, bytes]]) -> Any:
    async def app(scope: Any, receive: Any, send: Any) -> None:
        await send({"type": "http.response.start", "status": 201, "headers": list(koppen)})
        await send({"type": "http.response.body", "body": b"{}"})

    return app


def _koppen(app: Any, pad: str) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": "POST", "scheme": "http", "path": pad, "raw_path": pad.encode(),
             "query_string": b"", "root_path": "", "headers": [(b"host", b"oi.example")],
             "client": ("127.0.0.1", 5000), "server": ("oi.example", 443)}  # fmt: skip
    berichten: list[Any] = []

    async def receive() -> Any:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(bericht: Any) -> None:
        berichten.append(bericht)

    asyncio.run(app(scope, receive, send))
    lichaam = b"".join(b.get("body", b"") for b in berichten[1:])
    return berichten[0]["status"], [tuple(k) for k in berichten[0]["headers"]], lichaam


@pytest.mark.parametrize("pad", ["/xlwings/custom-functions-call", "/static/icoon.png"])
@pytest.mark.parametrize(
    "koppen",
    [
        [(b"content-type", b"application/json"), (b"content-length", b"2")],
        [(b"cache-control", b"public"), (b"x-frame-options", b"sameorigin"), (b"a", b"1")],
        [],
    ],
    ids=["json", "eigen-koppen", "geen"],
)
def test_the_headers_are_what_xlwings_servers_middleware_sets(
    pad: str, koppen: list[tuple[bytes, bytes]]
) -> None:
    """xlwings Server's own header function, run without BaseHTTPMiddleware, gives every
    header (set, replaced, left out for an icon) and the body exactly as with it."""
    from oi_excel.asgi import Beveiligingskoppen
    from starlette.middleware.base import BaseHTTPMiddleware
    from xlwings_server.main import add_security_headers

    binnen = _antwoord_met(koppen)
    oud = _koppen(BaseHTTPMiddleware(binnen, dispatch=add_security_headers), pad)
    nieuw = _koppen(Beveiligingskoppen(binnen, add_security_headers, frozenset({pad})), pad)
    assert nieuw == oud
    assert (b"x-content-type-options", b"nosniff") in nieuw[1]


def test_the_server_runs_the_header_function_without_basehttpmiddleware() -> None:
    from oi_excel.asgi import Beveiligingskoppen
    from starlette.middleware.base import BaseHTTPMiddleware
    from xlwings_server.main import app

    lagen = [(m.cls, m.kwargs.get("dispatch")) for m in app.user_middleware]
    assert [c for c, _ in lagen] == [Beveiligingskoppen]
    assert all(c is not BaseHTTPMiddleware for c, _ in lagen)


def test_the_fast_route_has_the_security_headers_of_every_other_route(
    hulp: SimpleNamespace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the whole app: the call (200, and 422 for a bad body) carries the same
    security headers as the functions' metadata, which still goes through BaseHTTPMiddleware."""
    import oi_excel
    from fastapi.testclient import TestClient
    from oi_excel.asgi import app
    from xlwings_server.routers import xlwings as router

    # the module the router dispatches to (xlwings' own when imported before server_env)
    monkeypatch.setattr(router.custom_functions, "OI_AANDEEL", oi_excel.OI_AANDEEL, raising=False)

    klant = TestClient(app)
    goed = klant.post("/xlwings/custom-functions-call", json=hulp.payload("OI_AANDEEL", 1.0))
    slecht = klant.post("/xlwings/custom-functions-call", content=b"[1]")
    gezond = klant.get("/xlwings/custom-functions-meta")
    assert (goed.status_code, slecht.status_code, gezond.status_code) == (200, 422, 200)

    def veilig(r: Any) -> dict[str, str]:
        return {k: v for k, v in r.headers.items() if k not in ("content-type", "content-length")}

    assert veilig(goed) == veilig(slecht) == veilig(gezond)
    assert veilig(goed)["strict-transport-security"] == "max-age=31536000; includeSubDomains"
    assert slecht.text == "Het verzoek is geen JSON-object."


def test_the_app_objects_are_out_of_the_garbage_collectors_reach() -> None:
    import gc

    import oi_excel.asgi  # noqa: F401 (builds the app, then freezes)

    assert gc.get_freeze_count() > 10_000
