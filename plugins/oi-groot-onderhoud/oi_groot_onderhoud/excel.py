"""Excel functions of 'groot_onderhoud'. They only convert arguments and call the analyses.

Arguments arrive converted by the Excel layer according to :attr:`ExcelArgument.soort`
(``teksten`` → list of str/None, ``getallen`` → float array with NaN for blanks,
``getal`` → float/None). Labels are used as given, so the functions also work for
another city's areas.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from oi_core import ExcelArgument, ExcelFunctie
from oi_core.invoer.reeksen import bereik_als_tabel

from .analyses import ALFA, BETA, index_interval, weging

__all__ = ["EXCEL_FUNCTIES", "oi_groot_onderhoud_interval", "oi_groot_onderhoud_weging"]


def _tabel(labels: Sequence[str | None] | None, kolommen: dict[str, np.ndarray]) -> pd.DataFrame:
    return bereik_als_tabel(labels, kolommen, wat="stadsdelen")


def oi_groot_onderhoud_weging(
    stadsdelen: Sequence[str | None],
    budget: np.ndarray,
    opgave: np.ndarray,
    kwetsbaarheid: np.ndarray,
    oordeel: np.ndarray,
    alfa: float | None = None,
    beta: float | None = None,
    kwetsbaarheid_stad: float | None = None,
    oordeel_stad: float | None = None,
) -> pd.DataFrame:
    """OI-index before and after weighting the opgave by vulnerability and judgement."""
    t = _tabel(
        stadsdelen,
        {"budget": budget, "opgave": opgave, "kwetsbaarheid": kwetsbaarheid, "oordeel": oordeel},
    )
    uit = weging(
        t["budget"],
        t["opgave"],
        t["kwetsbaarheid"],
        t["oordeel"],
        alfa=ALFA if alfa is None else alfa,
        beta=BETA if beta is None else beta,
        kwetsbaarheid_stad=kwetsbaarheid_stad,
        oordeel_stad=oordeel_stad,
    )
    return uit.rename_axis("stadsdeel").reset_index()


def oi_groot_onderhoud_interval(
    budget_pct: np.ndarray, opgave_pct: np.ndarray, stadsdelen: Sequence[str | None] | None = None
) -> pd.DataFrame:
    """Lowest and highest OI-index that whole-percent shares allow."""
    t = _tabel(stadsdelen, {"budget_pct": budget_pct, "opgave_pct": opgave_pct})
    return index_interval(t["budget_pct"], t["opgave_pct"]).rename_axis("stadsdeel").reset_index()


EXCEL_FUNCTIES: tuple[ExcelFunctie, ...] = (
    ExcelFunctie(
        naam="OI_GROOT_ONDERHOUD_WEGING",
        functie=oi_groot_onderhoud_weging,
        beschrijving="OI-index voor en na weging van de opgave naar kwetsbaarheid (lage SES) "
        "en bewonersoordeel: opgave × (1 + α(k/k_stad − 1)) × (1 + β(o_stad − o)).",
        argumenten=(
            ExcelArgument("stadsdelen", "Namen van de stadsdelen (labels).", "teksten"),
            ExcelArgument(
                "budget", "Inzet per stadsdeel, bijv. % van het projectbudget.", "getallen"
            ),
            ExcelArgument(
                "opgave", "Opgave per stadsdeel, bijv. % van het oppervlak op niveau D.", "getallen"
            ),
            ExcelArgument(
                "kwetsbaarheid", "% inwoners met een lage SES per stadsdeel.", "getallen"
            ),
            ExcelArgument("oordeel", "Bewonersoordeel onderhoud (rapportcijfer).", "getallen"),
            ExcelArgument(
                "alfa", "Gewicht kwetsbaarheid, 0 of meer; leeg = 0,5.", "getal", optioneel=True
            ),
            ExcelArgument(
                "beta",
                "Extra gewicht per punt onder het stedelijk oordeel, 0 of meer; leeg = 0,5.",
                "getal",
                optioneel=True,
            ),
            ExcelArgument(
                "kwetsbaarheid_stad",
                "% lage SES in de hele stad; leeg = ongewogen gemiddelde van de stadsdelen.",
                "getal",
                optioneel=True,
            ),
            ExcelArgument(
                "oordeel_stad",
                "Bewonersoordeel van de hele stad; leeg = ongewogen gemiddelde van de stadsdelen.",
                "getal",
                optioneel=True,
            ),
        ),
        voorbeeld="=OI_GROOT_ONDERHOUD_WEGING(A2:A9; B2:B9; C2:C9; D2:D9; E2:E9; 0,5; 0,5; "
        "30; 6,5)",
        resultaat="Tabel per stadsdeel: aandelen, OI-index, weegfactoren, gewogen aandeel "
        "opgave, gewogen OI-index, verschil en signaal.",
    ),
    ExcelFunctie(
        naam="OI_GROOT_ONDERHOUD_INTERVAL",
        functie=oi_groot_onderhoud_interval,
        beschrijving="Laagste en hoogste OI-index die aandelen in hele procenten toelaten: "
        "[100(f−0,5)/(b+0,5); 100(f+0,5)/(b−0,5)].",
        argumenten=(
            ExcelArgument(
                "budget_pct", "Aandeel inzet in hele procenten (14 voor 14%).", "getallen"
            ),
            ExcelArgument("opgave_pct", "Aandeel opgave in hele procenten.", "getallen"),
            ExcelArgument(
                "stadsdelen",
                "Namen van de stadsdelen (alleen als label).",
                "teksten",
                optioneel=True,
            ),
        ),
        voorbeeld="=OI_GROOT_ONDERHOUD_INTERVAL(B2:B9; C2:C9; A2:A9)",
        resultaat="Tabel per stadsdeel met ondergrens en bovengrens van de OI-index.",
    ),
)
