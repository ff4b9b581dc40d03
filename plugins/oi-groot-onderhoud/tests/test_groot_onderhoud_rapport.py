"""The managementsamenvatting and report parts follow the data."""

from __future__ import annotations

from oi_groot_onderhoud.activiteit import ACTIVITEIT
from oi_groot_onderhoud.gegevens import data_uit_tabel, tabellen
from oi_groot_onderhoud.rapport import onderdelen, samenvatting

from oi_core import Analyse, Figuur
from oi_core.testing import assert_bevat, assert_onderdelen


def _analyse(budget: dict[str, float] | None = None) -> Analyse:
    ruw = tabellen()["groot_onderhoud_stadsdelen"].copy()
    for stadsdeel, waarde in (budget or {}).items():
        ruw.loc[ruw["stadsdeel"] == stadsdeel, "projectbudget_2025_2028_pct"] = waarde
    return Analyse(ACTIVITEIT, data_uit_tabel(ruw))


def test_groot_onderhoud_samenvatting_title_is_the_slides_finding() -> None:
    s = samenvatting(_analyse())
    assert s.titel == (
        "Inzet en opgave lijken niet geheel in balans: vooral Nieuw-West krijgt relatief "
        "weinig middelen"
    )


def test_groot_onderhoud_samenvatting_names_areas_and_figures() -> None:
    s = samenvatting(_analyse())
    assert 3 <= len(s.bevindingen) <= 5
    minst, meest, oordeel, kwetsbaar = s.bevindingen
    assert minst.startswith("Nieuw-West krijgt 14% van het projectbudget tegen 26% van de opgave")
    assert "−11,9 procentpunt, OI-index 54" in minst
    assert "Noord (23% van het projectbudget tegen 13% van de opgave, index 179)" in meest
    assert "Weesp" in meest and "index 177" in meest
    assert "laagst in Nieuw-West (6,1; Amsterdam 6,5)" in oordeel
    assert "5 van de 9 wijken" in oordeel
    assert "Zuidoost (40%) en Nieuw-West (36%)" in kwetsbaar
    assert "van Nieuw-West van 54 naar 43" in kwetsbaar


def test_groot_onderhoud_samenvatting_discusses_trade_off_and_cost() -> None:
    uitruil, kosten, weging = samenvatting(_analyse()).discussiepunten
    assert uitruil.startswith("Is de uitruil expliciet? Noord, Oost en Weesp krijgen meer")
    assert_bevat(uitruil, "Nieuw-West en West minder")
    assert_bevat(kosten, "verschuiving van 11,9 procentpunt", "ongeveer 16% bovenop")
    assert_bevat(weging, "kwetsbaarheid en bewonersoordeel")


def test_groot_onderhoud_samenvatting_title_follows_the_data() -> None:
    in_balans = {
        k: v
        for k, v in zip(
            ["Centrum", "N-West", "Noord", "Oost", "West", "Zuid", "Zuidoost", "Weesp"],
            [7, 26, 13, 13, 10, 19, 8, 4],
            strict=True,
        )
    }
    titel = samenvatting(_analyse(in_balans)).titel
    assert titel.startswith("Inzet en opgave zijn in balans")
    zuid_tekort = {"N-West": 30, "Zuid": 5}
    titel = samenvatting(_analyse(zuid_tekort)).titel
    assert titel.endswith("vooral Zuid krijgt relatief weinig middelen")


def test_groot_onderhoud_onderdelen() -> None:
    delen = onderdelen(_analyse())
    titels = [  # no part repeats the chapter's match table
        "Kwetsbaarheid en bewonersoordeel naast de match",
        "Opgave gewogen naar kwetsbaarheid en bewonersoordeel",
        "Wat kost compensatie tot index 100?",
        "Controle van de gepubliceerde cijfers",
    ]
    assert_onderdelen(delen, titels)
    weging = delen[1]
    assert isinstance(weging.figuur, Figuur)
    assert weging.figuur.y == ("oi_index", "oi_index_gewogen")
    assert dict(weging.figuur.referenties) == {"y": 100.0}
    assert weging.tabel is not None
    assert round(weging.tabel.loc["F", "oi_index_gewogen"]) == 43
    assert delen[0].figuur is not None and delen[0].figuur.soort == "spreiding"
    controle = delen[3]
    assert any(t.startswith("West: gepubliceerde index 80 ligt buiten") for t in controle.tekst)
