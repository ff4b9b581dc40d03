"""The central server's safety rules, without a server: production checks, CORS, sign-in, size."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.exceptions import HTTPException
from joserfc import jwt
from joserfc.jwk import RSAKey
from oi_excel import aanmelden
from oi_excel.asgi import GrootteGrens
from oi_excel.server import (
    OFFICE_ORIGINS,
    Opstart,
    check_opstart,
    cors_origins,
    productie_fouten,
    server_env,
)

from oi_core.errors import InvoerFout

ENTRA = {
    "XLWINGS_AUTH_PROVIDERS": '["entraid"]',
    "XLWINGS_AUTH_ENTRAID_CLIENT_ID": "c1",
    "XLWINGS_AUTH_ENTRAID_TENANT_ID": "t1",
    "XLWINGS_HOSTNAME": "oi.voorbeeld.nl",
}
PRODUCTIE = Opstart(productie=True, host="0.0.0.0", achter_proxy=True)


# -- production mode refuses to start unsafely -------------------------------------------
def test_production_without_anything_names_every_missing_setting() -> None:
    fouten = productie_fouten({}, Opstart(productie=True))
    tekst = " ".join(fouten)
    assert "geen aanmelding ingesteld" in tekst
    assert "XLWINGS_HOSTNAME ontbreekt" in tekst
    assert "geen https" in tekst


def test_a_complete_entra_configuration_may_start() -> None:
    assert productie_fouten(ENTRA, PRODUCTIE) == []


@pytest.mark.parametrize(
    ("wijziging", "melding"),
    [
        ({"XLWINGS_AUTH_ENTRAID_TENANT_ID": ""}, "XLWINGS_AUTH_ENTRAID_TENANT_ID ontbreekt"),
        ({"XLWINGS_AUTH_PROVIDERS": "custom"}, "OI_AUTH_JWKS_URL ontbreekt (nodig voor custom)"),
        ({"XLWINGS_AUTH_PROVIDERS": '["ldap"]'}, "onbekende aanmelding ldap"),
        ({"OI_CORS_EXTRA": "*"}, "'*' als toegestane herkomst"),
        ({"XLWINGS_HOSTNAME": " "}, "XLWINGS_HOSTNAME ontbreekt"),
    ],
)
def test_each_missing_piece_is_named(wijziging: dict[str, str], melding: str) -> None:
    fouten = productie_fouten({**ENTRA, **wijziging}, PRODUCTIE)
    assert any(melding in f for f in fouten), fouten


def test_production_needs_tls_or_a_proxy() -> None:
    fouten = productie_fouten(ENTRA, Opstart(productie=True))
    assert fouten == [
        "geen https: geef --certificaat en --sleutel, of --achter-proxy als een proxy voor de "
        "server https afhandelt"
    ]
    met_certificaat = Opstart(productie=True, certificaat=Path("c.pem"), sleutel=Path("k.pem"))
    assert productie_fouten(ENTRA, met_certificaat) == []


def test_development_mode_stays_on_this_computer() -> None:
    with pytest.raises(InvoerFout, match=r"alleen op 127\.0\.0\.1"):
        check_opstart(Opstart(host="0.0.0.0"), {})
    check_opstart(Opstart(), {})


def test_development_mode_switches_sign_in_off_and_says_so() -> None:
    env = server_env({"XLWINGS_AUTH_PROVIDERS": '["entraid"]'}, Opstart())
    assert env["XLWINGS_AUTH_PROVIDERS"] == "[]"
    assert server_env(ENTRA, PRODUCTIE)["XLWINGS_AUTH_PROVIDERS"] == '["entraid"]'


def test_cors_never_allows_every_origin() -> None:
    for opstart in (Opstart(poort=9000), PRODUCTIE):
        origins = json.loads(server_env(ENTRA, opstart)["XLWINGS_CORS_ALLOW_ORIGINS"])
        assert "*" not in origins
        assert set(OFFICE_ORIGINS) <= set(origins)
    assert cors_origins(ENTRA, PRODUCTIE)[0] == "https://oi.voorbeeld.nl"
    assert "http://127.0.0.1:9000" in cors_origins({}, Opstart(poort=9000))


def test_serve_productie_without_sign_in_exits_with_a_dutch_message(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from oi_core.cli import main

    for naam in ("XLWINGS_AUTH_PROVIDERS", "XLWINGS_HOSTNAME"):
        monkeypatch.delenv(naam, raising=False)
    assert main(["excel", "serve", "--productie", "--achter-proxy"]) == 1
    uit = capsys.readouterr()
    fout = " ".join(uit.err.split())  # rich wraps long lines
    assert "de server start niet in productie" in fout
    assert "geen aanmelding ingesteld" in fout
    assert "Traceback" not in uit.err + uit.out


# -- the custom sign-in provider --------------------------------------------------------------
SLEUTEL = RSAKey.generate_key(2048, parameters={"kid": "oi-test"})
ANDERE = RSAKey.generate_key(2048, parameters={"kid": "oi-test"})


def token(sleutel: RSAKey = SLEUTEL, **claims: Any) -> str:
    basis = {"iss": "https://login.test", "aud": "oi-excel", "sub": "u1", "name": "Controller",
             "exp": int(time.time()) + 600, "roles": ["OI.Gebruiker"]}  # fmt: skip
    return jwt.encode({"alg": "RS256", "kid": "oi-test"}, {**basis, **claims}, sleutel)


@pytest.fixture
def sleutelbestand(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    pad = tmp_path / "jwks.json"
    pad.write_text(json.dumps({"keys": [SLEUTEL.as_dict(private=False)]}), encoding="utf-8")
    monkeypatch.setenv("OI_AUTH_JWKS_URL", str(pad))
    monkeypatch.setenv("OI_AUTH_UITGEVER", "https://login.test")
    monkeypatch.setenv("OI_AUTH_DOELGROEP", "oi-excel")
    aanmelden._CACHE.clear()
    return pad


def _valideer(kop: str) -> Any:
    return asyncio.run(aanmelden.valideer_token(kop))


@pytest.mark.usefixtures("sleutelbestand")
def test_a_valid_token_gives_the_user_and_roles() -> None:
    gebruiker = _valideer(f"Bearer {token()}")
    assert (gebruiker.id, gebruiker.name, gebruiker.roles) == ("u1", "Controller", ["OI.Gebruiker"])


@pytest.mark.usefixtures("sleutelbestand")
@pytest.mark.parametrize(
    ("kop", "reden"),
    [
        ("", "stuur een token"),
        ("Bearer", "stuur een token"),
        ("Bearer onzin", "handtekening"),
        (f"Bearer {token(ANDERE)}", "handtekening"),
        (f"Bearer {token(aud='iets-anders')}", "niet geldig"),
        (f"Bearer {token(iss='https://vreemd.test')}", "niet geldig"),
        (f"Bearer {token(exp=int(time.time()) - 60)}", "niet geldig"),
        (f"Basic {token()}", "stuur een token"),
    ],
)
def test_a_bad_token_is_refused_with_401(kop: str, reden: str) -> None:
    with pytest.raises(HTTPException) as fout:
        _valideer(kop)
    assert fout.value.status_code == 401
    assert reden in str(fout.value.detail)
    assert str(fout.value.detail).startswith("Niet aangemeld: ")


def test_without_a_key_set_every_token_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OI_AUTH_JWKS_URL", raising=False)
    with pytest.raises(HTTPException, match="geen sleutels"):
        _valideer(f"Bearer {token()}")


# -- the request size limit -------------------------------------------------------------------
async def _echo(scope: Any, receive: Any, send: Any) -> None:
    lichaam = b""
    while True:
        bericht = await receive()
        lichaam += bericht.get("body", b"")
        if not bericht.get("more_body"):
            break
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": lichaam})


def _verzoek(delen: list[bytes], lengte: int | None) -> tuple[int, bytes]:
    kop = [] if lengte is None else [(b"content-length", str(lengte).encode())]
    scope = {"type": "http", "headers": kop}
    wachtrij = [{"type": "http.request", "body": d, "more_body": i < len(delen) - 1}
                for i, d in enumerate(delen)]  # fmt: skip
    antwoord: list[Any] = []

    async def receive() -> Any:
        return wachtrij.pop(0)

    async def send(bericht: Any) -> None:
        antwoord.append(bericht)

    asyncio.run(GrootteGrens(_echo, 100)(scope, receive, send))
    return antwoord[0]["status"], b"".join(b.get("body", b"") for b in antwoord[1:])


def test_a_small_request_passes_the_size_limit() -> None:
    assert _verzoek([b"x" * 60, b"y" * 40], 100) == (200, b"x" * 60 + b"y" * 40)


@pytest.mark.parametrize("lengte", [101, None, 10])  # declared too large, absent, false
def test_a_large_request_gets_413_in_dutch(lengte: int | None) -> None:
    status, tekst = _verzoek([b"x" * 80, b"y" * 80], lengte)
    assert status == 413
    assert "Het verzoek is te groot" in tekst.decode()


# -- xlwings' per-cell JsNull check ----------------------------------------------------------
def test_outside_pyodide_the_jsnull_check_is_a_constant() -> None:
    import xlwings.conversion.standard as standard
    import xlwings.utils as utils
    from oi_excel.snelheid import speed_up_xlwings
    from oi_excel.udfs import decorators

    decorators("server")
    assert utils.is_jsnull is standard.is_jsnull
    assert utils.is_jsnull(None) is False and utils.is_jsnull(1.0) is False
    assert speed_up_xlwings() is True
