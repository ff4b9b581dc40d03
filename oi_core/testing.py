"""The checks of ``oi check`` as pytest tests, for one plugin.

A plugin's test suite needs one class::

    import oi_jgz
    from oi_core.testing import PluginChecks


    class TestCheck(PluginChecks):
        plugin = oi_jgz

Every test runs with a plugin manager that has only the built-ins and ``plugin``
registered (:func:`oi_core.plugins.manager.isolated`), so installed plugins cannot interfere.
Activity checks are parametrised per activity (``test_gegevens[jgz]``). Set
``strikt = True`` to fail on warnings as well. Requires pytest (a test dependency).

For a plugin's own tests: :func:`geregistreerd` (the registration in isolation),
:func:`oi_uitvoer` (what an ``oi`` command prints), :func:`assert_onderdelen` and
:func:`assert_bevat` (report parts and texts), :func:`load_test_module` (a test module's
test plugins shared with another).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path
from types import ModuleType
from typing import Any, ClassVar

import pluggy
import pytest

from oi_core.check import (
    Controlebevinding,
    check_commands,
    check_data,
    check_definitie,
    check_excel_functie,
    check_hooks,
    check_samenvatting,
)
from oi_core.check import plugin_name as _plugin_name
from oi_core.model.activiteit import Activiteit
from oi_core.model.registratie import ActiviteitRegistratie, Onderdeel
from oi_core.plugins.manager import (
    activiteit,
    activiteiten,
    excel_functies,
    isolated,
    plugin_problems,
)

__all__ = [
    "STAPPEN",
    "PluginChecks",
    "PluginContract",
    "assert_bevat",
    "assert_clean",
    "assert_onderdelen",
    "geregistreerd",
    "load_test_module",
    "oi_uitvoer",
]

STAPPEN = ("Stap 1 — verdeling inzet", "Stap 2 — opgave", "Stap 3 — match")
"""The headings ``oi analyse`` prints for the three steps."""


def assert_clean(bevindingen: list[Controlebevinding], strikt: bool = False) -> None:
    """Fail with every counting finding listed, in Dutch, when there is any."""
    tellend = [b for b in bevindingen if b.telt(strikt)]
    if tellend:
        regels = "\n".join(f"  - {b}" for b in tellend)
        pytest.fail(f"{len(tellend)} bevinding(en) van de controles:\n{regels}", pytrace=False)


def assert_bevat(tekst: str, *stukken: str) -> None:
    """Fail, naming every missing piece, unless each of ``stukken`` occurs in ``tekst``."""
    ontbreekt = [s for s in stukken if s not in tekst]
    assert not ontbreekt, f"niet in {tekst!r}: {ontbreekt}"


@contextmanager
def geregistreerd(
    plugin: ModuleType | object,
    act: Activiteit,
    *,
    tabellen: set[str],
    gepubliceerd: set[str],
    functies: set[str],
    entry_point: str | None = None,
) -> Iterator[ActiviteitRegistratie]:
    """Registered alone, ``plugin`` registers ``act`` and nothing else, with exactly these
    ``tabellen`` and ``gepubliceerd`` tables, a summary and report parts, at least these
    Excel ``functies`` and no problems; the body runs with the registration it yields.
    With ``entry_point`` the installed ``oi`` entry point named after the activity's code
    is that (``"oi_jgz:plugin"``)."""
    if entry_point is not None:
        punten = {ep.name: ep.value for ep in metadata.entry_points(group="oi")}
        assert punten.get(act.code) == entry_point
    with isolated(plugin):
        assert set(activiteiten()) == {act.code}
        reg = activiteit(act.code)
        assert reg.activiteit is act
        assert set(reg.tabellen() if reg.tabellen else {}) == tabellen
        assert set(reg.gepubliceerd() if reg.gepubliceerd else {}) == gepubliceerd
        assert reg.samenvatting is not None and reg.onderdelen is not None
        assert functies <= set(excel_functies())
        yield reg
        assert plugin_problems() == []


def assert_onderdelen(delen: Sequence[Onderdeel], titels: Sequence[str]) -> None:
    """``delen`` are report parts with these ``titels`` in order, each with text and a table
    (a :class:`pandas.DataFrame`) that is not empty."""
    import pandas as pd

    assert [d.titel for d in delen] == list(titels)
    for deel in delen:
        assert isinstance(deel, Onderdeel) and deel.tekst, deel.titel
        assert isinstance(deel.tabel, pd.DataFrame) and not deel.tabel.empty, deel.titel


def oi_uitvoer(plugin: ModuleType | object, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """What ``oi args…`` prints with only ``plugin`` registered; fails unless it succeeds."""
    from oi_core.cli import main

    with isolated(plugin):
        code = main(list(args))
    uit = capsys.readouterr().out
    assert code == 0, uit
    return uit


def load_test_module(pad: Path, naam: str) -> ModuleType:
    """The Python file ``pad`` loaded as a module named ``naam``, without ``sys.path``: how a
    test module shares another's test plugins when pytest runs in importlib mode."""
    spec = importlib.util.spec_from_file_location(naam, pad)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class PluginChecks:
    """Subclass as ``TestCheck`` and set ``plugin`` to the plugin module."""

    plugin: ModuleType | object | None = None
    """The plugin module (what the ``oi`` entry point of the distribution names)."""
    strikt: ClassVar[bool] = False
    """Fail on warnings too, like ``oi check --strict``."""
    heeft_activiteiten: ClassVar[bool] = True
    """Whether the plugin registers activities; ``False`` for one that only adds commands,
    Excel functions or report chapters (its activity checks then assert there are none)."""

    # -- plumbing -------------------------------------------------------------------------
    @classmethod
    def _module(cls) -> ModuleType | object:
        if cls.plugin is None:
            pytest.fail(
                f"{cls.__name__}: zet 'plugin = <pluginmodule>' in de klasse", pytrace=False
            )
        return cls.plugin

    @classmethod
    def _naam(cls) -> str:
        return _plugin_name(cls._module())

    @classmethod
    def _activity_codes(cls) -> list[str]:
        if cls.plugin is None:
            return []
        try:
            with isolated(cls.plugin):
                naam = cls._naam()
                return sorted(c for c, r in activiteiten().items() if r.plugin == naam)
        except Exception:
            return []  # the hooks test reports why

    def pytest_generate_tests(self, metafunc: pytest.Metafunc) -> None:
        """Parametrise the activity checks with this plugin's activity codes."""
        if "oi_activiteit_code" in metafunc.fixturenames:
            codes: list[str | None] = list(type(self)._activity_codes())
            if not codes:
                codes = [None]  # the check below says whether none is right
            ids = [c or "geen-activiteit" for c in codes]
            metafunc.parametrize("oi_activiteit_code", codes, ids=ids)

    @classmethod
    @contextmanager
    def _isolated(cls) -> Iterator[None]:
        """Only the built-ins and the plugin; a hook that breaks its spec fails in Dutch."""
        try:
            with isolated(cls._module()):
                yield
        except pluggy.PluginValidationError as fout:
            pytest.fail(f"hook klopt niet met de specificatie: {fout}", pytrace=False)

    def _run(self, check: Callable[[], list[Controlebevinding]]) -> None:
        with self._isolated():
            naam = self._naam()
            assert_clean([b for b in check() if b.plugin == naam], self.strikt)

    def _activity(self, code: str | None, check: Callable[[ActiviteitRegistratie], Any]) -> None:
        if code is None:
            self._no_activity()
            return
        with self._isolated():
            assert_clean(check(activiteiten()[code]), self.strikt)

    def _no_activity(self) -> None:
        """A plugin without activities says so (``heeft_activiteiten = False``) and means it."""
        if type(self).heeft_activiteiten:
            pytest.fail(
                f"{self._naam()} registreert geen activiteit; zet "
                "'heeft_activiteiten = False' in de klasse als dat zo hoort",
                pytrace=False,
            )
        with self._isolated():
            eigen = [c for c, r in activiteiten().items() if r.plugin == self._naam()]
        assert not eigen, f"heeft_activiteiten = False, maar de plugin registreert {eigen}"

    # -- the tests ------------------------------------------------------------------------
    def test_hooks(self) -> None:
        """The plugin loads, implements only existing hooks and no hook raises."""
        self._run(check_hooks)

    def test_opdrachten(self) -> None:
        """Its commands register, with Dutch help and --json."""
        self._run(check_commands)

    def test_definitie(self, oi_activiteit_code: str | None) -> None:
        """The activity's Resultatenketen is complete and its indicators usable."""
        self._activity(oi_activiteit_code, check_definitie)

    def test_gegevens(self, oi_activiteit_code: str | None) -> None:
        """The embedded data validate and the three steps run."""
        self._activity(oi_activiteit_code, check_data)

    def test_samenvatting(self, oi_activiteit_code: str | None) -> None:
        """The managementsamenvatting and report parts build from the data."""
        self._activity(oi_activiteit_code, check_samenvatting)

    def test_excel_functies(self) -> None:
        """Each Excel function has a valid, unique name and Dutch help."""
        with self._isolated():
            naam = self._naam()
            bevindingen = [
                b
                for f in excel_functies().values()
                if f.plugin == naam
                for b in check_excel_functie(f)
            ]
            assert_clean(bevindingen, self.strikt)


PluginContract = PluginChecks
"""The former name of :class:`PluginChecks`, kept so existing plugin test suites keep working."""
