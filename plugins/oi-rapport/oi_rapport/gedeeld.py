"""One analysis per activity for the whole report.

The activity chapters, *Sturen op de analyse* and *Wat als?* all analyse each activity on
its embedded data with the same division. Within :func:`gedeelde_analyses` (the span of
one :func:`~oi_rapport.maak.make_report`) :func:`standaard_analyse` makes that analysis
once and hands the same :class:`~oi_core.Analyse` to every chapter, with the matches it
has already computed. Outside it every call analyses afresh, as before.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from oi_core.gebieden.indeling import Gebiedsindeling
    from oi_core.model.registratie import ActiviteitRegistratie
    from oi_core.rekenen.analyse import Analyse

__all__ = ["gedeelde_analyses", "standaard_analyse"]

_Gedeeld = dict[tuple[int, int], tuple["ActiviteitRegistratie", "Gebiedsindeling", "Analyse"]]
_ANALYSES: ContextVar[_Gedeeld | None] = ContextVar("oi_rapport_analyses", default=None)


@contextmanager
def gedeelde_analyses() -> Iterator[None]:
    """Share each activity's analysis between the chapters of one report."""
    token = _ANALYSES.set({})
    try:
        yield
    finally:
        _ANALYSES.reset(token)


def standaard_analyse(reg: ActiviteitRegistratie, indeling: Gebiedsindeling) -> Analyse:
    """``reg.analyse(indeling=indeling)``, made once per report (see the module)."""
    gedeeld = _ANALYSES.get()
    if gedeeld is None:
        return reg.analyse(indeling=indeling)
    sleutel = (id(reg), id(indeling))  # both kept alive in the entry, so ids stay unique
    if sleutel not in gedeeld:
        gedeeld[sleutel] = (reg, indeling, reg.analyse(indeling=indeling))
    return gedeeld[sleutel][2]
