"""Plugin for the activity 'bibliotheken' (Openbare bibliotheken, OBA).

Registered through the ``oi`` entry-point group. It provides the activity with its
Resultatenketen and embedded data, the managementsamenvatting and report parts, and
three Excel functions (``OI_BIB_AFSTAND``, ``OI_BIB_VESTIGINGEN``, ``OI_BIB_KWADRANT``).
Computation lives in plain functions (:mod:`.afstand`, :mod:`.analyses`); the hooks
below only hand them to the core.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from oi_core import ExcelFunctie, hookimpl

from .activiteit import ACTIVITEIT
from .bronnen import gepubliceerd, tabellen
from .excel import EXCEL_FUNCTIES
from .gegevens import data
from .rapport import onderdelen, samenvatting

__all__ = ["ACTIVITEIT", "register_activiteiten", "register_excel_functies"]


@hookimpl
def register_activiteiten(register: Callable[..., None]) -> None:
    register(
        ACTIVITEIT,
        data=data,
        tabellen=tabellen,
        gepubliceerd=gepubliceerd,
        samenvatting=samenvatting,
        onderdelen=onderdelen,
    )


@hookimpl
def register_excel_functies(register: Callable[[ExcelFunctie], Any]) -> None:
    for functie in EXCEL_FUNCTIES:
        register(functie)
