"""Plugin for the activity 'jgz': Jeugdgezondheidszorg (JGZ).

The entry point ``oi_jgz:plugin`` names the :class:`~oi_core.plugins.activiteitplugin.
ActiviteitPlugin` below; the modules hold the domain content (activity, data, analyses,
report, Excel functions, columns).
"""

from __future__ import annotations

from oi_core.plugins.activiteitplugin import ActiviteitPlugin

from .activiteit import ACTIVITEIT
from .excel import EXCEL_FUNCTIES
from .gegevens import data, gepubliceerd, tabellen
from .kolommen import KOLOMMEN
from .rapport import onderdelen, samenvatting

__all__ = ["ACTIVITEIT", "plugin"]

plugin = ActiviteitPlugin(
    ACTIVITEIT,
    data=data,
    tabellen=tabellen,
    gepubliceerd=gepubliceerd,
    samenvatting=samenvatting,
    onderdelen=onderdelen,
    excel_functies=EXCEL_FUNCTIES,
    kolommen=KOLOMMEN,
    kolommen_uit_indicatoren=True,
)
