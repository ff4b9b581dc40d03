"""The OI add-in's own routes on xlwings Server: health, werkmap download, task pane data.

xlwings Server includes ``routers/custom.py`` of the project directory (its documented
extension point). This module also makes ``oi`` available to the project's templates
(``manifest.xml``, ``taskpane.html``); the content comes from :mod:`oi_excel.taakvenster`.
"""

import tempfile
from pathlib import Path
from types import SimpleNamespace

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from oi_excel.taakvenster import gezondheid, hulp, manifest_tekst, taakvenster
from xlwings_server.config import settings
from xlwings_server.templates import TemplateResponse, templates

from oi_core.errors import OIFout

router = APIRouter(prefix=settings.app_path)
templates.env.globals["oi"] = SimpleNamespace(taakvenster=taakvenster, **manifest_tekst())

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@router.get("/gezondheid")
def oi_gezondheid() -> JSONResponse:
    """Health check for monitoring: 200 with versions and the number of functions."""
    return JSONResponse(gezondheid(), headers={"Cache-Control": "no-store"})


@router.get("/werkmap/{code}.xlsx")
def oi_werkmap(code: str) -> Response:
    """The werkmap of activiteit ``code`` (input table and OI functions, no user data)."""
    from oi_excel.werkmap.schrijven import make_werkmap

    with tempfile.TemporaryDirectory() as map_:
        try:
            pad = make_werkmap(code, Path(map_) / f"{code}.xlsx")
        except OIFout as fout:
            return PlainTextResponse(f"Fout: {fout}", status_code=404)
        inhoud = pad.read_bytes()
    kop = {"Content-Disposition": f'attachment; filename="{code}.xlsx"'}
    return Response(inhoud, media_type=XLSX, headers=kop)


@router.get("/hulp/{naam}")
def oi_hulp(request: Request, naam: str) -> Response:
    """The help page of one function (the ``help_url`` in Excel's function dialog)."""
    pagina = hulp(naam)
    if pagina is None:
        return PlainTextResponse(f"Fout: er is geen OI-functie '{naam}'", status_code=404)
    return TemplateResponse(request=request, name="oi_hulp.html", context={"f": pagina})
