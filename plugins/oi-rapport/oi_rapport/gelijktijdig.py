"""Building part of a list of chapters in a second process while this one builds the rest.

The report builds one chapter per activity; they are independent. On a machine with an idle
core (:func:`oi_rapport.kernen.free_cores`) and with ``fork``, :func:`split` forks one child
that builds the last part of the list while this process builds the first part. The child
sends each result back pickled, in order, through a pipe. Objects both processes share and
that hold plugin functions (an activity's registration, the area division) are sent by name
(``gedeeld``) and are the same objects again afterwards.

The outcome never differs from building everything here: whatever the child could not hand
over whole (an exception, something that does not pickle, a child that died) is built again
in this process, where it fails or succeeds exactly as it would have serially. So an error
still has its own traceback, and a broken plugin is still reported the same way.

Measured on the 2-core development machine (``docs/prestaties.md``): the four activities of
the default report take 0.43 s serially and about 0.25 s split over two processes.
"""

from __future__ import annotations

import contextlib
import ctypes
import io
import multiprocessing
import os
import pickle
import signal
import struct
from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import IO, Any, Generic, TypeVar

__all__ = ["die_with_parent", "split"]

X = TypeVar("X")
T = TypeVar("T")

_LENGTE = struct.Struct("<Q")
_LOKAAL = b""
"""A record without content: build this one in the parent."""


def split(
    functie: Callable[[X], T],
    items: Sequence[X],
    *,
    processen: int,
    gedeeld: Mapping[Hashable, object],
) -> list[Callable[[], T]]:
    """For each item, in order, a call that returns ``functie(item)``. With ``processen`` ≥ 2,
    fork available and at least two items, the last half is built in a forked child as soon
    as this returns; the first half is built by its calls, here."""
    if processen < 2 or len(items) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [_here(functie, x) for x in items]
    eerste = (len(items) + 1) // 2
    kind = _Kind(functie, items[eerste:], gedeeld)
    return [_here(functie, x) for x in items[:eerste]] + [
        kind.result_call(i) for i in range(len(items) - eerste)
    ]


def _here(functie: Callable[[X], T], item: X) -> Callable[[], T]:
    return lambda: functie(item)


class _Kind(Generic[X, T]):
    """One forked child that builds ``items`` in order and writes each result to a pipe."""

    def __init__(
        self, functie: Callable[[X], T], items: Sequence[X], gedeeld: Mapping[Hashable, object]
    ) -> None:
        self.functie, self.items, self.gedeeld = functie, items, gedeeld
        self.records: list[bytes] = []
        lezen, schrijven = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # pragma: no cover - the child; coverage does not follow a fork
            os.close(lezen)
            _child(functie, items, gedeeld, schrijven)
        os.close(schrijven)
        self.pijp: IO[bytes] | None = os.fdopen(lezen, "rb")

    def result_call(self, i: int) -> Callable[[], T]:
        return lambda: self.result(i)

    def result(self, i: int) -> T:
        """Result ``i``: unpickled from the child, or built here when it could not come."""
        while len(self.records) <= i and self.pijp is not None:
            self.records.append(self._read_record())
        record = self.records[i] if i < len(self.records) else _LOKAAL
        if record:
            with contextlib.suppress(Exception):
                return _Lezer(io.BytesIO(record), self.gedeeld).load()  # type: ignore[no-any-return]
        return self.functie(self.items[i])

    def _read_record(self) -> bytes:
        assert self.pijp is not None
        kop = self.pijp.read(_LENGTE.size)
        if len(kop) < _LENGTE.size:  # the child ended early: the rest is built here
            self._close()
            return _LOKAAL
        (lengte,) = _LENGTE.unpack(kop)
        record = self.pijp.read(lengte)
        if len(record) < lengte or len(self.records) + 1 == len(self.items):
            self._close()
        return record if len(record) == lengte else _LOKAAL

    def _close(self) -> None:
        if self.pijp is not None:
            self.pijp.close()
            self.pijp = None
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self.pid, 0)

    def __del__(self) -> None:
        with contextlib.suppress(Exception):
            self._close()


def _child(
    functie: Callable[[Any], Any],
    items: Sequence[Any],
    gedeeld: Mapping[Hashable, object],
    schrijven: int,
) -> None:  # pragma: no cover - runs in the forked child
    """Build every item and write it; always ends the child with ``os._exit`` (no atexit
    handlers, no flushing of the parent's buffers)."""
    try:
        die_with_parent()
        with os.fdopen(schrijven, "wb") as uit:
            for item in items:
                record = _build_record(functie, item, gedeeld)
                uit.write(_LENGTE.pack(len(record)) + record)
                uit.flush()
    finally:
        os._exit(0)


def _build_record(
    functie: Callable[[Any], Any], item: Any, gedeeld: Mapping[Hashable, object]
) -> bytes:  # pragma: no cover - runs in the forked child
    try:
        buffer = io.BytesIO()
        _Schrijver(buffer, gedeeld).dump(functie(item))
        return buffer.getvalue()
    except Exception:  # built again in the parent, where it fails with its own traceback
        return _LOKAAL


class _Schrijver(pickle.Pickler):
    """Pickles shared objects by name."""

    def __init__(self, uit: IO[bytes], gedeeld: Mapping[Hashable, object]) -> None:
        super().__init__(uit, protocol=pickle.HIGHEST_PROTOCOL)
        self.namen = {id(o): k for k, o in gedeeld.items()}

    def persistent_id(self, obj: Any) -> Hashable | None:
        return self.namen.get(id(obj))


class _Lezer(pickle.Unpickler):
    """Unpickles shared objects by name, as this process's own objects."""

    def __init__(self, bron: IO[bytes], gedeeld: Mapping[Hashable, object]) -> None:
        super().__init__(bron)
        self.gedeeld = gedeeld

    def persistent_load(self, pid: Any) -> object:
        return self.gedeeld[pid]


def die_with_parent() -> None:  # pragma: no cover - runs in forked children
    """In a child: end when the parent ends, also when it is killed (Linux
    ``PR_SET_PDEATHSIG``); elsewhere the parent ends its children itself."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    if os.getppid() == 1:
        os._exit(0)
