"""The activity 'Straatreiniging': its indicators and its Resultatenketen.

The chain follows the presentation's own example: FTE street cleaners (inzet) → CROW
cleanliness measurements (resultaat) → clean streets (doel) → a liveable environment
(ambitie). Choices where the presentation is silent are listed in the README.
"""

from __future__ import annotations

from oi_core import (
    Activiteit,
    Aggregatie,
    Indicator,
    Niveau,
    Resultatenketen,
    Richting,
    Rol,
    ScenarioInstelling,
    Schakel,
    Vorm,
)

__all__ = ["ACTIVITEIT", "CODE", "CROW_INDICATOREN", "INDICATOREN", "PEILJAAR"]

CODE = "straatreiniging"
PEILJAAR = 2024
"""The presentation gives no year; 2024 is assumed (the year of the population weights)."""

BRON = "Presentatie 'Inzicht in ongelijk investeren', managementsamenvatting Straatreiniging"

FTE = Indicator(
    code="fte_pct",
    naam="FTE straatreiniging",
    eenheid="% van het totaal",
    richting=Richting.NEUTRAAL,
    rol=Rol.INZET,
    bron=BRON,
    peiljaar=PEILJAAR,
    beschrijving="Aandeel van het stadsdeel in de FTE straatreinigers, in hele procenten.",
    aggregatie=Aggregatie.SOM,
)
GROF_ZWERFVUIL = Indicator(
    code="grof_zwerfvuil_pct_min_b",
    naam="Grof zwerfvuil: metingen minstens niveau B (CROW)",
    eenheid="% metingen",
    richting=Richting.HOGER_IS_BETER,
    rol=Rol.RESULTAAT,
    bron=BRON,
    peiljaar=PEILJAAR,
    beschrijving="CROW-beeldkwaliteit: aandeel metingen van grof zwerfvuil op minstens "
    "niveau B. De schoonnorm 'sober' is 80%.",
    aggregatie=Aggregatie.GEWOGEN_GEMIDDELDE,
    gewicht="inwoners",
)
VULGRAAD = Indicator(
    code="vulgraad_afvalbakken_pct",
    naam="Vulgraad afvalbakken: metingen minstens niveau B (CROW)",
    eenheid="% metingen",
    richting=Richting.HOGER_IS_BETER,
    rol=Rol.RESULTAAT,
    bron=BRON,
    peiljaar=PEILJAAR,
    beschrijving="CROW-beeldkwaliteit van de vulgraad van afvalbakken (lezing van de kolom: "
    "aandeel metingen op minstens niveau B).",
    aggregatie=Aggregatie.GEWOGEN_GEMIDDELDE,
    gewicht="inwoners",
)
BEWONERSOORDEEL = Indicator(
    code="bewoners_oordeel_pct_schoon",
    naam="Bewoners die hun buurt schoon vinden",
    eenheid="% bewoners",
    richting=Richting.HOGER_IS_BETER,
    rol=Rol.DOEL,
    bron=BRON,
    peiljaar=PEILJAAR,
    beschrijving="Oordeel van bewoners: percentage dat de eigen buurt schoon vindt.",
    aggregatie=Aggregatie.GEWOGEN_GEMIDDELDE,
    gewicht="inwoners",
)
BEWONERS_BEZOEKERS = Indicator(
    code="bewoners_bezoekers_pct",
    naam="Bewoners en bezoekers",
    eenheid="% van het totaal",
    richting=Richting.NEUTRAAL,
    rol=Rol.OPGAVE,
    bron=BRON,
    peiljaar=PEILJAAR,
    beschrijving="Aandeel van het stadsdeel in alle bewoners plus bezoekers, in hele procenten "
    "(de gepubliceerde aandelen tellen op tot 101).",
    aggregatie=Aggregatie.SOM,
)

INDICATOREN = (FTE, GROF_ZWERFVUIL, VULGRAAD, BEWONERSOORDEEL, BEWONERS_BEZOEKERS)
CROW_INDICATOREN = (GROF_ZWERFVUIL.code, VULGRAAD.code)
"""The CROW measurements the cleanliness norm applies to."""

KETEN = Resultatenketen(
    inzet=Schakel(omschrijving="FTE straatreinigers per stadsdeel", indicatoren=(FTE,)),
    resultaat=Schakel(
        omschrijving="CROW-schoonmetingen: minstens 80% op niveau B (norm 'sober')",
        indicatoren=(GROF_ZWERFVUIL, VULGRAAD),
    ),
    doel=Schakel(
        omschrijving="Schone straten, zoals bewoners die ervaren", indicatoren=(BEWONERSOORDEEL,)
    ),
    ambitie=Schakel.leeg("Een leefbare omgeving (niet gemeten)"),
    opgave=(BEWONERS_BEZOEKERS,),
)

ACTIVITEIT = Activiteit(
    code=CODE,
    naam="Straatreiniging",
    afdeling="Stadsbeheer: Afval en Grondstoffen / reiniging in de stadsdelen",
    beschrijving="FTE straatreinigers per stadsdeel tegenover het aandeel bewoners en "
    "bezoekers, met de schoonmetingen (CROW) en het oordeel van bewoners.",
    keten=KETEN,
    niveau=Niveau.STADSDEEL,
    vormen=frozenset({Vorm.HERVERDELEN, Vorm.PRIORITEREN_ONTZIEN}),
    inzet_indicator=FTE.code,
    opgave_indicator=BEWONERS_BEZOEKERS.code,
    bron=BRON,
    peiljaar=PEILJAAR,
    scenario=ScenarioInstelling(eenheid="fte", aandeel=True, afronding=1),
)
