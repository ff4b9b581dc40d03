"""The report chapter *Wat als?*: one scenario per activity that declares one, with the
core's numbers in the chart, the table and the trade-off sentence."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from oi_rapport import Grafiek, RapportOpties, Tabel, Tekst, extra_hoofdstukken, make_report
from oi_rapport.wat_als import HOOFDSTUK, SLEUTEL, build_wat_als

from oi_core import (
    Activiteit,
    Gebiedsindeling,
    Indicator,
    Niveau,
    Resultatenketen,
    Richting,
    Rol,
    ScenarioInstelling,
    Schakel,
    Vorm,
    activiteit,
    activiteiten,
    hookimpl,
    to_tidy,
)
from oi_core.plugins.manager import isolated
from oi_core.sturen.toepassing import scenario_activiteit

IND = Gebiedsindeling.amsterdam()


@pytest.fixture(scope="module")
def inhoud() -> object:
    return build_wat_als(IND)


def _blokken_van(inhoud: object, naam: str) -> list[object]:
    blokken = list(inhoud.blokken)  # type: ignore[attr-defined]
    start = next(i for i, b in enumerate(blokken) if isinstance(b, Tekst) and b.kop == naam)
    return blokken[start : start + 3]


def test_the_report_registers_the_chapter() -> None:
    assert extra_hoofdstukken()[SLEUTEL] == HOOFDSTUK
    assert HOOFDSTUK.titel == "Wat als?" and HOOFDSTUK.bladnaam == "Wat als"


def test_without_an_activity_that_declares_a_scenario_there_is_no_chapter() -> None:
    from oi_rapport import cli as rapport_cli

    with isolated(rapport_cli):
        assert SLEUTEL not in extra_hoofdstukken()
    with isolated(rapport_cli, _TeSnel()):
        assert SLEUTEL in extra_hoofdstukken()


def test_every_activity_that_declares_a_scenario_has_a_section(inhoud: object) -> None:
    met = sorted(c for c, r in activiteiten().items() if r.activiteit.scenario is not None)
    assert {"bibliotheken", "groot_onderhoud", "jgz", "straatreiniging"} <= set(met)
    assert sorted(inhoud.samenvatting) == met  # type: ignore[attr-defined]
    koppen = [b.kop for b in inhoud.blokken if isinstance(b, Tekst) and b.kop]  # type: ignore[attr-defined]
    assert koppen == [activiteiten()[c].activiteit.naam for c in met]


def test_the_jgz_section_shows_the_core_numbers(inhoud: object) -> None:
    reg = activiteit("jgz")
    kern = scenario_activiteit(reg.analyse(indeling=IND))
    tekst, grafiek, tabel = _blokken_van(inhoud, reg.activiteit.naam)
    assert isinstance(tekst, Tekst) and isinstance(grafiek, Grafiek) and isinstance(tabel, Tabel)
    assert tekst.alineas[0] == (
        "Scenario herverdelen: het totaal blijft elk jaar gelijk, hoogstens 5% verandering per "
        "gebied per jaar, over drie jaar."
    )
    assert tekst.alineas[1] == kern.uitruil
    assert tekst.alineas[1].startswith("Oud-Zuid levert 2,3 fte in (−14%)")
    assert tekst.alineas[2] == (
        "Op het spectrum van ongelijk investeren staat de verdeling nu en na drie jaar op "
        "'oog voor uitgangssituatie'."
    )
    # the chart: per area its OI-index now and after each year, the core's path
    figuur = grafiek.figuur
    assert figuur.soort == "staaf" and figuur.y == (
        "Nu",
        "Na één jaar",
        "Na twee jaar",
        "Na drie jaar",
    )
    assert figuur.referenties == {"y": 100.0}
    pad = kern.pad("oi_index")
    np.testing.assert_array_equal(figuur.data.to_numpy(), pad.T.to_numpy())
    assert list(figuur.data.index) == list(pad.columns)  # area names, not codes
    # the table: the last year, largest giver first
    np.testing.assert_array_equal(tabel.data["inzet"], kern.tabel()["inzet"])
    assert tabel.data["verandering"].is_monotonic_increasing
    assert [k.naam for k in tabel.kolommen][:3] == ["naam", "huidig", "inzet"]
    assert tabel.kolommen[1].kop == "Huidige inzet" and tabel.kolommen[1].eenheid == "fte"


def test_a_share_without_a_total_is_shown_in_percentage_points(inhoud: object) -> None:
    tekst, _, tabel = _blokken_van(inhoud, activiteit("straatreiniging").activiteit.naam)
    assert isinstance(tekst, Tekst) and isinstance(tabel, Tabel)
    assert "--totaal rekent het in fte" in tekst.alineas[0]
    assert "procentpunt" in tekst.alineas[1]
    assert tabel.data["inzet"].sum() == pytest.approx(100)


def test_toevoegen_is_described_with_its_extra(inhoud: object) -> None:
    tekst, _, tabel = _blokken_van(inhoud, activiteit("bibliotheken").activiteit.naam)
    assert isinstance(tekst, Tekst) and isinstance(tabel, Tabel)
    assert tekst.alineas[0].startswith("Scenario toevoegen: er komt ")
    assert "geen gebied levert in" in tekst.alineas[1]
    assert (tabel.data["verandering"] >= 0).all()
    assert (np.mod(tabel.data["inzet"], 100) == 0).all()  # whole 100 m²


# -- a scenario the data cannot carry ---------------------------------------------------------
def _indicator(code: str, rol: Rol) -> Indicator:
    return Indicator(code=code, naam=code, eenheid="fte", richting=Richting.NEUTRAAL, rol=rol)


TE_SNEL = Activiteit(
    code="te_snel",
    naam="Te snel",
    afdeling="Proef",
    niveau=Niveau.STADSDEEL,
    keten=Resultatenketen(
        inzet=Schakel(omschrijving="fte", indicatoren=(_indicator("fte", Rol.INZET),)),
        resultaat=Schakel.leeg("niet gemeten"),
        doel=Schakel.leeg("niet gemeten"),
        ambitie=Schakel.leeg("niet gemeten"),
        opgave=(_indicator("vraag", Rol.OPGAVE),),
    ),
    scenario=ScenarioInstelling(eenheid="fte", vorm=Vorm.TOEVOEGEN, extra_deel=2.0, tempo=0.01),
)


class _TeSnel:
    @hookimpl
    def register_activiteiten(self, register: object) -> None:
        import pandas as pd

        tabel = pd.DataFrame(
            {"stadsdeel": ["Centrum", "Noord"], "fte": [10.0, 1.0], "vraag": [1.0, 1.0]}
        )
        register(  # type: ignore[operator]
            TE_SNEL,
            data=lambda: to_tidy(
                tabel, gebied="stadsdeel", indicatoren=["fte", "vraag"], jaar=2024
            ),
        )


def test_a_scenario_that_cannot_be_computed_is_explained() -> None:
    with isolated(_TeSnel()):
        inhoud = build_wat_als(IND)
    uitleg = next(b for b in inhoud.blokken if isinstance(b, Tekst) and b.kop == "Te snel")
    assert uitleg.alineas[0].startswith("Dit scenario is niet door te rekenen: argument 'tempo'")
    assert "te_snel" not in inhoud.samenvatting


@pytest.mark.slow  # draws every figure of the report
def test_the_chapter_is_in_both_renderings(tmp_path: Path) -> None:
    import openpyxl

    u = make_report(RapportOpties(uitvoer=tmp_path, activiteiten=("jgz",)))
    assert "Wat als" in openpyxl.load_workbook(u.xlsx).sheetnames
    html = u.html.read_text(encoding="utf-8")
    assert "Wat als?" in html and "Oud-Zuid levert 2,3 fte in" in html
    assert u.rapport.samenvatting[SLEUTEL]["jgz"]["spectrum"][0] == "oog voor uitgangssituatie"
