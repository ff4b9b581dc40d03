"""The start-up cases of the benchmark: the module list that is compiled to bytecode."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def test_the_modules_of_oi_help_are_listed_for_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    import opstart

    bestanden = opstart._imported(("--help",), dict(os.environ))
    namen = {Path(b).as_posix() for b in bestanden}
    assert any(n.endswith("oi_core/cli/__init__.py") for n in namen)
    assert any("/typer/" in n for n in namen)
    assert not any("/matplotlib/" in n for n in namen)  # oi --help does not draw
    assert all(Path(b).suffix == ".py" and Path(b).is_file() for b in bestanden)
    assert opstart._compile(bestanden[0])
    sys.modules.pop("opstart", None)
