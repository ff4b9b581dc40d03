"""The plugin registers through the hooks; `oi analyse groot_onderhoud` prints three steps."""

from __future__ import annotations

import json

import oi_groot_onderhoud
import pytest

from oi_core.testing import STAPPEN, assert_bevat, geregistreerd, oi_uitvoer


def test_groot_onderhoud_registers_activiteit_and_excel_functions() -> None:
    with geregistreerd(
        oi_groot_onderhoud.plugin,
        oi_groot_onderhoud.ACTIVITEIT,
        entry_point="oi_groot_onderhoud:plugin",
        tabellen={"groot_onderhoud_stadsdelen"},
        gepubliceerd={"match"},
        functies={"OI_GROOT_ONDERHOUD_WEGING", "OI_GROOT_ONDERHOUD_INTERVAL"},
    ) as reg:
        analyse = reg.analyse()
        assert analyse.niveau.value == "stadsdeel"
        assert reg.samenvatting is not None and reg.onderdelen is not None
        assert "Nieuw-West" in reg.samenvatting(analyse).titel
        assert len(reg.onderdelen(analyse)) == 4  # the match table is the chapter's own


def test_groot_onderhoud_keten_is_complete() -> None:
    a = oi_groot_onderhoud.ACTIVITEIT
    assert a.match_inzet.code == "projectbudget"
    assert a.match_opgave.code == "aandeel_niveau_d"
    assert a.keten.resultaat.indicatoren and a.keten.doel.indicatoren
    assert a.keten.indicator("pct_niveau_d").gewicht == "aandeel_verharding"


def test_groot_onderhoud_cli_analyse(capsys: pytest.CaptureFixture[str]) -> None:
    plugin = oi_groot_onderhoud.plugin
    assert_bevat(oi_uitvoer(plugin, capsys, "analyse", "groot_onderhoud"), *STAPPEN)
    uit = json.loads(oi_uitvoer(plugin, capsys, "analyse", "groot_onderhoud", "--json"))
    match = {r["gebied"]: r for r in uit["match"]}
    assert round(match["F"]["oi_index"]) == 54
    assert match["F"]["signaal"] == "minder dan het aandeel in de opgave"
