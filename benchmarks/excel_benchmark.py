"""The Excel functions' speed: in-process, over HTTP, under 20 clients, small behind large.

Run: ``uv run python benchmarks/excel_benchmark.py [--snel] [--json PAD]`` (also part of
``benchmarks/run.py``). Every figure is printed next to the core's own computation time
measured in the same run (``oi_core.match`` and ``oi_core.stapeling`` on the same numbers),
with the target of the Excel issue:

* ``OI_MATCH`` over 518 buurten through xlwings Server's call path, in-process: < 20 ms
  (median); over HTTP to ``oi excel serve``, one client: < 30 ms (median).
* ``OI_STAPELING`` over 518 × 20 in-process: < 50 ms.
* 20 concurrent clients × 5,000 calls of ``OI_MATCH(518)``: p99 < 250 ms, no errors. The
  number of calls per client is ``--aanroepen N`` (default 5,000 in a full run, 25 with
  ``--snel``; ``benchmarks/run.py --excel-aanroepen N``), printed in the line; a sub-line
  gives the throughput (calls/s), p50 and how the connections were spread over the workers.
* The server's CPU time per ``OI_MATCH(518)`` through the whole ASGI app in this process
  (size limit, CORS, security headers, sign-in, the call, JSON): < 4 ms. CPU time, not
  wall time, so other load on the machine hardly moves it; it sets the throughput the
  20 clients get (two workers on two cores, beside the load generator).
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
import contextlib
import json
import logging
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
from oi_excel.aanroep import PAD

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")
os.environ["XLWINGS_ON_SERVER"] = "true"
for _logger in ("xlwings_server", "httpx"):  # one line per call would bury the figures
    logging.getLogger(_logger).setLevel(logging.WARNING)

RNG = np.random.default_rng(11)
N = 518
VOLLEDIG = 5000
"""Calls per client of the 20-client case in a full run: the issue's figure."""


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


def asgi_cpu(body: dict[str, Any], n: int = 200) -> float:
    """CPU seconds per call of ``oi_excel.asgi.app`` (what a server worker runs per request)
    on one event loop: the lowest of five batches of ``n`` calls (``time.process_time``)."""
    from oi_excel.server import server_env

    os.environ.update(server_env())
    from oi_excel.asgi import app

    inhoud = json.dumps(body).encode()
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": "POST", "scheme": "http", "path": PAD, "raw_path": PAD.encode(),
             "query_string": b"", "root_path": "", "client": ("127.0.0.1", 5000),
             "server": ("127.0.0.1", 8000),
             "headers": [(b"host", b"127.0.0.1:8000"), (b"content-type", b"application/json"),
                         (b"content-length", str(len(inhoud)).encode())]}  # fmt: skip
    status: list[int] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": inhoud, "more_body": False}

    async def send(bericht: dict[str, Any]) -> None:
        if bericht["type"] == "http.response.start":
            status.append(bericht["status"])

    async def reeks(aantal: int) -> None:
        for _ in range(aantal):
            await app(dict(scope), receive, send)

    lus = asyncio.new_event_loop()
    try:
        lus.run_until_complete(reeks(20))
        tijden = []
        for _ in range(5):
            begin = time.process_time()
            lus.run_until_complete(reeks(n))
            tijden.append((time.process_time() - begin) / n)
    finally:
        lus.close()
    if set(status) != {200}:
        raise RuntimeError(f"de app antwoordde {sorted(set(status))}")
    return min(tijden)


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


@dataclass
class Drukte:
    """The 20-client run: latencies (s), errors, wall time (s), connections per worker."""

    tijden: list[float]
    fouten: int
    duur: float
    per_werker: list[int]

    def regel(self) -> str:
        p50, p99 = np.percentile(self.tijden, [50, 99]) * 1e3
        doorvoer = len(self.tijden) / self.duur
        verdeling = "/".join(map(str, self.per_werker)) or "onbekend"
        return (f"  doorvoer {doorvoer:.0f} aanroepen/s in {self.duur:.0f} s; p50 {p50:.1f} ms, "
                f"p99 {p99:.1f} ms; verbindingen per werker {verdeling}")  # fmt: skip


def drukte(
    adres: str, proces: subprocess.Popen[bytes], body: dict[str, Any], clients: int, n: int
) -> Drukte:
    """:func:`http` for ``clients`` × ``n``, timed, with the connections per worker process
    counted a moment after the clients connected."""
    tijden: list[float] = []
    poort = int(adres.rsplit(":", 1)[1])

    async def alle() -> tuple[list[int], list[int]]:
        taken = [asyncio.create_task(_calls(adres, body, n, tijden)) for _ in range(clients)]
        await asyncio.sleep(0.5)
        verdeling = verbindingen_per_werker(proces.pid, poort)
        return await asyncio.gather(*taken), verdeling

    begin = time.perf_counter()
    fouten, verdeling = asyncio.run(alle())
    return Drukte(tijden, sum(fouten), time.perf_counter() - begin, verdeling)


def verbindingen_per_werker(hoofd: int, poort: int) -> list[int]:
    """Open connections on ``poort`` per process of the server (the main process and its
    workers), from ``/proc``; empty where there is no ``/proc`` (not Linux)."""
    try:
        open_ = _open_connections(poort)
        pids = [hoofd, *_children(hoofd)]
        aantallen = [len(_socket_inodes(pid) & open_) for pid in pids]
    except OSError:
        return []
    return sorted((a for a in aantallen if a), reverse=True)


def _open_connections(poort: int) -> set[str]:
    """Inodes of established TCP connections whose local port is ``poort``."""
    inodes: set[str] = set()
    for bestand in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(bestand) as f:
            for regel in f.readlines()[1:]:
                delen = regel.split()
                if int(delen[1].rsplit(":", 1)[1], 16) == poort and delen[3] == "01":
                    inodes.add(delen[9])
    return inodes


def _children(pid: int) -> list[int]:
    kinderen = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            velden = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(velden[1]) == pid:
            kinderen.append(int(stat.parent.name))
    return kinderen


def _socket_inodes(pid: int) -> set[str]:
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        with contextlib.suppress(OSError):
            doel = os.readlink(fd)
            if doel.startswith("socket:["):
                inodes.add(doel[8:-1])
    return inodes


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
        Meting("OI_MATCH 518, CPU per aanroep in de app", asgi_cpu(MATCH), kern_match, 0.004),
    ]
    for m in metingen:
        print(m.regel(), flush=True)
    proces, adres = start_server(werkers=args.werkers)
    try:
        metingen += _http_metingen(adres, proces, kern_match, kern_stapeling, args)
    finally:
        os.killpg(proces.pid, signal.SIGTERM)
        proces.wait(timeout=30)
    if args.json:
        Path(args.json).write_text(json.dumps([asdict(m) for m in metingen], indent=2) + "\n")
    return metingen


def _http_metingen(
    adres: str,
    proces: subprocess.Popen[bytes],
    kern_match: float,
    kern_stap: float,
    args: argparse.Namespace,
) -> list[Meting]:
    warm_up(adres, args.werkers)
    een, _ = http(adres, MATCH, 1, 30 if args.snel else 200)
    uit = [
        Meting(
            "OI_MATCH 518, HTTP, één cliënt (mediaan)", statistics.median(een), kern_match, 0.030
        )
    ]
    print(uit[-1].regel(), flush=True)
    aantal = args.aanroepen or (25 if args.snel else VOLLEDIG)
    veel = drukte(adres, proces, MATCH, 20, aantal)
    naam = f"OI_MATCH 518, 20 cliënten × {aantal:,} (p99)".replace(",", ".").replace("518.", "518,")
    p99 = float(np.percentile(veel.tijden, 99))
    uit.append(Meting(naam, p99, kern_match, 0.250, veel.fouten))
    print(uit[-1].regel(), flush=True)
    print(veel.regel(), flush=True)
    if aantal < VOLLEDIG:
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
        help="aanroepen per cliënt bij 20 cliënten (standaard 5000, het doel; met --snel 25)",
    )
    parser.add_argument(
        "--werkers", type=int, default=2, help="werkers van de server (standaard 2)"
    )
    parser.add_argument("--json", metavar="PAD", help="schrijf de uitkomsten ook als JSON")
    return parser.parse_args(argv)


if __name__ == "__main__":
    main()
