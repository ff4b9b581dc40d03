"""A generic managementsamenvatting, for an activity whose plugin does not write one.

It names the areas with the largest shortfall and surplus (with their figures) and
raises the method's discussion points: is the trade-off explicit, and what would
compensation cost (:class:`oi_core.rekenen.kern.Compensatie`).
"""

from __future__ import annotations

import pandas as pd

from oi_core.model.activiteit import Niveau
from oi_core.model.registratie import Samenvatting
from oi_core.rekenen.analyse import Analyse
from oi_core.rekenen.kern import BAND, SIGNAAL_MEER, SIGNAAL_MINDER, Compensatie, grenzen
from oi_rapport.opmaak import MEERVOUD, amount, number, percentage, points

__all__ = ["generic_summary"]


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
