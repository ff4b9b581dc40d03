"""The columns of the jgz plugin's tables, Excel spills and report parts.

Each key gets a plain Dutch header, a number format and decimals; they reach the column
catalogue through ``register_kolommen`` (:class:`~oi_core.plugins.activiteitplugin.
ActiviteitPlugin`), so no code name reaches a person. The activity's indicators are
columns too, with their own name as header; only those needing other decimals are here.
"""

from __future__ import annotations

from oi_core.model.registratie import Kolom

__all__ = ["KOLOMMEN"]

KOLOMMEN: tuple[Kolom, ...] = (
    Kolom("no_show", "No-show t.o.v. Amsterdam", "tekst"),
    Kolom("figuur", "Figuur in de presentatie", "tekst"),
    Kolom("fte_per_1000_kinderen", "FTE per 1000 kinderen", "getal", 1, "FTE per 1000 kinderen"),
    Kolom("vaccinatiegraad", "Vaccinatiegraad", "procent", 0),
    Kolom("leeftijdsgroep", "Leeftijdsgroep", "tekst"),
    Kolom("fte_per_1000", "FTE per 1000 kinderen", "getal", 2, "FTE per 1000 kinderen"),
    Kolom("lage_ses_per_1000", "Lage-SES-kinderen per 1000 kinderen", "getal", 0),
    Kolom("fte_tov_stad", "FTE t.o.v. Amsterdam", "getal", 2),
    Kolom("lage_ses_tov_stad", "Lage SES t.o.v. Amsterdam", "getal", 2),
    Kolom("oi_index_stad", "OI-index t.o.v. Amsterdam", "index", 0),
    Kolom("gepubliceerd", "Gepubliceerd (FTE per 1000)", "getal", 1),
    Kolom("volgens_sleutel", "Volgens de sleutel (FTE per 1000)", "getal", 2),
    Kolom("residu", "Verschil gepubliceerd − sleutel", "getal", 2),
    Kolom("verschil_met_stad", "Verschil met Amsterdam (procentpunt)", "procentpunt", 1),
    Kolom("nodig_per_1000", "Nodig voor index 100 (FTE per 1000)", "getal", 2),
    Kolom("extra_per_1000", "Extra nodig (FTE per 1000)", "getal", 2),
    Kolom("extra_fte_max", "Extra FTE (bovengrens)", "getal", 1, "FTE"),
    Kolom("kinderen", "Kinderen", "getal", 0, "kinderen"),
    Kolom("aandeel_lage_ses", "Aandeel lage-SES-kinderen", "aandeel", 1),
    Kolom("fte", "FTE", "getal", 2, "FTE"),
    Kolom("aandeel_fte", "Aandeel FTE", "aandeel", 1),
)
