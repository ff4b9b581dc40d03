"""The activity 'Openbare bibliotheken': its indicators and its Resultatenketen.

Everything here is declarative. Where the presentation is silent (units of the derived
counts, weights, directions of inzet indicators) the choice is listed in the README under
"Keuzes waar de presentatie zwijgt".
"""

from __future__ import annotations

from oi_core import (
    Activiteit,
    Aggregatie,
    Indicator,
    Niveau,
    OpgaveDefinitie,
    Resultatenketen,
    Richting,
    Rol,
    ScenarioInstelling,
    Schakel,
    Vorm,
)

__all__ = ["ACTIVITEIT", "CODE", "INDICATOREN", "PEILJAAR"]

CODE = "bibliotheken"
PEILJAAR = 2024
"""The presentation gives no year; 2024 is the year of the population used for the counts."""

BRON_PRESENTATIE = "Presentatie 'Inzicht in ongelijk investeren', managementsamenvatting OBA"
BRON_AFGELEID = "Afgeleid: waarde uit de presentatie × inwoners 2024 (CBS, gebiedsindeling 2022)"
BRON_VESTIGINGEN = "Eigen berekening: buurtzwaartepunten en OBA-vestigingen (niet geverifieerd)"

M2_BIBLIOTHEEK = Indicator(
    code="m2_bibliotheek",
    naam="Vierkante meters openbare bibliotheek",
    eenheid="m²",
    richting=Richting.NEUTRAAL,
    rol=Rol.INZET,
    bron=BRON_AFGELEID,
    peiljaar=PEILJAAR,
    beschrijving="Benadering: m² per 100 inwoners × inwoners 2024 / 100. De presentatie geeft "
    "alleen de m² per 100 inwoners; het totaal per stadsdeel is daaruit teruggerekend.",
    aggregatie=Aggregatie.SOM,
)
M2_PER_100 = Indicator(
    code="m2_per_100_inwoners",
    naam="Vierkante meters bibliotheek per 100 inwoners",
    eenheid="m² per 100 inwoners",
    richting=Richting.HOGER_IS_BETER,
    rol=Rol.INZET,
    bron=BRON_PRESENTATIE,
    peiljaar=PEILJAAR,
    beschrijving="Voorzieningsniveau: oppervlak openbare bibliotheek per 100 inwoners.",
    aggregatie=Aggregatie.GEWOGEN_GEMIDDELDE,
    gewicht="inwoners",
    kleur_zonder=("Centrum",),  # as the presentation: its central library serves the city
)
KM_HEMELSBREED = Indicator(
    code="km_hemelsbreed",
    naam="Hemelsbrede afstand tot de dichtstbijzijnde OBA-vestiging",
    eenheid="km",
    richting=Richting.LAGER_IS_BETER,
    rol=Rol.RESULTAAT,
    bron=BRON_VESTIGINGEN,
    peiljaar=PEILJAAR,
    beschrijving="Rechte lijn (RD New) van elk buurtzwaartepunt naar de dichtstbijzijnde "
    "vestiging, naar inwoners gewogen tot wijk, gebied, stadsdeel en stad.",
    aggregatie=Aggregatie.GEWOGEN_GEMIDDELDE,
    gewicht="inwoners",
)
KM_GEPUBLICEERD = Indicator(
    code="km_tot_bibliotheek",
    naam="Afstand tot de dichtstbijzijnde bibliotheek (gepubliceerd)",
    eenheid="km",
    richting=Richting.LAGER_IS_BETER,
    rol=Rol.RESULTAAT,
    bron=BRON_PRESENTATIE,
    peiljaar=PEILJAAR,
    beschrijving="Zoals gepubliceerd, alleen voor acht wijken en de stad; over de weg gemeten "
    "met een oudere lijst vestigingen. Niet op te tellen naar grovere niveaus.",
    aggregatie=Aggregatie.GEEN,
)
LEESNIVEAU = Indicator(
    code="leesniveau_pct",
    naam="Leesniveau: groep-8-leerlingen op streefniveau",
    eenheid="% leerlingen groep 8",
    richting=Richting.HOGER_IS_BETER,
    rol=Rol.DOEL,
    bron=BRON_PRESENTATIE,
    peiljaar=PEILJAAR,
    beschrijving="Percentage groep-8-leerlingen dat op het streefniveau lezen zit.",
    aggregatie=Aggregatie.GEWOGEN_GEMIDDELDE,
    gewicht="inwoners_0_14",
)
INWONERS_LAGE_SES = Indicator(
    code="inwoners_lage_ses",
    naam="Inwoners met een lage SES",
    eenheid="inwoners",
    richting=Richting.NEUTRAAL,
    rol=Rol.OPGAVE,
    bron=BRON_AFGELEID,
    peiljaar=PEILJAAR,
    beschrijving="Benadering: % lage SES × inwoners 2024 / 100.",
    aggregatie=Aggregatie.SOM,
)
PCT_LAGE_SES = Indicator(
    code="pct_lage_ses",
    naam="Inwoners met een lage SES",
    eenheid="% inwoners",
    richting=Richting.LAGER_IS_BETER,
    rol=Rol.OPGAVE,
    bron=BRON_PRESENTATIE,
    peiljaar=PEILJAAR,
    beschrijving="Sociaaleconomische score: positie op grond van inkomen en opleiding.",
    aggregatie=Aggregatie.GEWOGEN_GEMIDDELDE,
    gewicht="inwoners",
)
JEUGD_ONDER_STREEFNIVEAU = Indicator(
    code="jeugd_onder_streefniveau",
    naam="Kinderen (0–14) onder het streefniveau lezen",
    eenheid="kinderen",
    richting=Richting.NEUTRAAL,
    rol=Rol.OPGAVE,
    bron=BRON_AFGELEID,
    peiljaar=PEILJAAR,
    beschrijving="Benadering: (100 − leesniveau) / 100 × inwoners 0–14 jaar 2024.",
    aggregatie=Aggregatie.SOM,
)

INDICATOREN = (
    M2_BIBLIOTHEEK,
    M2_PER_100,
    KM_HEMELSBREED,
    KM_GEPUBLICEERD,
    LEESNIVEAU,
    INWONERS_LAGE_SES,
    PCT_LAGE_SES,
    JEUGD_ONDER_STREEFNIVEAU,
)

KETEN = Resultatenketen(
    inzet=Schakel(
        omschrijving="Vierkante meters openbare bibliotheek (OBA-vestigingen)",
        indicatoren=(M2_BIBLIOTHEEK, M2_PER_100),
    ),
    resultaat=Schakel(
        omschrijving="Een bibliotheek dichtbij: korte afstand tot de dichtstbijzijnde vestiging",
        indicatoren=(KM_HEMELSBREED, KM_GEPUBLICEERD),
    ),
    doel=Schakel(
        omschrijving="Kinderen lezen op niveau: groep-8-leerlingen op het streefniveau",
        indicatoren=(LEESNIVEAU,),
    ),
    ambitie=Schakel.leeg(
        "Gelijke kansen: iedere Amsterdammer is geletterd en kan meedoen (niet gemeten)"
    ),
    opgave=(INWONERS_LAGE_SES, PCT_LAGE_SES, JEUGD_ONDER_STREEFNIVEAU),
)

ACTIVITEIT = Activiteit(
    code=CODE,
    naam="Openbare bibliotheken",
    afdeling="Kunst en Cultuur (subsidie OBA)",
    beschrijving="Oppervlak openbare bibliotheek per stadsdeel tegenover leesniveau en lage SES, "
    "en de afstand van wijken tot de dichtstbijzijnde vestiging.",
    keten=KETEN,
    niveau=Niveau.STADSDEEL,
    vormen=frozenset({Vorm.TOEVOEGEN, Vorm.PRIORITEREN_ONTZIEN}),
    inzet_indicator=M2_BIBLIOTHEEK.code,
    opgave_indicator=INWONERS_LAGE_SES.code,
    bron=BRON_PRESENTATIE,
    peiljaar=PEILJAAR,
    scenario=ScenarioInstelling(
        eenheid="m²", afronding=100, vorm=Vorm.TOEVOEGEN, extra_deel=0.1, tempo=0.1
    ),
    opgave_alternatieven=(
        OpgaveDefinitie(
            naam="jeugd onder streefniveau",
            gewichten={"jeugd_onder_streefniveau": 1.0},
            beschrijving="Kinderen die niet op het streefniveau lezen, in plaats van inwoners "
            "met een lage SES.",
        ),
        OpgaveDefinitie(
            naam="lage SES en leesachterstand samen",
            gewichten={"inwoners_lage_ses": 0.5, "jeugd_onder_streefniveau": 0.5},
            beschrijving="Het gemiddelde van beide aandelen: de helft weegt naar inwoners met "
            "een lage SES, de helft naar kinderen onder het streefniveau.",
        ),
    ),
)
