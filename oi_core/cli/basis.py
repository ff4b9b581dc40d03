"""The core commands: plugins, activiteiten, gebieden, gebied, match and analyse.

Registered through the ``register_commands`` hook like any plugin's commands.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from oi_core.cli.uitvoer import JsonOptie, console, print_json, print_table
from oi_core.model.soorten import Niveau
from oi_core.plugins.hookspecs import hookimpl
from oi_core.plugins.manager import activiteit, activiteiten, get_plugins, plugin_problems

if TYPE_CHECKING:
    from oi_core.gebieden.indeling import Gebiedsindeling

NiveauOptie = Annotated[
    Niveau | None,
    typer.Option("--niveau", "-n", help="Schaalniveau, bijvoorbeeld stadsdeel of wijk."),
]
IndelingOptie = Annotated[
    Path | None,
    typer.Option(
        "--indeling",
        help="Map met een eigen gebiedsindeling (buurten.csv …); "
        "standaard de ingebouwde Amsterdamse indeling 2022.",
    ),
]
BandOptie = Annotated[
    float | None,
    typer.Option(
        "--band",
        help="Marge rond 100 waarbinnen de inzet 'in verhouding' is (0,10 = 10%); "
        "standaard de band van de methode, 0,10.",
    ),
]


def _indeling(map_: Path | None) -> Gebiedsindeling:
    from oi_core.gebieden.indeling import Gebiedsindeling

    return Gebiedsindeling.from_csv(map_) if map_ else Gebiedsindeling.amsterdam()


def _band(band: float | None) -> dict[str, float]:
    """``band`` as a keyword only when given, so the core's default (``BAND``) applies."""
    return {} if band is None else {"band": band}


@hookimpl(tryfirst=True)
def register_commands(cli: typer.Typer) -> None:
    cli.command("plugins")(plugins_command)
    cli.command("activiteiten")(activiteiten_command)
    cli.command("gebieden")(gebieden_command)
    cli.command("gebied")(gebied_command)
    cli.command("match")(match_command)
    cli.command("analyse")(analyse_command)


def plugins_command(
    json_: JsonOptie = False,
    alles: Annotated[bool, typer.Option("--alles", help="Toon ook de ingebouwde plugins.")] = False,
) -> None:
    """Toon de geïnstalleerde plugins met hun versie en hooks."""
    import pandas as pd

    lijst = get_plugins(all=alles)
    problemen = [vars(p) for p in plugin_problems()]
    if json_:
        print_json({"plugins": lijst, "problemen": problemen})
        return
    tabel = pd.DataFrame(
        [
            {
                "plugin": p["name"],
                "distributie": p.get("distribution", "ingebouwd"),
                "versie": p.get("version", ""),
                "hooks": ", ".join(p["hooks"]),
            }
            for p in lijst
        ]
    )
    if tabel.empty:
        console.print("Geen plugins geïnstalleerd.")
    else:
        print_table(tabel.set_index("plugin"), "Plugins")
    for p in plugin_problems():
        console.print(f"[red]Probleem:[/] {p}", highlight=False)


def activiteiten_command(json_: JsonOptie = False) -> None:
    """Toon de geïnstalleerde activiteiten."""
    import pandas as pd

    rijen = [
        {
            "code": r.code,
            "naam": r.activiteit.naam,
            "afdeling": r.activiteit.afdeling,
            "niveau": r.activiteit.niveau.value,
            "plugin": r.plugin,
        }
        for r in activiteiten().values()
    ]
    tabel = pd.DataFrame(rijen, columns=["code", "naam", "afdeling", "niveau", "plugin"])
    if json_:
        print_json(rijen)
    else:
        print_table(tabel.set_index("code"), "Activiteiten")


def gebieden_command(
    niveau: NiveauOptie = Niveau.STADSDEEL,
    indeling: IndelingOptie = None,
    json_: JsonOptie = False,
) -> None:
    """Toon de gebieden van een schaalniveau: codes, namen, bovenliggende gebieden en inwoners."""
    niveau = niveau or Niveau.STADSDEEL
    tabel = _indeling(indeling).overview(niveau)
    if json_:
        print_json(tabel)
    else:
        print_table(tabel, f"Gebieden op niveau {niveau.value} ({len(tabel)})")


def gebied_command(
    naam: Annotated[
        str, typer.Argument(help="Naam of code, bijvoorbeeld 'N-West', 'GF07' of 'FN01'.")
    ],
    niveau: NiveauOptie = None,
    indeling: IndelingOptie = None,
    json_: JsonOptie = False,
) -> None:
    """Zoek de code en naam van één gebied."""
    ind = _indeling(indeling)
    code = ind.resolve(naam, niveau)
    gevonden = ind.area(code) if niveau is not Niveau.DOELGROEP else None
    uit: dict[str, Any] = vars(gevonden) if gevonden else {"code": code, "naam": code}
    if json_:
        print_json({k: getattr(v, "value", v) for k, v in uit.items()})
    else:
        console.print(f"{naam} → [bold]{uit['code']}[/] {uit['naam']}", highlight=False)


def match_command(
    inzet: Annotated[
        Path,
        typer.Argument(
            help="CSV of Excel met een gebiedskolom en de inzet "
            "(of beide kolommen inzet en opgave)."
        ),
    ],
    opgave: Annotated[
        Path | None, typer.Argument(help="CSV of Excel met de opgave per gebied.")
    ] = None,
    gebied_kolom: Annotated[
        str | None, typer.Option(help="Kolom met de gebieden (standaard de eerste).")
    ] = None,
    inzet_kolom: Annotated[str | None, typer.Option(help="Kolom met de inzet.")] = None,
    opgave_kolom: Annotated[str | None, typer.Option(help="Kolom met de opgave.")] = None,
    blad: Annotated[str | None, typer.Option(help="Werkblad in een Excel-bestand.")] = None,
    niveau: NiveauOptie = None,
    indeling: IndelingOptie = None,
    band: BandOptie = None,
    uitvoer: Annotated[
        Path | None,
        typer.Option("--uitvoer", "-o", help="Schrijf het resultaat naar .csv of .xlsx."),
    ] = None,
    overschrijf: Annotated[bool, typer.Option(help="Vervang een bestaand uitvoerbestand.")] = False,
    json_: JsonOptie = False,
) -> None:
    """Vergelijk inzet en opgave per gebied: aandelen, verschil (pp), OI-index en signaal.

    Met --niveau worden Amsterdamse namen (zoals 'N-West') eerst naar codes vertaald;
    zonder --niveau werkt match op elke naam (doelgroepen, gebieden van een andere stad).
    """
    from oi_core.invoer.bestanden import read_labelled, write_table
    from oi_core.rekenen.analyse import match

    x, _ = read_labelled(
        inzet, "inzet", gebied_kolom=gebied_kolom, waarde_kolom=inzet_kolom, blad=blad
    )
    y, _ = read_labelled(
        opgave or inzet, "opgave", gebied_kolom=gebied_kolom, waarde_kolom=opgave_kolom, blad=blad
    )
    ind = _indeling(indeling) if niveau not in (None, Niveau.DOELGROEP) else None
    if ind is not None and niveau is not None:
        x = ind.resolve_index(x, niveau, eerste_rij=2)
        y = ind.resolve_index(y, niveau, eerste_rij=2)
    uitkomst = match(x, y, **_band(band))
    if ind is not None:
        uitkomst.insert(0, "naam", ind.names(uitkomst.index))
    if uitvoer:
        geschreven = write_table(uitkomst, uitvoer, overschrijf=overschrijf)
        console.print(f"Geschreven: {geschreven}", highlight=False)
    if json_:
        print_json(uitkomst)
    elif not uitvoer:
        print_table(uitkomst, "Match tussen inzet en opgave")


def analyse_command(
    code: Annotated[
        str, typer.Argument(metavar="ACTIVITEIT", help="Code van de activiteit, bijvoorbeeld jgz.")
    ],
    niveau: NiveauOptie = None,
    band: BandOptie = None,
    json_: JsonOptie = False,
) -> None:
    """Toon stap 1 (verdeling inzet), stap 2 (opgave) en stap 3 (match) van een activiteit."""
    reg = activiteit(code)
    analyse = reg.analyse(niveau=niveau)
    stappen = {
        "verdeling_inzet": analyse.verdeling_inzet(),
        "opgave": analyse.opgave(),
        "match": analyse.match(**_band(band)),
    }
    if json_:
        print_json({"activiteit": code, "niveau": analyse.niveau.value, **stappen})
        return
    a = reg.activiteit
    console.print(
        f"[bold]{a.naam}[/] ({a.afdeling}) — niveau {analyse.niveau.value}", highlight=False
    )
    print_table(stappen["verdeling_inzet"], f"Stap 1 — verdeling inzet: {a.match_inzet.naam}")
    print_table(stappen["opgave"], f"Stap 2 — opgave: {a.match_opgave.naam}")
    print_table(stappen["match"], "Stap 3 — match tussen inzet en opgave")
