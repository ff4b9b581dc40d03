"""Sign-in for the central server: tokens checked against the keys of an identity provider.

Two routes, both through xlwings Server's ``XLWINGS_AUTH_PROVIDERS``:

* ``entraid`` — xlwings Server's own Entra ID provider (tenant, client id; tokens are
  checked against the tenant's published keys). :func:`jwks_laden` lets a server without
  internet access use a local copy of those keys (``OI_AUTH_JWKS_URL``).
* ``custom`` — for a municipality without Entra ID: any OpenID Connect provider that signs
  access tokens (JWT). :func:`valideer_token` checks signature (keys from
  ``OI_AUTH_JWKS_URL``), issuer (``OI_AUTH_UITGEVER``), audience (``OI_AUTH_DOELGROEP``)
  and expiry; roles come from the ``roles`` claim (``XLWINGS_AUTH_REQUIRED_ROLES``).

Secrets and addresses come only from the environment (see ``excel/server/.env.example``).
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

__all__ = ["JWKS_URL", "jwks_laden", "valideer_token"]

JWKS_URL = "OI_AUTH_JWKS_URL"
_CACHE: dict[str, tuple[float, dict[str, Any]]] = {}
_GELDIG = 3600.0  # seconds a fetched key set is reused


async def jwks_laden() -> dict[str, Any] | None:
    """The key set at ``OI_AUTH_JWKS_URL`` (https URL or file), cached one hour; else None."""
    bron = os.environ.get(JWKS_URL, "").strip()
    if not bron:
        return None
    bewaard = _CACHE.get(bron)
    if bewaard and time.monotonic() - bewaard[0] < _GELDIG:
        return bewaard[1]
    sleutels = await _fetch(bron)
    _CACHE[bron] = (time.monotonic(), sleutels)
    return sleutels


async def _fetch(bron: str) -> dict[str, Any]:
    if bron.startswith(("http://", "https://")):
        import httpx

        async with httpx.AsyncClient(timeout=10) as client:
            antwoord = await client.get(bron)
            antwoord.raise_for_status()
            data: dict[str, Any] = antwoord.json()
            return data
    loaded: dict[str, Any] = json.loads(Path(bron).read_text(encoding="utf-8"))
    return loaded


def _weiger(reden: str) -> Exception:
    from fastapi import status
    from fastapi.exceptions import HTTPException

    return HTTPException(status.HTTP_401_UNAUTHORIZED, detail=f"Niet aangemeld: {reden}")


def _bearer(token_string: str) -> str:
    delen = token_string.split()
    if len(delen) != 2 or delen[0].lower() != "bearer":
        raise _weiger("stuur een token als 'Authorization: Bearer …'")
    return delen[1]


async def _claims(token: str) -> dict[str, Any]:
    from joserfc import jwt
    from joserfc.jwk import KeySet

    sleutels = await jwks_laden()
    if sleutels is None:
        raise _weiger(f"de server kent geen sleutels ({JWKS_URL} ontbreekt)")
    try:
        claims: dict[str, Any] = jwt.decode(token, KeySet.import_key_set(sleutels)).claims  # type: ignore[arg-type]
    except Exception:
        raise _weiger("de handtekening van het token klopt niet") from None
    return claims


def _check_claims(claims: dict[str, Any]) -> None:
    from joserfc.jwt import JWTClaimsRegistry

    regels = JWTClaimsRegistry(
        iss={"essential": True, "value": os.environ.get("OI_AUTH_UITGEVER", "")},
        aud={"essential": True, "value": os.environ.get("OI_AUTH_DOELGROEP", "")},
        exp={"essential": True},
    )
    try:
        regels.validate(claims)
    except Exception as fout:
        raise _weiger(f"het token is niet geldig voor deze server ({fout})") from None


async def valideer_token(token_string: str) -> Any:
    """The ``custom`` provider: the signed-in user of a valid bearer token, else HTTP 401."""
    from xlwings_server.models import User  # type: ignore[import-untyped]

    claims = await _claims(_bearer(token_string))
    _check_claims(claims)
    return User(id=str(claims.get("sub", "")), name=claims.get("name"), claims=claims)
