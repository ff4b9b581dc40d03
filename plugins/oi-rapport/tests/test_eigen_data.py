"""A report on the user's own data (``oi rapport --data``) belongs to that data.

A controller's own CSV of street cleaning (other FTE, shares of bewoners en bezoekers that
add up to 103,5 %): every sentence with a figure is built from these numbers, the
presentation's published figures and the parts that compare with them are left out, the
shares are flagged, and the chapter says which figures are the user's and which averages
were recomputed. The default report (the embedded data) keeps its published comparisons,
and its margin sentence follows its table.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import pandas as pd
import pytest
from oi_rapport import RapportOpties, RapportUitkomst, make_report
from oi_rapport.document import Tabel, Tekst

from oi_core import activiteit

FTE = {"Centrum": 20, "N-West": 15, "Noord": 12, "Oost": 12, "West": 14, "Zuid": 15}
FTE |= {"Zuidoost": 11, "Weesp": 1, "Amsterdam": 100}
BEWONERS = {"Centrum": 26, "N-West": 16, "Noord": 9.5, "Oost": 13.5, "West": 13}
BEWONERS |= {"Zuid": 15.5, "Zuidoost": 8, "Weesp": 2}  # 103,5 %


def _eigen_csv(pad: Path) -> pd.DataFrame:
    tabel = activiteit("straatreiniging").data().copy()
    tabel["waarde"] = tabel["waarde"].astype(float)
    for indicator, waarden in (("fte_pct", FTE), ("bewoners_bezoekers_pct", BEWONERS)):
        rijen = tabel["indicator"] == indicator
        tabel.loc[rijen, "waarde"] = (
            tabel.loc[rijen, "gebied"].map(waarden).fillna(tabel.loc[rijen, "waarde"])
        )
    tabel.to_csv(pad, sep=";", decimal=",", index=False)
    return tabel


@pytest.fixture(scope="module")
def eigen(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RapportUitkomst]:
    map_ = tmp_path_factory.mktemp("eigen")
    _eigen_csv(map_ / "straatreiniging.csv")
    yield make_report(RapportOpties(uitvoer=map_ / "uit", data=(map_ / "straatreiniging.csv",)))


@pytest.fixture(scope="module")
def standaard(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RapportUitkomst]:
    opties = RapportOpties(
        uitvoer=tmp_path_factory.mktemp("standaard"), activiteiten=("straatreiniging",)
    )
    yield make_report(opties)


def _tekst(uitkomst: RapportUitkomst) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", uitkomst.html.read_text(encoding="utf-8")))


def _blokken(uitkomst: RapportUitkomst, soort: type) -> list:  # type: ignore[type-arg]
    return [b for s in uitkomst.rapport.secties for b in s.blokken if isinstance(b, soort)]


def _intro(uitkomst: RapportUitkomst) -> str:
    """The opening text of the overview (the first text of the report is a front page's
    finding, about the lowest index only; the overview's intro names both ends)."""
    overzicht = next(s for s in uitkomst.rapport.secties if s.sleutel == "overzicht")
    return " ".join(next(b for b in overzicht.blokken if isinstance(b, Tekst)).alineas)


def test_the_intro_quotes_this_reports_own_lowest_and_highest_index(
    eigen: RapportUitkomst,
) -> None:
    match = eigen.hoofdstukken[0].match
    laag, hoog = match["oi_index"].min(), match["oi_index"].max()
    intro = _intro(eigen)
    assert f"van {laag:.0f} (" in intro and f"tot {hoog:.0f} (" in intro
    tekst = _tekst(eigen)
    assert not re.search(r"\b53\b.{0,80}\b185\b", tekst)  # the presentation's examples
    tabel = next(t for t in _blokken(eigen, Tabel) if t.sleutel == "straatreiniging-match")
    assert f"Hier van {laag:.0f} " in tabel.bijschrift


def test_no_published_figures_on_own_data(
    eigen: RapportUitkomst, standaard: RapportUitkomst
) -> None:
    sleutels = {t.sleutel for t in _blokken(eigen, Tabel)}
    assert not any("gepubliceerd" in s for s in sleutels), sleutels
    tekst = _tekst(eigen)
    assert "gepubliceerde en berekende index" not in tekst
    assert "Elke gepubliceerde index valt binnen de marge" not in tekst
    # the embedded data carries the presentation's figures: there they stay
    assert any("gepubliceerd" in t.sleutel for t in _blokken(standaard, Tabel))
    assert "gepubliceerde en berekende index" in _tekst(standaard)


def test_shares_that_do_not_add_up_to_100_are_flagged(
    eigen: RapportUitkomst, standaard: RapportUitkomst
) -> None:
    opmerkingen = eigen.hoofdstukken[0].opmerkingen
    assert any(
        "Let op" in o and "tellen op tot 103,5% in plaats van 100%" in o for o in opmerkingen
    ), opmerkingen
    assert "103,5%" in _tekst(eigen)
    # the published 101 % is rounding: named, not flagged
    standaard_opm = standaard.hoofdstukken[0].opmerkingen
    assert any("tellen op tot 101,0%" in o and "afronding" in o for o in standaard_opm)
    assert not any("Let op" in o for o in standaard_opm)


def test_the_chapter_says_which_figures_are_the_users_and_what_was_recomputed(
    eigen: RapportUitkomst, standaard: RapportUitkomst
) -> None:
    herkomst = [t for t in _blokken(eigen, Tekst) if t.kop == "Herkomst van de cijfers"]
    assert len(herkomst) == 1
    tekst = " ".join(herkomst[0].alineas)
    assert "uit uw eigen gegevens" in tekst
    assert "Stadscijfer uit uw gegevens: Grof zwerfvuil" in tekst
    assert not [t for t in _blokken(standaard, Tekst) if t.kop == "Herkomst van de cijfers"]
    assert "eigen gegevens (straatreiniging.csv)" in _tekst(eigen)
    # the parts computed from the user's data name that data as their source
    bronnen = [a for t in _blokken(eigen, Tekst) for a in t.alineas if a.startswith("Bron:")]
    assert bronnen and all("eigen gegevens" in b for b in bronnen), bronnen


def test_the_findings_are_built_from_the_users_numbers(eigen: RapportUitkomst) -> None:
    h = eigen.hoofdstukken[0]
    zuid = h.match.loc[h.match["naam"] == "Zuid"].iloc[0]
    tekst = _tekst(eigen)
    # the figures in the text are the recomputed ones, e.g. Weesp's 1 % of the FTE
    weesp = h.match.loc[h.match["naam"] == "Weesp"].iloc[0]
    assert f"{weesp['oi_index']:.0f}" in tekst
    assert zuid["signaal"] in tekst


def test_the_margin_sentence_follows_its_table() -> None:
    from oi_straatreiniging.rapport import _marge

    tabel = pd.DataFrame({"naam": ["Noord", "Zuid"], "binnen_marge": [True, False]})
    assert "Elke" not in _marge(tabel) and "Zuid" in _marge(tabel)
    assert _marge(tabel.assign(binnen_marge=True)).startswith("Elke gepubliceerde index")


def test_a_filled_in_werkmap_gives_a_report_of_its_own_numbers(tmp_path: Path) -> None:
    """The workbook of ``oi excel werkmap``, filled in with other FTE: the same rules."""
    werkmap = pytest.importorskip("oi_excel.werkmap.schrijven")
    import openpyxl

    pad = tmp_path / "straatreiniging.xlsx"
    werkmap.make_werkmap("straatreiniging", pad)
    boek = openpyxl.load_workbook(pad)
    invoer = boek["Invoer"]
    kop = [c.value for c in invoer[1]]
    kolom = next(i for i, k in enumerate(kop, start=1) if k and str(k).startswith("FTE"))
    rij = next(r for r in range(2, invoer.max_row + 1) if "Weesp" in str(invoer.cell(r, 2).value))
    invoer.cell(row=rij, column=kolom, value=10)  # Weesp now gets far more than its share
    boek.save(pad)
    uitkomst = make_report(RapportOpties(uitvoer=tmp_path / "uit", data=(pad,)))
    h = uitkomst.hoofdstukken[0]
    assert h.eigen
    hoog = h.match["oi_index"].max()
    assert h.match.loc[h.match["oi_index"].idxmax(), "naam"] == "Weesp"
    intro = _intro(uitkomst)
    assert f"tot {hoog:.0f} (Weesp" in intro
    assert not any("gepubliceerd" in t.sleutel for t in _blokken(uitkomst, Tabel))
    assert any(t.kop == "Herkomst van de cijfers" for t in _blokken(uitkomst, Tekst))


def test_a_part_on_the_plugins_own_data_keeps_its_source_in_an_own_data_report() -> None:
    """The bibliotheken part *vestigingen per gebied en per stadsdeel* counts the plugin's
    branch list, whatever ``--data`` holds: on own data it keeps its source and says that it
    uses the embedded data; the parts computed from the analysis get the user's source."""
    from oi_rapport.activiteit import EIGEN_BRON, INGEBOUWD, _parts

    from oi_core.plugins.manager import activiteiten

    reg = activiteiten()["bibliotheken"]
    blokken = _parts(reg, reg.analyse(), [], eigen=True)
    teksten = [b for b in blokken if isinstance(b, Tekst)]
    koppen = [i for i, b in enumerate(teksten) if b.kop]
    delen = [teksten[a:b] for a, b in zip(koppen, [*koppen[1:], len(teksten)], strict=True)]
    niveaus = [d for d in delen if d[0].kop and "naast elkaar" in d[0].kop]
    assert len(niveaus) == 1
    zinnen = " ".join(z for t in niveaus[0] for z in t.alineas)
    assert INGEBOUWD in zinnen and "oba_vestigingen.csv" in zinnen and EIGEN_BRON not in zinnen
    anderen = [" ".join(z for t in d for z in t.alineas) for d in delen if d is not niveaus[0]]
    assert anderen and all(EIGEN_BRON in z and INGEBOUWD not in z for z in anderen)
