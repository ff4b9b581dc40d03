"""One activity's chapter: summary, Resultatenketen, match table, charts, plugin parts.

Every number comes from the :class:`~oi_core.Analyse` (``match``, ``verdeling_inzet``,
``opgave``, ``values``, ``city_value``); this module only arranges them.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

import pandas as pd

from oi_core.errors import OIFout
from oi_core.model.activiteit import Aggregatie, Indicator, Niveau, Rol
from oi_core.model.registratie import ActiviteitRegistratie, Figuur, Onderdeel, Samenvatting
from oi_core.plugins.onderdelen import OI_INDEX_LABEL, kaart
from oi_core.rekenen.analyse import Analyse
from oi_core.rekenen.kern import BAND, Compensatie
from oi_core.rekenen.kleuring import kleur_indicator
from oi_rapport.document import (
    Blok,
    Grafiek,
    Keten,
    KetenSchakel,
    SamenvattingBlok,
    Tabel,
    Tekst,
    section_key,
)
from oi_rapport.figuren import series_names
from oi_rapport.geo import map_colouring
from oi_rapport.opmaak import MEERVOUD, measure, number
from oi_rapport.samenvatting import data_origin, generic_summary, share_notes
from oi_rapport.tabellen import ExtraKolom, match_table, table_from_frame
from oi_rapport.voorpagina import Voorpagina, build_front_page

__all__ = ["ActiviteitHoofdstuk", "build_activity"]

_ROLNAMEN = {
    Rol.INZET: "Inzet",
    Rol.RESULTAAT: "Resultaat",
    Rol.DOEL: "Doel",
    Rol.AMBITIE: "Ambitie",
    Rol.OPGAVE: "Opgave",
}
MAX_STAVEN = 25


@dataclass(frozen=True)
class ActiviteitHoofdstuk:
    """What the engine made of one activity: its blocks and the figures behind them."""

    registratie: ActiviteitRegistratie
    analyse: Analyse
    blokken: tuple[Blok, ...]
    samenvatting: Samenvatting
    generiek: bool
    match: pd.DataFrame
    compensatie: Compensatie
    opmerkingen: tuple[str, ...]
    eigen: bool = False
    """The analysis runs on the user's own data (``oi rapport --data``)."""
    voorpagina: Voorpagina | None = None

    def grafieken(self) -> list[Grafiek]:
        """Every figure to draw: the front page's map, then the chapter's figures."""
        kaart = [self.voorpagina.kaart] if self.voorpagina and self.voorpagina.kaart else []
        return [*kaart, *(b for b in self.blokken if isinstance(b, Grafiek))]


@contextmanager
def _collect_warnings(opmerkingen: list[str]) -> Iterator[None]:
    with warnings.catch_warnings(record=True) as gevangen:
        warnings.simplefilter("always")
        yield
    opmerkingen.extend(dict.fromkeys(str(w.message) for w in gevangen))


def build_activity(
    reg: ActiviteitRegistratie, analyse: Analyse, *, band: float = BAND, eigen: bool = False
) -> ActiviteitHoofdstuk:
    """The chapter of one activity. Raises :class:`~oi_core.OIFout` when the match fails.

    The match is computed once (:meth:`~oi_core.Analyse.match`, cached per band); every
    block of the chapter reads that one result. With ``eigen`` (the user's own data) the
    published figures of the plugin and the parts that compare with them are left out, and
    the chapter says which figures are the user's and which averages were recomputed.
    """
    opmerkingen: list[str] = []
    with _collect_warnings(opmerkingen):
        match = analyse.match(band=band)
        inzet = analyse.verdeling_inzet()["inzet"]
        opgave = analyse.opgave()["opgave"]
        comp = analyse.verdeling(band=band).compensatie()
        extra = _extra_columns(analyse, match.index, opmerkingen)
        samenvatting, generiek = _summary(reg, analyse, match, comp, opmerkingen, band)
        opmerkingen.extend(share_notes(analyse))
        tabel = match_table(analyse, match, inzet, opgave, extra, band)
        blokken = [
            SamenvattingBlok(samenvatting, generiek),
            *([data_origin(analyse, extra)] if eigen else []),
            _chain(analyse),
            tabel,
            _bar_figure(analyse, match),
            *_parts(reg, analyse, opmerkingen, eigen),
            *([] if eigen else _published(reg, opmerkingen)),
        ]
        voorpagina = _front_page(reg, analyse, match, comp, samenvatting, tabel, band)
    if opmerkingen:
        blokken.append(Tekst(tuple(opmerkingen), kop="Opmerkingen bij de gegevens"))
    return ActiviteitHoofdstuk(
        reg,
        analyse,
        tuple(blokken),
        samenvatting,
        generiek,
        match,
        comp,
        tuple(opmerkingen),
        eigen,
        voorpagina,
    )


def _front_page(
    reg: ActiviteitRegistratie,
    analyse: Analyse,
    match: pd.DataFrame,
    comp: Compensatie,
    samenvatting: Samenvatting,
    tabel: Tabel,
    band: float,
) -> Voorpagina:
    """The front page (:mod:`.voorpagina`); it holds the activity's one OI-index map."""
    return build_front_page(
        reg,
        analyse.niveau,
        analyse.indeling,
        match,
        comp,
        samenvatting,
        tabel,
        _map_figure(analyse, match),
        section_key(reg.activiteit.code),
        band=band,
    )


# -- summary ------------------------------------------------------------------------------
def _summary(
    reg: ActiviteitRegistratie,
    analyse: Analyse,
    match: pd.DataFrame,
    comp: Compensatie,
    opmerkingen: list[str],
    band: float,
) -> tuple[Samenvatting, bool]:
    if reg.samenvatting is not None:
        eigen = _plugin_call(reg, "samenvatting", reg.samenvatting, analyse, opmerkingen)
        if isinstance(eigen, Samenvatting):
            return eigen, False
    return generic_summary(analyse, match, comp, band=band), True


def _plugin_call(
    reg: ActiviteitRegistratie,
    wat: str,
    functie: Callable[[Analyse], Any],
    analyse: Analyse,
    opmerkingen: list[str],
) -> Any:
    """Call a plugin's report function; a failure becomes a remark, not a lost report."""
    try:
        return functie(analyse)
    except Exception as fout:  # a plugin bug must not cost the user the whole report
        opmerkingen.append(
            f"De {wat} van plugin '{reg.plugin or reg.code}' kon niet worden gemaakt "
            f"({type(fout).__name__}: {fout}); dit hoofdstuk toont het algemene deel."
        )
        return None


# -- extra indicator columns --------------------------------------------------------------
def _extra_columns(analyse: Analyse, rijen: pd.Index, opmerkingen: list[str]) -> list[ExtraKolom]:
    """The indicators shown beside the match, coloured over the match's rows only
    (:func:`~oi_core.rekenen.kleuring.kleur_indicator`)."""
    a = analyse.activiteit
    overslaan = {a.match_inzet.code, a.match_opgave.code}
    aanwezig = set(analyse.data["indicator"])
    uit = []
    for ind in a.keten.indicatoren():
        if ind.code in overslaan or ind.code not in aanwezig:
            continue
        try:
            waarden = analyse.values(ind.code)
        except OIFout as fout:
            opmerkingen.append(
                f"{ind.naam}: niet getoond op niveau {analyse.niveau.value} ({fout})"
            )
            continue
        uit.append(ExtraKolom(ind, waarden, kleur_indicator(analyse, ind, waarden, rijen)))
    return uit


def _safe(f: Callable[[], Any]) -> Any:
    """A probe (is there a city figure? a total?): ``None`` and no warning when it fails."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return f()
        except OIFout:
            return None


# -- the Resultatenketen --------------------------------------------------------------------
def _chain(analyse: Analyse) -> Keten:
    keten = analyse.activiteit.keten
    schakels = tuple(
        KetenSchakel(
            _ROLNAMEN[rol],
            getattr(keten, rol.value).omschrijving,
            tuple(_indicator_line(analyse, i) for i in getattr(keten, rol.value).indicatoren),
        )
        for rol in (Rol.INZET, Rol.RESULTAAT, Rol.DOEL, Rol.AMBITIE)
    )
    opgave = KetenSchakel(
        "Opgave",
        analyse.activiteit.match_opgave.naam,
        tuple(_indicator_line(analyse, i) for i in keten.opgave),
    )
    return Keten(schakels, opgave)


def _indicator_line(analyse: Analyse, ind: Indicator) -> str:
    if ind.code not in set(analyse.data["indicator"]):
        return f"{ind.naam}: geen gegevens"
    stad = _safe(lambda: analyse.city_value(ind.code))
    if stad is not None:
        return f"{ind.naam}: {measure(stad, ind.eenheid)} (stad)"
    totaal = _safe(lambda: analyse.values(ind.code, niveau=Niveau.GEMEENTE))
    if totaal is not None and len(totaal) == 1:
        soort = "totaal" if ind.aggregatie is Aggregatie.SOM else "gemiddeld"
        return f"{ind.naam}: {measure(float(totaal.iloc[0]), ind.eenheid)} ({soort})"
    waarden = _safe(lambda: analyse.values(ind.code))
    if waarden is None or waarden.dropna().empty:
        return f"{ind.naam}: geen gegevens op niveau {analyse.niveau.value}"
    laag, hoog = float(waarden.min()), float(waarden.max())
    return f"{ind.naam}: {number(laag)} tot {measure(hoog, ind.eenheid)} per {analyse.niveau.value}"


# -- figures ------------------------------------------------------------------------------
def _bar_figure(analyse: Analyse, match: pd.DataFrame) -> Grafiek:
    return Grafiek(f"{analyse.activiteit.code}-aandelen", _bars(match, analyse.niveau))


def _map_figure(analyse: Analyse, match: pd.DataFrame) -> Grafiek | None:
    """The OI-index map (none for doelgroepen or the city as a whole)."""
    if analyse.niveau in (Niveau.DOELGROEP, Niveau.GEMEENTE):
        return None
    oi_kaart = kaart(
        f"OI-index per {analyse.niveau.value}",
        match[["naam", "oi_index"]],
        "oi_index",
        OI_INDEX_LABEL,
        referenties={"midden": 100.0},
    )
    return Grafiek(
        f"{analyse.activiteit.code}-kaart",
        oi_kaart,
        "Kleur en symbool zoals in de tabel: oranje ▼ minder, lichtgrijs = in verhouding, "
        "blauw ▲ meer inzet dan het aandeel in de opgave (donker: minder dan de helft of meer "
        "dan het dubbele). Grijs met stippen: geen gegevens.",
        niveau=analyse.niveau,
    )


def _bars(match: pd.DataFrame, niveau: Niveau) -> Figuur:
    data = pd.DataFrame(
        {
            "naam": match["naam"],
            "Aandeel inzet (%)": 100.0 * match["aandeel_inzet"],
            "Aandeel opgave (%)": 100.0 * match["aandeel_opgave"],
        },
        index=match.index,
    )
    titel = f"Aandeel inzet en aandeel opgave per {niveau.value}"
    if len(data) > MAX_STAVEN:
        meervoud = MEERVOUD[niveau]
        volgorde = match["verschil_pp"].sort_values().index
        data = data.loc[[*volgorde[:10], *volgorde[-10:]]]
        titel = f"De tien {meervoud} met het grootste tekort en de tien met het grootste overschot"
    return Figuur(
        soort="staaf",
        titel=titel,
        data=data,
        x="naam",
        y=("Aandeel inzet (%)", "Aandeel opgave (%)"),
        y_label="% van het totaal",
    )


# -- plugin parts -------------------------------------------------------------------------
def _parts(
    reg: ActiviteitRegistratie, analyse: Analyse, opmerkingen: list[str], eigen: bool = False
) -> list[Blok]:
    if reg.onderdelen is None:
        return []
    onderdelen = _plugin_call(reg, "onderdelen", reg.build_onderdelen, analyse, opmerkingen) or ()
    blokken: list[Blok] = []
    for i, onderdeel in enumerate(onderdelen, start=1):
        if isinstance(onderdeel, Onderdeel) and not (eigen and onderdeel.gepubliceerd):
            if eigen:  # the user's figures, not the plugin's source
                onderdeel = (
                    _own_source(onderdeel) if not onderdeel.ingebouwd else _builtin(onderdeel)
                )
            sleutel = f"{reg.code}-onderdeel-{i}"
            blokken.extend(_part_blocks(sleutel, onderdeel, analyse, opmerkingen))
    return blokken


EIGEN_BRON = "uw eigen gegevens (oi rapport --data)"
"""The source of a part computed from the user's own data."""


def _own_source(onderdeel: Onderdeel) -> Onderdeel:
    figuur = onderdeel.figuur
    if isinstance(figuur, Figuur):
        figuur = replace(figuur, bron=EIGEN_BRON, peiljaar=None)
    return replace(onderdeel, bron=EIGEN_BRON, peiljaar=None, figuur=figuur)


INGEBOUWD = (
    "Dit onderdeel rekent op de ingebouwde gegevens van de plugin, niet op uw eigen gegevens."
)
"""The sentence a part on the plugin's embedded data gets in a report on own data."""


def _builtin(onderdeel: Onderdeel) -> Onderdeel:
    return replace(onderdeel, tekst=(*onderdeel.tekst, INGEBOUWD))


def _part_blocks(
    sleutel: str, onderdeel: Onderdeel, analyse: Analyse, opmerkingen: list[str]
) -> list[Blok]:
    blokken: list[Blok] = [Tekst(tuple(onderdeel.tekst), kop=onderdeel.titel)]
    if isinstance(onderdeel.tabel, pd.DataFrame):
        blokken.append(table_from_frame(f"{sleutel}-tabel", "", onderdeel.tabel))
    figuur = onderdeel.figuur
    if figuur is not None:
        probleem = figure_problem(figuur)
        if probleem:
            opmerkingen.append(f"Figuur bij '{onderdeel.titel}' niet getekend: {probleem}.")
        else:
            niveau = _map_level(figuur, analyse)
            kleuring = map_colouring(analyse, figuur, niveau)
            uitleg = kleuring.uitleg if kleuring is not None else ""
            blokken.append(
                Grafiek(f"{sleutel}-figuur", figuur, uitleg, niveau=niveau, kleuring=kleuring)
            )
    if onderdeel.bron:
        blokken.append(Tekst((source_line(onderdeel.bron, onderdeel.peiljaar),)))
    return blokken


def source_line(bron: str, peiljaar: int | None) -> str:
    """``Bron: … (peiljaar 2023).`` under a plugin part; the source is the part's own or,
    when it sets none, its activity's (:meth:`ActiviteitRegistratie.build_onderdelen`)."""
    jaar = f" (peiljaar {peiljaar})" if peiljaar is not None else ""
    return f"Bron: {bron.rstrip('.')}{jaar}."


def figure_problem(figuur: Any) -> str | None:
    """Why a plugin's figure cannot be drawn (``None``: it can): a wrong kind, no data,
    or a column that is missing or holds no numbers."""
    if not isinstance(figuur, Figuur) or figuur.soort not in _SOORTEN:
        return f"onbekende soort figuur ({getattr(figuur, 'soort', figuur)!r})"
    data = figuur.data
    if not isinstance(data, pd.DataFrame) or data.empty:
        return "de figuur heeft geen gegevens"
    kolommen = [figuur.x, figuur.label, *series_names(figuur)]
    ontbreekt = [str(k) for k in kolommen if k is not None and k not in data.columns]
    if ontbreekt:
        return f"kolom {', '.join(ontbreekt)} ontbreekt in de gegevens van de figuur"
    waarden = [figuur.x] if figuur.soort == "spreiding" and figuur.x else []
    geen_getal = [
        str(k)
        for k in [*waarden, *series_names(figuur)]
        if not pd.api.types.is_numeric_dtype(data[k])
    ]
    if geen_getal or not series_names(figuur):
        return f"kolom {', '.join(geen_getal) or '(geen)'} bevat geen getallen"
    return None


_SOORTEN = ("staaf", "spreiding", "lijn", "heatmap", "kaart")


def _map_level(figuur: Figuur, analyse: Analyse) -> Niveau | None:
    """The level of the areas a ``kaart`` draws, from its codes; ``None`` when unknown."""
    if figuur.soort != "kaart" or figuur.data.empty:
        return None
    try:
        niveaus = {analyse.indeling.level_of(str(c)) for c in figuur.data.index}
    except KeyError:
        return None
    return niveaus.pop() if len(niveaus) == 1 else None


def _published(reg: ActiviteitRegistratie, opmerkingen: list[str]) -> list[Blok]:
    if reg.gepubliceerd is None:
        return []
    try:
        tabellen = dict(reg.gepubliceerd())
    except Exception as fout:  # a plugin bug must not cost the user the whole report
        opmerkingen.append(f"De gepubliceerde cijfers konden niet worden gelezen ({fout}).")
        return []
    blokken: list[Blok] = []
    for naam, df in tabellen.items():
        tabel = table_from_frame(
            f"{reg.code}-gepubliceerd-{naam}",
            f"Gepubliceerde cijfers: {naam}",
            df,
            bijschrift="Zoals gepubliceerd, ter vergelijking met de berekening hierboven.",
        )
        blokken.append(tabel)
    return blokken
