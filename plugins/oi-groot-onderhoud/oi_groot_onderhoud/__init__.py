"""Groot onderhoud bestrating: projectbudget 2025–2028 tegenover verharding op CROW-niveau D.

What the core does not compute (the check of the published figures against rounding,
the weighted opgave, the cost per stadsdeel below its share) is in :mod:`.analyses`.
"""

from oi_core.plugins.activiteitplugin import ActiviteitPlugin

from .activiteit import ACTIVITEIT

__all__ = ["ACTIVITEIT", "plugin"]

plugin = ActiviteitPlugin.uit_pakket(__name__, ACTIVITEIT, kolommen_uit_indicatoren=True)
