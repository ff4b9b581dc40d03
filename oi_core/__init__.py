"""oi_core — ongelijk investeren voor gelijke kansen.

The core of the toolkit: the declarative model (:class:`Activiteit`,
:class:`Resultatenketen`, :class:`Indicator`), the Amsterdam :class:`Gebiedsindeling`,
the metrics, the three-step :class:`Analyse` with :func:`match`, and the plugin system.
Everything public is importable from here; plugins import nothing else.

The names are imported lazily (PEP 562): ``import oi_core`` loads neither pandas nor
numpy, so ``oi --help`` starts fast. To add a public name, add it to :data:`_NAMEN`
(name → module), to the ``TYPE_CHECKING`` block and to ``__all__``
(``tests/test_plugins.py`` checks that the three agree).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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
    from oi_core.gebieden.indeling import (
        HIERARCHIE,
        Gebied,
        Gebiedsindeling,
    )
    from oi_core.invoer.bestanden import (
        free_path,
        read_labelled,
        read_table,
        write_atomic,
        write_table,
    )
    from oi_core.invoer.getallen import (
        is_empty,
        parse_number,
    )
    from oi_core.invoer.tidy import (
        KOLOMMEN_DATA,
        to_tidy,
        validate_data,
    )
    from oi_core.model.activiteit import (
        Activiteit,
        Aggregatie,
        Indicator,
        Niveau,
        OpgaveDefinitie,
        Resultatenketen,
        Richting,
        Rol,
        ScenarioInstelling,
        Schakel,
        Vorm,
    )
    from oi_core.model.registratie import (
        ActiviteitRegistratie,
        ExcelArgument,
        ExcelFunctie,
        Figuur,
        Kolom,
        Onderdeel,
        Samenvatting,
    )
    from oi_core.plugins.hookspecs import (
        RegisterActiviteit,
        RegisterExcelFunctie,
        RegisterKolom,
        hookimpl,
        hookspec,
    )
    from oi_core.plugins.manager import (
        activiteit,
        activiteiten,
        excel_functies,
        get_plugin_manager,
    )
    from oi_core.rekenen.analyse import (
        MATCH_KOLOMMEN,
        Analyse,
        match,
        signaal,
    )
    from oi_core.rekenen.compensatie import (
        Compensatie,
        compensatie,
    )
    from oi_core.rekenen.metrieken import (
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
    from oi_core.sturen.concentratie import (
        Concentratie,
        concentratie_curve,
        concentratie_interval,
    )
    from oi_core.sturen.impact import (
        impact_activiteit,
        impact_vergelijken,
        kosten_per_resultaat,
    )
    from oi_core.sturen.niveaus import (
        oi_per_niveau,
        oi_per_niveau_activiteit,
    )
    from oi_core.sturen.robuustheid import (
        opgave_volgens,
        robuustheid,
        robuustheid_activiteit,
    )
    from oi_core.sturen.scenario import (
        afronden,
        scenario,
    )
    from oi_core.sturen.spectrum import (
        Spectrumpositie,
        spectrum,
        spectrum_scenario,
    )
    from oi_core.sturen.trends import (
        cumulatief_tekort,
        oi_index_per_jaar,
    )
    from oi_core.sturen.uitruil import (
        uitruil,
        uitruil_tabel,
    )
    from oi_core.weergave import tekst

_NAMEN: dict[str, str] = {
    "Bevinding": "oi_core.errors",
    "DataFout": "oi_core.errors",
    "GebiedAmbigu": "oi_core.errors",
    "GebiedFout": "oi_core.errors",
    "GebiedOnbekend": "oi_core.errors",
    "InvoerFout": "oi_core.errors",
    "MatchFout": "oi_core.errors",
    "OIFout": "oi_core.errors",
    "OIWaarschuwing": "oi_core.errors",
    "PluginFout": "oi_core.errors",
    "Gebied": "oi_core.gebieden.indeling",
    "Gebiedsindeling": "oi_core.gebieden.indeling",
    "HIERARCHIE": "oi_core.gebieden.indeling",
    "free_path": "oi_core.invoer.bestanden",
    "read_labelled": "oi_core.invoer.bestanden",
    "read_table": "oi_core.invoer.bestanden",
    "write_atomic": "oi_core.invoer.bestanden",
    "write_table": "oi_core.invoer.bestanden",
    "is_empty": "oi_core.invoer.getallen",
    "parse_number": "oi_core.invoer.getallen",
    "KOLOMMEN_DATA": "oi_core.invoer.tidy",
    "to_tidy": "oi_core.invoer.tidy",
    "validate_data": "oi_core.invoer.tidy",
    "Activiteit": "oi_core.model.activiteit",
    "Aggregatie": "oi_core.model.soorten",
    "Indicator": "oi_core.model.activiteit",
    "Niveau": "oi_core.model.soorten",
    "Resultatenketen": "oi_core.model.activiteit",
    "Richting": "oi_core.model.soorten",
    "Rol": "oi_core.model.soorten",
    "ScenarioInstelling": "oi_core.model.activiteit",
    "Schakel": "oi_core.model.activiteit",
    "Vorm": "oi_core.model.soorten",
    "ActiviteitRegistratie": "oi_core.model.registratie",
    "ExcelArgument": "oi_core.model.registratie",
    "ExcelFunctie": "oi_core.model.registratie",
    "Figuur": "oi_core.model.registratie",
    "Kolom": "oi_core.model.registratie",
    "Onderdeel": "oi_core.model.registratie",
    "Samenvatting": "oi_core.model.registratie",
    "RegisterActiviteit": "oi_core.plugins.hookspecs",
    "RegisterExcelFunctie": "oi_core.plugins.hookspecs",
    "RegisterKolom": "oi_core.plugins.hookspecs",
    "hookimpl": "oi_core.plugins.hookspecs",
    "hookspec": "oi_core.plugins.hookspecs",
    "activiteit": "oi_core.plugins.manager",
    "activiteiten": "oi_core.plugins.manager",
    "excel_functies": "oi_core.plugins.manager",
    "get_plugin_manager": "oi_core.plugins.manager",
    "Analyse": "oi_core.rekenen.analyse",
    "MATCH_KOLOMMEN": "oi_core.rekenen.analyse",
    "match": "oi_core.rekenen.analyse",
    "signaal": "oi_core.rekenen.analyse",
    "Compensatie": "oi_core.rekenen.compensatie",
    "compensatie": "oi_core.rekenen.compensatie",
    "aandeel": "oi_core.rekenen.metrieken",
    "concentratie_index": "oi_core.rekenen.metrieken",
    "gemiddelde": "oi_core.rekenen.metrieken",
    "index_interval": "oi_core.rekenen.metrieken",
    "kwadrant": "oi_core.rekenen.metrieken",
    "oi_index": "oi_core.rekenen.metrieken",
    "per": "oi_core.rekenen.metrieken",
    "stapeling": "oi_core.rekenen.metrieken",
    "tov_gemiddelde": "oi_core.rekenen.metrieken",
    "verschil_pp": "oi_core.rekenen.metrieken",
    "afronden": "oi_core.sturen.scenario",
    "scenario": "oi_core.sturen.scenario",
    "Spectrumpositie": "oi_core.sturen.spectrum",
    "spectrum": "oi_core.sturen.spectrum",
    "spectrum_scenario": "oi_core.sturen.spectrum",
    "uitruil": "oi_core.sturen.uitruil",
    "uitruil_tabel": "oi_core.sturen.uitruil",
    "OpgaveDefinitie": "oi_core.model.activiteit",
    "Concentratie": "oi_core.sturen.concentratie",
    "concentratie_curve": "oi_core.sturen.concentratie",
    "concentratie_interval": "oi_core.sturen.concentratie",
    "impact_activiteit": "oi_core.sturen.impact",
    "impact_vergelijken": "oi_core.sturen.impact",
    "kosten_per_resultaat": "oi_core.sturen.impact",
    "oi_per_niveau": "oi_core.sturen.niveaus",
    "oi_per_niveau_activiteit": "oi_core.sturen.niveaus",
    "opgave_volgens": "oi_core.sturen.robuustheid",
    "robuustheid": "oi_core.sturen.robuustheid",
    "robuustheid_activiteit": "oi_core.sturen.robuustheid",
    "cumulatief_tekort": "oi_core.sturen.trends",
    "oi_index_per_jaar": "oi_core.sturen.trends",
    "tekst": "oi_core.weergave.tekst",
}
"""Every public name and the module that defines it."""
_MODULES = frozenset({"tekst"})
"""Public names that are modules themselves."""

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
    "Concentratie",
    "DataFout",
    "ExcelArgument",
    "ExcelFunctie",
    "Figuur",
    "Gebied",
    "GebiedAmbigu",
    "GebiedFout",
    "GebiedOnbekend",
    "Gebiedsindeling",
    "Indicator",
    "InvoerFout",
    "Kolom",
    "MatchFout",
    "Niveau",
    "OIFout",
    "OIWaarschuwing",
    "Onderdeel",
    "OpgaveDefinitie",
    "PluginFout",
    "RegisterActiviteit",
    "RegisterExcelFunctie",
    "RegisterKolom",
    "Resultatenketen",
    "Richting",
    "Rol",
    "Samenvatting",
    "ScenarioInstelling",
    "Schakel",
    "Spectrumpositie",
    "Vorm",
    "__version__",
    "aandeel",
    "activiteit",
    "activiteiten",
    "afronden",
    "compensatie",
    "concentratie_curve",
    "concentratie_index",
    "concentratie_interval",
    "cumulatief_tekort",
    "excel_functies",
    "free_path",
    "gemiddelde",
    "get_plugin_manager",
    "hookimpl",
    "hookspec",
    "impact_activiteit",
    "impact_vergelijken",
    "index_interval",
    "is_empty",
    "kosten_per_resultaat",
    "kwadrant",
    "match",
    "oi_index",
    "oi_index_per_jaar",
    "oi_per_niveau",
    "oi_per_niveau_activiteit",
    "opgave_volgens",
    "parse_number",
    "per",
    "read_labelled",
    "read_table",
    "robuustheid",
    "robuustheid_activiteit",
    "scenario",
    "signaal",
    "spectrum",
    "spectrum_scenario",
    "stapeling",
    "tekst",
    "to_tidy",
    "tov_gemiddelde",
    "uitruil",
    "uitruil_tabel",
    "validate_data",
    "verschil_pp",
    "write_atomic",
    "write_table",
]


def __getattr__(naam: str) -> Any:
    """Import a public name on first use (PEP 562)."""
    if naam == "__version__":
        return _version()
    if naam not in _NAMEN:
        raise AttributeError(f"module 'oi_core' has no attribute {naam!r}")
    module = importlib.import_module(_NAMEN[naam])
    waarde = module if naam in _MODULES else getattr(module, naam)
    globals()[naam] = waarde
    return waarde


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("oi-core")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0+onbekend"
