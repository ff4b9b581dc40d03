"""``oi check`` at the command line: exit codes, Dutch output, --json and --junit."""

from __future__ import annotations

import importlib
import json
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest

from oi_core import ExcelFunctie, hookimpl
from oi_core.cli import main
from oi_core.plugins.manager import isolated
from oi_core.sjabloon import PluginNamen, scaffold


def _plugin(map_: Path, naam: str, monkeypatch: pytest.MonkeyPatch) -> tuple[ModuleType, Path]:
    doel = scaffold(PluginNamen.from_name(naam), map_)
    monkeypatch.syspath_prepend(str(doel))
    module = importlib.import_module(f"oi_{naam}")
    return module, doel / f"oi_{naam}" / "data" / f"{naam}.csv"


@pytest.fixture
def schoon(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ModuleType]:
    module, _ = _plugin(tmp_path, "clischoon", monkeypatch)
    yield module
    sys.modules.pop(module.__name__, None)


@pytest.fixture
def kapot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ModuleType]:
    module, csv = _plugin(tmp_path, "clikapot", monkeypatch)
    tekst = csv.read_text(encoding="utf-8").replace("Zuidoost,", "Zuidoostt,")
    csv.write_text(tekst, encoding="utf-8")
    yield module
    sys.modules.pop(module.__name__, None)


def run(module: ModuleType, *args: str) -> int:
    with isolated(module):
        return main(["check", *args])


def test_a_clean_plugin_exits_0(schoon: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(schoon) == 0
    uit = capsys.readouterr().out
    assert "Geslaagd" in uit
    assert "0 fouten, 0 waarschuwingen" in uit
    assert run(schoon, "--strict") == 0


def test_a_finding_exits_1_and_is_named(
    kapot: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(kapot) == 1
    uit = " ".join(capsys.readouterr().out.split())
    assert "Niet geslaagd" in uit
    assert "oi_clikapot" in uit
    assert "clikapot · gegevens, rij 7, kolom 'gebied': Onbekend gebied 'Zuidoostt'" in uit


def test_strict_counts_warnings(schoon: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    def register_excel_functies(register: Callable[[ExcelFunctie], None]) -> None:
        register(ExcelFunctie("OI_ZONDER_VOORBEELD", lambda: 1.0, "Geeft altijd een."))

    extra = ModuleType("oi_extra")
    extra.register_excel_functies = hookimpl(register_excel_functies)  # type: ignore[attr-defined]
    with isolated(schoon, extra):
        assert main(["check"]) == 0
        assert main(["check", "--strict"]) == 1
    uit = capsys.readouterr().out
    assert "--strict: waarschuwingen tellen mee" in uit


def test_json_lists_every_finding(kapot: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(kapot, "--json") == 1
    verslag = json.loads(capsys.readouterr().out)
    assert verslag["geslaagd"] is False
    assert verslag["fouten"] >= 1
    eerste = verslag["bevindingen"][0]
    assert set(eerste) == {"plugin", "activiteit", "waar", "melding", "ernst", "controle"}
    assert {
        "plugin": "oi_clikapot",
        "activiteit": "clikapot",
        "waar": "gegevens, rij 7, kolom 'gebied'",
        "ernst": "fout",
        "controle": "gegevens",
    }.items() <= eerste.items()


def test_junit_for_ci(
    kapot: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pad = tmp_path / "verslag" / "oi-check.xml"
    assert run(kapot, "--junit", str(pad)) == 1
    wortel = ET.parse(pad).getroot()
    assert wortel.tag == "testsuites"
    assert int(wortel.get("failures", "0")) >= 1
    gevallen = {(c.get("classname"), c.get("name")): c for c in wortel.iter("testcase")}
    gegevens = gevallen[("oi.oi_clikapot.gegevens", "clikapot")]
    fout = gegevens.find("failure")
    assert fout is not None and "Zuidoostt" in (fout.text or "")
    assert gevallen[("oi.oi_clikapot.definitie", "clikapot")].find("failure") is None


def test_junit_never_overwrites_without_asking(
    schoon: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pad = tmp_path / "oi-check.xml"
    pad.write_text("van de gebruiker", encoding="utf-8")
    assert run(schoon, "--junit", str(pad)) == 1
    assert "bestaat al" in capsys.readouterr().err
    assert pad.read_text(encoding="utf-8") == "van de gebruiker"
    assert run(schoon, "--junit", str(pad), "--overschrijf") == 0
    assert ET.parse(pad).getroot().get("failures") == "0"
