"""The central server as IT installs it: from a wheelhouse, in production mode, with sign-in.

Builds the wheels of every distribution (``uv build --all-packages``), installs oi-excel
from them into a fresh environment and starts ``oi excel serve --productie`` there, with
the keys of a test identity provider served from a local JWKS on 127.0.0.1. Checks the
refusals (no sign-in configured, no token, a wrongly signed token, a missing role, a
foreign origin, a too large request) and that a valid token gets the core's numbers.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
from joserfc import jwt
from joserfc.jwk import RSAKey

pytestmark = pytest.mark.slow  # builds wheels, a fresh environment and a server process

ROOT = Path(__file__).resolve().parents[2]
SLEUTEL = RSAKey.generate_key(2048, parameters={"kid": "oi-idp"})
VREEMD = RSAKey.generate_key(2048, parameters={"kid": "oi-idp"})
ROL = "OI.Gebruiker"


def _uv() -> list[str]:
    uv = os.environ.get("UV") or shutil.which("uv")
    if uv:
        return [uv]
    if os.environ.get("OI_TESTS_VOLLEDIG"):
        pytest.fail("uv ontbreekt: installeer het met 'python3 -m pip install uv'")
    pytest.skip("uv ontbreekt: installeer het met 'python3 -m pip install uv'")


def _must(args: list[str], **kw: Any) -> subprocess.CompletedProcess[str]:
    uit = subprocess.run(args, capture_output=True, text=True, check=False, **kw)
    assert uit.returncode == 0, f"{args}\n{uit.stdout}\n{uit.stderr}"
    return uit


@pytest.fixture(scope="module")
def omgeving(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh environment with oi-excel installed from a wheelhouse; its bin folder."""
    map_ = tmp_path_factory.mktemp("wielhuis")
    wielhuis, venv = map_ / "wheelhouse", map_ / "venv"
    _must([*_uv(), "build", "--all-packages", "--wheel", "-q", "-o", str(wielhuis)], cwd=ROOT)
    assert {p.name.split("-")[0] for p in wielhuis.glob("*.whl")} >= {"oi_core", "oi_excel"}
    _must([*_uv(), "venv", "-q", "--python", sys.executable, str(venv)])
    _must([*_uv(), "pip", "install", "-q", "--python", str(venv / "bin" / "python"),
           "--find-links", str(wielhuis), "oi-excel"])  # fmt: skip
    return venv / "bin"


def _env(bin_: Path, **extra: str) -> dict[str, str]:
    weg = ("VIRTUAL_ENV", "PYTHONPATH")
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("XLWINGS_", "OI_")) and k not in weg}  # fmt: skip
    env["PATH"] = f"{bin_}{os.pathsep}{env.get('PATH', '')}"
    return {**env, **extra}


def test_production_without_sign_in_exits_with_a_dutch_message(omgeving: Path) -> None:
    opdracht = [str(omgeving / "oi"), "excel", "serve", "--productie", "--achter-proxy"]
    uit = subprocess.run(opdracht, env=_env(omgeving), capture_output=True, text=True, timeout=120)
    tekst = " ".join(uit.stderr.split())
    assert uit.returncode == 1, uit.stderr
    assert "de server start niet in productie: geen aanmelding ingesteld" in tekst
    assert "Traceback" not in uit.stderr


# -- a local identity provider ----------------------------------------------------------
@pytest.fixture(scope="module")
def jwks_adres() -> Iterator[str]:
    inhoud = json.dumps({"keys": [SLEUTEL.as_dict(private=False)]}).encode()

    class Sleutels(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(inhoud)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Sleutels)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/jwks.json"
    server.shutdown()


def _token(sleutel: RSAKey = SLEUTEL, **claims: Any) -> str:
    basis = {"iss": "https://idp.test", "aud": "oi-excel", "sub": "c1", "name": "Controller",
             "exp": int(time.time()) + 3600, "roles": [ROL]}  # fmt: skip
    return jwt.encode({"alg": "RS256", "kid": "oi-idp"}, {**basis, **claims}, sleutel)


def _entra_token() -> str:
    return _token(ver="2.0", iss="https://login.microsoftonline.com/tenant-test/v2.0",
                  aud="client-test")  # fmt: skip


@pytest.fixture(scope="module")
def server(omgeving: Path, jwks_adres: str, hulp: SimpleNamespace) -> Iterator[str]:
    poort = hulp.free_port()
    env = _env(
        omgeving,
        XLWINGS_AUTH_PROVIDERS='["custom", "entraid"]',
        XLWINGS_AUTH_REQUIRED_ROLES=f'["{ROL}"]',
        XLWINGS_AUTH_ENTRAID_CLIENT_ID="client-test",
        XLWINGS_AUTH_ENTRAID_TENANT_ID="tenant-test",
        XLWINGS_HOSTNAME=f"127.0.0.1:{poort}",
        OI_AUTH_JWKS_URL=jwks_adres,
        OI_AUTH_UITGEVER="https://idp.test",
        OI_AUTH_DOELGROEP="oi-excel",
        OI_MAX_VERZOEK_MB="1",
    )
    proces = hulp.start_server(
        [str(omgeving / "oi"), "excel", "serve", "--productie", "--achter-proxy",
         "--werkers", "2", "--poort", str(poort)],
        env,
    )  # fmt: skip
    adres = f"http://127.0.0.1:{poort}"
    try:
        hulp.wait_for(adres, proces)
        yield adres
    finally:
        hulp.stop_server(proces)


def _call(adres: str, hulp: SimpleNamespace, kop: dict[str, str], **kw: Any) -> httpx.Response:
    straat = hulp.seed("straatreiniging_stadsdelen").iloc[:-1]
    body = hulp.payload("OI_AANDEEL", hulp.column(straat["fte_pct"].astype(float)))
    return httpx.post(f"{adres}/xlwings/custom-functions-call", json=body, headers=kop,
                      timeout=30, **kw)  # fmt: skip


def _custom(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", "Auth-Provider": "custom"}


def test_a_valid_token_gets_the_cores_numbers(server: str, hulp: SimpleNamespace) -> None:
    r = _call(server, hulp, _custom(_token()))
    assert r.status_code == 200, r.text
    straat = hulp.seed("straatreiniging_stadsdelen").iloc[:-1]
    verwacht = hulp.call("OI_AANDEEL", hulp.column(straat["fte_pct"].astype(float)))
    assert r.json()["result"] == verwacht


def test_an_entra_id_token_checked_against_the_local_keys_gets_200(
    server: str, hulp: SimpleNamespace
) -> None:
    kop = {"Authorization": f"Bearer {_entra_token()}", "Auth-Provider": "entraid"}
    assert _call(server, hulp, kop).status_code == 200


@pytest.mark.parametrize(
    ("kop", "status"),
    [
        ({"Auth-Provider": "custom"}, 401),
        (_custom("onzin"), 401),
        (_custom(_token(VREEMD)), 401),
        (_custom(_token(aud="ander-systeem")), 401),
        (_custom(_token(exp=int(time.time()) - 10)), 401),
        (_custom(_token(roles=[])), 403),
        ({"Authorization": f"Bearer {_token(VREEMD)}", "Auth-Provider": "entraid"}, 401),
    ],
    ids=[
        "geen-token",
        "onzin",
        "verkeerd-getekend",
        "andere-doelgroep",
        "verlopen",
        "zonder-rol",
        "entra-verkeerd-getekend",
    ],
)
def test_without_a_valid_token_nothing_is_computed(
    server: str, hulp: SimpleNamespace, kop: dict[str, str], status: int
) -> None:
    r = _call(server, hulp, kop)
    assert r.status_code == status, r.text
    assert "result" not in r.text


def test_a_foreign_origin_is_refused_and_office_is_allowed(server: str) -> None:
    pad = f"{server}/xlwings/custom-functions-call"
    vraag = {"Access-Control-Request-Method": "POST"}
    vreemd = httpx.options(pad, headers={**vraag, "Origin": "https://kwaad.example"})
    assert "access-control-allow-origin" not in vreemd.headers
    office = httpx.options(pad, headers={**vraag, "Origin": "https://excel.officeapps.live.com"})
    assert office.headers["access-control-allow-origin"] == "https://excel.officeapps.live.com"


def test_a_too_large_request_gets_413_in_dutch(server: str) -> None:
    r = httpx.post(f"{server}/xlwings/custom-functions-call", content=b"x" * (2 * 1024 * 1024),
                   headers={"Content-Type": "application/json"})  # fmt: skip
    assert r.status_code == 413
    assert "Het verzoek is te groot (meer dan 1 MB)" in r.text


def test_the_health_endpoint_answers_without_sign_in(server: str) -> None:
    antwoord = httpx.get(f"{server}/gezondheid").json()
    assert antwoord["status"] == "ok"
    assert antwoord["functies"] >= 10
