"""The national pipeline: every Dutch buurt, many activities and years, in the CBS structure.

Input as a national roll-out has it: per activity a tidy table of its inzet per buurt and
year (one file per department), and one shared opgave table. Work: validate every table
(the shared opgave once), aggregate buurt → wijk → gemeente per activity and year, and
match inzet against opgave across the gemeenten per activity and year.

``ons`` does it with the toolkit's public API (``validate_data``,
``Gebiedsindeling.aggregate``, ``match``); ``pandas_pijplijn`` is the same work as a pandas
analyst writes it by hand (one concat, column checks, two groupbys, shares by transform).
Both return the OI-index per (activity, year, gemeente), so the test can compare them.
"""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from oi_core import Activiteit, Gebiedsindeling, match, validate_data

GEMEENTEN = 342
WIJKEN = 3_300


def cbs_indeling(buurten: int, gemeenten: int = GEMEENTEN, wijken: int = WIJKEN) -> Gebiedsindeling:
    """A synthetic CBS division (``GM``/``WK``/``BU`` codes, population) of ``buurten``."""
    rng = np.random.default_rng(14)
    wijken = min(wijken, buurten)
    gemeenten = min(gemeenten, wijken)
    b = np.arange(buurten)
    wijk = b * wijken // buurten
    gemeente = wijk * gemeenten // wijken
    eerste_wijk = np.searchsorted(wijk, wijk)  # first buurt of each buurt's wijk
    wijk_in_gm = wijk - wijk[np.searchsorted(gemeente, gemeente)]
    buurt_in_wk = b - eerste_wijk
    gm = [f"GM{g + 1:04d}" for g in gemeente]
    wk = [f"WK{g + 1:04d}{j:02d}" for g, j in zip(gemeente, wijk_in_gm, strict=True)]
    bu = [f"BU{w[2:]}{k:02d}" for w, k in zip(wk, buurt_in_wk, strict=True)]
    return Gebiedsindeling.from_cbs(
        pd.DataFrame(
            {
                "bu_code": bu,
                "bu_naam": [f"Buurt {c}" for c in bu],
                "wk_code": wk,
                "gm_code": gm,
                "aantal_inwoners": rng.integers(50, 5000, buurten),
                "aantal_inwoners_0_14": rng.integers(5, 800, buurten),
            }
        )
    )


def invoer(
    indeling: Gebiedsindeling, activiteiten: int, jaren: int
) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """Per activity its inzet table (``fte`` per buurt and year), and the shared opgave."""
    rng = np.random.default_rng(2024)
    buurten = np.asarray(indeling.codes("buurt"), dtype=object)
    jaar = np.repeat(2015 + np.arange(jaren), len(buurten))
    gebied = np.tile(buurten, jaren)

    def tabel(indicator: str, waarde: np.ndarray) -> pd.DataFrame:
        return pd.DataFrame(
            {"gebied": gebied, "jaar": jaar, "indicator": indicator, "waarde": waarde}
        )

    inzet = {
        f"a{k:02d}": tabel("fte", rng.gamma(2.0, 1.0, len(gebied))) for k in range(activiteiten)
    }
    opgave = tabel("kinderen", rng.integers(1, 900, len(gebied)).astype(float))
    return inzet, opgave


def geheugen(inzet: dict[str, pd.DataFrame], opgave: pd.DataFrame) -> int:
    """The input's in-memory size in bytes (deep: the text of every cell)."""
    tabellen = [*inzet.values(), opgave]
    return int(sum(t.memory_usage(deep=True).sum() for t in tabellen))


# -- ours ---------------------------------------------------------------------------------
def _per_jaar(tabel: pd.DataFrame) -> dict[int, pd.Series]:
    """The validated values per year, each a Series indexed by buurt code."""
    uit = {}
    for jaar, deel in tabel.groupby("jaar", sort=True):
        uit[int(jaar)] = pd.Series(
            deel["waarde"].to_numpy(), index=pd.Index(deel["gebied"].to_numpy(), name="gebied")
        )
    return uit


def _naar_gemeente(indeling: Gebiedsindeling, waarden: pd.Series) -> pd.Series:
    return indeling.aggregate(indeling.aggregate(waarden, "wijk"), "gemeente")


def ons(
    indeling: Gebiedsindeling,
    activiteit: Activiteit,
    inzet: dict[str, pd.DataFrame],
    opgave: pd.DataFrame,
) -> pd.Series:
    """The pipeline with the toolkit: OI-index per (activiteit, jaar, gemeente)."""
    gedeeld = {
        jaar: _naar_gemeente(indeling, w)
        for jaar, w in _per_jaar(validate_data(opgave, activiteit, indeling=indeling)).items()
    }
    delen = {}
    for code, tabel in inzet.items():
        gecontroleerd = validate_data(tabel, activiteit, indeling=indeling)
        for jaar, waarden in _per_jaar(gecontroleerd).items():
            uitkomst = match(_naar_gemeente(indeling, waarden), gedeeld[jaar])
            delen[(code, jaar)] = uitkomst["oi_index"]
    return pd.concat(delen, names=["activiteit", "jaar", "gebied"])


# -- the hand-written pandas baseline -----------------------------------------------------
def pandas_pijplijn(
    indeling: Gebiedsindeling,
    activiteit: Activiteit,
    inzet: dict[str, pd.DataFrame],
    opgave: pd.DataFrame,
) -> pd.Series:
    """The same work as a pandas analyst writes it, vectorised over all activities."""
    codes = activiteit.keten.codes()
    buurt_wijk = indeling.parents("buurt", "wijk")
    wijk_gm = indeling.parents("wijk", "gemeente")
    alles = pd.concat(inzet, names=["activiteit", None]).reset_index(level=0)
    for tabel in (alles, opgave):
        _pandas_check(tabel, codes, buurt_wijk.index)
    x = _pandas_per_gemeente(alles, ["activiteit", "jaar"], buurt_wijk, wijk_gm)
    y = _pandas_per_gemeente(opgave, ["jaar"], buurt_wijk, wijk_gm)
    a = x / x.groupby(level=["activiteit", "jaar"]).transform("sum")
    b = y / y.groupby(level="jaar").transform("sum")
    b_per_rij = b.reindex(a.index.droplevel("activiteit")).to_numpy()
    return (100 * a / b_per_rij).rename("oi_index")


def _pandas_check(tabel: pd.DataFrame, codes: Any, buurten: pd.Index) -> None:
    waarde = pd.to_numeric(tabel["waarde"], errors="coerce")
    jaar = pd.to_numeric(tabel["jaar"], errors="coerce")
    fout = (
        ~tabel["indicator"].isin(codes)
        | (waarde.isna() & tabel["waarde"].notna())
        | jaar.isna()
        | ~jaar.between(1900, 2100)
        | ~tabel["gebied"].isin(buurten)
        | (waarde < 0)
    )
    sleutel = [k for k in ("activiteit", "gebied", "jaar", "indicator") if k in tabel.columns]
    if fout.any() or tabel.duplicated(sleutel).any():
        raise ValueError("ongeldig")


def _pandas_per_gemeente(
    tabel: pd.DataFrame, groepen: list[str], buurt_wijk: pd.Series, wijk_gm: pd.Series
) -> pd.Series:
    wijk = tabel["gebied"].map(buurt_wijk).rename("wijk")
    per_wijk = tabel.groupby([*(tabel[g] for g in groepen), wijk])["waarde"].sum()
    gemeente = per_wijk.index.get_level_values("wijk").map(wijk_gm)
    niveaus = [per_wijk.index.get_level_values(g) for g in groepen]
    return per_wijk.groupby([*niveaus, gemeente.rename("gebied")]).sum()


# -- measuring ----------------------------------------------------------------------------
def tijd(functie: Callable[[], Any], rondes: int) -> float:
    """Best CPU time of ``rondes`` runs, in seconds (time waiting for a core on a shared
    machine is not counted)."""
    beste = float("inf")
    for _ in range(rondes):
        begin = time.process_time()
        functie()
        beste = min(beste, time.process_time() - begin)
    return beste


def piek(functie: Callable[[], Any]) -> int:
    """Peak memory allocated while ``functie`` runs (bytes, by tracemalloc; numpy and pandas
    report their buffers to it), beyond what was allocated before."""
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        functie()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
