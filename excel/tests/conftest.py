"""Shared fixtures for the Excel tests: the xlwings Server runtime, seed data, a test plugin.

xlwings binds its decorators when it is first imported, so the Office.js runtime
(``XLWINGS_ON_SERVER=true``) and the noncommercial licence are set here, before any test
module imports xlwings.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import httpx
import numpy as np
import pandas as pd
import pytest

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")
os.environ["XLWINGS_ON_SERVER"] = "true"

from oi_core import (
    Activiteit,
    Aggregatie,
    ExcelArgument,
    ExcelFunctie,
    Indicator,
    Niveau,
    Resultatenketen,
    Richting,
    Rol,
    Schakel,
    hookimpl,
    oi_index,
    to_tidy,
)
from oi_core.model.registratie import Kolom
from oi_core.plugins.manager import isolated

ROOT = Path(__file__).resolve().parents[2]
SEED = Path(__file__).resolve().with_name("referentie")  # published tables, see HERKOMST.md


def seed(naam: str) -> pd.DataFrame:
    """A seed table of the presentation (published figures, spellings as published)."""
    return pd.read_csv(SEED / f"{naam}.csv")


# -- a test plugin: straatreiniging from the seed table, plus one Excel function ------------
def _indicator(code: str, naam: str, eenheid: str, rol: Rol, **kw: Any) -> Indicator:
    return Indicator(
        code=code,
        naam=naam,
        eenheid=eenheid,
        rol=rol,
        richting=kw.pop("richting", Richting.NEUTRAAL),
        aggregatie=Aggregatie.GEEN,
        **kw,
    )


STRAATREINIGING = Activiteit(
    code="straatreiniging",
    naam="Straatreiniging",
    afdeling="Stadswerken",
    beschrijving="Inzet van straatreinigers naar bewoners en bezoekers (testplugin).",
    niveau=Niveau.STADSDEEL,
    keten=Resultatenketen(
        inzet=Schakel(
            omschrijving="FTE straatreinigers",
            indicatoren=(_indicator("fte_pct", "FTE straatreiniging", "% van totaal", Rol.INZET),),
        ),
        resultaat=Schakel(
            omschrijving="CROW-schouw",
            indicatoren=(
                _indicator(
                    "grof_zwerfvuil_pct_min_b",
                    "Grof zwerfvuil minimaal niveau B",
                    "%",
                    Rol.RESULTAAT,
                    richting=Richting.HOGER_IS_BETER,
                ),
            ),
        ),
        doel=Schakel.leeg("Schone straten"),
        ambitie=Schakel.leeg("Een leefbare stad"),
        opgave=(
            _indicator(
                "bewoners_bezoekers_pct", "Bewoners en bezoekers", "% van totaal", Rol.OPGAVE
            ),
        ),
    ),
)


def straatreiniging_data() -> pd.DataFrame:
    return to_tidy(
        seed("straatreiniging_stadsdelen"),
        gebied="stadsdeel",
        indicatoren=["fte_pct", "bewoners_bezoekers_pct", "grof_zwerfvuil_pct_min_b"],
        jaar=2023,
    )


def _verdubbel_index(inzet: np.ndarray, opgave: np.ndarray) -> pd.Series:
    labels = [f"waarde {i}" for i in range(1, len(inzet) + 1)]
    return 2 * oi_index(pd.Series(inzet, index=labels), pd.Series(opgave, index=labels))


TEST_FUNCTIE = ExcelFunctie(
    naam="OI_TEST_DUBBELE_INDEX",
    functie=_verdubbel_index,
    beschrijving="Testfunctie van een plugin: twee keer de OI-index.",
    argumenten=(
        ExcelArgument("inzet", "Bereik met de inzet."),
        ExcelArgument("opgave", "Bereik met de opgave."),
    ),
    voorbeeld="=OI_TEST_DUBBELE_INDEX(B2:B9;C2:C9)",
)


class ProefPlugin:
    """Registers straatreiniging (seed data) and one Excel function, like a real plugin."""

    @hookimpl
    def register_activiteiten(self, register: Any) -> None:
        register(
            STRAATREINIGING,
            data=straatreiniging_data,
            tabellen=lambda: {"stadsdelen": seed("straatreiniging_stadsdelen")},
        )

    @hookimpl
    def register_excel_functies(self, register: Any) -> None:
        register(TEST_FUNCTIE)

    @hookimpl
    def register_kolommen(self, register: Any) -> None:
        for kolom in TEST_KOLOMMEN:
            register(kolom)


TEST_KOLOMMEN = (
    Kolom("index", "Index (gepubliceerd)", "index", 0),
    Kolom("vulgraad_afvalbakken_pct", "Vulgraad afvalbakken", "procent", 0),
    Kolom("bewoners_oordeel_pct_schoon", "Bewoners: buurt schoon", "procent", 0),
)
"""The columns of the test plugin's source table that are not indicators of its activity."""


@pytest.fixture
def met_testplugin() -> Iterator[None]:
    """The plugin ``excel`` (built-in functions, ``oi excel``) and the test plugin; the
    generated functions of ``oi_excel`` are rebuilt before and after."""
    import oi_excel
    import oi_excel.plugin

    with isolated(ProefPlugin(), oi_excel.plugin):
        oi_excel.refresh()
        yield
    oi_excel.refresh()


# -- calling like Office.js -------------------------------------------------------------------
def payload(func_name: str, *args: Any) -> dict[str, Any]:
    """A custom-functions-call body as Excel (Office.js) sends it: every arg 2-D."""
    return {
        "client": "Office.js",
        "func_name": func_name,
        "args": [a if isinstance(a, list) else [[a]] for a in args],
        "caller_address": "[Werkmap1]Blad1!E2",
        "session_id": "test-sessie",
        "culture_info_name": "nl-NL",
        "date_format": "d-M-yyyy",
        "version": "0.37.8",
        "runtime": "1.4",
    }


def column(waarden: Any) -> list[list[Any]]:
    return [[_plain(v)] for v in waarden]


def row(waarden: Any) -> list[list[Any]]:
    return [[_plain(v) for v in waarden]]


def _plain(v: Any) -> Any:
    return v.item() if isinstance(v, np.generic) else v


def call(func_name: str, *args: Any, module: Any = None) -> Any:
    """Call through ``xlwings.server.custom_functions_call`` on ``oi_excel``."""
    import oi_excel
    import xlwings.server

    return asyncio.run(
        xlwings.server.custom_functions_call(payload(func_name, *args), module or oi_excel)
    )


# -- a development server (``oi excel serve`` on 127.0.0.1), shared by the HTTP tests --------
def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(adres: str, proces: subprocess.Popen[bytes], seconden: float = 120) -> None:
    """Until ``adres``/gezondheid answers; fail with the server's output if it stopped."""
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if proces.poll() is not None:
            uitvoer = proces.stdout.read().decode() if proces.stdout else ""
            pytest.fail(f"server stopte meteen:\n{uitvoer}")
        try:
            httpx.get(f"{adres}/gezondheid", timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    pytest.fail(f"server startte niet binnen {seconden:.0f} s")


def start_server(opdracht: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    """Start a server command in its own process group (stopped with :func:`stop_server`)."""
    return subprocess.Popen(
        opdracht, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # fmt: skip


def stop_server(proces: subprocess.Popen[bytes]) -> None:
    os.killpg(proces.pid, signal.SIGTERM)
    proces.wait(timeout=30)


@pytest.fixture(scope="session")
def server() -> Iterator[str]:
    """``oi excel serve`` in development mode on a free port; its address."""
    poort = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("XLWINGS_")}
    proces = start_server(
        [sys.executable, "-c", "from oi_core.cli import main; raise SystemExit(main())",
         "excel", "serve", "--poort", str(poort)],
        env,
    )  # fmt: skip
    adres = f"http://127.0.0.1:{poort}"
    try:
        wait_for(adres, proces)
        yield adres
    finally:
        stop_server(proces)


@pytest.fixture(scope="session")
def hulp() -> SimpleNamespace:
    """The helpers above, for test modules (conftest is not importable under importlib)."""
    return SimpleNamespace(
        call=call,
        payload=payload,
        column=column,
        row=row,
        seed=seed,
        root=ROOT,
        straatreiniging=STRAATREINIGING,
        straatreiniging_data=straatreiniging_data,
        test_functie=TEST_FUNCTIE,
        free_port=free_port,
        wait_for=wait_for,
        start_server=start_server,
        stop_server=stop_server,
        plugin=ProefPlugin,
    )


@pytest.fixture(autouse=True, scope="session")
def _server_runtime() -> None:
    """Fail loudly when xlwings was imported before this conftest set the runtime."""
    import xlwings
    import xlwings.server

    assert xlwings.func is xlwings.server.func, "xlwings is niet in server-modus geladen"
