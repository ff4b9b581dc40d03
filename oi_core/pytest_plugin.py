"""pytest plugin shipped with oi_core (entry point ``pytest11``): fixtures for plugin tests.

The check suite itself is :class:`oi_core.testing.PluginChecks`. The fixtures
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
``oi_referentie``
    the folder ``referentie`` beside the test file (or in one of its parents): the
    published tables the tests compare with, copied into the repository with a
    ``HERKOMST.md`` that records their source and sha256 (see :func:`check_herkomst`);
``oi_chromium``, ``oi_soffice``
    the path of Chromium or LibreOffice. When the program is absent the test is skipped
    with the Debian package that provides it; with ``OI_TESTS_VOLLEDIG=1`` (as in CI) it
    fails instead. Tests using them are marked ``slow``.

The marker ``slow`` (virtual environments, servers, LibreOffice, Chromium, a documentation
build) is registered here, so ``pytest -m "not slow"`` is the fast loop.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
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
TRAAG = "slow"
ENV_VOLLEDIG = "OI_TESTS_VOLLEDIG"
HERKOMST = "HERKOMST.md"
REFERENTIE = "referentie"
PROGRAMMAS = {
    "oi_chromium": ("chromium", "chromium"),
    "oi_soffice": ("soffice", "libreoffice-calc-nogui"),
}
_RIJ = re.compile(r"^\|\s*`([^`]+)`\s*\|.*`([0-9a-f]{64})`\s*\|\s*$")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{MARKER}(module): de plugin die de fixtures oi_plugin en oi_plugin_manager gebruiken",
    )
    if not any(str(m).startswith(f"{TRAAG}:") for m in config.getini("markers")):
        config.addinivalue_line(
            "markers",
            f"{TRAAG}: traag (virtuele omgevingen, servers, LibreOffice, Chromium, mkdocs); "
            'overslaan met -m "not slow"',
        )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that drive Chromium or LibreOffice are slow."""
    for item in items:
        if set(getattr(item, "fixturenames", ())) & set(PROGRAMMAS):
            item.add_marker(TRAAG)


@pytest.fixture(scope="session")
def oi_indeling() -> Gebiedsindeling:
    """The embedded Amsterdam Gebiedsindeling (2022 division, 2024 population)."""
    return Gebiedsindeling.amsterdam()


def find_program(naam: str, pakket: str) -> str:
    """The path of program ``naam``; skips naming Debian package ``pakket`` when absent.

    With ``OI_TESTS_VOLLEDIG=1`` a missing program fails the test instead.
    """
    pad = shutil.which(naam)
    if pad is not None:
        return pad
    reden = f"{naam} ontbreekt: installeer het Debian-pakket {pakket} (apt-get install -y {pakket})"
    if os.environ.get(ENV_VOLLEDIG, "") not in ("", "0"):
        pytest.fail(f"{reden}; {ENV_VOLLEDIG} is gezet, dus deze test moet draaien", pytrace=False)
    pytest.skip(reden)


@pytest.fixture(scope="session")
def oi_chromium() -> str:
    """The path of Chromium (Debian package ``chromium``)."""
    return find_program(*PROGRAMMAS["oi_chromium"])


@pytest.fixture(scope="session")
def oi_soffice() -> str:
    """The path of LibreOffice's ``soffice`` (Debian package ``libreoffice-calc-nogui``)."""
    return find_program(*PROGRAMMAS["oi_soffice"])


def herkomst_checksums(herkomst: Path) -> dict[str, str]:
    """File → sha256 from the table rows of a ``HERKOMST.md`` (``| `file` | … | `sha256` |``)."""
    regels = herkomst.read_text(encoding="utf-8").splitlines()
    return {m[1]: m[2] for m in map(_RIJ.match, regels) if m}


def check_herkomst(map_: Path) -> list[str]:
    """What differs between the files in ``map_`` and the checksums its ``HERKOMST.md`` records.

    Every file (below ``map_``, except the note itself) must be listed with its sha256 and
    match it. Returns the problems in Dutch; an empty list means the copies are faithful.
    """
    if not (map_ / HERKOMST).is_file():
        return [f"{map_}: {HERKOMST} ontbreekt"]
    verwacht = herkomst_checksums(map_ / HERKOMST)
    bestanden = {p.relative_to(map_).as_posix(): p for p in map_.rglob("*") if p.is_file()}
    bestanden.pop(HERKOMST, None)
    problemen = [
        f"{naam}: staat in {HERKOMST} maar ontbreekt" for naam in verwacht.keys() - bestanden.keys()
    ]
    problemen += [
        f"{naam}: geen controlegetal in {HERKOMST}" for naam in bestanden.keys() - verwacht.keys()
    ]
    for naam in sorted(verwacht.keys() & bestanden.keys()):
        echt = hashlib.sha256(bestanden[naam].read_bytes()).hexdigest()
        if echt != verwacht[naam]:
            problemen.append(f"{naam}: sha256 {echt} wijkt af van {verwacht[naam]} in {HERKOMST}")
    return sorted(problemen)


@pytest.fixture(scope="module")
def oi_referentie(request: pytest.FixtureRequest) -> Path:
    """The folder ``referentie`` beside the test file or in a parent up to the rootdir."""
    begin = Path(str(request.path)).resolve().parent
    wortel = request.config.rootpath.resolve()
    for map_ in (begin, *begin.parents):
        if (map_ / REFERENTIE / HERKOMST).is_file():
            return map_ / REFERENTIE
        if map_ == wortel:
            break
    pytest.fail(f"geen map '{REFERENTIE}' met {HERKOMST} bij {begin}", pytrace=False)


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
