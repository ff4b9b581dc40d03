"""The embedded data of 'groot_onderhoud': raw table, published figures and tidy data.

The raw table holds the presentation's inputs per stadsdeel (names as published, e.g.
``N-West``) and the Amsterdam row. The published derived columns (difference in
percentage points, OI-index) are kept apart in ``groot_onderhoud_gepubliceerd.csv``.
Package data, read with :mod:`importlib.resources`; provenance in ``data/HERKOMST.md``.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from oi_core import Bevinding, DataFout, aandeel, to_tidy
from oi_core.invoer.pakketdata import pakket_tabellen

from .activiteit import JAAR

__all__ = ["KOLOMMEN", "data", "data_uit_tabel", "gepubliceerd", "tabellen"]

KOLOMMEN: dict[str, str] = {
    "projectbudget_2025_2028_pct": "projectbudget",
    "aandeel_opp_niveau_d_pct": "aandeel_niveau_d",
    "pct_opp_niveau_d_in_stadsdeel": "pct_niveau_d",
    "bewonersoordeel_onderhoud": "bewonersoordeel",
    "aantal_wijken_onvoldoende": "wijken_onvoldoende",
    "pct_lage_ses": "lage_ses",
}
"""Column of the published table → indicator code."""

STAD = ("Amsterdam", "Gemiddelde Amsterdam")


tabellen = pakket_tabellen(
    "oi_groot_onderhoud", groot_onderhoud_stadsdelen="groot_onderhoud_stadsdelen.csv"
)
"""The raw input table by name (without the published derived columns)."""

gepubliceerd = pakket_tabellen("oi_groot_onderhoud", match="groot_onderhoud_gepubliceerd.csv")
"""The published derived figures: difference (pp) and OI-index per stadsdeel."""


def _aandeel_verharding(ruw: pd.DataFrame) -> pd.DataFrame:
    """Each stadsdeel's share of the city's pavement, from share at D / % at D.

    Pavement_i = D_i / p_i, and D_i is proportional to the share at D, so the share of
    pavement is (a_i / p_i) / Σ(a / p). City rows are left out. When a stadsdeel lacks a
    usable pair (not a number, or % at D not above 0) no share is derived at all: a
    partial sum would give every other stadsdeel a wrong share.
    """
    sd = ruw[~ruw["stadsdeel"].astype(str).str.strip().isin(STAD)]
    a = pd.to_numeric(sd["aandeel_opp_niveau_d_pct"], errors="coerce")
    p = pd.to_numeric(sd["pct_opp_niveau_d_in_stadsdeel"], errors="coerce")
    verhouding = a / p.where(p > 0)
    if verhouding.isna().any() or sd.empty:
        return pd.DataFrame({"stadsdeel": [], "aandeel_verharding": []})
    return pd.DataFrame(
        {"stadsdeel": sd["stadsdeel"], "aandeel_verharding": 100 * aandeel(verhouding).to_numpy()}
    )


def data_uit_tabel(ruw: pd.DataFrame) -> pd.DataFrame:
    """Tidy data from a table in the published format (columns of the raw CSV)."""
    ontbreekt = [k for k in ("stadsdeel", *KOLOMMEN) if k not in ruw.columns]
    if ontbreekt:
        raise DataFout(
            [Bevinding("kolom ontbreekt", kolom=k) for k in ontbreekt], "Tabel groot onderhoud"
        )
    tidy = to_tidy(ruw, gebied="stadsdeel", indicatoren=KOLOMMEN, jaar=JAAR)
    afgeleid = to_tidy(
        _aandeel_verharding(ruw),
        gebied="stadsdeel",
        indicatoren=["aandeel_verharding"],
        jaar=JAAR,
    )
    return pd.concat([tidy, afgeleid], ignore_index=True)


def data() -> pd.DataFrame:
    """The tidy data of 'groot_onderhoud' (stadsdelen and the Amsterdam row; a fresh copy on
    every call: the report's analysis and its check against the published figures each ask)."""
    return _data().copy()


@cache
def _data() -> pd.DataFrame:
    return data_uit_tabel(tabellen()["groot_onderhoud_stadsdelen"])
