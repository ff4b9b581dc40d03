"""Each department plugin installs on its own: a fresh environment with oi-core and only that
plugin (``pip install plugins/oi-jgz``), where ``oi plugins`` lists it with its version and its
own tests pass against the installed package."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from .venvhulp import Omgeving, installer, must

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
PLUGINS = {
    "bibliotheken": "oi-bibliotheken",
    "straatreiniging": "oi-straatreiniging",
    "jgz": "oi-jgz",
    "groot_onderhoud": "oi-groot-onderhoud",
}


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

    tests = shutil.copytree(bron / "tests", map_ / "tests")  # outside the repository
    (map_ / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    uit = omgeving.run(
        "python", "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", "--import-mode=importlib",
        tests, cwd=map_, shared=SHARED,
    )  # fmt: skip
    assert " passed" in must(uit).stdout and "failed" not in uit.stdout
    assert "referentiemap" not in uit.stdout  # the comparisons with the seed ran too
