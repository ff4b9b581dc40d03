"""Registration through the plugin system, the activity's chain, and `oi analyse`."""

from __future__ import annotations

import oi_bibliotheken
import pytest
from oi_bibliotheken.activiteit import ACTIVITEIT

from oi_core import Niveau, Rol, activiteit
from oi_core.plugins.manager import isolated
from oi_core.testing import STAPPEN, assert_bevat, geregistreerd, oi_uitvoer


def test_the_entry_point_and_the_registration_in_isolation() -> None:
    with geregistreerd(
        oi_bibliotheken.plugin,
        ACTIVITEIT,
        entry_point="oi_bibliotheken:plugin",
        tabellen={"bibliotheken_stadsdelen", "bibliotheken_wijken", "oba_vestigingen"},
        gepubliceerd={"gemiddelden"},
        functies={"OI_BIB_AFSTAND", "OI_BIB_VESTIGINGEN", "OI_BIB_KWADRANT"},
    ):
        pass


def test_the_resultatenketen_is_complete() -> None:
    keten = ACTIVITEIT.keten
    assert [i.code for i in keten.inzet.indicatoren] == ["m2_bibliotheek", "m2_per_100_inwoners"]
    assert keten.resultaat.indicatoren and keten.doel.indicatoren
    assert keten.ambitie.omschrijving and not keten.ambitie.indicatoren  # qualitative, explicit
    assert ACTIVITEIT.match_inzet.code == "m2_bibliotheek"
    assert ACTIVITEIT.match_opgave.code == "inwoners_lage_ses"
    assert ACTIVITEIT.niveau is Niveau.STADSDEEL
    for ind in keten.indicatoren():
        assert ind.naam and ind.eenheid and ind.bron and ind.beschrijving
    assert keten.indicator("leesniveau_pct").rol is Rol.DOEL


def test_the_three_steps_through_the_registry() -> None:
    with isolated(oi_bibliotheken.plugin):
        analyse = activiteit("bibliotheken").analyse()
        stap1, stap2, stap3 = analyse.verdeling_inzet(), analyse.opgave(), analyse.match()
    assert stap1["aandeel_inzet"].sum() == pytest.approx(1.0)
    assert stap2.loc["T", "opgave"] == pytest.approx(0.40 * 92_370)
    assert stap3.loc["T", "oi_index"] == pytest.approx(37.9, abs=0.1)
    assert stap3.loc["A", "signaal"] == "meer dan het aandeel in de opgave"


def test_oi_analyse_prints_the_three_steps(capsys: pytest.CaptureFixture[str]) -> None:
    uit = oi_uitvoer(oi_bibliotheken.plugin, capsys, "analyse", "bibliotheken")
    assert_bevat(uit, *STAPPEN, "Zuidoost")


def test_oi_analyse_at_a_level_without_inzet_is_a_dutch_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from oi_core.cli import main

    with isolated(oi_bibliotheken.plugin):
        code = main(["analyse", "bibliotheken", "--niveau", "gebied"])
    uitvoer = capsys.readouterr()
    assert code == 1
    assert "niet op niveau gebied" in uitvoer.out + uitvoer.err
