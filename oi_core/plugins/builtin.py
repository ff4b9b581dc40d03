"""The core's own plugin: the built-in metrics, registered like any plugin's."""

from __future__ import annotations

from collections.abc import Callable

from oi_core.model.registratie import Kolom
from oi_core.plugins.hookspecs import hookimpl
from oi_core.rekenen.compensatie import compensatie
from oi_core.rekenen.metrieken import BUILTIN_METRIEKEN, FunctieMetriek, Metriek
from oi_core.weergave.kolommen import KERN_KOLOMMEN

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
def register_kolommen(register: Callable[[Kolom], None]) -> None:
    for kolom in KERN_KOLOMMEN:
        register(kolom)
