"""Building part of the chapters in a second process (:mod:`oi_rapport.gelijktijdig`).

The split may only change where a result is built, never the result: what comes from the
child equals what this process would have built, shared objects come back as the same
objects, and everything the child could not hand over (an error, a result that does not
pickle, a child that died) is built again here, failing exactly as it would serially.
"""

from __future__ import annotations

import multiprocessing
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from oi_rapport import RapportOpties, gelijktijdig, make_report
from oi_rapport.gelijktijdig import split

pytestmark = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="geen fork op dit systeem"
)

GEDEELD = {"lijst": [1, 2, 3]}


def _result(n: int) -> tuple[int, int, list[int]]:
    return n * n, os.getpid(), GEDEELD["lijst"]


def _run(functie: Callable[[int], object], items: list[int], processen: int = 2) -> list[object]:
    return [maak() for maak in split(functie, items, processen=processen, gedeeld=GEDEELD)]


def test_the_last_half_is_built_in_another_process_with_the_same_results() -> None:
    uit = _run(_result, [1, 2, 3, 4, 5])
    assert [u[0] for u in uit] == [1, 4, 9, 16, 25]  # type: ignore[index]
    pids = [u[1] for u in uit]  # type: ignore[index]
    assert pids[:3] == [os.getpid()] * 3
    assert pids[3] == pids[4] != os.getpid()


def test_shared_objects_come_back_as_the_same_objects() -> None:
    uit = _run(_result, [1, 2])
    assert uit[1][2] is GEDEELD["lijst"]  # type: ignore[index]


@pytest.mark.parametrize("processen", [0, 1])
def test_without_an_idle_core_everything_is_built_here(processen: int) -> None:
    uit = _run(_result, [1, 2, 3, 4], processen=processen)
    assert {u[1] for u in uit} == {os.getpid()}  # type: ignore[index]


def test_one_item_is_built_here() -> None:
    assert _run(_result, [7])[0][1] == os.getpid()  # type: ignore[index]


def _unpicklable(n: int) -> object:
    return (n, os.getpid(), lambda: n)  # a lambda does not pickle


def test_a_result_that_does_not_pickle_is_built_here() -> None:
    uit = _run(_unpicklable, [1, 2])
    assert uit[1][:2] == (2, os.getpid())  # type: ignore[index]


class Fout(Exception):
    pass


def _fails_in_child(ouder: int) -> Callable[[int], tuple[int, int]]:
    def functie(n: int) -> tuple[int, int]:
        if n == 2 and os.getpid() != ouder:
            raise Fout("in het kind")
        return n, os.getpid()

    return functie


def test_an_error_in_the_child_is_built_again_here() -> None:
    uit = _run(_fails_in_child(os.getpid()), [1, 2])
    assert uit[1] == (2, os.getpid())


def _raises(n: int) -> int:
    if n == 2:
        raise Fout(f"fout bij {n}")
    return n


def test_an_error_is_raised_here_with_its_own_message() -> None:
    maak = split(_raises, [1, 2], processen=2, gedeeld={})
    assert maak[0]() == 1
    with pytest.raises(Fout, match="fout bij 2"):
        maak[1]()


def _child_dies(ouder: int) -> Callable[[int], tuple[int, int]]:
    def functie(n: int) -> tuple[int, int]:
        if os.getpid() != ouder:
            os._exit(3)
        return n, os.getpid()

    return functie


def test_a_child_that_dies_leaves_its_items_to_this_process() -> None:
    uit = _run(_child_dies(os.getpid()), [1, 2, 3, 4])
    assert uit == [(n, os.getpid()) for n in [1, 2, 3, 4]]


def test_the_child_is_reaped() -> None:
    kind = _run(_result, [1, 2])[1][1]  # type: ignore[index]
    with pytest.raises(ChildProcessError):
        os.waitpid(kind, os.WNOHANG)


def test_the_report_is_the_same_built_in_one_or_two_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    html, forks = {}, []
    kind = gelijktijdig._Kind.__init__

    def counted(self: object, *args: object) -> None:
        forks.append(1)
        kind(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(gelijktijdig._Kind, "__init__", counted)
    for n in ("1", "2"):
        monkeypatch.setenv("OI_TEKENAARS", n)
        monkeypatch.setenv("OI_FIGUURCACHE", str(tmp_path / "cache"))
        uitkomst = make_report(RapportOpties(uitvoer=tmp_path / n))
        # the moment of making (minutes) is the one thing that may differ
        html[n] = re.sub(
            r"\d{2}-\d{2}-\d{4} \d{2}:\d{2}", "DATUM", uitkomst.html.read_text("utf-8")
        )
        assert len(uitkomst.hoofdstukken) == 4
        assert len(forks) == (0 if n == "1" else 2)  # the chapters, and the HTML beside the xlsx
    assert html["1"] == html["2"]
    assert "DATUM" in html["1"]
