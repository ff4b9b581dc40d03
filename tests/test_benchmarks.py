"""The benchmark's baselines do the same work as the toolkit, on its synthetic division."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pandas as pd
import pytest

from oi_core import DataFout, validate_data

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture(scope="module")
def run() -> ModuleType:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        spec = importlib.util.spec_from_file_location("benchmark_run", BENCHMARKS / "run.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["benchmark_run"] = module  # dataclasses look their module up
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCHMARKS))


def test_synthetic_division_has_five_levels_and_sums_up(run: ModuleType) -> None:
    ind = run.landelijke_indeling(200)
    assert [len(ind.codes(n)) for n in ("gemeente", "stadsdeel", "wijk", "buurt")] == [
        1,
        20,
        40,
        200,
    ]
    assert ind.bevolking("wijk").sum() == pytest.approx(ind.bevolking("buurt").sum())
    assert ind.parents("buurt", "stadsdeel").notna().all()


def test_aggregation_baseline_gives_the_same_sums(run: ModuleType) -> None:
    ind = run.landelijke_indeling(200)
    codes = ind.codes("buurt")
    waarden = pd.Series(np.arange(len(codes), dtype=float), index=pd.Index(codes), name="fte")
    ons = ind.aggregate(waarden, "wijk")
    basis = run.pandas_aggregatie(waarden, ind.parents("buurt", "wijk"))
    pd.testing.assert_series_equal(ons, basis["sum"].reindex(ons.index), check_names=False)
    assert (ons.attrs["dekking"]["met_waarde"] == basis["count"].reindex(ons.index)).all()


def test_validation_baseline_checks_the_same_rows(run: ModuleType) -> None:
    ind = run.landelijke_indeling(200)
    data = run.tidy_data(ind, 3 * 200 * 2)
    ons = validate_data(data, run.ACTIVITEIT, indeling=ind)
    basis = run.pandas_validatie(data, ind)
    assert ons["gebied"].tolist() == basis["gebied"].tolist()
    assert ons["naam"].tolist() == basis["naam"].tolist()
    assert ons["waarde"].tolist() == basis["waarde"].tolist()
    fout = data.copy()
    fout.loc[5, "gebied"] = "B99999"
    with pytest.raises(DataFout, match="rij 6"):
        validate_data(fout, run.ACTIVITEIT, indeling=ind)
    with pytest.raises(ValueError):
        run.pandas_validatie(fout, ind)


def test_every_case_reports_a_ratio_and_a_target(run: ModuleType) -> None:
    uitkomst = run.Uitkomst("per, 518 gebieden", 2e-5, 1e-5, "numpy", 10.0)
    assert uitkomst.verhouding == pytest.approx(2.0)
    assert "2.00×" in uitkomst.regel() and "≤ 10.0×" in uitkomst.regel()
