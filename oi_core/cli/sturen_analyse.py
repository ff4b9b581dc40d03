"""The commands of *sturen* (issue 12, items 3–8): ``oi concentratie``, ``oi positie``,
``oi tekort``, ``oi impact``, ``oi niveaus`` and ``oi robuustheid``.

Registered through the ``register_commands`` hook (``specname``, so the core's other
modules keep their own implementation). The commands only read their arguments and call
:mod:`oi_core.sturen`; every number is computed there.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from oi_core.cli.uitvoer import JsonOptie, console, print_json, print_table
from oi_core.errors import InvoerFout
from oi_core.model.soorten import Niveau
from oi_core.plugins.hookspecs import hookimpl
from oi_core.plugins.manager import activiteit

if TYPE_CHECKING:
    import pandas as pd

    from oi_core.rekenen.analyse import Analyse

__all__ = ["register_sturen_analyse"]

Activiteit = Annotated[
    str, typer.Argument(metavar="ACTIVITEIT", help="Code van de activiteit, bijvoorbeeld jgz.")
]
Bestand = Annotated[Path, typer.Argument(help="CSV of Excel; de eerste kolom noemt de gebieden.")]
Getal = Annotated[str | None, typer.Option(help="Een getal; een komma mag: 0,95.")]
NiveauOptie = Annotated[
    Niveau | None,
    typer.Option("--niveau", "-n", help="Schaalniveau, bijvoorbeeld stadsdeel of wijk."),
]
Betrouwbaarheid = Annotated[
    str, typer.Option(help="Betrouwbaarheid van het interval (0,95 = 95%).")
]


@hookimpl(specname="register_commands")
def register_sturen_analyse(cli: typer.Typer) -> None:
    cli.command("concentratie")(concentratie_command)
    cli.command("positie")(positie_command)
    cli.command("tekort")(tekort_command)
    cli.command("impact")(impact_command)
    cli.command("niveaus")(niveaus_command)
    cli.command("robuustheid")(robuustheid_command)


def _getal(tekst: str | None, argument: str) -> float | None:
    from oi_core.invoer.getallen import parse_number

    if tekst is None:
        return None
    try:
        waarde = parse_number(tekst)
    except ValueError as fout:
        raise InvoerFout(f"'{tekst}' is geen getal ({fout})", argument=argument) from None
    if waarde != waarde:
        raise InvoerFout("geef een getal", argument=argument)
    return waarde


def _tabel(pad: Path, kolommen: list[str | None]) -> pd.DataFrame:
    """The file's numeric columns ``kolommen`` (None: skipped), indexed by the first column."""
    from oi_core.invoer.bestanden import numbers_column, read_table

    df = read_table(pad)
    gebied = str(df.columns[0])
    import pandas as pd

    uit = pd.DataFrame(index=pd.Index([str(g).strip() for g in df[gebied]], name="gebied"))
    for k in kolommen:
        if k is not None:
            uit[k] = numbers_column(df, k, blad=pad.name).to_numpy()
    return uit


def _met_namen(uit: pd.DataFrame, analyse: Analyse) -> pd.DataFrame:
    """``uit`` with the areas' names first (an analysis on Amsterdam areas)."""
    if analyse.niveau is Niveau.DOELGROEP or "naam" in uit.columns:
        return uit
    uit = uit.copy()
    uit.insert(0, "naam", analyse.indeling.names(uit.index))
    return uit


def concentratie_command(
    code: Activiteit,
    niveau: NiveauOptie = None,
    betrouwbaarheid: Betrouwbaarheid = "0,95",
    waarnemingen: Getal = None,
    json_: JsonOptie = False,
) -> None:
    """Concentratie-index van de inzet per inwoner met betrouwbaarheidsinterval en de punten
    van de concentratiecurve (gebieden van grootste naar kleinste opgave per inwoner).

    Negatief: de inzet gaat naar de gebieden met de grootste opgave.
    """
    from oi_core.sturen.concentratie import concentratie_curve, concentratie_interval

    analyse = activiteit(code).analyse(niveau=niveau)
    a = analyse.activiteit
    x, y = analyse.values(a.match_inzet.code), analyse.values(a.match_opgave.code)
    bevolking = (
        analyse.indeling.bevolking(analyse.niveau)
        if analyse.niveau is not Niveau.DOELGROEP
        else None
    )
    if bevolking is not None:
        bevolking = bevolking.reindex(x.index)
    n = _getal(waarnemingen, "waarnemingen")
    uit = concentratie_interval(
        x, y, bevolking, niveau=_getal(betrouwbaarheid, "betrouwbaarheid") or 0.95, n=n
    )
    curve = concentratie_curve(x, y, bevolking)
    if json_:
        print_json({"activiteit": code, "concentratie": uit.reeks(), "curve": curve})
        return
    from oi_core.cli.uitvoer import kop

    tabel = uit.reeks().rename(index=kop).to_frame("waarde").rename_axis("begrip")
    print_table(tabel, f"Concentratie: {a.naam}")
    print_table(curve, "Concentratiecurve")


def positie_command(
    bestand: Bestand,
    waarde_kolom: Annotated[str, typer.Option(help="Kolom met de waarde (een percentage).")],
    steekproef_kolom: Annotated[
        str | None, typer.Option(help="Kolom met de steekproefgrootte per gebied.")
    ] = None,
    marge_kolom: Annotated[str | None, typer.Option(help="Kolom met de marge per gebied.")] = None,
    marge_niveau: Annotated[
        str, typer.Option(help="Betrouwbaarheid van de marge (0,95; bij ACS-cijfers 0,90).")
    ] = "0,95",
    betrouwbaarheid: Betrouwbaarheid = "0,95",
    minimum_waarnemingen: Annotated[
        str | None,
        typer.Option(help="Minder waarnemingen dan dit: de waarde wordt '–' (onderdrukt)."),
    ] = None,
    richting: Annotated[str, typer.Option(help="hoger_is_beter of lager_is_beter.")] = (
        "hoger_is_beter"
    ),
    json_: JsonOptie = False,
) -> None:
    """Positie van elk gebied ten opzichte van het gemiddelde; met een steekproefgrootte of
    marge telt alleen een significant verschil, en kleine aantallen worden onderdrukt."""
    from oi_core.model.activiteit import Richting
    from oi_core.rekenen.metrieken import tov_gemiddelde

    try:
        r = Richting(richting)
    except ValueError:
        raise InvoerFout(
            f"'{richting}' is geen richting; kies hoger_is_beter of lager_is_beter",
            argument="richting",
        ) from None
    tabel = _tabel(bestand, [waarde_kolom, steekproef_kolom, marge_kolom])
    uit = tov_gemiddelde(
        tabel[waarde_kolom],
        richting=r,
        steekproef=tabel[steekproef_kolom] if steekproef_kolom else None,
        marge=tabel[marge_kolom] if marge_kolom else None,
        marge_niveau=_getal(marge_niveau, "marge_niveau") or 0.95,
        betrouwbaarheid=_getal(betrouwbaarheid, "betrouwbaarheid") or 0.95,
        minimum_waarnemingen=_getal(minimum_waarnemingen, "minimum_waarnemingen"),
    )
    if json_:
        print_json(uit)
    else:
        print_table(uit, f"Positie ten opzichte van het gemiddelde: {waarde_kolom}")


def tekort_command(
    bestand: Annotated[
        Path,
        typer.Argument(help="CSV of Excel: eerste kolom de gebieden, daarna één kolom per jaar."),
    ],
    norm: Annotated[
        str, typer.Option(help="Een getal, of 'gemiddelde' (het gemiddelde van elk jaar).")
    ] = "gemiddelde",
    prijs: Annotated[
        str | None, typer.Option(help="Euro per eenheid per jaar: geeft het tekort in euro.")
    ] = None,
    json_: JsonOptie = False,
) -> None:
    """Opgeteld tekort per gebied over de jaren onder de norm, in eenheden en met een prijs
    in euro (bijvoorbeeld de m² bibliotheek in Zuidoost)."""
    from oi_core.invoer.bestanden import read_table
    from oi_core.sturen.trends import cumulatief_tekort

    ruw = read_table(bestand)
    jaren = [str(k) for k in ruw.columns[1:]]
    waarden = _tabel(bestand, list(jaren))
    grens: float | str = (
        norm if norm.strip().lower() == "gemiddelde" else _getal(norm, "norm") or 0.0
    )
    uit = cumulatief_tekort(waarden, grens, prijs=_getal(prijs, "prijs"))
    if json_:
        print_json({"tekort": uit, "per_jaar": uit.attrs["per_jaar"]})
        return
    print_table(uit, f"Opgeteld tekort onder de norm ({norm})")


def impact_command(
    code: Activiteit,
    prijs: Annotated[
        str | None, typer.Option(help="Euro per eenheid inzet, bijvoorbeeld per fte.")
    ] = None,
    totaal: Annotated[
        str | None,
        typer.Option(help="Totaalbudget in euro, als de inzet een aandeel is (% van het budget)."),
    ] = None,
    resultaat: Annotated[
        str | None, typer.Option(help="Code van de resultaatindicator (standaard de eerste).")
    ] = None,
    niveau: NiveauOptie = None,
    json_: JsonOptie = False,
) -> None:
    """Kosten per eenheid resultaat per gebied, langs de resultatenketen. Weigert als de
    keten geen gemeten resultaat heeft."""
    from oi_core.sturen.impact import impact_activiteit

    analyse = activiteit(code).analyse(niveau=niveau)
    uit = impact_activiteit(
        analyse,
        prijs=_getal(prijs, "prijs"),
        totaal=_getal(totaal, "totaal"),
        resultaat=resultaat,
    )
    uit = _met_namen(uit, analyse)
    if json_:
        print_json({"activiteit": code, "resultaat": uit.attrs["resultaat"], "impact": uit})
        return
    r = uit.attrs["resultaat"]
    print_table(uit, f"Kosten per eenheid resultaat: {r['naam']} ({r['eenheid']})")


def niveaus_command(
    code: Annotated[
        str | None,
        typer.Argument(metavar="[ACTIVITEIT]", help="Code van de activiteit (of geef --data)."),
    ] = None,
    data: Annotated[
        Path | None,
        typer.Option(help="CSV of Excel met gebiedscodes van één niveau, inzet en opgave."),
    ] = None,
    json_: JsonOptie = False,
) -> None:
    """OI-index van één activiteit op elk niveau naast elkaar, met de gebieden waar het
    signaal tussen niveaus omslaat (te weinig op het ene, te veel op het andere)."""
    from oi_core.sturen.niveaus import oi_per_niveau, oi_per_niveau_activiteit

    if data is not None:
        tabel = _tabel(data, ["inzet", "opgave"])
        uit = oi_per_niveau(tabel["inzet"], tabel["opgave"])
    elif code is not None:
        uit = oi_per_niveau_activiteit(activiteit(code).analyse())
    else:
        raise InvoerFout("geef een activiteit of --data", argument="ACTIVITEIT")
    _print_niveaus(uit, json_)


def _print_niveaus(uit: pd.DataFrame, json_: bool) -> None:
    if json_:
        print_json({"niveau": uit.attrs.get("niveau"), "niveaus": uit})
        return
    print_table(uit, f"OI-index per niveau (vanaf {uit.attrs.get('niveau', '')})")
    omslag = uit.index[uit["omslag"].to_numpy(dtype=bool)]
    console.print(
        f"Signaal slaat om in {len(omslag)} van {len(uit)} gebieden"
        + (f": {', '.join(map(str, omslag[:20]))}" if len(omslag) else "."),
        highlight=False,
    )


def robuustheid_command(
    code: Activiteit, niveau: NiveauOptie = None, json_: JsonOptie = False
) -> None:
    """OI-index en signaal onder elke definitie van de opgave die de activiteit geeft; een
    stevig signaal is bij elke definitie hetzelfde."""
    from oi_core.sturen.robuustheid import robuustheid_activiteit

    analyse = activiteit(code).analyse(niveau=niveau)
    uit = _met_namen(robuustheid_activiteit(analyse), analyse)
    if json_:
        print_json({"activiteit": code, "robuustheid": uit})
        return
    print_table(uit, "Robuustheid van het signaal")
    wankel = uit.index[~uit["stevig"].to_numpy(dtype=bool)]
    console.print(
        f"Stevig in {len(uit) - len(wankel)} van {len(uit)} gebieden"
        + (
            f"; het signaal hangt af van de definitie in {', '.join(map(str, wankel))}."
            if len(wankel)
            else "."
        ),
        highlight=False,
    )
