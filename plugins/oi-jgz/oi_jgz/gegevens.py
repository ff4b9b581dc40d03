"""The embedded data of 'jgz': the raw table, the published figures and the tidy data.

The raw table is the presentation's JGZ table as published (area names as written, the
two age groups stacked). It is package data, read with :mod:`importlib.resources`;
provenance in ``data/HERKOMST.md``. Resolving area names is the core's job.
"""

from __future__ import annotations

import pandas as pd

from oi_core import (
    Bevinding,
    DataFout,
    Gebiedsindeling,
    Niveau,
    to_tidy,
    validate_data,
)
from oi_core.invoer.pakketdata import pakket_tabellen

from .activiteit import ACTIVITEIT, LEEFTIJDSGROEPEN, PEILJAAR, PEILJAAR_KINDEREN, Leeftijdsgroep

__all__ = [
    "KOLOMMEN",
    "NO_SHOW",
    "data",
    "data_uit_tabel",
    "gepubliceerd",
    "met_aantallen",
    "no_show_code",
    "no_show_tekst",
    "tabellen",
]

NO_SHOW: dict[str, int] = {"ondergemiddeld": -1, "gemiddeld": 0, "bovengemiddeld": 1}
"""How the published no-show category is encoded in the tidy data (indicator ``no_show``)."""


KOLOMMEN = (
    "leeftijdsgroep",
    "gebied",
    "fte_per_1000_kinderen",
    "lage_ses_per_1000_kinderen",
    "no_show",
    "vaccinatiegraad_pct",
)
"""The columns of the published table (``jgz_gebieden.csv``)."""


tabellen = pakket_tabellen("oi_jgz", jgz_gebieden="jgz_gebieden.csv")
"""The raw input table by name, exactly as in the presentation."""
gepubliceerd = pakket_tabellen("oi_jgz", differentiatiefactor="jgz_gepubliceerd.csv")
"""The published derived figures: the highest and lowest FTE per 1000 children."""


def no_show_code(tekst: object, rij: int | None = None) -> float:
    """−1/0/+1 for a published no-show category; NaN when empty."""
    if tekst is None or pd.isna(tekst) or not str(tekst).strip():  # type: ignore[call-overload]
        return float("nan")
    sleutel = str(tekst).strip().lower()
    if sleutel not in NO_SHOW:
        keuzes = ", ".join(NO_SHOW)
        raise DataFout(
            [
                Bevinding(
                    f"'{tekst}' is geen no-show-categorie (kies {keuzes})", rij=rij, kolom="no_show"
                )
            ],
            "No-show",
        )
    return float(NO_SHOW[sleutel])


def no_show_tekst(code: float) -> str:
    """The category for an encoded no-show value (empty for NaN)."""
    for tekst, waarde in NO_SHOW.items():
        if code == waarde:
            return tekst
    return ""


def _groep_tidy(ruw: pd.DataFrame, groep: Leeftijdsgroep) -> pd.DataFrame:
    rijen = ruw[ruw["leeftijdsgroep"] == groep.label]
    kolommen = {
        "fte_per_1000_kinderen": groep.indicator("fte_per_1000"),
        "lage_ses_per_1000_kinderen": groep.indicator("lage_ses_per_1000"),
    }
    return to_tidy(rijen, gebied="gebied", indicatoren=kolommen, jaar=PEILJAAR)


def _resultaten_tidy(ruw: pd.DataFrame) -> pd.DataFrame:
    rijen = ruw.copy()
    rijen["no_show"] = [no_show_code(t, i) for i, t in enumerate(ruw["no_show"], start=1)]
    kolommen = {"vaccinatiegraad_pct": "vaccinatiegraad", "no_show": "no_show"}
    return to_tidy(rijen, gebied="gebied", indicatoren=kolommen, jaar=PEILJAAR)


def met_aantallen(tidy: pd.DataFrame, indeling: Gebiedsindeling | None = None) -> pd.DataFrame:
    """Add the estimated counts the match needs, for every gebied with rates.

    ``kinderen_0_14`` comes from the Gebiedsindeling (CBS 2024, 0–14 years);
    ``fte_<groep>`` and ``lage_ses_<groep>`` are the rate × children / 1000. City rows
    get no counts. Area names stay as the rates give them.
    """
    indeling = indeling or Gebiedsindeling.amsterdam()
    canon = validate_data(tidy, ACTIVITEIT, indeling=indeling)
    gebieden = canon[canon["niveau"] == Niveau.GEBIED.value]
    breed = gebieden.pivot_table(
        index=["gebied", "bron_gebied"],
        columns="indicator",
        values="waarde",
        aggfunc="first",
        sort=False,
    )
    codes = breed.index.get_level_values("gebied")
    n = indeling.bevolking(Niveau.GEBIED, "inwoners_0_14").reindex(codes).to_numpy()
    uit = pd.DataFrame({"gebied": breed.index.get_level_values("bron_gebied"), "kinderen_0_14": n})
    for groep in LEEFTIJDSGROEPEN:
        for stam in ("fte", "lage_ses"):
            per_1000 = breed[groep.indicator(f"{stam}_per_1000")].to_numpy()
            uit[groep.indicator(stam)] = per_1000 * n / 1000.0
    codes_uit = [k for k in uit.columns if k != "gebied"]
    jaar = {k: PEILJAAR_KINDEREN if k == "kinderen_0_14" else PEILJAAR for k in codes_uit}
    extra = to_tidy(uit, gebied="gebied", indicatoren=codes_uit, jaar=jaar)
    return pd.concat([tidy, extra], ignore_index=True)


def data_uit_tabel(ruw: pd.DataFrame, indeling: Gebiedsindeling | None = None) -> pd.DataFrame:
    """Tidy data from a table in the published format (columns of ``jgz_gebieden.csv``)."""
    ontbreekt = [k for k in KOLOMMEN if k not in ruw.columns]
    if ontbreekt:
        raise DataFout([Bevinding("kolom ontbreekt", kolom=k) for k in ontbreekt], "JGZ-tabel")
    delen = [_groep_tidy(ruw, g) for g in LEEFTIJDSGROEPEN] + [_resultaten_tidy(ruw)]
    return met_aantallen(pd.concat(delen, ignore_index=True), indeling)


def data(indeling: Gebiedsindeling | None = None) -> pd.DataFrame:
    """The tidy data of 'jgz': published rates and results, plus the estimated counts."""
    return data_uit_tabel(tabellen()["jgz_gebieden"], indeling)
