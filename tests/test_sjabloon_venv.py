"""From nothing to a checked plugin, the way a department does it, in a fresh environment.

One virtual environment gets oi-core (built from this repository, so the templates come
from the wheel), then ``oi plugin nieuw`` scaffolds a plugin there, and three plugins are
installed: the scaffold, the tutorial's example and a deliberately broken copy of the
scaffold. ``OI_PLUGINS`` selects which ones ``oi check`` sees. Uses uv when available
(fast, cached), else ``python -m venv`` and pip.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from oi_core.sjabloon import PluginNamen, scaffold

from .venvhulp import Omgeving, installer, must

REPO = Path(__file__).resolve().parents[1]
VOORBEELD = REPO / "docs" / "voorbeelden" / "oi-sportvoorzieningen"

pytestmark = pytest.mark.slow  # a virtual environment


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
    installeer = installer(map_ / "venv")
    o = Omgeving(map_, map_ / "venv" / "bin")
    must(o.run(*installeer, REPO, "pytest>=8"))
    # the installed command scaffolds, so the templates come from the wheel
    must(o.run("oi", "plugin", "nieuw", "sportveld", "--map", map_ / "plugins"))
    _break(scaffold(PluginNamen.from_name("kapot"), map_ / "plugins"))
    plugins = [map_ / "plugins" / "oi-sportveld", map_ / "plugins" / "oi-kapot", VOORBEELD]
    must(o.run(*installeer, *plugins))
    return o


def test_scaffold_and_example_pass_oi_check_strictly(omgeving: Omgeving) -> None:
    uit = omgeving.run("oi", "check", "--strict", "--json", plugins="sportveld,sportvoorzieningen")
    verslag = json.loads(must(uit).stdout)
    assert verslag["geslaagd"] is True
    assert {"sportveld", "sportvoorzieningen"} <= set(verslag["plugins"])  # + the core's own
    assert verslag["bevindingen"] == []
    assert verslag["controles"] >= 10  # hooks, definitie, gegevens, samenvatting, excel (×2)


def test_the_wheel_carries_every_template(omgeving: Omgeving) -> None:
    map_ = omgeving.map / "plugins" / "oi-sportveld"
    for pad in (".github/workflows/oi.yml", ".gitlab-ci.yml", ".gitignore", "README.md",
                "oi_sportveld/data/sportveld.csv", "tests/test_check.py"):  # fmt: skip
        assert (map_ / pad).is_file(), pad


def test_scaffold_and_example_tests_pass(omgeving: Omgeving, tmp_path: Path) -> None:
    scaffold_tests = omgeving.map / "plugins" / "oi-sportveld" / "tests"
    voorbeeld_tests = shutil.copytree(VOORBEELD / "tests", tmp_path / "voorbeeld")  # installed
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    uit = omgeving.run(
        "python", "-m", "pytest", "-q", "-p", "no:cacheprovider", "--import-mode=importlib",
        scaffold_tests, voorbeeld_tests, cwd=tmp_path,
    )  # fmt: skip
    assert "21 passed" in must(uit).stdout


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
