"""Activity data as a tidy table: one row per (gebied, jaar, indicator) with its waarde.

``validate_data`` checks a table against an :class:`~oi_core.model.Activiteit` and
resolves area names to codes. Every problem is reported with its row number (1 = first
data row) in one :class:`~oi_core.errors.DataFout`, so a user fixes them all at once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from oi_core.errors import Bevinding, DataFout, GebiedFout
from oi_core.gebieden.indeling import Gebiedsindeling
from oi_core.invoer.getallen import GetalFout, parse_amount, parse_number
from oi_core.model.activiteit import Activiteit, Niveau

__all__ = ["KOLOMMEN_DATA", "to_tidy", "validate_data"]

KOLOMMEN_DATA = ("gebied", "jaar", "indicator", "waarde")
"""Required columns of a tidy data table; ``niveau`` is optional."""


def to_tidy(
    breed: pd.DataFrame,
    *,
    gebied: str,
    indicatoren: Mapping[str, str] | Sequence[str],
    jaar: int | Mapping[str, int],
    niveau: Niveau | str | None = None,
) -> pd.DataFrame:
    """Turn a wide table (one row per area, one column per indicator) into tidy rows.

    ``indicatoren`` maps column names to indicator codes (or lists columns named after
    their codes); ``jaar`` is one year or a year per indicator code. Empty cells are left
    out: a tidy table has no rows for values that were not measured.
    """
    kolommen = (
        dict(indicatoren) if isinstance(indicatoren, Mapping) else {k: k for k in indicatoren}
    )
    lang = breed.melt(
        id_vars=[gebied], value_vars=list(kolommen), var_name="indicator", value_name="waarde"
    )
    lang = lang.rename(columns={gebied: "gebied"})
    lang["indicator"] = lang["indicator"].map(kolommen)
    lang = lang[lang["waarde"].notna() & (lang["waarde"].astype(str).str.strip() != "")]
    lang["jaar"] = lang["indicator"].map(jaar) if isinstance(jaar, Mapping) else jaar
    if niveau is not None:
        lang["niveau"] = Niveau(niveau).value
    kolomvolgorde = [*KOLOMMEN_DATA, *(["niveau"] if niveau is not None else [])]
    return lang.loc[:, kolomvolgorde].reset_index(drop=True)


def validate_data(
    data: pd.DataFrame,
    activiteit: Activiteit,
    *,
    indeling: Gebiedsindeling | None = None,
    niveau: Niveau | str | None = None,
    blad: str | None = None,
    eerste_rij: int = 1,
) -> pd.DataFrame:
    """Check a tidy table and return it canonical.

    Refused, each with its row: a missing column, an indicator the activity does not
    declare, a waarde that is not a number, a jaar that is not a whole year, an area that
    does not resolve (at the row's ``niveau``, else ``niveau``, else the activity's level;
    city rows such as "Gemiddelde Amsterdam" resolve at gemeente level), and duplicate
    (gebied, jaar, indicator) rows. An empty waarde is kept as a missing value.

    Rows are numbered from ``eerste_rij`` (2 for a sheet or CSV with a header row, so the
    numbers are those the user sees). Returns columns ``gebied`` (code), ``naam``,
    ``niveau``, ``jaar``, ``indicator``, ``waarde`` (float), ``bron_gebied`` (as given)
    and ``rij``.
    """
    indeling = indeling or Gebiedsindeling.amsterdam()
    ontbreekt = [k for k in KOLOMMEN_DATA if k not in data.columns]
    if ontbreekt:
        raise DataFout(
            [Bevinding("kolom ontbreekt", kolom=k, blad=blad) for k in ontbreekt],
            f"Gegevens van '{activiteit.code}'",
        )
    standaard = Niveau(niveau) if niveau is not None else activiteit.niveau
    fouten: list[Bevinding] = []
    rijen = [
        _check_row(r, i, activiteit, indeling, standaard, blad, fouten)
        for i, r in enumerate(_records(data), start=eerste_rij)
    ]
    fouten += _duplicates([r for r in rijen if r is not None], blad)
    if fouten:
        raise DataFout(fouten, f"De gegevens van '{activiteit.code}' zijn niet geldig")
    return pd.DataFrame(rijen, columns=list(_UITVOER)).astype(_UITVOER)


def _records(data: pd.DataFrame) -> list[dict[str, Any]]:
    return [{str(k): v for k, v in r.items()} for r in data.to_dict("records")]


_UITVOER = {
    "gebied": str,
    "naam": str,
    "niveau": str,
    "jaar": int,
    "indicator": str,
    "waarde": float,
    "bron_gebied": str,
    "rij": int,
}


def _check_row(
    rij: dict[str, Any],
    nummer: int,
    activiteit: Activiteit,
    indeling: Gebiedsindeling,
    standaard: Niveau,
    blad: str | None,
    fouten: list[Bevinding],
) -> dict[str, Any] | None:
    aantal = len(fouten)

    def fout(melding: str, kolom: str) -> None:
        fouten.append(Bevinding(melding, rij=nummer, kolom=kolom, blad=blad))

    indicator = str(rij["indicator"]).strip()
    if indicator not in activiteit.keten.codes():
        fout(
            f"indicator '{indicator}' is niet gedeclareerd in activiteit '{activiteit.code}'",
            "indicator",
        )
    waarde = _number(rij["waarde"], fout)
    jaar = _year(rij["jaar"], fout)
    niveau = _row_level(rij, standaard, fout)
    code = _resolve(indeling, rij["gebied"], niveau, fout) if niveau else None
    if len(fouten) > aantal or code is None or niveau is None:
        return None
    gevonden = indeling.level_of(code) if niveau is not Niveau.DOELGROEP else niveau
    naam = indeling.name(code) if niveau is not Niveau.DOELGROEP else code
    return {
        "gebied": code,
        "naam": naam,
        "niveau": gevonden.value,
        "jaar": jaar,
        "indicator": indicator,
        "waarde": waarde,
        "bron_gebied": str(rij["gebied"]),
        "rij": nummer,
    }


def _number(waarde: Any, fout: Any) -> float:
    try:
        return parse_amount(waarde)
    except GetalFout as e:
        fout(str(e), "waarde")
        return np.nan


def _year(jaar: Any, fout: Any) -> int:
    try:
        getal = parse_number(jaar)
    except ValueError:
        getal = np.nan
    if np.isnan(getal) or getal != int(getal) or not 1900 <= getal <= 2100:
        fout(f"'{jaar}' is geen jaartal", "jaar")
        return 0
    return int(getal)


def _row_level(rij: dict[str, Any], standaard: Niveau, fout: Any) -> Niveau | None:
    tekst = rij.get("niveau")
    if tekst is None or (isinstance(tekst, float) and np.isnan(tekst)) or str(tekst).strip() == "":
        return standaard
    try:
        return Niveau(str(tekst).strip().lower())
    except ValueError:
        fout(f"onbekend niveau '{tekst}'", "niveau")
        return None


def _resolve(indeling: Gebiedsindeling, gebied: Any, niveau: Niveau, fout: Any) -> str | None:
    tekst = (
        "" if gebied is None or (isinstance(gebied, float) and np.isnan(gebied)) else str(gebied)
    )
    try:
        return indeling.resolve(tekst, niveau)
    except GebiedFout as eerste:
        try:
            return indeling.resolve(tekst, Niveau.GEMEENTE)
        except GebiedFout:
            fout(str(eerste), "gebied")
            return None


def _duplicates(rijen: list[dict[str, Any]], blad: str | None) -> list[Bevinding]:
    gezien: dict[tuple[str, int, str], int] = {}
    fouten = []
    for r in rijen:
        sleutel = (r["gebied"], r["jaar"], r["indicator"])
        if sleutel in gezien:
            fouten.append(
                Bevinding(
                    f"dubbele rij: {r['naam']} ({r['gebied']}), {r['jaar']}, {r['indicator']} "
                    f"staat ook op rij {gezien[sleutel]}",
                    rij=r["rij"],
                    blad=blad,
                )
            )
        else:
            gezien[sleutel] = r["rij"]
    return fouten
