"""Turning user input into labelled float Series, with Dutch errors naming the area."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeAlias

import numpy as np
import pandas as pd

from oi_core.errors import Bevinding, DataFout, InvoerFout

Labels: TypeAlias = pd.Series | Mapping[Any, Any]
"""Values keyed by area (or doelgroep): a Series or any mapping."""


def als_reeks(waarden: Labels, naam: str) -> pd.Series:
    """A float Series from a Series or mapping; non-numbers are refused by label."""
    if isinstance(waarden, pd.DataFrame):
        raise InvoerFout("verwacht één kolom waarden, geen tabel", argument=naam)
    reeks = waarden if isinstance(waarden, pd.Series) else pd.Series(dict(waarden), dtype=object)
    if not reeks.index.is_unique:
        dubbel = reeks.index[reeks.index.duplicated()].unique()
        raise DataFout(
            [Bevinding(f"gebied '{g}' komt meer dan eens voor", kolom=naam) for g in dubbel]
        )
    if reeks.dtype == np.float64:
        return reeks
    if reeks.dtype.kind in "fiu":
        return reeks.astype(float)
    getallen = pd.to_numeric(reeks, errors="coerce")
    fout = [
        g
        for g, v, n in zip(reeks.index, reeks, getallen, strict=True)
        if pd.isna(n) and not _leeg(v)
    ]
    if fout:
        raise DataFout(
            [Bevinding(f"'{reeks[g]}' is geen getal (gebied '{g}')", kolom=naam) for g in fout]
        )
    return getallen.astype(float)


def _leeg(v: Any) -> bool:
    return v is None or (isinstance(v, float) and np.isnan(v)) or v is pd.NA


def eis_geen_nan(reeks: pd.Series, naam: str) -> None:
    ontbreekt = np.isnan(reeks.to_numpy(dtype=float))
    if not ontbreekt.any():
        return
    leeg = [str(g) for g in reeks.index[ontbreekt]]
    if leeg:
        raise DataFout([Bevinding(f"waarde ontbreekt voor gebied '{g}'", kolom=naam) for g in leeg])


def eis_gelijke_labels(a: pd.Series, b: pd.Series, naam_a: str, naam_b: str) -> None:
    """Both Series must name exactly the same areas (order may differ)."""
    if a.index.equals(b.index):
        return
    alleen_a = list(a.index[~a.index.isin(b.index)])
    alleen_b = list(b.index[~b.index.isin(a.index)])
    fouten = [
        Bevinding(f"gebied '{g}' staat wel in {naam_a} maar niet in {naam_b}") for g in alleen_a
    ]
    fouten += [
        Bevinding(f"gebied '{g}' staat wel in {naam_b} maar niet in {naam_a}") for g in alleen_b
    ]
    if fouten:
        raise DataFout(fouten, f"De gebieden van {naam_a} en {naam_b} komen niet overeen")
