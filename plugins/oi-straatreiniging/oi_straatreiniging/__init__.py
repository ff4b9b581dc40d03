"""Straatreiniging: FTE per stadsdeel tegenover bewoners en bezoekers, met de schoonnorm.

The entry point ``oi_straatreiniging:plugin`` is built from the modules' own names
(data, tabellen, rapport, ``OI_REINIGING_…`` functions, columns); the computations beyond
the core's are in :mod:`.analyses`.
"""

from oi_core.plugins.activiteitplugin import ActiviteitPlugin

from .activiteit import ACTIVITEIT

__all__ = ["ACTIVITEIT", "plugin"]

plugin = ActiviteitPlugin.uit_pakket(__name__, ACTIVITEIT, kolommen_uit_indicatoren=True)
