"""The default report: every coloured cell against its value, its stated average and band.

For each coloured cell the expected class is derived again from what the report *states*:
the cell's value, the average and standard deviation in the rows under the table and the
legend's band (OI-index: the signal's band, dark below 50 or above 200). The HTML and the
workbook must both show that class, its symbol next to the value, and a legend line per
coloured column naming that average. Counts are never coloured against the city total;
the OI-index's legend never says better or worse. A wide table is split into parts in the
HTML (:func:`~oi_rapport.html_weergave.table_parts`): a cell is looked up in its part, and the
legend of the whole table follows the last part. The front pages' small tables carry no
colour (the map beside them does) and are checked for that.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser

import numpy as np
import openpyxl
import pytest
from matplotlib.colors import to_hex
from oi_rapport import RapportOpties, RapportUitkomst, Tabel, make_report
from oi_rapport.document import Grafiek, all_figures
from oi_rapport.figuren import alt_text, draw
from oi_rapport.html_weergave import part_key, table_parts
from oi_rapport.kaart import AFWIJKEND_LEGENDA, GEBIEDEN_GID, GRIJS, area_shapes
from oi_rapport.opmaak import KLEUREN
from openpyxl.worksheet.worksheet import Worksheet

from oi_core.gebieden.indeling import Gebiedsindeling
from oi_core.model.activiteit import Richting
from oi_core.rekenen.kern import BAND, grenzen
from oi_core.rekenen.kleuring import INDEX_STERK, LEGENDA, SYMBOLEN, Kleuring
from oi_core.weergave.tekst import getal

KLEUR = {v.lstrip("#").upper(): k for k, v in KLEUREN.items()}


def _part(tabel: Tabel, kolom: str) -> tuple[str, int]:
    """The HTML part holding column ``kolom`` of ``tabel`` and the column's place in it."""
    for n, deel in enumerate(table_parts(tabel), start=1):
        namen = [k.naam for k in deel.kolommen]
        if kolom in namen:
            return part_key(tabel, n)[len("tabel-") :], namen.index(kolom)
    raise AssertionError(f"kolom {kolom} van {tabel.sleutel} in geen enkel deel")


def _last_part(tabel: Tabel) -> str:
    return part_key(tabel, len(table_parts(tabel)))[len("tabel-") :]


class _Cellen(HTMLParser):
    """Per table part (its id without ``tabel-``: ``<key>``, ``<key>-deel-2`` …): per body
    row the (class, text) of every cell; and the legend texts under that part."""

    def __init__(self) -> None:
        super().__init__()
        self.rijen: dict[str, list[list[tuple[str, str]]]] = {}
        self.legenda: dict[str, list[str]] = {}
        self._tabel: str | None = None
        self._deel = ""
        self._cel: list[str] | None = None
        self._klasse = ""
        self._lijst: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "figure" and (a.get("id") or "").startswith("tabel-"):
            self._tabel = str(a["id"])[len("tabel-") :]
            self.rijen[self._tabel], self.legenda[self._tabel] = [], []
        elif self._tabel and tag == "tbody":
            self._deel = tag
        elif self._tabel and self._deel == "tbody" and tag == "tr":
            self.rijen[self._tabel].append([])
        elif self._tabel and self._deel == "tbody" and tag == "td":
            klassen = (a.get("class") or "").split()
            self._klasse = next((k[2:] for k in klassen if k.startswith("k-")), "")
            self._cel = []
        elif self._tabel and tag == "ul":
            self._lijst = []

    def handle_data(self, data: str) -> None:
        for bak in (self._cel, self._lijst):
            if bak is not None:
                bak.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self._cel is not None and self._tabel:
            self.rijen[self._tabel][-1].append((self._klasse, "".join(self._cel)))
            self._cel = None
        elif tag == "ul" and self._lijst is not None and self._tabel:
            self.legenda[self._tabel].append(" ".join(self._lijst))
            self._lijst = None
        elif tag == "tbody":
            self._deel = ""
        elif tag == "figure":
            self._tabel = None


@pytest.fixture(scope="module")
def uitkomst(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RapportUitkomst]:
    yield make_report(RapportOpties(uitvoer=tmp_path_factory.mktemp("kleuren")))


@pytest.fixture(scope="module")
def html(uitkomst: RapportUitkomst) -> _Cellen:
    lezer = _Cellen()
    lezer.feed(uitkomst.html.read_text(encoding="utf-8"))
    return lezer


@pytest.fixture(scope="module")
def boek(uitkomst: RapportUitkomst) -> openpyxl.Workbook:
    return openpyxl.load_workbook(uitkomst.xlsx)


def _coloured(uitkomst: RapportUitkomst) -> Iterator[tuple[str, Tabel]]:
    """The coloured tables of the appendix; a front page's tables carry no colour
    (:func:`test_the_front_pages_tables_carry_no_colour`)."""
    for sectie in uitkomst.rapport.secties:
        if sectie.voorpagina is not None:
            continue
        for blok in sectie.blokken:
            if isinstance(blok, Tabel) and any(k.kleuring for k in blok.kolommen):
                yield sectie.blad, blok


def _expected(k: Kleuring, waarde: float) -> str:
    """The class that the stated average, deviation and band give ``waarde``."""
    if np.isnan(waarde):
        return ""
    if k.soort == "index":
        laag, hoog = k.grenzen or grenzen(BAND)
        if waarde < laag:
            return "min_sterk" if waarde < min(laag, 100 / INDEX_STERK) else "min"
        if waarde > hoog:
            return "plus_sterk" if waarde > max(hoog, 100 * INDEX_STERK) else "plus"
        return "gemiddeld"
    verschil = waarde - k.gemiddelde
    if verschil == 0:
        return "gemiddeld"
    beter = (verschil > 0) == (k.richting is Richting.HOGER_IS_BETER)
    sterk = k.sd > 0 and abs(verschil) > k.sd
    return ("plus" if beter else "min") + ("_sterk" if sterk else "")


def _header(ws: Worksheet, tabel: Tabel) -> tuple[int, int]:
    koppen = [k.kop for k in tabel.kolommen]
    for rij in ws.iter_rows():
        waarden = [c.value for c in rij]
        for begin in (0, 1):
            if waarden[begin : begin + len(koppen)] == koppen:
                return int(rij[0].row), begin + 1
    raise AssertionError(f"kopregel van '{tabel.titel}' niet gevonden")


def _fill(ws: Worksheet, rij: int, kolom: int) -> str:
    kleur = ws.cell(rij, kolom).fill.fgColor.rgb
    return KLEUR.get(str(kleur)[-6:].upper(), "") if isinstance(kleur, str) else ""


def test_every_coloured_cell_follows_its_value_average_and_band_in_html_and_xlsx(
    uitkomst: RapportUitkomst, html: _Cellen, boek: openpyxl.Workbook
) -> None:
    getoetst = 0
    for blad, tabel in _coloured(uitkomst):
        ws = boek[blad]
        kop, eerste = _header(ws, tabel)
        for j, kolom in enumerate(tabel.kolommen):
            k = kolom.kleuring
            if k is None:
                continue
            deel, jd = _part(tabel, kolom.naam)
            rijen = html.rijen[deel]
            for i, label in enumerate(tabel.data.index):
                waarde = float(tabel.data[kolom.naam].iloc[i])
                verwacht = _expected(k, waarde)
                plek = (tabel.sleutel, kolom.kop, label, waarde)
                assert k.klasse(label) == verwacht, plek
                klasse, tekst = rijen[i][jd]
                assert klasse == verwacht, plek
                cel = ws.cell(kop + 1 + i, eerste + j)
                assert _fill(ws, kop + 1 + i, eerste + j) == verwacht, plek
                if verwacht:
                    symbool = k.symbool(label)
                    assert symbool in tekst, plek  # colour is never the only signal
                    assert cel.number_format.endswith(f'" {symbool}"'), plek
                getoetst += bool(verwacht)
    assert getoetst > 150


def test_every_coloured_column_states_its_average_in_both_legends(
    uitkomst: RapportUitkomst, html: _Cellen, boek: openpyxl.Workbook
) -> None:
    for blad, tabel in _coloured(uitkomst):
        xlsx = " ".join(str(c.value) for r in boek[blad].iter_rows() for c in r if c.value)
        legenda = " ".join(html.legenda[_last_part(tabel)])
        for n in range(1, len(table_parts(tabel))):  # the legend only under the last part
            assert not html.legenda[part_key(tabel, n)[len("tabel-") :]], (tabel.sleutel, n)
        for kolom in tabel.kolommen:
            if kolom.kleuring is None:
                continue
            regel = f"{kolom.kop}: {kolom.kleuring.uitleg}"
            assert kolom.kleuring.uitleg in legenda, (tabel.sleutel, kolom.kop)
            assert regel in xlsx, (blad, kolom.kop)
            if kolom.kleuring.soort == "indicator":
                assert "t.o.v." in kolom.kleuring.uitleg


def test_the_index_legend_and_text_never_say_better_or_worse(
    uitkomst: RapportUitkomst, html: _Cellen
) -> None:
    for _, tabel in _coloured(uitkomst):
        for kolom in tabel.kolommen:
            if kolom.kleuring is not None and kolom.kleuring.soort == "index":
                assert not re.search(r"beter|slechter", kolom.kleuring.uitleg)
        legenda = html.legenda[_last_part(tabel)]
        index = [t for t in legenda if t.startswith("Kleur van de OI-index")]
        assert all(not re.search(r"beter|slechter", t) for t in index)
        if any(k.kleuring is not None and k.kleuring.soort == "index" for k in tabel.kolommen):
            assert index, tabel.sleutel  # the OI-index has its own legend
    tekst = uitkomst.html.read_text(encoding="utf-8")
    assert not re.search(r"OI-index[^.<]{0,40}\b(beter|slechter)\b", tekst)


def test_the_front_pages_tables_carry_no_colour(
    uitkomst: RapportUitkomst, html: _Cellen, boek: openpyxl.Workbook
) -> None:
    """The small match table of a front page shows plain values (the colours are on the
    map beside it): no coloured column, no coloured cell, no legend, in HTML and xlsx."""
    voorpaginas = [s for s in uitkomst.rapport.secties if s.voorpagina is not None]
    assert voorpaginas
    for sectie in voorpaginas:
        tabellen = [b for b in sectie.blokken if isinstance(b, Tabel)]
        assert tabellen, sectie.sleutel
        for tabel in tabellen:
            assert not any(k.kleuring for k in tabel.kolommen), tabel.sleutel
            for n in range(1, len(table_parts(tabel)) + 1):
                deel = part_key(tabel, n)[len("tabel-") :]
                assert not any(k for rij in html.rijen[deel] for k, _ in rij), deel
                assert not html.legenda[deel], deel
        ws = boek[sectie.blad]
        assert not any(_fill(ws, c.row, c.column) for r in ws.iter_rows() for c in r), ws.title


def _column(uitkomst: RapportUitkomst, sleutel: str, kop: str) -> tuple[Tabel, Kleuring]:
    tabel = next(t for _, t in _coloured(uitkomst) if t.sleutel == sleutel)
    kolom = next(k for k in tabel.kolommen if kop in k.kop)
    assert kolom.kleuring is not None
    return tabel, kolom.kleuring


def test_a_count_is_coloured_against_the_average_per_area_not_the_city_total(
    uitkomst: RapportUitkomst,
) -> None:
    tabel, k = _column(uitkomst, "groot_onderhoud-match", "onvoldoende bewonersoordeel")
    waarden = tabel.data[next(c for c in tabel.data.columns if "wijken_onvoldoende" in c)]
    assert waarden.sum() == 9  # the city total the old colour used
    assert k.gemiddelde == pytest.approx(9 / 8)
    assert "niet het stadstotaal" in k.uitleg
    nieuw_west = tabel.data.index[tabel.data["naam"] == "Nieuw-West"][0]
    assert k.klasse(nieuw_west) == "min_sterk"  # 5 of the 9: far worse, not "sterk beter"


def test_library_square_metres_are_coloured_against_2_6_without_centrum(
    uitkomst: RapportUitkomst,
) -> None:
    _, k = _column(uitkomst, "bibliotheken-match", "per 100 inwoners")
    assert getal(k.gemiddelde, 1) == "2,6"
    assert k.uitgesloten == ("Centrum",) and "zonder Centrum" in k.uitleg


def test_the_distance_is_coloured_over_the_rows_shown(uitkomst: RapportUitkomst) -> None:
    """Westpoort has a distance but no row: it is neither coloured nor counted."""
    tabel, k = _column(uitkomst, "bibliotheken-match", "Hemelsbrede afstand")
    assert list(k.klassen.index) == list(tabel.data.index)
    weesp = tabel.data.index[tabel.data["naam"] == "Weesp"][0]
    zuidoost = tabel.data.index[tabel.data["naam"] == "Zuidoost"][0]
    assert k.klasse(weesp).startswith("min") and k.klasse(zuidoost).startswith("plus")


# -- the maps: the same classes, colours and words as the table cells ----------------------
def _map_colours(grafiek: Grafiek) -> dict[str, str]:
    """Area code → colour of its drawn patch (hex), read back from the drawn figure."""
    fig = draw(grafiek, Gebiedsindeling.amsterdam())
    assert grafiek.niveau is not None
    gebieden = next(c for a in fig.axes for c in a.collections if c.get_gid() == GEBIEDEN_GID)
    kleuren = [to_hex(c).upper() for c in gebieden.get_facecolors()]
    return dict(zip(area_shapes(grafiek.niveau), kleuren, strict=True))


def _map_legend(grafiek: Grafiek) -> list[str]:
    fig = draw(grafiek, Gebiedsindeling.amsterdam())
    return [t.get_text() for a in fig.axes if a.get_legend() for t in a.get_legend().texts]


def _match_column(uitkomst: RapportUitkomst, code: str) -> tuple[Tabel, int]:
    tabel = next(t for _, t in _coloured(uitkomst) if t.sleutel == f"{code}-match")
    return tabel, [k.naam for k in tabel.kolommen].index("oi_index")


def test_every_area_of_every_oi_index_map_has_the_colour_of_its_table_cell(
    uitkomst: RapportUitkomst, html: _Cellen
) -> None:
    """Read back from the drawn map: each area's colour is the palette colour of the class
    its OI-index cell has in the HTML table (and the class its value gives); an area
    without a row is grey. The legend uses the table's words, never better or worse."""
    kaarten = 0
    for h in uitkomst.hoofdstukken:
        kaart = h.voorpagina.kaart if h.voorpagina is not None else None
        if kaart is None:
            continue
        tabel, j = _match_column(uitkomst, h.registratie.activiteit.code)
        k = tabel.kolommen[j].kleuring
        assert k is not None and kaart.kleuring is not None
        deel, jd = _part(tabel, "oi_index")
        kleuren = _map_colours(kaart)
        for i, label in enumerate(tabel.data.index):
            cel_klasse = html.rijen[deel][i][jd][0]
            assert cel_klasse == _expected(k, float(tabel.data["oi_index"].iloc[i]))
            assert kleuren.pop(str(label)) == KLEUREN[cel_klasse].upper(), (kaart.sleutel, label)
        assert set(kleuren.values()) == {GRIJS}, kaart.sleutel  # no row: grey
        legenda = _map_legend(kaart)
        for klasse in ("min_sterk", "min", "gemiddeld", "plus", "plus_sterk"):
            assert f"{SYMBOLEN['index'][klasse]}  {LEGENDA['index'][klasse]}" in legenda
        assert "geen gegevens" in legenda
        assert not any(re.search(r"beter|slechter", t) for t in legenda)
        kaarten += 1
    assert kaarten == 4


def test_an_indicator_map_has_the_classes_of_its_coloured_column(
    uitkomst: RapportUitkomst,
) -> None:
    """The library distance per wijk: the same rule as its column beside the match (the
    city figure as average, lower is better), each wijk's colour from its stated value."""
    kaart = next(
        g for g in all_figures(uitkomst.rapport) if g.sleutel == "bibliotheken-onderdeel-3-figuur"
    )
    _, kolom = _column(uitkomst, "bibliotheken-match", "Hemelsbrede afstand")
    k = kaart.kleuring
    assert k is not None and k.soort == "indicator"
    assert k.gemiddelde == pytest.approx(kolom.gemiddelde)  # the same city figure
    assert k.toelichting == kolom.toelichting and kaart.bijschrift == k.uitleg
    kleuren = _map_colours(kaart)
    waarden = kaart.figuur.data["km_hemelsbreed"]
    assert len(waarden) > 90
    for code, waarde in waarden.items():
        verwacht = _expected(k, float(waarde))
        assert kleuren[str(code)] == (KLEUREN[verwacht].upper() if verwacht else GRIJS), code
    assert {kleuren[str(c)] for c in waarden.index} >= {
        KLEUREN["min"].upper(),
        KLEUREN["plus"].upper(),
    }
    legenda = _map_legend(kaart)
    assert f"{SYMBOLEN['indicator']['min']}  {LEGENDA['indicator']['min']}" in legenda


def test_published_indices_that_differ_are_marked_on_the_map_with_their_reason(
    uitkomst: RapportUitkomst,
) -> None:
    """Groot onderhoud: West's published 80 lies outside its rounding interval (the known
    deviation of the plugin's own check), Weesp's published 204 is another class (more
    than double) than the computed 177. Straatreiniging: every published index fits."""
    from oi_groot_onderhoud.analyses import controle_gepubliceerd

    kaarten = {
        h.registratie.activiteit.code: h.voorpagina.kaart
        for h in uitkomst.hoofdstukken
        if h.voorpagina is not None and h.voorpagina.kaart is not None
    }
    go = kaarten["groot_onderhoud"]
    controle = controle_gepubliceerd()
    assert list(controle.index[~controle["binnen_interval"]]) == ["E"]  # West
    assert go.afwijkend == ("E", "S")
    assert "West: gepubliceerd 80, berekend 71, buiten wat de afgeronde aandelen" in go.bijschrift
    assert "Weesp: gepubliceerd 204, berekend 177, een andere kleur" in go.bijschrift
    assert "gepubliceerd wijkt af" in alt_text(go)
    fig = draw(go, Gebiedsindeling.amsterdam())
    arcering = [c for a in fig.axes for c in a.collections if c.get_gid() == "arcering-////"]
    assert len(arcering) == 1 and len(arcering[0].get_paths()) == 2
    assert AFWIJKEND_LEGENDA in _map_legend(go)
    sr = kaarten["straatreiniging"]
    assert sr.afwijkend == ()
    assert "Elke gepubliceerde OI-index valt binnen de afronding" in sr.bijschrift
    assert AFWIJKEND_LEGENDA not in _map_legend(sr)
    assert kaarten["jgz"].afwijkend == () and "gepubliceerd" not in kaarten["jgz"].bijschrift
