"""The check suite and fixtures, run the way a plugin's own test suite runs them."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

SEED = Path(__file__).resolve().parent / "referentie"  # published tables, see HERKOMST.md

PLUGIN = f'''
"""A small plugin on the published straatreiniging table."""
import pandas as pd
from oi_core import (Activiteit, ExcelArgument, ExcelFunctie, Indicator, Niveau,
    Resultatenketen, Richting, Rol, Schakel, Vorm, hookimpl, to_tidy)

BRON = "Presentatie Inzicht in ongelijk investeren"
FTE = Indicator(code="fte_pct", naam="FTE", eenheid="% van totaal", rol=Rol.INZET,
    richting=Richting.NEUTRAAL, bron=BRON, peiljaar=2023)
OPGAVE = Indicator(code="bewoners_bezoekers_pct", naam="Bewoners en bezoekers",
    eenheid="% van totaal", rol=Rol.OPGAVE, richting=Richting.NEUTRAAL, bron=BRON,
    peiljaar=2023)
ACTIVITEIT = Activiteit(code="straat", naam="Straatreiniging", afdeling="Stadswerken",
    beschrijving="Inzet van straatreinigers per stadsdeel.",
    keten=Resultatenketen(inzet=Schakel(omschrijving="FTE", indicatoren=(FTE,)),
        resultaat=Schakel.leeg("CROW-schoonmeting"), doel=Schakel.leeg("Schone straten"),
        ambitie=Schakel.leeg("Een leefbare omgeving"), opgave=(OPGAVE,)),
    niveau=Niveau.STADSDEEL, vormen=frozenset({{Vorm.HERVERDELEN}}), bron=BRON, peiljaar=2023)
GEBIEDEN = {{}}
EXTRA = []

def data():
    breed = pd.read_csv({str(SEED / "straatreiniging_stadsdelen.csv")!r})
    breed["stadsdeel"] = breed["stadsdeel"].replace(GEBIEDEN)
    tidy = to_tidy(breed, gebied="stadsdeel", indicatoren=["fte_pct", "bewoners_bezoekers_pct"],
        jaar=2023)
    return pd.concat([tidy, pd.DataFrame(EXTRA, columns=tidy.columns)], ignore_index=True)

def aandeel(stadsdeel):
    return 0.0

FUNCTIE = ExcelFunctie(naam="OI_STRAAT_AANDEEL", functie=aandeel,
    beschrijving="Aandeel van een stadsdeel in de inzet.",
    argumenten=(ExcelArgument("stadsdeel", "Naam of code van een stadsdeel.", soort="tekst"),),
    voorbeeld='=OI_STRAAT_AANDEEL("Noord")', resultaat="Een aandeel tussen 0 en 1.")
FUNCTIES = [FUNCTIE]

@hookimpl
def register_activiteiten(register):
    register(ACTIVITEIT, data=data)

@hookimpl
def register_excel_functies(register):
    for f in FUNCTIES:
        register(f)
'''

CHECKS = """
import oi_straat
from oi_core.testing import PluginChecks


class TestCheck(PluginChecks):
    plugin = oi_straat
"""

BROKEN = """
GEBIEDEN.update({"Zuidoost": "Zuidoostt"})
EXTRA.append({"gebied": "Noord", "jaar": 2023, "indicator": "vulgraad", "waarde": 86})
FUNCTIES.append(FUNCTIE)
"""


def test_the_checks_pass_for_a_clean_plugin(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(oi_straat=PLUGIN, test_check=CHECKS)
    uitkomst = pytester.runpytest("-v")
    uitkomst.assert_outcomes(passed=6)
    uitkomst.stdout.fnmatch_lines(
        ["*test_definitie?straat? PASSED*", "*test_gegevens?straat? PASSED*"]
    )


def test_the_checks_name_every_problem_of_a_broken_plugin(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(oi_straat=PLUGIN + BROKEN, test_check=CHECKS)
    uitkomst = pytester.runpytest("-v")
    uitkomst.assert_outcomes(passed=4, failed=2)
    uitkomst.stdout.fnmatch_lines(
        [
            "*test_hooks FAILED*",
            "*test_gegevens?straat? FAILED*",
            "*oi_straat (hook register_excel_functies): 'OI_STRAAT_AANDEEL' is al geregistreerd*",
            "*oi_straat/straat (gegevens, rij 7, kolom 'gebied'): Onbekend gebied 'Zuidoostt'*",
            "*oi_straat/straat (gegevens, rij 19, kolom 'indicator'): indicator 'vulgraad' is "
            "niet gedeclareerd*",
        ]
    )


def test_strict_checks_fail_on_warnings(pytester: pytest.Pytester) -> None:
    streng = CHECKS + "    strikt = True\n"
    pytester.makepyfile(
        oi_straat=PLUGIN.replace("vormen=frozenset({Vorm.HERVERDELEN}), ", ""),
        test_check=streng,
    )
    uitkomst = pytester.runpytest("-v")
    uitkomst.assert_outcomes(passed=5, failed=1)
    uitkomst.stdout.fnmatch_lines(["*[[]waarschuwing[]] oi_straat/straat (vormen)*"])


def test_checks_without_plugin_say_so(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_leeg="""
        from oi_core.testing import PluginChecks

        class TestCheck(PluginChecks):
            pass
        """
    )
    uitkomst = pytester.runpytest()
    uitkomst.assert_outcomes(failed=6)
    uitkomst.stdout.fnmatch_lines(["*zet 'plugin = <pluginmodule>' in de klasse*"])


def test_fixtures_register_only_the_marked_plugin(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        oi_straat=PLUGIN,
        test_fixtures="""
        import pytest
        import oi_core
        import oi_straat

        @pytest.mark.oi_plugin(oi_straat)
        def test_alleen_deze_plugin(oi_plugin_manager, oi_controle):
            assert list(oi_core.activiteiten()) == ["straat"]
            assert "OI_STRAAT_AANDEEL" in oi_core.excel_functies()
            assert oi_plugin_manager.has_plugin("oi_straat")
            assert oi_controle.geslaagd(strikt=True)

        def test_zonder_marker(oi_plugin):
            pass
        """,
    )
    uitkomst = pytester.runpytest("--strict-markers")
    uitkomst.assert_outcomes(passed=1, errors=1)
    uitkomst.stdout.fnmatch_lines(["*geen plugin: gebruik @pytest.mark.oi_plugin(module)*"])


PROGRAMMAS = """
def test_browser(oi_chromium):
    assert oi_chromium

def test_kantoor(oi_soffice):
    assert oi_soffice

def test_gewoon():
    pass
"""


def test_a_missing_program_skips_naming_the_debian_package(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(pytester.path / "leeg"))
    monkeypatch.delenv("OI_TESTS_VOLLEDIG", raising=False)
    pytester.makepyfile(test_programmas=PROGRAMMAS)
    uitkomst = pytester.runpytest("-rs")
    uitkomst.assert_outcomes(passed=1, skipped=2)
    uitkomst.stdout.fnmatch_lines(
        [
            "*chromium ontbreekt: installeer het Debian-pakket chromium *",
            "*soffice ontbreekt: installeer het Debian-pakket libreoffice-calc-nogui *",
        ]
    )


def test_oi_tests_volledig_turns_the_skip_into_a_failure(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(pytester.path / "leeg"))
    monkeypatch.setenv("OI_TESTS_VOLLEDIG", "1")
    pytester.makepyfile(test_programmas=PROGRAMMAS)
    uitkomst = pytester.runpytest()
    uitkomst.assert_outcomes(passed=1, errors=2)
    uitkomst.stdout.fnmatch_lines(["*soffice ontbreekt*OI_TESTS_VOLLEDIG is gezet*"])


def test_tests_that_drive_a_program_are_slow(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_programmas=PROGRAMMAS)
    uitkomst = pytester.runpytest("--strict-markers", "-m", "not slow")
    uitkomst.assert_outcomes(passed=1, deselected=2)


def test_the_reference_folder_is_found_beside_the_test(pytester: pytest.Pytester) -> None:
    map_ = pytester.mkdir("referentie")
    (map_ / "HERKOMST.md").write_text("| `a.csv` | x | `" + "0" * 64 + "` |\n", encoding="utf-8")
    pytester.makepyfile(
        test_ref="""
        def test_ref(oi_referentie):
            assert oi_referentie.name == "referentie"
            assert oi_referentie.joinpath("HERKOMST.md").is_file()
        """
    )
    pytester.runpytest().assert_outcomes(passed=1)
    (map_ / "HERKOMST.md").unlink()
    uitkomst = pytester.runpytest()
    uitkomst.assert_outcomes(errors=1)
    uitkomst.stdout.fnmatch_lines(["*geen map 'referentie' met HERKOMST.md*"])
