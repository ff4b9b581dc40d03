"""Building result Series and DataFrames once, from numpy arrays that are already aligned.

The metrics compute on numpy; handing the result out as pandas used to cost more than the
arithmetic (type inference, alignment, one column inserted at a time). These helpers build
each output once, without inference, so a metric stays within a small factor of its numpy
floor (see ``docs/prestaties.md``). They give exactly what ``pd.Series``/``pd.DataFrame``
would give for the same arrays (a test checks it); on a pandas without the low-level
constructors they fall back to those.
"""

from __future__ import annotations

import importlib
from collections.abc import Hashable, Mapping, Sequence
from functools import cache, lru_cache
from typing import Any, cast

import numpy as np
import pandas as pd

__all__ = ["als_getallen", "reeks", "tabel", "teksten"]


def _laad(module: str, naam: str) -> Any:
    """An object of pandas that not every version has (None when missing)."""
    try:
        return getattr(importlib.import_module(module), naam)
    except (ImportError, AttributeError):  # pragma: no cover - pandas 2.x
        return None


_uit_blokken: Any = _laad("pandas.api.internals", "create_dataframe_from_blocks")
"""pandas ≥ 3.0: the public low-level constructor for downstream libraries."""
_Manager: Any = _laad("pandas.core.internals", "SingleBlockManager")

_NAAM_DIRECT = getattr(pd.Series, "_metadata", None) == ["_name"]
"""pandas keeps a Series' name in ``_name`` (its only metadata); setting it there skips the
setter's generic attribute handling, the larger part of building a small Series."""

_TEKST = pd.Series(["x"]).dtype
"""The dtype pandas gives a column of text (``str`` on pandas 3, ``object`` before)."""


def reeks(waarden: np.ndarray, index: pd.Index, naam: Hashable | None = None) -> pd.Series:
    """``pd.Series(waarden, index=index, name=naam)`` for a 1-D float/int/bool array."""
    if _Manager is not None and _uit_blokken is not None:
        maker: Any = pd.Series
        uit = cast(pd.Series, maker._from_mgr(_Manager.from_array(waarden, index), axes=[index]))
        if _NAAM_DIRECT:  # what the ``name`` setter does, after its check that it hashes
            hash(naam)
            object.__setattr__(uit, "_name", naam)
        else:  # pragma: no cover - a pandas that keeps the name elsewhere
            uit.name = naam
        return uit
    return pd.Series(waarden, index=index, name=naam)  # pragma: no cover


def als_getallen(waarden: pd.Series) -> np.ndarray:
    """``waarden.to_numpy(dtype=float)`` as a read-only array: for a float64 Series a view
    of its own array (no conversion, no copy)."""
    eigen = getattr(waarden, "_values", None)
    if isinstance(eigen, np.ndarray) and eigen.dtype == np.float64:
        uit = eigen.view()
        uit.flags.writeable = False
        return uit
    return waarden.to_numpy(dtype=float)


@cache
def _tekstarray(woorden: tuple[str, ...]) -> Any:
    objecten = np.empty(len(woorden), dtype=object)
    objecten[:] = woorden
    if isinstance(_TEKST, np.dtype):  # pragma: no cover - pandas 2.x: object columns
        return objecten
    return pd.array(objecten, dtype=cast(Any, _TEKST))


def teksten(woorden: Sequence[str], code: np.ndarray) -> Any:
    """The text column ``woorden[code]`` in the dtype pandas gives text, built by a take
    from the few distinct words (no per-row inference)."""
    return _tekstarray(tuple(woorden)).take(code)


def tabel(
    index: pd.Index,
    kolommen: Mapping[str, Any],
    *,
    blok: tuple[Sequence[str], np.ndarray] | None = None,
) -> pd.DataFrame:
    """``pd.DataFrame(kolommen, index=index)`` for columns that already have the index's
    length and their final dtype (numpy arrays, or text from :func:`teksten`): numpy
    columns of one dtype become one block, nothing is inferred or copied twice.

    ``blok`` is a 2-D array already stacked (one row per column) with its column names;
    those columns come first.
    """
    if blok is not None:
        if _uit_blokken is None:  # pragma: no cover - pandas 2.x
            vooraf = dict(zip(blok[0], blok[1], strict=True))
            return pd.DataFrame(vooraf | dict(kolommen), index=index)
        alle = (*blok[0], *kolommen)
        rest = _blokken(list(kolommen.values()), len(blok[0]))
        blokken = [(blok[1], _plaatsen(len(blok[0]))), *rest]
        return cast(pd.DataFrame, _uit_blokken(blokken, index, _kolomnamen(alle).view()))
    if _uit_blokken is None:  # pragma: no cover - pandas 2.x
        return pd.DataFrame(dict(kolommen), index=index)
    blokken = _blokken(list(kolommen.values()), 0)
    kolomnamen = _kolomnamen(tuple(kolommen)).view()
    return cast(pd.DataFrame, _uit_blokken(blokken, index=index, columns=kolomnamen))


def _blokken(waarden: list[Any], eerste: int) -> list[tuple[Any, np.ndarray]]:
    """The blocks of columns ``eerste``, ``eerste + 1`` …: numpy columns grouped by dtype."""
    per_dtype: dict[np.dtype[Any], list[int]] = {}
    blokken: list[tuple[Any, np.ndarray]] = []
    for i, kolom in enumerate(waarden):
        if isinstance(kolom, np.ndarray) and kolom.dtype == object:
            kolom = pd.Series(kolom, copy=False).array  # inferred as the constructor would
        if isinstance(kolom, np.ndarray):
            per_dtype.setdefault(kolom.dtype, []).append(i)
        else:
            blokken.append((kolom, np.array([eerste + i], dtype=np.intp)))
    for plaatsen in per_dtype.values():
        blok = np.vstack([waarden[i] for i in plaatsen])
        blokken.append((blok, np.array(plaatsen, dtype=np.intp) + eerste))
    return blokken


@cache
def _plaatsen(aantal: int) -> np.ndarray:
    """``0 … aantal − 1`` as the placement of a block (read-only, shared)."""
    uit = np.arange(aantal, dtype=np.intp)
    uit.setflags(write=False)
    return uit


@lru_cache(maxsize=256)
def _kolomnamen(namen: tuple[Any, ...]) -> pd.Index:
    """The column labels, inferred once per set of names (each frame gets a view, so
    renaming one frame's columns leaves the others alone)."""
    return cast(pd.Index, pd.Index(list(namen)))
