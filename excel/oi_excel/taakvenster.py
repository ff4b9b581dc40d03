"""What the add-in's task pane and health endpoint show, computed from the registries.

The xlwings Server project (``excel/server``) renders it: ``templates/taskpane.html``
lists every registered OI function with its Dutch help under the name the Office.js
add-in uses (``OI.MATCH``), the server's version and a link per activiteit to download its
werkmap; ``routers/custom.py`` serves ``/gezondheid`` from :func:`gezondheid`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from importlib.metadata import PackageNotFoundError, version
from typing import Any

__all__ = [
    "AANBIEDER",
    "BESCHRIJVING",
    "UDF_VOORVOEGSEL",
    "FunctieHulp",
    "Route",
    "formule_naam",
    "gezondheid",
    "manifest_tekst",
    "taakvenster",
    "web_naam",
]

AANBIEDER = "Gemeente Amsterdam, Ongelijk investeren"
BESCHRIJVING = (
    "Rekent in Excel uit of de inzet van de gemeente (geld, fte, m²) in verhouding is met de "
    "opgave per gebied: aandelen, verschil, OI-index en signaal."
)


@dataclass(frozen=True)
class FunctieHulp:
    """One line of the task pane's function list."""

    naam: str
    argumenten: str
    uitleg: str
    plugin: str


def web_naam(naam: str) -> str:
    """The name Office.js shows for Excel function ``naam``: ``OI_MATCH`` → ``OI.MATCH``."""
    from oi_excel.udfs import SERVER_NAMESPACE

    return f"{SERVER_NAMESPACE}.{naam.removeprefix('OI_')}"


class Route(StrEnum):
    """The Excel route a workbook's formulas are written for."""

    WEB = "web"
    """The Office.js add-in of xlwings Server (Excel on Windows, Mac and the web)."""
    KLASSIEK = "klassiek"
    """The classic xlwings add-in (VBA, Excel for Windows only)."""


UDF_VOORVOEGSEL = "_xldudf_"
"""How Excel stores an add-in's function in the file: ``=OI.MATCH(…)`` is kept as
``_xldudf_OI_MATCH(…)`` (namespace and name joined by ``_``), see docs/excel/werkmap.md."""


def formule_naam(naam: str, route: Route) -> str:
    """The name of Excel function ``naam`` as a workbook of ``route`` stores it in a formula:
    the classic add-in's VBA name ``OI_MATCH``, or the stored form of :func:`web_naam`."""
    if route is Route.KLASSIEK:
        return naam
    return UDF_VOORVOEGSEL + web_naam(naam).replace(".", "_")


def _versie(distributie: str) -> str:
    try:
        return version(distributie)
    except PackageNotFoundError:
        return "onbekend"


def _functies() -> list[FunctieHulp]:
    from oi_core.plugins.manager import excel_functies

    uit = []
    for f in sorted(excel_functies().values(), key=lambda f: f.naam):
        naam = web_naam(f.naam)
        argumenten = "; ".join(a.naam + ("?" if a.optioneel else "") for a in f.argumenten)
        uit.append(FunctieHulp(naam, argumenten, f.beschrijving, f.plugin))
    return uit


def _activiteiten() -> list[dict[str, str]]:
    from oi_core.plugins.manager import activiteiten

    return [
        {"code": code, "naam": reg.activiteit.naam, "niveau": reg.activiteit.niveau.value}
        for code, reg in sorted(activiteiten().items())
    ]


def taakvenster() -> dict[str, Any]:
    """Everything the task pane shows (rendered by ``templates/taskpane.html``)."""
    from oi_excel.udfs import SERVER_NAMESPACE

    return {
        "voorvoegsel": f"{SERVER_NAMESPACE}.",
        "versie": _versie("oi-excel"),
        "versie_core": _versie("oi-core"),
        "functies": _functies(),
        "activiteiten": _activiteiten(),
    }


def gezondheid() -> dict[str, Any]:
    """The health endpoint's answer: status, versions and the number of functions."""
    from oi_core.plugins.manager import excel_functies, plugin_problems

    return {
        "status": "ok",
        "versie": _versie("oi-excel"),
        "versie_core": _versie("oi-core"),
        "functies": len(excel_functies()),
        "pluginproblemen": len(plugin_problems()),
    }


def manifest_tekst() -> dict[str, str]:
    """The manifest's provider, description and support address (Jinja global ``oi``)."""
    import os

    return {
        "aanbieder": os.environ.get("OI_AANBIEDER", AANBIEDER),
        "beschrijving": BESCHRIJVING,
        "ondersteuning": os.environ.get("OI_ONDERSTEUNING_URL", ""),
    }


def hulp(naam: str) -> dict[str, Any] | None:
    """The help page of Excel function ``naam`` (``OI_MATCH``), or None if unknown."""
    from oi_core.plugins.manager import excel_functies

    functie = excel_functies().get(naam.upper())
    if functie is None:
        return None
    return {
        "web": web_naam(functie.naam),
        "klassiek": functie.naam,
        "uitleg": functie.beschrijving,
        "resultaat": functie.resultaat,
        "voorbeeld": functie.voorbeeld,
        "plugin": functie.plugin,
        "argumenten": [
            {"naam": a.naam, "uitleg": a.beschrijving, "optioneel": a.optioneel}
            for a in functie.argumenten
        ],
    }
