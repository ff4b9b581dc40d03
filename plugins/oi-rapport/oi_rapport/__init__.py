"""The insight report (``oi rapport``): one Excel workbook and one HTML file.

The engine builds a neutral document model (:class:`Rapport` of :class:`Sectie` and
blocks) from the analyses once; :func:`render_xlsx` and :func:`render_html` draw it.
Every number comes from the core (:class:`~oi_core.Analyse`, :func:`~oi_core.match`,
the cell classes of :mod:`oi_core.rekenen.kleuring`); the renderers only format. Chapters
that do not belong to one activity come from plugins through the report's hook
(:mod:`oi_rapport.hookspecs`, :class:`ExtraHoofdstuk`).

Names are imported on first use (PEP 562), so loading the plugin for ``oi --help`` does
not import matplotlib or xlsxwriter.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from oi_rapport.activiteit import ActiviteitHoofdstuk, build_activity
    from oi_rapport.bouw import build_report, section_key, sheet_names
    from oi_rapport.document import (
        KLASSEN,
        RIJ_GEMIDDELDE,
        RIJ_SD,
        Blok,
        Grafiek,
        Keten,
        KetenSchakel,
        Kleuring,
        Kolom,
        Opsomming,
        Rapport,
        SamenvattingBlok,
        Sectie,
        Tabel,
        Tekst,
    )
    from oi_rapport.hoofdstukken import (
        ExtraHoofdstuk,
        GemaaktHoofdstuk,
        HoofdstukInhoud,
        extra_hoofdstukken,
    )
    from oi_rapport.html_weergave import render_html
    from oi_rapport.invoer import EigenGegevens, read_inputs
    from oi_rapport.maak import RapportOpties, RapportUitkomst, Voortgang, make_report, output_paths
    from oi_rapport.samenvatting import generic_summary
    from oi_rapport.xlsx_weergave import render_xlsx

_NAMEN: dict[str, str] = {
    "ActiviteitHoofdstuk": "oi_rapport.activiteit",
    "Blok": "oi_rapport.document",
    "EigenGegevens": "oi_rapport.invoer",
    "ExtraHoofdstuk": "oi_rapport.hoofdstukken",
    "GemaaktHoofdstuk": "oi_rapport.hoofdstukken",
    "Grafiek": "oi_rapport.document",
    "HoofdstukInhoud": "oi_rapport.hoofdstukken",
    "KLASSEN": "oi_rapport.document",
    "Keten": "oi_rapport.document",
    "KetenSchakel": "oi_rapport.document",
    "Kleuring": "oi_rapport.document",
    "Kolom": "oi_rapport.document",
    "Opsomming": "oi_rapport.document",
    "RIJ_GEMIDDELDE": "oi_rapport.document",
    "RIJ_SD": "oi_rapport.document",
    "Rapport": "oi_rapport.document",
    "RapportOpties": "oi_rapport.maak",
    "RapportUitkomst": "oi_rapport.maak",
    "SamenvattingBlok": "oi_rapport.document",
    "Sectie": "oi_rapport.document",
    "Tabel": "oi_rapport.document",
    "Tekst": "oi_rapport.document",
    "Voortgang": "oi_rapport.maak",
    "build_activity": "oi_rapport.activiteit",
    "build_report": "oi_rapport.bouw",
    "extra_hoofdstukken": "oi_rapport.hoofdstukken",
    "generic_summary": "oi_rapport.samenvatting",
    "make_report": "oi_rapport.maak",
    "output_paths": "oi_rapport.maak",
    "read_inputs": "oi_rapport.invoer",
    "render_html": "oi_rapport.html_weergave",
    "render_xlsx": "oi_rapport.xlsx_weergave",
    "section_key": "oi_rapport.bouw",
    "sheet_names": "oi_rapport.bouw",
}

__all__ = [
    "KLASSEN",
    "RIJ_GEMIDDELDE",
    "RIJ_SD",
    "ActiviteitHoofdstuk",
    "Blok",
    "EigenGegevens",
    "ExtraHoofdstuk",
    "GemaaktHoofdstuk",
    "Grafiek",
    "HoofdstukInhoud",
    "Keten",
    "KetenSchakel",
    "Kleuring",
    "Kolom",
    "Opsomming",
    "Rapport",
    "RapportOpties",
    "RapportUitkomst",
    "SamenvattingBlok",
    "Sectie",
    "Tabel",
    "Tekst",
    "Voortgang",
    "build_activity",
    "build_report",
    "extra_hoofdstukken",
    "generic_summary",
    "make_report",
    "output_paths",
    "read_inputs",
    "render_html",
    "render_xlsx",
    "section_key",
    "sheet_names",
]


def __getattr__(naam: str) -> Any:
    """Import a public name on first use."""
    if naam not in _NAMEN:
        raise AttributeError(f"module 'oi_rapport' has no attribute {naam!r}")
    waarde = getattr(importlib.import_module(_NAMEN[naam]), naam)
    globals()[naam] = waarde
    return waarde


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
