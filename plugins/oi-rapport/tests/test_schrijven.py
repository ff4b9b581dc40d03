"""Writing the report pair: killed at any point, either both old or both new files remain
and no temporary file (after the next run tidies up); figure workers die with their parent;
an output name that is a folder gets a Dutch error.

The kills are real: a forked child writes the pair with ``OI_TEST_KILL=<point>`` and sends
itself SIGKILL there (:func:`oi_core.invoer.bestanden._test_point`), so nothing can clean up.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from oi_core.cli import main
from oi_core.invoer.bestanden import JOURNAAL, TIJDELIJK, recover, write_pair

pytestmark = [
    pytest.mark.betrouwbaarheid(soort="kill"),
    pytest.mark.skipif(not hasattr(os, "fork"), reason="de kills gebruiken fork"),
]

PUNTEN_OUD = ("tijdelijk:.xlsx", "tijdelijk:.html")
"""Kill points before the journal: the old pair stays."""
PUNTEN_NIEUW = ("journaal", "hernoemd:.xlsx", "hernoemd:.html")
"""Kill points after the journal: the next run completes the new pair."""


def _pair(map_: Path) -> tuple[bytes, bytes]:
    return (map_ / "r.xlsx").read_bytes(), (map_ / "r.html").read_bytes()


def _leftovers(map_: Path) -> list[str]:
    return sorted(p.name for p in map_.iterdir() if p.name.endswith((TIJDELIJK, JOURNAAL)))


def _old_pair(map_: Path) -> None:
    map_.mkdir(exist_ok=True)
    (map_ / "r.xlsx").write_bytes(b"oud xlsx")
    (map_ / "r.html").write_bytes(b"oud html")


def _killed_write(map_: Path, punt: str) -> None:
    """A forked child writes the new pair and is killed at ``punt`` (it never returns)."""
    pid = os.fork()
    if pid == 0:  # the child: killed at the point, or it exits without any clean-up
        try:
            os.environ["OI_TEST_KILL"] = punt
            nieuw = {map_ / "r.xlsx": b"nieuw xlsx", map_ / "r.html": b"nieuw html"}
            write_pair(nieuw, overschrijf=True)
        finally:
            os._exit(3)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL


@pytest.mark.parametrize("punt", PUNTEN_OUD + PUNTEN_NIEUW)
def test_a_kill_while_writing_leaves_a_consistent_pair(tmp_path: Path, punt: str) -> None:
    _old_pair(tmp_path)
    _killed_write(tmp_path, punt)
    if punt != "hernoemd:.html":
        assert _leftovers(tmp_path), "the kill left nothing to tidy: not a real kill"
    recover(tmp_path)  # what the next `oi rapport` into this folder does first
    verwacht = (b"oud xlsx", b"oud html") if punt in PUNTEN_OUD else (b"nieuw xlsx", b"nieuw html")
    assert _pair(tmp_path) == verwacht
    assert _leftovers(tmp_path) == []


def test_a_new_pair_after_a_kill_is_completed_or_absent(tmp_path: Path) -> None:
    """Without an old pair: after recovery both new files exist, or neither."""
    for punt in PUNTEN_OUD + PUNTEN_NIEUW:
        map_ = tmp_path / punt.replace(":", "-")
        map_.mkdir()
        _killed_write(map_, punt)
        recover(map_)
        namen = sorted(p.name for p in map_.iterdir())
        assert namen in ([], ["r.html", "r.xlsx"]), (punt, namen)


def test_a_single_file_killed_while_written_is_cleaned_by_the_next_write(tmp_path: Path) -> None:
    """``oi match -o`` and ``oi excel werkmap`` write one file through ``write_atomic``."""
    from oi_core.invoer.bestanden import write_atomic

    doel = tmp_path / "uit.xlsx"
    doel.write_bytes(b"oud")

    def sterf(pad: Path) -> None:
        pad.write_bytes(b"half")
        os.kill(os.getpid(), signal.SIGKILL)

    pid = os.fork()
    if pid == 0:
        try:
            write_atomic(doel, sterf, overschrijf=True)
        finally:
            os._exit(3)
    _, status = os.waitpid(pid, 0)
    assert os.WTERMSIG(status) == signal.SIGKILL
    assert doel.read_bytes() == b"oud" and _leftovers(tmp_path)
    write_atomic(doel, lambda p: p.write_bytes(b"nieuw"), overschrijf=True)
    assert doel.read_bytes() == b"nieuw" and _leftovers(tmp_path) == []


def test_the_files_of_a_running_writer_are_left_alone(tmp_path: Path) -> None:
    """Recovery only touches what a process that no longer runs left behind."""
    levend = tmp_path / f".r.xlsx.{os.getppid()}{TIJDELIJK}"
    dood = tmp_path / f".r.xlsx.999999999{TIJDELIJK}"
    for p in (levend, dood):
        p.write_bytes(b"x")
    recover(tmp_path)
    assert levend.exists() and not dood.exists()


def test_an_existing_pair_is_only_replaced_when_asked(tmp_path: Path) -> None:
    from oi_core import InvoerFout

    _old_pair(tmp_path)
    with pytest.raises(InvoerFout, match="bestaat al"):
        write_pair({tmp_path / "r.xlsx": b"x", tmp_path / "r.html": b"y"})
    assert _pair(tmp_path) == (b"oud xlsx", b"oud html") and _leftovers(tmp_path) == []
    write_pair({tmp_path / "r.xlsx": b"x", tmp_path / "r.html": b"y"}, overschrijf=True)
    assert _pair(tmp_path) == (b"x", b"y") and _leftovers(tmp_path) == []


# -- an output name that is a folder -----------------------------------------------------------
@pytest.mark.betrouwbaarheid(soort="geval")
@pytest.mark.parametrize(
    "opdracht",
    [
        ["match", "{csv}", "-o", "{map}", "--overschrijf"],
        ["match", "{csv}", "-o", "{map}"],
        ["excel", "werkmap", "straatreiniging", "-o", "{map}", "--overschrijf"],
    ],
)
def test_an_output_name_that_is_a_folder_gets_a_dutch_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], opdracht: list[str]
) -> None:
    csv = tmp_path / "m.csv"
    csv.write_text("gebied;inzet;opgave\nA;1;2\nB;3;4\n", encoding="utf-8")
    map_ = tmp_path / "uit.xlsx"
    map_.mkdir()
    argumenten = [a.format(csv=csv, map=map_) for a in opdracht]
    assert main(argumenten) == 1
    fout = " ".join(capsys.readouterr().err.split())
    assert "is een map" in fout and "Traceback" not in fout
    assert list(map_.iterdir()) == []


def test_a_report_file_name_that_is_a_folder_gets_a_dutch_error(tmp_path: Path) -> None:
    from oi_core import InvoerFout

    (tmp_path / "r.xlsx").mkdir()
    with pytest.raises(InvoerFout, match="is een map"):
        write_pair({tmp_path / "r.xlsx": b"x", tmp_path / "r.html": b"y"}, overschrijf=True)
    assert not (tmp_path / "r.html").exists() and _leftovers(tmp_path) == []


# -- the whole `oi rapport` in a process of its own ---------------------------------------------
OI = "import sys; from oi_core.cli import main; sys.exit(main())"


def _oi(*argumenten: str, **omgeving: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-c", OI, *argumenten],
        env={**os.environ, **omgeving},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _children(pid: int) -> set[int]:
    kinderen = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            velden = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(velden[1]) == pid:
            kinderen.add(int(stat.parent.name))
    return kinderen


def _alive(pid: int) -> bool:
    try:
        toestand = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return toestand != "Z"


@pytest.mark.slow
@pytest.mark.parametrize("punt", ["tijdelijk:.html", "hernoemd:.xlsx"])
def test_a_killed_report_is_consistent_after_the_next_run(tmp_path: Path, punt: str) -> None:
    uit = tmp_path / "rapport"
    argumenten = ("rapport", "-a", "straatreiniging", "--zonder", "stapeling", "-o", str(uit))
    assert _oi(*argumenten).wait(timeout=300) == 0
    eerste = {p.name: p.read_bytes() for p in uit.iterdir()}
    proces = _oi(*argumenten, "--overschrijf", OI_TEST_KILL=punt)
    assert proces.wait(timeout=300) == -signal.SIGKILL
    assert _leftovers(uit)
    assert _oi(*argumenten, "--overschrijf").wait(timeout=300) == 0
    assert _leftovers(uit) == []
    assert sorted(p.name for p in uit.iterdir()) == sorted(eerste)


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="leest /proc")
def test_figure_workers_die_with_their_parent(tmp_path: Path) -> None:
    argumenten = ("rapport", "-a", "straatreiniging", "--zonder", "stapeling", "-o", str(tmp_path))
    proces = _oi(*argumenten, OI_TEKENAARS="2")  # a pool, however busy the machine is
    werkers: set[int] = set()
    for _ in range(600):  # until the figure pool has started (or the report is done)
        werkers = _children(proces.pid)
        if werkers or proces.poll() is not None:
            break
        time.sleep(0.05)
    assert werkers, "met OI_TEKENAARS=2 tekent het rapport in werkprocessen"
    proces.send_signal(signal.SIGKILL)
    proces.wait(timeout=30)
    for _ in range(100):
        if not any(_alive(w) for w in werkers):
            break
        time.sleep(0.05)
    assert not any(_alive(w) for w in werkers)
    assert not list(tmp_path.glob("*.xlsx")) and not list(tmp_path.glob("*.html"))
