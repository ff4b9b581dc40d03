"""Shared test helpers: the published tables of the presentation, copied into ``referentie/``.

The tests read nothing outside the repository; ``referentie/HERKOMST.md`` names the source of
each table and its sha256 (checked by ``test_herkomst.py``).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

REFERENTIE = Path(__file__).resolve().parent / "referentie"


def seed_tabel(naam: str) -> pd.DataFrame:
    """A table of the presentation as published (``tests/referentie``)."""
    return pd.read_csv(REFERENTIE / naam, keep_default_na=False, na_values=[""])
