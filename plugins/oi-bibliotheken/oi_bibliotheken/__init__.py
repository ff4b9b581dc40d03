"""Openbare bibliotheken (OBA): m² bibliotheek tegenover inwoners met een lage SES.

Domain content only: :mod:`.activiteit` (the Resultatenketen), :mod:`.bronnen` and
:mod:`.gegevens` (package data), :mod:`.afstand` and :mod:`.analyses` (every computation
beyond the core's), :mod:`.rapport`, :mod:`.excel` (``OI_BIB_…``) and :mod:`.kolommen`.
"""

from oi_core.plugins.activiteitplugin import ActiviteitPlugin

from .activiteit import ACTIVITEIT

__all__ = ["ACTIVITEIT", "plugin"]

plugin = ActiviteitPlugin.uit_pakket(__name__, ACTIVITEIT, kolommen_uit_indicatoren=True)
