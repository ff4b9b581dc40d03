"""Turning user input into labelled float Series, with Dutch errors naming the area."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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


def check_no_nan(reeks: pd.Series, naam: str) -> None:
    ontbreekt = np.isnan(reeks.to_numpy(dtype=float))
    if not ontbreekt.any():
        return
    leeg = [str(g) for g in reeks.index[ontbreekt]]
    if leeg:
        raise DataFout([Bevinding(f"waarde ontbreekt voor gebied '{g}'", kolom=naam) for g in leeg])


def check_same_labels(a: pd.Series, b: pd.Series, naam_a: str, naam_b: str) -> None:
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


# -- worksheet ranges ---------------------------------------------------------------------
def rijen_als_reeks(waarden: Any, naam: str, lengte: int | None = None) -> pd.Series:
    """A worksheet range as a float Series indexed by row number (1, 2 …).

    Rows are matched by position, so an empty cell is refused with its row number and
    ``lengte`` (one value per area) is checked when given.
    """
    x = np.asarray(waarden, dtype=float).ravel()
    if lengte is not None and len(x) != lengte:
        raise InvoerFout(
            f"heeft {len(x)} waarden, verwacht {lengte} (één per gebied)", argument=naam
        )
    leeg = [str(i) for i, v in enumerate(x, start=1) if np.isnan(v)]
    if leeg:
        raise InvoerFout(f"lege cel op rij {', '.join(leeg)}", argument=naam)
    return pd.Series(x, index=pd.RangeIndex(1, len(x) + 1, name="rij"))


def bereik_als_tabel(
    labels: Sequence[Any] | None, kolommen: Mapping[str, Any], *, wat: str = "gebieden"
) -> pd.DataFrame:
    """Worksheet ranges as a table with one row per label (a labelled DataFrame).

    ``labels`` are the area names (``None``: the row numbers ``"1"``, ``"2"`` …); every
    column of ``kolommen`` has one value per label. Fully blank rows are skipped (a
    roomy range); a value without a label or a label without a value is refused with
    its row and column, all problems at once, as a :class:`~oi_core.errors.DataFout`.
    """
    getallen = {k: np.asarray(v, dtype=float).ravel() for k, v in kolommen.items()}
    namen = [str(i + 1) for i in range(_lengte(getallen))] if labels is None else list(labels)
    for k, v in getallen.items():
        if len(v) != len(namen):
            raise InvoerFout(
                f"{len(namen)} {wat} maar {len(v)} waarden; kies even grote bereiken", argument=k
            )
    matrix = np.column_stack(list(getallen.values())) if getallen else np.empty((len(namen), 0))
    tekst = pd.Series(namen, dtype=object)
    schoon = tekst.astype(str).str.strip()
    zonder_label = (tekst.isna() | (schoon == "")).to_numpy(dtype=bool)
    leeg = np.isnan(matrix)
    mee = ~(zonder_label & leeg.all(axis=1))
    _eis_volledig_bereik(list(schoon), list(getallen), zonder_label & mee, leeg & mee[:, None])
    index = pd.Index(schoon[mee].to_numpy())
    if not index.is_unique:
        rijen = np.flatnonzero(mee)[index.duplicated()]
        raise DataFout(
            [
                Bevinding(
                    f"'{schoon[r]}' staat meer dan eens in het bereik", rij=int(r) + 1, kolom=wat
                )
                for r in rijen
            ]
        )
    if index.empty:
        raise InvoerFout(f"het bereik bevat geen {wat} met waarden", argument=wat)
    return pd.DataFrame(matrix[mee], index=index, columns=list(getallen))


def _lengte(getallen: Mapping[str, np.ndarray]) -> int:
    return max((len(v) for v in getallen.values()), default=0)


def _eis_volledig_bereik(
    namen: list[Any], kolommen: list[str], zonder_label: np.ndarray, leeg: np.ndarray
) -> None:
    fouten = []
    for i, j in np.argwhere(zonder_label[:, None] & ~leeg):
        fouten.append(Bevinding("waarde zonder gebied", rij=int(i) + 1, kolom=kolommen[j]))
    for i, j in np.argwhere(~zonder_label[:, None] & leeg):
        naam = namen[i]
        fouten.append(Bevinding(f"geen waarde voor '{naam}'", rij=int(i) + 1, kolom=kolommen[j]))
    if fouten:
        fouten.sort(key=lambda b: b.rij or 0)
        raise DataFout(fouten, "Invoer uit het werkblad")
