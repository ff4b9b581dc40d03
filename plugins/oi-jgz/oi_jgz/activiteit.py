"""The activity 'jgz': its Resultatenketen, indicators and the two age groups.

Rates (FTE and low-SES children per 1000 children) are given per age group; the match
uses estimated counts (rate × children / 1000, see :mod:`oi_jgz.gegevens`). Choices the
presentation leaves open are listed in the README ("Keuzes waar de presentatie zwijgt").
"""

from __future__ import annotations

from dataclasses import dataclass

from oi_core import (
    Activiteit,
    Aggregatie,
    Indicator,
    InvoerFout,
    Niveau,
    OpgaveDefinitie,
    Resultatenketen,
    Richting,
    Rol,
    ScenarioInstelling,
    Schakel,
    Vorm,
)

__all__ = [
    "ACTIVITEIT",
    "BRON",
    "LEEFTIJDSGROEPEN",
    "PEILJAAR",
    "PEILJAAR_KINDEREN",
    "Leeftijdsgroep",
    "leeftijdsgroep",
]

BRON = "Presentatie 'Inzicht in ongelijk investeren', managementsamenvatting JGZ"
BRON_CBS = "CBS Kerncijfers wijken en buurten 2024 (0 tot 15 jaar), via oi_core-gebiedsindeling"
PEILJAAR = 2024
"""The presentation gives no year for the JGZ figures; 2024 is our choice (README)."""
PEILJAAR_KINDEREN = 2024


@dataclass(frozen=True)
class Leeftijdsgroep:
    """One of the two age groups of the slide, with its indicator-code suffix."""

    code: str
    label: str
    """As published in the seed table (``0-4 jaar``, ``primair onderwijs``)."""
    naam: str
    """As a person reads it in a sentence."""

    def indicator(self, stam: str) -> str:
        """Indicator code for this age group, e.g. ``fte_per_1000_0_4``."""
        return f"{stam}_{self.code}"


LEEFTIJDSGROEPEN: tuple[Leeftijdsgroep, ...] = (
    Leeftijdsgroep("0_4", "0-4 jaar", "0–4 jaar"),
    Leeftijdsgroep("po", "primair onderwijs", "primair onderwijs"),
)

_SYNONIEMEN = {
    "0_4": ("0_4", "0-4", "0–4", "0-4 jaar", "0–4 jaar", "0 tot 4 jaar", "0 tot 4 jarigen"),
    "po": ("po", "primair onderwijs", "basisschool", "basisonderwijs", "4-12", "4–12"),
}


def leeftijdsgroep(tekst: str | None) -> Leeftijdsgroep:
    """The age group a user means; empty means 0–4 jaar. :class:`InvoerFout` otherwise."""
    if tekst is None or not str(tekst).strip():
        return LEEFTIJDSGROEPEN[0]
    sleutel = " ".join(str(tekst).strip().lower().split())
    for groep in LEEFTIJDSGROEPEN:
        if sleutel in _SYNONIEMEN[groep.code]:
            return groep
    keuzes = ", ".join(f"'{g.naam}'" for g in LEEFTIJDSGROEPEN)
    raise InvoerFout(
        f"onbekende leeftijdsgroep '{tekst}'; kies {keuzes} (of 'po')", argument="leeftijdsgroep"
    )


def _rate(stam: str, groep: Leeftijdsgroep, naam: str, eenheid: str, rol: Rol) -> Indicator:
    richting = Richting.NEUTRAAL if rol is Rol.INZET else Richting.LAGER_IS_BETER
    return Indicator(
        code=groep.indicator(stam),
        naam=f"{naam} ({groep.naam})",
        eenheid=eenheid,
        richting=richting,
        rol=rol,
        bron=BRON,
        peiljaar=PEILJAAR,
        aggregatie=Aggregatie.GEWOGEN_GEMIDDELDE,
        gewicht="inwoners_0_14",
        beschrijving="Gewogen met het aantal kinderen van 0–14 jaar (CBS): een benadering van "
        "het aantal kinderen in de leeftijdsgroep.",
    )


def _count(stam: str, groep: Leeftijdsgroep, naam: str, eenheid: str, rol: Rol) -> Indicator:
    per_1000 = groep.indicator(f"{stam}_per_1000")
    return Indicator(
        code=groep.indicator(stam),
        naam=f"{naam} ({groep.naam}), geschat",
        eenheid=eenheid,
        richting=Richting.NEUTRAAL,
        rol=rol,
        bron=f"{BRON}; {BRON_CBS}",
        peiljaar=PEILJAAR,
        aggregatie=Aggregatie.SOM,
        beschrijving=f"Schatting: {per_1000} × kinderen_0_14 / 1000. Het CBS-aantal 0–14-jarigen "
        "is een bovengrens van het aantal kinderen in de leeftijdsgroep; de aandelen in de "
        "match hangen alleen af van de verhoudingen tussen gebieden.",
    )


def _inzet() -> Schakel:
    indicatoren = [
        _rate("fte_per_1000", g, "FTE JGZ per 1000 kinderen", "FTE per 1000 kinderen", Rol.INZET)
        for g in LEEFTIJDSGROEPEN
    ] + [_count("fte", g, "FTE JGZ", "FTE", Rol.INZET) for g in LEEFTIJDSGROEPEN]
    return Schakel(
        omschrijving="Inzet van jeugdverpleegkundigen en jeugdartsen (FTE), per gebied "
        "gerelateerd aan het aandeel kinderen met een lage SES",
        indicatoren=tuple(indicatoren),
    )


def _resultaat() -> Schakel:
    vaccinatie = Indicator(
        code="vaccinatiegraad",
        naam="Vaccinatiegraad",
        eenheid="% gevaccineerde kinderen",
        richting=Richting.HOGER_IS_BETER,
        rol=Rol.RESULTAAT,
        bron=BRON,
        peiljaar=PEILJAAR,
        aggregatie=Aggregatie.GEWOGEN_GEMIDDELDE,
        gewicht="inwoners_0_14",
        beschrijving="Gepubliceerd bij de tabel 0–4 jaar; gewogen met kinderen 0–14 (benadering).",
    )
    no_show = Indicator(
        code="no_show",
        naam="No-show t.o.v. het stedelijk gemiddelde",
        eenheid="positie: −1 ondergemiddeld, 0 gemiddeld, +1 bovengemiddeld",
        richting=Richting.LAGER_IS_BETER,
        rol=Rol.RESULTAAT,
        bron=BRON,
        peiljaar=PEILJAAR,
        aggregatie=Aggregatie.GEEN,
        beschrijving="Gepubliceerd als categorie (bovengemiddeld/gemiddeld/ondergemiddeld), "
        "hier als rangorde −1/0/+1 gecodeerd; geen percentage en niet optelbaar.",
    )
    return Schakel(
        omschrijving="Kinderen worden bereikt met het JGZ-basispakket: contactmomenten worden "
        "bezocht en kinderen worden gevaccineerd",
        indicatoren=(vaccinatie, no_show),
    )


def _opgave() -> tuple[Indicator, ...]:
    rates = [
        _rate(
            "lage_ses_per_1000",
            g,
            "Kinderen met een lage SES per 1000 kinderen",
            "lage-SES-kinderen per 1000 kinderen",
            Rol.OPGAVE,
        )
        for g in LEEFTIJDSGROEPEN
    ]
    counts = [
        _count("lage_ses", g, "Kinderen met een lage SES", "kinderen", Rol.OPGAVE)
        for g in LEEFTIJDSGROEPEN
    ]
    return (*rates, *counts)


_KINDEREN = Indicator(
    code="kinderen_0_14",
    naam="Kinderen 0–14 jaar",
    eenheid="kinderen",
    richting=Richting.NEUTRAAL,
    rol=Rol.CONTEXT,
    bron=BRON_CBS,
    peiljaar=PEILJAAR_KINDEREN,
    aggregatie=Aggregatie.SOM,
    beschrijving="CBS-bevolking 0 tot 15 jaar op 1 januari 2024; benadering van het aantal "
    "kinderen van 0–4 jaar en in het primair onderwijs (er is geen fijnere leeftijdsklasse).",
)

KETEN = Resultatenketen(
    inzet=_inzet(),
    resultaat=_resultaat(),
    doel=Schakel.leeg(
        "Gezond en veilig opgroeiende kinderen: achterstanden in gezondheid en ontwikkeling "
        "worden vroeg gesignaleerd en aangepakt"
    ),
    ambitie=Schakel.leeg(
        "Gelijke kansen voor alle Amsterdamse kinderen: ongelijk investeren voor gelijke kansen"
    ),
    opgave=_opgave(),
    context=(_KINDEREN,),
)

ACTIVITEIT = Activiteit(
    code="jgz",
    naam="Jeugdgezondheidszorg (JGZ)",
    afdeling="GGD Amsterdam, Jeugdgezondheidszorg",
    beschrijving="In de JGZ wordt ongelijk geïnvesteerd door de inzet van jeugdverpleegkundigen "
    "en jeugdartsen te relateren aan het aandeel lage-SES-kinderen op gebiedsniveau.",
    keten=KETEN,
    niveau=Niveau.GEBIED,
    vormen=frozenset({Vorm.HERVERDELEN}),
    inzet_indicator="fte_0_4",
    opgave_indicator="lage_ses_0_4",
    bron=BRON,
    peiljaar=PEILJAAR,
    scenario=ScenarioInstelling(eenheid="fte", bevolking="inwoners_0_14"),
    opgave_alternatieven=(
        OpgaveDefinitie(
            naam="alle kinderen",
            gewichten={"kinderen_0_14": 1.0},
            beschrijving="Alle kinderen van 0 tot 14 jaar, zonder weging naar een lage SES: "
            "laat zien welke signalen van de keuze voor lage SES afhangen.",
        ),
    ),
)
