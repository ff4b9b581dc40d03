"""The plugin registers through the hooks, and `oi analyse jgz` prints the three steps."""

from __future__ import annotations

import json

import oi_jgz
import pytest

import oi_core
from oi_core.cli import main
from oi_core.plugins.manager import isolated, plugin_problems


def test_jgz_registers_its_activiteit_and_excel_functions() -> None:
    with isolated(oi_jgz.plugin):
        reg = oi_core.activiteit("jgz")
        assert reg.activiteit is oi_jgz.ACTIVITEIT
        assert set(reg.tabellen() if reg.tabellen else {}) == {"jgz_gebieden"}
        assert set(reg.gepubliceerd() if reg.gepubliceerd else {}) == {"differentiatiefactor"}
        analyse = reg.analyse()
        assert analyse.niveau.value == "gebied"
        assert reg.samenvatting is not None and reg.onderdelen is not None
        assert reg.samenvatting(analyse).titel.startswith("In de JGZ")
        assert len(reg.onderdelen(analyse)) == 6
        functies = oi_core.excel_functies()
        assert {"OI_JGZ_FTE", "OI_JGZ_SLEUTEL", "OI_JGZ_INDEX_STAD"} <= set(functies)
        assert functies["OI_JGZ_FTE"].plugin
        assert plugin_problems() == []


def test_jgz_keten_is_complete() -> None:
    keten = oi_jgz.ACTIVITEIT.keten
    assert keten.inzet.indicatoren and keten.resultaat.indicatoren
    assert keten.doel.omschrijving and keten.ambitie.omschrijving
    assert oi_jgz.ACTIVITEIT.match_inzet.code == "fte_0_4"
    assert oi_jgz.ACTIVITEIT.match_opgave.code == "lage_ses_0_4"
    for indicator in keten.indicatoren():
        if indicator.aggregatie.value == "gewogen_gemiddelde":
            assert indicator.gewicht == "inwoners_0_14"


def test_jgz_cli_analyse_prints_the_three_steps(capsys: pytest.CaptureFixture[str]) -> None:
    with isolated(oi_jgz.plugin):
        assert main(["analyse", "jgz"]) == 0
        uit = capsys.readouterr().out
        for stap in ("Stap 1", "Stap 2", "Stap 3"):
            assert stap in uit
        assert "Bijlmer-Centrum" in uit
        assert main(["analyse", "jgz", "--json"]) == 0
        resultaat = json.loads(capsys.readouterr().out)
        index = {r["gebied"]: r["oi_index"] for r in resultaat["match"]}
        assert round(index["GT22"], 1) == 69.9
