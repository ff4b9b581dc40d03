"""The report's own hook: chapters that do not belong to one activity.

A plugin adds a chapter to ``oi rapport`` (the stapeling of ``oi-stapeling`` is one) by
implementing this hook in its ``oi`` entry-point module::

    from oi_core.plugins.hookspecs import hookimpl
    from oi_rapport.hoofdstukken import ExtraHoofdstuk

    @hookimpl(optionalhook=True)
    def register_rapport_hoofdstukken(register):
        register(ExtraHoofdstuk("stapeling", "Stapeling van ongelijkheid", maak=...))

The specification is added to the plugin manager (``pm.add_hookspecs``) when the report
runs, so the core knows nothing of the report; ``optionalhook=True`` keeps ``oi check``
quiet when the report is not installed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from oi_core.plugins.hookspecs import hookspec

if TYPE_CHECKING:
    from oi_rapport.hoofdstukken import RegisterHoofdstuk

__all__ = ["register_rapport_hoofdstukken"]


@hookspec
def register_rapport_hoofdstukken(register: RegisterHoofdstuk) -> None:
    """Register report chapters: call ``register(hoofdstuk)`` with an
    :class:`~oi_rapport.hoofdstukken.ExtraHoofdstuk` per chapter. Keys are unique; the
    chapters follow the activities, in the order of their keys."""
