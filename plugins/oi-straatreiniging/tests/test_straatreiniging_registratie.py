"""Registration through the plugin system, the activity's chain, and `oi analyse`."""

from __future__ import annotations

from importlib import metadata

import oi_straatreiniging
import pytest
from oi_straatreiniging.activiteit import ACTIVITEIT

from oi_core import Niveau, activiteit, activiteiten, excel_functies
from oi_core.plugins.manager import isolated, plugin_problems


def test_the_entry_point_points_at_the_package() -> None:
    punten = {ep.name: ep.value for ep in metadata.entry_points(group="oi")}
    assert punten.get("straatreiniging") == "oi_straatreiniging:plugin"


def test_registration_in_isolation() -> None:
    with isolated(oi_straatreiniging.plugin):
        assert set(activiteiten()) == {"straatreiniging"}
        reg = activiteit("straatreiniging")
        assert reg.activiteit is ACTIVITEIT
        assert set(reg.tabellen() or {}) == {"straatreiniging_stadsdelen"}
        assert set(reg.gepubliceerd() or {}) == {"verschil_en_index"}
        assert reg.samenvatting is not None and reg.onderdelen is not None
        assert {"OI_REINIGING_FTE", "OI_REINIGING_NORM"} <= set(excel_functies())
        assert plugin_problems() == []


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
    from oi_core.cli import main

    with isolated(oi_straatreiniging.plugin):
        code = main(["analyse", "straatreiniging"])
    uit = capsys.readouterr().out
    assert code == 0
    for kop in ("Stap 1 — verdeling inzet", "Stap 2 — opgave", "Stap 3 — match"):
        assert kop in uit
    assert "Nieuw-West" in uit and "te weinig" in uit
