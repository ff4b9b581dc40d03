"""Benchmark of the core metrics on 518 buurten: oi_core against baselines measured in the same run.

Run: ``uv run python benchmarks/kern_benchmark.py``. Prints the time per call and the ratio
against baselines measured in the same run: the bare numpy computation of every number
``match`` returns (the floor: both shares, difference, OI-index and signal; no checks, no
labels) and the same figures in pandas column arithmetic without any checks. Target:
``match``, with all its checks and Dutch errors, no slower than the unchecked pandas version.
"""

from __future__ import annotations

import timeit

import numpy as np
import pandas as pd

from oi_core import Gebiedsindeling, aandeel, match, stapeling
from oi_core.rekenen.kern import SIGNALEN, grenzen

IND = Gebiedsindeling.amsterdam()


def _data() -> tuple[pd.Series, pd.Series]:
    kinderen = IND.bevolking("buurt", "inwoners_0_14").fillna(0) + 1
    rng = np.random.default_rng(2024)
    inzet = pd.Series(rng.gamma(2.0, 1.0, len(kinderen)), index=kinderen.index)
    return inzet, kinderen


_SIGNALEN = np.asarray(SIGNALEN)
_LAAG, _HOOG = grenzen()


def numpy_floor(
    x: np.ndarray, y: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Every number ``match`` returns, on bare arrays: both shares, the difference, the
    OI-index and the signal (a text per area: the position in the band, 90–110 in
    verhouding, taken from the three words), without checks or labels."""
    a, b = x / x.sum(), y / y.sum()
    index = 100 * (a / b)
    signaal = _SIGNALEN[np.add(index >= _LAAG, index > _HOOG, dtype=np.intp)]
    return a, b, 100 * (a - b), index, signaal


def naive_pandas(inzet: pd.Series, opgave: pd.Series) -> pd.DataFrame:
    """The same figures written with pandas column arithmetic, without any checks."""
    uit = pd.DataFrame({"inzet": inzet, "opgave": opgave})
    uit["aandeel_inzet"] = uit["inzet"] / uit["inzet"].sum()
    uit["aandeel_opgave"] = uit["opgave"] / uit["opgave"].sum()
    uit["verschil_pp"] = 100 * (uit["aandeel_inzet"] - uit["aandeel_opgave"])
    uit["oi_index"] = 100 * uit["aandeel_inzet"] / uit["aandeel_opgave"]
    return uit


def _per_call(func: object, n: int) -> float:
    return min(timeit.repeat(func, number=n, repeat=5)) / n  # type: ignore[arg-type]


def main() -> None:
    inzet, opgave = _data()
    x, y = inzet.to_numpy(), opgave.to_numpy()
    vloer = _per_call(lambda: numpy_floor(x, y), 2000)
    naief = _per_call(lambda: naive_pandas(inzet, opgave), 200)
    kern = _per_call(lambda: match(inzet, opgave), 200)
    deel = _per_call(lambda: aandeel(inzet), 500)
    tabel = pd.DataFrame(
        np.random.default_rng(1).normal(size=(518, 9)),
        index=inzet.index,
        columns=[f"i{k}" for k in range(9)],
    )
    stap = _per_call(lambda: stapeling(tabel, dict.fromkeys(tabel.columns, "hoger_is_beter")), 100)
    print(f"518 buurten — numpy-vloer {vloer * 1e6:8.1f} µs")
    print(f"pandas zonder controles    {naief * 1e6:8.1f} µs  ({naief / vloer:6.0f}× de vloer)")
    print(
        f"oi_core.match              {kern * 1e6:8.1f} µs  ({kern / vloer:6.0f}× de vloer, "
        f"{kern / naief:4.2f}× de pandas-versie zonder controles)"
    )
    print(f"oi_core.aandeel            {deel * 1e6:8.1f} µs  ({deel / vloer:6.0f}× de vloer)")
    print(f"oi_core.stapeling (9 ind.) {stap * 1e6:8.1f} µs")


if __name__ == "__main__":
    main()
