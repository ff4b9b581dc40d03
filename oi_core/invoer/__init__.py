"""Input: numbers as people and Excel write them, users' CSV and Excel files, tidy activity
data and labelled series. Everything that turns outside input into checked values."""

from __future__ import annotations

from oi_core.invoer.bestanden import free_path, read_table, write_atomic, write_table
from oi_core.invoer.getallen import is_empty, parse_amount, parse_number
from oi_core.invoer.tidy import KOLOMMEN_DATA, to_tidy, validate_data

__all__ = [
    "KOLOMMEN_DATA",
    "free_path",
    "is_empty",
    "parse_amount",
    "parse_number",
    "read_table",
    "to_tidy",
    "validate_data",
    "write_atomic",
    "write_table",
]
