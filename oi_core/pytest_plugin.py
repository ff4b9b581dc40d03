"""pytest plugin shipped with oi_core (entry point ``pytest11``): fixtures for plugin tests.

The conformance suite itself is :class:`oi_core.testing.PluginContract`. The fixtures
here help a plugin's own tests:

``oi_indeling``
    the embedded Amsterdam Gebiedsindeling;
``oi_zonder_plugins``
    a plugin manager with only the built-ins;
``oi_plugin``
    the plugin under test: the ``plugin`` attribute of the test class, or the module
    given with the marker ``@pytest.mark.oi_plugin(module)``;
``oi_plugin_manager``
    a plugin manager with only the built-ins and ``oi_plugin`` registered, so
    ``oi_core.activiteiten()`` and ``oi_core.excel_functies()`` see just that plugin;
``oi_controle``
    the :class:`~oi_core.check.Controleverslag` of ``oi check`` for ``oi_plugin``;
``oi_shared``
    the project's reference folder ``shared`` (the presentation's seed tables a plugin's
    data was copied from): ``$OI_SHARED``, else the first ``shared`` folder beside a parent
    of the test file. Tests that compare with it skip with the reason when it is absent.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import pluggy
import pytest

from oi_core.gebieden.indeling import Gebiedsindeling

if TYPE_CHECKING:
    from oi_core.check import Controleverslag

MARKER = "oi_plugin"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{MARKER}(module): de plugin die de fixtures oi_plugin en oi_plugin_manager gebruiken",
    )


@pytest.fixture(scope="session")
def oi_indeling() -> Gebiedsindeling:
    """The embedded Amsterdam Gebiedsindeling (2022 division, 2024 population)."""
    return Gebiedsindeling.amsterdam()


ENV_SHARED = "OI_SHARED"


def find_shared(start: Path) -> Path | None:
    """``$OI_SHARED``, else the first ``shared/seed`` beside ``start`` or one of its parents."""
    if os.environ.get(ENV_SHARED):
        pad = Path(os.environ[ENV_SHARED])
        return pad if (pad / "seed").is_dir() else None
    for map_ in (start, *start.parents):
        if (map_ / "shared" / "seed").is_dir():
            return map_ / "shared"
    return None


@pytest.fixture(scope="module")
def oi_shared(request: pytest.FixtureRequest) -> Path:
    """The reference folder ``shared`` with the seed tables; skips when it is absent."""
    pad = find_shared(Path(str(request.path)).resolve().parent)
    if pad is None:
        pytest.skip(
            f"referentiemap 'shared' niet gevonden (zet {ENV_SHARED}); vergelijking overgeslagen"
        )
    return pad


@pytest.fixture
def oi_zonder_plugins() -> Iterator[None]:
    """A plugin manager with only the built-ins registered, for the duration of a test."""
    from oi_core.plugins.manager import isolated

    with isolated():
        yield


@pytest.fixture
def oi_plugin(request: pytest.FixtureRequest) -> ModuleType | object:
    """The plugin under test: marker ``oi_plugin(module)`` or the class's ``plugin``."""
    marker = request.node.get_closest_marker(MARKER)
    if marker is not None and marker.args:
        gemarkeerd: ModuleType | object = marker.args[0]
        return gemarkeerd
    plugin: ModuleType | object | None = getattr(request.cls, "plugin", None)
    if plugin is None:
        pytest.fail(
            "geen plugin: gebruik @pytest.mark.oi_plugin(module) of zet 'plugin = module' "
            "in de testklasse",
            pytrace=False,
        )
    return plugin


@pytest.fixture
def oi_plugin_manager(oi_plugin: ModuleType | object) -> Iterator[pluggy.PluginManager]:
    """A plugin manager with only the built-ins and ``oi_plugin``, for one test."""
    from oi_core.plugins.manager import isolated

    with isolated(oi_plugin) as pm:
        yield pm


@pytest.fixture
def oi_controle(oi_plugin: ModuleType | object) -> Controleverslag:
    """The checks of ``oi check`` run on ``oi_plugin`` alone."""
    from oi_core.check import check_plugin

    return check_plugin(oi_plugin)
