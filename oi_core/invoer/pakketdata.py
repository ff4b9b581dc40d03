"""A plugin's package data: CSV files in its ``data`` folder, read with importlib.resources.

Nothing here reads outside the installed package, so a plugin works the same from a
wheel, an editable install or a zip. :func:`pakket_tabellen` makes the ``tabellen`` and
``gepubliceerd`` functions a plugin registers from a name → file mapping.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources

import pandas as pd

__all__ = ["lees_pakket_csv", "pakket_tabellen"]


def lees_pakket_csv(pakket: str, naam: str, map: str = "data") -> pd.DataFrame:
    """The CSV file ``naam`` in the folder ``map`` of package ``pakket``, as stored."""
    with resources.files(pakket).joinpath(map, naam).open("r", encoding="utf-8") as f:
        return pd.read_csv(f)


def pakket_tabellen(pakket: str, **bestanden: str) -> Callable[[], dict[str, pd.DataFrame]]:
    """A function returning ``{naam: table}`` for every ``naam="bestand.csv"`` given.

    Every call reads the files afresh, so a caller may change what it gets.
    """

    def tabellen() -> dict[str, pd.DataFrame]:
        return {naam: lees_pakket_csv(pakket, bestand) for naam, bestand in bestanden.items()}

    tabellen.__doc__ = f"De tabellen {', '.join(bestanden)} uit de pakketdata van {pakket}."
    return tabellen
