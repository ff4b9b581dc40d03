"""The commands ``oi scenario`` and ``oi spectrum``: steering from insight.

Registered through the ``register_commands`` hook like the other core commands. They read
their options (numbers in Dutch notation: ``0,05``) and call
:func:`~oi_core.sturen.toepassing.scenario_activiteit` and
:func:`~oi_core.sturen.toepassing.spectrum_activiteit`; nothing is computed here.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from oi_core.cli.uitvoer import JsonOptie, console, print_json, print_table
from oi_core.errors import InvoerFout
from oi_core.model.soorten import Niveau
from oi_core.plugins.hookspecs import hookimpl
from oi_core.plugins.manager import activiteit

__all__ = ["register_commands", "scenario_command", "spectrum_command"]

ActiviteitArgument = Annotated[
    str, typer.Argument(metavar="ACTIVITEIT", help="Code van de activiteit, bijvoorbeeld jgz.")
]
NiveauOptie = Annotated[
    Niveau | None,
    typer.Option("--niveau", "-n", help="Schaalniveau, bijvoorbeeld stadsdeel of wijk."),
]


def _getal_optie(help_: str, naam: str) -> Any:
    return typer.Option(naam, help=help_, metavar="GETAL")


@hookimpl(tryfirst=True)
def register_commands(cli: typer.Typer) -> None:
    cli.command("scenario")(scenario_command)
    cli.command("spectrum")(spectrum_command)


def _getal(tekst: str | None, optie: str) -> float | None:
    """A number in Dutch or English notation (``0,05``, ``1.234,5``); ``None`` when absent."""
    from oi_core.invoer.getallen import GetalFout, parse_number

    if tekst is None:
        return None
    try:
        return parse_number(tekst)
    except GetalFout as fout:
        raise InvoerFout(str(fout), argument=optie) from None


def scenario_command(
    code: ActiviteitArgument,
    vorm: Annotated[
        str | None,
        typer.Option(
            "--vorm",
            help="herverdelen (het totaal blijft gelijk) of toevoegen (er komt extra bij, "
            "niemand levert in). Standaard wat de activiteit aangeeft, anders herverdelen.",
        ),
    ] = None,
    tempo: Annotated[
        str | None,
        _getal_optie(
            "Hoogstens deze verandering per gebied per jaar (0,05 = 5%). Standaard wat de "
            "activiteit aangeeft, anders geen grens.",
            "--tempo",
        ),
    ] = None,
    jaren: Annotated[
        int | None,
        typer.Option(
            "--jaren", help="Aantal jaren van het pad (standaard 1 of wat de activiteit aangeeft)."
        ),
    ] = None,
    extra: Annotated[
        str | None,
        _getal_optie("Bij toevoegen: de extra inzet in de eenheid van de inzet.", "--extra"),
    ] = None,
    basisdeel: Annotated[
        str | None,
        _getal_optie(
            "Deel van het budget dat naar inwoners gaat, de rest naar de opgave (0,2 = 20%).",
            "--basisdeel",
        ),
    ] = None,
    minimum: Annotated[
        str | None,
        _getal_optie(
            "Basisniveau: geen gebied krijgt minder dan dit, in geen enkel jaar.", "--minimum"
        ),
    ] = None,
    eenheid: Annotated[
        str | None,
        _getal_optie(
            "Rond af op hele eenheden (1 voor hele fte, 100 voor 100 m²); het totaal blijft "
            "precies gelijk.",
            "--eenheid",
        ),
    ] = None,
    totaal: Annotated[
        str | None,
        _getal_optie(
            "Het totaal als de inzet een aandeel is (bijvoorbeeld het aantal fte van de hele "
            "dienst); zonder totaal rekent het scenario in procenten van het totaal.",
            "--totaal",
        ),
    ] = None,
    niveau: NiveauOptie = None,
    json_: JsonOptie = False,
) -> None:
    """Reken een scenario door: het pad per jaar naar de doelverdeling en de uitruil in woorden."""
    from oi_core.sturen.toepassing import scenario_activiteit

    analyse = activiteit(code).analyse(niveau=niveau)
    uit = scenario_activiteit(
        analyse,
        vorm=vorm,
        extra=_getal(extra, "--extra"),
        basisdeel=_getal(basisdeel, "--basisdeel") or 0.0,
        minimum=_getal(minimum, "--minimum"),
        tempo=_getal(tempo, "--tempo"),
        jaren=jaren,
        eenheid=_getal(eenheid, "--eenheid"),
        totaal=_getal(totaal, "--totaal"),
    )
    if json_:
        print_json(_scenario_json(uit))
        return
    a = analyse.activiteit
    console.print(f"[bold]{a.naam}[/] — scenario {uit.uitkomst.attrs['vorm']}", highlight=False)
    console.print(uit.uitruil, highlight=False)
    print_table(uit.tabel(), f"Na {uit.uitkomst.attrs['jaren']} jaar, in {uit.eenheid}")
    print_table(uit.pad("oi_index"), "OI-index per jaar")
    if uit.spectrum is not None:
        print_table(uit.spectrum, "Stap op het spectrum per jaar")


def _scenario_json(uit: Any) -> dict[str, Any]:
    rijen = uit.uitkomst.reset_index()
    rijen.insert(2, "naam", [uit.namen.get(str(g), str(g)) for g in rijen["gebied"]])
    attrs = uit.uitkomst.attrs
    return {
        "activiteit": uit.code,
        "niveau": uit.niveau.value,
        "eenheid": uit.eenheid,
        "totaal": uit.totaal,
        "opties": {
            k: attrs.get(k) for k in ("vorm", "jaren", "tempo", "extra", "basisdeel", "eenheid")
        },
        "uitruil": uit.uitruil,
        "scenario": rijen.to_dict("records"),
        "spectrum": None if uit.spectrum is None else uit.spectrum.reset_index().to_dict("records"),
    }


def spectrum_command(
    code: ActiviteitArgument,
    resultaat: Annotated[
        str | None,
        typer.Option(
            "--resultaat",
            help="Code van een resultaatindicator; met --basisniveau voor stap 4 en 5.",
        ),
    ] = None,
    basisniveau: Annotated[
        str | None,
        _getal_optie(
            "Het basisniveau dat elk gebied op het resultaat moet halen.", "--basisniveau"
        ),
    ] = None,
    tolerantie: Annotated[
        str | None,
        _getal_optie(
            "Marge rond 0 van de concentratie-index waarbinnen de verdeling 'gelijk' is "
            "(standaard 0,05).",
            "--tolerantie",
        ),
    ] = None,
    niveau: NiveauOptie = None,
    json_: JsonOptie = False,
) -> None:
    """Toon waar de verdeling van een activiteit staat op het spectrum van vijf stappen."""
    from oi_core.sturen.spectrum import TOLERANTIE
    from oi_core.sturen.toepassing import spectrum_activiteit

    analyse = activiteit(code).analyse(niveau=niveau)
    t = _getal(tolerantie, "--tolerantie")
    positie = spectrum_activiteit(
        analyse,
        resultaat=resultaat,
        basisniveau=_getal(basisniveau, "--basisniveau"),
        tolerantie=TOLERANTIE if t is None else t,
    )
    if json_:
        print_json(
            {
                "activiteit": code,
                "niveau": analyse.niveau.value,
                "stap": positie.stap,
                "stapnummer": positie.nummer,
                "concentratie": positie.concentratie,
                "tolerantie": positie.tolerantie,
                "onder_basisniveau": list(positie.onder_basisniveau),
                "toelichting": positie.toelichting,
            }
        )
        return
    console.print(f"[bold]{analyse.activiteit.naam}[/]: {positie.stap}", highlight=False)
    console.print(positie.toelichting, highlight=False)
