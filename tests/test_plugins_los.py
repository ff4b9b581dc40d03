"""Each department plugin installs on its own: a fresh environment with oi-core and only that
plugin (``pip install plugins/oi-jgz``), where ``oi plugins`` lists it with its version, no
library for charts, workbooks or Excel is installed (those belong to oi-rapport and oi-excel),
``oi check --strict`` passes, and its own tests pass against the installed package, from a copy
of its ``tests`` folder alone (reference tables included)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from .venvhulp import Omgeving, installer, must

REPO = Path(__file__).resolve().parents[1]
ZWAAR = ("matplotlib", "xlsxwriter", "xlwings")
GEINSTALLEERD = (
    "import importlib.metadata as m, json; "
    "print(json.dumps(sorted(d.metadata['Name'].lower().replace('_', '-')"
    " for d in m.distributions())))"
)  # the distributions installed in the fresh environment
PLUGINS = {
    "bibliotheken": "oi-bibliotheken",
    "straatreiniging": "oi-straatreiniging",
    "jgz": "oi-jgz",
    "groot_onderhoud": "oi-groot-onderhoud",
}


pytestmark = pytest.mark.slow


@pytest.mark.parametrize("code", sorted(PLUGINS))
def test_plugin_installs_and_passes_its_tests_on_its_own(
    code: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    map_ = tmp_path_factory.mktemp(f"los-{code}")
    installeer = installer(map_ / "venv")
    omgeving = Omgeving(map_, map_ / "venv" / "bin")
    bron = REPO / "plugins" / PLUGINS[code]
    must(omgeving.run(*installeer, REPO, bron, "pytest>=8"))

    lijst = json.loads(must(omgeving.run("oi", "plugins", "--json")).stdout)
    assert [(p["name"], p["distribution"]) for p in lijst["plugins"]] == [(code, PLUGINS[code])]
    assert lijst["plugins"][0]["version"] and lijst["problemen"] == []
    pakketten = json.loads(must(omgeving.run("python", "-c", GEINSTALLEERD)).stdout)
    assert "oi-core" in pakketten and PLUGINS[code] in pakketten
    assert [p for p in ZWAAR if p in pakketten] == []
    controle = json.loads(must(omgeving.run("oi", "check", "--strict", "--json")).stdout)
    assert controle["geslaagd"] and controle["plugins"] == [code]

    tests = shutil.copytree(bron / "tests", map_ / "tests")  # outside the repository
    (map_ / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    uit = omgeving.run(
        "python", "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", "--import-mode=importlib",
        tests, cwd=map_,
    )  # fmt: skip
    assert " passed" in must(uit).stdout and "failed" not in uit.stdout
    assert "skipped" not in uit.stdout  # the comparisons with the reference tables ran too
