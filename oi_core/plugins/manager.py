"""Loading plugins and collecting what they register.

The :class:`pluggy.PluginManager` is created lazily on first use. Built-in modules are
registered like any plugin; external plugins come from the ``oi`` entry-point group.
Set ``OI_PLUGINS`` to a comma-separated list of entry-point names to load only those
(an empty value loads none); set ``OI_TRACE_PLUGINS=1`` to print every hook call with
its plugin and duration to stderr.

Hooks are called through pluggy, once per plugin (:func:`call_per_plugin`), so an
implementation may take any subset of the hook's arguments and the order (``tryfirst``,
``trylast``) is pluggy's. A plugin that fails to import, or raises in a hook, is recorded
in :func:`plugin_problems` by name (by the wrapper in :mod:`oi_core.plugins.isolatie`)
and the others keep working.
"""

from __future__ import annotations

import importlib
import os
import sys
import time
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from importlib import metadata
from types import ModuleType
from typing import TYPE_CHECKING, Any

import pluggy

from oi_core.errors import OIWaarschuwing, PluginFout
from oi_core.plugins import hookspecs
from oi_core.plugins.isolatie import AAN_DE_BEURT, is_isolatable

if TYPE_CHECKING:
    import pandas as pd

    from oi_core.model.registratie import ActiviteitRegistratie, ExcelFunctie, Kolom

__all__ = [
    "BUILTIN_PLUGINS",
    "ENTRYPOINT_GROUP",
    "ENV_ALLOW",
    "ENV_TRACE",
    "FIRST_PARTY",
    "PluginProbleem",
    "activiteit",
    "activiteiten",
    "add_commands",
    "call_per_plugin",
    "check_pending",
    "command_name",
    "command_rank",
    "excel_functies",
    "get_plugin_manager",
    "get_plugins",
    "is_first_party",
    "isolated",
    "kolommen",
    "plugin_problems",
    "register_plugin",
    "validated_data",
]

ENTRYPOINT_GROUP = "oi"
ENV_ALLOW = "OI_PLUGINS"
ENV_TRACE = "OI_TRACE_PLUGINS"
BUILTIN_PLUGINS: tuple[str, ...] = (
    "oi_core.plugins.isolatie",
    "oi_core.plugins.builtin",
    "oi_core.cli.sturen",
    "oi_core.cli.sjabloon",
    "oi_core.cli.check",
    "oi_core.cli.basis",
)
"""The core's own plugins, in registration order. pluggy calls the last registered first,
so with ``tryfirst`` the core's commands come first in ``oi --help``: basis, check, sjabloon."""


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
    if os.environ.get(ENV_TRACE, "") not in ("", "0"):
        _trace(pm)
    return pm


def _trace(pm: pluggy.PluginManager) -> None:
    """Print every hook call with its plugins and duration to stderr (as datasette does)."""
    starts: list[float] = []

    def before(hook: str, impls: Sequence[pluggy.HookImpl], kwargs: Mapping[str, Any]) -> None:
        starts.append(time.perf_counter())

    def after(
        uitkomst: pluggy.Result[Any],
        hook: str,
        impls: Sequence[pluggy.HookImpl],
        kwargs: Mapping[str, Any],
    ) -> None:
        ms = 1000 * (time.perf_counter() - starts.pop())
        namen = ", ".join(i.plugin_name for i in impls if not i.wrapper) or "geen"
        fout = f" fout: {uitkomst.exception!r}" if uitkomst.exception else ""
        tijd = f"{ms:.1f}".replace(".", ",")
        print(f"oi-plugins: {hook} [{namen}] {tijd} ms{fout}", file=sys.stderr)

    pm.add_hookcall_monitoring(before, after)


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


FIRST_PARTY: frozenset[str] = frozenset(
    {
        "oi-core",
        "oi-rapport",
        "oi-excel",
        "oi-stapeling",
        "oi-bibliotheken",
        "oi-jgz",
        "oi-straatreiniging",
        "oi-groot-onderhoud",
    }
)
"""The distributions of this toolkit: on a clash of an entry-point name or a command
they win over any other plugin (the core's own built-ins win over everyone)."""


def _distribution(ep: metadata.EntryPoint) -> str:
    dist = getattr(ep, "dist", None)
    return str(dist.name) if dist is not None else ""


def is_first_party(distribution: str) -> bool:
    """Whether ``distribution`` is one of the toolkit's own (:data:`FIRST_PARTY`)."""
    return distribution.lower().replace("_", "-") in FIRST_PARTY


def _load_entrypoints(pm: pluggy.PluginManager) -> None:
    toegestaan = _allowed()
    punten = list(metadata.entry_points(group=ENTRYPOINT_GROUP))
    punten.sort(key=lambda ep: not is_first_party(_distribution(ep)))  # stable: first-party first
    herkomst: dict[str, str] = {}
    for ep in punten:
        if toegestaan is not None and ep.name not in toegestaan:
            continue
        if pm.has_plugin(ep.name):
            _report_name_clash(ep, herkomst.get(ep.name, ""))
            continue
        herkomst[ep.name] = _distribution(ep)
        _load_one(pm, ep)


def _load_one(pm: pluggy.PluginManager, ep: metadata.EntryPoint) -> None:
    """Import and register one entry point; any failure (also ``SystemExit`` or another
    ``BaseException``, but not Ctrl-C: :func:`~oi_core.plugins.isolatie.is_isolatable`)
    is recorded and the others still load."""
    try:
        pm.register(ep.load(), name=ep.name)
    except BaseException as fout:
        if not is_isolatable(fout):
            raise
        _staat.problemen.append(PluginProbleem(ep.name, "laden", _describe(fout)))
        return
    if ep.dist is not None:
        _staat.versies[ep.name] = (ep.dist.name, ep.dist.version)


def _report_name_clash(ep: metadata.EntryPoint, eerste: str) -> None:
    van = _distribution(ep) or "onbekende distributie"
    melding = (
        f"de pluginnaam '{ep.name}' van {van} is al in gebruik"
        + (f" door {eerste}" if eerste else "")
        + "; deze plugin is niet geladen (geef hem een andere naam)"
    )
    _staat.problemen.append(PluginProbleem(ep.name, "laden", melding))
    warnings.warn(f"oi-plugins: {melding}", OIWaarschuwing, stacklevel=3)


def _describe(fout: BaseException) -> str:
    return f"{type(fout).__name__}: {fout}"


def _record(plugin: str, hook: str, fout: BaseException) -> None:
    _staat.problemen.append(PluginProbleem(plugin, hook, _describe(fout)))


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
    for soort in _BOUWERS:
        _registry(soort)
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


# -- calling hooks ------------------------------------------------------------------------
def call_per_plugin(
    pm: pluggy.PluginManager,
    hook: str,
    argumenten: Callable[[str], dict[str, Any]],
    melden: Callable[[str, str, BaseException], None] = _record,
) -> None:
    """Call ``hook`` through pluggy once per implementing plugin, in pluggy's order.

    ``argumenten(plugin)`` gives the keyword arguments for that plugin's call (every
    argument of the spec; pluggy hands each implementation the subset it names). The
    wrapper of :mod:`oi_core.plugins.isolatie` calls ``melden(plugin, hook, fout)`` when the
    plugin raises, and the next plugin is called.
    """
    caller = getattr(pm.hook, hook)
    impls = [i for i in reversed(caller.get_hookimpls()) if not (i.wrapper or i.hookwrapper)]
    for impl in impls:
        anderen = [i.plugin for i in impls if i is not impl]
        token = AAN_DE_BEURT.set((impl.plugin_name, melden))
        try:
            pm.subset_hook_caller(hook, remove_plugins=anderen)(**argumenten(impl.plugin_name))
        finally:
            AAN_DE_BEURT.reset(token)


def _collect(hook: str, maak_register: Callable[[str, list[Any]], Any]) -> list[Any]:
    verzameld: list[Any] = []
    call_per_plugin(
        get_plugin_manager(), hook, lambda plugin: {"register": maak_register(plugin, verzameld)}
    )
    return verzameld


def add_commands(cli: Any) -> None:
    """Let every plugin add its commands to ``cli``; a plugin that raises is recorded in
    :func:`plugin_problems` and the other commands keep working.

    A command name is owned by the first of: the core's built-ins, the toolkit's own
    distributions (:data:`FIRST_PARTY`, so ``oi rapport`` stays oi-rapport's), other
    plugins in loading order. A plugin that registers a name already owned loses it
    (a plugin problem and a warning; ``oi check`` reports it too).
    """
    per_plugin: list[tuple[str, list[Any]]] = []

    def argumenten(plugin: str) -> dict[str, Any]:
        per_plugin.append((plugin, _registrations(cli)))
        return {"cli": cli}

    call_per_plugin(get_plugin_manager(), "register_commands", argumenten)
    _keep_owners(cli, per_plugin)


def _registrations(cli: Any) -> list[Any]:
    """The command and group registrations of a Typer app, in order (a live snapshot)."""
    return [*getattr(cli, "registered_commands", []), *getattr(cli, "registered_groups", [])]


def command_name(registratie: Any) -> str:
    """The name ``oi`` shows for a Typer command or group registration."""
    naam = getattr(registratie, "name", None)
    if not naam and getattr(registratie, "typer_instance", None) is not None:
        naam = registratie.typer_instance.info.name
    if not naam and getattr(registratie, "callback", None) is not None:
        naam = registratie.callback.__name__.lower().replace("_", "-")
    return str(naam or "")


def command_rank(plugin: str) -> int:
    """0 for the core's built-ins, 1 for the toolkit's own distributions, 2 for others."""
    if plugin in BUILTIN_PLUGINS:
        return 0
    return 1 if is_first_party(_staat.versies.get(plugin, ("", ""))[0]) else 2


def _keep_owners(cli: Any, per_plugin: list[tuple[str, list[Any]]]) -> None:
    """Drop every registration whose name a higher-ranked (or earlier) plugin owns."""
    alle = _registrations(cli)
    van: dict[int, str] = {}
    for i, (plugin, voor) in enumerate(per_plugin):
        na = per_plugin[i + 1][1] if i + 1 < len(per_plugin) else alle
        nieuw = {id(r) for r in na} - {id(r) for r in voor}
        van.update(dict.fromkeys(nieuw, plugin))
    volgorde = sorted(alle, key=lambda r: command_rank(van.get(id(r), "")))
    eigenaar: dict[str, str] = {}
    weg: set[int] = set()
    for r in volgorde:
        naam, plugin = command_name(r), van.get(id(r), "")
        if naam in eigenaar and eigenaar[naam] != plugin:
            weg.add(id(r))
            _report_command_clash(plugin, naam, eigenaar[naam])
        eigenaar.setdefault(naam, plugin)
    if weg:
        cli.registered_commands[:] = [r for r in cli.registered_commands if id(r) not in weg]
        cli.registered_groups[:] = [r for r in cli.registered_groups if id(r) not in weg]


def _report_command_clash(plugin: str, naam: str, eigenaar: str) -> None:
    melding = (
        f"de opdracht 'oi {naam}' is al van '{eigenaar}'; die blijft, "
        "de opdracht van deze plugin is niet toegevoegd"
    )
    _staat.problemen.append(PluginProbleem(plugin, "register_commands", melding))
    warnings.warn(f"oi-plugins: plugin '{plugin}': {melding}", OIWaarschuwing, stacklevel=3)


# -- the registries -----------------------------------------------------------------------
def _registry(soort: str) -> Any:
    if soort not in _staat.cache:
        _staat.cache[soort] = _BOUWERS[soort]()
    return _staat.cache[soort]


def _build_activiteiten() -> dict[str, ActiviteitRegistratie]:
    from oi_core.model.activiteit import Activiteit
    from oi_core.model.registratie import ActiviteitRegistratie

    def maak(plugin: str, lijst: list[Any]) -> Callable[..., None]:
        def register(activiteit: Any, /, **kwargs: Any) -> None:
            if not isinstance(activiteit, Activiteit):
                raise PluginFout(f"{activiteit!r} is geen Activiteit")
            lijst.append(ActiviteitRegistratie(activiteit, plugin=plugin, **kwargs))

        return register

    return _unique(
        _collect("register_activiteiten", maak),
        "register_activiteiten",
        lambda r: r.activiteit.code,
    )


def _build_excel_functies() -> dict[str, ExcelFunctie]:
    from oi_core.model.registratie import ExcelFunctie

    def maak(plugin: str, lijst: list[Any]) -> Callable[..., None]:
        def register(functie: ExcelFunctie, /) -> None:
            if not isinstance(functie, ExcelFunctie):
                raise PluginFout(f"{functie!r} is geen ExcelFunctie")
            lijst.append(replace(functie, plugin=plugin))

        return register

    return _unique(
        _collect("register_excel_functies", maak),
        "register_excel_functies",
        lambda f: f.naam.upper(),
    )


def _build_kolommen() -> dict[str, Kolom]:
    from oi_core.model.registratie import Kolom

    def maak(plugin: str, lijst: list[Any]) -> Callable[..., None]:
        def register(kolom: Kolom, /) -> None:
            if not isinstance(kolom, Kolom):
                raise PluginFout(f"{kolom!r} is geen Kolom")
            lijst.append(replace(kolom, plugin=plugin))

        return register

    return _unique(_collect("register_kolommen", maak), "register_kolommen", lambda k: k.sleutel)


def _unique(items: list[Any], hook: str, sleutel: Callable[[Any], str]) -> dict[str, Any]:
    """Keep the registration of the plugin registered first (the core before any plugin);
    a later duplicate is a plugin problem."""
    volgorde = {naam: i for i, (naam, _) in enumerate(get_plugin_manager().list_name_plugin())}
    uit: dict[str, Any] = {}
    for item in sorted(items, key=lambda x: volgorde.get(x.plugin, len(volgorde))):
        k = sleutel(item)
        if k in uit:
            _staat.problemen.append(PluginProbleem(item.plugin, hook, f"'{k}' is al geregistreerd"))
            continue
        uit[k] = item
    return uit


_BOUWERS: dict[str, Callable[[], Any]] = {
    "kolommen": _build_kolommen,
    "activiteiten": _build_activiteiten,
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


def validated_data(code: str) -> pd.DataFrame:
    """The embedded tidy data of activity ``code`` as its plugin registered it, but only
    once it passed :func:`~oi_core.invoer.tidy.validate_data` (checked once per
    registry): ``OI_DATA`` and other surfaces never serve a plugin's unvalidated rows.

    A plugin whose data is invalid gives a :class:`~oi_core.errors.DataFout` naming the
    plugin and every row at fault.
    """
    from oi_core.errors import DataFout
    from oi_core.invoer.tidy import validate_data

    reg = activiteit(code)
    sleutel = f"gevalideerd:{code}"
    if sleutel not in _staat.cache:
        tabel = reg.data()
        try:
            validate_data(tabel, reg.activiteit)
        except DataFout as fout:
            kop = f"De gegevens van activiteit '{code}' (plugin '{reg.plugin}') zijn ongeldig"
            raise DataFout(fout.bevindingen, kop) from None
        _staat.cache[sleutel] = tabel
    uit: pd.DataFrame = _staat.cache[sleutel].copy()
    return uit


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
