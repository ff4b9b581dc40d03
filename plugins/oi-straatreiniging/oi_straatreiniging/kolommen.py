"""The columns of the straatreiniging plugin's tables, Excel spills and report parts.

Each key gets a plain Dutch header, a number format and decimals; they reach the column
catalogue through ``register_kolommen`` (:class:`~oi_core.plugins.activiteitplugin.
ActiviteitPlugin`), so no code name reaches a person. The activity's indicators are
columns too, with their own name as header; only those needing other decimals are here.
"""

from __future__ import annotations

from oi_core.model.registratie import Kolom

from .activiteit import BEWONERSOORDEEL, CROW_INDICATOREN, GROF_ZWERFVUIL, VULGRAAD

__all__ = ["KOLOMMEN"]

_RESULTATEN = (GROF_ZWERFVUIL, VULGRAAD, BEWONERSOORDEEL)

KOLOMMEN: tuple[Kolom, ...] = (
    *(Kolom(f"{i.code}_positie", f"{i.naam}: t.o.v. gemiddelde", "tekst") for i in _RESULTATEN),
    *(
        Kolom(f"{i.code}_haalt_norm", f"{i.naam}: haalt de norm", "tekst")
        for i in _RESULTATEN
        if i.code in CROW_INDICATOREN
    ),
    Kolom("verschil_pp_gepubliceerd", "Verschil gepubliceerd (procentpunt)", "procentpunt", 0),
    Kolom("index_gepubliceerd", "OI-index gepubliceerd", "index", 0),
    Kolom("index", "OI-index", "index", 0),
    Kolom("binnen_marge", "Gepubliceerde index binnen afronding", "tekst"),
    Kolom("fte_nu", "FTE nu", "getal", 1, "FTE"),
    Kolom("aandeel_nu", "Aandeel FTE nu", "aandeel", 1),
    Kolom("sleutel", "Aandeel volgens de sleutel", "aandeel", 1),
    Kolom("fte_nieuw", "FTE volgens de sleutel", "getal", 1, "FTE"),
    Kolom("verschuiving_fte", "Verschuiving (FTE)", "getal", 1, "FTE"),
    Kolom("verschuiving_pp", "Verschuiving (procentpunt)", "procentpunt", 1),
    Kolom("factor", "Factor (nieuw ÷ nu)", "getal", 2),
    Kolom("fte_naar_aandeel", "FTE naar aandeel bewoners en bezoekers", "getal", 1, "FTE"),
    Kolom("fte_met_opslag", "FTE met opslag voor tekort", "getal", 1, "FTE"),
    Kolom("verschuiving_pp_met_opslag", "Verschuiving met opslag (procentpunt)", "procentpunt", 1),
)
