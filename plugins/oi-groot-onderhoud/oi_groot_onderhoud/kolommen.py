"""The columns of the groot_onderhoud plugin's tables, Excel spills and report parts.

Each key gets a plain Dutch header, a number format and decimals; they reach the column
catalogue through ``register_kolommen`` (:class:`~oi_core.plugins.activiteitplugin.
ActiviteitPlugin`), so no code name reaches a person. The activity's indicators are
columns too, with their own name as header; only those needing other decimals are here.
"""

from __future__ import annotations

from oi_core.model.registratie import Kolom

__all__ = ["KOLOMMEN"]

KOLOMMEN: tuple[Kolom, ...] = (
    Kolom("factor_kwetsbaarheid", "Factor kwetsbaarheid", "getal", 2),
    Kolom("factor_oordeel", "Factor bewonersoordeel", "getal", 2),
    Kolom("opgave_gewogen", "Opgave gewogen", "getal", 1),
    Kolom("aandeel_opgave_gewogen", "Aandeel opgave gewogen", "aandeel", 1),
    Kolom("oi_index_gewogen", "OI-index gewogen", "index", 0),
    Kolom("verschil_index", "Verschil in index door de weging", "getal", 0),
    Kolom("signaal_gewogen", "Signaal gewogen", "tekst"),
    Kolom("herverdelen_pp", "Herverdelen (procentpunt van het budget)", "procentpunt", 1),
    Kolom("toevoegen_pct", "Toevoegen (% van het budget)", "procent", 1),
    Kolom("projectbudget_pct", "Projectbudget (%)", "procent", 0),
    Kolom("opgave_pct", "Opgave (%)", "procent", 0),
    Kolom("pp_gepubliceerd", "Verschil gepubliceerd (procentpunt)", "procentpunt", 0),
    Kolom("pp_uit_afgeronde", "Verschil uit de afgeronde aandelen (procentpunt)", "procentpunt", 0),
    Kolom("pp_berekend", "Verschil berekend (procentpunt)", "procentpunt", 1),
    Kolom("oi_index_gepubliceerd", "OI-index gepubliceerd", "index", 0),
    Kolom("oi_index_berekend", "OI-index berekend", "index", 0),
    Kolom("binnen_interval", "Gepubliceerde index binnen afronding", "tekst"),
)
