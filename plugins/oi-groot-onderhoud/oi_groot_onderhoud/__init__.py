"""Plugin for the activity 'groot_onderhoud': Groot onderhoud bestrating.

Registered through the ``oi`` entry-point group. The hooks below only hand the core what
the modules define:

- :mod:`oi_groot_onderhoud.activiteit`: the Activiteit with its Resultatenketen;
- :mod:`oi_groot_onderhoud.gegevens`: the embedded raw table, published figures, tidy data;
- :mod:`oi_groot_onderhoud.analyses`: every computation (check of the published figures,
  context, weighted opgave, compensation);
- :mod:`oi_groot_onderhoud.rapport`: managementsamenvatting and report parts;
- :mod:`oi_groot_onderhoud.excel`: the Excel functions ``OI_GROOT_ONDERHOUD_…``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from oi_core import ExcelFunctie, hookimpl

from .activiteit import ACTIVITEIT
from .excel import EXCEL_FUNCTIES
from .gegevens import data, gepubliceerd, tabellen
from .rapport import onderdelen, samenvatting

__all__ = ["ACTIVITEIT", "register_activiteiten", "register_excel_functies"]


@hookimpl
def register_activiteiten(register: Callable[..., Any]) -> None:
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
