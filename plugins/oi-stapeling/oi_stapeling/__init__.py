"""Plugin 'stapeling': the chapter *Stapeling van ongelijkheid* of ``oi rapport`` (nine
indicators across life domains, per gebied and per SES group).

It registers the chapter through the report's hook ``register_rapport_hoofdstukken``
(:mod:`oi_rapport.hookspecs`); ``optionalhook`` keeps ``oi check`` quiet when the
report's hook specification has not been added (the report adds it when it runs).
"""

from __future__ import annotations

from collections.abc import Callable

from oi_rapport.hoofdstukken import RegisterHoofdstuk

from oi_core.model.registratie import Kolom
from oi_core.plugins.hookspecs import hookimpl
from oi_stapeling.hoofdstuk import (
    HOOFDSTUK,
    KOLOMMEN,
    StapelingHoofdstuk,
    build_stapeling,
    indicator_columns,
    load_seed,
)

__all__ = ["HOOFDSTUK", "StapelingHoofdstuk", "build_stapeling", "load_seed"]


@hookimpl
def register_kolommen(register: Callable[[Kolom], None]) -> None:
    for kolom in (*KOLOMMEN, *indicator_columns()):
        register(kolom)


@hookimpl(optionalhook=True)
def register_rapport_hoofdstukken(register: RegisterHoofdstuk) -> None:
    register(HOOFDSTUK)
