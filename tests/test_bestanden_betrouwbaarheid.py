"""The page ``docs/betrouwbaarheid.md`` is generated and in sync: it is exactly what the
generator (``tests/betrouwbaarheid.py``) makes of the data it carries, nothing failed in the
run that made it, its counts reach the issue's minimums and do not exceed the cases that
exist, and it is in the navigation of the documentation.

Regenerate with ``python3 -m uv run pytest -m betrouwbaarheid --betrouwbaarheid
docs/betrouwbaarheid.md`` (all tests marked ``betrouwbaarheid``, slow ones included).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import yaml

REPO = Path(__file__).resolve().parents[1]
PAGINA = REPO / "docs" / "betrouwbaarheid.md"


def _load(naam: str, pad: Path) -> ModuleType:
    """A module of ``tests/`` by its path, registered under ``naam`` (for its dataclasses),
    as the root ``conftest.py`` loads the generator."""
    if naam not in sys.modules:
        spec = importlib.util.spec_from_file_location(naam, pad)
        assert spec is not None and spec.loader is not None
        sys.modules[naam] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules[naam])
    return sys.modules[naam]


generator = _load("oi_betrouwbaarheid", REPO / "tests" / "betrouwbaarheid.py")


def _verslag() -> object:
    return generator.parse(PAGINA.read_text(encoding="utf-8"))


def test_the_page_is_what_the_generator_makes_of_its_data() -> None:
    tekst = PAGINA.read_text(encoding="utf-8")
    assert generator.render(generator.parse(tekst)) == tekst


def test_nothing_failed_and_every_kind_was_run() -> None:
    verslag = _verslag()
    assert verslag.mislukt == 0
    for soort in generator.SOORTEN:
        assert verslag.totaal(soort) > 0, soort
    assert verslag.totaal("fuzz", "voorbeelden") >= verslag.totaal("fuzz") * 10


def test_the_cli_matrix_has_at_least_fifty_cases_and_the_page_counts_no_more() -> None:
    matrix = _load("oi_matrix_test", REPO / "tests" / "test_bestanden_matrix.py")
    verslag = _verslag()
    op_pagina = sum(
        u.tests for u in verslag.uitslagen if u.bestand == "tests/test_bestanden_matrix.py"
    )
    assert 50 <= op_pagina <= len(matrix.GEVALLEN)


def test_the_page_is_in_the_navigation() -> None:
    class Lader(yaml.SafeLoader):
        pass

    Lader.add_multi_constructor("", lambda *_: None)  # mkdocs' !!python tags
    nav = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Lader)["nav"]
    assert "betrouwbaarheid.md" in str(nav)
