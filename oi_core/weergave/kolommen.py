"""The column catalogue: key → Dutch header, unit, number format and decimals.

The core registers its own columns (:data:`KERN_KOLOMMEN`) through the
``register_kolommen`` hook like any plugin; :func:`kolom` looks a key up in the catalogue
of everything registered, :func:`kop` gives a key's header and :func:`met_koppen` renames
a frame's columns to their headers. Every surface — CLI tables, Excel spills, the report
(HTML and xlsx) and the workbooks — takes its headers from here, so no code name reaches a
person; :func:`is_code_name` lets a test check that.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from oi_core.model.registratie import Kolom

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["KERN_KOLOMMEN", "is_code_name", "kolom", "kop", "met_koppen", "zoek"]

KERN_KOLOMMEN: tuple[Kolom, ...] = (
    # the match (oi_core.match, Analyse.match)
    Kolom("naam", "Naam", "tekst", beschrijving="Naam van het gebied of de doelgroep."),
    Kolom("gebied", "Gebied", "tekst", beschrijving="Code of naam van het gebied."),
    Kolom("inzet", "Inzet", "getal", beschrijving="De inzet (geld, FTE, m²) per gebied."),
    Kolom("opgave", "Opgave", "getal", beschrijving="De opgave per gebied."),
    Kolom("aandeel_inzet", "Aandeel inzet", "aandeel", 1, beschrijving="x_i / Σx."),
    Kolom("aandeel_opgave", "Aandeel opgave", "aandeel", 1, beschrijving="y_i / Σy."),
    Kolom("verschil_pp", "Verschil (procentpunt)", "procentpunt", 1, "procentpunt"),
    Kolom("oi_index", "OI-index", "index", 0, "index (100 = in verhouding)"),
    Kolom(
        "signaal",
        "Signaal",
        "tekst",
        beschrijving="Minder dan, in verhouding met of meer dan het aandeel in de opgave.",
    ),
    # compensation and counts over a match
    Kolom("herverdelen", "Herverdelen", "getal", eenheid="eenheid van de inzet"),
    Kolom("toevoegen", "Toevoegen", "getal", eenheid="eenheid van de inzet"),
    Kolom("aantal", "Aantal gebieden", "getal", 0),
    Kolom(
        "te_weinig",
        "Minder dan aandeel",
        "getal",
        0,
        beschrijving="Aantal gebieden met minder inzet dan hun aandeel in de opgave.",
    ),
    Kolom(
        "te_veel",
        "Meer dan aandeel",
        "getal",
        0,
        beschrijving="Aantal gebieden met meer inzet dan hun aandeel in de opgave.",
    ),
    Kolom("grootste_tekort", "Grootste tekort", "tekst"),
    # scenarios and the spectrum (oi_core.scenario, oi_core.spectrum)
    Kolom("huidig", "Huidige inzet", "getal", beschrijving="De inzet nu (jaar 0)."),
    Kolom(
        "doel",
        "Doel",
        "getal",
        beschrijving="De doelverdeling: het basisdeel naar inwoners, de rest naar de opgave.",
    ),
    Kolom("verandering", "Verandering", "getal", beschrijving="De inzet min de huidige inzet."),
    Kolom("verandering_pct", "Verandering (%)", "procent", 1),
    Kolom(
        "afstand",
        "Afstand tot doel",
        "getal",
        beschrijving="De inzet min het doel, in de eenheid van de inzet.",
    ),
    Kolom(
        "afstand_pct",
        "Afstand tot doel (%)",
        "procent",
        1,
        beschrijving="100 × (inzet − doel) / doel.",
    ),
    Kolom("stap", "Stap op het spectrum", "tekst"),
    Kolom("stapnummer", "Stap (1–5)", "getal", 0),
    Kolom(
        "concentratie",
        "Concentratie-index",
        "getal",
        3,
        beschrijving="Van −1 tot 1; negatief: meer inzet per inwoner waar de opgave groot is.",
    ),
    # position against the average (tov_gemiddelde) and the index interval
    Kolom("waarde", "Waarde", "getal"),
    Kolom("gemiddelde", "Gemiddelde", "getal"),
    Kolom("verschil", "Verschil", "getal"),
    Kolom("z", "Afstand in standaardafwijkingen", "getal", 2),
    Kolom("positie", "Positie", "tekst"),
    Kolom("sterk", "Meer dan één standaardafwijking", "tekst"),
    Kolom("teken", "Teken", "tekst"),
    Kolom("label", "Label", "tekst"),
    Kolom("ondergrens", "Ondergrens", "index", 1),
    Kolom("bovengrens", "Bovengrens", "index", 1),
    Kolom("aantal_slechter", "Aantal slechter", "getal", 0),
    Kolom("aantal_ontbrekend", "Aantal ontbrekend", "getal", 0),
    Kolom("kwadrant", "Kwadrant", "tekst"),
    Kolom("x_ongunstig", "Eerste indicator ongunstig", "tekst"),
    Kolom("y_ongunstig", "Tweede indicator ongunstig", "tekst"),
    Kolom("inwoners", "Inwoners", "getal", 0, "inwoners"),
    Kolom("inwoners_0_14", "Inwoners 0–14 jaar", "getal", 0, "kinderen"),
    # describing activities, indicators and sources
    Kolom("code", "Code", "tekst"),
    Kolom("activiteit", "Activiteit", "tekst"),
    Kolom("afdeling", "Afdeling", "tekst"),
    Kolom("niveau", "Niveau", "tekst"),
    Kolom("doelgroep", "Doelgroep", "tekst"),
    Kolom("stadsdeel", "Stadsdeel", "tekst"),
    Kolom("wijk", "Wijk", "tekst"),
    Kolom("buurt", "Buurt", "tekst"),
    Kolom("jaar", "Jaar", "tekst"),
    Kolom("indicator", "Indicator", "tekst"),
    Kolom("rol", "Rol", "tekst"),
    Kolom("eenheid", "Eenheid", "tekst"),
    Kolom("richting", "Richting", "tekst"),
    Kolom("bron", "Bron", "tekst"),
    Kolom("peiljaar", "Peiljaar", "tekst"),
    Kolom("begrip", "Begrip", "tekst"),
    Kolom("formule", "Formule", "tekst"),
    Kolom("toelichting", "Toelichting", "tekst"),
    Kolom("functie", "Functie", "tekst"),
    Kolom("beschrijving", "Beschrijving", "tekst"),
    Kolom("voorbeeld", "Voorbeeld", "tekst"),
    Kolom("parameter", "Parameter", "tekst"),
    Kolom("plugin", "Plugin", "tekst"),
    Kolom("distributie", "Distributie", "tekst"),
    Kolom("versie", "Versie", "tekst"),
    Kolom("hooks", "Hooks", "tekst"),
    Kolom("stadsdeel_naam", "Naam stadsdeel", "tekst"),
    Kolom("gebied_naam", "Naam gebied", "tekst"),
    Kolom("wijk_naam", "Naam wijk", "tekst"),
    # sturen: concentratie, onzekerheid, trends, impact, niveaus, robuustheid (oi_core.sturen)
    Kolom(
        "concentratie_index",
        "Concentratie-index",
        "getal",
        3,
        beschrijving="Negatief: inzet gaat naar de grootste opgave.",
    ),
    Kolom("standaardfout", "Standaardfout", "getal", 3),
    Kolom("betrouwbaarheid", "Betrouwbaarheid", "aandeel", 0),
    Kolom("waarnemingen", "Aantal waarnemingen", "getal", 0),
    Kolom("rang", "Rang", "getal", 0),
    Kolom("cumulatief_bevolking", "Cumulatief aandeel bevolking", "aandeel", 1),
    Kolom("cumulatief_inzet", "Cumulatief aandeel inzet", "aandeel", 1),
    Kolom("gelijke_verdeling", "Gelijke verdeling", "aandeel", 1),
    Kolom("significant", "Significant", "tekst", beschrijving="Het verschil valt buiten de marge."),
    Kolom(
        "onderdrukt", "Onderdrukt", "tekst", beschrijving="Te weinig waarnemingen: getoond als –."
    ),
    Kolom("aantal_onderdrukt", "Aantal onderdrukt", "getal", 0),
    Kolom("tekort", "Opgeteld tekort", "getal", 2, "eenheid van de waarden"),
    Kolom("jaren_onder", "Jaren onder de norm", "getal", 0),
    Kolom("tekort_euro", "Opgeteld tekort (euro)", "bedrag", 0, "euro"),
    Kolom("kosten", "Kosten", "bedrag", 0, "euro"),
    Kolom("resultaat", "Resultaat", "getal", 2, "eenheid van het resultaat"),
    Kolom("kosten_per_resultaat", "Kosten per eenheid resultaat", "bedrag", 2, "euro"),
    Kolom("doelverandering", "Verbetering van het doel", "getal", 2, "eenheid van het doel"),
    Kolom("kosten_per_doelverandering", "Kosten per eenheid verbetering", "bedrag", 2, "euro"),
    Kolom("berekening", "Berekening", "tekst"),
    *(
        Kolom(f"oi_index_{n}", f"OI-index {n}", "index", 0, "index (100 = in verhouding)")
        for n in ("stadsdeel", "gebied", "wijk", "buurt")
    ),
    *(
        Kolom(f"signaal_{n}", f"Signaal {n}", "tekst")
        for n in ("stadsdeel", "gebied", "wijk", "buurt")
    ),
    *(Kolom(f"code_{n}", f"Code {n}", "tekst") for n in ("stadsdeel", "gebied", "wijk")),
    Kolom(
        "omslag",
        "Signaal slaat om",
        "tekst",
        beschrijving="Te weinig op het ene niveau, te veel op het andere.",
    ),
    Kolom(
        "verborgen_tekort",
        "Verborgen tekort",
        "tekst",
        beschrijving="Te weinig, terwijl het grootste niveau dat niet laat zien.",
    ),
    Kolom(
        "stevig",
        "Stevig signaal",
        "tekst",
        beschrijving="Hetzelfde signaal bij elke definitie van de opgave.",
    ),
    Kolom("laagste_index", "Laagste OI-index", "index", 0),
    Kolom("hoogste_index", "Hoogste OI-index", "index", 0),
)

_CODE_NAME = re.compile(r"^[a-z_][a-z0-9_]*$|[A-Za-z0-9]_[A-Za-z0-9]")


def kolom(sleutel: str) -> Kolom:
    """The :class:`Kolom` registered for ``sleutel``."""
    from oi_core.plugins.manager import kolommen

    return kolommen()[sleutel]


def zoek(sleutel: str) -> Kolom | None:
    """The :class:`Kolom` registered for ``sleutel``, or ``None`` when nobody registered it."""
    from oi_core.plugins.manager import kolommen

    return kolommen().get(sleutel)


def kop(sleutel: str, standaard: str | None = None) -> str:
    """The Dutch header of ``sleutel``; ``standaard`` (default: the key itself) when the
    key is not in the catalogue."""
    gevonden = zoek(sleutel)
    if gevonden is not None:
        return gevonden.kop
    return sleutel if standaard is None else standaard


def met_koppen(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with every column (and a named index) renamed to its catalogue header."""
    uit = frame.rename(columns={k: kop(str(k)) for k in frame.columns})
    if uit.index.name is not None:
        uit.index.name = kop(str(uit.index.name))
    return uit


def is_code_name(tekst: str) -> bool:
    """Whether ``tekst`` looks like a code name rather than a Dutch header: an all
    lower-case identifier (``naam``, ``oi_index``) or words joined by ``_``."""
    return bool(_CODE_NAME.search(tekst.strip()))
