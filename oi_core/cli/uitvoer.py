"""Printing results: rich tables for people, JSON for scripts and CI.

Public for plugins' own commands (``register_commands``): :data:`JsonOptie`,
:func:`print_table` (numbers in Dutch notation) and :func:`print_json`.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Mapping
from typing import Annotated, Any

import numpy as np
import pandas as pd
import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from oi_core.weergave import tekst

__all__ = ["JsonOptie", "console", "print_json", "print_table", "records"]

JsonOptie = Annotated[bool, typer.Option("--json", help="Uitvoer als JSON, voor scripts en CI.")]
"""The ``--json`` option every ``oi`` command offers."""

console = Console(width=None if sys.stdout.isatty() else 160)
"""Wide when written to a file or pipe, so tables do not wrap."""


def _number(kolom: str, waarde: float) -> str:
    if kolom.startswith("aandeel"):
        return tekst.procent(100 * waarde, 1)
    if kolom == "verschil_pp":
        return tekst.procentpunt(waarde, 1)
    if kolom == "oi_index":
        return tekst.getal(waarde, 0)
    return tekst.getal(waarde, 0 if float(waarde).is_integer() else 2)


def _format(kolom: str, waarde: Any) -> str:
    if waarde is None or (isinstance(waarde, float) and math.isnan(waarde)):
        return "–"
    if isinstance(waarde, bool | np.bool_):
        return "ja" if waarde else "nee"
    if isinstance(waarde, int | float | np.integer | np.floating):
        return _number(kolom, float(waarde))
    return escape(str(waarde))


KOPPEN = {
    "aandeel_inzet": "Aandeel inzet",
    "aandeel_opgave": "Aandeel opgave",
    "verschil_pp": "Verschil (pp)",
    "oi_index": "OI-index",
    "inwoners_0_14": "Inwoners 0–14",
}
"""Column headers for people; JSON keeps the column names."""


def _kop(kolom: str) -> str:
    return KOPPEN.get(kolom, kolom.replace("_", " ").capitalize())


def print_table(df: pd.DataFrame, titel: str = "", *, index: bool = True) -> None:
    """A DataFrame as a rich table: Dutch headers, numbers in Dutch notation."""
    tabel = Table(title=titel or None, show_lines=False, header_style="bold")
    kolommen = ([str(df.index.name or "")] if index else []) + [str(c) for c in df.columns]
    numeriek = {str(c) for c in df.columns if pd.api.types.is_numeric_dtype(df[c])}
    for k in kolommen:
        tabel.add_column(_kop(k), justify="right" if k in numeriek else "left")
    for label, rij in df.iterrows():
        cellen = ([escape(str(label))] if index else []) + [
            _format(str(k), v) for k, v in rij.items()
        ]
        tabel.add_row(*cellen)
    console.print(tabel)


def _plain(waarde: Any) -> Any:
    if isinstance(waarde, np.generic):
        waarde = waarde.item()
    if isinstance(waarde, float) and not math.isfinite(waarde):
        return None
    if waarde is pd.NA:
        return None
    return waarde


def records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as dicts, the index first under its name; NaN becomes null."""
    naam = str(df.index.name or "gebied")
    return [
        {naam: _plain(label), **{str(k): _plain(v) for k, v in rij.items()}}
        for label, rij in df.iterrows()
    ]


def print_json(data: Any) -> None:
    """JSON on stdout (UTF-8, indented); DataFrames as lists of records."""

    def omzetten(x: Any) -> Any:
        if isinstance(x, pd.DataFrame):
            return records(x)
        if isinstance(x, pd.Series):
            return {str(k): _plain(v) for k, v in x.items()}
        if isinstance(x, Mapping):
            return {str(k): omzetten(v) for k, v in x.items()}
        if isinstance(x, list | tuple):
            return [omzetten(v) for v in x]
        return _plain(x)

    print(json.dumps(omzetten(data), ensure_ascii=False, indent=2))
