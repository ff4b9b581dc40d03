"""The insight report (``oi rapport``): one Excel workbook and one HTML file.

The engine builds a neutral document model (:class:`Rapport` of :class:`Sectie` and
blocks) from the analyses once; :func:`render_xlsx` and :func:`render_html` draw it.
Every number comes from the core (:class:`~oi_core.Analyse`, :func:`~oi_core.match`,
the cell classes of :mod:`oi_core.rekenen.kleuring`); the renderers only format. Chapters
that do not belong to one activity come from plugins through the report's hook
(:mod:`oi_rapport.hookspecs`, :class:`ExtraHoofdstuk`).
"""

from __future__ import annotations

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
from oi_rapport.invoer import EigenGegevens, read_inputs
from oi_rapport.maak import RapportOpties, RapportUitkomst, Voortgang, make_report, output_paths
from oi_rapport.render_html import render_html
from oi_rapport.render_xlsx import render_xlsx
from oi_rapport.samenvatting import generic_summary

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
