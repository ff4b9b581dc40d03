"""Benchmark: the vectorised nearest-branch distance against a plain Python loop.

Run with ``uv run python plugins/oi-bibliotheken/benchmarks/bench_afstand.py``. Both are
timed in the same run, so the printed ratio does not depend on the machine.
"""

from __future__ import annotations

import math
import timeit

import numpy as np
from oi_bibliotheken.afstand import kortste_afstand
from oi_bibliotheken.bronnen import vestigingen

from oi_core import Gebiedsindeling, Niveau


def _lus(bx: list[float], by: list[float], vx: list[float], vy: list[float]) -> list[float]:
    return [
        min(math.hypot(x - a, y - b) for a, b in zip(vx, vy, strict=True)) / 1000
        for x, y in zip(bx, by, strict=True)
    ]


def main() -> None:
    buurten = Gebiedsindeling.amsterdam().table(Niveau.BUURT)
    v = vestigingen()
    bx, by = buurten["rd_x"].to_numpy(), buurten["rd_y"].to_numpy()
    vx, vy = v["rd_x"].to_numpy(), v["rd_y"].to_numpy()
    lijsten = (bx.tolist(), by.tolist(), vx.tolist(), vy.tolist())
    assert np.allclose(kortste_afstand(bx, by, vx, vy)[0], _lus(*lijsten))
    n = 50
    numpy_s = min(timeit.repeat(lambda: kortste_afstand(bx, by, vx, vy), number=n, repeat=5)) / n
    lus_s = min(timeit.repeat(lambda: _lus(*lijsten), number=n, repeat=5)) / n
    print(f"{len(bx)} buurten × {len(vx)} vestigingen")
    print(f"numpy: {numpy_s * 1e3:.3f} ms   Python-lus (basislijn): {lus_s * 1e3:.3f} ms")
    print(f"verhouding lus / numpy: {lus_s / numpy_s:.1f}×")


if __name__ == "__main__":
    main()
