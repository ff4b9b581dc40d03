"""The package data as stored: raw tables as published, published averages, OBA branches.

The CSV files in ``oi_bibliotheken/data`` are package data (provenance in
``data/HERKOMST.md``); nothing here reads outside the package.
"""

from __future__ import annotations

from functools import partial

import pandas as pd

from oi_core.invoer.pakketdata import lees_pakket_csv, pakket_tabellen

__all__ = [
    "GEMIDDELDEN",
    "STADSDELEN",
    "VESTIGINGEN",
    "WIJKEN",
    "gepubliceerd",
    "lees_csv",
    "tabellen",
    "vestigingen",
]

STADSDELEN = "bibliotheken_stadsdelen.csv"
WIJKEN = "bibliotheken_wijken.csv"
GEMIDDELDEN = "gepubliceerd_gemiddelden.csv"
VESTIGINGEN = "oba_vestigingen.csv"


lees_csv = partial(lees_pakket_csv, "oi_bibliotheken")
"""One CSV file of the package data, as stored."""

tabellen = pakket_tabellen(
    "oi_bibliotheken",
    bibliotheken_stadsdelen=STADSDELEN,
    bibliotheken_wijken=WIJKEN,
    oba_vestigingen=VESTIGINGEN,
)
"""The raw input tables by name (for ``OI_DATA`` and workbooks)."""

gepubliceerd = pakket_tabellen("oi_bibliotheken", gemiddelden=GEMIDDELDEN)
"""The published averages (Amsterdam and the Netherlands), kept for comparison."""


def vestigingen() -> pd.DataFrame:
    """The OBA branches, indexed by name, with RD New coordinates ``rd_x``/``rd_y`` (m)."""
    ruw = lees_csv(VESTIGINGEN)
    uit = ruw.rename(columns={"rd_x_benadering": "rd_x", "rd_y_benadering": "rd_y"})
    return uit.set_index("naam")[["rd_x", "rd_y", "stadsdeel_code", "stadsdeel_naam"]]
