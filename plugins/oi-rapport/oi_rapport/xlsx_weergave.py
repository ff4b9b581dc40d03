"""Drawing the :class:`Rapport` as an Excel workbook (xlsxwriter).

One sheet per section. The section's first table comes first, under a frozen header;
charts stand in a column to the right of it (native Excel charts; maps as images), the
other blocks follow below the table. Derived columns are written as Excel formulas with
the core's value as cached result, so a user can trace and recompute every figure; the
– / + colours are the core's cell classes (:mod:`oi_core.rekenen.kleuring`), written as
static fills, with the average and standard deviation behind them in rows below the table.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
import xlsxwriter  # type: ignore[import-untyped]
from xlsxwriter.format import Format  # type: ignore[import-untyped]
from xlsxwriter.utility import (  # type: ignore[import-untyped]
    xl_col_to_name,
    xl_rowcol_to_cell,
)
from xlsxwriter.workbook import Workbook  # type: ignore[import-untyped]
from xlsxwriter.worksheet import Worksheet  # type: ignore[import-untyped]

from oi_core.gebieden.indeling import Gebiedsindeling
from oi_core.weergave.cellen import XLSX_OPTIES
from oi_core.weergave.kolommen import kop
from oi_core.weergave.tekst import GEEN_GEGEVENS
from oi_rapport.document import (
    RIJ_GEMIDDELDE,
    RIJ_SD,
    Blok,
    Grafiek,
    Keten,
    Kolom,
    Opsomming,
    Rapport,
    SamenvattingBlok,
    Sectie,
    Tabel,
    Tekst,
    all_figures,
    cell_class,
    cell_text,
)
from oi_rapport.figuren import PALET, Afbeeldingen, render_figures, series_names
from oi_rapport.opmaak import (
    KLEUR_TEKST,
    KLEUREN,
    LEGENDA_KOP,
    colour_explanations,
    legend_entries,
)
from oi_rapport.tabellen import auto_decimals

__all__ = ["page_setup", "render_xlsx"]

_GETALNOTATIE = {
    "aandeel": "0.0%",
    "pp": "+0.0;-0.0;0.0",
    "index": "0",
    "aantal": "0",
}
_RIJ_PX = 20
_TEKENS_PER_KOLOM = 17
"""About how many characters of 10-point text fit on one line of a 15 wide column."""
_MIN_BREEDTE = 9
_GRAFIEK_KOLOMMEN = 10
"""Columns (of the default width) a 640 px chart covers to the right of the blocks."""
_STAAND_KOLOMMEN = 9
"""A sheet this many columns wide or wider is printed landscape."""


def render_xlsx(
    rapport: Rapport,
    indeling: Gebiedsindeling | None = None,
    afbeeldingen: Afbeeldingen | None = None,
) -> bytes:
    """The workbook as bytes (nothing is written to disk here); map images from
    ``afbeeldingen`` when given."""
    if afbeeldingen is None:
        kaarten = [g for g in all_figures(rapport) if g.figuur.soort == "kaart"]
        afbeeldingen = render_figures(kaarten, indeling)
    buffer = io.BytesIO()
    wb = xlsxwriter.Workbook(buffer, {"in_memory": True, **XLSX_OPTIES})  # text stays text
    wb.set_properties(
        {
            "title": rapport.titel,
            "subject": rapport.ondertitel,
            "author": "Toolkit Ongelijk investeren (oi-core)",
            "comments": f"Gemaakt op {rapport.gemaakt}",
        }
    )
    bladen = {s.sleutel: s.blad for s in rapport.secties}
    stijlen = _Stijlen(wb)
    for sectie in rapport.secties:
        _sheet_class(sectie)(wb, stijlen, sectie, bladen, afbeeldingen).render()
    wb.close()
    return buffer.getvalue()


def _sheet_class(sectie: Sectie) -> type[_Blad]:
    """A front page has its own sheet layout (:mod:`oi_rapport.xlsx_voorpagina`)."""
    if sectie.voorpagina is None:
        return _Blad
    from oi_rapport.xlsx_voorpagina import VoorpaginaBlad

    return VoorpaginaBlad


class _Stijlen:
    """Cached cell formats."""

    def __init__(self, wb: Workbook) -> None:
        self.wb = wb
        self._cache: dict[tuple[tuple[str, Any], ...], Format] = {}
        basis = {"font_size": 10, "valign": "top"}
        self.titel = wb.add_format(
            {**basis, "bold": True, "font_size": 16, "font_color": "#004699"}
        )
        self.ondertitel = wb.add_format(
            {**basis, "italic": True, "font_color": "#5C5C5C", "text_wrap": True}
        )
        self.kop = wb.add_format(
            {**basis, "bold": True, "font_size": 12, "font_color": "#004699", "text_wrap": True}
        )
        self.tekst = wb.add_format({**basis, "text_wrap": True})
        self.vet = wb.add_format({**basis, "text_wrap": True, "bold": True})
        self.klein = wb.add_format({**basis, "text_wrap": True, "italic": True, "font_size": 9})
        self.kolomkop = wb.add_format(
            {**basis, "bold": True, "text_wrap": True, "bg_color": "#DCE6F0", "bottom": 1}
        )
        self.link = wb.add_format({**basis, "font_color": "#004699", "underline": 1})

    def cell(self, **eigenschappen: Any) -> Format:
        sleutel = tuple(sorted(eigenschappen.items()))
        if sleutel not in self._cache:
            self._cache[sleutel] = self.wb.add_format({"font_size": 10, **eigenschappen})
        return self._cache[sleutel]


def _number_format(kolom: Kolom, decimalen: int | None = None) -> str | None:
    """The Excel number format of ``kolom``; a number column without its own decimals
    takes ``decimalen`` (from its data), so no number is left without a format."""
    if kolom.formaat in _GETALNOTATIE:
        return _GETALNOTATIE[kolom.formaat]
    d = kolom.decimalen if kolom.decimalen is not None else decimalen
    if kolom.formaat in ("getal", "procent") and d is not None:
        notatie = "#,##0" + ("." + "0" * d if d else "")
        return f'{notatie}"%"' if kolom.formaat == "procent" else notatie  # 47 → 47%
    return None


def _cell_format(
    kolom: Kolom, klasse: str, symbool: str = "", decimalen: int | None = None
) -> dict[str, Any]:
    """Number format and, for a coloured cell, the fill of the core's class (static, so
    the workbook shows exactly the class the HTML shows) and its symbol after the number,
    so colour is never the only signal (the cell keeps its number)."""
    uit: dict[str, Any] = {"text_wrap": True, "valign": "top"} if kolom.formaat == "tekst" else {}
    notatie = _number_format(kolom, decimalen)
    if symbool:
        notatie = _with_symbol(notatie or "General", symbool)
    if notatie:
        uit["num_format"] = notatie
    if klasse:
        uit.update(bg_color=KLEUREN[klasse], font_color=KLEUR_TEKST.get(klasse, "#000000"))
    return uit


def _with_symbol(notatie: str, symbool: str) -> str:
    """``0.0%`` → ``0.0%" ▼"``, in every section of the format."""
    return ";".join(f'{deel}" {symbool}"' for deel in notatie.split(";"))


def _is_missing(waarde: Any) -> bool:
    if waarde is None or waarde is pd.NA:
        return True
    return isinstance(waarde, float | np.floating) and math.isnan(waarde)


def _plain(waarde: Any) -> Any:
    if isinstance(waarde, np.generic):
        return waarde.item()
    return waarde


class _Blad:
    """One worksheet: a left column of blocks and a right column of charts."""

    def __init__(
        self,
        wb: Workbook,
        stijlen: _Stijlen,
        sectie: Sectie,
        bladen: dict[str, str],
        afbeeldingen: Afbeeldingen,
    ) -> None:
        self.wb, self.s, self.sectie, self.bladen = wb, stijlen, sectie, bladen
        self.afbeeldingen = afbeeldingen
        self.ws: Worksheet = wb.add_worksheet(sectie.blad)
        self.rij = 0
        tabellen = [b for b in sectie.blokken if isinstance(b, Tabel)]
        self.breedte = max([_MIN_BREEDTE, *(_width(t) for t in tabellen)])
        self.rechts_kolom = self.breedte + 1
        self.rechts_rij = 3
        self.grafieken = 0
        self.tabellen = 0
        self.kopregel: int | None = None

    # -- layout ---------------------------------------------------------------------------
    def render(self) -> None:
        ws = self.ws
        ws.hide_gridlines(2)
        ws.set_column(0, 0, 14)
        ws.set_column(1, self.breedte - 1, 15)
        ws.write(0, 0, self.sectie.titel, self.s.titel)
        ws.set_row(0, 24)
        if self.sectie.ondertitel:
            ws.merge_range(1, 0, 1, self.breedte - 1, self.sectie.ondertitel, self.s.ondertitel)
            regels = math.ceil(len(self.sectie.ondertitel) / (_TEKENS_PER_KOLOM * self.breedte))
            ws.set_row(1, 14 * max(1, regels) + 2)
        self.rij = 3
        blokken = list(self.sectie.blokken)
        eerste = next((b for b in blokken if isinstance(b, Tabel)), None)
        if eerste is not None:
            blokken.remove(eerste)
            self._table(eerste, bevriezen=True)
        for blok in blokken:
            self._block(blok)
        self._page_setup()

    def _page_setup(self) -> None:
        """The sheet's print setup (:func:`page_setup`) over the blocks and the charts beside
        them; the header repeats only when the first table is the sheet's one table."""
        laatste_kolom = self.breedte - 1
        if self.grafieken:
            laatste_kolom = self.rechts_kolom + _GRAFIEK_KOLOMMEN
        kopregel = self.kopregel if self.tabellen == 1 else None
        page_setup(self.ws, max(self.rij, self.rechts_rij), laatste_kolom, kopregel=kopregel)

    def _block(self, blok: Blok) -> None:
        if isinstance(blok, Tabel):
            self._table(blok)
        elif isinstance(blok, Grafiek):
            self._chart(blok)
        elif isinstance(blok, SamenvattingBlok):
            self._summary(blok)
        elif isinstance(blok, Keten):
            self._chain(blok)
        elif isinstance(blok, Opsomming):
            self._heading(blok.kop)
            for punt in blok.punten:
                self._text(f"• {punt}", self.s.tekst)
            self.rij += 1
        elif isinstance(blok, Tekst):
            self._heading(blok.kop)
            for alinea in blok.alineas:
                self._text(alinea, self.s.tekst)
            self.rij += 1

    def _heading(self, tekst: str) -> None:
        """A heading over the width of the blocks, wrapped when long (so print keeps it)."""
        if tekst:
            regels = max(1, math.ceil(len(tekst) / (_TEKENS_PER_KOLOM * 0.8 * self.breedte)))
            self.ws.merge_range(self.rij, 0, self.rij, self.breedte - 1, tekst, self.s.kop)
            self.ws.set_row(self.rij, 18 * regels)
            self.rij += 1

    def _text(self, tekst: str, fmt: Format) -> None:
        tekens = 15 * self.breedte * 1.1
        regels = max(1, math.ceil(len(tekst) / tekens) + tekst.count("\n"))
        self.ws.merge_range(self.rij, 0, self.rij, self.breedte - 1, tekst, fmt)
        self.ws.set_row(self.rij, 14 * regels + 2)
        self.rij += 1

    # -- text blocks ------------------------------------------------------------------------
    def _summary(self, blok: SamenvattingBlok) -> None:
        s = blok.samenvatting
        self._heading("Managementsamenvatting")
        self._text(s.titel, self.s.vet)
        for b in s.bevindingen:
            self._text(f"• {b}", self.s.tekst)
        if s.discussiepunten:
            self._heading("Discussiepunten")
            for d in s.discussiepunten:
                self._text(f"• {d}", self.s.tekst)
        if blok.generiek:
            self._text(
                "Algemene samenvatting, gemaakt uit de match (de plugin levert geen eigen "
                "samenvatting).",
                self.s.klein,
            )
        self.rij += 1

    def _chain(self, keten: Keten) -> None:
        self._heading("Resultatenketen")
        schakels = [*keten.schakels, *([keten.opgave] if keten.opgave else [])]
        for i, schakel in enumerate(schakels):
            pijl = "↓ " if i < len(keten.schakels) - 1 else ""
            self.ws.write(self.rij, 0, f"{schakel.rol} {pijl}".strip(), self.s.vet)
            self.ws.merge_range(self.rij, 1, self.rij, 2, schakel.omschrijving, self.s.tekst)
            tekst = "\n".join(schakel.waarden) or "(geen indicator)"
            self.ws.merge_range(self.rij, 3, self.rij, self.breedte - 1, tekst, self.s.tekst)
            regels = max(len(schakel.waarden), math.ceil(len(schakel.omschrijving) / 30), 1)
            self.ws.set_row(self.rij, 14 * regels + 4)
            self.rij += 1
        self.rij += 1

    # -- tables ---------------------------------------------------------------------------
    def _table(self, tabel: Tabel, *, bevriezen: bool = False) -> _Plaats:
        if tabel.titel:
            self._heading(tabel.titel)
        plaats = _Plaats.of(tabel, self.rij)
        self._header(tabel, plaats)
        self.tabellen += 1
        if bevriezen:
            self.ws.freeze_panes(plaats.kop + 1, plaats.vaste_kolommen(tabel))
            self.kopregel = plaats.kop
        self._rows(tabel, plaats)
        self._footer(tabel, plaats)
        self.rij = plaats.einde + 1
        if tabel.bijschrift:
            self._text(tabel.bijschrift, self.s.klein)
        self._legend(tabel)
        self.rij += 1
        return plaats

    def _header(self, tabel: Tabel, plaats: _Plaats) -> None:
        if plaats.met_index:
            self.ws.write(plaats.kop, 0, _index_name(tabel), self.s.kolomkop)
        for kolom in tabel.kolommen:
            self.ws.write(plaats.kop, plaats.kolom[kolom.naam], kolom.kop, self.s.kolomkop)
        langste = max([len(k.kop) for k in tabel.kolommen] or [10])
        self.ws.set_row(plaats.kop, 14 * min(6, math.ceil(langste / 14)) + 2)

    def _rows(self, tabel: Tabel, plaats: _Plaats) -> None:
        plaats.decimalen = {k.naam: _data_decimals(tabel, k) for k in tabel.kolommen}
        for i, (sleutel, rij) in enumerate(tabel.rijen()):
            r = plaats.eerste + i
            if plaats.met_index:
                self.ws.write(r, 0, str(sleutel), self.s.cell())
            for kolom in tabel.kolommen:
                self._cell(r, plaats, kolom, rij, sleutel)
            self._fit_row(r, tabel, rij)

    def _fit_row(self, r: int, tabel: Tabel, rij: Mapping[Any, Any]) -> None:
        """A row of wrapped text gets the height of its longest text (15 wide columns)."""
        teksten = [str(cell_text(k, rij[k.naam])) for k in tabel.kolommen if k.formaat == "tekst"]
        regels = max([math.ceil(len(t) / _TEKENS_PER_KOLOM) for t in teksten] or [1])
        if regels > 1:
            self.ws.set_row(r, 13 * min(regels, 12) + 2)

    def _cell(
        self, r: int, plaats: _Plaats, kolom: Kolom, rij: Mapping[Any, Any], sleutel: Any
    ) -> None:
        c = plaats.kolom[kolom.naam]
        waarde = _plain(cell_text(kolom, rij[kolom.naam]))
        symbool = kolom.kleuring.symbool(sleutel) if kolom.kleuring is not None else ""
        klasse = cell_class(kolom, sleutel)
        d = plaats.decimalen.get(kolom.naam)
        fmt = self.s.cell(**_cell_format(kolom, klasse, symbool, d))
        if kolom.link and not _is_missing(waarde):
            doel = self.bladen.get(str(rij[kolom.link]), "")
            self.ws.write_url(r, c, f"internal:'{doel}'!A1", self.s.link, str(waarde))
        elif _is_missing(waarde) and kolom.formaat != "tekst":
            self.ws.write_string(r, c, GEEN_GEGEVENS, fmt)
        elif _is_missing(waarde):
            self.ws.write_blank(r, c, None, fmt)
        elif kolom.formule:
            formule = plaats.formula(kolom.formule, r)
            self.ws.write_formula(r, c, formule, fmt, waarde)
        elif isinstance(waarde, bool):
            self.ws.write_string(r, c, "ja" if waarde else "nee", fmt)
        else:
            self.ws.write(r, c, waarde, fmt)

    def _footer(self, tabel: Tabel, plaats: _Plaats) -> None:
        for label, r in plaats.voetrijen.items():
            rand = 1 if r == plaats.laatste + 1 else 0
            self.ws.write(r, 0, label, self.s.cell(italic=True, top=rand, text_wrap=True))
            if len(label) > _TEKENS_PER_KOLOM:
                self.ws.set_row(r, 13 * math.ceil(len(label) / (_TEKENS_PER_KOLOM - 3)) + 2)
            waarden = tabel.voet.get(label) or _colour_row(tabel, label)
            for naam, waarde in waarden.items():
                if naam in plaats.kolom and not _is_missing(waarde):
                    kolom = next(k for k in tabel.kolommen if k.naam == naam)
                    d = plaats.decimalen.get(naam)
                    notatie = _number_format(kolom, d) if label in tabel.voet else "#,##0.00"
                    fmt = self.s.cell(italic=True, num_format=notatie or "General")
                    self.ws.write(r, plaats.kolom[naam], _plain(waarde), fmt)

    def _legend(self, tabel: Tabel) -> None:
        """The same legend as the HTML (:func:`oi_rapport.opmaak.legend_entries`): per kind
        the classes with symbol and text, then per coloured column its average."""
        for soort, klassen in legend_entries(tabel):
            self.ws.write(self.rij, 0, f"{LEGENDA_KOP[soort]}:", self.s.klein)
            for i, (klasse, symbool, tekst) in enumerate(klassen, start=1):
                kleur = {"bg_color": KLEUREN[klasse], "text_wrap": True, "valign": "top"}
                fmt = self.s.cell(font_color=KLEUR_TEKST.get(klasse, "#000000"), **kleur)
                self.ws.write_string(self.rij, i, f"{symbool} {tekst}", fmt)
            self.ws.set_row(self.rij, 54)
            self.rij += 1
        for kolomkop, uitleg in colour_explanations(tabel):
            self._text(f"{kolomkop}: {uitleg}", self.s.klein)

    # -- charts ---------------------------------------------------------------------------
    def _chart(self, grafiek: Grafiek) -> None:
        figuur = grafiek.figuur
        gegevens = _chart_data(grafiek)
        plaats = self._table(gegevens)
        if figuur.soort == "kaart":
            self._image(grafiek)
        elif figuur.soort == "heatmap":
            self._heatmap(gegevens, plaats)
        else:
            self._native_chart(grafiek, gegevens, plaats)

    def _place(self, hoogte_px: int) -> tuple[int, int]:
        rij = self.rechts_rij
        self.rechts_rij += math.ceil(hoogte_px / _RIJ_PX) + 2
        self.grafieken += 1
        return rij, self.rechts_kolom

    def _image(self, grafiek: Grafiek) -> None:
        png = self.afbeeldingen.png.get(grafiek.sleutel)
        if png is None:  # the figure could not be drawn; the HTML report says why
            return
        rij, kolom = self._place(500)
        self.ws.insert_image(
            rij,
            kolom,
            f"{grafiek.sleutel}.png",
            {
                "image_data": io.BytesIO(png),
                "object_position": 3,
                "description": grafiek.figuur.titel,
                "x_scale": 0.9,
                "y_scale": 0.9,
            },
        )

    def _heatmap(self, gegevens: Tabel, plaats: _Plaats) -> None:
        for kolom in gegevens.kolommen[1:]:
            c = plaats.kolom[kolom.naam]
            self.ws.conditional_format(
                plaats.eerste,
                c,
                plaats.laatste,
                c,
                {
                    "type": "3_color_scale",
                    "min_color": KLEUREN["min"],
                    "mid_color": KLEUREN["gemiddeld"],
                    "max_color": KLEUREN["plus"],
                },
            )

    def _native_chart(self, grafiek: Grafiek, gegevens: Tabel, plaats: _Plaats) -> None:
        figuur = grafiek.figuur
        soort = {"staaf": "column", "lijn": "line", "spreiding": "scatter"}[figuur.soort]
        liggend = figuur.soort == "staaf" and len(gegevens.data) > 12
        chart = self.wb.add_chart({"type": "bar" if liggend else soort})
        if chart is None:  # pragma: no cover - xlsxwriter returns None for unknown types
            return
        naam = self.sectie.blad
        if figuur.soort == "spreiding":
            _scatter_series(chart, naam, gegevens, plaats, figuur.label is not None)
        else:
            _category_series(chart, naam, gegevens, plaats)
        chart.set_title({"name": _chart_name(figuur.titel), "name_font": {"size": 11}})
        chart.set_legend({"position": "bottom"} if len(gegevens.kolommen) > 2 else {"none": True})
        chart.set_x_axis(
            {"name": _chart_name(figuur.x_label), "reverse": liggend}
            if liggend or figuur.x_label
            else {}
        )
        chart.set_y_axis(
            {
                "name": _chart_name(figuur.y_label),
                "major_gridlines": {"visible": True, "line": {"color": "#E3E3E3"}},
            }
        )
        hoogte = 340 if not liggend else max(340, 18 * len(gegevens.data) + 120)
        chart.set_size({"width": 640, "height": hoogte})
        rij, kolom = self._place(hoogte)
        self.ws.insert_chart(rij, kolom, chart, {"object_position": 3})


def page_setup(
    ws: Worksheet,
    laatste_rij: int,
    laatste_kolom: int,
    *,
    kopregel: int | None = None,
    staand: bool = False,
) -> None:
    """Print setup of a sheet of the report: A4, one page wide, portrait unless it is wide
    (``staand``: always portrait, e.g. a front page), a print area up to
    ``laatste_rij``/``laatste_kolom`` (0-based), page numbers, and the row ``kopregel``
    repeated on every page (only for a sheet whose one table it heads)."""
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.center_horizontally()
    ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    ws.set_footer("&L&8&A&R&8Pagina &P van &N")
    if laatste_kolom >= _STAAND_KOLOMMEN and not staand:
        ws.set_landscape()
    else:
        ws.set_portrait()
    ws.print_area(0, 0, laatste_rij, laatste_kolom)
    if kopregel is not None:
        ws.repeat_rows(kopregel)


def _category_series(chart: Any, blad: str, gegevens: Tabel, plaats: _Plaats) -> None:
    categorie = plaats.bereik(blad, gegevens.kolommen[0].naam)
    for i, kolom in enumerate(gegevens.kolommen[1:]):
        kleur = PALET[i % len(PALET)]
        chart.add_series(
            {
                "name": _chart_name(kolom.kop),
                "categories": categorie,
                "values": plaats.bereik(blad, kolom.naam),
                "fill": {"color": kleur},
                "line": {"color": kleur},
                "marker": {"type": "circle", "fill": {"color": kleur}, "border": {"color": kleur}},
            }
        )


def _scatter_series(
    chart: Any, blad: str, gegevens: Tabel, plaats: _Plaats, met_labels: bool
) -> None:
    x_kolom, y_kolom = gegevens.kolommen[1], gegevens.kolommen[2]
    reeks: dict[str, Any] = {
        "name": _chart_name(y_kolom.kop),
        "categories": plaats.bereik(blad, x_kolom.naam),
        "values": plaats.bereik(blad, y_kolom.naam),
        "marker": {
            "type": "circle",
            "size": 6,
            "fill": {"color": "#004699"},
            "border": {"color": "#004699"},
        },
    }
    if met_labels:
        c = plaats.kolom[gegevens.kolommen[0].naam]
        reeks["data_labels"] = {
            "custom": [
                {"value": f"='{blad}'!{xl_rowcol_to_cell(r, c, row_abs=True, col_abs=True)}"}
                for r in range(plaats.eerste, plaats.laatste + 1)
            ],
            "position": "right",
            "font": {"size": 7},
        }
    chart.add_series(reeks)


_VERWIJZING = re.compile(r"^=?[^!]+!\$?[A-Z]+\$?\d+")
"""What xlsxwriter takes for a cell reference in a chart's title or series name."""


def _chart_name(tekst: str | None) -> str | None:
    """A chart or series name that xlsxwriter writes as text, never as a reference: a
    name that looks like ``Blad!A1`` (or ``=cmd|' /C calc'!A0``) gets an invisible word
    joiner after each ``!``; every other name is kept exactly."""
    if tekst is None or not _VERWIJZING.match(tekst):
        return tekst
    return tekst.replace("!", "!\u2060")


def _chart_data(grafiek: Grafiek) -> Tabel:
    """The figure's data as a small table in the sheet, which the native chart reads."""
    figuur = grafiek.figuur
    namen = series_names(figuur)
    data = figuur.data
    if figuur.soort == "spreiding":
        label = figuur.label or figuur.x or ""
        labels = data[label] if label in data.columns else pd.Series(data.index, index=data.index)
        x = data[figuur.x] if figuur.x else pd.Series(range(1, len(data) + 1), index=data.index)
        tabel = pd.DataFrame({"label": labels.astype(str), "x": x, "y": data[namen[0]]})
        kolommen = [
            Kolom("label", kop(figuur.label) if figuur.label else "Label", "tekst"),
            Kolom("x", figuur.x_label or kop(str(figuur.x)), decimalen=auto_decimals(tabel.x)),
            Kolom("y", figuur.y_label or kop(namen[0]), decimalen=auto_decimals(tabel.y)),
        ]
    else:
        labels = data[figuur.x] if figuur.x else pd.Series(data.index, index=data.index)
        tabel = pd.DataFrame({"label": labels.astype(str)})
        kolommen = [Kolom("label", figuur.x_label or kop(str(figuur.x or "gebied")), "tekst")]
        for i, naam in enumerate(namen):
            tabel[f"s{i}"] = data[naam].to_numpy(dtype=float)
            kolommen.append(Kolom(f"s{i}", kop(naam), decimalen=auto_decimals(tabel[f"s{i}"])))
    tabel.index = pd.RangeIndex(len(tabel))
    return Tabel(
        f"{grafiek.sleutel}-gegevens",
        f"Gegevens bij de figuur: {figuur.titel}",
        tabel,
        tuple(kolommen),
    )


def _colour_row(tabel: Tabel, label: str) -> dict[str, float]:
    if label == RIJ_GEMIDDELDE:
        return {k.naam: k.kleuring.gemiddelde for k in tabel.kolommen if k.kleuring}
    if label == RIJ_SD:
        return {k.naam: k.kleuring.sd for k in tabel.kolommen if k.kleuring}
    return {}


def _data_decimals(tabel: Tabel, kolom: Kolom) -> int | None:
    if kolom.naam not in tabel.data.columns:
        return None
    return auto_decimals(tabel.data[kolom.naam])


def _index_name(tabel: Tabel) -> str:
    naam = tabel.data.index.name
    return "Code" if not naam or naam == "gebied" else kop(str(naam))


def _width(tabel: Tabel) -> int:
    return len(tabel.kolommen) + (0 if isinstance(tabel.data.index, pd.RangeIndex) else 1)


class _Plaats:
    """Where a table landed: its rows and columns, for formulas, charts and colours."""

    def __init__(self, tabel: Tabel, kop: int) -> None:
        self.met_index = not isinstance(tabel.data.index, pd.RangeIndex)
        start = 1 if self.met_index else 0
        self.kolom = {k.naam: start + i for i, k in enumerate(tabel.kolommen)}
        self.kop = kop
        self.eerste = kop + 1
        self.laatste = kop + len(tabel.data)
        labels = list(tabel.voet)
        if any(k.kleuring for k in tabel.kolommen):
            labels += [RIJ_GEMIDDELDE, RIJ_SD]
        self.voetrijen = {label: self.laatste + 1 + i for i, label in enumerate(labels)}
        self.einde = self.laatste + len(labels)
        self.decimalen: dict[str, int | None] = {}

    @classmethod
    def of(cls, tabel: Tabel, kop: int) -> _Plaats:
        return cls(tabel, kop)

    def vaste_kolommen(self, tabel: Tabel) -> int:
        n = 1 if self.met_index else 0
        for kolom in tabel.kolommen[:2]:
            if kolom.formaat != "tekst":
                break
            n += 1
        return n

    def bereik(self, blad: str, naam: str) -> str:
        kolom = xl_col_to_name(self.kolom[naam])
        return f"='{blad}'!${kolom}${self.eerste + 1}:${kolom}${self.laatste + 1}"

    def formula(self, sjabloon: str, rij: int) -> str:
        return re.sub(r"\{([^{}]+)\}", lambda m: self._reference(m.group(1), rij), sjabloon)

    def _reference(self, token: str, rij: int) -> str:
        label = None
        if "@" in token:
            token, label = token.split("@", 1)
        if token.endswith(":alle"):
            c = self.kolom[token[: -len(":alle")]]
            return (
                f"{xl_rowcol_to_cell(self.eerste, c, row_abs=True, col_abs=True)}:"
                f"{xl_rowcol_to_cell(self.laatste, c, row_abs=True, col_abs=True)}"
            )
        r = self.voetrijen[label] if label else rij
        absoluut = label is not None
        if ".." in token:
            a, b = token.split("..", 1)
            return (
                f"{xl_rowcol_to_cell(r, self.kolom[a], row_abs=absoluut)}:"
                f"{xl_rowcol_to_cell(r, self.kolom[b], row_abs=absoluut)}"
            )
        return str(xl_rowcol_to_cell(r, self.kolom[token], row_abs=absoluut))
