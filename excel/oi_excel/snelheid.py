"""Remove xlwings' failed Pyodide imports outside Pyodide: one per cell and one per argument.

``xlwings.utils.is_jsnull`` (per cell) and ``xlwings.pro.udfs_officejs.js_to_none`` (per
argument of every call) run ``from pyodide.ffi import JsNull`` to recognise Pyodide's
``JsNull``. Outside Pyodide that import always fails, after a search of ``sys.path``
(≈150 µs each time; most of an ``OI_MATCH`` over 518 buurten before the ranges were
converted at once). Outside Pyodide no value is ever a ``JsNull``: :func:`speed_up_xlwings`
replaces the checks by their constant answer where xlwings looks them up. In Pyodide
(xlwings Lite, ``sys.platform == "emscripten"``) nothing is changed.
Measured in ``benchmarks/excel_benchmark.py`` (also part of ``benchmarks/run.py``).
"""

from __future__ import annotations

import importlib.util
import sys
from typing import Any

__all__ = ["speed_up_xlwings"]


def _never_jsnull(value: Any) -> bool:
    return False


def _as_given(value: Any) -> Any:
    return value


def speed_up_xlwings() -> bool:
    """Replace xlwings' JsNull checks outside Pyodide; True if they were replaced."""
    if sys.platform == "emscripten" or importlib.util.find_spec("pyodide") is not None:
        return False
    import xlwings.conversion.standard as standard
    import xlwings.utils as utils

    utils.is_jsnull = _never_jsnull
    standard.is_jsnull = _never_jsnull  # type: ignore[attr-defined]
    try:
        import xlwings.pro.udfs_officejs as officejs
    except Exception:  # xlwings PRO not licensed here: no Office.js calls to speed up
        return True
    officejs.js_to_none = _as_given
    return True
