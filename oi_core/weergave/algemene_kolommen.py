"""Columns that several plugins' tables share: names, area codes, rounding intervals.

They belong in the core's catalogue (one key, one header), not in one plugin: two plugins
registering ``naam`` would collide. :data:`ALGEMENE_KOLOMMEN` is meant to be registered
with :data:`~oi_core.weergave.kolommen.KERN_KOLOMMEN`.
"""

from __future__ import annotations

from oi_core.model.registratie import Kolom

__all__ = ["ALGEMENE_KOLOMMEN"]

ALGEMENE_KOLOMMEN: tuple[Kolom, ...] = (
    Kolom("gebied", "Code", "tekst", beschrijving="Code van het gebied (A, GT22 …)."),
    Kolom("naam", "Gebied", "tekst", beschrijving="Naam van het gebied of de doelgroep."),
    Kolom("stadsdeel", "Stadsdeel", "tekst"),
    Kolom("inwoners", "Inwoners", "getal", 0, "inwoners"),
    Kolom(
        "ondergrens",
        "Laagste OI-index binnen afronding",
        "index",
        0,
        beschrijving="Laagste index die aandelen in hele procenten toelaten.",
    ),
    Kolom(
        "bovengrens",
        "Hoogste OI-index binnen afronding",
        "index",
        0,
        beschrijving="Hoogste index die aandelen in hele procenten toelaten.",
    ),
    Kolom("kwadrant", "Kwadrant", "tekst"),
    Kolom("parameter", "Parameter", "tekst"),
    Kolom("waarde", "Waarde", "getal", 2),
)
