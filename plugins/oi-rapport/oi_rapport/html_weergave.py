"""Drawing the :class:`Rapport` as one self-contained HTML file.

Inline CSS (``sjablonen/rapport.css``), inline SVG charts, no scripts, no external
fonts, images or links: the file opens offline and prints (print CSS, A4).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import replace
from functools import cache
from html import escape
from importlib import resources
from itertools import pairwise
from string import Template
from typing import Any

import numpy as np
import pandas as pd

from oi_core import __version__
from oi_core.gebieden.indeling import Gebiedsindeling
from oi_core.weergave.tekst import GEEN_GEGEVENS
from oi_rapport.document import (
    RIJ_GEMIDDELDE,
    RIJ_SD,
    Blok,
    Grafiek,
    Keten,
    KetenSchakel,
    Kolom,
    Opsomming,
    Rapport,
    SamenvattingBlok,
    Sectie,
    Tabel,
    all_figures,
    cell_class,
    cell_text,
)
from oi_rapport.figuren import Afbeeldingen, render_figures
from oi_rapport.opmaak import (
    LEGENDA_KOP,
    colour_explanations,
    legend_entries,
    number,
    percentage,
    points,
)
from oi_rapport.voorpagina import Voorpagina

__all__ = ["MAX_KOLOMMEN", "format_cell", "part_key", "render_html", "table_parts"]


@cache
def _template(naam: str) -> str:
    return (resources.files("oi_rapport") / "sjablonen" / naam).read_text(encoding="utf-8")


def render_html(
    rapport: Rapport,
    indeling: Gebiedsindeling | None = None,
    afbeeldingen: Afbeeldingen | None = None,
) -> str:
    """The report as one HTML document (a string); figures from ``afbeeldingen`` when given."""
    if afbeeldingen is None:
        afbeeldingen = render_figures(all_figures(rapport), indeling)
    inhoudsopgave = _contents(rapport.secties)
    inhoud = "\n".join(_section(s, afbeeldingen) for s in rapport.secties)
    return Template(_template("rapport.html")).substitute(
        titel=escape(rapport.titel),
        ondertitel=escape(rapport.ondertitel),
        gemaakt=escape(rapport.gemaakt),
        versie=escape(__version__),
        css=_template("rapport.css"),
        inhoudsopgave=inhoudsopgave,
        inhoud=inhoud,
    )


def _contents(secties: tuple[Sectie, ...]) -> str:
    """The table of contents: the front pages, then the appendix (``oi rapport --pdf`` adds
    page numbers in ``span.pagina``)."""

    def item(s: Sectie) -> str:
        naam = f"{s.titel}: in het kort" if s.voorpagina is not None else s.titel
        return (
            f'<li><a href="#{escape(s.sleutel)}">{escape(naam)}</a>'
            f'<span class="pagina" data-sectie="{escape(s.sleutel)}"></span></li>'
        )

    voor = [item(s) for s in secties if not s.bijlage]
    bijlage = [item(s) for s in secties if s.bijlage]
    if not voor or not bijlage:
        return "\n".join(voor + bijlage)
    return (
        "\n".join(voor)
        + '\n<li class="groep">Bijlage: de analyse<ol>'
        + "\n".join(bijlage)
        + "</ol></li>"
    )


def _section(sectie: Sectie, afbeeldingen: Afbeeldingen) -> str:
    if sectie.voorpagina is not None:
        return _front_page(sectie, sectie.voorpagina, afbeeldingen)
    delen = [
        f'<section class="hoofdstuk" id="{escape(sectie.sleutel)}">',
        f"<h2>{escape(sectie.titel)}</h2>",
    ]
    if sectie.ondertitel:
        delen.append(f'<p class="ondertitel">{escape(sectie.ondertitel)}</p>')
    delen += [_block(b, afbeeldingen) for b in sectie.blokken]
    delen.append("</section>")
    return "\n".join(delen)


def _block(blok: Blok, afbeeldingen: Afbeeldingen) -> str:
    if isinstance(blok, Tabel):
        return _table(blok)
    if isinstance(blok, Grafiek):
        return _figure(blok, afbeeldingen.svg[blok.sleutel])
    if isinstance(blok, SamenvattingBlok):
        return _summary(blok)
    if isinstance(blok, Keten):
        return _chain(blok)
    if isinstance(blok, Opsomming):
        return _heading(blok.kop) + _list(blok.punten)
    return _heading(blok.kop) + "".join(f"<p>{escape(a)}</p>" for a in blok.alineas)


def _heading(kop: str) -> str:
    return f"<h3>{escape(kop)}</h3>\n" if kop else ""


def _list(punten: tuple[str, ...]) -> str:
    return "<ul>" + "".join(f"<li>{escape(p)}</li>" for p in punten) + "</ul>\n"


def _summary(blok: SamenvattingBlok) -> str:
    s = blok.samenvatting
    delen = [
        '<aside class="samenvatting">',
        "<h3>Managementsamenvatting</h3>",
        f'<p class="kern">{escape(s.titel)}</p>',
        _list(s.bevindingen),
    ]
    if s.discussiepunten:
        delen += ["<h4>Discussiepunten</h4>", _list(s.discussiepunten)]
    if blok.generiek:
        delen.append(
            '<p class="noot">Algemene samenvatting, gemaakt uit de match '
            "(de plugin levert geen eigen samenvatting).</p>"
        )
    delen.append("</aside>")
    return "\n".join(delen)


def _link(schakel: KetenSchakel) -> str:
    waarden = _list(schakel.waarden) if schakel.waarden else ""
    return (
        f'<span class="rol">{escape(schakel.rol)}</span>'
        f"<strong>{escape(schakel.omschrijving)}</strong>{waarden}"
    )


def _chain(keten: Keten) -> str:
    items = "".join(f"<li>{_link(s)}</li>" for s in keten.schakels)
    uit = f'<h3>Resultatenketen</h3>\n<ol class="keten">{items}</ol>\n'
    if keten.opgave is not None:
        uit += f'<div class="opgave">{_link(keten.opgave)}</div>\n'
    return uit


# -- tables -------------------------------------------------------------------------------
def format_cell(kolom: Kolom, waarde: Any) -> str:
    """A cell as text, in Dutch notation, by the column's format."""
    if isinstance(waarde, np.generic):
        waarde = waarde.item()
    if waarde is None or waarde is pd.NA or (isinstance(waarde, float) and math.isnan(waarde)):
        return "" if kolom.formaat == "tekst" else GEEN_GEGEVENS
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if kolom.formaat == "tekst" or isinstance(waarde, str):
        return str(waarde)
    return _FORMATTERS[kolom.formaat](float(waarde), kolom.decimalen)


_FORMATTERS = {
    "aandeel": lambda x, d: percentage(x, 1 if d is None else d),
    "procent": lambda x, d: f"{number(x, d)}%",
    "pp": lambda x, d: points(x, 1 if d is None else d),
    "index": lambda x, d: number(x, 0),
    "aantal": lambda x, d: number(x, 0),
    "getal": lambda x, d: number(x, d),
}


MAX_KOLOMMEN = 7
"""A table with more columns is shown in parts of at most this many columns, each part
repeating the leading text columns (name, group), so that it fits A4 portrait and a
1280 px screen without scrolling."""


def table_parts(tabel: Tabel, max_kolommen: int = MAX_KOLOMMEN) -> list[Tabel]:
    """``tabel`` split by columns into parts that fit the page (itself when it fits)."""
    kolommen = tabel.kolommen
    if len(kolommen) <= max_kolommen:
        return [tabel]
    vast = 0
    while vast < min(2, len(kolommen)) and kolommen[vast].formaat == "tekst":
        vast += 1
    rest = kolommen[vast:]
    aantal = math.ceil(len(rest) / max(1, max_kolommen - vast))
    grenzen = [round(i * len(rest) / aantal) for i in range(aantal + 1)]  # parts of equal size
    return [replace(tabel, kolommen=(*kolommen[:vast], *rest[a:b])) for a, b in pairwise(grenzen)]


def part_key(tabel: Tabel, deel: int) -> str:
    """The HTML id of part ``deel`` (from 1) of a table: ``tabel-<key>``, then ``-deel-2`` …"""
    return f"tabel-{tabel.sleutel}" + (f"-deel-{deel}" if deel > 1 else "")


def _table(tabel: Tabel) -> str:
    """The table in parts (:func:`table_parts`); the last part carries the caption and the
    legend of the whole table, so every coloured column of every part is explained."""
    delen = table_parts(tabel)
    n = len(delen)
    return "\n".join(
        _table_part(
            deel,
            part_key(tabel, i),
            tabel.titel if n == 1 or not tabel.titel else f"{tabel.titel} (deel {i} van {n})",
            geheel=tabel if i == n else None,
        )
        for i, deel in enumerate(delen, start=1)
    )


def _table_part(tabel: Tabel, sleutel: str, titel: str, *, geheel: Tabel | None) -> str:
    """One part of a table; ``geheel`` (the whole table) on the last part only: its caption
    and legend follow this part."""
    met_index = not isinstance(tabel.data.index, pd.RangeIndex)
    kop = (["<th>Code</th>"] if met_index else []) + [
        f'<th class="{_align(k)}">{escape(k.kop)}</th>' for k in tabel.kolommen
    ]
    rijen = [_row(tabel, code, rij, met_index) for code, rij in tabel.rijen()]
    delen = [
        f'<figure class="tabel" id="{escape(sleutel)}">',
        f"<figcaption>{escape(titel)}</figcaption>" if titel else "",
        '<div class="scroll"><table>',
        f"<thead><tr>{''.join(kop)}</tr></thead>",
        f"<tbody>{''.join(rijen)}</tbody>",
        _footer(tabel, met_index),
        "</table></div>",
        f'<p class="bijschrift">{escape(geheel.bijschrift)}</p>'
        if geheel is not None and geheel.bijschrift
        else "",
        _legend(geheel) if geheel is not None else "",
        "</figure>",
    ]
    return "\n".join(d for d in delen if d)


def _align(kolom: Kolom) -> str:
    return "tekst" if kolom.formaat == "tekst" else "getal"


def _row(tabel: Tabel, sleutel: Any, rij: Mapping[Any, Any], met_index: bool) -> str:
    cellen = [f"<th>{escape(str(sleutel))}</th>"] if met_index else []
    for kolom in tabel.kolommen:
        tekst = escape(format_cell(kolom, rij[kolom.naam]))
        if kolom.link and tekst:
            tekst = f'<a href="#{escape(str(rij[kolom.link]))}">{tekst}</a>'
        klasse = cell_class(kolom, sleutel)
        waarde = rij[kolom.naam]
        kort = cell_text(kolom, waarde)
        if kort is not waarde:  # a short word: the full phrase as title and for readers
            voluit = escape(str(waarde))
            cellen.append(
                f'<td class="{_align(kolom)} kort" title="{voluit}">'
                f'<span aria-hidden="true">{escape(str(kort))}</span>'
                f'<span class="sr">{voluit}</span></td>'
            )
        elif klasse and kolom.kleuring is not None:
            titel = escape(kolom.kleuring.legenda[klasse])
            cellen.append(
                f'<td class="{_align(kolom)} k-{klasse}" title="{titel}">{tekst} '
                f'<span class="teken" aria-hidden="true">{kolom.kleuring.symbool(sleutel)}'
                f'</span><span class="sr">({titel})</span></td>'
            )
        else:
            cellen.append(f'<td class="{_align(kolom)}">{tekst}</td>')
    return f"<tr>{''.join(cellen)}</tr>"


def _footer(tabel: Tabel, met_index: bool) -> str:
    rijen = [(label, dict(waarden)) for label, waarden in tabel.voet.items()]
    gekleurd = [k for k in tabel.kolommen if k.kleuring is not None]
    if gekleurd:
        rijen.append(
            (RIJ_GEMIDDELDE, {k.naam: k.kleuring.gemiddelde for k in gekleurd if k.kleuring})
        )
        rijen.append((RIJ_SD, {k.naam: k.kleuring.sd for k in gekleurd if k.kleuring}))
    if not rijen:
        return ""
    html = []
    for label, waarden in rijen:
        cellen = [f"<th>{escape(label)}</th>"] if met_index else []
        for j, kolom in enumerate(tabel.kolommen):
            if j == 0 and not met_index:
                cellen.append(f"<th>{escape(label)}</th>")
                continue
            waarde = waarden.get(kolom.naam)
            tekst = "" if waarde is None else format_cell(kolom, waarde)
            if waarde is not None and label not in tabel.voet and kolom.formaat in _TELLING:
                tekst = number(waarde)  # a count's average keeps its decimals (1,13)
            cellen.append(f'<td class="{_align(kolom)}">{escape(tekst)}</td>')
        html.append(f"<tr>{''.join(cellen)}</tr>")
    return f"<tfoot>{''.join(html)}</tfoot>"


_TELLING = ("aantal", "getal")
"""Formats whose average and deviation rows show their own decimals, not the column's."""


def _legend(tabel: Tabel) -> str:
    """Per kind of colouring the classes with symbol and text, then per coloured column
    which average and exclusions it uses (:func:`oi_rapport.opmaak.legend_entries`)."""
    delen = []
    for soort, klassen in legend_entries(tabel):
        items = "".join(
            f'<li class="k-{k}"><span class="teken">{escape(symbool)}</span> {escape(tekst)}</li>'
            for k, symbool, tekst in klassen
        )
        kop = escape(LEGENDA_KOP[soort])
        delen.append(f'<ul class="legenda" aria-label="{kop}"><li>{kop}:</li>{items}</ul>')
    uitleg = "".join(
        f"<li><b>{escape(k)}</b>: {escape(u)}</li>" for k, u in colour_explanations(tabel)
    )
    if uitleg:
        delen.append(f'<ul class="kleuruitleg">{uitleg}</ul>')
    return "\n".join(delen)


# -- figures ------------------------------------------------------------------------------
def _figure(grafiek: Grafiek, svg: str) -> str:
    bijschrift = (
        f'<p class="bijschrift">{escape(grafiek.bijschrift)}</p>' if grafiek.bijschrift else ""
    )
    sleutel = escape(grafiek.sleutel)
    return f'<figure class="grafiek" id="figuur-{sleutel}">{svg}{bijschrift}</figure>'


# -- front page ---------------------------------------------------------------------------
def _front_page(sectie: Sectie, v: Voorpagina, afbeeldingen: Afbeeldingen) -> str:
    """One activity on one page: finding, map beside the small match table, the trade-offs
    and the questions; a link to the analysis in the appendix."""
    kaart = _figure(v.kaart, afbeeldingen.svg[v.kaart.sleutel]) if v.kaart else ""
    noten = "".join(f'<p class="bijschrift">{escape(t)}</p>' for t in v.toelichting)
    vragen = "".join(f"<li>{escape(p)}</li>" for p in v.vragen)
    vragen = f"<h3>Vragen voor het gesprek</h3><ol>{vragen}</ol>" if vragen else ""
    delen = [
        f'<section class="voorpagina" id="{escape(sectie.sleutel)}">',
        f'<h2>{escape(sectie.titel)} <span class="in-het-kort">in het kort</span></h2>',
        f'<p class="ondertitel">{escape(sectie.ondertitel)}</p>' if sectie.ondertitel else "",
        f'<p class="bevinding">{escape(v.bevinding)}</p>',
        f'<div class="vp-raster"><div class="vp-tabel">{_table(v.match)}{noten}</div>',
        f'<div class="vp-kaart">{kaart}</div></div>' if kaart else "</div>",
        _table(v.afwegingen_tabel()),
        vragen,
        f'<p class="noot">De hele analyse: <a href="#{escape(v.hoofdstuk)}">'
        f"{escape(v.activiteit)} in de bijlage</a>.</p>",
        "</section>",
    ]
    return "\n".join(d for d in delen if d)
