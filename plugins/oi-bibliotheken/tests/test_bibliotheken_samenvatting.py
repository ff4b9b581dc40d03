"""The managementsamenvatting and report parts are generated from the data."""

from __future__ import annotations

from oi_bibliotheken.activiteit import ACTIVITEIT
from oi_bibliotheken.gegevens import data
from oi_bibliotheken.rapport import onderdelen, samenvatting

from oi_core import Analyse, Figuur
from oi_core.testing import assert_onderdelen


def test_title_states_the_main_finding_as_on_the_slide(bib_analyse: Analyse) -> None:
    s = samenvatting(bib_analyse)
    assert s.titel == (
        "Acht wijken met een ondergemiddeld leesniveau in Zuidoost en Nieuw-West liggen "
        "bovengemiddeld ver van een bibliotheek. Dit zijn er relatief weinig: 8 van de 110 wijken."
    )


def test_findings_name_areas_and_figures(bib_analyse: Analyse) -> None:
    s = samenvatting(bib_analyse)
    assert 3 <= len(s.bevindingen) <= 5
    zuidoost, laagste, stadsdelen, centrum, match = s.bevindingen
    assert zuidoost.startswith("Zes van de acht wijken liggen in Zuidoost (Venserpolder, K-buurt")
    assert "Geerdinkhof/Kantershof: 2,9 km" in zuidoost and "1,4 km gemiddeld" in zuidoost
    assert laagste.startswith("Slotervaart-Zuid (Nieuw-West) ligt bovengemiddeld ver")
    assert "(gelijk met Venserpolder)" in laagste and "26%" in laagste and "69%" in laagste
    assert "Nieuw-West (57%, 5,0 m²) een bovengemiddeld oppervlak" in stadsdelen
    assert "Noord (67%, 2,3 m²) en Zuidoost (51%, 2,3 m²) zitten onder" in stadsdelen
    assert "Centrum is bijzonder hoog" in centrum and "21,8 m²" in centrum and "4,5 m²" in centrum
    assert "Zuidoost 5% van de m² bij 14% van de opgave (OI-index 38)" in match
    assert "Centrum 48% van de m² bij 8% van de opgave (OI-index 598)" in match


def test_discussion_points_make_the_trade_off_and_its_cost_explicit(bib_analyse: Analyse) -> None:
    compensatie, basisniveau, uitruil = samenvatting(bib_analyse).discussiepunten
    assert compensatie.startswith("Moet er naast een nieuwe OBA in Zuidoost gecompenseerd")
    assert "van 0,79 naar 0,72 km" in compensatie
    assert (
        "ongeveer 4.200 m² extra: Oost 1.700, Zuid 1.600, West 400, Noord 300 en Zuidoost 200"
        in (basisniveau)
    )
    assert "Centrum heeft 48% van alle vierkante meters" in uitruil and "OBA Oosterdok" in uitruil


def test_without_wijk_data_the_summary_falls_back_to_the_stadsdelen() -> None:
    alleen_stadsdelen = data().query("niveau != 'wijk' and niveau != 'gebied'")
    s = samenvatting(Analyse(ACTIVITEIT, alleen_stadsdelen))
    assert s.titel.startswith("Het voorzieningsniveau aan openbare bibliotheken verschilt sterk")
    assert "van 1,4 tot 21,8 m² per 100 inwoners" in s.titel
    assert not any("Slotervaart-Zuid" in b for b in s.bevindingen)


def test_report_parts_carry_tables_and_drawable_figures(bib_analyse: Analyse) -> None:
    delen = onderdelen(bib_analyse)
    titels = [
        "Vierkante meters bibliotheek, leesniveau en lage SES per stadsdeel",
        "Wijken met een laag leesniveau ver van een bibliotheek",
        "Hemelsbrede afstand tot de dichtstbijzijnde OBA-vestiging",
        "Effect van OBA Next op de afstand",
        "Gepubliceerde en hemelsbrede afstand",
        "De match met en zonder Centrum en met een andere opgave",
        "Wat kost een basisniveau?",
        "Vestigingen per gebied en per stadsdeel naast elkaar",
    ]
    assert_onderdelen(delen, titels)
    for deel in delen:
        if deel.figuur is not None:
            _check_figuur(deel.figuur)
    kaart = delen[2].figuur
    assert kaart is not None and kaart.soort == "kaart" and len(kaart.data) == 110


def _check_figuur(f: Figuur) -> None:
    kolommen = set(f.data.columns)
    for kolom in [f.x, f.label, *([f.y] if isinstance(f.y, str) else list(f.y or ()))]:
        assert kolom is None or kolom in kolommen, (f.titel, kolom)
