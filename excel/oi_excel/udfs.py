"""Excel functions generated from the catalogue of registered :class:`ExcelFunctie`.

Every function that the core or a plugin registers through ``register_excel_functies``
becomes a module-level function whose ``__name__`` is its Excel name (``OI_MATCH``),
decorated with xlwings' ``func``/``arg``/``ret``. Which xlwings runtime that is, is
xlwings' own choice at import time (classic COM add-in on Windows, Office.js custom
functions with ``XLWINGS_ON_SERVER=true``, no-op elsewhere) unless a runtime is asked for
explicitly (tests).

A wrapper only converts, through :func:`oi_excel.conversie.call_function`: arguments per
:attr:`ExcelArgument.soort`, the result to cells with Dutch headers. A user mistake
(:class:`~oi_core.OIFout`) becomes an :class:`xlwings.XlwingsError` with the Dutch
message — HTTP 400 in xlwings Server, so Excel does not retry. A defect becomes an
:class:`~oi_core.errors.InterneFout` ("interne fout in OI_…; meld dit", naming the plugin)
and is shown the same way: never an HTTP 500 that Excel retries three times.

Number text is read in the caller's culture: xlwings Server's call path is wrapped
(:func:`serve_in_culture`) so Office.js's ``culture_info_name`` reaches the conversion; the
classic add-in asks Excel for its separators (``Application.International``).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import importlib
import inspect
import os
import re
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from oi_core import DataFout, ExcelFunctie, OIFout, OIWaarschuwing, excel_functies
from oi_core.errors import InterneFout
from oi_core.invoer.getallen import Cultuur, cultuur_uit_excel
from oi_excel.conversie import (
    EXCEL,
    RUNTIME,
    Uitvoer,
    call_function,
    from_officejs,
    in_culture,
    officejs,
)

__all__ = ["Decorateurs", "build_functions", "decorators", "message", "serve_in_culture"]

Runtime = Literal["server", "klassiek", "geen"]
SERVER_NAMESPACE = "OI"
"""Namespace of the add-in manifest: in Office.js ``OI_MATCH`` reads ``OI.MATCH``."""


@dataclass(frozen=True)
class Decorateurs:
    """xlwings' ``func``, ``arg`` and ``ret`` of one runtime, and its error class."""

    func: Callable[..., Any]
    arg: Callable[..., Any]
    ret: Callable[..., Any]
    fout: type[Exception]
    cultuur: Callable[[], Cultuur | None] = field(default=lambda: None)
    """The caller's culture when the runtime does not set it per call (classic add-in)."""
    server: bool = False
    """xlwings Server (Office.js): arguments and results cross as raw JSON cells, converted
    for the whole range at once by :mod:`oi_excel.conversie` (see :func:`build_function`)."""


def decorators(runtime: Runtime | None = None) -> Decorateurs:
    """The decorators of ``runtime``; ``None``: the ones xlwings bound at import."""
    if runtime == "geen":
        return Decorateurs(
            _GeenRuntime.func, _GeenRuntime.arg, _GeenRuntime.ret, _error_class(runtime)
        )
    if runtime == "server":
        module: Any = importlib.import_module("xlwings.server")
        namen = ("func", "arg", "ret")
    elif runtime == "klassiek":
        module = importlib.import_module("xlwings.udfs")
        namen = ("xlfunc", "xlarg", "xlret")
    else:
        module = importlib.import_module("xlwings")
        namen = ("func", "arg", "ret")
    f, a, r = (getattr(module, n) for n in namen)
    from oi_excel.snelheid import speed_up_xlwings

    speed_up_xlwings()
    bron = getattr(f, "__module__", "")
    klassiek = runtime == "klassiek" or bron == "xlwings.udfs"
    server = runtime == "server" or bron == "xlwings.pro.udfs_officejs"
    cultuur = _excel_culture if klassiek else _geen
    return Decorateurs(f, a, r, _error_class(runtime), cultuur, server=server)


def _geen() -> Cultuur | None:
    return None


def _excel_culture() -> Cultuur | None:
    """The separators of the running Excel (classic add-in); ``None`` when unavailable."""
    try:
        import xlwings

        app: Any = xlwings.apps.active
        return cultuur_uit_excel(app.api)
    except Exception:  # no Excel instance: sniff per argument instead
        return None


def serve_in_culture() -> None:
    """Wrap xlwings Server's ``custom_functions_call`` so each call's Office.js
    ``culture_info_name`` (``nl-NL``) is the culture its arguments are read in.

    xlwings hands the payload's culture only to date conversion; the wrapper sets
    :data:`oi_excel.conversie.CULTUUR` around the call. Idempotent.
    """
    server: Any = importlib.import_module("xlwings.server")
    origineel = server.custom_functions_call
    if getattr(origineel, "oi_cultuur", False):
        return

    @functools.wraps(origineel)
    async def custom_functions_call(data: Any, module: Any, *args: Any, **kwargs: Any) -> Any:
        naam = data.get("culture_info_name") if isinstance(data, dict) else None
        runtime = data.get("runtime") if isinstance(data, dict) else None
        token = RUNTIME.set(str(runtime or RUNTIME.get()))
        try:
            with in_culture(naam):
                return await origineel(data, module, *args, **kwargs)
        finally:
            RUNTIME.reset(token)

    custom_functions_call.oi_cultuur = True  # type: ignore[attr-defined]
    server.custom_functions_call = custom_functions_call


class _GeenRuntime:
    """No-op decorators, for plain Python use of the generated functions."""

    @staticmethod
    def func(f: Any = None, **_: Any) -> Any:
        return f if f is not None else (lambda g: g)

    @staticmethod
    def arg(*_: Any, **__: Any) -> Callable[[Any], Any]:
        return lambda g: g

    ret = arg


def _error_class(runtime: Runtime | None) -> type[Exception]:
    """XlwingsError; in the classic add-in also a COM error carrying the Dutch text.

    The classic add-in shows an exception's text in the cell. A COM exception with a
    ``description`` is shown as just that description instead of a Python traceback.
    """
    from xlwings import XlwingsError

    if runtime == "server":
        return XlwingsError
    try:
        com = importlib.import_module("win32com.server.exception")
    except ImportError:
        return XlwingsError

    class OIExcelFout(XlwingsError, com.COMException):  # type: ignore[misc, name-defined]
        def __init__(self, melding: str) -> None:
            com.COMException.__init__(self, description=melding)
            XlwingsError.__init__(self, melding)

        def __str__(self) -> str:
            return str(self.description)

    return OIExcelFout


# -- one wrapper ------------------------------------------------------------------------------
def message(functie: ExcelFunctie, fout: OIFout) -> str:
    """The Dutch message shown in Excel: the function, then what is wrong, on one line."""
    if isinstance(fout, DataFout):
        delen = [str(b) for b in fout.bevindingen[:5]]
        if len(fout.bevindingen) > 5:
            delen.append(f"en nog {len(fout.bevindingen) - 5}")
        tekst = f"{fout.kop}: " + "; ".join(delen)
    else:
        tekst = str(fout)
    return f"{functie.naam}: {tekst}"


def _call(
    functie: ExcelFunctie, args: tuple[Any, ...], deco: Decorateurs, uitvoer: Uitvoer = EXCEL
) -> list[list[Any]]:
    try:
        cultuur = deco.cultuur()
        with in_culture(cultuur) if cultuur is not None else contextlib.nullcontext():
            return call_function(functie, args, uitvoer)
    except OIFout as e:
        raise deco.fout(message(functie, e)) from e
    except Exception as e:  # call_function wraps defects; this is the last line of defence
        intern = InterneFout(functie.naam, functie.plugin or "oi-core", e)
        raise deco.fout(message(functie, intern)) from e


def _signature(functie: ExcelFunctie) -> inspect.Signature:
    leeg = inspect.Parameter.empty
    return inspect.Signature(
        [
            inspect.Parameter(
                a.naam,
                inspect.Parameter.POSITIONAL_OR_KEYWORD,
                default=None if a.optioneel else leeg,
            )
            for a in functie.argumenten
        ]
    )


def _docstring(functie: ExcelFunctie) -> str:
    return functie.beschrijving[:255]


def build_function(
    functie: ExcelFunctie, deco: Decorateurs, module: str = "oi_excel"
) -> Callable[..., Any]:
    """One Excel function: named ``functie.naam``, decorated for ``deco``'s runtime.

    On xlwings Server the arguments and the result are declared ``raw``: xlwings' value
    converter costs a Python call per cell (most of an ``OI_MATCH`` over 518 buurten), so
    :func:`~oi_excel.conversie.from_officejs` and :func:`~oi_excel.conversie.to_cells` with
    :func:`~oi_excel.conversie.officejs` do the same conversion for a whole range at once.
    """
    if deco.server:
        return _server_function(functie, deco, module)

    def excel_functie(*args: Any) -> list[list[Any]]:
        return _call(functie, args, deco)

    return _decorate(excel_functie, functie, deco, module, {"ndim": 2, "err_to_str": True})


GROOT = 5_000
"""From this many argument cells on, a call on xlwings Server runs in a worker thread, so
the event loop keeps answering other (small) calls in between."""


def _server_function(functie: ExcelFunctie, deco: Decorateurs, module: str) -> Callable[..., Any]:
    def reken(*args: Any) -> list[list[Any]]:
        return _call(functie, tuple(from_officejs(a) for a in args), deco, officejs())

    async def excel_functie(*args: Any) -> list[list[Any]]:
        if sum(map(_cell_count, args)) < GROOT:
            return reken(*args)
        return await asyncio.to_thread(reken, *args)  # copies the culture and runtime

    raw = {"convert": "raw"}
    return _decorate(excel_functie, functie, deco, module, raw, ret=raw)


def _cell_count(waarde: Any) -> int:
    """Cells in one argument as Office.js sends it (rows of cells), without visiting them."""
    if not isinstance(waarde, list) or not waarde:
        return 1
    eerste = waarde[0]
    return len(waarde) * (len(eerste) if isinstance(eerste, list) else 1)


def _decorate(
    excel_functie: Callable[..., Any],
    functie: ExcelFunctie,
    deco: Decorateurs,
    module: str,
    opties: dict[str, Any],
    ret: dict[str, Any] | None = None,
) -> Callable[..., Any]:
    """Name, document and decorate one function: ``opties`` for every argument, ``ret``
    for the result (before ``func``, which keeps what ``arg`` and ``ret`` declared)."""
    excel_functie.__name__ = excel_functie.__qualname__ = functie.naam
    excel_functie.__doc__ = _docstring(functie)
    excel_functie.__module__ = module
    excel_functie.__signature__ = _signature(functie)  # type: ignore[attr-defined]
    excel_functie.__annotations__ = {}
    for a in reversed(functie.argumenten):
        excel_functie = deco.arg(a.naam, doc=a.beschrijving[:255], **opties)(excel_functie)
    if ret is not None:
        excel_functie = deco.ret(**ret)(excel_functie)
    kort = functie.naam.removeprefix("OI_")
    maak = deco.func(name=kort, category=functie.categorie, **_platform(functie))
    return maak(excel_functie)  # type: ignore[no-any-return]


def _platform(functie: ExcelFunctie) -> dict[str, Any]:
    """Options per platform: no Python call while typing in the function wizard (classic
    add-in) and, on xlwings Server, a link to the function's help page (``OI_HULP_URL``,
    set by ``oi excel serve``). Each runtime's decorator ignores the other's option."""
    opties: dict[str, Any] = {"call_in_wizard": False}
    basis = os.environ.get("OI_HULP_URL", "").rstrip("/")
    if basis:
        opties["help_url"] = f"{basis}/{functie.naam}"
    return opties


def build_functions(
    functies: Mapping[str, ExcelFunctie] | None = None,
    runtime: Runtime | None = None,
    module: str = "oi_excel",
) -> dict[str, Callable[..., Any]]:
    """Every registered Excel function (default: :func:`oi_core.excel_functies`) by name."""
    deco = decorators(runtime)
    if runtime == "server" or deco.func is getattr(_xlwings_server(), "func", None):
        serve_in_culture()
    bron = excel_functies() if functies is None else functies
    return {f.naam: build_function(f, deco, module) for f in bron.values() if _valid(f)}


def _xlwings_server() -> Any:
    import sys

    return sys.modules.get("xlwings.server")


_NAAM = re.compile(r"OI_[A-Za-z][A-Za-z0-9_]*")
_ARGUMENT = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


def _valid(functie: ExcelFunctie) -> bool:
    """Names Excel (VBA and Office.js) accepts; a plugin's bad name is skipped with a warning,
    so one plugin cannot break every other function."""
    fout = [a.naam for a in functie.argumenten if not _ARGUMENT.fullmatch(a.naam)]
    if _NAAM.fullmatch(functie.naam) and not fout:
        return True
    warnings.warn(
        f"Excel-functie '{functie.naam}' van plugin '{functie.plugin}' overgeslagen: "
        "de naam begint niet met OI_ of een argumentnaam is ongeldig",
        OIWaarschuwing,
        stacklevel=2,
    )
    return False
