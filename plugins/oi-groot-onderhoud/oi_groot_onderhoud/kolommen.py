"""The columns of the groot_onderhoud plugin's tables, Excel spills and report parts.

Each key gets a plain Dutch header, a number format and decimals; they are registered in
the column catalogue through ``register_kolommen``, so no code name reaches a person.
"""

from __future__ import annotations

from oi_core.model.registratie import Kolom

__all__ = ["KOLOMMEN"]

KOLOMMEN: tuple[Kolom, ...] = ()
