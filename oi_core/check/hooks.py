"""Checks on the plugins themselves: loading, hook implementations and CLI commands."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pluggy
import typer

from oi_core.check.bevinding import Controlebevinding, Ernst
from oi_core.check.taal import looks_english
from oi_core.plugins.manager import (
    BUILTIN_PLUGINS,
    PluginProbleem,
    call_per_plugin,
    command_rank,
    get_plugin_manager,
    plugin_problems,
)

__all__ = ["check_commands", "check_hooks", "plugin_names"]


def plugin_names(pm: pluggy.PluginManager | None = None) -> list[str]:
    """Names of the registered plugins, built-ins excluded."""
    pm = pm or get_plugin_manager()
    namen = (pm.get_name(p) or repr(p) for p in pm.get_plugins())
    return sorted(n for n in namen if n not in BUILTIN_PLUGINS)


def check_hooks() -> list[Controlebevinding]:
    """Unknown hooks, plugins that failed to load or raised in a hook, and idle plugins."""
    pm = get_plugin_manager()
    bevindingen = list(_unknown_hooks(pm))
    bevindingen += [_problem(p) for p in _problems()]
    bevindingen += [
        _finding(naam, "plugin", "de plugin implementeert geen enkele hook", Ernst.WAARSCHUWING)
        for naam in plugin_names(pm)
        if not pm.get_hookcallers(pm.get_plugin(naam))
    ]
    return bevindingen


def _finding(plugin: str, waar: str, melding: str, ernst: Ernst = Ernst.FOUT) -> Controlebevinding:
    return Controlebevinding(plugin, "", waar, melding, ernst, controle="hooks")


def _unknown_hooks(pm: pluggy.PluginManager) -> Iterator[Controlebevinding]:
    """Like :meth:`pluggy.PluginManager.check_pending`, but every unknown hook, not the first."""
    for naam, caller in vars(pm.hook).items():
        if naam.startswith("_") or caller.has_spec():
            continue
        for impl in caller.get_hookimpls():
            if not impl.optionalhook:
                yield _finding(
                    impl.plugin_name,
                    f"hook {naam}",
                    f"onbekende hook '{naam}': bestaande hooks zijn {_spec_names(pm)}",
                )


def _spec_names(pm: pluggy.PluginManager) -> str:
    return ", ".join(sorted(n for n, c in vars(pm.hook).items() if c.has_spec()))


def _problems() -> list[PluginProbleem]:
    gezien: list[PluginProbleem] = []
    for p in plugin_problems():
        if p not in gezien:
            gezien.append(p)
    return gezien


def _problem(p: PluginProbleem) -> Controlebevinding:
    if p.fase == "laden":
        return _finding(p.plugin, "laden", f"de plugin kan niet worden geladen: {p.melding}")
    return _finding(p.plugin, f"hook {p.fase}", p.melding)


# -- commands -----------------------------------------------------------------------------
def check_commands() -> list[Controlebevinding]:
    """Each ``register_commands`` implementation on a fresh app (called through pluggy, like
    ``oi`` does): it must not raise, its commands need Dutch help and ``--json``, and no two
    plugins may claim the same name."""
    apps = sorted(_apps_per_plugin(), key=lambda app: command_rank(app[0]))  # as `oi` does
    bevindingen = [b for _, _, fout in apps if fout for b in fout]
    eigenaar: dict[str, str] = {}
    for plugin, groep, _ in apps:
        if groep is None:
            continue
        for naam, commando in groep.commands.items():
            if naam in eigenaar:
                melding = f"de opdracht 'oi {naam}' bestaat ook in plugin '{eigenaar[naam]}'"
                bevindingen.append(_command_finding(plugin, f"oi {naam}", melding))
            eigenaar.setdefault(naam, plugin)
            bevindingen += _check_command(plugin, f"oi {naam}", commando)
    return bevindingen


def _apps_per_plugin() -> list[tuple[str, Any, list[Controlebevinding]]]:
    """(plugin, its commands as a Click group or None, findings) per implementing plugin."""
    apps: dict[str, typer.Typer] = {}
    fouten: dict[str, list[Controlebevinding]] = {}

    def argumenten(plugin: str) -> dict[str, Any]:
        apps[plugin] = typer.Typer()
        return {"cli": apps[plugin]}

    def melden(plugin: str, hook: str, fout: BaseException) -> None:
        melding = f"{hook} faalt: {type(fout).__name__}: {fout}"
        fouten.setdefault(plugin, []).append(_command_finding(plugin, "", melding))

    pm = get_plugin_manager()
    call_per_plugin(pm, "register_commands", argumenten, melden)
    volgorde = [naam for naam, _ in pm.list_name_plugin() if naam in apps]  # the core first
    return [
        (plugin, None if plugin in fouten else _group(apps[plugin]), fouten.get(plugin, []))
        for plugin in volgorde
    ]


def _group(app: typer.Typer) -> Any:
    return typer.main.get_group(app)


def _command_finding(
    plugin: str, pad: str, melding: str, ernst: Ernst = Ernst.FOUT
) -> Controlebevinding:
    waar = f"opdracht '{pad}'" if pad else "hook register_commands"
    return Controlebevinding(plugin, "", waar, melding, ernst, controle="opdrachten")


def _check_command(plugin: str, pad: str, commando: Any) -> list[Controlebevinding]:
    """``commando`` is a Click command from Typer's own Click copy (duck-typed)."""
    if hasattr(commando, "commands"):
        uit = []
        for naam, sub in commando.commands.items():
            uit += _check_command(plugin, f"{pad} {naam}", sub)
        return uit
    hulp = (commando.help or commando.short_help or "").strip()
    uit = []
    if not hulp:
        uit.append(_command_finding(plugin, pad, "de opdracht heeft geen helptekst"))
    elif looks_english(hulp):
        uit.append(
            _command_finding(
                plugin, pad, "de helptekst lijkt Engels; schrijf Nederlands", Ernst.WAARSCHUWING
            )
        )
    if not any("--json" in p.opts for p in commando.params):
        uit.append(
            _command_finding(plugin, pad, "de opdracht biedt geen --json", Ernst.WAARSCHUWING)
        )
    return uit
