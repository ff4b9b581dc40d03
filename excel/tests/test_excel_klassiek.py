"""The classic Windows add-in: xlwings' VBA wrapper for ``oi_excel`` (pywin32 stubbed)."""

from __future__ import annotations

import io
import sys
import types
from collections.abc import Iterator
from typing import Any

import pytest

from oi_core import excel_functies


class _ComError(Exception):
    pass


class _COMException(_ComError):
    def __init__(self, description: str | None = None, scode: int | None = None, **_: Any) -> None:
        super().__init__(description)
        self.description = description
        self.scode = scode


@pytest.fixture
def klassiek(monkeypatch: pytest.MonkeyPatch) -> Iterator[types.ModuleType]:
    """``xlwings.udfs`` importable on Linux: pythoncom, pywintypes and win32com stubbed."""
    pythoncom = types.ModuleType("pythoncom")
    pythoncom.CoInitialize = lambda: None  # type: ignore[attr-defined]
    pywintypes = types.ModuleType("pywintypes")
    pywintypes.com_error = _ComError  # type: ignore[attr-defined]
    win32com = types.ModuleType("win32com")
    client = types.ModuleType("win32com.client")
    client.Dispatch = lambda *a, **k: None  # type: ignore[attr-defined]
    server = types.ModuleType("win32com.server")
    exception = types.ModuleType("win32com.server.exception")
    exception.COMException = _COMException  # type: ignore[attr-defined]
    for naam, module in {
        "pythoncom": pythoncom,
        "pywintypes": pywintypes,
        "win32com": win32com,
        "win32com.client": client,
        "win32com.server": server,
        "win32com.server.exception": exception,
    }.items():
        monkeypatch.setitem(sys.modules, naam, module)
    monkeypatch.delitem(sys.modules, "xlwings.udfs", raising=False)
    import xlwings.udfs

    yield xlwings.udfs
    monkeypatch.delitem(sys.modules, "xlwings.udfs", raising=False)


def _vba(udfs: types.ModuleType) -> tuple[str, types.ModuleType]:
    from oi_excel.udfs import build_functions

    module = types.ModuleType("oi_excel")
    module.__dict__.update(build_functions(runtime="klassiek"))
    uit = io.StringIO()
    werkmap = types.SimpleNamespace(Name="Werkmap1.xlsm")
    udfs.generate_vba_wrapper("oi_excel", module, uit, werkmap)
    return uit.getvalue(), module


def test_vba_wrappers_for_every_function(klassiek: types.ModuleType) -> None:
    vba, _ = _vba(klassiek)
    assert "Function OI_MATCH(gebieden, inzet, opgave, Optional band)" in vba
    assert (
        "Function OI_TOV_GEMIDDELDE(waarden, Optional gewichten, Optional richting, "
        "Optional uitsluiten)" in vba
    )
    assert "Function OI_ACTIVITEITEN()" in vba
    assert (
        'OI_MATCH = XLPy.CallUDF("oi_excel", "OI_MATCH", Array(gebieden, inzet, opgave, band)'
        in vba
    )
    for naam in excel_functies():
        assert f"Function {naam}(" in vba


def test_argument_help_and_category_for_import_functions(klassiek: types.ModuleType) -> None:
    _, module = _vba(klassiek)
    info = module.OI_MATCH.__xlfunc__
    assert info["name"] == "OI_MATCH"
    assert info["category"] == "Ongelijk investeren"
    assert info["ret"]["doc"].startswith("Match tussen inzet en opgave")
    docs = {a["name"]: a["doc"] for a in info["args"]}
    assert docs["gebieden"] == "Bereik met de namen van de gebieden of doelgroepen."
    assert all(a["options"] == {"ndim": 2, "err_to_str": True} for a in info["args"])


def test_classic_error_is_a_com_error_with_the_dutch_text(klassiek: types.ModuleType) -> None:
    """In the cell the classic add-in shows a COM error's description, not a traceback."""
    from xlwings import XlwingsError

    _, module = _vba(klassiek)
    with pytest.raises(XlwingsError) as fout:
        module.OI_INDEX([[1.0], [2.0]], [[1.0], [0.0]])
    assert isinstance(fout.value, _COMException)
    # the cell shows the core's Dutch message on one line, prefixed with the function
    tekst = fout.value.description
    assert tekst.startswith("OI_INDEX: ") and "\n" not in tekst
    assert "opgave is 0 voor" in tekst and "waarde 2" in tekst
    assert module.OI_INDEX([[1.0], [3.0]], [[1.0], [1.0]]) == [[50.0], [150.0]]


def test_no_python_call_while_typing_in_the_function_wizard(klassiek: types.ModuleType) -> None:
    vba, module = _vba(klassiek)
    functies = [f for f in vars(module).values() if hasattr(f, "__xlfunc__")]
    assert functies and all(f.__xlfunc__["call_in_wizard"] is False for f in functies)
    wizard = 'If (Not Application.CommandBars("Standard").Controls(1).Enabled) Then Exit Function'
    assert vba.count(wizard) == len(functies)
