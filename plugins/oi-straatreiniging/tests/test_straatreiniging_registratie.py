"""Registration through the plugin system, the activity's chain, and `oi analyse`."""

from __future__ import annotations

import oi_straatreiniging
import pytest
from oi_straatreiniging.activiteit import ACTIVITEIT

from oi_core import Niveau
from oi_core.testing import STAPPEN, assert_bevat, geregistreerd, oi_uitvoer


def test_the_entry_point_and_the_registration_in_isolation() -> None:
    with geregistreerd(
        oi_straatreiniging.plugin,
        ACTIVITEIT,
        entry_point="oi_straatreiniging:plugin",
        tabellen={"straatreiniging_stadsdelen"},
        gepubliceerd={"verschil_en_index"},
        functies={"OI_REINIGING_FTE", "OI_REINIGING_NORM"},
    ):
        pass


def test_the_resultatenketen_follows_the_presentations_example() -> None:
    keten = ACTIVITEIT.keten
    assert [i.code for i in keten.inzet.indicatoren] == ["fte_pct"]
    assert [i.code for i in keten.resultaat.indicatoren] == [
        "grof_zwerfvuil_pct_min_b",
        "vulgraad_afvalbakken_pct",
    ]
    assert "80%" in keten.resultaat.omschrijving
    assert keten.doel.omschrijving.startswith("Schone straten")
    assert keten.ambitie.omschrijving.startswith("Een leefbare omgeving")
    assert ACTIVITEIT.match_opgave.code == "bewoners_bezoekers_pct"
    assert ACTIVITEIT.niveau is Niveau.STADSDEEL
    for ind in keten.indicatoren():
        assert ind.naam and ind.eenheid and ind.bron and ind.beschrijving


def test_oi_analyse_prints_the_three_steps(capsys: pytest.CaptureFixture[str]) -> None:
    uit = oi_uitvoer(oi_straatreiniging.plugin, capsys, "analyse", "straatreiniging")
    assert_bevat(uit, *STAPPEN, "Nieuw-West", "minder dan het aandeel in de opgave")
