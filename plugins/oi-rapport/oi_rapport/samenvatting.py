"""A generic managementsamenvatting, for an activity whose plugin does not write one.

It names the areas with the largest shortfall and surplus (with their figures) and
raises the method's discussion points: is the trade-off explicit, and what would
compensation cost (:class:`oi_core.rekenen.kern.Compensatie`).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from oi_core.errors import OIFout
from oi_core.model.activiteit import Aggregatie, Niveau
from oi_core.model.registratie import Samenvatting
from oi_core.rekenen.analyse import Analyse
from oi_core.rekenen.kern import BAND, SIGNAAL_MEER, SIGNAAL_MINDER, Compensatie, grenzen
from oi_rapport.document import Tekst
from oi_rapport.opmaak import MEERVOUD, amount, number, percentage, points
from oi_rapport.tabellen import ExtraKolom

__all__ = [
    "AFRONDING_AANDELEN",
    "data_origin",
    "generic_summary",
    "index_range",
    "share_notes",
]


def generic_summary(
    analyse: Analyse, match: pd.DataFrame, comp: Compensatie, *, band: float = BAND
) -> Samenvatting:
    """Title, findings and discussion points from the match of one activity (computed with
    ``band``)."""
    meervoud = MEERVOUD[analyse.niveau]
    te_weinig = match[match["signaal"] == SIGNAAL_MINDER]
    te_veel = match[match["signaal"] == SIGNAAL_MEER]
    bevindingen = (
        _spread(len(match), len(te_weinig), len(te_veel), meervoud, band),
        *_extremes(match),
    )
    return Samenvatting(
        titel=_title(analyse, len(match), len(te_weinig), meervoud),
        bevindingen=tuple(b for b in bevindingen if b),
        discussiepunten=_discussion(analyse, match, comp),
    )


def _title(analyse: Analyse, n: int, n_weinig: int, meervoud: str) -> str:
    inzet = analyse.activiteit.match_inzet.naam.lower()
    opgave = analyse.activiteit.match_opgave.naam.lower()
    if n_weinig == 0:
        return f"De {inzet} staat in alle {n} {meervoud} in verhouding tot de {opgave}"
    return (
        f"{n_weinig} van de {n} {meervoud} krijgen duidelijk minder {inzet} "
        f"dan hun aandeel in de {opgave}"
    )


def _spread(n: int, n_weinig: int, n_veel: int, meervoud: str, band: float) -> str:
    n_gelijk = n - n_weinig - n_veel
    laag, hoog = grenzen(band)
    return (
        f"Van de {n} {meervoud} krijgen er {n_weinig} minder dan hun aandeel in de opgave "
        f"(OI-index onder {number(laag)}), {n_veel} meer (boven {number(hoog)}) en "
        f"{n_gelijk} ongeveer hun aandeel."
    )


def _extremes(match: pd.DataFrame) -> tuple[str, ...]:
    volgorde = match.sort_values("verschil_pp")
    laagste = [_finding(r, "minder") for _, r in volgorde.head(2).iterrows() if r.verschil_pp < 0]
    hoogste = [
        _finding(r, "meer") for _, r in volgorde.iloc[::-1].head(2).iterrows() if r.verschil_pp > 0
    ]
    return (*laagste, *hoogste)


def _finding(rij: pd.Series, richting: str) -> str:
    return (
        f"{rij['naam']} krijgt {richting} dan zijn aandeel: {percentage(rij['aandeel_inzet'])} "
        f"van de inzet tegen {percentage(rij['aandeel_opgave'])} van de opgave "
        f"({points(rij['verschil_pp'])} procentpunt, OI-index {number(rij['oi_index'], 0)})."
    )


def _discussion(analyse: Analyse, match: pd.DataFrame, comp: Compensatie) -> tuple[str, ...]:
    enkelvoud = analyse.niveau.value
    elk = "elk" if analyse.niveau in (Niveau.STADSDEEL, Niveau.GEBIED) else "elke"
    eenheid = analyse.activiteit.match_inzet.eenheid
    ruimst = match.loc[comp.ruimst]
    punten = [
        "Is de uitruil expliciet? Waar een gebied meer krijgt dan zijn aandeel in de opgave, "
        "is dat dan een bewuste keuze (andere taken, bezoekers, een inhaalslag) en staat die "
        "keuze ergens vastgelegd?",
        f"Herverdelen: om {elk} {enkelvoud} met een OI-index onder 100 op zijn aandeel van de "
        f"huidige inzet te brengen, moet {amount(comp.herverdelen, eenheid)} verschuiven "
        f"({percentage(comp.herverdelen_aandeel)} van de totale inzet van "
        f"{amount(comp.totaal, eenheid)}).",
        f"Toevoegen zonder dat een {enkelvoud} inlevert kost "
        f"{amount(comp.toevoegen, eenheid)} extra ({percentage(comp.toevoegen_aandeel)}): "
        f"dan moet ook {ruimst['naam']} (OI-index {number(ruimst['oi_index'], 0)}) op zijn "
        "aandeel uitkomen.",
        "Wat is het gewenste basisniveau, en welke interventie heeft de meeste impact per euro?",
    ]
    return tuple(punten)


# -- sentences that belong to the data ------------------------------------------------------
AFRONDING_AANDELEN = 1.0
"""Shares published in whole percents may add up to 100 ± this many percentage points;
beyond it the shares are flagged as not explained by rounding."""


def share_notes(analyse: Analyse) -> list[str]:
    """A remark for the inzet or opgave given as shares (``%`` of a total) that do not add
    up to 100 %, computed from the data of the analysis."""
    a = analyse.activiteit
    uit = []
    for ind in dict.fromkeys((a.match_inzet, a.match_opgave)):
        if not ind.eenheid.strip().startswith("%") or ind.aggregatie is not Aggregatie.SOM:
            continue
        try:
            som = float(analyse.values(ind.code).sum())
        except OIFout:
            continue
        if abs(som - 100.0) < 0.05:
            continue
        tekst = f"De aandelen '{ind.naam}' tellen op tot {number(som, 1)}% in plaats van 100%"
        if abs(som - 100.0) <= AFRONDING_AANDELEN:
            uit.append(f"{tekst} (afronding); de match deelt door die som.")
        else:
            uit.append(
                f"Let op: {tekst[0].lower()}{tekst[1:]}; dat is meer dan afronding op hele "
                "procenten verklaart. Controleer de gegevens; de match deelt door de som."
            )
    return uit


def index_range(matches: Sequence[tuple[str, pd.DataFrame]]) -> str:
    """The lowest and highest OI-index of the matches (``(activiteit, match)``), named, as
    one sentence; empty without a match."""
    rijen = [(a, m.loc[c]) for a, m in matches for c in m.index if pd.notna(m.loc[c, "oi_index"])]
    if not rijen:
        return ""
    laag = min(rijen, key=lambda r: float(r[1]["oi_index"]))
    hoog = max(rijen, key=lambda r: float(r[1]["oi_index"]))
    return f"In dit rapport loopt de index van {_index_case(*laag)} tot {_index_case(*hoog)}."


def _index_case(activiteit: str, rij: pd.Series) -> str:
    index = float(rij["oi_index"])
    waar = f"{rij['naam']}, {activiteit}" if activiteit else str(rij["naam"])
    return f"{number(index, 0)} ({waar}: {number(index / 100, 2)} keer het aandeel in de opgave)"


def data_origin(analyse: Analyse, extra: Sequence[ExtraKolom]) -> Tekst:
    """Which figures of the chapter are the user's and which averages were recomputed."""
    a = analyse.activiteit
    regels = [
        f"Inzet ({a.match_inzet.naam}), opgave ({a.match_opgave.naam}) en de indicatoren in "
        "dit hoofdstuk komen uit uw eigen gegevens. Vergelijkingen met de gepubliceerde "
        "cijfers van de presentatie staan er niet in: die gaan over andere gegevens."
    ]
    gekleurd = [e for e in extra if e.kleuring is not None]
    stad = [
        e.indicator.naam for e in gekleurd if e.kleuring and "stadscijfer" in e.kleuring.toelichting
    ]
    berekend = [e.indicator.naam for e in gekleurd if e.indicator.naam not in stad]
    if stad:
        regels.append(f"Stadscijfer uit uw gegevens: {', '.join(stad)}.")
    if berekend:
        regels.append(
            "Gemiddelde opnieuw berekend uit de gebieden in uw gegevens (er is geen "
            f"stadscijfer, of de methode vraagt een gemiddelde per gebied): {', '.join(berekend)}."
        )
    return Tekst(tuple(regels), kop="Herkomst van de cijfers")
