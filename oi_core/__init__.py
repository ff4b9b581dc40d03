"""oi_core — ongelijk investeren voor gelijke kansen.

The core of the toolkit: the declarative model (:class:`Activiteit`,
:class:`Resultatenketen`, :class:`Indicator`), the Amsterdam :class:`Gebiedsindeling`,
the metrics, the three-step :class:`Analyse` with :func:`match`, and the plugin system.
Everything public is importable from here; plugins import nothing else.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from . import tekst
from .analyse import MATCH_KOLOMMEN, Analyse, match, signaal
from .bestanden import free_path, read_labelled, read_table, write_atomic, write_table
from .compensatie import Compensatie, compensatie
from .data import KOLOMMEN_DATA, to_tidy, validate_data
from .errors import (
    Bevinding,
    DataFout,
    GebiedAmbigu,
    GebiedFout,
    GebiedOnbekend,
    InvoerFout,
    MatchFout,
    OIFout,
    OIWaarschuwing,
    PluginFout,
)
from .gebieden import HIERARCHIE, Gebied, Gebiedsindeling
from .hookspecs import hookimpl, hookspec
from .invoer import is_empty, parse_number
from .metrieken import (
    FunctieMetriek,
    Metriek,
    aandeel,
    concentratie_index,
    gemiddelde,
    index_interval,
    kwadrant,
    oi_index,
    per,
    stapeling,
    tov_gemiddelde,
    verschil_pp,
)
from .model import (
    Activiteit,
    Aggregatie,
    Indicator,
    Niveau,
    Resultatenketen,
    Richting,
    Rol,
    Schakel,
    Vorm,
)
from .plugins import activiteit, activiteiten, excel_functies, get_plugin_manager, metrieken
from .registratie import (
    ActiviteitRegistratie,
    ExcelArgument,
    ExcelFunctie,
    Figuur,
    Onderdeel,
    Samenvatting,
)

try:
    __version__ = version("oi-core")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+onbekend"

__all__ = [
    "HIERARCHIE",
    "KOLOMMEN_DATA",
    "MATCH_KOLOMMEN",
    "Activiteit",
    "ActiviteitRegistratie",
    "Aggregatie",
    "Analyse",
    "Bevinding",
    "Compensatie",
    "DataFout",
    "ExcelArgument",
    "ExcelFunctie",
    "Figuur",
    "FunctieMetriek",
    "Gebied",
    "GebiedAmbigu",
    "GebiedFout",
    "GebiedOnbekend",
    "Gebiedsindeling",
    "Indicator",
    "InvoerFout",
    "MatchFout",
    "Metriek",
    "Niveau",
    "OIFout",
    "OIWaarschuwing",
    "Onderdeel",
    "PluginFout",
    "Resultatenketen",
    "Richting",
    "Rol",
    "Samenvatting",
    "Schakel",
    "Vorm",
    "__version__",
    "aandeel",
    "activiteit",
    "activiteiten",
    "compensatie",
    "concentratie_index",
    "excel_functies",
    "free_path",
    "gemiddelde",
    "get_plugin_manager",
    "hookimpl",
    "hookspec",
    "index_interval",
    "is_empty",
    "kwadrant",
    "match",
    "metrieken",
    "oi_index",
    "parse_number",
    "per",
    "read_labelled",
    "read_table",
    "signaal",
    "stapeling",
    "tekst",
    "to_tidy",
    "tov_gemiddelde",
    "validate_data",
    "verschil_pp",
    "write_atomic",
    "write_table",
]
