"""How many processes the report uses (:mod:`oi_rapport.kernen`): measured idle cores."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator

import pytest
from oi_rapport import kernen


def _stat(idle: int, totaal: int) -> str:
    # user nice system idle iowait irq softirq steal (idle + iowait count as idle)
    return f"cpu  {totaal - idle} 0 0 {idle - 5} 5 0 0 0 0 0\ncpu0 1 2 3 4 5 6 7 8\n"


@pytest.fixture
def stat(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[int, int]]]:
    """A fake /proc/stat of 2 cores: append (idle, all) ticks; each read takes the next."""
    standen: list[tuple[int, int]] = []
    gelezen = iter(range(10_000))

    class Stat:
        def read_text(self, encoding: str) -> str:
            return _stat(*standen[min(next(gelezen), len(standen) - 1)])

    monkeypatch.setattr(kernen, "_STAT", Stat())
    monkeypatch.setattr(kernen, "_children_cpu", lambda: 0.0)
    monkeypatch.setattr(kernen, "_other_threads", lambda: False)  # whatever other tests left
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(kernen, "_cores", lambda: 2)
    monkeypatch.delenv("OI_TEKENAARS", raising=False)
    yield standen


@pytest.mark.parametrize(
    ("idle", "processen"),
    [(100, 2), (80, 2), (70, 2), (60, 1), (30, 1), (0, 1)],
)
def test_a_second_process_only_with_most_of_a_core_idle(
    stat: list[tuple[int, int]], idle: int, processen: int
) -> None:
    # 2 cores, 200 ticks: 100 idle ticks = one idle core (this process uses the other)
    stat += [(1000, 5000), (1000 + idle, 5200)]
    kernen.start_window()
    assert kernen.free_cores() == processen


def test_four_idle_cores_give_four_processes_at_most(
    stat: list[tuple[int, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: 8)
    monkeypatch.setattr(kernen, "_cores", lambda: 8)
    stat += [(0, 0), (790, 800)]
    kernen.start_window()
    assert kernen.free_cores() == 4


def test_the_override_wins(stat: list[tuple[int, int]], monkeypatch: pytest.MonkeyPatch) -> None:
    stat += [(0, 0), (0, 200)]
    monkeypatch.setenv("OI_TEKENAARS", "3")
    assert kernen.free_cores() == 3


def test_a_short_window_is_waited_out(stat: list[tuple[int, int]]) -> None:
    stat += [(0, 0), (100, 200)]
    kernen.start_window()
    begin = time.monotonic()
    kernen.free_cores()
    assert time.monotonic() - begin >= kernen._KORTSTE * 0.9


def test_without_proc_stat_the_load_average_rounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kernen, "_snapshot", lambda: None)
    monkeypatch.setattr(kernen, "_cores", lambda: 2)
    monkeypatch.delenv("OI_TEKENAARS", raising=False)
    for belasting, processen in [(0.1, 2), (0.6, 1), (1.9, 1), (5.0, 1)]:
        monkeypatch.setattr(os, "getloadavg", lambda b=belasting: (b, b, b))
        assert kernen.free_cores() == processen


def test_on_this_machine_a_real_measurement() -> None:
    kernen.start_window()
    vrij = kernen.idle_cores()
    if vrij is None:
        pytest.skip("geen /proc/stat op dit systeem")
    assert 0 <= vrij <= (os.cpu_count() or 1) + 0.01


def test_the_time_of_our_own_finished_second_processes_counts_as_idle(
    stat: list[tuple[int, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    # the other core was busy the whole window, but with our own (now finished) child
    stat += [(1000, 5000), (1000, 5200)]
    kernen.start_window()
    time.sleep(0.05)
    monkeypatch.setattr(kernen, "_children_cpu", lambda: 10.0)  # far more than the window
    assert kernen.idle_cores() == 2.0  # at most all cores
    stat += [(1000, 5400)]
    assert kernen.free_cores() == 1  # a new window: busy, and no child of ours


@pytest.mark.skipif(not os.path.exists("/proc/self/task"), reason="geen /proc op dit systeem")
def test_the_time_of_a_running_child_is_counted_and_stays_counted_when_it_ends() -> None:
    voor = kernen._children_cpu()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child: busy for 0.3 s
        eind = time.monotonic() + 0.3
        while time.monotonic() < eind:
            pass
        os._exit(0)
    time.sleep(0.2)
    bezig = kernen._children_cpu()
    assert pid in kernen._running_children()
    os.waitpid(pid, 0)
    na = kernen._children_cpu()
    assert voor < bezig <= na + 0.02  # counted while running, and not lost when reaped
    assert pid not in kernen._running_children()


def test_a_process_with_other_threads_stays_one_process(
    stat: list[tuple[int, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.undo()  # the real thread count
    stop = threading.Event()
    draad = threading.Thread(target=stop.wait)
    draad.start()
    try:
        monkeypatch.delenv("OI_TEKENAARS", raising=False)
        assert kernen._other_threads()
        assert kernen.free_cores() == 1
    finally:
        stop.set()
        draad.join()


def test_without_fork_or_a_load_average_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OI_TEKENAARS", raising=False)
    monkeypatch.setattr(kernen, "_other_threads", lambda: False)
    monkeypatch.setattr(kernen, "_snapshot", lambda: None)
    monkeypatch.delattr(os, "getloadavg")  # as on Windows
    assert kernen.free_cores() == 1
    monkeypatch.setattr(kernen.multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    monkeypatch.setattr(os, "getloadavg", lambda: (0.0, 0.0, 0.0), raising=False)
    assert kernen.free_cores() == 1  # idle, but no fork: one process
