"""How many processes pay off for the report now: this one plus the cores that are idle.

A second process only pays off on a core nobody else uses; on a busy machine it costs 10–15 %
more processor time for no gain (``docs/prestaties.md``). The load average cannot tell: it is
a one-minute average, so just after other work it still counts that work, and a machine with
two cores and a load of 0.1 would have "1.9" free cores. Instead :func:`free_cores` measures
the idle time of all cores (Linux: ``/proc/stat``) since the previous measurement, the first
taken at :func:`start_window` (``oi rapport`` calls it before its imports, which are then
the window, so no time is spent waiting) or else when this module is imported. Elsewhere
it falls back to the load average, rounded.

A process with other threads (a notebook kernel, a server) gets 1: a second process is made
with ``fork``, which copies only the calling thread, so a lock another thread held at that
moment would stay locked in the copy for good.

``OI_TEKENAARS=n`` sets the number (1: everything in this process).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import threading
import time
from pathlib import Path

__all__ = ["free_cores", "idle_cores", "start_window"]

_STAT = Path("/proc/stat")
_KORTSTE = 0.02
"""The shortest window (s) that says something; a shorter one is waited out."""
_LANGSTE = 10.0
"""A window older than this (s) says nothing about now; a new one is started."""
_MAX = 4
_GENOEG = 0.3 + 1e-9
"""A core idle 70 % of the window counts as idle."""


def _snapshot() -> tuple[float, int, int, float] | None:
    """(time, idle ticks, all ticks) of all cores together and the processor seconds of this
    process's children (:func:`_children_cpu`); None without /proc/stat."""
    try:
        velden = _STAT.read_text(encoding="ascii").split("\n", 1)[0].split()
    except OSError:
        return None
    if not velden or velden[0] != "cpu":
        return None
    tikken = [int(v) for v in velden[1:9]]  # user nice system idle iowait irq softirq steal
    return time.monotonic(), tikken[3] + tikken[4], sum(tikken), _children_cpu()


def _children_cpu() -> float:
    """Processor seconds of this process's children: the finished ones (``getrusage``) and the
    running ones (``/proc/<pid>/stat``). A child that finishes between two calls moves from
    the second to the first with its whole time, so a difference counts what it did between."""
    import resource  # Unix only, like /proc/stat

    klaar = resource.getrusage(resource.RUSAGE_CHILDREN)
    return klaar.ru_utime + klaar.ru_stime + sum(map(_cpu_of, _running_children()))


def _running_children() -> set[int]:
    kinderen: set[int] = set()
    for taak in Path("/proc/self/task").glob("*/children"):
        with contextlib.suppress(OSError, ValueError):
            kinderen.update(int(p) for p in taak.read_text(encoding="ascii").split())
    return kinderen


def _cpu_of(pid: int) -> float:
    """Processor seconds of a running process (0 when it is gone)."""
    try:
        velden = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(velden[11]) + int(velden[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime


_VORIGE = [_snapshot()]


def start_window() -> None:
    """Start measuring idle time now (the next :func:`free_cores` looks back to here)."""
    _VORIGE[0] = _snapshot()


def _cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1  # pragma: no cover - not Linux


def idle_cores() -> float | None:
    """Cores idle on average since the previous call (or the import), or None if unknown;
    the time of this process's own children counts as idle: it was not somebody else's work,
    and a child that is still running (a drawing worker) is what the caller shares with."""
    vorige = _VORIGE[0]
    if vorige is None or time.monotonic() - vorige[0] > _LANGSTE:
        vorige = _snapshot()
    if vorige is not None and (wacht := _KORTSTE - (time.monotonic() - vorige[0])) > 0:
        time.sleep(wacht)
    nu = _VORIGE[0] = _snapshot()
    if vorige is None or nu is None or nu[2] <= vorige[2]:
        return None
    kernen = os.cpu_count() or 1
    vrij = (nu[1] - vorige[1]) / (nu[2] - vorige[2]) * kernen
    eigen = (nu[3] - vorige[3]) / max(nu[0] - vorige[0], 1e-9)  # our own other processes
    return min(float(kernen), vrij + eigen)


def _other_threads() -> bool:
    return threading.active_count() > 1


def free_cores() -> int:
    """Processes that pay off now, this one included (1 to 4); ``OI_TEKENAARS`` overrides."""
    eigen = os.environ.get("OI_TEKENAARS", "").strip()
    if eigen.isdigit():
        return int(eigen)
    if _other_threads() or "fork" not in multiprocessing.get_all_start_methods():
        return 1  # a notebook, a server (see the module's docstring); Windows
    vrij = idle_cores()
    if vrij is None:
        try:
            vrij = _cores() - os.getloadavg()[0]
        except (OSError, AttributeError):  # not known, or no load average: assume busy
            return 1
        return max(1, min(_MAX, round(vrij)))
    return max(1, min(_MAX, _cores(), 1 + int(vrij + _GENOEG)))
