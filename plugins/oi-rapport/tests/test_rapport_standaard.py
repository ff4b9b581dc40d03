"""The default report, as ``oi rapport`` makes it (every installed plugin): the HTML and the
workbook show the same cell classes, the core's, and no header is a code name.

The cell classes are computed once by the core (:mod:`oi_core.rekenen.kleuring`, per
label); the HTML writes them as ``k-<klasse>``, the workbook as a static fill. Each
coloured cell is located in both files through the document model and compared.
"""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser

import openpyxl
import pytest
from oi_rapport import RapportOpties, RapportUitkomst, Tabel, make_report
from oi_rapport.html_weergave import part_key, table_parts
from oi_rapport.opmaak import KLEUREN
from openpyxl.worksheet.worksheet import Worksheet

from oi_core.weergave.kolommen import is_code_name

KLEUR = {v.lstrip("#").upper(): k for k, v in KLEUREN.items()}
KOPKLEUR = "DCE6F0"


class _Tabellen(HTMLParser):
    """Per table id: the header texts and, per body row, the class of every cell."""

    def __init__(self) -> None:
        super().__init__()
        self.koppen: dict[str, list[str]] = {}
        self.rijen: dict[str, list[list[str]]] = {}
        self._tabel: str | None = None
        self._deel = ""
        self._kop: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "figure" and (a.get("id") or "").startswith("tabel-"):
            self._tabel = str(a["id"])[len("tabel-") :]
            self.koppen[self._tabel], self.rijen[self._tabel] = [], []
        elif self._tabel and tag in ("thead", "tbody", "tfoot"):
            self._deel = tag
        elif self._tabel and self._deel == "tbody" and tag == "tr":
            self.rijen[self._tabel].append([])
        elif self._tabel and self._deel == "tbody" and tag == "td":
            klassen = (a.get("class") or "").split()
            klasse = next((k[2:] for k in klassen if k.startswith("k-")), "")
            self.rijen[self._tabel][-1].append(klasse)
        elif self._tabel and self._deel == "thead" and tag == "th":
            self._kop = []

    def handle_data(self, data: str) -> None:
        if self._kop is not None:
            self._kop.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "th" and self._kop is not None and self._tabel:
            self.koppen[self._tabel].append("".join(self._kop).strip())
            self._kop = None
        elif tag in ("thead", "tbody", "tfoot"):
            self._deel = ""
        elif tag == "figure":
            self._tabel = None


@pytest.fixture(scope="module")
def uitkomst(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RapportUitkomst]:
    yield make_report(RapportOpties(uitvoer=tmp_path_factory.mktemp("standaard")))


@pytest.fixture(scope="module")
def html(uitkomst: RapportUitkomst) -> _Tabellen:
    lezer = _Tabellen()
    lezer.feed(uitkomst.html.read_text(encoding="utf-8"))
    return lezer


@pytest.fixture(scope="module")
def boek(uitkomst: RapportUitkomst) -> openpyxl.Workbook:
    return openpyxl.load_workbook(uitkomst.xlsx)


def _coloured_tables(uitkomst: RapportUitkomst) -> Iterator[tuple[str, Tabel]]:
    for sectie in uitkomst.rapport.secties:
        for blok in sectie.blokken:
            if isinstance(blok, Tabel) and any(k.kleuring for k in blok.kolommen):
                yield sectie.blad, blok


def _html_classes(html: _Tabellen, tabel: Tabel) -> dict[str, list[str]]:
    """Per column name, the class of each body cell in the HTML; a wide table is shown in
    parts (:func:`~oi_rapport.html_weergave.table_parts`), each with its own id."""
    uit: dict[str, list[str]] = {}
    for i, deel in enumerate(table_parts(tabel), start=1):
        rijen = html.rijen[part_key(tabel, i)[len("tabel-") :]]
        assert len(rijen) == len(tabel.data), tabel.sleutel
        for j, kolom in enumerate(deel.kolommen):
            uit[kolom.naam] = [r[j] for r in rijen]
    return uit


def _header_row(ws: Worksheet, tabel: Tabel) -> tuple[int, int]:
    """Row and first column of ``tabel``'s header in the sheet."""
    koppen = [k.kop for k in tabel.kolommen]
    for rij in ws.iter_rows():
        waarden = [c.value for c in rij]
        for begin in (0, 1):
            if waarden[begin : begin + len(koppen)] == koppen:
                return int(rij[0].row), begin + 1
    raise AssertionError(f"kopregel van '{tabel.titel}' niet gevonden")


def _fill_class(ws: Worksheet, rij: int, kolom: int) -> str:
    kleur = ws.cell(rij, kolom).fill.fgColor.rgb
    return KLEUR.get(str(kleur)[-6:].upper(), "") if isinstance(kleur, str) else ""


def test_every_coloured_cell_has_the_same_class_in_html_xlsx_and_core(
    uitkomst: RapportUitkomst, html: _Tabellen, boek: openpyxl.Workbook
) -> None:
    getoetst = 0
    for blad, tabel in _coloured_tables(uitkomst):
        ws = boek[blad]
        kop, eerste = _header_row(ws, tabel)
        klassen = _html_classes(html, tabel)
        for j, kolom in enumerate(tabel.kolommen):
            if kolom.kleuring is None:
                continue
            for i, label in enumerate(tabel.data.index):
                kern = kolom.kleuring.klasse(label)
                assert klassen[kolom.naam][i] == kern, (tabel.sleutel, kolom.kop, label)
                assert _fill_class(ws, kop + 1 + i, eerste + j) == kern, (blad, kolom.kop, label)
                getoetst += bool(kern)
    assert getoetst > 100


def test_weesp_is_coloured_worse_for_the_distance_to_a_library(uitkomst: RapportUitkomst) -> None:
    """The bug of the positional colours: nine values (Westpoort included) over eight rows
    painted Weesp's 4,06 km as better."""
    tabel = next(t for _, t in _coloured_tables(uitkomst) if t.sleutel == "bibliotheken-match")
    kolom = next(k for k in tabel.kolommen if "Hemelsbrede afstand" in k.kop)
    assert kolom.kleuring is not None
    weesp = tabel.data.index[tabel.data["naam"] == "Weesp"][0]
    assert kolom.kleuring.klasse(weesp).startswith("min")


def _xlsx_headers(boek: openpyxl.Workbook) -> Iterator[tuple[str, str]]:
    for ws in boek.worksheets:
        for rij in ws.iter_rows():
            for cel in rij:
                kleur = cel.fill.fgColor.rgb if cel.fill is not None else None
                if isinstance(kleur, str) and kleur.upper().endswith(KOPKLEUR) and cel.value:
                    yield ws.title, str(cel.value)


def test_no_header_in_the_html_or_xlsx_report_is_a_code_name(
    html: _Tabellen, boek: openpyxl.Workbook
) -> None:
    koppen = [(t, k) for t, ks in html.koppen.items() for k in ks]
    assert len(koppen) > 100
    code = sorted({f"html {t}: {k}" for t, k in koppen if is_code_name(k)})
    xlsx = list(_xlsx_headers(boek))
    assert len(xlsx) > 100
    code += sorted({f"xlsx {b}: {k}" for b, k in xlsx if is_code_name(k)})
    assert not code, "\n".join(code)


@pytest.mark.parametrize(
    ("tekst", "code"),
    [
        ("oi_index_gewogen", True),
        ("km_hemelsbreed", True),
        ("naam", True),
        ("OI-index", False),
        ("Aandeel inzet", False),
        ("Te weinig (index < 90)", False),
        ("% lage SES", False),
    ],
)
def test_is_code_name(tekst: str, code: bool) -> None:
    assert is_code_name(tekst) is code
