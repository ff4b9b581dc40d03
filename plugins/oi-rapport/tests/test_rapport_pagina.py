"""The default report fits the page: on a 1280 px screen and on A4 in print, in headless
Chromium, and as the PDF of ``oi rapport --pdf`` (read back with pypdf).

Every table and chart is measured in the browser: none is wider than its container, so
nothing hides behind a horizontal scrollbar. In print (A4 portrait) the same holds, and the
PDF has a page number on every page, page numbers in its contents that point at the
chapters, every column header of every table on a page, and alternative text on every chart
and map. Chromium comes from the fixture ``oi_chromium`` (marker ``slow``).
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from oi_rapport import RapportOpties, RapportUitkomst, Tabel, make_report
from oi_rapport.document import Grafiek, all_figures
from oi_rapport.html_weergave import part_key, table_parts
from oi_rapport.pdf import chapter_pages
from pypdf import PdfReader

from oi_core.testing import load_test_module

W = load_test_module(Path(__file__).with_name("test_rapport_weergave.py"), "_rapport_weergave_pg")

pytestmark = pytest.mark.slow

METEN = """
(() => {
  const te_breed = [];
  const items = [...document.querySelectorAll('figure.tabel table, svg.figuur')];
  for (const el of items) {
    const bak = el.closest('div.scroll') || el.closest('figure') || el.parentElement;
    const ruimte = bak.parentElement.getBoundingClientRect().width;
    const breed = Math.max(el.getBoundingClientRect().width, el.scrollWidth || 0);
    const schuift = bak.scrollWidth > bak.clientWidth + 1;
    if (breed > ruimte + 1 || schuift) {
      const f = el.closest('figure');
      te_breed.push((f && f.id) + ' ' + Math.round(breed) + ' > ' + Math.round(ruimte));
    }
  }
  return {aantal: items.length, te_breed: te_breed,
          pagina: document.documentElement.scrollWidth, venster: window.innerWidth};
})()
"""


RIJREGELS = """
(() => {
  const uit = {};
  for (const f of document.querySelectorAll('figure.tabel')) {
    if (!/^tabel-.+-match(-deel-\\d+)?$/.test(f.id)) continue;
    uit[f.id] = [...f.querySelectorAll('tbody tr')].map((tr) => {
      const td = tr.querySelector('td');
      const s = getComputedStyle(td);
      const regel = parseFloat(s.lineHeight) || 1.2 * parseFloat(s.fontSize);
      const binnen = td.getBoundingClientRect().height - parseFloat(s.paddingTop)
        - parseFloat(s.paddingBottom) - parseFloat(s.borderBottomWidth);
      return Math.round(100 * binnen / regel) / 100;
    });
  }
  return uit;
})()
"""
"""Per part of every activity's match table: the height of each body row in text lines."""


@pytest.fixture(scope="module")
def uitkomst(oi_chromium: str, tmp_path_factory: pytest.TempPathFactory) -> RapportUitkomst:
    map_ = tmp_path_factory.mktemp("pagina")
    return make_report(RapportOpties(uitvoer=map_, pdf=True))


@pytest.fixture(scope="module")
def chromium(oi_chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    browser = W.Chromium(oi_chromium, tmp_path_factory.mktemp("profiel-pagina"))
    try:
        yield browser
    finally:
        browser.close()


@pytest.fixture(scope="module")
def pdf(uitkomst: RapportUitkomst) -> PdfReader:
    assert uitkomst.pdf is not None and uitkomst.pdf.read_bytes().startswith(b"%PDF")
    return PdfReader(uitkomst.pdf)


def _measure(
    chromium: object, uitkomst: RapportUitkomst, breedte: int, print_: bool, js: str = METEN
) -> dict:
    sessie = chromium.open(uitkomst.html.as_uri())  # type: ignore[attr-defined]
    chromium.call(  # type: ignore[attr-defined]
        "Emulation.setDeviceMetricsOverride",
        sessie,
        width=breedte,
        height=1000,
        deviceScaleFactor=1,
        mobile=False,
    )
    if print_:
        chromium.call("Emulation.setEmulatedMedia", sessie, media="print")  # type: ignore[attr-defined]
    uit: dict = chromium.evaluate(sessie, js)  # type: ignore[attr-defined]
    return uit


def test_every_table_and_figure_fits_a_1280_px_screen(
    chromium: object, uitkomst: RapportUitkomst
) -> None:
    uit = _measure(chromium, uitkomst, 1280, print_=False)
    tabellen = sum(
        len(table_parts(b))
        for s in uitkomst.rapport.secties
        for b in s.blokken
        if isinstance(b, Tabel)
    )
    assert uit["aantal"] >= tabellen + len(all_figures(uitkomst.rapport))
    assert uit["te_breed"] == []
    assert uit["pagina"] <= uit["venster"]  # no horizontal scrollbar on the page either


def test_every_table_and_figure_fits_a4_portrait_in_print(
    chromium: object, uitkomst: RapportUitkomst
) -> None:
    """A4 is 21 cm wide; less 2 × 1,5 cm margin that is 18 cm = 680 CSS pixels."""
    uit = _measure(chromium, uitkomst, 680, print_=True)
    assert uit["te_breed"] == []


@pytest.mark.parametrize(("breedte", "print_"), [(1280, False), (680, True)])
def test_every_row_of_the_match_table_is_one_or_two_lines_high(
    chromium: object, uitkomst: RapportUitkomst, breedte: int, print_: bool
) -> None:
    """The signal's short word (▼ minder) keeps a row low: on a 1280 px screen and on A4
    every body row of every activity's match table is at most two text lines high."""
    uit = _measure(chromium, uitkomst, breedte, print_, RIJREGELS)
    sleutels = {f"{h.registratie.activiteit.code}-match" for h in uitkomst.hoofdstukken}
    tabellen = [
        b
        for s in uitkomst.rapport.secties
        for b in s.blokken
        if isinstance(b, Tabel) and b.sleutel in sleutels
    ]
    assert len(tabellen) == len(sleutels) == 4
    delen = [part_key(t, n) for t in tabellen for n in range(1, len(table_parts(t)) + 1)]
    assert all(uit.get(d) for d in delen), (delen, list(uit))
    te_hoog = {d: max(uit[d]) for d in delen if max(uit[d]) > 2.1}
    assert not te_hoog, te_hoog


def _texts(pdf: PdfReader) -> list[str]:
    return [p.extract_text() or "" for p in pdf.pages]


def test_the_pdf_has_a_page_number_on_every_page(pdf: PdfReader) -> None:
    teksten = _texts(pdf)
    n = len(teksten)
    assert n >= 20
    for i, tekst in enumerate(teksten, start=1):
        assert f"Pagina {i} van {n}" in tekst, i


def test_the_contents_give_the_page_of_every_chapter(
    pdf: PdfReader, uitkomst: RapportUitkomst
) -> None:
    teksten = _texts(pdf)
    assert uitkomst.pdf is not None
    koppen = [
        (s.sleutel, f"{s.titel} in het kort" if s.voorpagina is not None else s.titel)
        for s in uitkomst.rapport.secties
    ]
    paginas = chapter_pages(uitkomst.pdf.read_bytes(), koppen)
    assert set(paginas) == {s.sleutel for s in uitkomst.rapport.secties}
    for sectie in uitkomst.rapport.secties:  # the heading is on the page the contents name
        kop = _plain(sectie.titel)
        assert kop in _plain(teksten[paginas[sectie.sleutel] - 1]), sectie.titel
    getallen = [int(g) for g in re.findall(r"^\s*(\d+)\s*$", teksten[0], flags=re.M)]
    assert getallen == [paginas[s.sleutel] for s in uitkomst.rapport.secties]  # the contents
    voorpaginas = [s for s in uitkomst.rapport.secties if s.voorpagina is not None]
    assert [paginas[s.sleutel] for s in voorpaginas] == list(range(2, 2 + len(voorpaginas)))


def _plain(tekst: str) -> str:
    """Text without spaces, line breaks or soft hyphens: a wrapped header reads as one."""
    return re.sub(r"[\s\u00ad-]+", "", tekst)


def test_no_column_of_any_table_is_cut_off_in_the_pdf(
    pdf: PdfReader, uitkomst: RapportUitkomst
) -> None:
    """Every column header of every table is text in the PDF: at least half of its words
    (a column cut off at the page edge loses all; a header that wraps mid-word loses one)."""
    alles = _plain(" ".join(_texts(pdf))).lower()
    ontbreekt = []
    for s in uitkomst.rapport.secties:
        for b in s.blokken:
            for k in b.kolommen if isinstance(b, Tabel) else ():
                woorden = re.findall(r"[^\W\d_]{4,}", k.kop.lower())
                if woorden and 2 * sum(w in alles for w in woorden) < len(woorden):
                    ontbreekt.append((b.sleutel, k.kop))
    assert ontbreekt == []


def test_each_front_page_is_one_a4_page(pdf: PdfReader, uitkomst: RapportUitkomst) -> None:
    teksten = [_plain(t) for t in _texts(pdf)]
    for s in uitkomst.rapport.secties:
        if s.voorpagina is None:
            continue
        pagina = next(i for i, t in enumerate(teksten) if _plain(f"{s.titel}in het kort") in t)
        assert _plain("Vragen voor het gesprek") in teksten[pagina] or not s.voorpagina.vragen
        assert _plain(f"{s.titel} in de bijlage") in teksten[pagina], s.titel


def test_every_chart_and_map_has_alternative_text(uitkomst: RapportUitkomst) -> None:
    html = uitkomst.html.read_text(encoding="utf-8")
    svgs = re.findall(r"<svg [^>]*>", html)
    assert len(svgs) == len(all_figures(uitkomst.rapport)) >= 10
    for svg in svgs:
        label = re.search(r'aria-label="([^"]+)"', svg)
        assert 'role="img"' in svg and label is not None and len(label.group(1)) > 20, svg


def test_a_front_page_renders_as_a_picture_with_a_map(
    chromium: object, uitkomst: RapportUitkomst
) -> None:
    kaarten = [g for g in all_figures(uitkomst.rapport) if isinstance(g, Grafiek)]
    assert any(g.figuur.soort == "kaart" for g in kaarten)
    sessie = chromium.open(uitkomst.html.as_uri())  # type: ignore[attr-defined]
    png = chromium.call("Page.captureScreenshot", sessie, format="png")  # type: ignore[attr-defined]
    assert base64.b64decode(png["data"]).startswith(b"\x89PNG")
