"""The Excel functions of steering: ``OI_SCENARIO``, ``OI_UITRUIL``, ``OI_SPECTRUM`` and
``OI_AFRONDEN``.

Declarations like :mod:`oi_excel.catalogus` (registered by :mod:`oi_excel.plugin`); each
function only shapes its ranges into labelled values and calls the core
(:func:`oi_core.scenario`, :func:`oi_core.uitruil`, :func:`oi_core.spectrum`,
:func:`oi_core.afronden`), so Excel, ``oi scenario`` and the report give the same numbers.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from oi_core.errors import InvoerFout
from oi_core.model.activiteit import Richting, Vorm
from oi_core.model.registratie import ExcelArgument, ExcelFunctie
from oi_core.sturen.scenario import afronden, scenario
from oi_core.sturen.spectrum import TOLERANTIE, spectrum
from oi_core.sturen.uitruil import uitruil
from oi_excel.catalogus import _RICHTING, _area_labels, _labels, _reeks, _richting, _same_length

__all__ = ["STUREN_EXCEL_FUNCTIES"]


def _gebieden(gebieden: list[str | None] | None, n: int) -> list[str]:
    return _labels(n) if gebieden is None else _area_labels(gebieden)


def _minimum(minimum: np.ndarray | None, labels: list[str]) -> float | pd.Series | None:
    if minimum is None or (len(minimum) == 1 and np.isnan(minimum[0])):
        return None
    if len(minimum) == 1:
        return float(minimum[0])
    _same_length(("gebieden", labels), ("minimum", minimum))
    return _reeks(minimum, labels)


def _jaren(jaren: float | None) -> int:
    if jaren is None:
        return 1
    if not float(jaren).is_integer():
        raise InvoerFout(f"jaren is {jaren:g}; geef een heel aantal", argument="jaren")
    return int(jaren)


def oi_scenario(
    gebieden: list[str | None],
    inzet: np.ndarray,
    opgave: np.ndarray,
    vorm: str | None,
    tempo: float | None,
    jaren: float | None,
    extra: float | None,
    basisdeel: float | None,
    bevolking: np.ndarray | None,
    minimum: np.ndarray | None,
    eenheid: float | None,
) -> pd.DataFrame:
    _same_length(("gebieden", gebieden), ("inzet", inzet), ("opgave", opgave))
    if bevolking is not None:
        _same_length(("gebieden", gebieden), ("bevolking", bevolking))
    labels = _gebieden(gebieden, len(inzet))
    uit = scenario(
        _reeks(inzet, labels),
        _reeks(opgave, labels),
        vorm=vorm or Vorm.HERVERDELEN,
        extra=extra or 0.0,
        bevolking=None if bevolking is None else _reeks(bevolking, labels),
        basisdeel=basisdeel or 0.0,
        minimum=_minimum(minimum, labels),
        tempo=tempo,
        jaren=_jaren(jaren),
        eenheid=eenheid,
    )
    return uit.reset_index()


def oi_uitruil(
    gebieden: list[str | None],
    inzet: np.ndarray,
    opgave: np.ndarray,
    vorm: str | None,
    tempo: float | None,
    jaren: float | None,
    extra: float | None,
    basisdeel: float | None,
    bevolking: np.ndarray | None,
    minimum: np.ndarray | None,
    eenheid: float | None,
    eenheid_naam: str | None,
) -> str:
    args = (gebieden, inzet, opgave, vorm, tempo, jaren, extra, basisdeel, bevolking, minimum)
    uit = oi_scenario(*args, eenheid).set_index(["jaar", "gebied"])
    return uitruil(uit, eenheid=eenheid_naam or "")


def oi_spectrum(
    inzet: np.ndarray,
    opgave: np.ndarray,
    bevolking: np.ndarray,
    resultaat: np.ndarray | None,
    basisniveau: np.ndarray | None,
    richting: str | None,
    tolerantie: float | None,
) -> str:
    _same_length(("inzet", inzet), ("opgave", opgave), ("bevolking", bevolking))
    labels = _labels(len(inzet))
    niveau: float | pd.Series | None = None
    if resultaat is not None:
        _same_length(("inzet", inzet), ("resultaat", resultaat))
        niveau = _minimum(basisniveau, labels) if basisniveau is not None else None
    positie = spectrum(
        _reeks(inzet, labels),
        _reeks(opgave, labels),
        bevolking=_reeks(bevolking, labels),
        resultaat=None if resultaat is None else _reeks(resultaat, labels),
        basisniveau=niveau,
        richting=_richting(richting, "richting", _HOGER),
        tolerantie=TOLERANTIE if tolerantie is None else tolerantie,
    )
    return positie.stap


def oi_afronden(waarden: np.ndarray, eenheid: float | None) -> pd.Series:
    return afronden(_reeks(waarden), 1.0 if eenheid is None else eenheid)


_HOGER = Richting.HOGER_IS_BETER

_GEBIEDEN = "Bereik met de namen van de gebieden (labels van de uitkomst)."
_INZET = "Bereik (rij of kolom) met de inzet per gebied nu: geld, fte, m²."
_OPGAVE = "Bereik met de opgave per gebied, even lang als inzet."
_BEVOLKING = "Bereik met de inwoners per gebied, even lang als inzet."


def _opt(naam: str, beschrijving: str, soort: str = "getal") -> ExcelArgument:
    return ExcelArgument(naam, beschrijving, soort, True)  # type: ignore[arg-type]


_SCENARIO_ARGUMENTEN = (
    ExcelArgument("gebieden", _GEBIEDEN, "teksten"),
    ExcelArgument("inzet", _INZET),
    ExcelArgument("opgave", _OPGAVE),
    _opt(
        "vorm",
        "Optioneel: herverdelen (standaard; het totaal blijft gelijk) of toevoegen.",
        "tekst",
    ),
    _opt("tempo", "Optioneel: hoogstens deze verandering per gebied per jaar (0,05 = 5%)."),
    _opt("jaren", "Optioneel: aantal jaren van het pad (standaard 1)."),
    _opt("extra", "Optioneel: bij toevoegen de extra inzet, in de eenheid van de inzet."),
    _opt(
        "basisdeel", "Optioneel: deel van het budget naar inwoners (0,2 = 20%); vraagt bevolking."
    ),
    _opt("bevolking", "Optioneel: " + _BEVOLKING[0].lower() + _BEVOLKING[1:], "getallen"),
    _opt(
        "minimum",
        "Optioneel: basisniveau, één getal voor elk gebied of een bereik met een getal per gebied.",
        "getallen",
    ),
    _opt(
        "eenheid", "Optioneel: rond af op hele eenheden (1 fte, 100 m²); het totaal blijft gelijk."
    ),
)

STUREN_EXCEL_FUNCTIES: tuple[ExcelFunctie, ...] = (
    ExcelFunctie(
        naam="OI_SCENARIO",
        functie=oi_scenario,
        beschrijving="Het pad per jaar van de huidige inzet naar de doelverdeling (naar de "
        "opgave, met een basisdeel naar inwoners): inzet, doel, verandering, OI-index en "
        "afstand tot doel per gebied.",
        argumenten=_SCENARIO_ARGUMENTEN,
        voorbeeld='=OI_SCENARIO(A2:A9;B2:B9;C2:C9;"herverdelen";0,05;3)',
        resultaat="Tabel met kopregel: jaar (0 = nu), gebied, huidige inzet, inzet, doel, "
        "verandering, OI-index en afstand tot doel.",
    ),
    ExcelFunctie(
        naam="OI_UITRUIL",
        functie=oi_uitruil,
        beschrijving="De uitruil van een scenario in één zin: wie het meest inlevert, wie het "
        "meest erbij krijgt en tussen welke waarden de OI-index na het laatste jaar ligt.",
        argumenten=(
            *_SCENARIO_ARGUMENTEN,
            _opt("eenheid_naam", "Optioneel: de eenheid in woorden, zoals fte of m².", "tekst"),
        ),
        voorbeeld='=OI_UITRUIL(A2:A9;B2:B9;C2:C9;"herverdelen";0,05;3;;;;;1;"fte")',
        resultaat="Eén zin, bijvoorbeeld: Zuid levert 3 fte in (−8%), Nieuw-West krijgt 4 fte "
        "erbij (+21%); …",
    ),
    ExcelFunctie(
        naam="OI_SPECTRUM",
        functie=oi_spectrum,
        beschrijving="De stap op het spectrum van ongelijk investeren: versterkt ongelijkheid, "
        "gelijk, oog voor uitgangssituatie, compenseren tot basisniveau of gedifferentieerd "
        "basisniveau.",
        argumenten=(
            ExcelArgument("inzet", _INZET),
            ExcelArgument("opgave", _OPGAVE),
            ExcelArgument("bevolking", _BEVOLKING),
            _opt("resultaat", "Optioneel: bereik met het resultaat per gebied.", "getallen"),
            _opt(
                "basisniveau",
                "Optioneel: het basisniveau van het resultaat, één getal of een getal per gebied.",
                "getallen",
            ),
            _opt("richting", _RICHTING + " Standaard hoger.", "tekst"),
            _opt("tolerantie", "Optioneel: marge rond 0 voor 'gelijk' (standaard 0,05)."),
        ),
        voorbeeld="=OI_SPECTRUM(B2:B9;C2:C9;D2:D9)",
        resultaat="Eén van de vijf stappen als tekst.",
    ),
    ExcelFunctie(
        naam="OI_AFRONDEN",
        functie=oi_afronden,
        beschrijving="Rond waarden af op hele eenheden met de methode van de grootste "
        "overschotten, zodat het totaal precies gelijk blijft.",
        argumenten=(
            ExcelArgument("waarden", "Bereik (rij of kolom) met de waarden per gebied."),
            _opt("eenheid", "Optioneel: de eenheid, zoals 1 (fte) of 100 (m²); standaard 1."),
        ),
        voorbeeld="=OI_AFRONDEN(B2:B9;1)",
        resultaat="De afgeronde waarden, in dezelfde vorm als het bereik.",
    ),
)
"""The steering functions, registered by the plugin ``excel``."""
