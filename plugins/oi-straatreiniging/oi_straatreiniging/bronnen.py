"""The package data as stored: the raw table and the published derived columns.

The CSV files in ``oi_straatreiniging/data`` are package data (provenance in
``data/HERKOMST.md``); nothing here reads outside the package.
"""

from __future__ import annotations

from functools import partial

from oi_core.invoer.pakketdata import lees_pakket_csv, pakket_tabellen

__all__ = ["GEPUBLICEERD", "STADSDELEN", "gepubliceerd", "lees_csv", "tabellen"]

STADSDELEN = "straatreiniging_stadsdelen.csv"
GEPUBLICEERD = "gepubliceerd.csv"


lees_csv = partial(lees_pakket_csv, "oi_straatreiniging")
"""One CSV file of the package data, as stored."""

tabellen = pakket_tabellen("oi_straatreiniging", straatreiniging_stadsdelen=STADSDELEN)
"""The raw input table by name (for ``OI_DATA`` and workbooks)."""

gepubliceerd = pakket_tabellen("oi_straatreiniging", verschil_en_index=GEPUBLICEERD)
"""The published derived columns (difference in pp and index), kept for comparison."""
