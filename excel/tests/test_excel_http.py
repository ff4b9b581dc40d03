"""xlwings Server over HTTP: ``oi excel serve`` on 127.0.0.1, started and stopped here."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from types import SimpleNamespace

import httpx
import pytest

pytestmark = pytest.mark.slow  # a server process


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    poort = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("XLWINGS_")}
    proces = subprocess.Popen(
        [sys.executable, "-c", "from oi_core.cli import main; raise SystemExit(main())",
         "excel", "serve", "--poort", str(poort)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # fmt: skip
    adres = f"http://127.0.0.1:{poort}"
    try:
        _wait(adres, proces)
        yield adres
    finally:
        os.killpg(proces.pid, signal.SIGTERM)
        proces.wait(timeout=20)


def _wait(adres: str, proces: subprocess.Popen[bytes]) -> None:
    for _ in range(200):
        if proces.poll() is not None:
            uitvoer = proces.stdout.read().decode() if proces.stdout else ""
            pytest.fail(f"server stopte meteen:\n{uitvoer}")
        try:
            httpx.get(f"{adres}/manifest", timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    pytest.fail("server startte niet binnen 20 s")


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
