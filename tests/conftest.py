"""Shared test helpers: the path to ../shared (read-only reference material)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def seed_tabel(naam: str) -> pd.DataFrame:
    """A table of the presentation as published (../shared/seed/tabellen)."""
    pad = SHARED / "seed" / "tabellen" / naam
    if not pad.is_file():
        pytest.skip(f"referentiemateriaal ontbreekt: {pad}")
    return pd.read_csv(pad, keep_default_na=False, na_values=[""])


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared ontbreekt")
    return SHARED
