"""The ASGI app ``oi excel serve`` runs: xlwings Server behind a request size limit.

``OI_MAX_VERZOEK_MB`` (default 10) caps a request's body; a larger one gets HTTP 413 with a
Dutch message before it is read into memory (checked on ``Content-Length`` and while the
body streams in, so a missing or false header does not get around it).

The custom-functions call takes a shorter road through FastAPI with the same wire
protocol and sign-in (:mod:`oi_excel.aanroep`); its security headers are set by xlwings
Server's own header function without Starlette's ``BaseHTTPMiddleware`` around it
(:class:`Beveiligingskoppen`), which costs an anyio task group per request.

Once the app is built, every object it holds (pandas, FastAPI, the catalogue: some
180,000) is moved out of the garbage collector's reach with :func:`gc.freeze`. Without
that, a full collection runs every hundred or so calls (each call's JSON promotes a few
thousand objects) and walks all of them: a pause of 100 ms and more in one worker, which
is the slowest 1 % of the calls. Those objects live as long as the server anyway.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

__all__ = ["Beveiligingskoppen", "GrootteGrens", "app", "max_bytes"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def max_bytes() -> int:
    """The largest request body accepted, from ``OI_MAX_VERZOEK_MB``."""
    return int(float(os.environ.get("OI_MAX_VERZOEK_MB", "10")) * 1024 * 1024)


class _TeGroot(Exception):
    pass


class GrootteGrens:
    """ASGI middleware refusing request bodies above ``grens`` bytes with a Dutch 413."""

    def __init__(self, app: ASGIApp, grens: int) -> None:
        self.app, self.grens = app, grens

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        lengte = dict(scope.get("headers") or []).get(b"content-length")
        if lengte is not None and lengte.isdigit() and int(lengte) > self.grens:
            await self._weiger(send)
            return
        try:
            await self.app(scope, self._teller(receive), send)
        except _TeGroot:
            await self._weiger(send)

    def _teller(self, receive: Receive) -> Receive:
        gelezen = 0

        async def ontvang() -> Message:
            nonlocal gelezen
            bericht = await receive()
            gelezen += len(bericht.get("body", b""))
            if gelezen > self.grens:
                raise _TeGroot
            return bericht

        return ontvang

    async def _weiger(self, send: Send) -> None:
        mb = self.grens / 1024 / 1024
        tekst = f"Het verzoek is te groot (meer dan {mb:g} MB). Kies een kleiner bereik.".encode()
        kop = [
            (b"content-type", b"text/plain; charset=utf-8"),
            (b"content-length", str(len(tekst)).encode()),
        ]
        await send({"type": "http.response.start", "status": 413, "headers": kop})
        await send({"type": "http.response.body", "body": tekst})


Dispatch = Callable[[Any, Callable[[Any], Awaitable[Any]]], Awaitable[Any]]


class Beveiligingskoppen:
    """xlwings Server's security-header middleware, as plain ASGI on ``paden``.

    xlwings Server sets its security headers in an ``@app.middleware("http")`` function
    (``add_security_headers``), which Starlette runs in a ``BaseHTTPMiddleware``: an anyio
    task group and memory streams per request, most of a small call's server time. Here
    the same function runs on the response's own headers when the response starts (its
    ``call_next`` hands it a response carrying them), so every header it sets, replaces or
    removes is exactly as before. Other paths go through ``BaseHTTPMiddleware`` unchanged.
    """

    def __init__(self, app: ASGIApp, dispatch: Dispatch, paden: frozenset[str]) -> None:
        from starlette.middleware.base import BaseHTTPMiddleware

        self.app, self.dispatch, self.paden = app, dispatch, paden
        self.elders: ASGIApp = BaseHTTPMiddleware(app, dispatch=dispatch)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].endswith(tuple(self.paden)):
            await self.elders(scope, receive, send)
            return

        async def verstuur(bericht: Message) -> None:
            if bericht["type"] == "http.response.start":
                bericht = await self._koppen(scope, bericht)
            await send(bericht)

        await self.app(scope, receive, verstuur)

    async def _koppen(self, scope: Scope, bericht: Message) -> Message:
        from starlette.requests import Request
        from starlette.responses import Response

        antwoord = Response(status_code=bericht["status"])
        antwoord.raw_headers = list(bericht.get("headers", []))

        async def call_next(_: Any) -> Response:
            return antwoord

        uit = await self.dispatch(Request(scope), call_next)
        return {**bericht, "headers": uit.raw_headers}


def security_headers_plain(fastapi_app: Any, paden: frozenset[str]) -> None:
    """Run xlwings Server's ``add_security_headers`` as :class:`Beveiligingskoppen`."""
    from starlette.middleware import Middleware
    from starlette.middleware.base import BaseHTTPMiddleware

    lijst = fastapi_app.user_middleware
    for i, laag in enumerate(lijst):
        dispatch = laag.kwargs.get("dispatch")
        if laag.cls is BaseHTTPMiddleware and getattr(dispatch, "__name__", "") == (
            "add_security_headers"
        ):
            lijst[i] = Middleware(Beveiligingskoppen, dispatch=dispatch, paden=paden)
    fastapi_app.middleware_stack = None  # built again, with the new layer, on first use


def _build() -> ASGIApp:
    from xlwings_server.main import app as fastapi_app  # type: ignore[import-untyped]
    from xlwings_server.main import main_app

    from oi_excel.aanroep import fast_custom_functions_call

    pad = fast_custom_functions_call(fastapi_app)
    security_headers_plain(fastapi_app, frozenset({pad}))
    gc.freeze()
    return GrootteGrens(main_app, max_bytes())


app = _build()
