"""``oi excel …``: the workbook and the xlwings Server (entry point ``oi`` → ``excel``).

Registered through the ``register_commands`` hook. Importing this module loads neither
xlwings nor the UDF functions; each command imports what it needs when it runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from oi_core import Niveau, hookimpl
from oi_excel.taakvenster import Route

__all__ = ["app", "register_commands"]

app = typer.Typer(
    name="excel",
    help="De OI-functies in Excel: een werkmap maken of xlwings Server starten.",
    no_args_is_help=True,
)


@hookimpl
def register_commands(cli: typer.Typer) -> None:
    cli.add_typer(app, name="excel")


@app.command("werkmap")
def werkmap_command(
    code: Annotated[
        str, typer.Argument(metavar="ACTIVITEIT", help="Code van de activiteit, bijvoorbeeld jgz.")
    ],
    uitvoer: Annotated[
        Path | None,
        typer.Option(
            "--uitvoer", "-o", help="Bestandsnaam (.xlsx); standaard ACTIVITEIT-NIVEAU.xlsx."
        ),
    ] = None,
    niveau: Annotated[
        Niveau | None,
        typer.Option("--niveau", "-n", help="Schaalniveau; standaard dat van de activiteit."),
    ] = None,
    overschrijf: Annotated[bool, typer.Option(help="Vervang een bestaand bestand.")] = False,
    band: Annotated[
        float | None,
        typer.Option(
            "--band",
            help="Marge rond 100 waarbinnen de inzet 'in verhouding' is, als fractie "
            "(0,2 = 20%); standaard de band van de rekenkern.",
        ),
    ] = None,
    route: Annotated[
        Route,
        typer.Option(
            "--route",
            help="Voor welke invoegtoepassing de formules zijn: web (OI.MATCH …; Excel op "
            "Windows, Mac en het web) of klassiek (OI_MATCH …; xlwings op Windows).",
        ),
    ] = Route.WEB,
    json_: Annotated[
        bool, typer.Option("--json", help="Uitvoer als JSON, voor scripts en CI.")
    ] = False,
) -> None:
    """Maak een werkmap met invoertabel (alle gebieden van het niveau), resultaten met de
    OI-functies en uitleg. Elke formulecel toont al de uitkomst van de rekenkern, ook zonder
    invoegtoepassing en in LibreOffice."""
    from oi_core.cli.uitvoer import console, print_json
    from oi_core.rekenen.kern import BAND
    from oi_excel.werkmap.schrijven import make_werkmap

    pad = uitvoer or Path(f"{code}-{(niveau.value if niveau else 'standaard')}.xlsx")
    marge = BAND if band is None else band
    geschreven = make_werkmap(
        code, pad, niveau=niveau, overschrijf=overschrijf, band=marge, route=route
    )
    if json_:
        print_json({"werkmap": str(geschreven), "activiteit": code, "route": route.value})
    else:
        console.print(f"Geschreven: {geschreven}", highlight=False)


@app.command("serve")
def serve_command(
    poort: Annotated[int, typer.Option("--poort", "-p", help="Poort van de server.")] = 8000,
    productie: Annotated[
        bool,
        typer.Option(
            "--productie",
            help="Centrale server voor anderen: start alleen met aanmelding, hostnaam en https "
            "ingesteld (zie de beheerpagina in de documentatie).",
        ),
    ] = False,
    host: Annotated[
        str,
        typer.Option(help="Adres om op te luisteren; anders dan 127.0.0.1 alleen met --productie."),
    ] = "127.0.0.1",
    werkers: Annotated[
        int | None,
        typer.Option(min=1, help="Aantal werkprocessen; standaard 1, met --productie 2 per kern."),
    ] = None,
    certificaat: Annotated[
        Path | None, typer.Option(help="TLS-certificaat (PEM) voor https, bijv. van mkcert.")
    ] = None,
    sleutel: Annotated[Path | None, typer.Option(help="Sleutel (PEM) bij het certificaat.")] = None,
    achter_proxy: Annotated[
        bool,
        typer.Option("--achter-proxy", help="Een proxy vóór de server handelt https af."),
    ] = False,
    json_: Annotated[
        bool, typer.Option("--json", help="Toon de instellingen als JSON en stop.")
    ] = False,
) -> None:
    """Start xlwings Server met de OI-functies (Excel op het web, Mac en Windows; namen OI.MATCH …).

    Zonder --productie: ontwikkelmodus, alleen op deze computer en zonder aanmelding.
    Licentie: xlwings Server onder PolyForm Noncommercial 1.0.0 (gebruik door een
    overheidsinstelling); XLWINGS_LICENSE_KEY=noncommercial wordt gezet.
    """
    import os

    from oi_core.cli.uitvoer import console, print_json
    from oi_excel.server import NAMESPACE, Opstart, check_opstart, melding, project_dir, serve

    aantal = werkers or (2 * (os.cpu_count() or 1) if productie else 1)
    opstart = Opstart(poort, host, productie, aantal, certificaat, sleutel, achter_proxy)
    check_opstart(opstart, os.environ)
    schema = "https" if certificaat or achter_proxy else "http"
    adres = f"{schema}://{os.environ.get('XLWINGS_HOSTNAME') if productie else host}:{poort}"
    if json_:
        print_json({"adres": adres, "manifest": f"{adres}/manifest", "namespace": NAMESPACE,
                    "productie": productie, "werkers": aantal,
                    "project": str(project_dir())})  # fmt: skip
        return
    console.print(melding(opstart), highlight=False)
    console.print(f"xlwings Server op {adres} — manifest: {adres}/manifest", highlight=False)
    serve(opstart)
