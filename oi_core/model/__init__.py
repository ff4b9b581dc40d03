"""The declarative model: an Activiteit with its Resultatenketen and Indicatoren, and what
plugins register about it (:mod:`~oi_core.model.registratie`). No computation lives here."""

from __future__ import annotations

from oi_core.model.activiteit import (
    Activiteit,
    Aggregatie,
    Indicator,
    Niveau,
    Resultatenketen,
    Richting,
    Rol,
    Schakel,
    Vorm,
)
from oi_core.model.registratie import (
    ActiviteitRegistratie,
    ArgumentSoort,
    ExcelArgument,
    ExcelFunctie,
    Figuur,
    Onderdeel,
    Samenvatting,
)

__all__ = [
    "Activiteit",
    "ActiviteitRegistratie",
    "Aggregatie",
    "ArgumentSoort",
    "ExcelArgument",
    "ExcelFunctie",
    "Figuur",
    "Indicator",
    "Niveau",
    "Onderdeel",
    "Resultatenketen",
    "Richting",
    "Rol",
    "Samenvatting",
    "Schakel",
    "Vorm",
]
