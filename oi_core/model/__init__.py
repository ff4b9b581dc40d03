"""The declarative model: an Activiteit with its Resultatenketen and Indicatoren, and what
plugins register about it (:mod:`~oi_core.model.registratie`). No computation lives here."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from oi_core.model.activiteit import (
        Activiteit,
        Indicator,
        Resultatenketen,
        Schakel,
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
    from oi_core.model.soorten import Aggregatie, Niveau, Richting, Rol, Vorm

_MODULE = {
    **dict.fromkeys(("Activiteit", "Indicator", "Resultatenketen", "Schakel"), "activiteit"),
    **dict.fromkeys(
        (
            "ActiviteitRegistratie",
            "ArgumentSoort",
            "ExcelArgument",
            "ExcelFunctie",
            "Figuur",
            "Onderdeel",
            "Samenvatting",
        ),
        "registratie",
    ),
    **dict.fromkeys(("Aggregatie", "Niveau", "Richting", "Rol", "Vorm"), "soorten"),
}
"""Where each name lives; imported on first use, so the enums come without pydantic."""


def __getattr__(naam: str) -> Any:
    if naam not in _MODULE:
        raise AttributeError(f"module 'oi_core.model' has no attribute '{naam}'")
    import importlib

    return getattr(importlib.import_module(f"oi_core.model.{_MODULE[naam]}"), naam)


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
