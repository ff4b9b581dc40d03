"""The managementsamenvatting and the report parts of 'jgz', generated from the data.

Nothing here computes a figure: sentences and tables are built from
:mod:`oi_jgz.analyses`, so the report says what the numbers say.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from oi_core import Analyse, Onderdeel, Samenvatting
from oi_core.plugins.onderdelen import oi_index_staaf, spreiding, staaf
from oi_core.weergave.tekst import getal, opsomming

from .activiteit import LEEFTIJDSGROEPEN, Leeftijdsgroep
from .analyses import (
    compensatie,
    match_leeftijdsgroep,
    resultaten,
    stadswaarde,
    tov_stad,
    verdeelsleutel,
)
from .sleutel import Verdeelsleutel

__all__ = ["onderdelen", "samenvatting"]

R2_DUIDELIJK = 0.8
"""From this R² on, the title calls the relation between inzet and low SES clear."""


# -- samenvatting --------------------------------------------------------------------------
def samenvatting(analyse: Analyse) -> Samenvatting:
    """Title with the main finding, four findings with areas and figures, discussion points."""
    jong = LEEFTIJDSGROEPEN[0]
    stad = tov_stad(analyse, jong)
    sleutels = [verdeelsleutel(analyse, g) for g in LEEFTIJDSGROEPEN]
    res = resultaten(analyse)
    return Samenvatting(
        titel=_titel(stad, sleutels[0], jong),
        bevindingen=(
            _spreiding(analyse, stad, jong),
            _sleutels(sleutels),
            _evenredig(stad),
            _resultaten(res, stad, stadswaarde(analyse, "vaccinatiegraad")),
        ),
        discussiepunten=(
            _uitruil(sleutels[0], res, stadswaarde(analyse, "vaccinatiegraad")),
            _kosten(compensatie(analyse, jong), jong),
            "Welke gebieden buiten deze vier krijgen te weinig? Pas de sleutel toe op het "
            "aandeel lage-SES-kinderen van alle 25 gebieden (Excel: OI_JGZ_FTE).",
        ),
    )


def _rij(tabel: pd.DataFrame, positie: int) -> dict[str, Any]:
    """One row as a dict (column → value), by position."""
    return {str(k): v for k, v in tabel.iloc[positie].to_dict().items()}


def _laagste_hoogste(tabel: pd.DataFrame, kolom: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The rows with the lowest and the highest value of ``kolom`` (first on ties)."""
    waarden = tabel[kolom].to_numpy(dtype=float)
    return _rij(tabel, int(waarden.argmin())), _rij(tabel, int(waarden.argmax()))


def _titel(stad: pd.DataFrame, sleutel: Verdeelsleutel, groep: Leeftijdsgroep) -> str:
    laag, hoog = _laagste_hoogste(stad, "fte_per_1000")
    bereik = (
        f"van {getal(laag['fte_per_1000'])} FTE in {laag['naam']} tot "
        f"{getal(hoog['fte_per_1000'])} FTE in {hoog['naam']} per 1000 kinderen van {groep.naam}"
    )
    if sleutel.factor > 0 and sleutel.r2 >= R2_DUIDELIJK:
        return (
            "In de JGZ wordt ongelijk geïnvesteerd: de inzet van jeugdverpleegkundigen en "
            f"jeugdartsen stijgt met het aandeel lage-SES-kinderen, {bereik}"
        )
    if sleutel.factor > 0:
        return (
            "In de JGZ stijgt de inzet met het aandeel lage-SES-kinderen, maar niet overal "
            f"even sterk, {bereik}"
        )
    return f"In de JGZ volgt de inzet het aandeel lage-SES-kinderen niet: {bereik}"


def _spreiding(analyse: Analyse, stad: pd.DataFrame, groep: Leeftijdsgroep) -> str:
    laag, hoog = _laagste_hoogste(stad, "fte_per_1000")

    def deel(r: dict[str, Any]) -> str:
        return (
            f"{r['naam']} {getal(r['fte_per_1000'])} FTE per 1000 kinderen bij "
            f"{r['lage_ses_per_1000']:.0f} lage-SES-kinderen per 1000"
        )

    fte = stadswaarde(analyse, groep.indicator("fte_per_1000"))
    ses = stadswaarde(analyse, groep.indicator("lage_ses_per_1000"))
    return (
        f"{groep.naam.capitalize()}: {deel(hoog)}, {deel(laag)} "
        f"(Amsterdam: {getal(fte)} FTE bij {ses:.0f})."
    )


def _sleutels(sleutels: list[Verdeelsleutel]) -> str:
    delen = [
        f"{s.leeftijdsgroep}: {getal(s.basis, 2)} FTE per 1000 kinderen, en "
        f"{getal(s.factor, 2)} FTE extra per 1000 kinderen met een lage SES; een kind met "
        f"een lage SES telt dus {getal(s.differentiatiefactor)} keer"
        for s in sleutels
    ]
    return (
        "Zo lijkt de inzet nu verdeeld te worden (de rekenwijze staat in de bijlage): "
        + "; ".join(delen)
        + "."
    )


def _evenredig(stad: pd.DataFrame) -> str:
    laag, hoog = _laagste_hoogste(stad, "oi_index_stad")

    def deel(r: dict[str, Any]) -> str:
        return (
            f"{r['naam']} heeft {getal(r['lage_ses_tov_stad'], 2)} keer zoveel lage-SES-kinderen "
            f"als gemiddeld en {getal(r['fte_tov_stad'], 2)} keer de inzet (OI-index t.o.v. de "
            f"stad {r['oi_index_stad']:.0f})"
        )

    soort = "minder dan evenredig" if laag["oi_index_stad"] < 100 else "evenredig"
    return f"Ten opzichte van Amsterdam stijgt de inzet {soort}: {deel(laag)}; {deel(hoog)}."


def _resultaten(res: pd.DataFrame, stad: pd.DataFrame, vacc_stad: float) -> str:
    laag, _ = _laagste_hoogste(res, "vaccinatiegraad")
    zin = (
        f"De vaccinatiegraad is het laagst in {laag['naam']} "
        f"({laag['vaccinatiegraad']:.0f}% tegen {vacc_stad:.0f}% in Amsterdam)"
    )
    boven = res[res["no_show"] == "bovengemiddeld"]
    if boven.empty:
        return zin + "; nergens is de no-show bovengemiddeld."
    zin += f"; de no-show is bovengemiddeld in {opsomming([str(n) for n in boven['naam']])}"
    meer_inzet = set(stad.index[stad["fte_tov_stad"] > 1])
    if set(boven.index) <= meer_inzet:
        zin += ", juist gebieden met bovengemiddelde inzet"
    return zin + "."


def _uitruil(sleutel: Verdeelsleutel, res: pd.DataFrame, vacc_stad: float) -> str:
    laag, _ = _laagste_hoogste(res, "vaccinatiegraad")
    return (
        f"Is de uitruil expliciet? De sleutel ({sleutel.leeftijdsgroep}) laat een lage-SES-kind "
        f"{getal(sleutel.differentiatiefactor)} keer zo zwaar wegen. Is die factor een bewuste "
        f"keuze, en is hij genoeg nu de vaccinatiegraad in {laag['naam']} "
        f"({laag['vaccinatiegraad']:.0f}%) onder die van Amsterdam ({vacc_stad:.0f}%) blijft?"
    )


def _kosten(comp: pd.DataFrame, groep: Leeftijdsgroep) -> str:
    tekort = comp[comp["extra_per_1000"] > 0].sort_values("extra_per_1000", ascending=False)
    if tekort.empty:
        return "Wat kost compensatie? Elk gebied krijgt al minstens zijn aandeel t.o.v. de stad."
    delen = [
        f"{r['naam']} {getal(r['nodig_per_1000'])} in plaats van {getal(r['fte_per_1000'])}"
        for r in (_rij(tekort, i) for i in range(len(tekort)))
    ]
    return (
        "Wat kost compensatie? Voor een OI-index van 100 t.o.v. de stad zou nodig zijn (FTE per "
        f"1000 kinderen van {groep.naam}): {'; '.join(delen)}; samen hoogstens "
        f"{getal(tekort['extra_fte_max'].sum())} FTE extra (bovengrens: CBS 0–14 als kindertal)."
    )


# -- onderdelen ----------------------------------------------------------------------------
def onderdelen(analyse: Analyse) -> list[Onderdeel]:
    """The JGZ-specific report parts, in reading order."""
    return [
        _onderdeel_tov_stad(analyse),
        _onderdeel_sleutel(analyse),
        _onderdeel_passing(analyse),
        _onderdeel_match(analyse),
        _onderdeel_resultaten(analyse),
        _onderdeel_compensatie(analyse),
    ]


def _per_groep(tabellen: dict[Leeftijdsgroep, pd.DataFrame]) -> pd.DataFrame:
    delen = [t.assign(leeftijdsgroep=g.naam) for g, t in tabellen.items()]
    uit = pd.concat(delen)
    return uit[["leeftijdsgroep", *[k for k in uit.columns if k != "leeftijdsgroep"]]]


def _onderdeel_tov_stad(analyse: Analyse) -> Onderdeel:
    jong = LEEFTIJDSGROEPEN[0]
    tabel = _per_groep({g: tov_stad(analyse, g) for g in LEEFTIJDSGROEPEN})
    fte = stadswaarde(analyse, jong.indicator("fte_per_1000"))
    ses = stadswaarde(analyse, jong.indicator("lage_ses_per_1000"))
    return Onderdeel(
        titel="Inzet en opgave per 1000 kinderen ten opzichte van Amsterdam",
        tekst=(
            "Per gebied de FTE en de lage-SES-kinderen per 1000 kinderen, gedeeld door het "
            "Amsterdams gemiddelde.",
            "OI-index t.o.v. de stad = 100 × (FTE / FTE Amsterdam) / (lage SES / lage SES "
            "Amsterdam): 100 betekent inzet in dezelfde verhouding tot het aantal "
            "lage-SES-kinderen als in de hele stad.",
        ),
        tabel=tabel,
        figuur=spreiding(
            f"FTE en lage-SES-kinderen per 1000 kinderen ({jong.naam})",
            tabel[tabel["leeftijdsgroep"] == jong.naam],
            {
                "lage_ses_per_1000": "lage-SES-kinderen per 1000 kinderen",
                "fte_per_1000": "FTE per 1000 kinderen",
            },
            {"x": ses, "y": fte},
        ),
    )


def _oordeel(s: Verdeelsleutel) -> str:
    if s.binnen_afronding:
        return (
            f"{s.leeftijdsgroep}: één rechte sleutel past op alle gebieden binnen de afronding "
            f"(grootste afwijking minstens {getal(s.minimax, 3)}, "
            f"marge {getal(s.afrondingsmarge, 3)} FTE per 1000 kinderen)."
        )
    return (
        f"{s.leeftijdsgroep}: geen rechte sleutel past op alle gebieden binnen de afronding: "
        f"elke rechte lijn wijkt ergens minstens {getal(s.minimax, 3)} FTE per 1000 kinderen af, "
        f"meer dan de marge van {getal(s.afrondingsmarge, 3)}. De werkelijke verdeling kent dus "
        "meer onderdelen dan het aandeel lage SES."
    )


def _onderdeel_sleutel(analyse: Analyse) -> Onderdeel:
    sleutels = [verdeelsleutel(analyse, g) for g in LEEFTIJDSGROEPEN]
    tabel = pd.concat(
        [
            s.parameters().set_index("parameter")["waarde"].rename(s.leeftijdsgroep)
            for s in sleutels
        ],
        axis=1,
    )
    return Onderdeel(
        titel="Impliciete verdeelsleutel",
        tekst=(
            "FTE per 1000 kinderen = basis + factor × aandeel lage-SES-kinderen, geschat met "
            "kleinste kwadraten op de gepubliceerde cijfers van de vier gebieden. Kleinste "
            "kwadraten: de rechte lijn waarbij de afwijkingen van de gebieden samen zo klein "
            "mogelijk zijn.",
            "R² zegt hoe goed die lijn past: 1 is precies op de lijn, 0 is geen verband. "
            "Boven 0,8 noemen we het verband duidelijk.",
            "De basis is de inzet voor elk kind, de factor de extra inzet per 1000 "
            "lage-SES-kinderen; (basis + factor) / basis is hoe zwaar een lage-SES-kind weegt.",
            *(_oordeel(s) for s in sleutels),
        ),
        tabel=tabel,
    )


def _onderdeel_passing(analyse: Analyse) -> Onderdeel:
    delen = {}
    for groep in LEEFTIJDSGROEPEN:
        s = verdeelsleutel(analyse, groep)
        stad = tov_stad(analyse, groep)
        delen[groep] = pd.DataFrame(
            {
                "naam": stad["naam"],
                "gepubliceerd": stad["fte_per_1000"],
                "volgens_sleutel": s.passend.reindex(stad.index),
                "residu": s.residuen.reindex(stad.index),
            }
        )
    tabel = _per_groep(delen)
    jong = tabel[tabel["leeftijdsgroep"] == LEEFTIJDSGROEPEN[0].naam].set_index("naam")
    return Onderdeel(
        titel="Gepubliceerde inzet en inzet volgens de sleutel",
        tekst=("Residu = gepubliceerd − volgens sleutel, in FTE per 1000 kinderen.",),
        tabel=tabel,
        figuur=staaf(
            f"FTE per 1000 kinderen ({LEEFTIJDSGROEPEN[0].naam})",
            jong,
            ("gepubliceerd", "volgens_sleutel"),
            "FTE per 1000 kinderen",
        ),
    )


def _onderdeel_match(analyse: Analyse) -> Onderdeel:
    tabellen = {g: match_leeftijdsgroep(analyse, g) for g in LEEFTIJDSGROEPEN}
    figuur = pd.DataFrame({g.naam: t.set_index("naam")["oi_index"] for g, t in tabellen.items()})
    return Onderdeel(
        titel="Match tussen inzet en opgave in de vier gebieden",
        tekst=(
            "Inzet = FTE per 1000 kinderen × kinderen / 1000; opgave = lage-SES-kinderen per "
            "1000 × kinderen / 1000. Het aantal kinderen is benaderd met het CBS-aantal "
            "0–14-jarigen (2024); aandelen zijn binnen de vier gebieden berekend.",
        ),
        tabel=_per_groep(tabellen),
        figuur=oi_index_staaf("OI-index per gebied", figuur, tuple(figuur.columns)),
    )


def _onderdeel_resultaten(analyse: Analyse) -> Onderdeel:
    res = resultaten(analyse)
    stad = stadswaarde(analyse, "vaccinatiegraad")
    return Onderdeel(
        titel="Resultaten: vaccinatiegraad en no-show",
        tekst=(
            f"Vaccinatiegraad in procenten (Amsterdam {stad:.0f}%). No-show is gepubliceerd als "
            "boven-, onder- of gemiddeld ten opzichte van Amsterdam.",
        ),
        tabel=res,
        figuur=staaf(
            "Vaccinatiegraad per gebied",
            res.set_index("naam"),
            "vaccinatiegraad",
            "% gevaccineerd",
            referentie=stad,
        ),
    )


def _onderdeel_compensatie(analyse: Analyse) -> Onderdeel:
    tabel = _per_groep({g: compensatie(analyse, g) for g in LEEFTIJDSGROEPEN})
    return Onderdeel(
        titel="Wat kost compensatie tot index 100 t.o.v. de stad?",
        tekst=(
            "Nodig = FTE Amsterdam × (lage SES / lage SES Amsterdam), per 1000 kinderen. "
            "Extra FTE is een bovengrens: het CBS-aantal 0–14-jarigen is groter dan de "
            "leeftijdsgroep.",
        ),
        tabel=tabel,
    )
