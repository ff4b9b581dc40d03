"""Plugin for the activity 'sportvoorzieningen': the tutorial's fifth activity.

Sport- en beweegaanbod voor kinderen: buurtsportcoaches per stadsdeel against the number
of children. Built step by step in ``docs/handleiding/plugin-schrijven.md``; the sections
between ``--8<-- [start:…]`` and ``[end:…]`` are shown there verbatim.

The inzet and the participants are invented example figures; the number of children is
real (CBS 2024). See ``data/HERKOMST.md``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from importlib import resources
from typing import Any

import pandas as pd
from oi_core import (
    Activiteit,
    Aggregatie,
    Analyse,
    ExcelArgument,
    ExcelFunctie,
    Figuur,
    Gebiedsindeling,
    Indicator,
    InvoerFout,
    Niveau,
    Onderdeel,
    Resultatenketen,
    Richting,
    Rol,
    Samenvatting,
    Schakel,
    Vorm,
    hookimpl,
    per,
    to_tidy,
)
from oi_core.rekenen.kern import SIGNAAL_MINDER

__all__ = ["ACTIVITEIT", "analyse", "data", "fte_per_1000_kinderen", "onderdelen", "samenvatting"]

# --8<-- [start:keten]
PEILJAAR = 2024
FICTIEF = "Voorbeeldcijfers uit de handleiding (fictief)"
CBS = "CBS Kerncijfers wijken en buurten 2024 (via oi_core)"

FTE = Indicator(
    code="fte_buurtsportcoaches",
    naam="FTE buurtsportcoaches",
    eenheid="FTE",
    richting=Richting.NEUTRAAL,
    rol=Rol.INZET,
    bron=FICTIEF,
    peiljaar=PEILJAAR,
)
AANDEEL_FTE = Indicator(
    code="aandeel_fte",
    naam="Aandeel in de FTE buurtsportcoaches",
    eenheid="% van totaal",  # a share: per year and level the values add up to 100
    richting=Richting.NEUTRAAL,
    rol=Rol.INZET,
    bron=FICTIEF,
    peiljaar=PEILJAAR,
)
DEELNEMERS = Indicator(
    code="deelnemers_wekelijks",
    naam="Kinderen die wekelijks meedoen",
    eenheid="kinderen",
    richting=Richting.HOGER_IS_BETER,
    rol=Rol.RESULTAAT,
    bron=FICTIEF,
    peiljaar=PEILJAAR,
)
KINDEREN = Indicator(
    code="kinderen_0_14",
    naam="Kinderen van 0 tot en met 14 jaar",
    eenheid="inwoners",
    richting=Richting.NEUTRAAL,
    rol=Rol.OPGAVE,
    bron=CBS,
    peiljaar=PEILJAAR,
    aggregatie=Aggregatie.SOM,
)

ACTIVITEIT = Activiteit(
    code="sportvoorzieningen",
    naam="Sport- en beweegaanbod voor kinderen",
    afdeling="Sport en Bos",
    beschrijving="Buurtsportcoaches per stadsdeel, afgezet tegen het aantal kinderen.",
    keten=Resultatenketen(
        inzet=Schakel(omschrijving="FTE buurtsportcoaches", indicatoren=(FTE, AANDEEL_FTE)),
        resultaat=Schakel(
            omschrijving="Kinderen die wekelijks meedoen aan naschools sporten",
            indicatoren=(DEELNEMERS,),
        ),
        doel=Schakel.leeg("Kinderen bewegen genoeg (beweegrichtlijn); nog niet per stadsdeel"),
        ambitie=Schakel.leeg("Gelijke kansen op een gezonde jeugd"),
        opgave=(KINDEREN,),
    ),
    niveau=Niveau.STADSDEEL,
    vormen=frozenset({Vorm.HERVERDELEN, Vorm.PARTNERS_MOBILISEREN}),
    inzet_indicator=FTE.code,
    bron=FICTIEF,
    peiljaar=PEILJAAR,
)
# --8<-- [end:keten]


# --8<-- [start:data]
def data() -> pd.DataFrame:
    """The embedded data as a tidy table (gebied, jaar, indicator, waarde)."""
    bestand = resources.files(__name__) / "data" / "sportvoorzieningen.csv"
    with resources.as_file(bestand) as pad:
        breed = pd.read_csv(pad)
    codes = [FTE.code, AANDEEL_FTE.code, DEELNEMERS.code, KINDEREN.code]
    return to_tidy(breed, gebied="stadsdeel", indicatoren=codes, jaar=PEILJAAR)


@cache
def analyse() -> Analyse:
    """The three steps on the embedded data (validated once)."""
    return Analyse(ACTIVITEIT, data())


# --8<-- [end:data]


# --8<-- [start:samenvatting]
def _per_1000(analyse: Analyse) -> pd.Series:
    return per(analyse.values(FTE.code), analyse.values(KINDEREN.code), per=1000)


def _komma(getal: float) -> str:
    return f"{getal:.2f}".replace(".", ",")


def samenvatting(analyse: Analyse) -> Samenvatting:
    """Title, findings and discussion points, generated from the match."""
    match = analyse.match().sort_values("oi_index")
    laag, hoog = match.iloc[0], match.iloc[-1]
    dichtheid = _per_1000(analyse)
    te_weinig = match.loc[match["signaal"] == SIGNAAL_MINDER, "naam"].tolist()
    return Samenvatting(
        titel=f"{laag['naam']} krijgt naar verhouding de minste buurtsportcoaches",
        bevindingen=(
            f"{laag['naam']} heeft {laag['aandeel_opgave']:.0%} van de kinderen en "
            f"{laag['aandeel_inzet']:.0%} van de FTE (OI-index {laag['oi_index']:.0f}).",
            f"{hoog['naam']} krijgt het meest naar verhouding (OI-index {hoog['oi_index']:.0f}).",
            f"De inzet loopt van {_komma(dichtheid.min())} tot {_komma(dichtheid.max())} FTE "
            "per 1000 kinderen.",
            "Minder inzet dan het aandeel in de opgave: "
            f"{', '.join(te_weinig) or 'geen stadsdeel'}.",
        ),
        discussiepunten=(
            "Is het aantal kinderen de juiste opgave, of tellen kinderen in armoede zwaarder?",
            "Kunnen sportverenigingen (partners) het aanbod aanvullen waar de inzet laag is?",
        ),
    )


def onderdelen(analyse: Analyse) -> Sequence[Onderdeel]:
    """One extra report part: FTE per 1000 children, as a table and a bar chart."""
    tabel = analyse.table([FTE.code, KINDEREN.code])
    tabel["fte_per_1000_kinderen"] = _per_1000(analyse)
    return (
        Onderdeel(
            titel="Buurtsportcoaches per 1000 kinderen",
            tekst=("Het aantal FTE buurtsportcoaches per 1000 kinderen van 0 tot en met 14 jaar.",),
            tabel=tabel,
            figuur=Figuur(
                soort="staaf",
                titel="FTE per 1000 kinderen",
                data=tabel,
                x="naam",
                y="fte_per_1000_kinderen",
                y_label="FTE per 1000 kinderen",
            ),
        ),
    )


# --8<-- [end:samenvatting]


# --8<-- [start:excel]
def fte_per_1000_kinderen(stadsdeel: str | None) -> float:
    """FTE buurtsportcoaches per 1000 children in one stadsdeel (name or code)."""
    if not stadsdeel:
        raise InvoerFout("geef een stadsdeel, bijvoorbeeld Noord", argument="stadsdeel")
    code = Gebiedsindeling.amsterdam().resolve(stadsdeel, Niveau.STADSDEEL)
    dichtheid = _per_1000(analyse())
    if code not in dichtheid.index:
        raise InvoerFout(f"geen gegevens voor stadsdeel {code}", argument="stadsdeel")
    return float(dichtheid[code])


FUNCTIE = ExcelFunctie(
    naam="OI_SPORT_FTE_PER_1000",
    functie=fte_per_1000_kinderen,
    beschrijving="FTE buurtsportcoaches per 1000 kinderen (0 tot en met 14 jaar) in een stadsdeel.",
    argumenten=(
        ExcelArgument(
            "stadsdeel", "Naam of code van een stadsdeel, bijvoorbeeld Noord of N.", soort="tekst"
        ),
    ),
    voorbeeld='=OI_SPORT_FTE_PER_1000("Noord")',
    resultaat="Eén getal: FTE per 1000 kinderen.",
)
# --8<-- [end:excel]


# --8<-- [start:hooks]
@hookimpl
def register_activiteiten(register: Callable[..., None]) -> None:
    """Register the activity with its data, samenvatting and extra report part."""
    register(ACTIVITEIT, data=data, samenvatting=samenvatting, onderdelen=onderdelen)


@hookimpl
def register_excel_functies(register: Callable[[ExcelFunctie], Any]) -> None:
    """Register the Excel function of this plugin."""
    register(FUNCTIE)


# --8<-- [end:hooks]
