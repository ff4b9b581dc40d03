"""OI functions for Excel via xlwings: ``OI_MATCH``, ``OI_INDEX``, ``OI_GEBIED`` …

This module *is* the UDF module: set *UDF Modules* to ``oi_excel`` in the classic add-in,
or import it in an xlwings Server project (``from oi_excel import *``). Its functions are
generated on first use from :func:`oi_core.excel_functies` — the built-ins of the plugin
``excel`` (:mod:`oi_excel.catalogus`, registered by :mod:`oi_excel.plugin`) plus whatever
other plugins register — so a new plugin's functions appear without a change here.

Generation is lazy (module ``__getattr__``/``__dir__``): importing ``oi_excel`` (as the
``oi`` command line does for ``oi excel …``) loads neither xlwings nor the plugins.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__: list[str]  # generated: the names of the Excel functions

_functies: dict[str, Callable[..., Any]] | None = None


def functions() -> dict[str, Callable[..., Any]]:
    """The generated Excel functions by name (built on first use)."""
    global _functies
    if _functies is None:
        from oi_excel.udfs import build_functions

        _functies = build_functions(module=__name__)
    return _functies


def refresh() -> dict[str, Callable[..., Any]]:
    """Rebuild the functions from the current registry (after registering a plugin)."""
    global _functies
    _functies = None
    return functions()


def __getattr__(naam: str) -> Any:
    if naam == "__all__":
        return sorted(functions())
    if naam.startswith("OI_") and naam in functions():
        return functions()[naam]
    raise AttributeError(f"module {__name__!r} has no attribute {naam!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(functions()))
