"""A plugin that is built on its first hook call: :class:`LuiePlugin`.

A department plugin's entry point is imported for every ``oi`` command, also for
``oi --help``. Its package then names a :class:`LuiePlugin` instead of building its
:class:`~oi_core.plugins.activiteitplugin.ActiviteitPlugin` at import, so neither the
activity's pydantic model nor its data is loaded until a hook asks for them::

    def _maak() -> ActiviteitPlugin:
        from .activiteit import ACTIVITEIT
        return ActiviteitPlugin.uit_pakket(__name__, ACTIVITEIT)

    plugin = LuiePlugin(__name__, _maak)

It implements the three hooks of an activity plugin (``register_activiteiten``,
``register_excel_functies``, ``register_kolommen``) by handing them to the real plugin;
every other attribute (``activiteit``, ``registratie`` …) is the real plugin's too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from oi_core.plugins.hookspecs import hookimpl

__all__ = ["LuiePlugin"]


class LuiePlugin:
    """Stands in for the plugin ``maak()`` builds, and builds it on first use."""

    def __init__(self, naam: str, maak: Callable[[], Any]) -> None:
        self.__name__ = naam
        self._maak = maak
        self._echt: Any = None

    def echt(self) -> Any:
        """The real plugin (built once)."""
        if self._echt is None:
            self._echt = self._maak()
        return self._echt

    def __getattr__(self, naam: str) -> Any:
        if naam.startswith("__") or naam in ("_maak", "_echt"):
            raise AttributeError(naam)
        return getattr(self.echt(), naam)

    def __repr__(self) -> str:
        return f"LuiePlugin({self.__name__!r})"

    @hookimpl
    def register_activiteiten(self, register: Callable[..., Any]) -> None:
        """Register the activity with its data and report functions."""
        self.echt().register_activiteiten(register)

    @hookimpl
    def register_excel_functies(self, register: Callable[..., Any]) -> None:
        """Register every Excel function of the plugin."""
        self.echt().register_excel_functies(register)

    @hookimpl
    def register_kolommen(self, register: Callable[..., Any]) -> None:
        """Register every column the plugin shows."""
        self.echt().register_kolommen(register)
