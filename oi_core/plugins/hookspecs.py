"""The hooks a plugin can implement (entry-point group ``oi``).

A plugin is a module with functions decorated with :data:`hookimpl`; it is found through
the ``oi`` entry-point group of its distribution::

    [project.entry-points.oi]
    bibliotheken = "oi_bibliotheken"

Every hook receives a ``register`` callable (or the CLI app) and calls it once per
thing it provides. A hook implementation may take fewer arguments than its
specification; hooks only ever gain arguments, so old plugins keep working.
"""

from __future__ import annotations

from typing import Any

import pluggy

__all__ = ["hookimpl", "hookspec"]

hookspec = pluggy.HookspecMarker("oi")
hookimpl = pluggy.HookimplMarker("oi")


@hookspec
def register_activiteiten(register: Any) -> None:
    """Register activities with their embedded data.

    Call ``register(activiteit, data=..., tabellen=..., gepubliceerd=...,
    samenvatting=..., onderdelen=...)`` once per :class:`~oi_core.model.Activiteit`.
    ``data`` is a callable returning the tidy table (gebied, jaar, indicator, waarde);
    the other arguments are optional, see :class:`~oi_core.registratie.ActiviteitRegistratie`.
    Activity codes are unique across all plugins.
    """


@hookspec
def register_metrieken(register: Any) -> None:
    """Register metrics: call ``register(metriek)`` with an object that satisfies the
    :class:`~oi_core.metrieken.Metriek` protocol (``code``, ``naam``, ``beschrijving``,
    callable). The built-ins (aandeel, oi_index, stapeling …) are registered this way.
    """


@hookspec
def register_excel_functies(register: Any) -> None:
    """Register Excel functions: call ``register(functie)`` with an
    :class:`~oi_core.registratie.ExcelFunctie`. Names start with ``OI_``, are valid in
    both the classic add-in and Office.js, and are unique; every function and argument
    has a Dutch description. They appear in Excel without changes to ``oi_excel``.
    """


@hookspec
def register_kolommen(register: Any) -> None:
    """Register columns for the column catalogue: call ``register(kolom)`` with a
    :class:`~oi_core.model.registratie.Kolom` for every column key a plugin's tables,
    Excel functions or report parts use (its Dutch header, unit, format and decimals).
    Keys are unique across all plugins; the core registers its own (``oi_index`` …).
    """


@hookspec
def register_commands(cli: Any) -> None:
    """Add commands to the ``oi`` command line: ``cli`` is the :class:`typer.Typer` app.

    Use ``@cli.command()`` for a command or ``cli.add_typer(app, name=...)`` for a
    group. Help texts are Dutch; every command offers ``--json``.
    """
