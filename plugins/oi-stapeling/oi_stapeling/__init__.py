"""Plugin 'stapeling': the chapter *Stapeling van ongelijkheid* of ``oi rapport`` (nine
indicators across life domains, per gebied and per SES group).

It registers the chapter through the report's hook ``register_rapport_hoofdstukken``
(:mod:`oi_rapport.hookspecs`); ``optionalhook`` keeps ``oi check`` quiet when the
report's hook specification has not been added (the report adds it when it runs). The
chapter's module (pandas, the report's document model) is imported only when a hook is
called, so loading the plugin (``oi --help``) stays light.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from oi_core.plugins.hookspecs import hookimpl

if TYPE_CHECKING:
    from oi_rapport.hoofdstukken import RegisterHoofdstuk

    from oi_core.model.registratie import Kolom

__all__ = ["HOOFDSTUK", "StapelingHoofdstuk", "build_stapeling", "load_seed"]


@hookimpl(optionalhook=True)
def register_rapport_hoofdstukken(register: RegisterHoofdstuk) -> None:
    from oi_stapeling.hoofdstuk import HOOFDSTUK

    register(HOOFDSTUK)


@hookimpl
def register_kolommen(register: Callable[[Kolom], None]) -> None:
    from oi_stapeling.hoofdstuk import KOLOMMEN, indicator_columns

    for kolom in (*KOLOMMEN, *indicator_columns()):
        register(kolom)


def __getattr__(naam: str) -> Any:
    if naam in __all__:
        from oi_stapeling import hoofdstuk

        return getattr(hoofdstuk, naam)
    raise AttributeError(f"module {__name__!r} has no attribute {naam!r}")
