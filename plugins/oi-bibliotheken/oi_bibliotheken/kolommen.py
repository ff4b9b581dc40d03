"""The columns of the bibliotheken plugin's tables, Excel spills and report parts.

Each key gets a plain Dutch header, a number format and decimals; they reach the column
catalogue through ``register_kolommen`` (:class:`~oi_core.plugins.activiteitplugin.
ActiviteitPlugin`), so no code name reaches a person. The activity's indicators are
columns too, with their own name as header; only those needing other decimals are here.
"""

from __future__ import annotations

from oi_core.model.registratie import Kolom

__all__ = ["KOLOMMEN"]

KOLOMMEN: tuple[Kolom, ...] = (
    Kolom("m2_per_100_inwoners", "m² bibliotheek per 100 inwoners", "getal", 1, "m²"),
    Kolom("km_hemelsbreed", "Hemelsbrede afstand (km)", "getal", 2, "km"),
    Kolom("km_tot_bibliotheek", "Afstand tot bibliotheek, gepubliceerd (km)", "getal", 1, "km"),
    Kolom("leesniveau_pct", "Leesniveau (% op streefniveau)", "procent", 0),
    Kolom("pct_lage_ses", "Inwoners met lage SES", "procent", 0),
    Kolom("positie_zonder_uitgesloten", "Positie t.o.v. gemiddelde zonder Centrum", "tekst"),
    Kolom("positie_met_alle", "Positie t.o.v. gemiddelde van alle stadsdelen", "tekst"),
    Kolom("positie_leesniveau", "Positie leesniveau", "tekst"),
    Kolom("leesniveau_ongunstig", "Leesniveau onder gemiddeld", "tekst"),
    Kolom("afstand_ongunstig", "Afstand boven gemiddeld", "tekst"),
    Kolom("km_nu", "Afstand nu (km)", "getal", 2, "km"),
    Kolom("km_scenario", "Afstand in het scenario (km)", "getal", 2, "km"),
    Kolom("verschil_km", "Verschil (km)", "getal", 2, "km"),
    Kolom("km_gepubliceerd", "Gepubliceerde afstand (km)", "getal", 2, "km"),
    Kolom("verhouding", "Gepubliceerd ÷ hemelsbreed", "getal", 2),
    Kolom("oi_index_zonder", "OI-index zonder Centrum", "index", 0),
    Kolom("oi_index_leesniveau", "OI-index t.o.v. kinderen onder streefniveau", "index", 0),
    Kolom("basisniveau", "Basisniveau (m² per 100 inwoners)", "getal", 1, "m²"),
    Kolom("extra_m2", "Extra m² voor het basisniveau", "getal", 0, "m²"),
    Kolom("rd_x", "RD x (m)", "getal", 0, "m"),
    Kolom("rd_y", "RD y (m)", "getal", 0, "m"),
)
