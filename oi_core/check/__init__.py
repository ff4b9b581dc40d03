"""``oi check``: the conformance checks every plugin's CI runs.

Each check is a plain function returning :class:`Controlebevinding` findings; the CLI
(:mod:`oi_core.cli.check`) and the pytest check suite (:mod:`oi_core.testing`) only call
and format them. :func:`run_checks` checks everything the current plugin manager has
loaded; :func:`check_plugin` one plugin module on its own (through
:func:`oi_core.plugins.manager.isolated`).

The checks, by name:

``hooks``
    the plugin loads, implements only existing hooks, and no hook raises or registers a
    code that another plugin already registered;
``opdrachten``
    its CLI commands register, have Dutch help and ``--json``, and collide with no other;
``definitie``
    each activity's Resultatenketen is complete and its indicators are usable;
``gegevens``
    its data validate and the three steps run (see :mod:`oi_core.check.gegevens`);
``samenvatting``
    the managementsamenvatting and report parts build from the data;
``excel``
    each Excel function has a valid, unique name and Dutch help.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from types import ModuleType
from typing import Any

import pluggy
from pydantic import ValidationError

from oi_core.check.bevinding import Controle, Controlebevinding, Controleverslag, Ernst
from oi_core.check.definitie import AANDEEL_EENHEDEN, check_definitie, is_aandeel
from oi_core.check.excel import check_excel_functie, is_cell_reference, name_problems
from oi_core.check.gegevens import check_data, check_samenvatting, share_tolerance
from oi_core.check.hooks import check_commands, check_hooks, plugin_names
from oi_core.gebieden.indeling import Gebiedsindeling
from oi_core.model.activiteit import Activiteit
from oi_core.model.registratie import ActiviteitRegistratie
from oi_core.plugins.manager import activiteiten, excel_functies, get_plugin_manager, isolated

__all__ = [
    "AANDEEL_EENHEDEN",
    "CONTROLES",
    "Controle",
    "Controlebevinding",
    "Controleverslag",
    "Ernst",
    "check_commands",
    "check_data",
    "check_definitie",
    "check_excel_functie",
    "check_hooks",
    "check_plugin",
    "check_samenvatting",
    "is_aandeel",
    "is_cell_reference",
    "name_problems",
    "run_checks",
    "share_tolerance",
]

CONTROLES: dict[str, str] = {
    "hooks": "de plugin laadt en implementeert alleen bestaande hooks, zonder fouten",
    "opdrachten": "opdrachten voor 'oi' registreren, met Nederlandse hulp en --json",
    "definitie": "de resultatenketen is compleet en de indicatoren zijn bruikbaar",
    "gegevens": "de gegevens zijn geldig en de drie stappen lukken",
    "samenvatting": "de managementsamenvatting en onderdelen zijn te maken",
    "excel": "Excel-functies hebben een geldige, unieke naam en Nederlandse hulp",
}
"""Every check by name, with what it verifies (Dutch, for reports)."""

_ONBEKEND = "(onbekend)"


def run_checks(indeling: Gebiedsindeling | None = None) -> Controleverslag:
    """Check every loaded plugin, activity and Excel function."""
    indeling = indeling or Gebiedsindeling.amsterdam()
    controles = _per_plugin("hooks", check_hooks(), plugin_names())
    controles += _per_plugin("opdrachten", check_commands(), _plugins_with("register_commands"))
    registraties, fout = _collect(activiteiten)
    controles += fout
    for reg in registraties.values():
        controles += _activity_checks(reg, indeling)
    functies, fout = _collect(excel_functies)
    controles += fout
    controles += [
        Controle("excel", f.plugin, f.naam, tuple(check_excel_functie(f)))
        for f in functies.values()
    ]
    return Controleverslag(tuple(controles))


def _per_plugin(
    naam: str, bevindingen: list[Controlebevinding], plugins: Iterable[str]
) -> list[Controle]:
    namen = sorted({*plugins, *(b.plugin for b in bevindingen)})
    return [Controle(naam, p, p, tuple(b for b in bevindingen if b.plugin == p)) for p in namen]


def _plugins_with(hook: str) -> list[str]:
    pm = get_plugin_manager()
    return sorted(
        {i.plugin_name for i in getattr(pm.hook, hook).get_hookimpls()} & set(plugin_names(pm))
    )


def _collect(registry: Callable[[], dict[str, Any]]) -> tuple[dict[str, Any], list[Controle]]:
    """A registry, or a finding when a plugin registered something it cannot be built from."""
    try:
        return registry(), []
    except Exception as fout:
        melding = f"{registry.__name__} verzamelen faalt: {type(fout).__name__}: {fout}"
        b = Controlebevinding(_ONBEKEND, "", "registratie", melding, controle="hooks")
        return {}, [Controle("hooks", _ONBEKEND, registry.__name__, (b,))]


def _activity_checks(reg: ActiviteitRegistratie, indeling: Gebiedsindeling) -> list[Controle]:
    definitie = Controle("definitie", reg.plugin, _code(reg), tuple(check_definitie(reg)))
    if not _valid_model(reg):
        return [definitie]
    uit = [definitie, Controle("gegevens", reg.plugin, reg.code, tuple(check_data(reg, indeling)))]
    if reg.samenvatting is not None or reg.onderdelen is not None:
        bevindingen = tuple(check_samenvatting(reg, indeling))
        uit.append(Controle("samenvatting", reg.plugin, reg.code, bevindingen))
    return uit


def _code(reg: ActiviteitRegistratie) -> str:
    return str(getattr(reg.activiteit, "code", _ONBEKEND))


def _valid_model(reg: ActiviteitRegistratie) -> bool:
    if not isinstance(reg.activiteit, Activiteit):
        return False
    try:
        Activiteit.model_validate(reg.activiteit.model_dump())
    except ValidationError:
        return False
    return True


def plugin_name(plugin: ModuleType | object) -> str:
    """The name pluggy gives a plugin registered without a name (a module's ``__name__``)."""
    return str(getattr(plugin, "__name__", None) or id(plugin))


def check_plugin(
    plugin: ModuleType | object, indeling: Gebiedsindeling | None = None
) -> Controleverslag:
    """Check one plugin module on its own: a plugin manager with only the built-ins and it."""
    naam = plugin_name(plugin)
    try:
        with isolated(plugin):
            return run_checks(indeling).voor([naam])
    except pluggy.PluginValidationError as fout:
        b = Controlebevinding(
            naam,
            "",
            "laden",
            f"hook klopt niet met de specificatie: {fout}",
            Ernst.FOUT,
            controle="hooks",
        )
        return Controleverslag((Controle("hooks", naam, naam, (b,)),))
