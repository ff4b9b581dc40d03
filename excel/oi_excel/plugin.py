"""The plugin ``excel`` (entry point ``oi``): the built-in OI functions and ``oi excel …``."""

from __future__ import annotations

from collections.abc import Callable

from oi_core import ExcelFunctie, hookimpl
from oi_excel.cli import register_commands

__all__ = ["register_commands", "register_excel_functies"]


@hookimpl
def register_excel_functies(register: Callable[[ExcelFunctie], None]) -> None:
    from oi_excel.catalogus import BUILTIN_EXCEL_FUNCTIES

    for functie in BUILTIN_EXCEL_FUNCTIES:
        register(functie)
    from oi_excel.sturen import STUREN_EXCEL_FUNCTIES

    for functie in STUREN_EXCEL_FUNCTIES:
        register(functie)
    from oi_excel.sturen_analyse import STUREN_ANALYSE_EXCEL_FUNCTIES

    for functie in STUREN_ANALYSE_EXCEL_FUNCTIES:
        register(functie)
