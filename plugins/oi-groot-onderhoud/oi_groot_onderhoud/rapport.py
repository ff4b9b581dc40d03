"""The managementsamenvatting and report parts of 'groot_onderhoud', from the data.

Sentences and tables are built from :mod:`oi_groot_onderhoud.analyses`; nothing here
computes a figure of its own.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from oi_core import Analyse, Onderdeel, Samenvatting
from oi_core.plugins.onderdelen import oi_index_staaf, spreiding
from oi_core.rekenen.kern import SIGNAAL_IN_VERHOUDING, SIGNAAL_MEER, SIGNAAL_MINDER
from oi_core.weergave.tekst import getal, opsomming, procentpunt

from .analyses import (
    ALFA,
    BETA,
    compensatie,
    context,
    controle_gepubliceerd,
    stadswaarde,
    weging_analyse,
)

__all__ = ["onderdelen", "samenvatting"]


def _rij(tabel: pd.DataFrame, positie: int) -> dict[str, Any]:
    """One row as a dict (column → value), by position."""
    return {str(k): v for k, v in tabel.iloc[positie].to_dict().items()}


def _uiterst(tabel: pd.DataFrame, kolom: str, *, hoogste: bool) -> dict[str, Any]:
    waarden = tabel[kolom].to_numpy(dtype=float)
    return _rij(tabel, int(waarden.argmax() if hoogste else waarden.argmin()))


# -- samenvatting --------------------------------------------------------------------------------
def samenvatting(analyse: Analyse) -> Samenvatting:
    """Title with the main finding, four findings with areas and figures, discussion points."""
    tabel = context(analyse)
    gewogen = weging_analyse(analyse)
    comp = compensatie(tabel)
    return Samenvatting(
        titel=_titel(tabel),
        bevindingen=(
            _minst(tabel),
            _meest(tabel),
            _oordeel(tabel, stadswaarde(analyse, "bewonersoordeel")),
            _kwetsbaar(tabel, gewogen, stadswaarde(analyse, "lage_ses")),
        ),
        discussiepunten=(
            _uitruil(tabel),
            _kosten(comp),
            "Moeten kwetsbaarheid en bewonersoordeel in de toewijzing meewegen, en hoe zwaar? "
            "De presentatie noemt ze (nog) beperkt meegenomen; de weging in dit rapport laat "
            "zien wat het uitmaakt.",
        ),
    )


def _titel(tabel: pd.DataFrame) -> str:
    if (tabel["signaal"] == SIGNAAL_IN_VERHOUDING).all():
        return "Inzet en opgave zijn in balans: elk stadsdeel krijgt ongeveer zijn aandeel"
    if (tabel["signaal"] == SIGNAAL_MINDER).any():
        minst = _uiterst(tabel, "verschil_pp", hoogste=False)
        return (
            "Inzet en opgave lijken niet geheel in balans: vooral "
            f"{minst['naam']} krijgt relatief weinig middelen"
        )
    meest = _uiterst(tabel, "verschil_pp", hoogste=True)
    return (
        "Inzet en opgave lijken niet geheel in balans: vooral "
        f"{meest['naam']} krijgt relatief veel middelen"
    )


def _aandelen(r: dict[str, Any]) -> str:
    return (
        f"{getal(100 * r['aandeel_inzet'], 0)}% van het projectbudget tegen "
        f"{getal(100 * r['aandeel_opgave'], 0)}% van de opgave"
    )


def _minst(tabel: pd.DataFrame) -> str:
    r = _uiterst(tabel, "verschil_pp", hoogste=False)
    return (
        f"{r['naam']} krijgt {_aandelen(r)} (oppervlak op CROW-niveau D): "
        f"{procentpunt(r['verschil_pp'])} procentpunt, OI-index {r['oi_index']:.0f}."
    )


def _meest(tabel: pd.DataFrame) -> str:
    veel = tabel[tabel["signaal"] == SIGNAAL_MEER].sort_values("oi_index", ascending=False)
    if veel.empty:
        return "Geen stadsdeel krijgt duidelijk meer dan zijn aandeel in de opgave."
    delen = [
        f"{r['naam']} ({_aandelen(r)}, index {r['oi_index']:.0f})"
        for r in (_rij(veel, i) for i in range(min(2, len(veel))))
    ]
    return f"Relatief veel krijgen {opsomming(delen)}."


def _oordeel(tabel: pd.DataFrame, stad: float) -> str:
    r = _uiterst(tabel, "bewonersoordeel", hoogste=False)
    totaal = tabel["wijken_onvoldoende"].sum()
    return (
        f"Het bewonersoordeel over het onderhoud is het laagst in {r['naam']} "
        f"({getal(r['bewonersoordeel'])}; Amsterdam {getal(stad)}); daar liggen "
        f"{r['wijken_onvoldoende']:.0f} van de {totaal:.0f} wijken met een onvoldoende."
    )


def _kwetsbaar(tabel: pd.DataFrame, gewogen: pd.DataFrame, stad: float) -> str:
    hoog = tabel.sort_values("lage_ses", ascending=False).head(2)
    delen = [f"{n} ({v:.0f}%)" for n, v in zip(hoog["naam"], hoog["lage_ses"], strict=True)]
    minst = _uiterst(gewogen, "oi_index", hoogste=False)
    return (
        f"Het aandeel inwoners met een lage SES is het hoogst in {opsomming(delen)}; Amsterdam "
        f"{stad:.0f}%. Weegt de opgave mee naar kwetsbaarheid en bewonersoordeel (α = "
        f"{getal(ALFA)}, β = {getal(BETA)}), dan gaat de index van {minst['naam']} van "
        f"{minst['oi_index']:.0f} naar {minst['oi_index_gewogen']:.0f}."
    )


def _uitruil(tabel: pd.DataFrame) -> str:
    veel = [str(n) for n in tabel.loc[tabel["signaal"] == SIGNAAL_MEER, "naam"]]
    weinig = [str(n) for n in tabel.loc[tabel["signaal"] == SIGNAAL_MINDER, "naam"]]
    if not veel or not weinig:
        return "Is de uitruil expliciet? De verdeling volgt de opgave; leg vast waarom."
    return (
        f"Is de uitruil expliciet? {opsomming(veel)} krijgen meer dan hun aandeel in de opgave, "
        f"{opsomming(weinig)} minder. Is vastgelegd waarom (bijvoorbeeld lopende projecten of "
        "andere prioriteiten)?"
    )


def _kosten(comp: pd.DataFrame) -> str:
    if comp.empty:
        return "Wat kost compensatie? Geen stadsdeel krijgt minder dan zijn aandeel."
    r = _rij(comp, 0)
    return (
        f"Wat kost compensatie? {r['naam']} naar index 100 brengen vraagt binnen hetzelfde "
        f"budget een verschuiving van {getal(r['herverdelen_pp'])} procentpunt van het "
        f"projectbudget; met extra geld (toevoegen) ongeveer {getal(r['toevoegen_pct'], 0)}% "
        "bovenop het huidige projectbudget."
    )


# -- onderdelen ------------------------------------------------------------------------------------
def onderdelen(analyse: Analyse) -> list[Onderdeel]:
    """The report parts of groot onderhoud, in reading order."""
    return [  # the match per stadsdeel is the chapter's own table: not repeated here
        _onderdeel_context(analyse),
        _onderdeel_weging(analyse),
        _onderdeel_compensatie(analyse),
        _onderdeel_controle(),
    ]


def _onderdeel_context(analyse: Analyse) -> Onderdeel:
    tabel = context(analyse)
    stad = stadswaarde(analyse, "bewonersoordeel")
    return Onderdeel(
        titel="Kwetsbaarheid en bewonersoordeel naast de match",
        tekst=(
            "Kwetsbaarheid = % inwoners met een lage SES; bewonersoordeel = gemiddeld "
            f"rapportcijfer voor het onderhoud (Amsterdam {getal(stad)}).",
        ),
        tabel=tabel,
        figuur=spreiding(
            "Bewonersoordeel en OI-index",
            tabel,
            {
                "bewonersoordeel": "bewonersoordeel onderhoud (rapportcijfer)",
                "oi_index": "OI-index",
            },
            {"x": stad, "y": 100.0},
        ),
    )


def _onderdeel_weging(analyse: Analyse) -> Onderdeel:
    tabel = weging_analyse(analyse)
    return Onderdeel(
        titel="Opgave gewogen naar kwetsbaarheid en bewonersoordeel",
        tekst=(
            "Opgave gewogen = opgave × (1 + α × (lage SES / lage SES Amsterdam − 1)) × "
            "(1 + β × (oordeel Amsterdam − oordeel)).",
            f"Hier α = {getal(ALFA)} en β = {getal(BETA)}: een voorbeeld, geen norm. "
            "Met α = 1 telt de kwetsbaarheid volledig evenredig; β is het extra gewicht per "
            "punt dat bewoners het onderhoud lager waarderen dan gemiddeld. Kies ze zelf met "
            "OI_GROOT_ONDERHOUD_WEGING.",
        ),
        tabel=tabel,
        figuur=oi_index_staaf(
            "OI-index voor en na weging", tabel.set_index("naam"), ("oi_index", "oi_index_gewogen")
        ),
    )


def _onderdeel_compensatie(analyse: Analyse) -> Onderdeel:
    return Onderdeel(
        titel="Wat kost compensatie tot index 100?",
        tekst=(
            "Herverdelen: procentpunten van het budget die naar het stadsdeel moeten bij "
            "hetzelfde totaal. Toevoegen: extra budget als % van het huidige totaal als alleen "
            "dit stadsdeel erbij krijgt.",
        ),
        tabel=compensatie(analyse.match()),
    )


def _onderdeel_controle() -> Onderdeel:
    tabel = controle_gepubliceerd()
    buiten = tabel[~tabel["binnen_interval"]]
    tekst = [
        "Cijfers uit de presentatie. Het verschil in procentpunten is daar het verschil van de "
        "afgeronde percentages; de index is berekend uit onafgeronde aandelen en ligt daarom "
        "alleen binnen een interval.",
        "De gepubliceerde budgetaandelen tellen op tot 99%; dit rapport brengt ze opnieuw op 100%.",
    ]
    tekst += [
        f"{r['naam']}: gepubliceerde index {r['oi_index_gepubliceerd']:.0f} ligt buiten het "
        f"interval {getal(r['ondergrens'])}–{getal(r['bovengrens'])} dat de afgeronde aandelen "
        f"({r['projectbudget_pct']:.0f}% en {r['opgave_pct']:.0f}%) toelaten."
        for r in (_rij(buiten, i) for i in range(len(buiten)))
    ]
    return Onderdeel(
        titel="Controle van de gepubliceerde cijfers",
        tekst=tuple(tekst),
        tabel=tabel,
        gepubliceerd=True,  # the presentation's own figures: not shown on the user's data
    )
