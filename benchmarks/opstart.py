"""Start-up cases of :mod:`run`: bytecode first, then ``oi rapport`` cold and warm.

A real install has bytecode (``pip``, ``uv sync --compile-bytecode``); a checkout run with
``PYTHONDONTWRITEBYTECODE=1`` has none and compiles every module at every start. So before
the start-up cases :func:`compile_bytecode` compiles every module that ``oi --help`` and
``oi rapport`` import (found by running them once and listing ``sys.modules``; Python reads
existing ``.pyc`` files also with ``PYTHONDONTWRITEBYTECODE``) and says so.

``oi rapport`` keeps drawn figures in a persistent cache (``oi_rapport.figuurcache``). Both
numbers are measured, each in a fresh process: *koud* with an empty cache (every figure
drawn, what a first report costs) and *warm* with the cache of an earlier run of the same
report (no figure drawn). The listing run fills the warm cache.
"""

from __future__ import annotations

import compileall
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

_LIJST = """
import runpy, sys
uit, sys.argv = sys.argv[1], ["oi", *sys.argv[2:]]
try:
    runpy.run_module("oi_core", run_name="__main__")
except SystemExit:
    pass
finally:
    bestanden = {getattr(m, "__file__", None) for m in list(sys.modules.values())}
    with open(uit, "w", encoding="utf-8") as f:
        f.write("\\n".join(sorted(b for b in bestanden if b and b.endswith(".py"))))
"""

_VLOER = """
import io, sys
from matplotlib.figure import Figure
svg, png = int(sys.argv[1]), int(sys.argv[2])
for i in range(svg):
    fig = Figure(figsize=(6.8, 3.8))
    ax = fig.add_subplot()
    ax.bar(range(8), range(1, 9))
    ax.set_title(f"Figuur {i}", loc="left")
    fig.savefig(io.StringIO(), format="svg")
    if i < png:
        fig.savefig(io.BytesIO(), format="png", dpi=96)
"""
"""The least any report with these figures costs in matplotlib: import it, then per figure one
plain bar chart of 8 bars saved as SVG (and as PNG for as many as the report has maps)."""

_IMPORTS = "import typer, rich, typer.rich_utils, pandas, numpy, pydantic, xlsxwriter"
"""The libraries every report imports, with nothing of the toolkit."""

RAPPORT = ("rapport", "--overschrijf")
SNEL = ("-a", "straatreiniging", "--zonder", "sturen", "--zonder", "wat_als")
"""``--snel``: the report of one activity with the stapeling chapter, a smoke run (the
chapters *Sturen* and *Wat als?* analyse every activity, so they are left out)."""


def oi() -> str:
    return str(Path(sys.executable).with_name("oi"))


def _imported(argumenten: tuple[str, ...], omgeving: dict[str, str]) -> list[str]:
    """The source files of every module one ``oi`` command imports."""
    with tempfile.NamedTemporaryFile("r", suffix=".txt", encoding="utf-8") as lijst:
        opdracht = [sys.executable, "-c", _LIJST, lijst.name, *argumenten]
        subprocess.run(opdracht, check=True, capture_output=True, env=omgeving, timeout=600)
        return lijst.read().split()


def _compile(bestand: str) -> bool:
    return bool(compileall.compile_file(bestand, quiet=2))


def _env(cache: Path | None) -> dict[str, str]:
    return dict(os.environ, OI_FIGUURCACHE=str(cache) if cache is not None else "uit")


def tijd(argumenten: tuple[str, ...], cache: Path | None = None) -> tuple[float, float]:
    """Wall time and CPU time of one ``oi`` command in a fresh process (figure cache
    ``cache``); the CPU time includes drawing workers, and is what a busy machine cannot
    stretch."""
    voor = _cpu_kinderen()
    begin = time.perf_counter()
    subprocess.run([oi(), *argumenten], check=True, capture_output=True, env=_env(cache))
    return time.perf_counter() - begin, _cpu_kinderen() - voor


def _best_python(rondes: int, *argumenten: str) -> tuple[float, float]:
    """Best wall and CPU time of ``python *argumenten`` in a fresh process, over ``rondes``."""
    beste = (float("inf"), float("inf"))
    for _ in range(rondes):
        voor, begin = _cpu_kinderen(), time.perf_counter()
        subprocess.run([sys.executable, *argumenten], check=True, capture_output=True)
        rondje = (time.perf_counter() - begin, _cpu_kinderen() - voor)
        beste = (min(beste[0], rondje[0]), min(beste[1], rondje[1]))
    return beste


def _cpu_kinderen() -> float:
    gebruik = resource.getrusage(resource.RUSAGE_CHILDREN)
    return gebruik.ru_utime + gebruik.ru_stime


class Opstart:
    """A temporary folder for the report and its two figure caches, over several steps."""

    def __init__(self, snel: bool = False) -> None:
        self._tmp = tempfile.TemporaryDirectory()
        tmp = Path(self._tmp.name)
        self.uitvoer, self.warm, self.koud = tmp / "uit", tmp / "warm", tmp / "koud"
        self.argumenten = (*RAPPORT, *(SNEL if snel else ()), "-o", str(self.uitvoer))
        self.naam = "oi rapport" + (" (1 activiteit)" if snel else "")

    def bytecode(self) -> str:
        """Compile what ``oi --help`` and ``oi rapport`` import (the report run also fills
        the warm cache); returns the line to print."""
        begin = time.perf_counter()
        bestanden = _imported(("--help",), _env(None))
        bestanden += _imported(self.argumenten, _env(self.warm))
        bestanden = sorted(set(bestanden))
        with ProcessPoolExecutor(max(1, min(4, os.cpu_count() or 1))) as pool:
            gelukt = sum(pool.map(_compile, bestanden, chunksize=32))
        return (
            f"bytecode: {gelukt} van {len(bestanden)} modules van `oi --help` en `{self.naam}` "
            f"gecompileerd of al actueel ({time.perf_counter() - begin:.0f} s, met een "
            "rapport dat de warme figuurcache vult)"
        )

    def rapport(self, rondes: int) -> list[tuple[float, float]]:
        """Best of ``rondes`` (interleaved), wall and CPU time: ``oi --help``, ``oi rapport``
        with an empty figure cache (koud) and with the warm one."""
        beste = [(float("inf"), float("inf"))] * 3
        for _ in range(rondes):
            shutil.rmtree(self.koud, ignore_errors=True)
            rondje = (
                tijd(("--help",)),
                tijd(self.argumenten, self.koud),
                tijd(self.argumenten, self.warm),
            )
            beste = [(min(a[0], b[0]), min(a[1], b[1])) for a, b in zip(beste, rondje, strict=True)]
        return beste

    def matplotlib_floor(self, rondes: int) -> tuple[float, float, int, int]:
        """Best wall and CPU time of :data:`_VLOER` in a fresh process for as many figures
        (and PNGs) as the report has, counted in the warm figure cache."""
        svg = len(list(self.warm.glob("*.svg")))
        png = len(list(self.warm.glob("*.png")))
        return (*_best_python(rondes, "-c", _VLOER, str(svg), str(png)), svg, png)

    def import_floor(self, rondes: int) -> tuple[float, float]:
        """Best wall and CPU time of importing what every report needs (the command line's
        typer and rich, pandas, numpy, pydantic, xlsxwriter) in a fresh process."""
        return _best_python(rondes, "-c", _IMPORTS)

    def close(self) -> None:
        self._tmp.cleanup()
