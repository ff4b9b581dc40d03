"""The hooks a plugin can implement (entry-point group ``oi``).

A plugin is a module with functions decorated with :data:`hookimpl`; it is found through
the ``oi`` entry-point group of its distribution::

    [project.entry-points.oi]
    bibliotheken = "oi_bibliotheken"

Every ``register_*`` hook receives a ``register`` callable and calls it once per thing it
provides; ``register_commands`` receives the CLI app. The core calls every hook through
pluggy (``pm.hook``), so a hook implementation may take any subset of the arguments of its
specification, in any order, by name; hooks only ever gain arguments, so old plugins keep
working. Annotate ``register`` with its protocol (:class:`RegisterActiviteit` …) and mypy
catches a misspelt keyword.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Protocol

import pluggy

if TYPE_CHECKING:
    import pandas as pd
    import typer

    from oi_core.model.activiteit import Activiteit
    from oi_core.model.registratie import ExcelFunctie, Kolom, Onderdeel, Samenvatting
    from oi_core.rekenen.analyse import Analyse

__all__ = [
    "RegisterActiviteit",
    "RegisterExcelFunctie",
    "RegisterKolom",
    "hookimpl",
    "hookspec",
]

hookspec = pluggy.HookspecMarker("oi")
hookimpl = pluggy.HookimplMarker("oi")


class RegisterActiviteit(Protocol):
    """The ``register`` of :func:`register_activiteiten`: the keywords of
    :class:`~oi_core.model.registratie.ActiviteitRegistratie`."""

    def __call__(
        self,
        activiteit: Activiteit,
        /,
        *,
        data: Callable[[], pd.DataFrame],
        tabellen: Callable[[], Mapping[str, pd.DataFrame]] | None = None,
        gepubliceerd: Callable[[], Mapping[str, pd.DataFrame]] | None = None,
        samenvatting: Callable[[Analyse], Samenvatting] | None = None,
        onderdelen: Callable[[Analyse], Sequence[Onderdeel]] | None = None,
    ) -> None: ...


class RegisterExcelFunctie(Protocol):
    """The ``register`` of :func:`register_excel_functies`: one
    :class:`~oi_core.model.registratie.ExcelFunctie` per call."""

    def __call__(self, functie: ExcelFunctie, /) -> None: ...


class RegisterKolom(Protocol):
    """The ``register`` of :func:`register_kolommen`: one
    :class:`~oi_core.model.registratie.Kolom` per call."""

    def __call__(self, kolom: Kolom, /) -> None: ...


@hookspec
def register_activiteiten(register: RegisterActiviteit) -> None:
    """Register activities with their embedded data.

    Call ``register(activiteit, data=..., tabellen=..., gepubliceerd=...,
    samenvatting=..., onderdelen=...)`` once per :class:`~oi_core.model.Activiteit`.
    ``data`` is a callable returning the tidy table (gebied, jaar, indicator, waarde);
    the other arguments are optional, see
    :class:`~oi_core.model.registratie.ActiviteitRegistratie`. Activity codes are unique
    across all plugins.
    """


@hookspec
def register_excel_functies(register: RegisterExcelFunctie) -> None:
    """Register Excel functions: call ``register(functie)`` with an
    :class:`~oi_core.model.registratie.ExcelFunctie`. Names start with ``OI_``, are valid
    in both the classic add-in and Office.js, and are unique; every function and argument
    has a Dutch description. They appear in Excel without changes to ``oi_excel``.
    """


@hookspec
def register_kolommen(register: RegisterKolom) -> None:
    """Register columns for the column catalogue: call ``register(kolom)`` with a
    :class:`~oi_core.model.registratie.Kolom` for every column key a plugin's tables,
    Excel functions or report parts use (its Dutch header, unit, format and decimals).
    Keys are unique across all plugins; the core registers its own (``oi_index`` …).
    """


@hookspec
def register_commands(cli: typer.Typer) -> None:
    """Add commands to the ``oi`` command line: ``cli`` is the :class:`typer.Typer` app.

    Use ``@cli.command()`` for a command or ``cli.add_typer(app, name=...)`` for a
    group. Help texts are Dutch; every command offers ``--json``. Import heavy modules
    (pandas, the plugin's data) inside the command, so ``oi --help`` stays fast.
    """
