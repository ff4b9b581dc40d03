"""The core's own plugin: the built-in metrics and Excel functions, registered like any plugin's."""

from __future__ import annotations

from collections.abc import Callable

from .compensatie import compensatie
from .hookspecs import hookimpl
from .metrieken import BUILTIN_METRIEKEN, FunctieMetriek, Metriek
from .registratie import ExcelFunctie

COMPENSATIE = FunctieMetriek(
    "compensatie",
    "Compensatie",
    "Kosten van compensatie: herverdelen (verschuiven) of toevoegen (niemand levert in).",
    compensatie,
    "eenheid van de inzet",
)


@hookimpl
def register_metrieken(register: Callable[[Metriek], None]) -> None:
    for metriek in (*BUILTIN_METRIEKEN, COMPENSATIE):
        register(metriek)


@hookimpl
def register_excel_functies(register: Callable[[ExcelFunctie], None]) -> None:
    from .excelcatalogus import BUILTIN_EXCEL_FUNCTIES

    for functie in BUILTIN_EXCEL_FUNCTIES:
        register(functie)
