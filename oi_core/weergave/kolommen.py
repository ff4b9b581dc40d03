"""The column catalogue: key → Dutch header, unit, number format and decimals.

The core registers its own columns (:data:`KERN_KOLOMMEN`) through the
``register_kolommen`` hook like any plugin; :func:`kolom` looks a key up in the catalogue
of everything registered. Every surface — CLI tables, Excel spills, the report (HTML and
xlsx) and the workbooks — takes its headers from here, so no code name reaches a person.
"""

from __future__ import annotations

from oi_core.model.registratie import Kolom

__all__ = ["KERN_KOLOMMEN", "kolom"]

KERN_KOLOMMEN: tuple[Kolom, ...] = (
    Kolom("aandeel_inzet", "Aandeel inzet", "aandeel", 1),
    Kolom("aandeel_opgave", "Aandeel opgave", "aandeel", 1),
    Kolom("verschil_pp", "Verschil (procentpunt)", "procentpunt", 1),
    Kolom("oi_index", "OI-index", "index", 0),
    Kolom("signaal", "Signaal", "tekst"),
)


def kolom(sleutel: str) -> Kolom:
    """The :class:`Kolom` registered for ``sleutel``."""
    from oi_core.plugins.manager import kolommen

    return kolommen()[sleutel]
