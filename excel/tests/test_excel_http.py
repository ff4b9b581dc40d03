"""xlwings Server over HTTP: ``oi excel serve`` on 127.0.0.1 (the ``server`` fixture of the
conftest, shared with the add-in and Chromium tests)."""

from __future__ import annotations

import subprocess
import sys
from types import SimpleNamespace
from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.slow  # a server process


def test_manifest_sets_the_oi_namespace(server: str) -> None:
    r = httpx.get(f"{server}/manifest")
    assert r.status_code == 200
    assert 'id="Functions.Namespace" DefaultValue="OI"' in r.text
    assert "Ongelijk investeren" in r.text


def test_meta_lists_the_functions_in_dutch(server: str) -> None:
    meta = httpx.get(f"{server}/xlwings/custom-functions-meta").json()
    namen = {f["name"]: f for f in meta["functions"]}
    assert {"MATCH", "INDEX", "GEBIED", "DATA"} <= set(namen)
    assert namen["MATCH"]["description"].startswith("Match tussen inzet en opgave")
    assert namen["MATCH"]["parameters"][3]["optional"] is True


def test_call_gives_the_match_of_straatreiniging(server: str, hulp: SimpleNamespace) -> None:
    straat = hulp.seed("straatreiniging_stadsdelen").iloc[:-1]
    body = hulp.payload(
        "OI_MATCH",
        hulp.column(straat["stadsdeel"]),
        hulp.column(straat["fte_pct"].astype(float)),
        hulp.column(straat["bewoners_bezoekers_pct"].astype(float)),
        [[None]],
    )
    r = httpx.post(f"{server}/xlwings/custom-functions-call", json=body)
    assert r.status_code == 200
    assert r.json()["result"] == hulp.call("OI_MATCH", *body["args"])


def test_a_user_mistake_is_400_with_the_dutch_message(server: str, hulp: SimpleNamespace) -> None:
    body = hulp.payload(
        "OI_MATCH", [["Centrum"], ["Weesp"]], [[1.0], [2.0]], [[3.0], [0.0]], [[None]]
    )
    r = httpx.post(f"{server}/xlwings/custom-functions-call", json=body)
    assert r.status_code == 400  # no retries by Excel
    assert "opgave is 0 voor gebied 'Weesp'" in r.text
    assert r.text.startswith("OI_MATCH: ")


def test_a_taken_port_is_refused_in_dutch(server: str) -> None:
    poort = server.rsplit(":", 1)[1]
    uit = subprocess.run(
        [sys.executable, "-c", "from oi_core.cli import main; raise SystemExit(main())",
         "excel", "serve", "--poort", poort],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert uit.returncode == 1
    assert f"poort {poort} is al in gebruik" in uit.stderr


# -- issue 10: the culture of Excel, extra arguments, defects -----------------------------------
@pytest.mark.betrouwbaarheid
def test_number_text_is_read_in_the_culture_excel_sends(server: str, hulp: SimpleNamespace) -> None:
    url = f"{server}/xlwings/custom-functions-call"
    nl = hulp.payload("OI_AANDEEL", [["1.234"], ["766"]])  # culture_info_name nl-NL
    en = hulp.payload("OI_AANDEEL", [["1,234"], ["766"]]) | {"culture_info_name": "en-US"}
    for body in (nl, en):
        r = httpx.post(url, json=body)
        assert r.status_code == 200 and r.json()["result"] == [[0.617], [0.383]]
    fout = httpx.post(url, json=hulp.payload("OI_AANDEEL", [["1.5"], ["766"]]))
    assert fout.status_code == 400
    assert "rij 1: '1.5' is geen getal in de notatie nl-NL (1.234,5)" in fout.text


@pytest.mark.betrouwbaarheid
def test_an_extra_argument_is_400_not_500(server: str, hulp: SimpleNamespace) -> None:
    body = hulp.payload("OI_INDEX", [[1.0], [2.0]], [[2.0], [1.0]], [[5.0], [5.0]])
    r = httpx.post(f"{server}/xlwings/custom-functions-call", json=body)
    assert r.status_code == 400
    assert "OI_INDEX heeft 2 argumenten, maar kreeg er 3" in r.text


@pytest.mark.betrouwbaarheid
def test_a_defect_is_400_with_the_plugin_named(
    hulp: SimpleNamespace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In-process through xlwings Server's own router: a plugin's bug is a Dutch "interne
    fout … meld dit" with HTTP 400, so Excel does not retry it three times."""
    import oi_excel
    from oi_excel.server import server_env

    import oi_core
    from oi_core.plugins.manager import isolated

    for sleutel, waarde in server_env({}).items():
        monkeypatch.setenv(sleutel, waarde)
    from fastapi.testclient import TestClient
    from xlwings_server.main import main_app
    from xlwings_server.routers import xlwings as router

    custom_functions = router.custom_functions  # the module the router dispatches to

    def kapot(waarden: object) -> float:
        raise ZeroDivisionError("bug")

    class Kapot:
        @oi_core.hookimpl
        def register_excel_functies(self, register: Any) -> None:
            argument = oi_core.ExcelArgument("waarden", "Iets.")
            register(oi_core.ExcelFunctie("OI_KAPOT", kapot, "Kapot.", argumenten=(argument,)))

    try:
        with isolated(Kapot()):
            oi_excel.refresh()
            monkeypatch.setattr(custom_functions, "OI_KAPOT", oi_excel.OI_KAPOT, raising=False)
            klant = TestClient(main_app, raise_server_exceptions=False)
            r = klant.post("/xlwings/custom-functions-call", json=hulp.payload("OI_KAPOT", 1.0))
    finally:
        oi_excel.refresh()
    assert r.status_code == 400
    assert r.text.startswith("OI_KAPOT: interne fout in OI_KAPOT (plugin ")
    assert "ZeroDivisionError); meld dit" in r.text


# -- issue 11: the shorter road for custom-functions-call -------------------------------------
def test_one_connection_serves_many_calls_with_the_same_cells(
    server: str, hulp: SimpleNamespace
) -> None:
    """Keep-alive: Excel's calls reuse one connection; every answer is xlwings' JSON."""
    fout = hulp.payload("OI_AANDEEL", [[1.0], [{"type": "Error", "basicValue": "#N/A"}]])
    goed = hulp.payload("OI_AANDEEL", [[1.0], [3.0]])
    pad = "/xlwings/custom-functions-call"
    with httpx.Client(base_url=server) as klant:
        antwoorden = [klant.post(pad, json=b) for b in (fout, goed, fout, goed)]
    assert [r.status_code for r in antwoorden] == [400, 200, 400, 200]
    assert "Excel-foutwaarde #N/A" in antwoorden[0].text
    assert antwoorden[1].json() == {"result": [[0.25], [0.75]]} == antwoorden[3].json()
    assert antwoorden[1].headers["content-type"] == "application/json"


def test_a_body_that_is_not_a_json_object_is_refused_in_dutch(server: str) -> None:
    for inhoud in (b"{kapot", b"[1, 2]"):
        r = httpx.post(f"{server}/xlwings/custom-functions-call", content=inhoud,
                       headers={"Content-Type": "application/json"})  # fmt: skip
        assert r.status_code == 422
        assert r.text == "Het verzoek is geen JSON-object."
