"""The national pipeline of the benchmark (``benchmarks/landelijk.py``): the toolkit and the
hand-written pandas baseline give the same OI-index per activity, year and gemeente."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pandas as pd
import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture(scope="module")
def landelijk() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "benchmark_landelijk", BENCHMARKS / "landelijk.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["benchmark_landelijk"] = module
    spec.loader.exec_module(module)
    return module


def test_de_synthetische_cbs_indeling_nest(landelijk: ModuleType) -> None:
    ind = landelijk.cbs_indeling(600, 12, 120)
    assert [len(ind.codes(n)) for n in ("gemeente", "wijk", "buurt")] == [12, 120, 600]
    ouders = ind.parents("buurt", "wijk")
    assert all(b[2:8] == w[2:] for b, w in ouders.items())


def test_toolkit_en_pandas_geven_dezelfde_index(landelijk: ModuleType) -> None:
    from oi_core import Activiteit

    sys.path.insert(0, str(BENCHMARKS))
    try:
        from run import ACTIVITEIT
    finally:
        sys.path.remove(str(BENCHMARKS))
    assert isinstance(ACTIVITEIT, Activiteit)
    ind = landelijk.cbs_indeling(600, 12, 120)
    inzet, opgave = landelijk.invoer(ind, 3, 2)
    ons = landelijk.ons(ind, ACTIVITEIT, inzet, opgave)
    basis = landelijk.pandas_pijplijn(ind, ACTIVITEIT, inzet, opgave)
    assert len(ons) == 3 * 2 * 12
    pd.testing.assert_series_equal(ons.sort_index(), basis.sort_index(), check_names=False)
    assert landelijk.geheugen(inzet, opgave) > 0
