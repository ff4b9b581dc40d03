"""Distributions by dependency: the ``oi-core`` wheel needs nothing for charts, workbooks or Excel.

Charts and report workbooks (matplotlib, xlsxwriter) belong to ``oi-rapport``, Excel (xlwings)
to ``oi-excel``. ``test_plugins_los.py`` shows the same in a fresh environment with a
department plugin.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parents[1]
ZWAAR = {"matplotlib", "xlsxwriter", "xlwings"}


def uv() -> list[str]:
    """The uv that runs these tests (``uv run`` sets ``$UV``), else the one on PATH."""
    pad = os.environ.get("UV") or shutil.which("uv")
    return [pad] if pad else [sys.executable, "-m", "uv"]


@pytest.fixture(scope="module")
def wiel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    uit = tmp_path_factory.mktemp("wiel")
    opdracht = [*uv(), "build", "--package", "oi-core", "--wheel", "--out-dir", str(uit), "-q"]
    klaar = subprocess.run(opdracht, cwd=REPO, capture_output=True, text=True, check=False)
    assert klaar.returncode == 0, klaar.stderr
    (pad,) = uit.glob("oi_core-*.whl")
    return pad


def _metadata(wiel: Path) -> list[str]:
    with zipfile.ZipFile(wiel) as z:
        naam = next(n for n in z.namelist() if n.endswith(".dist-info/METADATA"))
        return Parser().parsestr(z.read(naam).decode("utf-8")).get_all("Requires-Dist") or []


def _imports(bron: str) -> set[str]:
    """The top-level modules a Python source imports (absolute imports only)."""
    namen: set[str] = set()
    for knoop in ast.walk(ast.parse(bron)):
        if isinstance(knoop, ast.Import):
            namen |= {a.name.split(".")[0] for a in knoop.names}
        elif isinstance(knoop, ast.ImportFrom) and knoop.module and not knoop.level:
            namen.add(knoop.module.split(".")[0])
    return namen


@pytest.mark.slow
def test_the_core_wheel_requires_no_chart_workbook_or_excel_library(wiel: Path) -> None:
    vereist = {canonicalize_name(Requirement(r).name) for r in _metadata(wiel)}
    assert {"numpy", "pandas", "pydantic", "pluggy", "typer", "rich"} <= vereist
    assert vereist.isdisjoint(ZWAAR), vereist & ZWAAR


@pytest.mark.slow
def test_no_module_of_the_core_wheel_imports_them(wiel: Path) -> None:
    with zipfile.ZipFile(wiel) as z:
        bronnen = {n: z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".py")}
    assert "oi_core/__init__.py" in bronnen
    assert not any(n.startswith(("oi_rapport/", "oi_excel/")) for n in z.namelist())
    fout = {n: _imports(b) & ZWAAR for n, b in bronnen.items() if _imports(b) & ZWAAR}
    assert fout == {}
