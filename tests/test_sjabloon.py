"""``oi plugin nieuw``: the scaffold is complete, clean, never overwrites, and passes the checks."""

from __future__ import annotations

import importlib
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
import yaml

from oi_core import InvoerFout
from oi_core.check import check_plugin
from oi_core.cli import main
from oi_core.sjabloon import PluginNamen, scaffold, template_files

REPO = Path(__file__).resolve().parents[1]

BESTANDEN = {
    ".github/workflows/oi.yml",
    ".gitignore",
    ".gitlab-ci.yml",
    "README.md",
    "oi_sportveld/__init__.py",
    "oi_sportveld/data/HERKOMST.md",
    "oi_sportveld/data/sportveld.csv",
    "oi_sportveld/py.typed",
    "pyproject.toml",
    "tests/test_check.py",
    "tests/test_sportveld.py",
}


@pytest.fixture
def sportveld(tmp_path: Path) -> Path:
    return scaffold(PluginNamen.from_name("sportveld"), tmp_path, core_versie="0.1.0")


def _files(map_: Path) -> set[str]:
    return {p.relative_to(map_).as_posix() for p in map_.rglob("*") if p.is_file()}


def test_the_scaffold_has_every_file_and_no_template_tokens(sportveld: Path) -> None:
    assert sportveld.name == "oi-sportveld"
    assert _files(sportveld) == BESTANDEN
    for pad in sportveld.rglob("*"):
        if pad.is_file():
            assert "__OI_" not in pad.read_text(encoding="utf-8"), pad


def test_pyproject_declares_the_entry_point(sportveld: Path) -> None:
    project = tomllib.loads((sportveld / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["name"] == "oi-sportveld"
    assert project["project"]["entry-points"]["oi"] == {"sportveld": "oi_sportveld"}
    assert project["project"]["dependencies"] == ["oi-core>=0.1.0"]
    assert project["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"] == ["oi_sportveld"]


def test_ci_files_run_oi_check_and_pytest(sportveld: Path) -> None:
    github = yaml.safe_load((sportveld / ".github/workflows/oi.yml").read_text(encoding="utf-8"))
    stappen = " ".join(str(s.get("run", "")) for s in github["jobs"]["controle"]["steps"])
    gitlab = yaml.safe_load((sportveld / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    script = " ".join(gitlab["oi"]["script"])
    for tekst in (stappen, script):
        assert "oi check --junit oi-check.xml" in tekst
        assert "python -m pytest" in tekst
        assert "OI_CORE_BRON" in tekst
    assert gitlab["oi"]["artifacts"]["reports"]["junit"] == ["oi-check.xml", "pytest.xml"]


@pytest.fixture
def sportveld_module(sportveld: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ModuleType]:
    monkeypatch.syspath_prepend(str(sportveld))
    yield importlib.import_module("oi_sportveld")
    sys.modules.pop("oi_sportveld", None)


def test_the_scaffold_passes_every_check_strictly(sportveld_module: ModuleType) -> None:
    verslag = check_plugin(sportveld_module)
    assert verslag.bevindingen() == []
    assert {c.naam for c in verslag} == {"hooks", "definitie", "gegevens", "samenvatting", "excel"}


def test_the_scaffold_passes_ruff(sportveld: Path) -> None:
    for opdracht in (["check"], ["format", "--check"]):
        uit = subprocess.run(
            [sys.executable, "-m", "ruff", *opdracht, "--no-cache", "."],
            cwd=sportveld, capture_output=True, text=True, check=False,
        )  # fmt: skip
        assert uit.returncode == 0, uit.stdout + uit.stderr


def test_an_existing_folder_is_never_overwritten(tmp_path: Path) -> None:
    bestaand = tmp_path / "oi-sportveld"
    bestaand.mkdir()
    (bestaand / "eigen.txt").write_text("van de gebruiker", encoding="utf-8")
    with pytest.raises(InvoerFout, match="bestaat al"):
        scaffold(PluginNamen.from_name("sportveld"), tmp_path)
    assert _files(bestaand) == {"eigen.txt"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["oi-sportveld"]  # no leftovers


@pytest.mark.parametrize("naam", ["Groot onderhoud", "1sport", "sport!", "", "sport--veld"])
def test_invalid_names_are_refused_in_dutch(naam: str) -> None:
    with pytest.raises(InvoerFout, match="geen geldige pluginnaam"):
        PluginNamen.from_name(naam)


def test_names_are_derived_from_one_name() -> None:
    namen = PluginNamen.from_name("oi-Groen-Onderhoud")
    assert (namen.code, namen.pakket, namen.distributie, namen.functie) == (
        "groen_onderhoud", "oi_groen_onderhoud", "oi-groen-onderhoud", "OI_GROEN_ONDERHOUD_INDEX",
    )  # fmt: skip
    assert namen.titel == "Groen onderhoud"


def test_the_command_scaffolds_and_refuses_a_second_time(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["plugin", "nieuw", "sportveld", "--map", str(tmp_path), "--json"]) == 0
    assert '"activiteit": "sportveld"' in capsys.readouterr().out
    assert main(["plugin", "nieuw", "sportveld", "--map", str(tmp_path)]) == 1
    assert "bestaat al" in capsys.readouterr().err


def test_templates_are_in_the_wheel_configuration() -> None:
    """Hatch packages everything under oi_core; the templates must not be excluded."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"] == ["oi_core"]
    namen = {p.as_posix() for p, _ in template_files()}
    assert "__OI_PAKKET__/__init__.py.sjabloon" in namen
    assert "dot-github/workflows/oi.yml.sjabloon" in namen
