"""The Excel functions of *sturen* (issue 12, items 3–8): ``OI_CONCENTRATIE_INTERVAL``,
``OI_CONCENTRATIECURVE``, ``OI_SIGNIFICANT``, ``OI_TEKORT``, ``OI_INDEX_PER_JAAR``,
``OI_KOSTEN_PER_RESULTAAT``, ``OI_NIVEAUS`` and ``OI_ROBUUSTHEID``.

Like :mod:`oi_excel.catalogus`: each function only shapes its arguments and calls the core
(:mod:`oi_core.sturen`), so Excel, the CLI and the report give the same figures.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from oi_core.errors import InvoerFout
from oi_core.model.activiteit import Richting
from oi_core.model.registratie import ExcelArgument, ExcelFunctie
from oi_core.rekenen.metrieken import tov_gemiddelde
from oi_core.sturen.concentratie import concentratie_curve, concentratie_interval
from oi_core.sturen.impact import kosten_per_resultaat
from oi_core.sturen.niveaus import oi_per_niveau
from oi_core.sturen.robuustheid import robuustheid
from oi_core.sturen.trends import cumulatief_tekort, oi_index_per_jaar

__all__ = ["STUREN_ANALYSE_EXCEL_FUNCTIES"]


def _labels(n: int, gebieden: list[str | None] | None = None) -> list[str]:
    if gebieden is None:
        return [f"waarde {i}" for i in range(1, n + 1)]
    if len(gebieden) != n:
        raise InvoerFout(
            f"gebieden heeft {len(gebieden)} namen en de waarden {n}; geef even lange bereiken",
            argument="gebieden",
        )
    leeg = [i for i, g in enumerate(gebieden, start=1) if g is None]
    if leeg:
        raise InvoerFout(f"naam ontbreekt bij waarde {leeg[0]}", argument="gebieden")
    return [str(g) for g in gebieden]


def _reeks(waarden: np.ndarray, labels: list[str], naam: str) -> pd.Series:
    if len(waarden) != len(labels):
        raise InvoerFout(
            f"{naam} heeft {len(waarden)} waarden en de andere bereiken {len(labels)}; geef "
            "even lange bereiken",
            argument=naam,
        )
    return pd.Series(waarden, index=labels)


def _kolommen(n: int, koppen: list[str | None] | None, argument: str) -> list[str]:
    if koppen is None:
        return [f"kolom {j}" for j in range(1, n + 1)]
    if len(koppen) != n or any(k is None for k in koppen):
        raise InvoerFout(f"geef voor elk van de {n} kolommen een naam", argument=argument)
    return [str(k) for k in koppen]


# -- concentration -----------------------------------------------------------------------------
def oi_concentratie_interval(
    inzet: np.ndarray,
    opgave: np.ndarray,
    bevolking: np.ndarray | None,
    betrouwbaarheid: float | None,
    waarnemingen: float | None,
) -> list[list[Any]]:
    labels = _labels(len(inzet))
    c = concentratie_interval(
        _reeks(inzet, labels, "inzet"),
        _reeks(opgave, labels, "opgave"),
        None if bevolking is None else _reeks(bevolking, labels, "bevolking"),
        niveau=0.95 if betrouwbaarheid is None else betrouwbaarheid,
        n=waarnemingen,
    )
    return [
        ["Maat", "Waarde"],
        ["Concentratie-index", c.index],
        ["Standaardfout", c.standaardfout],
        ["Ondergrens", c.ondergrens],
        ["Bovengrens", c.bovengrens],
        ["Betrouwbaarheid", c.niveau],
        ["Aantal waarnemingen", c.n],
    ]


def oi_concentratiecurve(
    inzet: np.ndarray,
    opgave: np.ndarray,
    bevolking: np.ndarray | None,
    gebieden: list[str | None] | None,
) -> pd.DataFrame:
    labels = _labels(len(inzet), gebieden)
    return concentratie_curve(
        _reeks(inzet, labels, "inzet"),
        _reeks(opgave, labels, "opgave"),
        None if bevolking is None else _reeks(bevolking, labels, "bevolking"),
    ).reset_index(drop=True)


# -- uncertainty -------------------------------------------------------------------------------
def oi_significant(
    waarden: np.ndarray,
    steekproef: np.ndarray | None,
    marge: np.ndarray | None,
    betrouwbaarheid: float | None,
    minimum_waarnemingen: float | None,
    richting: str | None,
) -> list[str]:
    labels = _labels(len(waarden))
    try:
        r = Richting.NEUTRAAL if richting is None else Richting(richting.strip().lower())
    except ValueError:
        raise InvoerFout(
            f"'{richting}' is geen richting; kies hoger_is_beter of lager_is_beter",
            argument="richting",
        ) from None
    uit = tov_gemiddelde(
        _reeks(waarden, labels, "waarden"),
        richting=r,
        steekproef=None if steekproef is None else _reeks(steekproef, labels, "steekproef"),
        marge=None if marge is None else _reeks(marge, labels, "marge"),
        betrouwbaarheid=0.95 if betrouwbaarheid is None else betrouwbaarheid,
        minimum_waarnemingen=minimum_waarnemingen,
    )
    return [str(v) for v in uit["label"]]


# -- trends ------------------------------------------------------------------------------------
def _jaren_tabel(
    waarden: np.ndarray, gebieden: list[str | None] | None, jaren: list[str | None] | None
) -> pd.DataFrame:
    return pd.DataFrame(
        waarden,
        index=_labels(waarden.shape[0], gebieden),
        columns=_kolommen(waarden.shape[1], jaren, "jaren"),
    )


def _een_cel(waarde: Any) -> Any:
    """One cell's value from a range of one cell (``[[6]]`` → 6); a larger range stays."""
    while isinstance(waarde, list) and len(waarde) == 1:
        waarde = waarde[0]
    return waarde


def oi_tekort(
    waarden: np.ndarray,
    norm: Any,
    prijs: float | None,
    gebieden: list[str | None] | None,
    jaren: list[str | None] | None,
) -> pd.DataFrame:
    tabel = _jaren_tabel(waarden, gebieden, jaren)
    grens = _een_cel(norm)
    grens = "gemiddelde" if grens is None else grens
    if not isinstance(grens, str | int | float):
        raise InvoerFout("geef als norm één getal of de tekst gemiddelde", argument="norm")
    uit = cumulatief_tekort(tabel, grens, prijs=prijs)
    return uit.rename_axis("gebied").reset_index()


def oi_index_per_jaar_excel(
    inzet: np.ndarray,
    opgave: np.ndarray,
    gebieden: list[str | None] | None,
    jaren: list[str | None] | None,
) -> pd.DataFrame:
    x = _jaren_tabel(inzet, gebieden, jaren)
    if opgave.shape != inzet.shape:
        raise InvoerFout(
            "opgave moet even groot zijn als inzet (gebieden × jaren)", argument="opgave"
        )
    y = pd.DataFrame(opgave, index=x.index, columns=x.columns)
    lang = oi_index_per_jaar(x, y)
    breed = lang["oi_index"].unstack("jaar").reindex(index=x.index, columns=x.columns)
    return breed.rename_axis("gebied").reset_index()


# -- impact, levels, robustness ----------------------------------------------------------------
def oi_kosten_per_resultaat(
    kosten: np.ndarray, resultaat: np.ndarray, gebieden: list[str | None] | None
) -> pd.DataFrame:
    labels = _labels(len(kosten), gebieden)
    uit = kosten_per_resultaat(
        _reeks(kosten, labels, "kosten"), _reeks(resultaat, labels, "resultaat")
    )
    return uit.rename_axis("gebied").reset_index()


def oi_niveaus(codes: list[str | None], inzet: np.ndarray, opgave: np.ndarray) -> pd.DataFrame:
    labels = _labels(len(inzet), codes)
    uit = oi_per_niveau(_reeks(inzet, labels, "inzet"), _reeks(opgave, labels, "opgave"))
    return uit.rename_axis("gebied").reset_index()


def oi_robuustheid(
    inzet: np.ndarray,
    opgaven: np.ndarray,
    namen: list[str | None] | None,
    gebieden: list[str | None] | None,
) -> pd.DataFrame:
    labels = _labels(len(inzet), gebieden)
    if opgaven.ndim != 2 or opgaven.shape[0] != len(inzet):
        raise InvoerFout(
            "opgaven heeft één rij per gebied en één kolom per definitie", argument="opgaven"
        )
    tabel = pd.DataFrame(opgaven, index=labels, columns=_kolommen(opgaven.shape[1], namen, "namen"))
    uit = robuustheid(_reeks(inzet, labels, "inzet"), tabel)
    return uit.rename_axis("gebied").reset_index()


# -- the declarations ----------------------------------------------------------------------------
def _getallen(naam: str, beschrijving: str, optioneel: bool = False) -> ExcelArgument:
    return ExcelArgument(naam, beschrijving, "getallen", optioneel)


def _getal(naam: str, beschrijving: str) -> ExcelArgument:
    return ExcelArgument(naam, beschrijving, "getal", True)


def _teksten(naam: str, beschrijving: str) -> ExcelArgument:
    return ExcelArgument(naam, beschrijving, "teksten", True)


_INZET = "Bereik (rij of kolom) met de inzet per gebied: geld, fte, m²."
_OPGAVE = "Bereik met de opgave per gebied, even lang als inzet."
_GEBIEDEN = "Optioneel: namen van de gebieden (labels)."
_BEVOLKING = "Optioneel: inwoners per gebied (gewichten)."
_BETROUWBAARHEID = "Optioneel: betrouwbaarheid, standaard 0,95 (95%)."
_JAREN = "Optioneel: de jaren (kopregel van de kolommen)."

STUREN_ANALYSE_EXCEL_FUNCTIES: tuple[ExcelFunctie, ...] = (
    ExcelFunctie(
        naam="OI_CONCENTRATIE_INTERVAL",
        functie=oi_concentratie_interval,
        beschrijving="Concentratie-index van inzet per inwoner met standaardfout en "
        "betrouwbaarheidsinterval (deltamethode voor gegroepeerde gegevens). Negatief: inzet "
        "gaat naar de grootste opgave; bevat het interval 0, dan is er geen duidelijk verband.",
        argumenten=(
            _getallen("inzet", _INZET),
            _getallen("opgave", _OPGAVE),
            _getallen("bevolking", _BEVOLKING, True),
            _getal("betrouwbaarheid", _BETROUWBAARHEID),
            _getal(
                "waarnemingen", "Optioneel: aantal waarnemingen; standaard het aantal gebieden."
            ),
        ),
        voorbeeld="=OI_CONCENTRATIE_INTERVAL(B2:B9;C2:C9;D2:D9)",
        resultaat="Tabel met Maat en Waarde: index, standaardfout, onder- en bovengrens.",
    ),
    ExcelFunctie(
        naam="OI_CONCENTRATIECURVE",
        functie=oi_concentratiecurve,
        beschrijving="De punten van de concentratiecurve: gebieden van grootste naar kleinste "
        "opgave per inwoner, met het cumulatieve aandeel bevolking en inzet. Boven de "
        "diagonaal: inzet gaat naar de grootste opgave.",
        argumenten=(
            _getallen("inzet", _INZET),
            _getallen("opgave", _OPGAVE),
            _getallen("bevolking", _BEVOLKING, True),
            _teksten("gebieden", _GEBIEDEN),
        ),
        voorbeeld="=OI_CONCENTRATIECURVE(B2:B9;C2:C9;D2:D9;A2:A9)",
        resultaat="Tabel met kopregel; de eerste rij is de oorsprong (0, 0).",
    ),
    ExcelFunctie(
        naam="OI_SIGNIFICANT",
        functie=oi_significant,
        beschrijving="Positie ten opzichte van het gemiddelde die alleen telt als het verschil "
        "significant is (buiten de waarde ± 1,96 × standaardfout). Minder waarnemingen dan het "
        "minimum: – (onderdrukt, niet gekleurd).",
        argumenten=(
            _getallen("waarden", "Bereik met een percentage per gebied (0–100)."),
            _getallen("steekproef", "Optioneel: steekproefgrootte per gebied.", True),
            _getallen(
                "marge", "Optioneel: marge (95%) per gebied, in plaats van steekproef.", True
            ),
            _getal("betrouwbaarheid", _BETROUWBAARHEID),
            _getal("minimum", "Optioneel: minder waarnemingen dan dit wordt –."),
            ExcelArgument(
                "richting", "Optioneel: hoger_is_beter of lager_is_beter.", "tekst", True
            ),
        ),
        voorbeeld="=OI_SIGNIFICANT(B2:B9;C2:C9;;0,95;50)",
        resultaat="Per gebied: boven, gemiddeld, onder (sterk …) of –.",
    ),
    ExcelFunctie(
        naam="OI_TEKORT",
        functie=oi_tekort,
        beschrijving="Opgeteld tekort per gebied over de jaren onder de norm, in eenheden en "
        "met een prijs in euro. Een jaar boven de norm maakt een jaar eronder niet goed.",
        argumenten=(
            ExcelArgument(
                "waarden", "Tabel: één rij per gebied, één kolom per jaar.", "getallentabel"
            ),
            ExcelArgument(
                "norm", "Optioneel: een getal of de tekst gemiddelde (standaard).", "waarde", True
            ),
            _getal("prijs", "Optioneel: euro per eenheid per jaar."),
            _teksten("gebieden", _GEBIEDEN),
            _teksten("jaren", _JAREN),
        ),
        voorbeeld='=OI_TEKORT(B2:D9;"gemiddelde";1500;A2:A9;B1:D1)',
        resultaat="Tabel: gebied, opgeteld tekort, jaren onder de norm (en tekort in euro).",
    ),
    ExcelFunctie(
        naam="OI_INDEX_PER_JAAR",
        functie=oi_index_per_jaar_excel,
        beschrijving="De OI-index van elk jaar: inzet en opgave als tabellen van gebieden × jaren.",
        argumenten=(
            ExcelArgument(
                "inzet", "Tabel: één rij per gebied, één kolom per jaar.", "getallentabel"
            ),
            ExcelArgument("opgave", "Tabel van dezelfde grootte met de opgave.", "getallentabel"),
            _teksten("gebieden", _GEBIEDEN),
            _teksten("jaren", _JAREN),
        ),
        voorbeeld="=OI_INDEX_PER_JAAR(B2:D9;F2:H9;A2:A9;B1:D1)",
        resultaat="Tabel: gebied en de OI-index per jaar.",
    ),
    ExcelFunctie(
        naam="OI_KOSTEN_PER_RESULTAAT",
        functie=oi_kosten_per_resultaat,
        beschrijving="Kosten per eenheid resultaat per gebied (resultatenketen: inzet → "
        "resultaat). Geen resultaat of 0: geen getal.",
        argumenten=(
            _getallen("kosten", "Bereik met de kosten in euro per gebied."),
            _getallen("resultaat", "Bereik met het resultaat per gebied, even lang."),
            _teksten("gebieden", _GEBIEDEN),
        ),
        voorbeeld="=OI_KOSTEN_PER_RESULTAAT(B2:B9;C2:C9;A2:A9)",
        resultaat="Tabel: gebied, kosten, resultaat, kosten per eenheid resultaat.",
    ),
    ExcelFunctie(
        naam="OI_NIVEAUS",
        functie=oi_niveaus,
        beschrijving="OI-index op elk niveau naast elkaar (bijvoorbeeld wijk, gebied en "
        "stadsdeel), met de gebieden waar het signaal omslaat. Inzet en opgave zijn aantallen "
        "of bedragen per Amsterdamse gebiedscode van één niveau.",
        argumenten=(
            ExcelArgument(
                "codes", "Bereik met de gebiedscodes (bijvoorbeeld AA, AB …).", "teksten"
            ),
            _getallen("inzet", _INZET),
            _getallen("opgave", _OPGAVE),
        ),
        voorbeeld="=OI_NIVEAUS(A2:A100;B2:B100;C2:C100)",
        resultaat="Tabel met OI-index en signaal per niveau, omslag en verborgen tekort.",
    ),
    ExcelFunctie(
        naam="OI_ROBUUSTHEID",
        functie=oi_robuustheid,
        beschrijving="OI-index en signaal onder elke definitie van de opgave; stevig als het "
        "signaal bij elke definitie hetzelfde is.",
        argumenten=(
            _getallen("inzet", _INZET),
            ExcelArgument(
                "opgaven", "Tabel: één rij per gebied, één kolom per definitie.", "getallentabel"
            ),
            _teksten("namen", "Optioneel: namen van de definities (kopregel)."),
            _teksten("gebieden", _GEBIEDEN),
        ),
        voorbeeld="=OI_ROBUUSTHEID(B2:B9;C2:E9;C1:E1;A2:A9)",
        resultaat="Tabel met per definitie OI-index en signaal, en stevig ja/nee.",
    ),
)
