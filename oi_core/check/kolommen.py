"""No code name reaches a person: every column a plugin shows is in the column catalogue.

:func:`ongeregistreerde_kolommen` builds a plugin's report parts on its own data (with only
that plugin loaded) and lists every column or index name that looks like a code
(``km_hemelsbreed``, ``naam``) and has no :class:`~oi_core.model.registratie.Kolom`. Pass
the results of its Excel functions as ``tabellen`` to check their spills too. Names that
read as words (``0–4 jaar``, ``primair onderwijs``) are labels, not codes.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable

import pandas as pd

from oi_core.plugins.manager import activiteiten, isolated, kolommen
from oi_core.weergave.kolommen import is_code_name

__all__ = ["kolomnamen", "ongeregistreerde_kolommen"]


def kolomnamen(tabel: pd.DataFrame) -> list[str]:
    """The column names and the index names of ``tabel``."""
    return [str(n) for n in [*tabel.columns, *tabel.index.names] if n is not None]


def ongeregistreerde_kolommen(plugin: object, tabellen: Iterable[pd.DataFrame] = ()) -> list[str]:
    """Code-like names in ``plugin``'s report parts and in ``tabellen`` without a Kolom."""
    with isolated(plugin):
        bekend = set(kolommen())
        alle = [*_onderdeel_tabellen(), *tabellen]
    namen = dict.fromkeys(n for t in alle for n in kolomnamen(t))
    return [n for n in namen if is_code_name(n) and n not in bekend]


def _onderdeel_tabellen() -> list[pd.DataFrame]:
    uit = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for reg in activiteiten().values():
            if reg.onderdelen is not None:
                delen = reg.onderdelen(reg.analyse())
                uit += [o.tabel for o in delen if o.tabel is not None]
    return uit
