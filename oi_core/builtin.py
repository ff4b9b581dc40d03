"""The core's own plugin: the built-in metrics, registered like any plugin's."""

from __future__ import annotations

from collections.abc import Callable

from .hookspecs import hookimpl
from .metrieken import BUILTIN_METRIEKEN, Metriek


@hookimpl
def register_metrieken(register: Callable[[Metriek], None]) -> None:
    for metriek in BUILTIN_METRIEKEN:
        register(metriek)
