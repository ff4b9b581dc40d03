"""The Excel functions' speed: in-process, over HTTP, under 20 clients, small behind large.

Run: ``uv run python benchmarks/excel_benchmark.py [--snel] [--json PAD]`` (also part of
``benchmarks/run.py``). Every figure is printed next to the core's own computation time
measured in the same run (``oi_core.match`` and ``oi_core.stapeling`` on the same numbers),
with the target of the Excel issue:

* ``OI_MATCH`` over 518 buurten through xlwings Server's call path, in-process: < 20 ms
  (median); over HTTP to ``oi excel serve``, one client: < 30 ms (median).
* ``OI_STAPELING`` over 518 × 20 in-process: < 50 ms.
* 20 concurrent clients × 5,000 calls of ``OI_MATCH(518)`` (``--snel``: × 25): p99 < 250 ms,
  no errors.
* A tiny ``OI_AANDEEL`` while clients keep the server busy with ``OI_STAPELING`` (518 × 20):
  waits less than 100 ms more than alone (p99 against the median alone).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")
os.environ["XLWINGS_ON_SERVER"] = "true"

RNG = np.random.default_rng(11)
N = 518


@dataclass
class Meting:
    """One Excel case: our figure, the core's time on the same numbers, the target (s)."""

    geval: str
    ons_s: float
    kern_s: float
    doel_s: float
    fouten: int = 0

    @property
    def gehaald(self) -> bool:
        return self.ons_s < self.doel_s and self.fouten == 0

    def regel(self) -> str:
        ja = "ja " if self.gehaald else "NEE"
        extra = f"  fouten {self.fouten}" if self.fouten else ""
        verhouding = self.ons_s / self.kern_s
        return (f"{self.geval:<46} {self.ons_s * 1e3:9.1f} ms {self.kern_s * 1e3:8.2f} ms "
                f"{verhouding:7.1f}×  < {self.doel_s * 1e3:5.0f} ms  {ja}{extra}")  # fmt: skip


# -- request bodies as Excel (Office.js) sends them ----------------------------------------
def _body(func: str, *args: Any) -> dict[str, Any]:
    return {"client": "Office.js", "func_name": func, "args": list(args),
            "caller_address": "[Werkmap1]Blad1!E2", "session_id": "benchmark",
            "culture_info_name": "nl-NL", "date_format": "d-M-yyyy", "version": "0.37.8",
            "runtime": "1.4"}  # fmt: skip


def _col(waarden: Any) -> list[list[Any]]:
    return [[float(v)] if not isinstance(v, str) else [v] for v in waarden]


NAMEN = [f"buurt {i}" for i in range(1, N + 1)]
INZET = RNG.uniform(1, 10, N)
OPGAVE = RNG.uniform(1, 10, N)
TABEL = RNG.normal(50, 10, (N, 20))
MATCH = _body("OI_MATCH", _col(NAMEN), _col(INZET), _col(OPGAVE), [[None]])
STAPELING = _body("OI_STAPELING", TABEL.tolist(), [["hoger"] * 20], [[None]])
AANDEEL = _body("OI_AANDEEL", _col([1.0, 2.0, 3.0]))


def _kern_tijden() -> tuple[float, float]:
    import pandas as pd

    from oi_core import Richting, match, stapeling

    inzet, opgave = pd.Series(INZET, index=NAMEN), pd.Series(OPGAVE, index=NAMEN)
    tabel = pd.DataFrame(TABEL, index=NAMEN, columns=[f"k{j}" for j in range(20)])
    richtingen = dict.fromkeys(tabel.columns, Richting.HOGER_IS_BETER)
    return _mediaan(lambda: match(inzet, opgave)), _mediaan(lambda: stapeling(tabel, richtingen))


def _mediaan(func: Any, n: int = 30) -> float:
    func()
    tijden = []
    for _ in range(n):
        begin = time.perf_counter()
        func()
        tijden.append(time.perf_counter() - begin)
    return statistics.median(tijden)


def in_process(body: dict[str, Any]) -> float:
    """Median seconds of one call through ``xlwings.server.custom_functions_call``."""
    import oi_excel
    import xlwings.server
    from oi_excel.udfs import decorators

    decorators()  # binds the speed-up as the server does

    async def een() -> None:
        await xlwings.server.custom_functions_call(dict(body), oi_excel)

    return _mediaan(lambda: asyncio.run(een()), n=15)


# -- over HTTP --------------------------------------------------------------------------------
def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(werkers: int) -> tuple[subprocess.Popen[bytes], str]:
    import httpx

    poort = _vrije_poort()
    env = {k: v for k, v in os.environ.items() if not k.startswith("XLWINGS_")}
    env["OI_LOGNIVEAU"] = "warning"
    proces = subprocess.Popen(
        [sys.executable, "-m", "oi_core", "excel", "serve", "--poort", str(poort),
         "--werkers", str(werkers)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    adres = f"http://127.0.0.1:{poort}"
    for _ in range(1200):
        try:
            httpx.get(f"{adres}/gezondheid", timeout=1)
            return proces, adres
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError("server startte niet")


async def _calls(adres: str, body: dict[str, Any], n: int, tijden: list[float]) -> int:
    import httpx

    fouten = 0
    async with httpx.AsyncClient(timeout=60) as client:
        for _ in range(n):
            begin = time.perf_counter()
            r = await client.post(f"{adres}/xlwings/custom-functions-call", json=body)
            tijden.append(time.perf_counter() - begin)
            fouten += r.status_code != 200
    return fouten


def http(adres: str, body: dict[str, Any], clients: int, n: int) -> tuple[list[float], int]:
    """Latencies (s) of ``clients`` concurrent clients × ``n`` calls, and the error count."""
    tijden: list[float] = []

    async def alle() -> list[int]:
        return await asyncio.gather(*(_calls(adres, body, n, tijden) for _ in range(clients)))

    return tijden, sum(asyncio.run(alle()))


def klein_achter_groot(adres: str, n: int) -> tuple[float, float, int]:
    """p99 of a tiny call while 4 clients send OI_STAPELING, its median alone, errors."""
    alleen, _ = http(adres, AANDEEL, 1, n)
    tijden: list[float] = []

    async def samen() -> int:
        grote = [asyncio.create_task(_calls(adres, STAPELING, n // 2, [])) for _ in range(4)]
        fouten = await _calls(adres, AANDEEL, n, tijden)
        return fouten + sum(await asyncio.gather(*grote))

    fouten = asyncio.run(samen())
    return float(np.percentile(tijden, 99)), statistics.median(alleen), fouten


def main(argv: list[str] | None = None) -> list[Meting]:
    args = _argumenten(argv)
    kern_match, kern_stapeling = _kern_tijden()
    metingen = [
        Meting("OI_MATCH 518, in-process (mediaan)", in_process(MATCH), kern_match, 0.020),
        Meting("OI_STAPELING 518×20, in-process", in_process(STAPELING), kern_stapeling, 0.050),
    ]
    for m in metingen:
        print(m.regel(), flush=True)
    proces, adres = start_server(werkers=2 * (os.cpu_count() or 1))
    try:
        metingen += _http_metingen(adres, kern_match, kern_stapeling, args.snel)
    finally:
        os.killpg(proces.pid, signal.SIGTERM)
        proces.wait(timeout=30)
    if args.json:
        Path(args.json).write_text(json.dumps([asdict(m) for m in metingen], indent=2) + "\n")
    return metingen


def _http_metingen(adres: str, kern_match: float, kern_stap: float, snel: bool) -> list[Meting]:
    http(adres, MATCH, 1, 5)  # warm every worker a little
    een, _ = http(adres, MATCH, 1, 20 if snel else 100)
    uit = [
        Meting(
            "OI_MATCH 518, HTTP, één cliënt (mediaan)", statistics.median(een), kern_match, 0.030
        )
    ]
    print(uit[-1].regel(), flush=True)
    veel, fouten = http(adres, MATCH, 20, 25 if snel else 5000)
    p99 = float(np.percentile(veel, 99))
    uit.append(
        Meting(
            f"OI_MATCH 518, 20 cliënten × {len(veel) // 20} (p99)", p99, kern_match, 0.250, fouten
        )
    )
    print(uit[-1].regel(), flush=True)
    p99_klein, alleen, fouten = klein_achter_groot(adres, 40 if snel else 400)
    uit.append(
        Meting(
            "OI_AANDEEL naast OI_STAPELING (p99 − alleen)",
            p99_klein - alleen,
            kern_stap,
            0.100,
            fouten,
        )
    )
    print(uit[-1].regel(), flush=True)
    return uit


def _argumenten(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Snelheid van de Excel-functies.")
    parser.add_argument("--snel", action="store_true", help="kleine aantallen (onder een minuut)")
    parser.add_argument("--json", metavar="PAD", help="schrijf de uitkomsten ook als JSON")
    return parser.parse_args(argv)


if __name__ == "__main__":
    main()
