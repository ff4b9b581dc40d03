"""No code name reaches a person: every column a plugin shows is in the column catalogue.

:func:`ongeregistreerde_kolommen` builds a plugin's report parts on its own data (with only
that plugin loaded) and lists every column or index name that looks like a code
(``km_hemelsbreed``, ``naam``) and has no :class:`~oi_core.model.registratie.Kolom`. Pass
the results of its Excel functions as ``tabellen`` to check their spills too. Names that
read as words (``0–4 jaar``, ``primair onderwijs``) are labels, not codes.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterable
from typing import Any

import pandas as pd

from oi_core.model.registratie import Kolom
from oi_core.plugins.hookspecs import hookimpl
from oi_core.plugins.manager import activiteiten, isolated, kolommen
from oi_core.weergave.algemene_kolommen import ALGEMENE_KOLOMMEN
from oi_core.weergave.kolommen import KERN_KOLOMMEN

__all__ = ["is_code_naam", "kolomnamen", "ongeregistreerde_kolommen"]

_CODE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")


def is_code_naam(naam: object) -> bool:
    """Whether a column name looks like a code key (lower case, digits and ``_`` only)."""
    return isinstance(naam, str) and bool(_CODE.match(naam))


def kolomnamen(tabel: pd.DataFrame) -> list[str]:
    """The column names and the index names of ``tabel``."""
    return [str(n) for n in [*tabel.columns, *tabel.index.names] if n is not None]


class _Algemeen:
    """The shared columns, until the core registers them with its own."""

    __name__ = "oi_core.algemene_kolommen"

    @hookimpl
    def register_kolommen(self, register: Callable[[Kolom], Any]) -> None:
        kern = {k.sleutel for k in KERN_KOLOMMEN}
        for kolom in ALGEMENE_KOLOMMEN:
            if kolom.sleutel not in kern:
                register(kolom)


def ongeregistreerde_kolommen(plugin: object, tabellen: Iterable[pd.DataFrame] = ()) -> list[str]:
    """Code-like names in ``plugin``'s report parts and in ``tabellen`` without a Kolom."""
    with isolated(plugin, _Algemeen()):
        bekend = set(kolommen())
        alle = [*_onderdeel_tabellen(), *tabellen]
    namen = dict.fromkeys(n for t in alle for n in kolomnamen(t))
    return [n for n in namen if is_code_naam(n) and n not in bekend]


def _onderdeel_tabellen() -> list[pd.DataFrame]:
    uit = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for reg in activiteiten().values():
            if reg.onderdelen is not None:
                delen = reg.onderdelen(reg.analyse())
                uit += [o.tabel for o in delen if o.tabel is not None]
    return uit
