"""From nothing to a checked plugin, the way a department does it, in a fresh environment.

One virtual environment gets oi-core (built from this repository, so the templates come
from the wheel), then ``oi plugin nieuw`` scaffolds a plugin there, and three plugins are
installed: the scaffold, the tutorial's example and a deliberately broken copy of the
scaffold. ``OI_PLUGINS`` selects which ones ``oi check`` sees. Uses uv when available
(fast, cached), else ``python -m venv`` and pip.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from oi_core.sjabloon import PluginNamen, scaffold

REPO = Path(__file__).resolve().parents[1]
VOORBEELD = REPO / "docs" / "voorbeelden" / "oi-sportvoorzieningen"


@dataclass(frozen=True)
class Omgeving:
    map: Path
    bin: Path

    def run(
        self, *args: str | Path, cwd: Path | None = None, plugins: str | None = None
    ) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
        env["PATH"] = f"{self.bin}{os.pathsep}{env.get('PATH', '')}"
        if plugins is not None:
            env["OI_PLUGINS"] = plugins
        return subprocess.run(
            [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, check=False
        )


def _must(uit: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert uit.returncode == 0, f"{uit.args}\n{uit.stdout}\n{uit.stderr}"
    return uit


def _installer(venv: Path) -> Sequence[str]:
    python = venv / "bin" / "python"
    uv = shutil.which("uv")
    if uv:
        _must(subprocess.run([uv, "venv", "-q", "--python", sys.executable, str(venv)],
                             capture_output=True, text=True, check=False))  # fmt: skip
        return [uv, "pip", "install", "-q", "--python", str(python)]
    _must(subprocess.run([sys.executable, "-m", "venv", str(venv)], capture_output=True,
                         text=True, check=False))  # fmt: skip
    return [str(python), "-m", "pip", "install", "-q"]


def _break(kopie: Path) -> None:
    """Unknown area, undeclared indicator, duplicate Excel function name, import error."""
    csv = kopie / "oi_kapot" / "data" / "kapot.csv"
    regels = csv.read_text(encoding="utf-8").splitlines()
    regels = [regels[0] + ",vulgraad", *(r + ",80" for r in regels[1:])]
    csv.write_text("\n".join(regels).replace("Zuidoost,", "Zuidoostt,") + "\n", encoding="utf-8")
    code = kopie / "oi_kapot" / "__init__.py"
    tekst = code.read_text(encoding="utf-8").replace(
        "codes = [INZET.code, RESULTAAT.code, OPGAVE.code]",
        'codes = [INZET.code, RESULTAAT.code, OPGAVE.code, "vulgraad"]',
    )
    tekst += (
        "\n\n_eerste_keer = register_excel_functies\n\n\n@hookimpl\n"
        "def register_excel_functies(register: Callable[[ExcelFunctie], Any]) -> None:\n"
        "    _eerste_keer(register)\n    _eerste_keer(register)\n"
    )
    code.write_text(tekst, encoding="utf-8")
    (kopie / "oi_kapot" / "extra.py").write_text("import oi_bestaat_niet\n", encoding="utf-8")
    pyproject = kopie / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text(encoding="utf-8").replace(
            'kapot = "oi_kapot"', 'kapot = "oi_kapot"\nkapot_extra = "oi_kapot.extra"'
        ),
        encoding="utf-8",
    )


@pytest.fixture(scope="module")
def omgeving(tmp_path_factory: pytest.TempPathFactory) -> Omgeving:
    map_ = tmp_path_factory.mktemp("venv-sjabloon")
    installeer = _installer(map_ / "venv")
    o = Omgeving(map_, map_ / "venv" / "bin")
    _must(o.run(*installeer, REPO, "pytest>=8"))
    # the installed command scaffolds, so the templates come from the wheel
    _must(o.run("oi", "plugin", "nieuw", "sportveld", "--map", map_ / "plugins"))
    _break(scaffold(PluginNamen.from_name("kapot"), map_ / "plugins"))
    plugins = [map_ / "plugins" / "oi-sportveld", map_ / "plugins" / "oi-kapot", VOORBEELD]
    _must(o.run(*installeer, *plugins))
    return o


def test_scaffold_and_example_pass_oi_check_strictly(omgeving: Omgeving) -> None:
    uit = omgeving.run("oi", "check", "--strict", "--json", plugins="sportveld,sportvoorzieningen")
    verslag = json.loads(_must(uit).stdout)
    assert verslag["geslaagd"] is True
    assert {"sportveld", "sportvoorzieningen"} <= set(verslag["plugins"])  # + the core's own
    assert verslag["bevindingen"] == []
    assert verslag["controles"] >= 10  # hooks, definitie, gegevens, samenvatting, excel (×2)


def test_the_wheel_carries_every_template(omgeving: Omgeving) -> None:
    map_ = omgeving.map / "plugins" / "oi-sportveld"
    for pad in (".github/workflows/oi.yml", ".gitlab-ci.yml", ".gitignore", "README.md",
                "oi_sportveld/data/sportveld.csv", "tests/test_conformiteit.py"):  # fmt: skip
        assert (map_ / pad).is_file(), pad


def test_scaffold_and_example_tests_pass(omgeving: Omgeving, tmp_path: Path) -> None:
    scaffold_tests = omgeving.map / "plugins" / "oi-sportveld" / "tests"
    voorbeeld_tests = shutil.copytree(VOORBEELD / "tests", tmp_path / "voorbeeld")  # installed
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    uit = omgeving.run(
        "python", "-m", "pytest", "-q", "-p", "no:cacheprovider", "--import-mode=importlib",
        scaffold_tests, voorbeeld_tests, cwd=tmp_path,
    )  # fmt: skip
    assert "21 passed" in _must(uit).stdout


def test_broken_copy_fails_and_names_each_problem(omgeving: Omgeving) -> None:
    uit = omgeving.run("oi", "check", "--json", plugins="kapot,kapot_extra")
    assert uit.returncode == 1, uit.stdout + uit.stderr
    verslag = json.loads(uit.stdout)
    gevonden = [
        (b["plugin"], b["activiteit"], b["waar"], b["melding"]) for b in verslag["bevindingen"]
    ]
    verwacht = [
        ("kapot_extra", "", "laden", "de plugin kan niet worden geladen: ModuleNotFoundError: "
         "No module named 'oi_bestaat_niet'"),
        ("kapot", "", "hook register_excel_functies", "'OI_KAPOT_INDEX' is al geregistreerd"),
        ("kapot", "kapot", "gegevens, rij 7, kolom 'gebied'",
         "Onbekend gebied 'Zuidoostt' op niveau stadsdeel."),
        ("kapot", "kapot", "gegevens, rij 25, kolom 'indicator'",
         "indicator 'vulgraad' is niet gedeclareerd in activiteit 'kapot'"),
    ]  # fmt: skip
    for plugin, activiteit, waar, melding in verwacht:
        assert any(
            g[:3] == (plugin, activiteit, waar) and g[3].startswith(melding) for g in gevonden
        ), (plugin, waar, melding, gevonden)
