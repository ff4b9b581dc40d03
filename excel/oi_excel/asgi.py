"""The ASGI app ``oi excel serve`` runs: xlwings Server behind a request size limit.

``OI_MAX_VERZOEK_MB`` (default 10) caps a request's body; a larger one gets HTTP 413 with a
Dutch message before it is read into memory (checked on ``Content-Length`` and while the
body streams in, so a missing or false header does not get around it).

The custom-functions call takes a shorter road through FastAPI with the same wire
protocol and sign-in (:mod:`oi_excel.aanroep`).
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

__all__ = ["GrootteGrens", "app", "max_bytes"]

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


def _build() -> ASGIApp:
    from xlwings_server.main import app as fastapi_app  # type: ignore[import-untyped]
    from xlwings_server.main import main_app

    from oi_excel.aanroep import fast_custom_functions_call

    fast_custom_functions_call(fastapi_app)
    return GrootteGrens(main_app, max_bytes())


app = _build()
