"""The managementsamenvatting and report parts are generated from the data."""

from __future__ import annotations

from oi_straatreiniging.activiteit import ACTIVITEIT
from oi_straatreiniging.gegevens import data
from oi_straatreiniging.rapport import maak_samenvatting, onderdelen, samenvatting

from oi_core import Analyse
from oi_core.testing import assert_onderdelen


def test_title_says_the_average_meets_the_norm_but_areas_fall_below(sr_analyse: Analyse) -> None:
    assert samenvatting(sr_analyse).titel == (
        "Hoewel gemiddeld de vastgestelde schoonnorm (‘sober’: 80% minstens niveau B) bij "
        "reiniging wordt gehaald (84%), vallen Zuidoost (77%) en Centrum (79%) eronder. "
        "Fijnmaziger sturen kan voorkomen dat gebieden onder de norm vallen."
    )


def test_title_follows_the_norm_the_user_sets(sr_analyse: Analyse) -> None:
    streng = maak_samenvatting(sr_analyse, 85).titel
    assert streng.startswith("Gemiddeld wordt de gekozen schoonnorm (85% minstens niveau B) niet")
    assert "vier stadsdelen vallen eronder: Zuidoost (77%), Centrum (79%), West (80%)" in streng
    assert maak_samenvatting(sr_analyse, 70).titel.startswith("Gemiddeld (84%) en in elk stadsdeel")


def test_findings_name_areas_and_figures(sr_analyse: Analyse) -> None:
    match, inzet, vulgraad, bewoners = samenvatting(sr_analyse).bevindingen
    assert match.startswith("Naar verhouding krijgen Zuidoost (+3,1 pp, index 139) en Noord")
    assert "Zuid (−3,8 pp, index 76) minder" in match
    assert (
        "Zuidoost krijgt naar verhouding de meeste FTE (index 139) maar haalt de norm niet" in inzet
    )
    assert vulgraad == (
        "De vulgraad van afvalbakken haalt de norm niet in Weesp (74%) en Oost (78%), tegen 84% "
        "gemiddeld."
    )
    assert "Nieuw-West (26%) en Centrum (29%), tegen 35% gemiddeld" in bewoners


def test_discussion_makes_trade_off_and_cost_explicit(sr_analyse: Analyse) -> None:
    uitruil, kosten, basisniveau = samenvatting(sr_analyse).discussiepunten
    assert uitruil.startswith("Is de uitruil expliciet?")
    assert (
        "verschuift 7,4% van de FTE" in uitruil and "Zuidoost haalt de norm nu al niet" in uitruil
    )
    assert "kost 2,8% extra FTE" in kosten and "Zuidoost (−2,1 pp) toch inleveren" in kosten
    assert "zes van de acht stadsdelen" in basisniveau


def test_summary_without_city_rows_uses_the_computed_average() -> None:
    zonder_stad = data().query("gebied != 'Amsterdam'")
    s = samenvatting(Analyse(ACTIVITEIT, zonder_stad))
    assert "wordt gehaald (84%)" in s.titel  # 83.8 weighted by inwoners


def test_report_parts(sr_analyse: Analyse) -> None:
    delen = onderdelen(sr_analyse)
    assert_onderdelen(
        delen,
        (
            "Resultaten tegenover het stedelijk gemiddelde en de schoonnorm",
            "Inzet tegenover opgave: gepubliceerde en berekende index",
            "Differentiatiefactor FTE per stadsdeel",
        ),
    )
    assert [len(d.tabel) for d in delen if d.tabel is not None] == [8, 8, 8]
    figuur = delen[2].figuur
    assert figuur is not None and set(figuur.y or ()) <= set(figuur.data.columns)
    assert delen[2].tabel is not None
    assert delen[2].tabel["fte_naar_aandeel"].sum() == 100
