"""The core's own plugin: the core columns of the catalogue, registered like any plugin's."""

from __future__ import annotations

from oi_core.cli.sturen_analyse import register_sturen_analyse
from oi_core.plugins.hookspecs import RegisterKolom, hookimpl

__all__ = ["register_kolommen", "register_sturen_analyse"]


@hookimpl
def register_kolommen(register: RegisterKolom) -> None:
    from oi_core.weergave.kolommen import KERN_KOLOMMEN

    for kolom in KERN_KOLOMMEN:
        register(kolom)
