"""The plugin registers through the hooks, and `oi analyse jgz` prints the three steps."""

from __future__ import annotations

import json

import oi_jgz
import pytest

import oi_core
from oi_core.testing import STAPPEN, assert_bevat, geregistreerd, oi_uitvoer


def test_jgz_registers_its_activiteit_and_excel_functions() -> None:
    with geregistreerd(
        oi_jgz.plugin,
        oi_jgz.ACTIVITEIT,
        entry_point="oi_jgz:plugin",
        tabellen={"jgz_gebieden"},
        gepubliceerd={"differentiatiefactor"},
        functies={"OI_JGZ_FTE", "OI_JGZ_SLEUTEL", "OI_JGZ_INDEX_STAD"},
    ) as reg:
        analyse = reg.analyse()
        assert analyse.niveau.value == "gebied"
        assert reg.samenvatting is not None and reg.onderdelen is not None
        assert reg.samenvatting(analyse).titel.startswith("In de JGZ")
        assert len(reg.onderdelen(analyse)) == 6
        assert oi_core.excel_functies()["OI_JGZ_FTE"].plugin


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
    assert_bevat(oi_uitvoer(oi_jgz.plugin, capsys, "analyse", "jgz"), *STAPPEN, "Bijlmer-Centrum")
    resultaat = json.loads(oi_uitvoer(oi_jgz.plugin, capsys, "analyse", "jgz", "--json"))
    index = {r["gebied"]: r["oi_index"] for r in resultaat["match"]}
    assert round(index["GT22"], 1) == 69.9
