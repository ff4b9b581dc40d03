"""The activity 'groot_onderhoud': its Resultatenketen and indicators.

The match sets the share of the project budget 2025–2028 against the share of the city's
pavement at CROW level D. Choices the presentation leaves open are listed in the README
("Keuzes waar de presentatie zwijgt").
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

__all__ = ["ACTIVITEIT", "BRON", "JAAR"]

BRON = "Presentatie 'Inzicht in ongelijk investeren', managementsamenvatting Groot onderhoud"
JAAR = {
    "projectbudget": 2025,
    "pct_niveau_d": 2023,
    "aandeel_niveau_d": 2023,
    "aandeel_verharding": 2023,
    "bewonersoordeel": 2024,
    "wijken_onvoldoende": 2024,
    "lage_ses": 2024,
}
"""Year per indicator: the budget period starts in 2025, CROW is from 2023 (as published);
the other figures have no year in the presentation and get 2024 (our choice, README)."""


def _indicator(code: str, rol: Rol, **velden: object) -> Indicator:
    return Indicator.model_validate(
        {"code": code, "rol": rol, "bron": BRON, "peiljaar": JAAR[code], **velden}
    )


PROJECTBUDGET = _indicator(
    "projectbudget",
    Rol.INZET,
    naam="Projectbudget groot onderhoud bestrating 2025–2028",
    eenheid="% van het totale projectbudget 2025–2028",
    richting=Richting.NEUTRAAL,
    aggregatie=Aggregatie.SOM,
    beschrijving="Aandeel van het stadsdeel in het budget; aandelen van één totaal tellen op. "
    "De gepubliceerde hele procenten tellen op tot 99.",
)
PCT_NIVEAU_D = _indicator(
    "pct_niveau_d",
    Rol.RESULTAAT,
    naam="Verharding op CROW-niveau D in het stadsdeel",
    eenheid="% van het verharde oppervlak van het stadsdeel",
    richting=Richting.LAGER_IS_BETER,
    aggregatie=Aggregatie.GEWOGEN_GEMIDDELDE,
    gewicht="aandeel_verharding",
    beschrijving="Technische inschatting CROW 2023. Gewogen met het verharde oppervlak "
    "(indicator aandeel_verharding), niet met inwoners.",
)
BEWONERSOORDEEL = _indicator(
    "bewonersoordeel",
    Rol.DOEL,
    naam="Bewonersoordeel onderhoud",
    eenheid="rapportcijfer (1–10)",
    richting=Richting.HOGER_IS_BETER,
    aggregatie=Aggregatie.GEWOGEN_GEMIDDELDE,
    gewicht="inwoners",
    beschrijving="Gemiddeld oordeel van bewoners over het onderhoud; het Amsterdamse cijfer "
    "(6,5) is het met inwoners gewogen gemiddelde van de stadsdelen.",
)
WIJKEN_ONVOLDOENDE = _indicator(
    "wijken_onvoldoende",
    Rol.DOEL,
    naam="Wijken met een onvoldoende bewonersoordeel",
    eenheid="aantal wijken",
    richting=Richting.LAGER_IS_BETER,
    aggregatie=Aggregatie.SOM,
)
AANDEEL_NIVEAU_D = _indicator(
    "aandeel_niveau_d",
    Rol.OPGAVE,
    naam="Aandeel in het stedelijk oppervlak op CROW-niveau D",
    eenheid="% van het stedelijk verharde oppervlak op niveau D",
    richting=Richting.LAGER_IS_BETER,
    aggregatie=Aggregatie.SOM,
    beschrijving="Technische inschatting CROW 2023: welk deel van alle slechte verharding "
    "(niveau D) van de stad in het stadsdeel ligt.",
)
LAGE_SES = _indicator(
    "lage_ses",
    Rol.CONTEXT,
    naam="Kwetsbaarheid: inwoners met een lage SES",
    eenheid="% van de inwoners",
    richting=Richting.LAGER_IS_BETER,
    aggregatie=Aggregatie.GEWOGEN_GEMIDDELDE,
    gewicht="inwoners",
)
AANDEEL_VERHARDING = _indicator(
    "aandeel_verharding",
    Rol.CONTEXT,
    naam="Aandeel in het stedelijk verharde oppervlak (afgeleid)",
    eenheid="% van het stedelijk verharde oppervlak",
    richting=Richting.NEUTRAAL,
    aggregatie=Aggregatie.SOM,
    beschrijving="Afgeleid: aandeel_niveau_d / pct_niveau_d, herschaald tot 100. Een schatting "
    "uit afgeronde cijfers; dient als gewicht voor pct_niveau_d.",
)

KETEN = Resultatenketen(
    inzet=Schakel(
        omschrijving="Projectbudget voor groot onderhoud van de bestrating, 2025–2028",
        indicatoren=(PROJECTBUDGET,),
    ),
    resultaat=Schakel(
        omschrijving="Bestrating op orde: minder verharding op CROW-niveau D",
        indicatoren=(PCT_NIVEAU_D,),
    ),
    doel=Schakel(
        omschrijving="Heel, veilig en begaanbaar straatwerk waar bewoners tevreden over zijn",
        indicatoren=(BEWONERSOORDEEL, WIJKEN_ONVOLDOENDE),
    ),
    ambitie=Schakel.leeg("Een leefbare en toegankelijke openbare ruimte voor iedereen"),
    opgave=(AANDEEL_NIVEAU_D,),
    context=(LAGE_SES, AANDEEL_VERHARDING),
)

ACTIVITEIT = Activiteit(
    code="groot_onderhoud",
    naam="Groot onderhoud bestrating",
    afdeling="Verkeer en Openbare Ruimte",
    beschrijving="Het projectbudget voor groot onderhoud 2025–2028 per stadsdeel, afgezet "
    "tegen het aandeel van het stadsdeel in de slechte verharding (CROW-niveau D).",
    keten=KETEN,
    niveau=Niveau.STADSDEEL,
    vormen=frozenset({Vorm.HERVERDELEN, Vorm.PRIORITEREN_ONTZIEN}),
    bron=BRON,
    peiljaar=2025,
    scenario=ScenarioInstelling(eenheid="euro", aandeel=True),
    opgave_alternatieven=(
        OpgaveDefinitie(
            naam="met kwetsbaarheid",
            gewichten={"aandeel_niveau_d": 1.0, "lage_ses": 1.0},
            vorm="product",
            beschrijving="Slechte verharding (CROW-niveau D) gewogen met het aandeel inwoners "
            "met een lage SES: een m² slechte bestrating telt zwaarder waar meer kwetsbare "
            "bewoners wonen.",
        ),
    ),
)
