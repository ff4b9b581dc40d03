"""The front page of an activity: what someone with five minutes needs, on one A4.

One sentence of finding, one map, the match in a small table (published next to computed
where the plugin publishes an index), the two or three trade-offs with their size in the
activity's unit, and the discussion questions of the presentation (the plugin's
:class:`~oi_core.Samenvatting`). The analysis follows as an appendix.

The content is built once here (:func:`build_front_page`); the HTML renderer lays it out
(:func:`oi_rapport.html_weergave.render_html`) and the workbook writes the same content
as the first sheets (:meth:`Voorpagina.blokken`). Every number comes from the core:
the match, :class:`~oi_core.rekenen.kern.Compensatie` and the published tables.
"""

from __future__ import annotations

import contextlib
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pandas as pd

from oi_core.errors import OIFout
from oi_core.gebieden.indeling import Gebiedsindeling
from oi_core.model.activiteit import Niveau
from oi_core.model.registratie import ActiviteitRegistratie, Samenvatting
from oi_core.rekenen.gepubliceerd import binnen_afronding
from oi_core.rekenen.kern import BAND, SIGNAAL_MINDER, Compensatie
from oi_core.rekenen.kleuring import LEGENDA, kleur_index
from oi_rapport.document import Blok, Grafiek, Kolom, Opsomming, Tabel, Tekst
from oi_rapport.geo import AFWIJKEND_LEGENDA
from oi_rapport.opmaak import MEERVOUD, amount, number, percentage

__all__ = ["MAX_RIJEN", "Afweging", "Voorpagina", "build_front_page", "published_deviations"]

MAX_RIJEN = 10
"""More areas than this: the front page shows the five lowest and five highest OI-indices."""

_KLEIN = ("naam", "aandeel_inzet", "aandeel_opgave", "oi_index")
_GEPUBLICEERD = "oi_index_gepubliceerd"
_INDEXKOLOMMEN = ("oi_index", "index")


@dataclass(frozen=True)
class Afweging:
    """One choice and its size: what it means and what it costs, in the activity's unit."""

    keuze: str
    omvang: str
    betekenis: str


@dataclass(frozen=True)
class Voorpagina:
    """The content of one activity's front page (see the module docstring)."""

    activiteit: str
    hoofdstuk: str
    """Key of the activity's chapter in the appendix."""
    bevinding: str
    match: Tabel
    afwegingen: tuple[Afweging, ...]
    vragen: tuple[str, ...]
    kaart: Grafiek | None = None
    toelichting: tuple[str, ...] = ()
    """One-line notes under the match table: which rows are shown, published vs computed."""

    def afwegingen_tabel(self) -> Tabel:
        """The trade-offs as a table (for the workbook and the HTML alike)."""
        data = pd.DataFrame(
            [(a.keuze, a.omvang, a.betekenis) for a in self.afwegingen],
            columns=["keuze", "omvang", "betekenis"],
        )
        kolommen = (
            Kolom("keuze", "Keuze", "tekst"),
            Kolom("omvang", "Hoeveel", "tekst"),
            Kolom("betekenis", "Wat het betekent", "tekst"),
        )
        return Tabel(
            f"{self.hoofdstuk}-afwegingen", "Wat kost een andere verdeling?", data, kolommen
        )

    def blokken(self) -> tuple[Blok, ...]:
        """The front page as ordinary blocks, in reading order (the workbook's sheet)."""
        uit: list[Blok] = [Tekst((self.bevinding,), kop="Wat we zien")]
        uit += [self.match, Tekst(self.toelichting)] if self.toelichting else [self.match]
        if self.kaart is not None:
            uit.append(self.kaart)
        uit.append(self.afwegingen_tabel())
        if self.vragen:
            uit.append(Opsomming(self.vragen, kop="Vragen voor het gesprek"))
        return tuple(uit)


def build_front_page(
    reg: ActiviteitRegistratie,
    niveau: Niveau,
    indeling: Gebiedsindeling,
    match: pd.DataFrame,
    comp: Compensatie,
    samenvatting: Samenvatting,
    match_tabel: Tabel,
    kaart: Grafiek | None,
    hoofdstuk: str,
    *,
    band: float = BAND,
) -> Voorpagina:
    """The front page of one activity from its match, compensation and chapter parts.

    The map gets the OI-index classes of ``match_tabel`` (so a map colour is a table
    colour) and, where the plugin publishes an index, the areas whose published index
    differs hatched, with the reason under the map (:func:`published_deviations`)."""
    rijen = _rows(match)
    gepubliceerd = _published_index(reg, niveau, indeling)
    kaart = _map(kaart, match_tabel, match, gepubliceerd, band)
    tabel = _small_table(match_tabel, rijen, gepubliceerd)
    toelichting = [_row_note(len(match), len(rijen), niveau)]
    if gepubliceerd is not None:
        toelichting.append(_PUBLISHED_NOTE)
    return Voorpagina(
        activiteit=reg.activiteit.naam,
        hoofdstuk=hoofdstuk,
        bevinding=finding(match, niveau),
        match=tabel,
        afwegingen=trade_offs(comp, match, niveau, reg.activiteit.match_inzet.eenheid),
        vragen=tuple(samenvatting.discussiepunten),
        kaart=kaart,
        toelichting=tuple(t for t in toelichting if t),
    )


# -- the sentence of finding ------------------------------------------------------------
def finding(match: pd.DataFrame, niveau: Niveau) -> str:
    """One sentence: how many areas get less than their share, and where it is largest."""
    meervoud = MEERVOUD[niveau]
    minder = match[match["signaal"] == SIGNAAL_MINDER]
    if minder.empty:
        return (
            f"In alle {len(match)} {meervoud} is de inzet ongeveer in verhouding met het "
            "aandeel in de opgave."
        )
    laagste = match.sort_values("oi_index", kind="stable").iloc[0]
    return (
        f"{len(minder)} van de {len(match)} {meervoud} krijgen minder inzet dan hun aandeel "
        f"in de opgave. Het verschil is het grootst in {laagste['naam']}: "
        f"{percentage(laagste['aandeel_inzet'])} van de inzet, tegen "
        f"{percentage(laagste['aandeel_opgave'])} van de opgave "
        f"(OI-index {number(laagste['oi_index'], 0)})."
    )


# -- trade-offs ---------------------------------------------------------------------------
def trade_offs(
    comp: Compensatie, match: pd.DataFrame, niveau: Niveau, eenheid: str
) -> tuple[Afweging, ...]:
    """Redistribute, add, or keep: each with its size from the core's compensation."""
    enkelvoud = niveau.value
    ruimst = match.loc[comp.ruimst]
    n_onder = len(comp.onder)
    return (
        Afweging(
            "Herverdelen",
            f"{amount(comp.herverdelen, eenheid)} ({percentage(comp.herverdelen_aandeel)} "
            "van de inzet)",
            f"Hetzelfde totaal, anders verdeeld: elk {enkelvoud} onder zijn aandeel gaat "
            "erop vooruit, de andere leveren in.",
        ),
        Afweging(
            "Toevoegen",
            f"{amount(comp.toevoegen, eenheid)} extra ({percentage(comp.toevoegen_aandeel)})",
            f"Geen {enkelvoud} levert in. Dan moet elk {enkelvoud} zo veel krijgen als "
            f"{ruimst['naam']} nu krijgt (OI-index {number(ruimst['oi_index'], 0)}).",
        ),
        Afweging(
            "Zo laten",
            "niets extra",
            f"{n_onder} {MEERVOUD[niveau] if n_onder != 1 else enkelvoud} blijven onder "
            "OI-index 100 (iets of duidelijk minder dan hun aandeel). Leg vast waarom: andere "
            "taken, bezoekers of een inhaalslag.",
        ),
    )


# -- the small match table ----------------------------------------------------------------
def _rows(match: pd.DataFrame) -> pd.Index:
    codes: list[object] = list(match.index)
    if len(codes) > MAX_RIJEN:
        volgorde = list(match["oi_index"].sort_values(kind="stable").index)
        helft = MAX_RIJEN // 2
        codes = [*volgorde[:helft], *volgorde[-helft:]]
    return pd.Index(codes)


def _row_note(n: int, getoond: int, niveau: Niveau) -> str:
    if getoond == n:
        return ""
    return (
        f"Hier staan de {getoond // 2} {MEERVOUD[niveau]} met de laagste en de "
        f"{getoond // 2} met de hoogste OI-index; alle {n} staan in de bijlage."
    )


_PUBLISHED_NOTE = (
    "Gepubliceerd: de OI-index uit de presentatie, berekend uit afgeronde cijfers. "
    "Berekend: uit de gegevens van dit rapport, zonder afronding. Een verschil komt door die "
    "afronding of door andere brongegevens; de bijlage vergelijkt beide."
)


def _map(
    kaart: Grafiek | None,
    match_tabel: Tabel,
    match: pd.DataFrame,
    gepubliceerd: pd.Series | None,
    band: float,
) -> Grafiek | None:
    if kaart is None:
        return None
    kleuring = next((k.kleuring for k in match_tabel.kolommen if k.naam == "oi_index"), None)
    kaart = replace(kaart, kleuring=kleuring)
    if gepubliceerd is None:
        return kaart
    afwijking = published_deviations(match, gepubliceerd, band)
    afwijkend = tuple(str(c) for c in afwijking.index[afwijking["afwijkend"].to_numpy()])
    regel = deviation_line(afwijking)
    return replace(kaart, afwijkend=afwijkend, bijschrift=f"{kaart.bijschrift} {regel}".strip())


def published_deviations(
    match: pd.DataFrame, gepubliceerd: pd.Series, band: float = BAND
) -> pd.DataFrame:
    """The published OI-index beside the computed one, per area that has one.

    ``ondergrens``/``bovengrens``: what the shares allow in whole percents, as a
    presentation publishes them (:func:`~oi_core.rekenen.gepubliceerd.binnen_afronding`,
    give or take the rounding of the index); ``buiten_afronding``: the published index lies
    outside; ``andere_klasse``: its colour class (:func:`~oi_core.rekenen.kleuring.kleur_index`,
    same band) is another; ``afwijkend``: either. A share below one percent cannot be
    checked (``buiten_afronding`` false)."""
    pub = gepubliceerd.reindex(match.index).astype(float)
    inzet = (100 * match["aandeel_inzet"]).round()
    opgave = (100 * match["aandeel_opgave"]).round()
    kan = (pub.notna() & (opgave >= 1)).to_numpy()
    marge = binnen_afronding(pub[kan], inzet[kan], opgave[kan]).reindex(match.index)
    uit = pd.DataFrame(
        {
            "naam": match["naam"],
            "berekend": match["oi_index"],
            "gepubliceerd": pub,
            "ondergrens": marge["ondergrens"],
            "bovengrens": marge["bovengrens"],
            "klasse_berekend": kleur_index(match["oi_index"], band).klassen,
            "klasse_gepubliceerd": kleur_index(pub, band).klassen,
        },
        index=match.index,
    )
    uit["buiten_afronding"] = kan & ~marge["binnen"].fillna(True).to_numpy(dtype=bool)
    uit["andere_klasse"] = uit["klasse_berekend"] != uit["klasse_gepubliceerd"]
    uit["afwijkend"] = uit["buiten_afronding"] | uit["andere_klasse"]
    return uit[pub.notna().to_numpy()]


def deviation_line(afwijking: pd.DataFrame) -> str:
    """One line under the map: which published indices differ, and why."""
    rijen = afwijking[afwijking["afwijkend"].to_numpy(dtype=bool)]
    if rijen.empty:
        return (
            "Elke gepubliceerde OI-index valt binnen de afronding en heeft dezelfde kleur als "
            "de berekende."
        )
    delen = [
        f"{r['naam']}: gepubliceerd {number(r['gepubliceerd'], 0)}, berekend "
        f"{number(r['berekend'], 0)}, {_reason(r)}"
        for r in rijen.to_dict("records")
    ]
    return f"Gearceerd, {AFWIJKEND_LEGENDA}: {'; '.join(delen)}."


def _reason(r: Mapping[Hashable, Any]) -> str:
    laag, hoog = float(r["ondergrens"]), float(r["bovengrens"])
    marge = f"{number(laag, 0)} tot {number(hoog, 0)}" if np.isfinite(laag) else ""
    if r["buiten_afronding"]:
        return f"buiten wat de afgeronde aandelen toelaten ({marge})"
    klasse = LEGENDA["index"].get(str(r["klasse_gepubliceerd"]), "geen gegevens")
    binnen = f", maar binnen de afronding ({marge})" if marge else ""
    return f"een andere kleur ({klasse}){binnen}"


def _small_table(match_tabel: Tabel, rijen: pd.Index, gepubliceerd: pd.Series | None) -> Tabel:
    # plain values: the colours are on the map beside it, the formulas in the appendix
    kolommen = {k.naam: replace(k, formule=None, kleuring=None) for k in match_tabel.kolommen}
    gekozen = [kolommen[k] for k in _KLEIN if k in kolommen]
    data = match_tabel.data.loc[rijen, [k.naam for k in gekozen]].reset_index(drop=True)
    if gepubliceerd is not None:
        index = next(i for i, k in enumerate(gekozen) if k.naam == "oi_index")
        gekozen[index] = replace(gekozen[index], kop="OI-index berekend")
        data[_GEPUBLICEERD] = gepubliceerd.reindex(rijen).to_numpy(dtype=float)  # by position
        gekozen.append(Kolom(_GEPUBLICEERD, "OI-index gepubliceerd", "index"))
    titel = "De match in het kort"
    return Tabel(f"{match_tabel.sleutel}-kort", titel, data, tuple(gekozen))


def _published_index(
    reg: ActiviteitRegistratie, niveau: Niveau, indeling: Gebiedsindeling
) -> pd.Series | None:
    """The published OI-index by area code, when a published table of the plugin has one
    per area of the analysis level (``None`` otherwise)."""
    if reg.gepubliceerd is None or niveau in (Niveau.DOELGROEP, Niveau.GEMEENTE):
        return None
    try:
        tabellen = dict(reg.gepubliceerd())
    except Exception:  # the chapter reports a failing published table; the front page skips it
        return None
    for df in tabellen.values():
        kolom = next((k for k in _INDEXKOLOMMEN if k in df.columns), None)
        if kolom is not None and niveau.value in df.columns:
            return _by_code(df[niveau.value], df[kolom], niveau, indeling)
    return None


def _by_code(
    namen: pd.Series, waarden: pd.Series, niveau: Niveau, indeling: Gebiedsindeling
) -> pd.Series | None:
    codes: dict[str, float] = {}
    for naam, waarde in zip(namen, waarden, strict=True):
        with contextlib.suppress(OIFout, KeyError, ValueError):  # e.g. the row "Amsterdam"
            codes[indeling.resolve(str(naam), niveau)] = float(waarde)
    return pd.Series(codes, dtype=float) if codes else None
