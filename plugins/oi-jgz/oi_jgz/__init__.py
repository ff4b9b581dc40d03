"""Jeugdgezondheidszorg (JGZ): FTE per gebied tegenover kinderen met een lage SES.

The published figures imply an allocation key (:mod:`.sleutel`); :mod:`.analyses` puts it
beside the core's match, :mod:`.rapport` writes the summary and :mod:`.excel` the
``OI_JGZ_…`` functions.
"""

from oi_core.plugins.activiteitplugin import ActiviteitPlugin

from .activiteit import ACTIVITEIT

__all__ = ["ACTIVITEIT", "plugin"]

plugin = ActiviteitPlugin.uit_pakket(__name__, ACTIVITEIT, kolommen_uit_indicatoren=True)
