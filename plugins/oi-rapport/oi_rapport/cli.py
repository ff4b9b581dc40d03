"""``oi rapport``: the insight report as an Excel workbook and an HTML file.

The command only parses its options and calls :func:`oi_rapport.make_report`; the
report engine (and matplotlib) is imported when the command runs, so other commands
start fast.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from oi_core.cli.uitvoer import console, print_json
from oi_core.model.soorten import Niveau
from oi_core.plugins.hookspecs import hookimpl

if TYPE_CHECKING:
    from oi_rapport import RapportUitkomst

__all__ = ["rapport_command", "register_commands", "register_rapport_hoofdstukken"]


HULP = (
    "Maak het rapport: Excel-werkmap en HTML-bestand met samenvatting, match, grafieken en "
    "kaarten.\n\n"
    "Zonder opties: elke geïnstalleerde activiteit op de ingebouwde gegevens, plus de "
    "hoofdstukken die plugins toevoegen, in de map rapport/. Met --data: op eigen gegevens; "
    "fouten daarin worden per bestand, rij en kolom gemeld en dan wordt er niets "
    "geschreven. Bestaat het rapport al, "
    "dan krijgt het nieuwe een volgnummer, tenzij --overschrijf is gegeven."
)


@hookimpl
def register_commands(cli: typer.Typer) -> None:
    cli.command("rapport", help=HULP)(rapport_command)


@hookimpl(optionalhook=True)
def register_rapport_hoofdstukken(register: Any) -> None:
    """The report's own chapter *Wat als?*, when an activity declares a scenario."""
    from oi_rapport.wat_als import HOOFDSTUK, heeft_scenario

    if heeft_scenario():
        register(HOOFDSTUK)


def rapport_command(
    uitvoer: Annotated[
        Path,
        typer.Option("--uitvoer", "-o", help="Map waarin het rapport komt."),
    ] = Path("rapport"),
    activiteit: Annotated[
        list[str] | None,
        typer.Option(
            "--activiteit",
            "-a",
            help="Alleen deze activiteit (code, bijvoorbeeld jgz); mag vaker.",
        ),
    ] = None,
    niveau: Annotated[
        Niveau | None,
        typer.Option(
            "--niveau",
            "-n",
            help="Schaalniveau van de analyse, als de gegevens dat toelaten "
            "(standaard: dat van de activiteit of de gegevens).",
        ),
    ] = None,
    data: Annotated[
        list[Path] | None,
        typer.Option(
            "--data",
            "-d",
            help="Eigen gegevens: een werkmap van 'oi excel werkmap', een map met "
            "<activiteit>.csv-bestanden of één zo'n CSV; mag vaker.",
        ),
    ] = None,
    overschrijf: Annotated[
        bool,
        typer.Option(
            "--overschrijf",
            help="Vervang een bestaand rapport (anders krijgt het nieuwe een volgnummer).",
        ),
    ] = False,
    zonder: Annotated[
        list[str] | None,
        typer.Option(
            "--zonder",
            help="Laat dit hoofdstuk van een plugin weg (bijvoorbeeld stapeling); mag vaker.",
        ),
    ] = None,
    band: Annotated[
        float | None,
        typer.Option(
            "--band",
            help="Marge rond 100 waarbinnen de inzet 'in verhouding' is (0,10 = 10%; "
            "standaard de band van de rekenkern).",
        ),
    ] = None,
    pdf: Annotated[
        bool,
        typer.Option(
            "--pdf",
            help="Maak ook een PDF (A4, met paginanummers en inhoudsopgave) van het "
            "HTML-bestand; daarvoor is Chromium nodig.",
        ),
    ] = False,
    json_: Annotated[
        bool, typer.Option("--json", help="Uitvoer als JSON, voor scripts en CI.")
    ] = False,
) -> None:
    """Make the report (help text: :data:`HULP`)."""
    from oi_rapport.kernen import start_window

    start_window()  # the imports of the report are the window in which idle cores are measured
    from oi_rapport import RapportOpties, make_report

    opties = RapportOpties(
        uitvoer=uitvoer,
        activiteiten=tuple(activiteit or ()),
        niveau=niveau,
        data=tuple(data or ()),
        overschrijf=overschrijf,
        zonder=tuple(zonder or ()),
        pdf=pdf,
    )
    if band is not None:
        opties = replace(opties, band=band)
    if json_:
        uitkomst = make_report(opties)
        print_json(_summary(uitkomst))
        return
    with _progress() as voortgang:
        taak = voortgang.add_task("Rapport maken", total=None)

        def stap(omschrijving: str, nummer: int, totaal: int) -> None:
            voortgang.update(taak, description=omschrijving, completed=nummer - 1, total=totaal)
            voortgang.refresh()

        uitkomst = make_report(opties, stap)
        voortgang.update(taak, description="Klaar", completed=voortgang.tasks[0].total)
    _closing_lines(uitkomst)


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold blue]{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
        auto_refresh=False,  # no refresh thread: the figures are drawn in forked processes
    )


def _closing_lines(uitkomst: RapportUitkomst) -> None:
    for regel in uitkomst.overgeslagen:
        console.print(f"[yellow]Let op:[/] {regel}", highlight=False)
    n = len(uitkomst.hoofdstukken)
    console.print(f"[green]Rapport gemaakt[/] ({n} activiteit{'en' if n != 1 else ''}):")
    console.print(f"  Excel: {uitkomst.xlsx}", highlight=False, soft_wrap=True)
    console.print(f"  HTML:  {uitkomst.html}", highlight=False, soft_wrap=True)
    if uitkomst.pdf is not None:
        console.print(f"  PDF:   {uitkomst.pdf}", highlight=False, soft_wrap=True)
    if uitkomst.bestond:
        console.print(
            "Er stond al een rapport met de standaardnaam; dat is bewaard. "
            "Gebruik --overschrijf om het te vervangen.",
            highlight=False,
        )


def _summary(uitkomst: RapportUitkomst) -> dict[str, Any]:
    return {
        "bestanden": {
            "xlsx": str(uitkomst.xlsx),
            "html": str(uitkomst.html),
            **({"pdf": str(uitkomst.pdf)} if uitkomst.pdf is not None else {}),
        },
        "bestond_al": uitkomst.bestond,
        **uitkomst.rapport.samenvatting,
    }
