"""Excel functions of 'jgz'. They only convert arguments and call the plugin's functions.

Each function receives its arguments already converted by the Excel layer according to
:attr:`ExcelArgument.soort` (``teksten`` → list of str/None, ``getallen`` → float array
with NaN for blanks, ``getal`` → float/None, ``tekst`` → str/None).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from oi_core import ExcelArgument, ExcelFunctie, InvoerFout
from oi_core.invoer.reeksen import bereik_als_tabel

from .activiteit import leeftijdsgroep
from .analyses import gepubliceerde_sleutel, index_tov_stad
from .sleutel import fit_verdeelsleutel, toedeling

__all__ = ["EXCEL_FUNCTIES", "oi_jgz_fte", "oi_jgz_index_stad", "oi_jgz_sleutel"]


def oi_jgz_fte(
    gebieden: Sequence[str | None],
    aandeel_lage_ses: np.ndarray,
    groep: str | None = None,
    kinderen: np.ndarray | None = None,
    totaal_fte: float | None = None,
) -> pd.DataFrame:
    """FTE per gebied by the key implied by the presentation's figures."""
    sleutel = gepubliceerde_sleutel(leeftijdsgroep(groep))
    kolommen = {"aandeel_lage_ses": aandeel_lage_ses}
    if kinderen is not None:
        kolommen["kinderen"] = kinderen
    t = bereik_als_tabel(gebieden, kolommen)
    n = t["kinderen"] if kinderen is not None else None
    return toedeling(
        t["aandeel_lage_ses"], sleutel, kinderen=n, totaal_fte=totaal_fte
    ).reset_index()


def oi_jgz_sleutel(
    fte_per_1000: np.ndarray,
    lage_ses_per_1000: np.ndarray,
    gebieden: Sequence[str | None] | None = None,
) -> pd.DataFrame:
    """Basis, factor, differentiatiefactor and fit quality of the key behind the figures."""
    t = _per_1000(gebieden, fte_per_1000, lage_ses_per_1000)
    return fit_verdeelsleutel(t["fte_per_1000"], t["lage_ses_per_1000"]).parameters()


def oi_jgz_index_stad(
    fte_per_1000: np.ndarray,
    lage_ses_per_1000: np.ndarray,
    fte_stad: float | None,
    lage_ses_stad: float | None,
) -> list[list[float]]:
    """OI-index against the city per row: 100 · (fte / fte_stad) / (ses / ses_stad)."""
    fte_stad = _stad(fte_stad, "fte_stad")
    lage_ses_stad = _stad(lage_ses_stad, "lage_ses_stad")
    t = _per_1000(None, fte_per_1000, lage_ses_per_1000)
    index = index_tov_stad(t["fte_per_1000"], t["lage_ses_per_1000"], fte_stad, lage_ses_stad)
    return [[float(v)] for v in index["oi_index_stad"]]


def _stad(waarde: float | None, naam: str) -> float:
    if waarde is None or not waarde > 0:
        raise InvoerFout("geef het Amsterdams gemiddelde, een getal groter dan 0", argument=naam)
    return waarde


def _per_1000(
    gebieden: Sequence[str | None] | None, fte: np.ndarray, ses: np.ndarray
) -> pd.DataFrame:
    return bereik_als_tabel(gebieden, {"fte_per_1000": fte, "lage_ses_per_1000": ses})


_GROEP = ExcelArgument(
    "leeftijdsgroep",
    "'0-4 jaar' (standaard) of 'primair onderwijs': welke gepubliceerde sleutel geldt.",
    soort="tekst",
    optioneel=True,
)

EXCEL_FUNCTIES: tuple[ExcelFunctie, ...] = (
    ExcelFunctie(
        naam="OI_JGZ_FTE",
        functie=oi_jgz_fte,
        beschrijving="Verdeel JGZ-FTE over gebieden met de sleutel uit de presentatie: "
        "(basis + factor × aandeel lage SES) × kinderen / 1000.",
        argumenten=(
            ExcelArgument("gebieden", "Namen of codes van de gebieden (bijv. GF07).", "teksten"),
            ExcelArgument(
                "aandeel_lage_ses",
                "Aandeel lage-SES-kinderen per gebied (0,29 of 29%).",
                "getallen",
            ),
            _GROEP,
            ExcelArgument(
                "kinderen",
                "Aantal kinderen per gebied; leeg = CBS 0–14 jaar (2024), een bovengrens.",
                "getallen",
                optioneel=True,
            ),
            ExcelArgument(
                "totaal_fte",
                "Schaal de uitkomst naar dit totaal aantal FTE; leeg = niet schalen.",
                "getal",
                optioneel=True,
            ),
        ),
        voorbeeld='=OI_JGZ_FTE(A2:A26; B2:B26; "0-4 jaar")',
        resultaat="Tabel per gebied: code, naam, kinderen, aandeel lage SES, FTE per 1000 "
        "kinderen, FTE en aandeel FTE.",
    ),
    ExcelFunctie(
        naam="OI_JGZ_SLEUTEL",
        functie=oi_jgz_sleutel,
        beschrijving="Schat de verdeelsleutel FTE per 1000 kinderen = basis + factor × "
        "aandeel lage SES, met R² en afwijkingen t.o.v. de afronding.",
        argumenten=(
            ExcelArgument("fte_per_1000", "FTE per 1000 kinderen per gebied.", "getallen"),
            ExcelArgument(
                "lage_ses_per_1000", "Lage-SES-kinderen per 1000 kinderen per gebied.", "getallen"
            ),
            ExcelArgument(
                "gebieden", "Namen van de gebieden (alleen als label).", "teksten", optioneel=True
            ),
        ),
        voorbeeld="=OI_JGZ_SLEUTEL(B2:B5; C2:C5; A2:A5)",
        resultaat="Tabel met parameter en waarde.",
    ),
    ExcelFunctie(
        naam="OI_JGZ_INDEX_STAD",
        functie=oi_jgz_index_stad,
        beschrijving="OI-index t.o.v. Amsterdam: 100 × (FTE / FTE stad) / (lage SES / lage "
        "SES stad).",
        argumenten=(
            ExcelArgument("fte_per_1000", "FTE per 1000 kinderen per gebied.", "getallen"),
            ExcelArgument(
                "lage_ses_per_1000", "Lage-SES-kinderen per 1000 kinderen per gebied.", "getallen"
            ),
            ExcelArgument("fte_stad", "FTE per 1000 kinderen in heel Amsterdam.", "getal"),
            ExcelArgument(
                "lage_ses_stad", "Lage-SES-kinderen per 1000 kinderen in Amsterdam.", "getal"
            ),
        ),
        voorbeeld="=OI_JGZ_INDEX_STAD(B2:B5; C2:C5; B6; C6)",
        resultaat="Eén kolom met de index per gebied (100 = in verhouding).",
    ),
)
