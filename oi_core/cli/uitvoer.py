"""Printing results: rich tables for people, JSON for scripts and CI.

Public for plugins' own commands (``register_commands``): :data:`JsonOptie`,
:func:`print_table` (numbers in Dutch notation) and :func:`print_json`.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from oi_core.model.registratie import Kolom
from oi_core.weergave import kolommen, tekst

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["JsonOptie", "console", "kop", "print_json", "print_table", "records"]

JsonOptie = Annotated[bool, typer.Option("--json", help="Uitvoer als JSON, voor scripts en CI.")]
"""The ``--json`` option every ``oi`` command offers."""

console = Console(width=None if sys.stdout.isatty() else 160)
"""Wide when written to a file or pipe, so tables do not wrap."""


def kop(sleutel: str) -> str:
    """The Dutch header of column ``sleutel`` from the column catalogue; a key nobody
    registered is shown as words (``gebied_naam`` → ``Gebied naam``), never as code."""
    woorden = tekst.hoofdletter(sleutel.replace("_", " ").strip()) or sleutel
    return kolommen.kop(sleutel, woorden)


def _number(k: Kolom | None, waarde: float) -> str:
    formaat = k.formaat if k else "getal"
    decimalen = k.decimalen if k and k.decimalen is not None else None
    if formaat == "aandeel":
        return tekst.procent(100 * waarde, 1 if decimalen is None else decimalen)
    if formaat == "procent":
        return tekst.procent(waarde, 1 if decimalen is None else decimalen)
    if formaat == "procentpunt":
        return tekst.procentpunt(waarde, 1 if decimalen is None else decimalen)
    if decimalen is None:
        decimalen = 0 if formaat == "index" or float(waarde).is_integer() else 2
    return tekst.getal(waarde, decimalen)


def _format(k: Kolom | None, waarde: Any) -> str:
    import numpy as np

    if waarde is None or (isinstance(waarde, float) and math.isnan(waarde)):
        return tekst.GEEN_GEGEVENS
    if isinstance(waarde, bool | np.bool_):
        return "ja" if waarde else "nee"
    if isinstance(waarde, int | float | np.integer | np.floating):
        return _number(k, float(waarde))
    return escape(str(waarde))


def print_table(df: pd.DataFrame, titel: str = "", *, index: bool = True) -> None:
    """A DataFrame as a rich table: headers from the column catalogue, numbers in Dutch
    notation in the column's format (``aandeel`` as a percentage …)."""
    import pandas as pd
    from rich.table import Table

    tabel = Table(title=titel or None, show_lines=False, header_style="bold")
    sleutels = ([str(df.index.name or "")] if index else []) + [str(c) for c in df.columns]
    numeriek = {str(c) for c in df.columns if pd.api.types.is_numeric_dtype(df[c])}
    for k in sleutels:
        tabel.add_column(kop(k), justify="right" if k in numeriek else "left")
    opzoek = [kolommen.zoek(str(c)) for c in df.columns]
    for label, rij in df.iterrows():
        cellen = [_format(k, v) for k, v in zip(opzoek, rij.tolist(), strict=True)]
        tabel.add_row(*([escape(str(label))] if index else []), *cellen)
    console.print(tabel)


def _plain(waarde: Any) -> Any:
    import numpy as np
    import pandas as pd

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

    import pandas as pd

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
