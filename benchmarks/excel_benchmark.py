"""The Excel functions' speed: in-process, over HTTP, under 20 clients, small behind large.

Run: ``uv run python benchmarks/excel_benchmark.py [--snel] [--json PAD]`` (also part of
``benchmarks/run.py``). Every figure is printed next to the core's own computation time
measured in the same run (``oi_core.match`` and ``oi_core.stapeling`` on the same numbers),
with the target of the Excel issue:

* ``OI_MATCH`` over 518 buurten through xlwings Server's call path, in-process: < 20 ms
  (median); over HTTP to ``oi excel serve``, one client: < 30 ms (median).
* ``OI_STAPELING`` over 518 × 20 in-process: < 50 ms.
* 20 concurrent clients × 5,000 calls of ``OI_MATCH(518)``: p99 < 250 ms, no errors. The
  number of calls per client is ``--aanroepen N`` (default 500 in a full run, 25 with
  ``--snel``; ``benchmarks/run.py --excel-aanroepen N``), printed in the line: 20 × 5,000
  calls take over ten minutes on the 2-core machine and ``run.py`` must finish within ten.
* A tiny ``OI_AANDEEL`` while clients keep the server busy with ``OI_STAPELING`` (518 × 20):
  waits less than 100 ms more than alone (p99 against the median alone).

In-process means one event loop, as in the server, calling xlwings Server's
``custom_functions_call`` (the project's raw arguments and whole-range conversion included).
Over HTTP the server is ``oi excel serve`` with ``--werkers 2`` in its own processes; the
load generator runs on the same two cores, so it is kept cheap: every client is one
keep-alive connection on asyncio streams that sends the request bytes encoded once (as
Excel sends them: the payload of Office.js) and reads the answer by its Content-Length,
without parsing it (the status code is checked). httpx costs several times more CPU per
call than the server's own work would leave for it, which would be counted as the server's.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
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


def in_process(body: dict[str, Any], n: int = 30) -> float:
    """Median seconds of one call through ``xlwings.server.custom_functions_call``, all on
    one event loop as in the server."""
    import oi_excel
    import xlwings.server
    from oi_excel.udfs import decorators

    decorators()  # binds the speed-up as the server does
    lus = asyncio.new_event_loop()
    try:
        return _mediaan(
            lambda: lus.run_until_complete(
                xlwings.server.custom_functions_call(dict(body), oi_excel)
            ),
            n=n,
        )
    finally:
        lus.close()


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


PAD = "/xlwings/custom-functions-call"
_LENGTE = re.compile(rb"(?i)\r\ncontent-length:\s*(\d+)")


def _verzoek(adres: str, body: dict[str, Any]) -> bytes:
    """The whole HTTP/1.1 request, encoded once (keep-alive, as a browser sends it)."""
    host = adres.removeprefix("http://")
    inhoud = json.dumps(body).encode()
    kop = (f"POST {PAD} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
           f"Content-Length: {len(inhoud)}\r\nConnection: keep-alive\r\n\r\n")  # fmt: skip
    return kop.encode() + inhoud


async def _calls(adres: str, body: dict[str, Any], n: int, tijden: list[float]) -> int:
    """One client: ``n`` calls after each other on one connection; the number of errors."""
    host, poort = adres.removeprefix("http://").split(":")
    verzoek = _verzoek(adres, body)
    lezer, schrijver = await asyncio.open_connection(host, int(poort))
    fouten = 0
    try:
        for _ in range(n):
            begin = time.perf_counter()
            schrijver.write(verzoek)
            kop = await lezer.readuntil(b"\r\n\r\n")
            lengte = _LENGTE.search(kop)
            await lezer.readexactly(int(lengte.group(1)) if lengte else 0)
            tijden.append(time.perf_counter() - begin)
            fouten += kop[9:12] != b"200"
    finally:
        schrijver.close()
    return fouten


def http(adres: str, body: dict[str, Any], clients: int, n: int) -> tuple[list[float], int]:
    """Latencies (s) of ``clients`` concurrent clients × ``n`` calls, and the error count."""
    tijden: list[float] = []

    async def alle() -> list[int]:
        return await asyncio.gather(*(_calls(adres, body, n, tijden) for _ in range(clients)))

    return tijden, sum(asyncio.run(alle()))


def warm_up(adres: str, werkers: int) -> None:
    """Let every worker load what each case needs (no .pyc files are written here, so a
    worker's first call of a kind compiles modules): several connections per worker."""
    for body in (AANDEEL, MATCH, STAPELING):
        http(adres, body, 4 * werkers, 3)


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
    proces, adres = start_server(werkers=args.werkers)
    try:
        metingen += _http_metingen(adres, kern_match, kern_stapeling, args)
    finally:
        os.killpg(proces.pid, signal.SIGTERM)
        proces.wait(timeout=30)
    if args.json:
        Path(args.json).write_text(json.dumps([asdict(m) for m in metingen], indent=2) + "\n")
    return metingen


def _http_metingen(
    adres: str, kern_match: float, kern_stap: float, args: argparse.Namespace
) -> list[Meting]:
    warm_up(adres, args.werkers)
    een, _ = http(adres, MATCH, 1, 30 if args.snel else 200)
    uit = [
        Meting(
            "OI_MATCH 518, HTTP, één cliënt (mediaan)", statistics.median(een), kern_match, 0.030
        )
    ]
    print(uit[-1].regel(), flush=True)
    aantal = args.aanroepen or (25 if args.snel else 500)
    veel, fouten = http(adres, MATCH, 20, aantal)
    naam = f"OI_MATCH 518, 20 cliënten × {aantal:,} (p99)".replace(",", ".").replace("518.", "518,")
    uit.append(Meting(naam, float(np.percentile(veel, 99)), kern_match, 0.250, fouten))
    print(uit[-1].regel(), flush=True)
    if aantal < 5000:
        print(
            f"  (20 × {aantal:,} aanroepen gedraaid; het doel noemt 20 × 5.000)".replace(",", ".")
        )
    p99_klein, alleen, fouten = klein_achter_groot(adres, 40 if args.snel else 400)
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
    parser.add_argument(
        "--aanroepen",
        type=int,
        metavar="N",
        help="aanroepen per cliënt bij 20 cliënten (standaard 500, met --snel 25; doel: 5000)",
    )
    parser.add_argument(
        "--werkers", type=int, default=2, help="werkers van de server (standaard 2)"
    )
    parser.add_argument("--json", metavar="PAD", help="schrijf de uitkomsten ook als JSON")
    return parser.parse_args(argv)


if __name__ == "__main__":
    main()
