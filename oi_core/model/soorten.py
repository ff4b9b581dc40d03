"""The kinds of the model as plain enums: scale level, direction, role, aggregation, form.

Kept apart from the pydantic models (:mod:`oi_core.model.activiteit`, which re-exports
them) so that the command line can offer ``--niveau`` without importing pydantic.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Aggregatie", "Niveau", "Richting", "Rol", "Vorm"]


class Richting(StrEnum):
    """Which way is good for an indicator."""

    HOGER_IS_BETER = "hoger_is_beter"
    LAGER_IS_BETER = "lager_is_beter"
    NEUTRAAL = "neutraal"


class Rol(StrEnum):
    """The place of an indicator in the Resultatenketen, or beside it."""

    INZET = "inzet"
    RESULTAAT = "resultaat"
    DOEL = "doel"
    AMBITIE = "ambitie"
    OPGAVE = "opgave"
    CONTEXT = "context"


class Aggregatie(StrEnum):
    """How values of finer areas combine into a coarser area."""

    SOM = "som"
    """Counts and amounts (FTE, euro, m², inhabitants): summed."""
    GEWOGEN_GEMIDDELDE = "gewogen_gemiddelde"
    """Rates and percentages: a weighted mean with an explicit weight, never a plain mean."""
    GEEN = "geen"
    """Only valid at the level where it was measured (e.g. a published share)."""


class Niveau(StrEnum):
    """Scale levels of the method, coarse to fine; ``doelgroep`` has free labels."""

    GEMEENTE = "gemeente"
    STADSDEEL = "stadsdeel"
    GEBIED = "gebied"
    WIJK = "wijk"
    BUURT = "buurt"
    DOELGROEP = "doelgroep"


class Vorm(StrEnum):
    """The five forms of unequal investing named in the presentation."""

    HERVERDELEN = "herverdelen"
    TOEVOEGEN = "toevoegen"
    PRIORITEREN_ONTZIEN = "prioriteren_ontzien"
    ONGELIJK_VERDIENEN = "ongelijk_verdienen"
    PARTNERS_MOBILISEREN = "partners_mobiliseren"
