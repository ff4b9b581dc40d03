"""The built-in Excel functions: ``OI_MATCH``, ``OI_INDEX``, ``OI_GEBIED`` …

Framework-free declarations (:class:`~oi_core.model.registratie.ExcelFunctie`),
registered by the plugin ``excel`` (:mod:`oi_excel.plugin`) through the
``register_excel_functies`` hook exactly like a department plugin's functions;
:mod:`oi_excel.udfs` turns every registered function into an Excel function. Each function
here only shapes its arguments and calls the core function that computes the number
(:func:`~oi_core.rekenen.metrieken.aandeel`, :func:`~oi_core.rekenen.analyse.match` …, all
on the one kernel :func:`~oi_core.rekenen.kern.verdeel`), so Excel, the CLI and the report
give the same figures. No share, index, band or compensation is computed here.

Arguments arrive converted by :mod:`oi_excel.conversie`: ranges (a row or a column) as
float arrays with NaN for empty cells. Values without area names are labelled ``waarde 1``,
``waarde 2`` … so an error names the position. A DataFrame result keeps the column keys
of the core (``aandeel_inzet``); the conversion writes their Dutch headers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from oi_core.errors import InvoerFout
from oi_core.gebieden.indeling import Gebiedsindeling
from oi_core.model.activiteit import Activiteit, Niveau, Richting
from oi_core.model.registratie import ExcelArgument, ExcelFunctie
from oi_core.rekenen.analyse import match
from oi_core.rekenen.compensatie import compensatie
from oi_core.rekenen.kern import BAND, MATCH_KOLOMMEN
from oi_core.rekenen.metrieken import (
    aandeel,
    concentratie_index,
    kwadrant,
    oi_index,
    per,
    stapeling,
    tov_gemiddelde,
    verschil_pp,
)

__all__ = ["BUILTIN_EXCEL_FUNCTIES", "MATCH_SLEUTELS"]

MATCH_SLEUTELS = ("gebied", *MATCH_KOLOMMEN)
"""Column keys of ``OI_MATCH``'s table (spilled with their Dutch headers)."""


# -- helpers ------------------------------------------------------------------------------
def _labels(n: int) -> list[str]:
    return [f"waarde {i}" for i in range(1, n + 1)]


def _reeks(waarden: np.ndarray, labels: Sequence[str] | pd.Index | None = None) -> pd.Series:
    if isinstance(labels, pd.Index):  # one index shared by several series: checked once
        return pd.Series(waarden, index=labels)
    return pd.Series(waarden, index=list(labels) if labels is not None else _labels(len(waarden)))


Reeks = Sequence[Any] | np.ndarray


def _same_length(eerste: tuple[str, Reeks], *andere: tuple[str, Reeks | None]) -> None:
    naam, waarden = eerste
    for ander, reeks in andere:
        if reeks is not None and len(reeks) != len(waarden):
            raise InvoerFout(
                f"{ander} heeft {len(reeks)} waarden en {naam} {len(waarden)}; "
                "geef even lange bereiken",
                argument=ander,
            )


_RICHTINGEN = {
    "hoger": Richting.HOGER_IS_BETER,
    "hogerisbeter": Richting.HOGER_IS_BETER,
    "lager": Richting.LAGER_IS_BETER,
    "lagerisbeter": Richting.LAGER_IS_BETER,
    "neutraal": Richting.NEUTRAAL,
}


def _richting(tekst: str | None, argument: str, standaard: Richting | None = None) -> Richting:
    if tekst is None:
        if standaard is None:
            raise InvoerFout("richting ontbreekt (hoger of lager)", argument=argument)
        return standaard
    sleutel = "".join(c for c in tekst.lower() if c.isalpha())
    if sleutel not in _RICHTINGEN:
        raise InvoerFout(
            f"'{tekst}' is geen richting; kies hoger (hoger is beter), lager (lager is beter) "
            "of neutraal",
            argument=argument,
        )
    return _RICHTINGEN[sleutel]


def _niveau(tekst: str | None, argument: str = "niveau") -> Niveau | None:
    if tekst is None:
        return None
    try:
        return Niveau(tekst.strip().lower())
    except ValueError:
        bekend = ", ".join(n.value for n in Niveau if n is not Niveau.DOELGROEP)
        raise InvoerFout(
            f"onbekend niveau '{tekst}'; kies uit {bekend}", argument=argument
        ) from None


_JA = {"true", "waar", "ja", "x", "1", "1.0"}
_NEE = {"", "false", "onwaar", "nee", "0", "0.0"}


def _flags(cellen: list[list[Any]] | None, n: int, argument: str) -> list[bool]:
    if cellen is None:
        return [False] * n
    vlak = [v for rij in cellen for v in rij]
    if len(vlak) != n:
        raise InvoerFout(
            f"heeft {len(vlak)} cellen en waarden {n}; zet een x naast elke waarde die niet "
            "meetelt",
            argument=argument,
        )
    uit = []
    for i, v in enumerate(vlak, start=1):
        tekst = "" if v is None else str(v).strip().lower()
        if tekst not in _JA | _NEE:
            raise InvoerFout(
                f"waarde {i}: '{v}' is geen x, ja/nee of WAAR/ONWAAR", argument=argument
            )
        uit.append(tekst in _JA)
    return uit


# -- shares, difference, index, per ------------------------------------------------------
def oi_aandeel(waarden: np.ndarray) -> pd.Series:
    return aandeel(_reeks(waarden), naam="waarden")


def oi_verschil(inzet: np.ndarray, opgave: np.ndarray) -> pd.Series:
    _same_length(("inzet", inzet), ("opgave", opgave))
    return verschil_pp(_reeks(inzet), _reeks(opgave))


def oi_index_(inzet: np.ndarray, opgave: np.ndarray) -> pd.Series:
    _same_length(("inzet", inzet), ("opgave", opgave))
    return oi_index(_reeks(inzet), _reeks(opgave))


def oi_per(waarden: np.ndarray, noemer: np.ndarray, per_: float | None) -> pd.Series:
    _same_length(("waarden", waarden), ("noemer", noemer))
    if per_ is None:  # the core's default
        return per(_reeks(waarden), _reeks(noemer))
    return per(_reeks(waarden), _reeks(noemer), per=per_)


# -- match ---------------------------------------------------------------------------------
def _area_labels(gebieden: list[str | None], argument: str = "gebieden") -> list[str]:
    """Names of areas or doelgroepen: none blank, none twice (the error names the row)."""
    if None in gebieden:
        raise InvoerFout(f"naam ontbreekt bij waarde {gebieden.index(None) + 1}", argument=argument)
    namen = list(map(str, gebieden))
    if len(set(namen)) == len(namen):
        return namen
    labels = pd.Index(namen)
    dubbel = np.flatnonzero(labels.duplicated())
    if len(dubbel):
        i = int(dubbel[0])
        eerste = int(np.flatnonzero(labels == labels[i])[0]) + 1
        raise InvoerFout(
            f"'{labels[i]}' staat meer dan eens in het bereik (ook in rij {eerste})",
            argument=argument,
            rij=i + 1,
        )
    return labels.tolist()


def oi_match(
    gebieden: list[str | None], inzet: np.ndarray, opgave: np.ndarray, band: float | None
) -> pd.DataFrame:
    _same_length(("gebieden", gebieden), ("inzet", inzet), ("opgave", opgave))
    labels = pd.Index(_area_labels(gebieden))
    uit = match(_reeks(inzet, labels), _reeks(opgave, labels), band=BAND if band is None else band)
    return uit.rename_axis(MATCH_SLEUTELS[0]).reset_index()


# -- against the average, stapeling, kwadrant, concentration -------------------------------
def oi_tov_gemiddelde(
    waarden: np.ndarray,
    gewichten: np.ndarray | None,
    richting: str | None,
    uitsluiten: list[list[Any]] | None,
) -> list[str]:
    if gewichten is not None:
        _same_length(("waarden", waarden), ("gewichten", gewichten))
    labels = _labels(len(waarden))
    weg = [
        g for g, f in zip(labels, _flags(uitsluiten, len(waarden), "uitsluiten"), strict=True) if f
    ]
    r = _richting(richting, "richting", Richting.NEUTRAAL)
    uit = tov_gemiddelde(
        _reeks(waarden),
        gewichten=None if gewichten is None else _reeks(gewichten),
        richting=r,
        uitsluiten=weg,
    )
    return [f"{lab} ({t})" if t else lab for lab, t in zip(uit["label"], uit["teken"], strict=True)]


def oi_stapeling(
    waarden: np.ndarray, richtingen: list[str | None], drempels: np.ndarray | None
) -> list[int]:
    kolommen = [f"kolom {j}" for j in range(1, waarden.shape[1] + 1)]
    _same_length(
        ("de kolommen van waarden", kolommen), ("richtingen", richtingen), ("drempels", drempels)
    )
    tabel = pd.DataFrame(waarden, index=_labels(waarden.shape[0]), columns=kolommen)
    r = {k: _richting(t, "richtingen") for k, t in zip(kolommen, richtingen, strict=True)}
    gegeven = (
        {}
        if drempels is None
        else {k: float(d) for k, d in zip(kolommen, drempels, strict=True) if not np.isnan(d)}
    )
    uit = stapeling(tabel, r, drempels=gegeven)
    return [int(v) for v in uit["aantal_slechter"]]


def oi_kwadrant(
    x: np.ndarray,
    y: np.ndarray,
    x_ref: float | None,
    y_ref: float | None,
    x_richting: str | None,
    y_richting: str | None,
) -> list[str]:
    _same_length(("x", x), ("y", y))
    uit = kwadrant(
        _reeks(x),
        _reeks(y),
        x_ref=x_ref,
        y_ref=y_ref,
        x_richting=_richting(x_richting, "x_richting", Richting.HOGER_IS_BETER),
        y_richting=_richting(y_richting, "y_richting", Richting.HOGER_IS_BETER),
    )
    return [str(k) for k in uit["kwadrant"]]


def oi_concentratie(inzet: np.ndarray, opgave: np.ndarray, bevolking: np.ndarray | None) -> float:
    _same_length(("inzet", inzet), ("opgave", opgave), ("bevolking", bevolking))
    b = None if bevolking is None else _reeks(bevolking)
    return concentratie_index(_reeks(inzet), _reeks(opgave), b)


COMPENSATIE_KOPPEN = ("Maat", "Waarde")


def oi_compensatie(
    inzet: np.ndarray, opgave: np.ndarray, gebieden: list[str | None] | None
) -> list[list[Any]]:
    _same_length(("inzet", inzet), ("opgave", opgave), ("gebieden", gebieden))
    labels = _labels(len(inzet)) if gebieden is None else _area_labels(gebieden)
    c = compensatie(_reeks(inzet, labels), _reeks(opgave, labels))
    return [
        list(COMPENSATIE_KOPPEN),
        ["Totale inzet", c.totaal],
        ["Herverdelen: te verschuiven inzet", c.herverdelen],
        ["Herverdelen (aandeel van het totaal)", c.herverdelen_aandeel],
        ["Toevoegen: extra inzet zonder dat iemand inlevert", c.toevoegen],
        ["Toevoegen (aandeel van het totaal)", c.toevoegen_aandeel],
        ["Ruimst bedeeld (bepaalt toevoegen)", c.ruimst],
        ["Onder hun aandeel (OI-index < 100)", ", ".join(c.onder)],
    ]


# -- areas and activities ------------------------------------------------------------------
def oi_gebied(namen: list[str | None], niveau: str | None) -> list[list[str]]:
    indeling = Gebiedsindeling.amsterdam()
    n = _niveau(niveau)
    if n is Niveau.DOELGROEP:
        raise InvoerFout(
            "een doelgroep is geen gebied; kies stadsdeel, gebied, wijk of buurt", argument="niveau"
        )
    uit = []
    for i, naam in enumerate(namen, start=1):
        if naam is None:
            raise InvoerFout(f"cel {i} is leeg", argument="naam_of_code")
        code = indeling.resolve(naam, n)
        uit.append([code, indeling.name(code)])
    return uit


GEBIEDEN_SLEUTELS = ("code", "naam", "inwoners", "inwoners_0_14")
"""Column keys of ``OI_GEBIEDEN`` (spilled with their Dutch headers)."""


def oi_gebieden(niveau: str | None) -> pd.DataFrame:
    n = _niveau(niveau)
    if n is None or n is Niveau.DOELGROEP:
        raise InvoerFout("kies een niveau: stadsdeel, gebied, wijk of buurt", argument="niveau")
    tabel = Gebiedsindeling.amsterdam().table(n)
    code, naam, inwoners, jong = GEBIEDEN_SLEUTELS
    return pd.DataFrame(
        {
            code: tabel.index.astype(str),
            naam: tabel["naam"].to_numpy(),
            inwoners: tabel["inwoners"].to_numpy(dtype=float),
            jong: tabel["inwoners_0_14"].to_numpy(dtype=float),
        }
    )


ACTIVITEITEN_SLEUTELS = ("code", "naam", "afdeling", "niveau", "plugin")
"""Column keys of ``OI_ACTIVITEITEN`` (spilled with their Dutch headers)."""


def oi_activiteiten() -> pd.DataFrame:
    from oi_core.plugins.manager import activiteiten

    rijen = [
        [r.code, r.activiteit.naam, r.activiteit.afdeling, r.activiteit.niveau.value, r.plugin]
        for r in activiteiten().values()
    ]
    return pd.DataFrame(rijen, columns=list(ACTIVITEITEN_SLEUTELS))


def oi_data(code: str | None, tabel: str | None) -> pd.DataFrame:
    from oi_core.plugins.manager import activiteit, validated_data

    if code is None:
        raise InvoerFout(
            "geef de code van een activiteit (zie OI_ACTIVITEITEN)", argument="activiteit"
        )
    reg = activiteit(code)
    if tabel is None:
        return _indicator_headers(validated_data(code).reset_index(drop=True), reg.activiteit)
    tabellen = dict(reg.tabellen()) if reg.tabellen is not None else {}
    if tabel not in tabellen:
        bekend = ", ".join(tabellen) or "geen"
        raise InvoerFout(
            f"activiteit '{code}' heeft geen tabel '{tabel}' (wel: {bekend})", argument="tabel"
        )
    uit = tabellen[tabel]
    uit = uit if isinstance(uit.index, pd.RangeIndex) else uit.reset_index()
    return _indicator_headers(uit, reg.activiteit)


def _indicator_headers(tabel: pd.DataFrame, activiteit: Activiteit) -> pd.DataFrame:
    """A column named after an indicator code gets the indicator's Dutch name, unless the
    column catalogue has a header for that key."""
    from oi_core.plugins.manager import kolommen

    catalogus = kolommen()
    namen = {i.code: i.naam for i in activiteit.keten.indicatoren() if i.code not in catalogus}
    return tabel.rename(columns=namen)


# -- the catalogue ---------------------------------------------------------------------------
def _getallen(naam: str, beschrijving: str, optioneel: bool = False) -> ExcelArgument:
    return ExcelArgument(naam, beschrijving, "getallen", optioneel)


def _getal(naam: str, beschrijving: str) -> ExcelArgument:
    return ExcelArgument(naam, beschrijving, "getal", True)


def _tekst(naam: str, beschrijving: str, optioneel: bool = True) -> ExcelArgument:
    return ExcelArgument(naam, beschrijving, "tekst", optioneel)


_INZET = "Bereik (rij of kolom) met de inzet per gebied: geld, fte, m²."
_OPGAVE = "Bereik (rij of kolom) met de opgave per gebied, even lang als inzet."
_RICHTING = "Optioneel: hoger (hoger is beter) of lager (lager is beter)."

BUILTIN_EXCEL_FUNCTIES: tuple[ExcelFunctie, ...] = (
    ExcelFunctie(
        naam="OI_AANDEEL",
        functie=oi_aandeel,
        beschrijving="Aandeel van elke waarde in het totaal (0–1), bijvoorbeeld het aandeel "
        "van een stadsdeel in de inzet.",
        argumenten=(_getallen("waarden", "Bereik (rij of kolom) met de waarden per gebied."),),
        voorbeeld="=OI_AANDEEL(B2:B9)",
        resultaat="Een aandeel per waarde (0–1), in dezelfde richting als het bereik.",
    ),
    ExcelFunctie(
        naam="OI_VERSCHIL",
        functie=oi_verschil,
        beschrijving="Aandeel inzet min aandeel opgave, in procentpunten (pp).",
        argumenten=(_getallen("inzet", _INZET), _getallen("opgave", _OPGAVE)),
        voorbeeld="=OI_VERSCHIL(B2:B9;C2:C9)",
        resultaat="Verschil in procentpunten per gebied.",
    ),
    ExcelFunctie(
        naam="OI_INDEX",
        functie=oi_index_,
        beschrijving="OI-index: 100 × aandeel inzet / aandeel opgave. 100 = in verhouding, "
        "50 = ongeveer de helft van zijn aandeel, 200 = het dubbele.",
        argumenten=(_getallen("inzet", _INZET), _getallen("opgave", _OPGAVE)),
        voorbeeld="=OI_INDEX(B2:B9;C2:C9)",
        resultaat="OI-index per gebied.",
    ),
    ExcelFunctie(
        naam="OI_PER",
        functie=oi_per,
        beschrijving="Waarde per 100, 1.000 … inwoners of kinderen: per × waarde / noemer.",
        argumenten=(
            _getallen("waarden", "Bereik met de waarden per gebied (bijv. m² bibliotheek)."),
            _getallen("noemer", "Bereik met de noemer per gebied (bijv. inwoners), even lang."),
            _getal("per", "Optioneel: per hoeveel (standaard 100; bijv. 1000)."),
        ),
        voorbeeld="=OI_PER(B2:B9;D2:D9;1000)",
        resultaat="Waarde per 'per' eenheden van de noemer, per gebied.",
    ),
    ExcelFunctie(
        naam="OI_MATCH",
        functie=oi_match,
        beschrijving="Match tussen inzet en opgave per gebied: aandelen, verschil (pp), "
        "OI-index en signaal (minder dan / in verhouding met / meer dan het aandeel in de opgave), "
        "met kopregel.",
        argumenten=(
            ExcelArgument(
                "gebieden", "Bereik met de namen van de gebieden of doelgroepen.", "teksten"
            ),
            _getallen("inzet", _INZET),
            _getallen("opgave", _OPGAVE),
            _getal(
                "band",
                f"Optioneel: marge rond 100 voor 'in verhouding' (standaard {BAND:.0%}).",
            ),
        ),
        voorbeeld="=OI_MATCH(A2:A9;B2:B9;C2:C9)",
        resultaat="Tabel met kopregel: gebied, aandeel inzet, aandeel opgave, verschil "
        "(procentpunt), OI-index en signaal.",
    ),
    ExcelFunctie(
        naam="OI_TOV_GEMIDDELDE",
        functie=oi_tov_gemiddelde,
        beschrijving="Positie van elke waarde ten opzichte van het (gewogen) gemiddelde: "
        "boven, gemiddeld of onder; 'sterk' bij meer dan één standaardafwijking.",
        argumenten=(
            _getallen("waarden", "Bereik met de waarden per gebied; lege cellen tellen niet mee."),
            _getallen("gewichten", "Optioneel: gewichten per gebied (bijv. inwoners).", True),
            _tekst("richting", _RICHTING + " Zet + of – achter het label."),
            ExcelArgument(
                "uitsluiten",
                "Optioneel: bereik even lang als waarden; een x (of WAAR) laat die waarde "
                "buiten het gemiddelde (bijv. Centrum).",
                "tabel",
                True,
            ),
        ),
        voorbeeld='=OI_TOV_GEMIDDELDE(B2:B9;D2:D9;"hoger";E2:E9)',
        resultaat="Label per waarde: sterk boven, boven, gemiddeld, onder of sterk onder, "
        "met (+) of (–) als een richting is gegeven.",
    ),
    ExcelFunctie(
        naam="OI_STAPELING",
        functie=oi_stapeling,
        beschrijving="Stapeling: per gebied (rij) het aantal indicatoren (kolommen) waarop "
        "het slechter scoort dan de drempel. Lege cellen tellen niet als slechter.",
        argumenten=(
            ExcelArgument(
                "waarden",
                "Blok met een rij per gebied en een kolom per indicator.",
                "getallentabel",
            ),
            ExcelArgument(
                "richtingen",
                "Rij met per indicator hoger (hoger is beter) of lager (lager is beter).",
                "teksten",
            ),
            _getallen(
                "drempels", "Optioneel: rij met drempels; standaard het kolomgemiddelde.", True
            ),
        ),
        voorbeeld="=OI_STAPELING(B2:J24;B1:J1)",
        resultaat="Aantal slechter scorende indicatoren per gebied.",
    ),
    ExcelFunctie(
        naam="OI_KWADRANT",
        functie=oi_kwadrant,
        beschrijving="Kwadrant per gebied voor twee indicatoren tegen een referentie "
        "(standaard het gemiddelde): beide ongunstig, alleen x, alleen y of beide gunstig.",
        argumenten=(
            _getallen("x", "Bereik met de eerste indicator per gebied."),
            _getallen("y", "Bereik met de tweede indicator per gebied, even lang als x."),
            _getal("x_ref", "Optioneel: referentiewaarde voor x (standaard het gemiddelde)."),
            _getal("y_ref", "Optioneel: referentiewaarde voor y (standaard het gemiddelde)."),
            _tekst("x_richting", _RICHTING + " Standaard hoger."),
            _tekst("y_richting", _RICHTING + " Standaard hoger."),
        ),
        voorbeeld='=OI_KWADRANT(B2:B9;C2:C9;;;"hoger";"lager")',
        resultaat="Kwadrantlabel per gebied.",
    ),
    ExcelFunctie(
        naam="OI_CONCENTRATIE",
        functie=oi_concentratie,
        beschrijving="Concentratie-index van inzet per inwoner, gebieden gerangschikt van "
        "grootste naar kleinste opgave. Negatief: inzet gaat naar de grootste opgave.",
        argumenten=(
            _getallen("inzet", _INZET),
            _getallen("opgave", _OPGAVE),
            _getallen("bevolking", "Optioneel: inwoners per gebied (gewichten).", True),
        ),
        voorbeeld="=OI_CONCENTRATIE(B2:B9;C2:C9;D2:D9)",
        resultaat="Eén getal tussen -1 en 1.",
    ),
    ExcelFunctie(
        naam="OI_COMPENSATIE",
        functie=oi_compensatie,
        beschrijving="Wat compensatie kost: de inzet die moet verschuiven om elk gebied onder "
        "zijn aandeel op 100 te brengen (herverdelen) en de extra inzet als niemand inlevert "
        "(toevoegen).",
        argumenten=(
            _getallen("inzet", _INZET),
            _getallen("opgave", _OPGAVE),
            ExcelArgument(
                "gebieden", "Optioneel: namen van de gebieden (labels).", "teksten", True
            ),
        ),
        voorbeeld="=OI_COMPENSATIE(B2:B9;C2:C9;A2:A9)",
        resultaat="Tabel met Maat en Waarde, in de eenheid van de inzet.",
    ),
    ExcelFunctie(
        naam="OI_GEBIED",
        functie=oi_gebied,
        beschrijving="Code en naam van een Amsterdams gebied bij een naam of code, zoals "
        "'N-West', 'GF07' of 'BU0363FN01'.",
        argumenten=(
            ExcelArgument(
                "naam_of_code", "Naam of code (of een bereik met namen of codes).", "teksten"
            ),
            _tekst("niveau", "Optioneel: stadsdeel, gebied, wijk of buurt."),
        ),
        voorbeeld='=OI_GEBIED("N-West";"stadsdeel")',
        resultaat="Per naam een rij met code en naam.",
    ),
    ExcelFunctie(
        naam="OI_GEBIEDEN",
        functie=oi_gebieden,
        beschrijving="Alle Amsterdamse gebieden van een niveau met code, naam en inwoners "
        "(indeling 2022, inwoners 2024).",
        argumenten=(_tekst("niveau", "stadsdeel, gebied, wijk of buurt.", optioneel=False),),
        voorbeeld='=OI_GEBIEDEN("stadsdeel")',
        resultaat="Tabel met kopregel: code, naam, inwoners en inwoners van 0-14 jaar.",
    ),
    ExcelFunctie(
        naam="OI_ACTIVITEITEN",
        functie=oi_activiteiten,
        beschrijving="De geïnstalleerde activiteiten met code, naam, afdeling, niveau en plugin.",
        argumenten=(),
        voorbeeld="=OI_ACTIVITEITEN()",
        resultaat="Tabel met kopregel: Code, Naam, Afdeling, Niveau, Plugin.",
    ),
    ExcelFunctie(
        naam="OI_DATA",
        functie=oi_data,
        beschrijving="De ingebouwde gegevens van een activiteit als tabel (gebied, jaar, "
        "indicator, waarde) of een van haar brontabellen.",
        argumenten=(
            _tekst("activiteit", "Code van de activiteit (zie OI_ACTIVITEITEN).", False),
            _tekst("tabel", "Optioneel: naam van een brontabel van de activiteit."),
        ),
        voorbeeld='=OI_DATA("straatreiniging")',
        resultaat="Tabel met kopregel.",
    ),
)
