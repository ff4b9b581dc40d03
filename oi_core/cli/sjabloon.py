"""``oi plugin nieuw``: scaffold a plugin distribution (see :mod:`oi_core.sjabloon`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from oi_core import __version__
from oi_core.cli.uitvoer import console, print_json
from oi_core.plugins.hookspecs import hookimpl
from oi_core.sjabloon import PluginNamen, scaffold

__all__ = ["nieuw_command", "register_commands"]

plugin_app = typer.Typer(
    name="plugin",
    help="Een eigen plugin maken: een activiteit van je afdeling toevoegen.",
    no_args_is_help=True,
)


@hookimpl(tryfirst=True)
def register_commands(cli: typer.Typer) -> None:
    cli.add_typer(plugin_app, name="plugin")


@plugin_app.command("nieuw")
def nieuw_command(
    naam: Annotated[
        str,
        typer.Argument(
            metavar="NAAM", help="Naam van de activiteit, bijvoorbeeld sportvoorzieningen."
        ),
    ],
    map_: Annotated[
        Path,
        typer.Option("--map", metavar="MAP", help="Map waarin de map oi-NAAM komt."),
    ] = Path("."),
    titel: Annotated[
        str | None, typer.Option(help="Naam van de activiteit zoals mensen die lezen.")
    ] = None,
    afdeling: Annotated[
        str, typer.Option(help="Afdeling die de activiteit uitvoert.")
    ] = "Gemeente Amsterdam",
    json_: Annotated[
        bool, typer.Option("--json", help="Uitvoer als JSON, voor scripts en CI.")
    ] = False,
) -> None:
    """Maak een nieuwe plugin: pyproject, pakket met hooks, voorbeeldgegevens, tests en CI.

    Een bestaande map wordt nooit overschreven.
    """
    namen = PluginNamen.from_name(naam, titel, afdeling)
    doel = scaffold(namen, map_, core_versie=__version__)
    bestanden = sorted(str(p.relative_to(doel)) for p in doel.rglob("*") if p.is_file())
    if json_:
        print_json({"map": str(doel), "activiteit": namen.code, "bestanden": bestanden})
        return
    console.print(
        f"Plugin gemaakt in [bold]{escape(str(doel))}[/] "
        f"({len(bestanden)} bestanden, activiteit '{namen.code}').",
        highlight=False,
    )
    console.print(
        "Volgende stappen:\n"
        f"  cd {escape(str(doel))}\n"
        '  python -m pip install -e ".\\[test]"\n'
        "  oi check\n"
        "  python -m pytest",
        highlight=False,
    )
