"""Per-plugin fault isolation: one wrapper around every hook.

The manager calls each hook once per plugin (through
:meth:`pluggy.PluginManager.subset_hook_caller`) and names that plugin in
:data:`AAN_DE_BEURT`. The wrappers below are registered like any plugin; when the plugin
raises, its wrapper records the plugin and the hook in :func:`plugin_problems` and the
call returns nothing, so the other plugins keep working.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from contextvars import ContextVar

from oi_core.plugins.hookspecs import hookimpl

__all__ = ["AAN_DE_BEURT", "Melder", "Uitkomst", "guard", "is_isolatable"]

Melder = Callable[[str, str, BaseException], None]
"""Records a problem: (plugin, hook, exception)."""

AAN_DE_BEURT: ContextVar[tuple[str, Melder] | None] = ContextVar("oi_aan_de_beurt", default=None)
"""The plugin whose hook is being called, and where to record its failure."""

Uitkomst = Generator[None, list[object], list[object]]


def is_isolatable(fout: BaseException) -> bool:
    """Whether ``fout``, raised by a plugin at import or in a hook, is recorded as that
    plugin's problem so the other plugins keep working.

    Every ``Exception``, and also ``SystemExit`` (a plugin calling ``sys.exit()`` or
    raising ``typer.Exit`` must not end every ``oi`` command) and any other
    ``BaseException`` subclass a plugin defines. Never ``KeyboardInterrupt`` (the user's
    Ctrl-C stops the command) nor ``GeneratorExit`` (how Python closes a generator):
    those belong to the user and the interpreter, not to the plugin.
    """
    return not isinstance(fout, KeyboardInterrupt | GeneratorExit)


def guard(hook: str) -> Uitkomst:
    """The body of a fault-isolation wrapper for ``hook``; a plugin that adds a hook of its
    own (the report's chapters) wraps it the same way::

        @hookimpl(wrapper=True, tryfirst=True)
        def register_mijn_hook() -> Uitkomst:
            return (yield from guard("register_mijn_hook"))
    """
    try:
        return (yield)
    except BaseException as fout:
        beurt = AAN_DE_BEURT.get()
        if beurt is None or not is_isolatable(fout):  # outside the manager, or Ctrl-C
            raise
        plugin, melden = beurt
        melden(plugin, hook, fout)
        return []


@hookimpl(wrapper=True, tryfirst=True)
def register_activiteiten() -> Uitkomst:
    return (yield from guard("register_activiteiten"))


@hookimpl(wrapper=True, tryfirst=True)
def register_excel_functies() -> Uitkomst:
    return (yield from guard("register_excel_functies"))


@hookimpl(wrapper=True, tryfirst=True)
def register_kolommen() -> Uitkomst:
    return (yield from guard("register_kolommen"))


@hookimpl(wrapper=True, tryfirst=True)
def register_commands() -> Uitkomst:
    return (yield from guard("register_commands"))
