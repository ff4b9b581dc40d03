"""Loading plugins and collecting what they register.

The :class:`pluggy.PluginManager` is created lazily on first use. Built-in modules are
registered like any plugin; external plugins come from the ``oi`` entry-point group.
Set ``OI_PLUGINS`` to a comma-separated list of entry-point names to load only those
(an empty value loads none). A plugin that fails to import, or raises in a hook, is
recorded in :func:`plugin_problems` by name and the others keep working.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from importlib import metadata
from types import ModuleType
from typing import Any

import pluggy

from oi_core.errors import PluginFout
from oi_core.model.activiteit import Activiteit
from oi_core.model.registratie import ActiviteitRegistratie, ExcelFunctie, Kolom
from oi_core.plugins import hookspecs
from oi_core.rekenen.metrieken import Metriek

__all__ = [
    "BUILTIN_PLUGINS",
    "ENTRYPOINT_GROUP",
    "ENV_ALLOW",
    "PluginProbleem",
    "activiteit",
    "activiteiten",
    "add_commands",
    "check_pending",
    "excel_functies",
    "get_plugin_manager",
    "get_plugins",
    "isolated",
    "kolommen",
    "metrieken",
    "plugin_problems",
    "register_plugin",
]

ENTRYPOINT_GROUP = "oi"
ENV_ALLOW = "OI_PLUGINS"
BUILTIN_PLUGINS: tuple[str, ...] = (
    "oi_core.plugins.builtin",
    "oi_core.cli.basis",
    "oi_core.cli.check",
    "oi_core.cli.sjabloon",
)


@dataclass(frozen=True)
class PluginProbleem:
    """A plugin that failed: at loading (``laden``) or in a hook (the hook's name)."""

    plugin: str
    fase: str
    melding: str

    def __str__(self) -> str:
        return f"plugin '{self.plugin}' ({self.fase}): {self.melding}"


class _Staat:
    def __init__(self) -> None:
        self.pm: pluggy.PluginManager | None = None
        self.versies: dict[str, tuple[str, str]] = {}
        self.problemen: list[PluginProbleem] = []
        self.cache: dict[str, Any] = {}


_staat = _Staat()


def _new_manager() -> pluggy.PluginManager:
    pm = pluggy.PluginManager(ENTRYPOINT_GROUP)
    pm.add_hookspecs(hookspecs)
    return pm


def get_plugin_manager() -> pluggy.PluginManager:
    """The plugin manager, with built-ins and entry-point plugins loaded on first use."""
    if _staat.pm is None:
        _staat.pm = _new_manager()
        _register_builtins(_staat.pm)
        _load_entrypoints(_staat.pm)
    return _staat.pm


def _register_builtins(pm: pluggy.PluginManager) -> None:
    for naam in BUILTIN_PLUGINS:
        module = importlib.import_module(naam)
        pm.register(module, name=naam)


def _allowed() -> set[str] | None:
    waarde = os.environ.get(ENV_ALLOW)
    if waarde is None:
        return None
    return {n.strip() for n in waarde.split(",") if n.strip()}


def _load_entrypoints(pm: pluggy.PluginManager) -> None:
    toegestaan = _allowed()
    for ep in metadata.entry_points(group=ENTRYPOINT_GROUP):
        if toegestaan is not None and ep.name not in toegestaan:
            continue
        if pm.has_plugin(ep.name):
            continue
        try:
            pm.register(ep.load(), name=ep.name)
        except Exception as fout:
            _staat.problemen.append(PluginProbleem(ep.name, "laden", _describe(fout)))
            continue
        if ep.dist is not None:
            _staat.versies[ep.name] = (ep.dist.name, ep.dist.version)


def _describe(fout: BaseException) -> str:
    return f"{type(fout).__name__}: {fout}"


def register_plugin(plugin: ModuleType | object, name: str | None = None) -> None:
    """Register a plugin object at run time (tests, notebooks) and refresh the registries."""
    get_plugin_manager().register(plugin, name=name)
    _staat.cache.clear()


def check_pending() -> None:
    """Raise :class:`PluginFout` when a plugin implements a hook that does not exist."""
    try:
        get_plugin_manager().check_pending()
    except pluggy.PluginValidationError as fout:
        raise PluginFout(f"plugin implementeert een onbekende hook: {fout}") from fout


def plugin_problems() -> list[PluginProbleem]:
    """Plugins that failed to load or raised in a hook (collected so far)."""
    get_plugin_manager()
    _registry("activiteiten")
    _registry("metrieken")
    _registry("excel_functies")
    _registry("kolommen")
    return list(_staat.problemen)


def get_plugins(all: bool = False) -> list[dict[str, Any]]:
    """Name, hooks, distribution and version of every loaded plugin (built-ins with ``all``)."""
    pm = get_plugin_manager()
    uit = []
    for plugin in pm.get_plugins():
        naam = pm.get_name(plugin) or repr(plugin)
        if naam in BUILTIN_PLUGINS and not all:
            continue
        info: dict[str, Any] = {
            "name": naam,
            "hooks": sorted(h.name for h in pm.get_hookcallers(plugin) or []),
        }
        if naam in _staat.versies:
            info["distribution"], info["version"] = _staat.versies[naam]
        uit.append(info)
    return sorted(uit, key=lambda p: p["name"])


# -- collecting registrations -------------------------------------------------------------
def _call_each(hook_naam: str, maak_register: Callable[[str, list[Any]], Any]) -> list[Any]:
    """Call one ``register_*`` hook per plugin, so one failing plugin spoils nothing else."""
    pm = get_plugin_manager()
    verzameld: list[Any] = []
    for impl in getattr(pm.hook, hook_naam).get_hookimpls():
        register = maak_register(impl.plugin_name, verzameld)
        try:
            impl.function(*[register for _ in impl.argnames])
        except Exception as fout:
            _staat.problemen.append(PluginProbleem(impl.plugin_name, hook_naam, _describe(fout)))
    return verzameld


def add_commands(cli: Any) -> None:
    """Let every plugin add its commands to ``cli``; a plugin that raises is recorded in
    :func:`plugin_problems` and the other commands keep working."""
    _call_each("register_commands", lambda _plugin, _lijst: cli)


def _registry(soort: str) -> Any:
    if soort not in _staat.cache:
        _staat.cache[soort] = _BOUWERS[soort]()
    return _staat.cache[soort]


def _build_activiteiten() -> dict[str, ActiviteitRegistratie]:
    def maak(plugin: str, lijst: list[Any]) -> Callable[..., None]:
        def register(activiteit: Any, **kwargs: Any) -> None:
            if not isinstance(activiteit, Activiteit):
                raise PluginFout(f"{activiteit!r} is geen Activiteit")
            lijst.append(ActiviteitRegistratie(activiteit, plugin=plugin, **kwargs))

        return register

    return _unique(
        _call_each("register_activiteiten", maak),
        "register_activiteiten",
        lambda r: r.activiteit.code,
    )


def _build_metrieken() -> dict[str, Metriek]:
    def maak(plugin: str, lijst: list[Any]) -> Callable[..., None]:
        def register(metriek: Metriek) -> None:
            if not isinstance(metriek, Metriek):
                raise PluginFout(f"{metriek!r} voldoet niet aan het Metriek-protocol")
            lijst.append((plugin, metriek))

        return register

    paren = _unique(
        _call_each("register_metrieken", maak), "register_metrieken", lambda p: p[1].code
    )
    return {code: metriek for code, (_, metriek) in paren.items()}


def _build_excel_functies() -> dict[str, ExcelFunctie]:
    def maak(plugin: str, lijst: list[Any]) -> Callable[..., None]:
        def register(functie: ExcelFunctie) -> None:
            lijst.append(replace(functie, plugin=plugin))

        return register

    return _unique(
        _call_each("register_excel_functies", maak),
        "register_excel_functies",
        lambda f: f.naam.upper(),
    )


def _unique(items: list[Any], hook: str, sleutel: Callable[[Any], str]) -> dict[str, Any]:
    """Keep the first registration of each key; a later duplicate is a plugin problem."""
    uit: dict[str, Any] = {}
    for item in items:
        k = sleutel(item)
        if k in uit:
            plugin = item[0] if isinstance(item, tuple) else item.plugin
            _staat.problemen.append(PluginProbleem(plugin, hook, f"'{k}' is al geregistreerd"))
            continue
        uit[k] = item
    return uit


def _build_kolommen() -> dict[str, Kolom]:
    def maak(plugin: str, lijst: list[Any]) -> Callable[..., None]:
        def register(kolom: Kolom) -> None:
            if not isinstance(kolom, Kolom):
                raise PluginFout(f"{kolom!r} is geen Kolom")
            lijst.append(replace(kolom, plugin=plugin))

        return register

    return _unique(_call_each("register_kolommen", maak), "register_kolommen", lambda k: k.sleutel)


_BOUWERS: dict[str, Callable[[], Any]] = {
    "kolommen": _build_kolommen,
    "activiteiten": _build_activiteiten,
    "metrieken": _build_metrieken,
    "excel_functies": _build_excel_functies,
}


def activiteiten() -> dict[str, ActiviteitRegistratie]:
    """Every registered activity by code."""
    return dict(_registry("activiteiten"))


def activiteit(code: str) -> ActiviteitRegistratie:
    """One registered activity; :class:`PluginFout` in Dutch when it is not installed."""
    alle = _registry("activiteiten")
    if code not in alle:
        bekend = ", ".join(sorted(alle)) or "geen"
        raise PluginFout(f"activiteit '{code}' is niet geïnstalleerd (geïnstalleerd: {bekend})")
    return alle[code]  # type: ignore[no-any-return]


def metrieken() -> dict[str, Metriek]:
    """Every registered metric by code."""
    return dict(_registry("metrieken"))


def kolommen() -> dict[str, Kolom]:
    """The column catalogue: every registered :class:`Kolom` by key."""
    return dict(_registry("kolommen"))


def excel_functies() -> dict[str, ExcelFunctie]:
    """Every registered Excel function by (upper-case) name."""
    return dict(_registry("excel_functies"))


@contextmanager
def isolated(
    *plugins: ModuleType | object, entrypoints: bool = False
) -> Iterator[pluggy.PluginManager]:
    """A fresh plugin manager with the built-ins and only ``plugins`` (for tests)."""
    oud = (_staat.pm, _staat.versies, _staat.problemen, _staat.cache)
    _staat.pm, _staat.versies, _staat.problemen, _staat.cache = _new_manager(), {}, [], {}
    try:
        _register_builtins(_staat.pm)
        if entrypoints:
            _load_entrypoints(_staat.pm)
        for plugin in plugins:
            _staat.pm.register(plugin)
        yield _staat.pm
    finally:
        _staat.pm, _staat.versies, _staat.problemen, _staat.cache = oud
