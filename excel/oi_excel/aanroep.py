"""A shorter road for xlwings Server's custom-functions call, with the same wire protocol.

``POST …/xlwings/custom-functions-call`` is what Excel sends for every recalculated OI
formula. xlwings Server's own route validates the body with FastAPI (``data: dict =
Body``), writes the answer through ``jsonable_encoder`` (a Python call per cell: several
milliseconds for an ``OI_MATCH`` over 518 buurten) and takes the Redis client of its
object cache from a synchronous dependency, which FastAPI runs in the thread pool.

:func:`fast_custom_functions_call` puts a route on the same path before it that keeps
everything else: the same sign-in and roles (``dependencies.User``), the same Redis client,
and xlwings Server's own route function for the call itself (logging, caller address,
object cache, follow-up scripts, errors as HTTP 400 with the Dutch message). Only the
body is read with :func:`json.loads` and the answer written with :func:`json.dumps`, as
FastAPI's ``JSONResponse`` writes it. A body that is not a JSON object gets HTTP 422, as
before. Measured in ``benchmarks/excel_benchmark.py``.

No ``from __future__ import annotations`` here: FastAPI reads the route's annotations.
"""

import json
from collections.abc import AsyncIterator
from typing import Any

from fastapi import Depends, Request, Response
from fastapi.responses import PlainTextResponse
from fastapi.routing import APIRoute

__all__ = ["fast_custom_functions_call"]


def fast_custom_functions_call(fastapi_app: Any) -> None:
    """Put the shorter custom-functions route before xlwings Server's own (same path)."""
    from xlwings_server import dependencies as dep  # type: ignore[import-untyped]
    from xlwings_server.routers import xlwings as xlwings_route  # type: ignore[import-untyped]

    origineel = xlwings_route.custom_functions_call

    async def redis_client() -> AsyncIterator[Any]:
        bron = dep.get_redis_client()  # a client from the pool: no I/O, so no thread needed
        try:
            yield next(bron)
        finally:
            bron.close()

    async def custom_functions_call(
        request: Request,
        current_user: dep.User,
        client: Any = Depends(redis_client),  # noqa: B008 (FastAPI's dependency syntax)
    ) -> Response:
        data = _json_object(await request.body())
        if data is None:
            return PlainTextResponse("Het verzoek is geen JSON-object.", status_code=422)
        antwoord = await origineel(current_user=current_user, redis_client=client, data=data)
        return Response(_json(antwoord), media_type="application/json")

    pad = f"{xlwings_route.router.prefix}/custom-functions-call"
    fastapi_app.router.routes.insert(0, APIRoute(pad, custom_functions_call, methods=["POST"]))


def _json_object(inhoud: bytes) -> dict[str, Any] | None:
    try:
        data = json.loads(inhoud)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def _json(antwoord: Any) -> bytes:
    """As FastAPI's ``JSONResponse`` renders it."""
    tekst = json.dumps(antwoord, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return tekst.encode("utf-8")
