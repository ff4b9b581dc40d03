"""The street-cleaning Excel functions: they convert arguments and call the plain functions.

The Excel layer hands over converted arguments (see :class:`oi_core.ExcelArgument`);
every number is computed in :mod:`.analyses`. Rows are matched by position: the result
has one row per input row, in the same order.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from oi_core import ExcelArgument, ExcelFunctie
from oi_core.invoer.reeksen import rijen_als_reeks as _reeks

from .analyses import NORM_SOBER, differentiatie, normtoets, tekort_tot_norm

__all__ = ["EXCEL_FUNCTIES", "reiniging_fte", "reiniging_norm"]


def _norm(norm: float | None) -> float:
    """The norm in percent; a percent-formatted cell (80%) arrives as 0,8 and means 80."""
    if norm is None:
        return NORM_SOBER
    return float(norm) * 100.0 if 0.0 < norm <= 1.0 else float(norm)


def _percent(scores: pd.Series) -> pd.Series:
    """Scores in percent. A range formatted as percentage (85%) arrives as fractions (0,85):
    when every score lies between 0 and 1, they are read as such, not as 0,85 percent."""
    x = scores.to_numpy(dtype=float)
    bekend = x[~np.isnan(x)]
    if len(bekend) and (bekend >= 0).all() and (bekend <= 1).all() and (bekend > 0).any():
        return scores * 100.0
    return scores


def reiniging_fte(
    fte: np.ndarray,
    bewoners_bezoekers: np.ndarray,
    scores: np.ndarray | None = None,
    norm: float | None = None,
    opslag_per_pp: float | None = None,
) -> pd.DataFrame:
    """OI_REINIGING_FTE: FTE per area from residents + visitors (and shortfall), total kept."""
    x = _reeks(fte, "fte")
    b = _reeks(bewoners_bezoekers, "bewoners_bezoekers", len(x))
    tekort = (
        None
        if scores is None
        else tekort_tot_norm(_percent(_reeks(scores, "scores", len(x))), _norm(norm))
    )
    uit = differentiatie(x, b, tekort=tekort, opslag_per_pp=opslag_per_pp or 0.0)
    return uit[["fte_nieuw", "verschuiving_fte", "verschuiving_pp"]].reset_index(drop=True)


def reiniging_norm(scores: np.ndarray, norm: float | None = None) -> list[float]:
    """OI_REINIGING_NORM: difference with the norm in percentage points (negative: under)."""
    return normtoets(_percent(_reeks(scores, "scores")), _norm(norm))["verschil"].tolist()


_NORM = ExcelArgument(
    "norm",
    "Schoonnorm: % metingen minstens niveau B (leeg: 80, de norm ‘sober’; 80% mag ook).",
    "getal",
    optioneel=True,
)

EXCEL_FUNCTIES = (
    ExcelFunctie(
        naam="OI_REINIGING_FTE",
        functie=reiniging_fte,
        beschrijving="Differentiatiefactor: verdeel de FTE straatreiniging naar aandeel bewoners "
        "en bezoekers, eventueel met een opslag voor gebieden onder de schoonnorm. Het totaal "
        "blijft gelijk.",
        argumenten=(
            ExcelArgument("fte", "FTE nu per gebied (aantallen of procenten).", "getallen"),
            ExcelArgument(
                "bewoners_bezoekers",
                "Bewoners plus bezoekers per gebied (aantallen of procenten).",
                "getallen",
            ),
            ExcelArgument(
                "scores",
                "CROW-score per gebied: % metingen minstens niveau B (leeg: geen opslag).",
                "getallen",
                optioneel=True,
            ),
            _NORM,
            ExcelArgument(
                "opslag_per_pp",
                "Extra gewicht per procentpunt onder de norm, tussen 0 en 1 (0,05 = 5%).",
                "getal",
                optioneel=True,
            ),
        ),
        voorbeeld="=OI_REINIGING_FTE(B2:B9; C2:C9; F2:F9; 80; 0,05)",
        resultaat="Per gebied: FTE nieuw, verschuiving in FTE en in procentpunt.",
    ),
    ExcelFunctie(
        naam="OI_REINIGING_NORM",
        functie=reiniging_norm,
        beschrijving="Verschil met de schoonnorm in procentpunt; negatief is onder de norm.",
        argumenten=(
            ExcelArgument(
                "scores",
                "CROW-score per gebied: % metingen minstens niveau B (85 of 85%).",
                "getallen",
            ),
            _NORM,
        ),
        voorbeeld="=OI_REINIGING_NORM(F2:F9; 80)",
        resultaat="Eén verschil in procentpunt per gebied.",
    ),
)
