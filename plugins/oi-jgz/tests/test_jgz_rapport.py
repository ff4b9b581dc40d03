"""The managementsamenvatting and report parts are generated from the data."""

from __future__ import annotations

import pytest
from oi_jgz.activiteit import ACTIVITEIT
from oi_jgz.gegevens import data, data_uit_tabel, tabellen
from oi_jgz.rapport import onderdelen, samenvatting

from oi_core import Analyse, DataFout, Figuur, InvoerFout
from oi_core.testing import assert_bevat, assert_onderdelen


def _analyse(fte_0_4: dict[str, float] | None = None) -> Analyse:
    """Analysis on the published table, optionally with other FTE per 1000 (0–4 jaar)."""
    ruw = tabellen()["jgz_gebieden"].copy()
    for gebied, waarde in (fte_0_4 or {}).items():
        rij = (ruw["leeftijdsgroep"] == "0-4 jaar") & (ruw["gebied"] == gebied)
        ruw.loc[rij, "fte_per_1000_kinderen"] = waarde
    return Analyse(ACTIVITEIT, data_uit_tabel(ruw))


def test_jgz_samenvatting_states_the_slides_finding_with_figures() -> None:
    s = samenvatting(_analyse())
    assert s.titel.startswith("In de JGZ wordt ongelijk geïnvesteerd")
    assert "aandeel lage-SES-kinderen" in s.titel
    assert "van 2,2 FTE in Oud-Zuid tot 3,9 FTE in Bijlmer-Centrum" in s.titel
    assert 3 <= len(s.bevindingen) <= 5
    alles = " ".join(s.bevindingen)
    for stuk in (
        "Bijlmer-Centrum 3,9 FTE per 1000 kinderen bij 432",
        "Amsterdam: 2,8 FTE bij 197",
        "1,71 FTE per 1000 kinderen, en 5,10 FTE extra per 1000 kinderen met een lage SES",
        "telt dus 4,0 keer",
        "telt dus 3,4 keer",
        "minder dan evenredig",
        "OI-index t.o.v. de stad 64",
        "OI-index t.o.v. de stad 153",
        "Geuzenveld, Slotermeer (61% tegen 75% in Amsterdam)",
        "bovengemiddeld in Geuzenveld, Slotermeer en Bijlmer-Centrum, juist gebieden",
    ):
        assert stuk in alles, stuk
    assert "R²" not in alles and "kwadraten" not in alles  # statistics: appendix only


def test_jgz_samenvatting_discusses_trade_off_and_cost() -> None:
    uitruil, kosten, verder = samenvatting(_analyse()).discussiepunten
    assert uitruil.startswith("Is de uitruil expliciet?")
    assert_bevat(uitruil, "4,0 keer zo zwaar")
    assert kosten.startswith("Wat kost compensatie?")
    assert_bevat(
        kosten,
        "Bijlmer-Centrum 6,1 in plaats van 3,9",
        "Geuzenveld, Slotermeer 4,1 in plaats van 3,2",
        "hoogstens 15,3 FTE extra",
    )
    assert_bevat(verder, "25 gebieden")


def test_jgz_samenvatting_title_follows_the_data() -> None:
    omgekeerd = {
        "Geuzenveld & Slotermeer": 2.3,
        "Bijlmer Centrum": 2.2,
        "Oud-Zuid": 3.9,
        "Watergraafsmeer": 3.2,
    }
    titel = samenvatting(_analyse(omgekeerd)).titel
    assert titel.startswith("In de JGZ volgt de inzet het aandeel lage-SES-kinderen niet")
    assert "van 2,2 FTE in Bijlmer-Centrum tot 3,9 FTE in Oud-Zuid" in titel
    zwak = {"Geuzenveld & Slotermeer": 2.2, "Bijlmer Centrum": 3.1, "Oud-Zuid": 2.9}
    titel = samenvatting(_analyse(zwak)).titel
    assert titel.startswith("In de JGZ stijgt de inzet met het aandeel lage-SES-kinderen, maar")
    assert "R²" not in titel  # statistics only in the appendix, explained there


def test_jgz_onderdelen_are_tables_and_figures_from_the_analyses() -> None:
    delen = onderdelen(_analyse())
    titels = [
        "Inzet en opgave per 1000 kinderen ten opzichte van Amsterdam",
        "Impliciete verdeelsleutel",
        "Gepubliceerde inzet en inzet volgens de sleutel",
        "Match tussen inzet en opgave in de vier gebieden",
        "Resultaten: vaccinatiegraad en no-show",
        "Wat kost compensatie tot index 100 t.o.v. de stad?",
    ]
    assert_onderdelen(delen, titels)
    spreiding = delen[0].figuur
    assert isinstance(spreiding, Figuur) and spreiding.soort == "spreiding"
    assert dict(spreiding.referenties) == {"x": 197.0, "y": 2.8}
    assert len(spreiding.data) == 4
    sleutel = delen[1]
    assert sleutel.tabel is not None
    assert sleutel.tabel.loc["R²"].round(3).to_list() == [0.996, 0.995]
    assert any("geen rechte sleutel past" in t for t in sleutel.tekst)  # 0–4 jaar
    assert any("één rechte sleutel past" in t for t in sleutel.tekst)  # primair onderwijs
    match_figuur = delen[3].figuur
    assert match_figuur is not None and match_figuur.y == ("0–4 jaar", "primair onderwijs")


def test_jgz_tabel_in_published_format_is_checked() -> None:
    ruw = tabellen()["jgz_gebieden"].drop(columns=["no_show"])
    with pytest.raises(DataFout, match="kolom 'no_show': kolom ontbreekt"):
        data_uit_tabel(ruw)


def test_jgz_rapport_needs_the_city_row() -> None:
    tidy = data()
    zonder = tidy[tidy["gebied"] != "Gemiddelde Amsterdam"]
    with pytest.raises(InvoerFout, match="Gemiddelde Amsterdam"):
        samenvatting(Analyse(ACTIVITEIT, zonder))
