"""The report engine: from the analysed activities to one :class:`Rapport`.

Chapters: an overview, one chapter per activity (:mod:`.activiteit`), the chapters
plugins add through the report's hook (:mod:`.hoofdstukken`, e.g. the stapeling of
``oi-stapeling``) and *Over deze analyse* (sources, method, formulas, remarks).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

import pandas as pd

from oi_core import __version__
from oi_core.plugins.manager import excel_functies
from oi_core.rekenen.kern import BAND, SIGNAAL_MEER, SIGNAAL_MINDER, grenzen
from oi_core.weergave.cellen import sheet_name
from oi_core.weergave.kolommen import kolom
from oi_rapport.activiteit import ActiviteitHoofdstuk
from oi_rapport.document import Blok, Opsomming, Rapport, Sectie, Tabel, Tekst, section_key
from oi_rapport.hoofdstukken import GemaaktHoofdstuk
from oi_rapport.opmaak import MEERVOUD, amount, number
from oi_rapport.samenvatting import index_range
from oi_rapport.tabellen import catalogue_column

__all__ = ["build_report", "section_key", "sheet_names"]

TITEL = "Inzicht in ongelijk investeren"


def build_report(
    hoofdstukken: Sequence[ActiviteitHoofdstuk],
    extra: Sequence[GemaaktHoofdstuk] = (),
    *,
    gemaakt: datetime | None = None,
    bron: str = "de ingebouwde gegevens",
    overgeslagen: Sequence[str] = (),
    band: float = BAND,
) -> Rapport:
    """The whole report: the activities' chapters, then the ``extra`` chapters of plugins;
    ``overgeslagen`` lists what was left out, with the reason."""
    moment = (gemaakt or datetime.now()).strftime("%d-%m-%Y %H:%M")
    vast = [e.hoofdstuk.bladnaam for e in extra]
    bladen = sheet_names([h.registratie.activiteit.naam for h in hoofdstukken], vast)
    voorbladen = sheet_names(
        [f"Kort – {h.registratie.activiteit.naam}" for h in hoofdstukken], [*vast, *bladen]
    )
    bijlage = [
        _overview(hoofdstukken, bladen, extra, overgeslagen, band),
        *(_activity_section(h, b) for h, b in zip(hoofdstukken, bladen, strict=True)),
        *(_extra_section(e) for e in extra),
        _about(hoofdstukken, extra, bron, overgeslagen, moment, band),
    ]
    voorpaginas = [_front_section(h, b) for h, b in zip(hoofdstukken, voorbladen, strict=True)]
    secties = [
        *(s for s in voorpaginas if s is not None),
        *(replace(s, bijlage=True) for s in bijlage),
    ]
    return Rapport(
        titel=TITEL,
        ondertitel=f"Verdeling inzet, opgave en match per activiteit — op {bron}",
        gemaakt=moment,
        secties=tuple(secties),
        samenvatting=_summary_json(hoofdstukken, extra, overgeslagen),
    )


def _front_section(h: ActiviteitHoofdstuk, blad: str) -> Sectie | None:
    """An activity's front page (:mod:`.voorpagina`), one A4 in print."""
    v = h.voorpagina
    if v is None:
        return None
    a = h.registratie.activiteit
    ondertitel = f"{a.afdeling} · in het kort · de analyse staat in de bijlage"
    return Sectie(
        f"voorpagina-{a.code}", a.naam, blad, v.blokken(), ondertitel=ondertitel, voorpagina=v
    )


def _extra_section(e: GemaaktHoofdstuk) -> Sectie:
    h = e.hoofdstuk
    return Sectie(h.sleutel, h.titel, h.bladnaam, e.inhoud.blokken)


def sheet_names(namen: Sequence[str], vast: Sequence[str] = ()) -> list[str]:
    """Valid, unique Excel sheet names (31 characters, no ``[]:*?/\\``, no leading formula
    character: :func:`~oi_core.weergave.cellen.sheet_name`), not clashing with the fixed
    sheets nor the sheets ``vast`` of the plugins' chapters."""
    gebruikt = {"overzicht", "over deze analyse", *(v.lower() for v in vast)}
    uit = []
    for naam in namen:
        basis = sheet_name(naam, lengte=28, reserve="Activiteit")
        kandidaat, n = basis, 2
        while kandidaat.lower() in gebruikt:
            kandidaat, n = f"{basis[:26]} {n}", n + 1
        gebruikt.add(kandidaat.lower())
        uit.append(kandidaat)
    return uit


# -- overview -----------------------------------------------------------------------------
def _overview(
    hoofdstukken: Sequence[ActiviteitHoofdstuk],
    bladen: Sequence[str],
    extra: Sequence[GemaaktHoofdstuk],
    overgeslagen: Sequence[str],
    band: float,
) -> Sectie:
    blokken: list[Blok] = [Tekst(_intro(hoofdstukken, extra))]
    if hoofdstukken:
        blokken.append(_overview_table(hoofdstukken, band))
    else:
        blokken.append(
            Tekst(
                (
                    "Er is geen activiteit geïnstalleerd of geselecteerd. Installeer de plugins "
                    "van de afdelingen, of geef eigen gegevens mee met 'oi rapport --data'.",
                ),
                kop="Geen activiteiten",
            )
        )
    for h in hoofdstukken:
        s = h.samenvatting
        blokken.append(Opsomming(s.bevindingen, kop=f"{h.registratie.activiteit.naam}: {s.titel}"))
    if overgeslagen:
        blokken.append(Opsomming(tuple(overgeslagen), kop="Niet in dit rapport"))
    return Sectie("overzicht", "Overzicht", "Overzicht", tuple(blokken))


def _intro(
    hoofdstukken: Sequence[ActiviteitHoofdstuk], extra: Sequence[GemaaktHoofdstuk]
) -> tuple[str, ...]:
    """The opening lines; the example indices are this report's own (lowest, highest)."""
    bereik = index_range([(h.registratie.activiteit.naam, h.match) for h in hoofdstukken])
    regels = [
        "Staat de gemeentelijke inzet (geld, FTE, vierkante meters) in verhouding tot de "
        "opgave? Per activiteit in drie stappen: de verdeling van de inzet, de opgave, en de "
        "match tussen beide (aandelen, verschil in procentpunt en OI-index).",
        "OI-index = 100 × aandeel inzet / aandeel opgave: 100 is in verhouding met het aandeel "
        "in de opgave, onder 100 minder, boven 100 meer. "
        f"{bereik + ' ' if bereik else ''}De analyse geeft inzicht, geen oordeel: het gesprek "
        "over de bevindingen staat centraal.",
    ]
    regels += [e.hoofdstuk.intro for e in extra if e.hoofdstuk.intro]
    return tuple(regels)


def _overview_table(hoofdstukken: Sequence[ActiviteitHoofdstuk], band: float) -> Tabel:
    data = pd.DataFrame([_overview_row(h) for h in hoofdstukken])
    laag, hoog = (number(g) for g in grenzen(band))
    kolommen = (
        catalogue_column("activiteit", link="sectie"),
        catalogue_column("afdeling"),
        catalogue_column("niveau"),
        catalogue_column("aantal"),
        catalogue_column("te_weinig", kop=f"{kolom('te_weinig').kop} (index < {laag})"),
        catalogue_column("te_veel", kop=f"{kolom('te_veel').kop} (index > {hoog})"),
        catalogue_column("grootste_tekort"),
        catalogue_column(
            "herverdelen",
            kop=f"{kolom('herverdelen').kop} om elk gebied op zijn aandeel te brengen",
            formaat="tekst",
        ),
    )
    return Tabel(
        "overzicht",
        "Activiteiten in dit rapport",
        data,
        kolommen,
        bijschrift="Per activiteit op het niveau van de analyse; de kernboodschappen staan "
        "hieronder. Klik op een activiteit voor het hoofdstuk.",
    )


def _overview_row(h: ActiviteitHoofdstuk) -> dict[str, object]:
    a = h.registratie.activiteit
    m = h.match
    laagste = m.sort_values("oi_index").iloc[0]
    return {
        "sectie": section_key(a.code),
        "activiteit": a.naam,
        "afdeling": a.afdeling,
        "niveau": h.analyse.niveau.value,
        "aantal": len(m),
        "te_weinig": int((m["signaal"] == SIGNAAL_MINDER).sum()),
        "te_veel": int((m["signaal"] == SIGNAAL_MEER).sum()),
        "grootste_tekort": f"{laagste['naam']} (OI-index {number(laagste['oi_index'], 0)})",
        "herverdelen": amount(h.compensatie.herverdelen, a.match_inzet.eenheid),
    }


# -- activity -----------------------------------------------------------------------------
_VORMEN = {
    "herverdelen": "herverdelen",
    "toevoegen": "toevoegen",
    "prioriteren_ontzien": "prioriteren/ontzien",
    "ongelijk_verdienen": "ongelijk verdienen",
    "partners_mobiliseren": "partners mobiliseren",
}


def _activity_section(h: ActiviteitHoofdstuk, blad: str) -> Sectie:
    a = h.registratie.activiteit
    delen = [a.afdeling, f"niveau: {MEERVOUD[h.analyse.niveau]}"]
    if a.vormen:
        delen.append("vormen: " + ", ".join(_VORMEN[v.value] for v in sorted(a.vormen)))
    if a.bron:
        delen.append(f"bron: {a.bron}" + (f" ({a.peiljaar})" if a.peiljaar else ""))
    blokken = (Tekst((a.beschrijving,)), *h.blokken) if a.beschrijving else h.blokken
    return Sectie(section_key(a.code), a.naam, blad, blokken, ondertitel=" · ".join(delen))


# -- about --------------------------------------------------------------------------------
def _about(
    hoofdstukken: Sequence[ActiviteitHoofdstuk],
    extra: Sequence[GemaaktHoofdstuk],
    bron: str,
    overgeslagen: Sequence[str],
    moment: str,
    band: float,
) -> Sectie:
    blokken: list[Blok] = [
        Tekst(
            (
                f"Gemaakt op {moment} met oi-core {__version__}, op {bron}.",
                "Gebiedsindeling: Gemeente Amsterdam, indeling 2022 (9 stadsdelen, 25 gebieden, "
                "110 wijken, 518 buurten); inwoners: CBS Kerncijfers wijken en buurten, "
                "1 januari 2024; kaarten: vereenvoudigde grenzen uit api.data.amsterdam.nl.",
            ),
            kop="Over dit rapport",
        ),
        Opsomming(_METHODE, kop="Methode"),
        _formulas(extra, band),
    ]
    if hoofdstukken:
        blokken.append(_sources(hoofdstukken))
    bronnen = tuple(e.hoofdstuk.bron for e in extra if e.hoofdstuk.bron)
    if bronnen:
        blokken.append(Tekst(bronnen))
    functies = _excel_functions()
    if functies is not None:
        blokken.append(functies)
    opmerkingen = [
        f"{h.registratie.activiteit.naam}: {o}" for h in hoofdstukken for o in h.opmerkingen
    ]
    if opmerkingen or overgeslagen:
        blokken.append(Opsomming((*overgeslagen, *opmerkingen), kop="Opmerkingen"))
    return Sectie("over", "Over deze analyse", "Over deze analyse", tuple(blokken))


_METHODE = (
    "Stap 1, verdeling inzet: hoe zijn middelen en mensen verdeeld over gebieden of doelgroepen?",
    "Stap 2, opgave: wat is de relevante opgave en waar is die het grootst?",
    "Stap 3, match: staat de inzet in verhouding tot de opgave?",
    "Elke activiteit is een resultatenketen: inzet → resultaat → doel → ambitie.",
    "Deze aanpak biedt inzicht, maar leidt niet automatisch tot een conclusie over "
    "(her)verdeling. Het gesprek over de bevindingen staat centraal.",
)


def _base_formulas(band: float) -> tuple[tuple[str, str, str], ...]:
    laag, hoog = (number(g) for g in grenzen(band))
    signaal = (
        "Signaal",
        f"index < {laag} / > {hoog}",
        "Minder dan / meer dan het aandeel in de opgave; daartussen in verhouding.",
    )
    return (*_FORMULES[:3], signaal, *_FORMULES[3:])


_FORMULES = (
    ("Aandeel", "a_i = x_i / Σx", "Deel van gebied i in de totale inzet (x) of opgave (y)."),
    ("Verschil", "100 · (a_i − b_i)", "Aandeel inzet min aandeel opgave, in procentpunt."),
    ("OI-index", "100 · a_i / b_i", "100: in verhouding; onder 100 minder dan het aandeel."),
    (
        "Kleur",
        "waarde t.o.v. gemiddelde",
        "OI-index: ▼ minder dan, = in verhouding met, ▲ meer dan het aandeel in de opgave (de "
        "band van het signaal). Indicatoren: − slechter, + beter dan het gemiddelde dat de "
        "legenda onder de tabel noemt; donker bij meer dan één standaardafwijking verschil.",
    ),
    (
        "Herverdelen",
        "Σ max(0, b_i · T − x_i)",
        "Inzet die moet verschuiven om elk gebied met index < 100 op zijn aandeel te brengen.",
    ),
    (
        "Toevoegen",
        "T · (max_i index_i / 100 − 1)",
        "Extra inzet waarmee elk gebied index 100 haalt zonder dat een gebied inlevert.",
    ),
)


def _formulas(extra: Sequence[GemaaktHoofdstuk], band: float) -> Tabel:
    rijen = [*_base_formulas(band), *(f for e in extra for f in e.hoofdstuk.formules)]
    data = pd.DataFrame(rijen, columns=["begrip", "formule", "toelichting"])
    return Tabel(
        "formules",
        "Formules",
        data,
        tuple(catalogue_column(k) for k in data.columns),
        bijschrift="x_i: inzet van gebied i; y_i: opgave; b_i = y_i / Σy; T = Σx.",
    )


def _sources(hoofdstukken: Sequence[ActiviteitHoofdstuk]) -> Tabel:
    rijen = [
        {
            "activiteit": h.registratie.activiteit.naam,
            "indicator": i.naam,
            "rol": i.rol.value,
            "eenheid": i.eenheid,
            "richting": i.richting.value.replace("_", " "),
            "bron": i.bron or h.registratie.activiteit.bron,
            "peiljaar": str(i.peiljaar or h.registratie.activiteit.peiljaar or ""),
        }
        for h in hoofdstukken
        for i in h.registratie.activiteit.keten.indicatoren()
    ]
    data = pd.DataFrame(rijen)
    kolommen = tuple(catalogue_column(k, formaat="tekst") for k in data.columns)
    return Tabel("bronnen", "Indicatoren en bronnen", data, kolommen)


def _excel_functions() -> Tabel | None:
    functies = excel_functies()
    if not functies:
        return None
    data = pd.DataFrame(
        [
            {"functie": f.naam, "beschrijving": f.beschrijving, "voorbeeld": f.voorbeeld}
            for f in functies.values()
        ]
    )
    return Tabel(
        "excel-functies",
        "Dezelfde berekeningen in Excel",
        data,
        tuple(catalogue_column(k) for k in data.columns),
        bijschrift="Met de Excel-invoegtoepassing rekenen deze functies met dezelfde "
        "kernfuncties als dit rapport.",
    )


# -- machine-readable summary ---------------------------------------------------------------
def _summary_json(
    hoofdstukken: Sequence[ActiviteitHoofdstuk],
    extra: Sequence[GemaaktHoofdstuk],
    overgeslagen: Sequence[str],
) -> dict[str, object]:
    activiteiten = [
        {
            "code": h.registratie.code,
            "naam": h.registratie.activiteit.naam,
            "niveau": h.analyse.niveau.value,
            "samenvatting_generiek": h.generiek,
            "titel": h.samenvatting.titel,
            "bevindingen": list(h.samenvatting.bevindingen),
            "discussiepunten": list(h.samenvatting.discussiepunten),
            "te_weinig": [str(c) for c in h.match.index[h.match["signaal"] == SIGNAAL_MINDER]],
            "te_veel": [str(c) for c in h.match.index[h.match["signaal"] == SIGNAAL_MEER]],
            "herverdelen": h.compensatie.herverdelen,
            "toevoegen": h.compensatie.toevoegen,
            "opmerkingen": list(h.opmerkingen),
        }
        for h in hoofdstukken
    ]
    uit: dict[str, object] = {"activiteiten": activiteiten, "overgeslagen": list(overgeslagen)}
    uit.update(
        {e.hoofdstuk.sleutel: dict(e.inhoud.samenvatting) for e in extra if e.inhoud.samenvatting}
    )
    return uit
