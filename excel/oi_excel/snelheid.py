"""Remove xlwings' per-cell cost outside Pyodide: one failed import per cell.

``xlwings.utils.is_jsnull`` runs ``from pyodide.ffi import JsNull`` for every cell of every
argument and result to recognise Pyodide's ``JsNull``. Outside Pyodide that import always
fails, after a search of ``sys.path`` (≈150 µs a cell; most of an ``OI_MATCH`` over 518
buurten). Outside Pyodide no value is ever a ``JsNull``, so the answer is always False:
:func:`speed_up_xlwings` replaces the check by that constant where xlwings looks it up.
In Pyodide (xlwings Lite, ``sys.platform == "emscripten"``) nothing is changed.
Measured in ``benchmarks/run.py`` (case *excel*).
"""

from __future__ import annotations

import importlib.util
import sys
from typing import Any

__all__ = ["speed_up_xlwings"]


def _never_jsnull(value: Any) -> bool:
    return False


def speed_up_xlwings() -> bool:
    """Replace xlwings' JsNull check outside Pyodide; True if it was replaced."""
    if sys.platform == "emscripten" or importlib.util.find_spec("pyodide") is not None:
        return False
    import xlwings.conversion.standard as standard
    import xlwings.utils as utils

    utils.is_jsnull = _never_jsnull
    standard.is_jsnull = _never_jsnull  # type: ignore[attr-defined]
    return True
