"""A plugin for one activity in one declaration: :class:`ActiviteitPlugin`.

pluggy registers any object whose methods carry :data:`~oi_core.hookimpl`, so a
department plugin needs no hook functions of its own::

    plugin = ActiviteitPlugin(
        ACTIVITEIT,
        data=data,
        tabellen=tabellen,
        excel_functies=EXCEL_FUNCTIES,
        kolommen=KOLOMMEN,
    )

or, taking those names from the plugin's own modules,
``plugin = ActiviteitPlugin.uit_modules(ACTIVITEIT, gegevens, rapport, excel, kolommen)``,
or from the conventional modules of its package (:data:`MODULES`),
``plugin = ActiviteitPlugin.uit_pakket(__name__, ACTIVITEIT)``;
its entry point names that object: ``jgz = "oi_jgz:plugin"``.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from oi_core.errors import PluginFout
from oi_core.model.activiteit import Activiteit
from oi_core.model.registratie import ExcelFunctie, Kolom, Onderdeel, Samenvatting
from oi_core.plugins.hookspecs import hookimpl
from oi_core.weergave.kolommen import KERN_KOLOMMEN

if TYPE_CHECKING:
    import pandas as pd

    from oi_core.rekenen.analyse import Analyse

__all__ = ["MODULES", "ActiviteitPlugin", "indicator_kolommen"]

Tabellen = Callable[[], Mapping[str, "pd.DataFrame"]]

_NAMEN = {
    "data": "data",
    "tabellen": "tabellen",
    "gepubliceerd": "gepubliceerd",
    "samenvatting": "samenvatting",
    "onderdelen": "onderdelen",
    "EXCEL_FUNCTIES": "excel_functies",
    "KOLOMMEN": "kolommen",
}
"""Module attribute → argument of :class:`ActiviteitPlugin` (for :meth:`uit_modules`)."""

MODULES = (".kolommen", ".excel", ".rapport", ".bronnen", ".gegevens")
"""The conventional modules of a plugin package, in order (for :meth:`uit_pakket`)."""


class ActiviteitPlugin:
    """Registers one activity with its data, report parts, Excel functions and columns.

    The arguments are those of ``register_activiteiten`` (see
    :class:`~oi_core.model.registratie.ActiviteitRegistratie`; ``data`` may also be the
    :class:`~pathlib.Path` of a tidy CSV file, read on every call), plus the Excel functions,
    the :class:`~oi_core.model.registratie.Kolom` declarations of the plugin's own columns.
    With ``kolommen_uit_indicatoren`` every indicator of the activity is a column too (its
    ``naam`` as header, see :func:`indicator_kolommen`) unless ``kolommen`` declares it.
    Keys are unique across all plugins, so this is a choice, not the default.
    ``naam`` is the name pluggy and ``oi check`` use when the object is registered without
    one (default: the package that defines ``data``, e.g. ``oi_jgz``). A plugin with
    commands subclasses it and adds a ``@hookimpl def register_commands(self, cli)``.
    Nothing is read or checked until a hook is called, so loading a plugin stays cheap.
    """

    def __init__(
        self,
        activiteit: Activiteit,
        *,
        data: Callable[[], pd.DataFrame] | Path,
        tabellen: Tabellen | None = None,
        gepubliceerd: Tabellen | None = None,
        samenvatting: Callable[[Analyse], Samenvatting] | None = None,
        onderdelen: Callable[[Analyse], Sequence[Onderdeel]] | None = None,
        excel_functies: Iterable[ExcelFunctie] = (),
        kolommen: Iterable[Kolom] = (),
        kolommen_uit_indicatoren: bool = False,
        naam: str | None = None,
    ) -> None:
        gegeven = {
            "data": data,
            "tabellen": tabellen,
            "gepubliceerd": gepubliceerd,
            "samenvatting": samenvatting,
            "onderdelen": onderdelen,
            "excel_functies": excel_functies,
            "kolommen": kolommen,
        }
        self.activiteit = activiteit
        self.__name__ = naam or (callable(data) and _package_of(data)) or f"oi_{activiteit.code}"
        self._bron: Callable[[], dict[str, Any]] = lambda: gegeven
        self._uit_indicatoren = kolommen_uit_indicatoren

    @classmethod
    def uit_modules(
        cls,
        activiteit: Activiteit,
        *modules: ModuleType | str,
        pakket: str | None = None,
        **opties: Any,
    ) -> ActiviteitPlugin:
        """The plugin from what the plugin's modules define, by name.

        Each of ``data``, ``tabellen``, ``gepubliceerd``, ``samenvatting``, ``onderdelen``,
        ``EXCEL_FUNCTIES`` and ``KOLOMMEN`` is taken from the first module that has it.
        A module may be named (``".gegevens"`` relative to ``pakket``): it is imported when
        the first hook is called, so ``oi --help`` does not load the plugin's data.
        ``opties`` are passed on (``kolommen_uit_indicatoren=True``, ``naam=…``).
        """
        opties.setdefault("naam", pakket)
        plugin = cls(activiteit, data=_ontbreekt, **opties)
        plugin._bron = lambda: _from_modules(activiteit, modules, pakket)
        return plugin

    @classmethod
    def uit_pakket(cls, pakket: str, activiteit: Activiteit, **opties: Any) -> ActiviteitPlugin:
        """The plugin from the conventional modules of ``pakket`` (:data:`MODULES`).

        As :meth:`uit_modules` with ``.kolommen``, ``.excel``, ``.rapport``, ``.bronnen``
        and ``.gegevens`` of ``pakket``; a module the package does not have is skipped.
        Nothing is imported, nor looked for, until the first hook is called.
        """
        opties.setdefault("naam", pakket)
        plugin = cls(activiteit, data=_ontbreekt, **opties)
        plugin._bron = lambda: _from_modules(activiteit, _bestaande(MODULES, pakket), pakket)
        return plugin

    @cached_property
    def _inhoud(self) -> _Inhoud:
        return _Inhoud.maak(self.activiteit, self._bron(), self._uit_indicatoren)

    @property
    def registratie(self) -> dict[str, Any]:
        """The keyword arguments of ``register_activiteiten`` (``data``, ``tabellen`` …)."""
        return self._inhoud.registratie

    @property
    def functies(self) -> tuple[ExcelFunctie, ...]:
        return self._inhoud.functies

    @property
    def kolommen(self) -> tuple[Kolom, ...]:
        return self._inhoud.kolommen

    def __repr__(self) -> str:
        return f"ActiviteitPlugin({self.activiteit.code!r}, naam={self.__name__!r})"

    @hookimpl
    def register_activiteiten(self, register: Callable[..., Any]) -> None:
        """Register the activity with its data and report functions."""
        register(self.activiteit, **{k: v for k, v in self.registratie.items() if v})

    @hookimpl
    def register_excel_functies(self, register: Callable[[ExcelFunctie], Any]) -> None:
        """Register every Excel function of the plugin."""
        for functie in self.functies:
            register(functie)

    @hookimpl
    def register_kolommen(self, register: Callable[[Kolom], Any]) -> None:
        """Register every column the plugin's tables, spills and report parts show."""
        for kolom in self.kolommen:
            register(kolom)


def _ontbreekt() -> pd.DataFrame:  # placeholder until the modules are read
    raise PluginFout("de gegevens van deze plugin zijn nog niet gelezen")


def _bestaande(modules: Sequence[str], pakket: str) -> tuple[str, ...]:
    """The ``modules`` (relative to ``pakket``) that exist, found without importing them."""
    return tuple(m for m in modules if importlib.util.find_spec(m, pakket) is not None)


def _from_modules(
    activiteit: Activiteit, modules: Sequence[ModuleType | str], pakket: str | None
) -> dict[str, Any]:
    gevonden: dict[str, Any] = {}
    for module in reversed(modules):
        m = importlib.import_module(module, pakket) if isinstance(module, str) else module
        gevonden |= {a: getattr(m, n) for n, a in _NAMEN.items() if hasattr(m, n)}
    if "data" not in gevonden:
        raise PluginFout(f"geen van de modules van '{activiteit.code}' definieert data()")
    return gevonden


_REGISTRATIE = ("data", "tabellen", "gepubliceerd", "samenvatting", "onderdelen")
"""The keyword arguments of ``register_activiteiten`` an :class:`ActiviteitPlugin` passes on."""


@dataclass(frozen=True)
class _Inhoud:
    """What an :class:`ActiviteitPlugin` registers, read and checked on first use."""

    registratie: dict[str, Any]
    functies: tuple[ExcelFunctie, ...]
    kolommen: tuple[Kolom, ...]

    @classmethod
    def maak(cls, activiteit: Activiteit, bron: Mapping[str, Any], afleiden: bool) -> _Inhoud:
        data = bron["data"]
        registratie = {k: bron.get(k) for k in _REGISTRATIE}
        registratie["data"] = data if callable(data) else _tidy_csv(Path(data))
        eigen = tuple(bron.get("kolommen") or ())
        vreemd = [repr(k) for k in eigen if not isinstance(k, Kolom)]
        if vreemd:
            raise PluginFout(
                f"kolommen van '{activiteit.code}' zijn geen Kolom: {', '.join(vreemd)}"
            )
        afgeleid = indicator_kolommen(activiteit) if afleiden else ()
        gedeclareerd = {k.sleutel for k in eigen}
        kolommen = eigen + tuple(k for k in afgeleid if k.sleutel not in gedeclareerd)
        return cls(registratie, tuple(bron.get("excel_functies") or ()), kolommen)


def _package_of(functie: Callable[..., Any]) -> str:
    """The top-level package of the module that defines ``functie`` (``oi_jgz``)."""
    module = getattr(functie, "__module__", None) or ""
    return module.split(".")[0] if module not in ("", "__main__") else ""


def _tidy_csv(pad: Path) -> Callable[[], pd.DataFrame]:
    """A ``data`` function reading the tidy table (gebied, jaar, indicator, waarde) at ``pad``."""

    def data() -> pd.DataFrame:
        import pandas as pd

        return pd.read_csv(pad, dtype={"gebied": str})

    data.__doc__ = f"De gegevens uit {pad.name} (gebied, jaar, indicator, waarde)."
    return data


def indicator_kolommen(activiteit: Activiteit) -> tuple[Kolom, ...]:
    """A :class:`Kolom` for every indicator: its name as header, its unit, ``procent`` for
    a unit in percent (``% van het totaal``, ``% leerlingen``) and ``getal`` otherwise."""
    kern = {k.sleutel for k in KERN_KOLOMMEN}
    return tuple(
        Kolom(
            i.code,
            i.naam,
            "procent" if i.eenheid.lstrip().startswith("%") else "getal",
            eenheid=i.eenheid,
            beschrijving=i.beschrijving,
        )
        for i in activiteit.keten.indicatoren()
        if i.code not in kern
    )
