"""The package data as stored: the raw table and the published derived columns.

The CSV files in ``oi_straatreiniging/data`` are package data (provenance in
``data/HERKOMST.md``); nothing here reads outside the package.
"""

from __future__ import annotations

from importlib import resources

import pandas as pd

__all__ = ["GEPUBLICEERD", "STADSDELEN", "gepubliceerd", "lees_csv", "tabellen"]

STADSDELEN = "straatreiniging_stadsdelen.csv"
GEPUBLICEERD = "gepubliceerd.csv"


def lees_csv(naam: str) -> pd.DataFrame:
    """One CSV file of the package data, as stored."""
    bestand = resources.files("oi_straatreiniging") / "data" / naam
    with bestand.open(encoding="utf-8") as f:
        return pd.read_csv(f)


def tabellen() -> dict[str, pd.DataFrame]:
    """The raw input table by name (for ``OI_DATA`` and workbooks)."""
    return {"straatreiniging_stadsdelen": lees_csv(STADSDELEN)}


def gepubliceerd() -> dict[str, pd.DataFrame]:
    """The published derived columns (difference in pp and index), kept for comparison."""
    return {"verschil_en_index": lees_csv(GEPUBLICEERD)}
