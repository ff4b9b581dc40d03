"""The plugin ``excel`` (entry point ``oi``): the built-in OI functions and ``oi excel …``."""

from __future__ import annotations

from collections.abc import Callable

from oi_core import ExcelFunctie, hookimpl
from oi_core.model.registratie import Kolom
from oi_core.weergave.kolommen import KERN_KOLOMMEN
from oi_excel.cli import register_commands

__all__ = ["register_commands", "register_excel_functies", "register_kolommen"]

KERN_AANVULLING: tuple[Kolom, ...] = (
    Kolom("gebied", "Gebied", "tekst"),
    Kolom("stadsdeel", "Stadsdeel", "tekst"),
    Kolom("wijk", "Wijk", "tekst"),
    Kolom("buurt", "Buurt", "tekst"),
    Kolom("code", "Code", "tekst"),
    Kolom("naam", "Naam", "tekst"),
    Kolom("jaar", "Jaar", "getal", 0),
    Kolom("indicator", "Indicator", "tekst"),
    Kolom("waarde", "Waarde", "getal"),
    Kolom("niveau", "Niveau", "tekst"),
)
"""Core keys the built-in functions spill (``OI_MATCH``'s areas, ``OI_DATA``'s tidy
columns) for as long as :data:`~oi_core.weergave.kolommen.KERN_KOLOMMEN` lacks them; a key
the core registers itself is left to the core, so nothing is registered twice."""


@hookimpl
def register_excel_functies(register: Callable[[ExcelFunctie], None]) -> None:
    from oi_excel.catalogus import BUILTIN_EXCEL_FUNCTIES

    for functie in BUILTIN_EXCEL_FUNCTIES:
        register(functie)


@hookimpl
def register_kolommen(register: Callable[[Kolom], None]) -> None:
    kern = {k.sleutel for k in KERN_KOLOMMEN}
    for kolom in KERN_AANVULLING:
        if kolom.sleutel not in kern:
            register(kolom)
