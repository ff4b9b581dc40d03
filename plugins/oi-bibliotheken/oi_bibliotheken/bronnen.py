"""The package data as stored: raw tables as published, published averages, OBA branches.

The CSV files in ``oi_bibliotheken/data`` are package data (provenance in
``data/HERKOMST.md``); nothing here reads outside the package.
"""

from __future__ import annotations

from importlib import resources

import pandas as pd

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


def lees_csv(naam: str) -> pd.DataFrame:
    """One CSV file of the package data, as stored."""
    bestand = resources.files("oi_bibliotheken") / "data" / naam
    with bestand.open(encoding="utf-8") as f:
        return pd.read_csv(f)


def tabellen() -> dict[str, pd.DataFrame]:
    """The raw input tables by name (for ``OI_DATA`` and workbooks)."""
    return {
        "bibliotheken_stadsdelen": lees_csv(STADSDELEN),
        "bibliotheken_wijken": lees_csv(WIJKEN),
        "oba_vestigingen": lees_csv(VESTIGINGEN),
    }


def gepubliceerd() -> dict[str, pd.DataFrame]:
    """The published averages (Amsterdam and the Netherlands), kept for comparison."""
    return {"gemiddelden": lees_csv(GEMIDDELDEN)}


def vestigingen() -> pd.DataFrame:
    """The OBA branches, indexed by name, with RD New coordinates ``rd_x``/``rd_y`` (m)."""
    ruw = lees_csv(VESTIGINGEN)
    uit = ruw.rename(columns={"rd_x_benadering": "rd_x", "rd_y_benadering": "rd_y"})
    return uit.set_index("naam")[["rd_x", "rd_y", "stadsdeel_code", "stadsdeel_naam"]]
