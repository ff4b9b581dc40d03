"""``oi check``: run the conformance checks on every installed plugin.

The checks live in :mod:`oi_core.check`; this module only formats the report for people
(rich, Dutch), scripts (``--json``) and CI (``--junit``) and sets the exit code:
0 when clean, 1 on findings (``--strict`` counts warnings too).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape

from oi_core.cli.uitvoer import console, print_json
from oi_core.plugins.hookspecs import hookimpl

if TYPE_CHECKING:
    from oi_core.check import Controleverslag

__all__ = ["check_command", "register_commands"]


@hookimpl(tryfirst=True)
def register_commands(cli: typer.Typer) -> None:
    cli.command("check")(check_command)


def check_command(
    strikt: Annotated[
        bool,
        typer.Option("--strict", "--strikt", help="Tel waarschuwingen ook als fout (exitcode 1)."),
    ] = False,
    json_: Annotated[
        bool, typer.Option("--json", help="Uitvoer als JSON, voor scripts en CI.")
    ] = False,
    junit: Annotated[
        Path | None,
        typer.Option("--junit", metavar="PAD", help="Schrijf ook een JUnit-XML-verslag voor CI."),
    ] = None,
    overschrijf: Annotated[bool, typer.Option(help="Vervang een bestaand JUnit-bestand.")] = False,
) -> None:
    """Controleer alle geïnstalleerde plugins: hooks, activiteiten, gegevens en Excel-functies.

    Elke bevinding noemt de plugin, de activiteit en de plek. Exitcode 0 als alles klopt,
    1 bij een fout (met --strict ook bij een waarschuwing).
    """
    from oi_core.check import run_checks
    from oi_core.check.junit import to_junit
    from oi_core.invoer.bestanden import write_atomic

    verslag = run_checks()
    if junit is not None:
        xml = to_junit(verslag, strikt)

        def schrijf(pad: Path) -> None:
            pad.write_text(xml, encoding="utf-8")

        write_atomic(junit, schrijf, overschrijf=overschrijf)
    if json_:
        print_json(as_dict(verslag, strikt))
    else:
        print_report(verslag, strikt)
        if junit is not None:
            console.print(f"JUnit-verslag: {junit}", highlight=False)
    if not verslag.geslaagd(strikt):
        raise typer.Exit(1)


def as_dict(verslag: Controleverslag, strikt: bool) -> dict[str, Any]:
    """The report as plain data for ``--json``."""
    from oi_core.check import Ernst

    return {
        "geslaagd": verslag.geslaagd(strikt),
        "strikt": strikt,
        "controles": len(verslag.controles),
        "fouten": verslag.aantal(Ernst.FOUT),
        "waarschuwingen": verslag.aantal(Ernst.WAARSCHUWING),
        "plugins": verslag.plugins(),
        "bevindingen": [
            {
                "plugin": b.plugin,
                "activiteit": b.activiteit,
                "waar": b.waar,
                "melding": b.melding,
                "ernst": b.ernst.value,
                "controle": b.controle,
            }
            for b in verslag.bevindingen()
        ],
    }


def print_report(verslag: Controleverslag, strikt: bool) -> None:
    """The findings per plugin, one per line, and a one-line verdict, in Dutch."""
    from oi_core.check import Ernst

    kleur = {Ernst.FOUT: "red", Ernst.WAARSCHUWING: "yellow"}
    for plugin in verslag.plugins():
        bevindingen = [b for b in verslag.bevindingen() if b.plugin == plugin]
        if not bevindingen:
            continue
        console.print(f"[bold]{escape(plugin)}[/]", highlight=False)
        for b in bevindingen:
            plek = " · ".join(escape(t) for t in (b.activiteit, b.waar) if t)
            console.print(
                f"  [{kleur[b.ernst]}]{b.ernst.value:<12}[/] {plek}: {escape(b.melding)}",
                highlight=False,
            )
    console.print(_verdict(verslag, strikt), highlight=False)


def _verdict(verslag: Controleverslag, strikt: bool) -> str:
    from oi_core.check import CONTROLES, Ernst

    fouten, waarschuwingen = verslag.aantal(Ernst.FOUT), verslag.aantal(Ernst.WAARSCHUWING)
    soorten = sorted({c.naam for c in verslag}, key=list(CONTROLES).index)
    telling = (
        f"{len(verslag.controles)} controles ({', '.join(soorten) or 'geen'}) op "
        f"{len(verslag.plugins())} plugins: {fouten} {'fout' if fouten == 1 else 'fouten'}, "
        f"{waarschuwingen} {'waarschuwing' if waarschuwingen == 1 else 'waarschuwingen'}"
    )
    if verslag.geslaagd(strikt):
        return f"[green]Geslaagd[/] — {telling}."
    reden = " (--strict: waarschuwingen tellen mee)" if strikt and not fouten else ""
    return f"[red]Niet geslaagd[/]{reden} — {telling}."
