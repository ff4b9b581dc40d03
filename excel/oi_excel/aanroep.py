"""A shorter road for xlwings Server's custom-functions call, with the same wire protocol.

``POST …/xlwings/custom-functions-call`` is what Excel sends for every recalculated OI
formula. xlwings Server's own route validates the body with FastAPI (``data: dict =
Body``), writes the answer through ``jsonable_encoder`` (a Python call per cell), and
FastAPI solves its dependencies per request; together more server time than an
``OI_MATCH`` over 518 buurten itself.

:func:`fast_custom_functions_call` puts a plain ASGI route (:class:`Aanroep`) on the same
path before it that keeps everything the client sees: the same sign-in and roles (xlwings
Server's ``authenticate`` and ``get_user``, called with the same headers), the same Redis
client, and xlwings Server's own route function for the call itself (logging, caller
address, object cache, follow-up scripts). Errors are raised into the same app, so
FastAPI's exception handlers answer them as before (401/403 for sign-in, HTTP 400 with
the Dutch message, 500 for a defect outside the functions). Only the body is read with
orjson and the answer written with orjson instead of the standard library (see
:func:`json_object` and :func:`json_bytes`: same values, standard library as fallback). A
body that is not a JSON object gets HTTP 422, as before. The security headers of this
route are set by :class:`oi_excel.asgi.Beveiligingskoppen`. Measured in
``benchmarks/excel_benchmark.py``.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import orjson
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

__all__ = ["PAD", "Aanroep", "fast_custom_functions_call", "json_bytes", "json_object"]

PAD = "/xlwings/custom-functions-call"
"""The path of the call below xlwings Server's ``app_path``."""

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]


class Aanroep:
    """The custom-functions call as a plain ASGI app (no FastAPI dependency solving)."""

    def __init__(self, dep: Any, origineel: Callable[..., Awaitable[Any]]) -> None:
        self.dep, self.origineel = dep, origineel

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        user = await self._user(request)
        data = json_object(await request.body())
        if data is None:
            weiger = PlainTextResponse("Het verzoek is geen JSON-object.", status_code=422)
            await weiger(scope, receive, send)
            return
        antwoord = await self._call(user, data)
        await Response(json_bytes(antwoord), media_type="application/json")(scope, receive, send)

    async def _user(self, request: Request) -> Any:
        """The signed-in user, as xlwings Server's ``dependencies.User`` resolves it."""
        koppen = request.headers
        user = await self.dep.authenticate(
            token_string=koppen.get("authorization", ""),
            auth_provider=koppen.get("auth-provider"),
        )
        return await self.dep.get_user(request, user)

    async def _call(self, user: Any, data: dict[str, Any]) -> Any:
        bron = self.dep.get_redis_client()  # a client from the pool: no I/O
        try:
            return await self.origineel(current_user=user, redis_client=next(bron), data=data)
        finally:
            bron.close()


def fast_custom_functions_call(fastapi_app: Any) -> str:
    """Put the shorter custom-functions route before xlwings Server's own (same path);
    returns the path."""
    from xlwings_server import dependencies as dep  # type: ignore[import-untyped]
    from xlwings_server.routers import xlwings as xlwings_route  # type: ignore[import-untyped]

    pad = f"{xlwings_route.router.prefix}/custom-functions-call"
    aanroep = Aanroep(dep, xlwings_route.custom_functions_call)
    fastapi_app.router.routes.insert(0, Route(pad, aanroep, methods=["POST"]))
    return pad


def json_object(inhoud: bytes) -> dict[str, Any] | None:
    """The body as a JSON object, ``None`` if it is not one.

    orjson first; what it refuses but the standard library reads (``NaN``, UTF-16, a
    byte-order mark) is read by the standard library, as before. So is a body with a run
    of 20 digits or more: orjson reads an integer past 64 bits as a float, Python keeps it
    whole (Excel itself writes at most 17 significant digits).
    """
    data = _json_load(inhoud)
    return data if isinstance(data, dict) else None


_LANG_GETAL = re.compile(rb"[0-9]{20}")


def _json_load(inhoud: bytes) -> Any:
    """The JSON value of ``inhoud``, ``None`` if it is no JSON."""
    if not _LANG_GETAL.search(inhoud):
        with contextlib.suppress(orjson.JSONDecodeError):
            return orjson.loads(inhoud)
    try:
        return json.loads(inhoud)
    except ValueError:
        return None


def json_bytes(antwoord: Any) -> bytes:
    """The answer as JSON, with the values FastAPI's ``JSONResponse`` writes.

    orjson writes the same text and numbers (a float as its shortest form; below 1e-4
    orjson writes ``0.00001`` where Python writes ``1e-05``, the same number). Where it
    would differ — NaN or infinity (orjson writes ``null``, Python refuses them), types
    orjson does not take (numpy scalars, integers past 64 bits, non-text keys) — the
    standard library writes the answer, as before. The OI functions write an empty
    cell as ``""``, so ``null`` is rare and only costs the slower road.
    """
    try:
        uit = orjson.dumps(antwoord)
    except orjson.JSONEncodeError:
        return _json_stdlib(antwoord)
    return _json_stdlib(antwoord) if b"null" in uit else uit


def _json_stdlib(antwoord: Any) -> bytes:
    """As FastAPI's ``JSONResponse`` renders it."""
    tekst = json.dumps(antwoord, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return tekst.encode("utf-8")
