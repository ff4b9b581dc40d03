"""Openbare bibliotheken (OBA): m² bibliotheek tegenover inwoners met een lage SES.

Domain content only: :mod:`.activiteit` (the Resultatenketen), :mod:`.bronnen` and
:mod:`.gegevens` (package data), :mod:`.afstand` and :mod:`.analyses` (every computation
beyond the core's), :mod:`.rapport`, :mod:`.excel` (``OI_BIB_…``) and :mod:`.kolommen`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from oi_core.plugins.lui import LuiePlugin

if TYPE_CHECKING:
    from .activiteit import ACTIVITEIT

__all__ = ["ACTIVITEIT", "plugin"]


def _maak() -> Any:
    """The activity plugin, built on the first hook call (not for ``oi --help``)."""
    from oi_core.plugins.activiteitplugin import ActiviteitPlugin

    from .activiteit import ACTIVITEIT

    return ActiviteitPlugin.uit_pakket(__name__, ACTIVITEIT, kolommen_uit_indicatoren=True)


plugin = LuiePlugin(__name__, _maak)


def __getattr__(naam: str) -> Any:
    if naam == "ACTIVITEIT":
        from .activiteit import ACTIVITEIT

        return ACTIVITEIT
    raise AttributeError(f"module {__name__!r} has no attribute {naam!r}")
