"""The tutorial's first page: the smallest activity plugin is at most 30 lines and passes
every check of ``oi check --strict`` (run in-process, with only this plugin loaded)."""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from oi_core import activiteit
from oi_core.check import check_plugin
from oi_core.gebieden.indeling import Gebiedsindeling
from oi_core.model.activiteit import Niveau
from oi_core.plugins.manager import isolated

MAP = Path(__file__).parents[1] / "docs" / "voorbeelden" / "oi-speelplekken"
BRON = MAP / "oi_speelplekken" / "__init__.py"
HANDLEIDING = Path(__file__).parents[1] / "docs" / "handleiding" / "plugin-schrijven.md"


@pytest.fixture(scope="module")
def speelplekken() -> ModuleType:
    with pytest.MonkeyPatch.context() as mp:
        mp.syspath_prepend(str(MAP))
        return importlib.import_module("oi_speelplekken")


def test_the_smallest_plugin_is_at_most_30_lines() -> None:
    assert len(BRON.read_text(encoding="utf-8").splitlines()) <= 30


def test_it_passes_oi_check_strict(speelplekken: ModuleType) -> None:
    verslag = check_plugin(speelplekken.plugin)
    bevindingen = [str(b) for c in verslag.controles for b in c.bevindingen]
    assert verslag.geslaagd(True), bevindingen
    assert {c.naam for c in verslag.controles} >= {"hooks", "definitie", "gegevens"}


def test_the_match_is_the_cores_on_its_data(speelplekken: ModuleType) -> None:
    with isolated(speelplekken.plugin):
        m = activiteit("speelplekken").analyse().match()
    kinderen = Gebiedsindeling.amsterdam().bevolking(Niveau.STADSDEEL, "inwoners_0_14")
    plekken = {"A": 40, "B": 1, "E": 80, "F": 120, "K": 85, "M": 95, "N": 110, "S": 20, "T": 60}
    a = np.array([plekken[g] for g in m.index]) / sum(plekken.values())
    b = kinderen.reindex(m.index).to_numpy() / kinderen.sum()
    np.testing.assert_allclose(m["oi_index"], 100 * a / b)
    assert (
        m.loc["S", "signaal"] == "minder dan het aandeel in de opgave"
    )  # Weesp: 3% of the plekken, 4% of the children


def test_the_data_is_the_cbs_count_of_children(speelplekken: ModuleType) -> None:
    """The children column is the CBS 2024 count the core ships, not a copy that drifts."""
    kinderen = Gebiedsindeling.amsterdam().bevolking(Niveau.STADSDEEL, "inwoners_0_14")
    tabel = speelplekken.plugin.registratie["data"]()
    csv = tabel[tabel["indicator"] == "kinderen"].set_index("gebied")["waarde"]
    assert csv.reindex(kinderen.index).tolist() == kinderen.tolist()


def test_the_tutorial_starts_with_it() -> None:
    tekst = HANDLEIDING.read_text(encoding="utf-8")
    klein = '--8<-- "docs/voorbeelden/oi-speelplekken/oi_speelplekken/__init__.py"'
    assert klein in tekst
    assert tekst.index(klein) < tekst.index('--8<-- "docs/voorbeelden/oi-sportvoorzieningen')
