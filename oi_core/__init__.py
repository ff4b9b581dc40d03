"""oi_core — ongelijk investeren voor gelijke kansen.

The core of the toolkit: the declarative model (:class:`Activiteit`,
:class:`Resultatenketen`, :class:`Indicator`), the Amsterdam :class:`Gebiedsindeling`,
the metrics, the three-step :class:`Analyse` with :func:`match`, and the plugin system.
Everything public is importable from here; plugins import nothing else.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from oi_core.errors import (
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
from oi_core.gebieden.indeling import HIERARCHIE, Gebied, Gebiedsindeling
from oi_core.invoer.bestanden import free_path, read_labelled, read_table, write_atomic, write_table
from oi_core.invoer.getallen import is_empty, parse_number
from oi_core.invoer.tidy import KOLOMMEN_DATA, to_tidy, validate_data
from oi_core.model.activiteit import (
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
from oi_core.model.registratie import (
    ActiviteitRegistratie,
    ExcelArgument,
    ExcelFunctie,
    Figuur,
    Onderdeel,
    Samenvatting,
)
from oi_core.plugins.hookspecs import hookimpl, hookspec
from oi_core.plugins.manager import (
    activiteit,
    activiteiten,
    excel_functies,
    get_plugin_manager,
    metrieken,
)
from oi_core.rekenen.analyse import MATCH_KOLOMMEN, Analyse, match, signaal
from oi_core.rekenen.compensatie import Compensatie, compensatie
from oi_core.rekenen.metrieken import (
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
from oi_core.weergave import tekst

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
