"""The plugin registers through the hooks; `oi analyse groot_onderhoud` prints three steps."""

from __future__ import annotations

import json

import oi_groot_onderhoud
import pytest

import oi_core
from oi_core.cli import main
from oi_core.plugins.manager import isolated, plugin_problems


def test_groot_onderhoud_registers_activiteit_and_excel_functions() -> None:
    with isolated(oi_groot_onderhoud.plugin):
        reg = oi_core.activiteit("groot_onderhoud")
        assert reg.activiteit is oi_groot_onderhoud.ACTIVITEIT
        assert reg.tabellen is not None and reg.gepubliceerd is not None
        assert set(reg.tabellen()) == {"groot_onderhoud_stadsdelen"}
        assert set(reg.gepubliceerd()) == {"match"}
        analyse = reg.analyse()
        assert analyse.niveau.value == "stadsdeel"
        assert reg.samenvatting is not None and reg.onderdelen is not None
        assert "Nieuw-West" in reg.samenvatting(analyse).titel
        assert len(reg.onderdelen(analyse)) == 5
        assert {"OI_GROOT_ONDERHOUD_WEGING", "OI_GROOT_ONDERHOUD_INTERVAL"} <= set(
            oi_core.excel_functies()
        )
        assert plugin_problems() == []


def test_groot_onderhoud_keten_is_complete() -> None:
    a = oi_groot_onderhoud.ACTIVITEIT
    assert a.match_inzet.code == "projectbudget"
    assert a.match_opgave.code == "aandeel_niveau_d"
    assert a.keten.resultaat.indicatoren and a.keten.doel.indicatoren
    assert a.keten.indicator("pct_niveau_d").gewicht == "aandeel_verharding"


def test_groot_onderhoud_cli_analyse(capsys: pytest.CaptureFixture[str]) -> None:
    with isolated(oi_groot_onderhoud.plugin):
        assert main(["analyse", "groot_onderhoud"]) == 0
        uit = capsys.readouterr().out
        for stap in ("Stap 1", "Stap 2", "Stap 3"):
            assert stap in uit
        assert main(["analyse", "groot_onderhoud", "--json"]) == 0
        match = {r["gebied"]: r for r in json.loads(capsys.readouterr().out)["match"]}
        assert round(match["F"]["oi_index"]) == 54
        assert match["F"]["signaal"] == "te weinig"
