"""The default report: every coloured cell against its value, its stated average and band.

For each coloured cell the expected class is derived again from what the report *states*:
the cell's value, the average and standard deviation in the rows under the table and the
legend's band (OI-index: the signal's band, dark below 50 or above 200). The HTML and the
workbook must both show that class, its symbol next to the value, and a legend line per
coloured column naming that average. Counts are never coloured against the city total;
the OI-index's legend never says better or worse.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser

import numpy as np
import openpyxl
import pytest
from oi_rapport import RapportOpties, RapportUitkomst, Tabel, make_report
from oi_rapport.opmaak import KLEUREN
from openpyxl.worksheet.worksheet import Worksheet

from oi_core.model.activiteit import Richting
from oi_core.rekenen.kern import BAND, grenzen
from oi_core.rekenen.kleuring import INDEX_STERK, Kleuring
from oi_core.weergave.tekst import getal

KLEUR = {v.lstrip("#").upper(): k for k, v in KLEUREN.items()}


class _Cellen(HTMLParser):
    """Per table id: per body row the (class, text) of every cell; and the legend texts."""

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
    for sectie in uitkomst.rapport.secties:
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
        rijen = html.rijen[tabel.sleutel]
        for j, kolom in enumerate(tabel.kolommen):
            k = kolom.kleuring
            if k is None:
                continue
            for i, label in enumerate(tabel.data.index):
                waarde = float(tabel.data[kolom.naam].iloc[i])
                verwacht = _expected(k, waarde)
                plek = (tabel.sleutel, kolom.kop, label, waarde)
                assert k.klasse(label) == verwacht, plek
                klasse, tekst = rijen[i][j]
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
        legenda = " ".join(html.legenda[tabel.sleutel])
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
        index = [t for t in html.legenda[tabel.sleutel] if t.startswith("Kleur van de OI-index")]
        assert all(not re.search(r"beter|slechter", t) for t in index)
        if any(k.kleuring is not None and k.kleuring.soort == "index" for k in tabel.kolommen):
            assert index, tabel.sleutel  # the OI-index has its own legend
    tekst = uitkomst.html.read_text(encoding="utf-8")
    assert not re.search(r"OI-index[^.<]{0,40}\b(beter|slechter)\b", tekst)


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
