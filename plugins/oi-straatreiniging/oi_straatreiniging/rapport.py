"""The managementsamenvatting and the report parts, generated from an Analyse.

Every sentence is built from the data. The norm defaults to 'sober' (80% of CROW
measurements at least level B) and can be changed; the surcharge used to show what
compensation costs is :data:`OPSLAG_DISCUSSIE`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from oi_core import Analyse, Niveau, Onderdeel, Samenvatting
from oi_core.plugins.onderdelen import maak_onderdelen, probeer, staaf, zonder_lege
from oi_core.rekenen.kern import SIGNAAL_MEER, SIGNAAL_MINDER
from oi_core.weergave.tekst import getal, hoofdletter, opsomming, procent, telwoord

from .activiteit import BEWONERSOORDEEL, GROF_ZWERFVUIL, VULGRAAD
from .analyses import (
    NORM_SOBER,
    differentiatie,
    match_gepubliceerd,
    resultaten,
    tekort_tot_norm,
    toevoegen,
)

__all__ = ["OPSLAG_DISCUSSIE", "maak_samenvatting", "onderdelen", "samenvatting"]

OPSLAG_DISCUSSIE = 0.05
"""5% more FTE per percentage point under the norm: the example in the discussion."""

GROF, VUL, OORDEEL = GROF_ZWERFVUIL.code, VULGRAAD.code, BEWONERSOORDEEL.code


def _pp(x: float) -> str:
    teken = "+" if x > 0.05 else "−" if x < -0.05 else ""
    return f"{teken}{getal(abs(x))} pp"


def _normnaam(norm: float) -> str:
    if norm == NORM_SOBER:
        return f"de vastgestelde schoonnorm (‘sober’: {procent(norm)} minstens niveau B)"
    return f"de gekozen schoonnorm ({procent(norm)} minstens niveau B)"


def _onder_norm(res: pd.DataFrame, code: str) -> pd.DataFrame:
    onder = res[res[f"{code}_haalt_norm"] == False]  # noqa: E712 - NaN is neither
    return onder.sort_values(code, kind="stable")


def _lijst(rijen: pd.DataFrame, code: str) -> str:
    return opsomming([f"{r['naam']} ({procent(r[code])})" for _, r in rijen.iterrows()])


# -- managementsamenvatting ---------------------------------------------------------------
def samenvatting(analyse: Analyse) -> Samenvatting:
    """The managementsamenvatting with the default norm ('sober', 80%)."""
    return maak_samenvatting(analyse)


def maak_samenvatting(analyse: Analyse, norm: float = NORM_SOBER) -> Samenvatting:
    """Title with the main finding, three to five findings and the discussion points."""
    res = resultaten(analyse, norm)
    bevindingen = [
        probeer(_bevinding_match, analyse),
        probeer(_bevinding_inzet_resultaat, analyse, res),
        _bevinding_vulgraad(res),
        _bevinding_bewoners(res),
    ]
    discussie = [
        probeer(_discussie_uitruil, analyse, res),
        probeer(_discussie_kosten, analyse, res),
        _discussie_basisniveau(res),
    ]
    return Samenvatting(
        titel=_titel(res),
        bevindingen=tuple(zonder_lege(bevindingen)),
        discussiepunten=tuple(zonder_lege(discussie)),
    )


def _titel(res: pd.DataFrame) -> str:
    norm, stad = res.attrs["norm"], res.attrs["gemiddelden"][GROF]
    onder = _onder_norm(res, GROF)
    naam = _normnaam(norm)
    if stad >= norm and not onder.empty:
        vallen = "valt" if len(onder) == 1 else "vallen"
        return (
            f"Hoewel gemiddeld {naam} bij reiniging wordt gehaald ({procent(stad)}), "
            f"{vallen} {_lijst(onder, GROF)} eronder. Fijnmaziger sturen kan voorkomen dat "
            "gebieden onder de norm vallen."
        )
    if stad >= norm:
        return f"Gemiddeld ({procent(stad)}) en in elk stadsdeel wordt {naam} gehaald."
    return (
        f"Gemiddeld wordt {naam} niet gehaald ({procent(stad)}); {telwoord(len(onder))} "
        f"stadsdelen vallen eronder: {_lijst(onder, GROF)}."
    )


def _bevinding_match(analyse: Analyse) -> str | None:
    m = analyse.match()
    veel = m[m["signaal"] == SIGNAAL_MEER].sort_values("oi_index", ascending=False)
    weinig = m[m["signaal"] == SIGNAAL_MINDER].sort_values("oi_index")

    def lijst(rijen: pd.DataFrame) -> str:
        return opsomming(
            [
                f"{r['naam']} ({_pp(r['verschil_pp'])}, index {getal(r['oi_index'], 0)})"
                for _, r in rijen.iterrows()
            ]
        )

    if veel.empty and weinig.empty:
        return "De FTE zijn naar verhouding verdeeld over bewoners en bezoekers."
    delen = []
    if not veel.empty:
        delen.append(f"{lijst(veel)} meer FTE dan hun aandeel in bewoners en bezoekers")
    if not weinig.empty:
        delen.append(f"{lijst(weinig)} minder")
    return f"Naar verhouding krijgen {', '.join(delen)}."


def _bevinding_inzet_resultaat(analyse: Analyse, res: pd.DataFrame) -> str:
    m = analyse.match()
    index = m["oi_index"].to_numpy(dtype=float)
    hoog, laag = m.index[int(np.argmax(index))], m.index[int(np.argmin(index))]
    ok_hoog, ok_laag = (
        bool(res.loc[hoog, f"{GROF}_haalt_norm"]),
        bool(res.loc[laag, f"{GROF}_haalt_norm"]),
    )
    hoog_tekst = (
        f"{m.loc[hoog, 'naam']} krijgt naar verhouding de meeste FTE (index "
        f"{getal(m.loc[hoog, 'oi_index'], 0)}) {'en haalt' if ok_hoog else 'maar haalt'} de "
        f"norm{'' if ok_hoog else ' niet'} ({procent(res.loc[hoog, GROF])})"
    )
    laag_tekst = (
        f"{m.loc[laag, 'naam']} krijgt de minste (index {getal(m.loc[laag, 'oi_index'], 0)}) "
        f"{'maar haalt de norm wel' if ok_laag else 'en haalt de norm niet'} "
        f"({procent(res.loc[laag, GROF])})"
    )
    kop = "Meer inzet geeft niet vanzelf schonere straten: " if (ok_laag or not ok_hoog) else ""
    return f"{kop}{hoofdletter(hoog_tekst) if not kop else hoog_tekst}; {laag_tekst}."


def _bevinding_vulgraad(res: pd.DataFrame) -> str | None:
    if VUL not in res.columns:
        return None
    onder, stad = _onder_norm(res, VUL), res.attrs["gemiddelden"][VUL]
    if onder.empty:
        return f"De vulgraad van afvalbakken haalt overal de norm (gemiddeld {procent(stad)})."
    return (
        f"De vulgraad van afvalbakken haalt de norm niet in {_lijst(onder, VUL)}, tegen "
        f"{procent(stad)} gemiddeld."
    )


def _bevinding_bewoners(res: pd.DataFrame) -> str | None:
    if OORDEEL not in res.columns:
        return None
    volgorde = res.sort_values(OORDEEL, kind="stable")
    laagste, hoogste = volgorde.head(2), volgorde.tail(1)
    return (
        f"Bewoners vinden hun buurt het minst vaak schoon in {_lijst(laagste, OORDEEL)}, tegen "
        f"{procent(res.attrs['gemiddelden'][OORDEEL])} gemiddeld; het vaakst in "
        f"{_lijst(hoogste, OORDEEL)}."
    )


def _inputs(analyse: Analyse) -> tuple[pd.Series, pd.Series]:
    fte = analyse.values(analyse.activiteit.match_inzet.code, niveau=Niveau.STADSDEEL)
    bb = analyse.values(analyse.activiteit.match_opgave.code, niveau=Niveau.STADSDEEL)
    return fte, bb.reindex(fte.index)


def _discussie_uitruil(analyse: Analyse, res: pd.DataFrame) -> str:
    fte, bb = _inputs(analyse)
    d = differentiatie(fte, bb).sort_values("verschuiving_pp", ascending=False)
    d["naam"] = analyse.indeling.names(d.index)
    erbij = d[d["verschuiving_pp"] > 0.05]
    eraf = d[d["verschuiving_pp"] < -0.05].iloc[::-1]

    def lijst(rijen: pd.DataFrame) -> str:
        return opsomming(
            [f"{r['naam']} ({_pp(r['verschuiving_pp'])})" for _, r in rijen.iterrows()]
        )

    tekort = [str(n) for n in eraf["naam"] if n in set(_onder_norm(res, GROF)["naam"])]
    slot = (
        f" {opsomming(tekort)} {'haalt' if len(tekort) == 1 else 'halen'} de norm nu al niet."
        if tekort
        else ""
    )
    return (
        "Is de uitruil expliciet? FTE precies naar aandeel bewoners en bezoekers verdelen "
        f"verschuift {procent(d.attrs['extra_zonder_korten'] / d.attrs['totaal_fte'] * 100, 1)} "
        f"van de FTE: erbij voor {lijst(erbij)}, eraf bij {lijst(eraf)}.{slot}"
    )


def _discussie_kosten(analyse: Analyse, res: pd.DataFrame) -> str | None:
    fte, bb = _inputs(analyse)
    tekort = tekort_tot_norm(res[GROF], res.attrs["norm"]).reindex(fte.index)
    if not (tekort > 0).any():
        return None
    extra = toevoegen(fte, tekort, OPSLAG_DISCUSSIE)
    extra = extra[extra > 0].sort_values(ascending=False)
    her = differentiatie(fte, bb, tekort=tekort, opslag_per_pp=OPSLAG_DISCUSSIE)
    verliezers = [
        f"{analyse.indeling.name(str(c))} ({_pp(her.loc[c, 'verschuiving_pp'])})"
        for c in extra.index
        if her.loc[c, "verschuiving_pp"] < -0.05
    ]
    delen = [f"{analyse.indeling.name(str(c))} {getal(v)}" for c, v in extra.items()]
    totaal = 100 * extra.sum() / fte.sum()
    zin = (
        "Wat kost compenseren? De stadsdelen onder de norm "
        f"{procent(100 * OPSLAG_DISCUSSIE)} meer FTE geven per procentpunt tekort, bovenop de "
        f"huidige inzet (toevoegen), kost {procent(totaal, 1)} extra FTE ({opsomming(delen)} "
        "procent van de huidige FTE)."
    )
    if verliezers:
        zin += (
            " Herverdelen naar bewoners en bezoekers met dezelfde opslag laat "
            f"{opsomming(verliezers)} toch inleveren."
        )
    return zin


def _discussie_basisniveau(res: pd.DataFrame) -> str:
    norm = res.attrs["norm"]
    haalt = int((res[f"{GROF}_haalt_norm"] == True).sum())  # noqa: E712 - NaN is neither
    overal = f"‘sober’ ({procent(norm)})" if norm == NORM_SOBER else procent(norm)
    return (
        f"Wat is het gewenste basisniveau: overal {overal}, of differentiëren naar drukte en "
        f"tekort? Nu halen {telwoord(haalt)} van de {telwoord(len(res))} stadsdelen de norm voor "
        "grof zwerfvuil; fijnmaziger sturen (per wijk) vraagt metingen en inzet per wijk."
    )


# -- onderdelen ---------------------------------------------------------------------------
def onderdelen(analyse: Analyse) -> list[Onderdeel]:
    """The street-cleaning parts of the report, in reading order."""
    bouwers = (_onderdeel_resultaten, _onderdeel_index, _onderdeel_differentiatie)
    return maak_onderdelen(bouwers, analyse)


def _onderdeel_resultaten(analyse: Analyse) -> Onderdeel:
    res = resultaten(analyse)
    gem = res.attrs["gemiddelden"]
    return Onderdeel(
        titel="Resultaten tegenover het stedelijk gemiddelde en de schoonnorm",
        tekst=(
            f"Grof zwerfvuil en vulgraad: CROW-metingen minstens niveau B; de norm ‘sober’ is "
            f"{procent(res.attrs['norm'])}. "
            + (
                "Stedelijke gemiddelden zoals ze voor de hele stad in de gegevens staan "
                if res.attrs["stad_uit_data"]
                else "Stedelijke gemiddelden, naar inwoners gewogen uit de stadsdelen "
            )
            + f"({procent(gem[GROF])}, {procent(gem[VUL])} en {procent(gem[OORDEEL])}).",
        ),
        tabel=res,
        figuur=staaf(
            "Grof zwerfvuil: % metingen minstens niveau B",
            res,
            GROF,
            "% minstens niveau B",
            x="naam",
            referentie=res.attrs["norm"],
        ),
    )


def _onderdeel_index(analyse: Analyse) -> Onderdeel:
    tabel = match_gepubliceerd(analyse)
    som = float(analyse.values("bewoners_bezoekers_pct", niveau=Niveau.STADSDEEL).sum())
    return Onderdeel(
        titel="Inzet tegenover opgave: gepubliceerde en berekende index",
        tekst=(
            f"De aandelen bewoners en bezoekers tellen op tot {getal(som, 1)}%; de match deelt "
            "door die som, de presentatie niet. Daardoor wijkt de berekende index iets af.",
            _marge(tabel),
        ),
        tabel=tabel,
        gepubliceerd=True,  # the presentation's own figures: not shown on the user's data
    )


def _marge(tabel: pd.DataFrame) -> str:
    """Whether each published index lies within the rounding margin, as the table says."""
    buiten = [str(n) for n in tabel.loc[~tabel["binnen_marge"].astype(bool), "naam"]]
    if not buiten:
        return (
            "Elke gepubliceerde index valt binnen de marge die de afronding op hele procenten "
            "toelaat."
        )
    return (
        f"Buiten de marge die de afronding op hele procenten toelaat: {opsomming(buiten)}; "
        "daar verklaart afronding het verschil niet."
    )


def _onderdeel_differentiatie(analyse: Analyse) -> Onderdeel:
    fte, bb = _inputs(analyse)
    res = resultaten(analyse)
    tekort = tekort_tot_norm(res[GROF], res.attrs["norm"]).reindex(fte.index)
    basis = differentiatie(fte, bb)
    opslag = differentiatie(fte, bb, tekort=tekort, opslag_per_pp=OPSLAG_DISCUSSIE)
    tabel = pd.DataFrame(
        {
            "naam": analyse.indeling.names(fte.index),
            "fte_nu": basis["fte_nu"],
            "fte_naar_aandeel": basis["fte_nieuw"],
            "verschuiving_pp": basis["verschuiving_pp"],
            "fte_met_opslag": opslag["fte_nieuw"],
            "verschuiving_pp_met_opslag": opslag["verschuiving_pp"],
        }
    )
    return Onderdeel(
        titel="Differentiatiefactor FTE per stadsdeel",
        tekst=(
            "FTE verdeeld naar aandeel bewoners en bezoekers, en met een opslag van "
            f"{procent(100 * OPSLAG_DISCUSSIE)} per procentpunt tekort tot de norm voor grof "
            "zwerfvuil. Het totaal aan FTE blijft gelijk.",
        ),
        tabel=tabel,
        figuur=staaf(
            "Verschuiving van FTE ten opzichte van nu (procentpunt)",
            tabel,
            ("verschuiving_pp", "verschuiving_pp_met_opslag"),
            "procentpunt",
            x="naam",
        ),
    )
