"""Jeugdgezondheidszorg (JGZ): FTE per gebied tegenover kinderen met een lage SES.

The published figures imply an allocation key (:mod:`.sleutel`); :mod:`.analyses` puts it
beside the core's match, :mod:`.rapport` writes the summary and :mod:`.excel` the
``OI_JGZ_…`` functions.
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
