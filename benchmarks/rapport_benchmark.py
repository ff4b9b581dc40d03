"""Benchmark of ``oi rapport``: the full default report against baselines from the same run.

Run: ``uv run python benchmarks/rapport_benchmark.py`` (add ``--testactiviteiten`` to use the
test activities of ``tests/test_rapport_plugin.py`` instead of the installed plugins).

Measured, each the best of ``--herhalingen`` runs in this process (imports done once):

- *analyses*: only the numbers: every activity's analysis and chapter, and the stapeling;
- *lege werkmap*: writing an empty workbook with xlsxwriter (the floor for any .xlsx);
- *rapport*: the full default report, both files written (what ``oi rapport`` does after
  start-up), with the figure cache off (every figure drawn) and with a warm cache;
- *tekenen*: all figures of the report drawn serially and with two drawing processes (this
  one and one worker, which start at the two ends of the list; wall and CPU time), which
  shows whether the pool pays off on this machine;
- *opdracht*: ``python -m oi_core rapport`` in a fresh process, start-up and imports included;
- the CPU time of one report over all processes (the drawing workers included), which shows
  what the report costs when the machine is busy with other work (its load is printed too).

Target: the full report under 5 s on a 2-core machine. Ratios against the baselines are
printed, so a slow machine (or one shared with other work) can be read fairly.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Any

import xlsxwriter
from oi_rapport import RapportOpties, build_activity, make_report
from oi_rapport.figuren import render_figures
from oi_stapeling import build_stapeling

from oi_core import Gebiedsindeling, activiteiten
from oi_core.plugins.manager import isolated

DOEL_S = 5.0


def _best(functie: Callable[[], object], herhalingen: int) -> float:
    tijden = []
    for _ in range(herhalingen):
        begin = time.perf_counter()
        functie()
        tijden.append(time.perf_counter() - begin)
    return min(tijden)


def _cpu() -> float:
    """CPU seconds of this process and its finished children (the drawing workers)."""
    eigen = resource.getrusage(resource.RUSAGE_SELF)
    kinderen = resource.getrusage(resource.RUSAGE_CHILDREN)
    return eigen.ru_utime + eigen.ru_stime + kinderen.ru_utime + kinderen.ru_stime


def _cpu_of(functie: Callable[[], object]) -> float:
    begin = _cpu()
    functie()
    return _cpu() - begin


def _analyses() -> None:
    for reg in activiteiten().values():
        build_activity(reg, reg.analyse())
    build_stapeling()


def _empty_workbook() -> None:
    wb = xlsxwriter.Workbook(io.BytesIO(), {"in_memory": True})
    wb.add_worksheet("Leeg")
    wb.close()


def _report(map_: Path, cache: Path | None = None) -> Any:
    os.environ["OI_FIGUURCACHE"] = str(cache) if cache is not None else "uit"
    return make_report(RapportOpties(uitvoer=map_, overschrijf=True))


def _drawing(grafieken: list[Any], herhalingen: int) -> str:
    """Serial against two drawing processes (this one and a worker), interleaved: best
    wall time and its CPU time."""
    indeling = Gebiedsindeling.amsterdam()
    os.environ["OI_FIGUURCACHE"] = "uit"  # every figure drawn
    uit: dict[int, tuple[float, float]] = {1: (1e9, 0.0), 2: (1e9, 0.0)}
    for _ in range(herhalingen):
        for n in (1, 2):
            begin, cpu = time.perf_counter(), _cpu()
            render_figures(grafieken, indeling, processen=n)
            wand = time.perf_counter() - begin
            if wand < uit[n][0]:
                uit[n] = (wand, _cpu() - cpu)
    (s1, c1), (s2, c2) = uit[1], uit[2]
    return (
        f"tekenen, {len(grafieken)} figuren        serieel {s1:5.2f} s (CPU {c1:5.2f} s), dit "
        f"proces + 1 werker {s2:5.2f} s (CPU {c2:5.2f} s): {s1 / s2:4.2f}× zo snel"
    )


def _command(map_: Path) -> float:
    begin = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "oi_core", "rapport", "-o", str(map_), "--overschrijf", "--json"],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - begin


def _all_figures(uitkomst: Any) -> list[Any]:
    from oi_rapport.document import all_figures

    return list(all_figures(uitkomst.rapport))


def _test_plugins() -> AbstractContextManager[Any]:
    pad = Path(__file__).resolve().parents[1] / "tests" / "test_rapport_plugin.py"
    spec = importlib.util.spec_from_file_location("_rapport_testplugins", pad)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return isolated(*module.PLUGINS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--herhalingen", type=int, default=3)
    parser.add_argument("--testactiviteiten", action="store_true")
    args = parser.parse_args()
    Gebiedsindeling.amsterdam()
    with (
        _test_plugins() if args.testactiviteiten else nullcontext(),
        tempfile.TemporaryDirectory() as tmp,
    ):
        codes = sorted(activiteiten())
        map_ = Path(tmp)
        cache = map_ / "figuurcache"
        uitkomst = _report(map_, cache)  # warm up (shapes, fonts) and fill the cache
        grafieken = _all_figures(uitkomst)
        analyses = _best(_analyses, args.herhalingen)
        leeg = _best(_empty_workbook, args.herhalingen * 3)
        rapport = _best(lambda: _report(map_), args.herhalingen)
        warm = _best(lambda: _report(map_, cache), args.herhalingen)
        cpu = _cpu_of(lambda: _report(map_))
        tekenen = _drawing(grafieken, args.herhalingen)
        opdracht = None if args.testactiviteiten else _command(map_)
    print(f"activiteiten: {', '.join(codes) or 'geen'}; {os.cpu_count()} kernen")
    print(f"analyses (alleen de getallen)   {analyses:6.2f} s")
    print(f"lege werkmap (xlsxwriter)       {leeg:6.3f} s")
    oordeel = "gehaald" if rapport < DOEL_S else "NIET gehaald"
    print(
        f"volledig rapport (xlsx + html)  {rapport:6.2f} s  ({rapport / analyses:5.1f}× de "
        f"analyses, {rapport / leeg:6.0f}× een lege werkmap; doel < {DOEL_S:.0f} s: {oordeel})"
    )
    print(f"  met warme figuurcache          {warm:6.2f} s  (geen figuur getekend)")
    print(tekenen)
    belasting = os.getloadavg()[0]
    print(
        f"CPU-tijd van het rapport           {cpu:6.2f} s  (alle processen samen; verdeeld over "
        f"{os.cpu_count()} vrije kernen ≈ {cpu / (os.cpu_count() or 1):.2f} s; belasting van "
        f"de machine nu {belasting:.1f})"
    )
    if opdracht is not None:
        print(f"oi rapport in een nieuw proces   {opdracht:6.2f} s  (met opstarten en imports)")


if __name__ == "__main__":
    main()
