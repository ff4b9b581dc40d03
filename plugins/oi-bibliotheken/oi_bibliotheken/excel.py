"""The library Excel functions: they convert arguments and call the plain functions.

The Excel layer hands over converted arguments (see :class:`oi_core.ExcelArgument`);
every number is computed in :mod:`.afstand` or :mod:`.analyses`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from oi_core import ExcelArgument, ExcelFunctie, InvoerFout

from .afstand import afstand_gebieden
from .analyses import kwadrant_labels
from .bronnen import vestigingen

__all__ = ["EXCEL_FUNCTIES", "bib_afstand", "bib_kwadrant", "bib_vestigingen"]


def _teksten(waarden: Sequence[str | None] | None) -> list[str]:
    return [str(w).strip() for w in (waarden or []) if w is not None and str(w).strip()]


def _extra(tabel: np.ndarray | None) -> list[tuple[float, float]] | None:
    """Rows (rd_x, rd_y) of a two-column range; fully blank rows are skipped."""
    if tabel is None:
        return None
    rijen = np.atleast_2d(np.asarray(tabel, dtype=float))
    if rijen.shape[1] != 2:
        raise InvoerFout(
            f"verwacht twee kolommen (rd_x, rd_y), kreeg er {rijen.shape[1]}", argument="extra"
        )
    paren = []
    for nummer, (x, y) in enumerate(rijen, start=1):
        if np.isnan(x) and np.isnan(y):
            continue
        if np.isnan(x) or np.isnan(y):
            raise InvoerFout("rd_x of rd_y ontbreekt", argument="extra", rij=nummer)
        paren.append((float(x), float(y)))
    return paren


def bib_afstand(
    gebieden: Sequence[str | None],
    niveau: str | None = None,
    zonder: Sequence[str | None] | None = None,
    extra: np.ndarray | None = None,
) -> list[float]:
    """OI_BIB_AFSTAND: straight-line km per area, optionally with branches closed or added.

    Blank cells at the end of the range (a range chosen larger than the list) give an
    empty result; a blank cell between names is refused with its row number.
    """
    namen = ["" if g is None else str(g).strip() for g in gebieden]
    while namen and not namen[-1]:
        namen.pop()
    km = afstand_gebieden(namen, niveau or None, zonder=_teksten(zonder), extra=_extra(extra))
    return [*km.tolist(), *[float("nan")] * (len(gebieden) - len(namen))]


def bib_vestigingen() -> pd.DataFrame:
    """OI_BIB_VESTIGINGEN: the branch list with stadsdeel and RD coordinates."""
    lijst = vestigingen()
    return (
        lijst[["stadsdeel_naam", "rd_x", "rd_y"]]
        .rename(columns={"stadsdeel_naam": "stadsdeel"})
        .reset_index()
    )


def bib_kwadrant(
    leesniveau: np.ndarray,
    afstand: np.ndarray,
    leesniveau_ref: float | None = None,
    afstand_ref: float | None = None,
) -> list[str]:
    """OI_BIB_KWADRANT: per row whether the reading level is low and the library far."""
    return kwadrant_labels(leesniveau, afstand, leesniveau_ref, afstand_ref)


EXCEL_FUNCTIES = (
    ExcelFunctie(
        naam="OI_BIB_AFSTAND",
        functie=bib_afstand,
        beschrijving="Hemelsbrede afstand in km van een gebied tot de dichtstbijzijnde "
        "OBA-vestiging, naar inwoners gewogen; met vestigingen dicht of extra open.",
        argumenten=(
            ExcelArgument(
                "gebieden", "Namen of codes van wijken, gebieden, stadsdelen of buurten.", "teksten"
            ),
            ExcelArgument(
                "niveau",
                "Schaalniveau om namen op te zoeken: stadsdeel, gebied, wijk of buurt "
                "(leeg: elk niveau).",
                "tekst",
                optioneel=True,
            ),
            ExcelArgument(
                "zonder",
                "Namen van vestigingen die dichtgaan, bijvoorbeeld 'OBA Next' "
                "(zie OI_BIB_VESTIGINGEN).",
                "teksten",
                optioneel=True,
            ),
            ExcelArgument(
                "extra",
                "Extra vestigingen: twee kolommen rd_x en rd_y in meters (RD New).",
                "getallentabel",
                optioneel=True,
            ),
        ),
        voorbeeld='=OI_BIB_AFSTAND(A2:A10; "stadsdeel"; "OBA Next")',
        resultaat="Eén afstand in km per gebied, in dezelfde volgorde (leeg voor lege cellen "
        "aan het eind).",
    ),
    ExcelFunctie(
        naam="OI_BIB_VESTIGINGEN",
        functie=bib_vestigingen,
        beschrijving="De OBA-vestigingen waarmee de afstand wordt berekend (niet geverifieerd).",
        argumenten=(),
        voorbeeld="=OI_BIB_VESTIGINGEN()",
        resultaat="Tabel met naam, stadsdeel, rd_x en rd_y.",
    ),
    ExcelFunctie(
        naam="OI_BIB_KWADRANT",
        functie=bib_kwadrant,
        beschrijving="Per wijk: ligt het leesniveau onder en de afstand tot de bibliotheek "
        "boven het gemiddelde?",
        argumenten=(
            ExcelArgument("leesniveau", "Leesniveau per wijk (% op streefniveau).", "getallen"),
            ExcelArgument("afstand", "Afstand tot de bibliotheek per wijk (km).", "getallen"),
            ExcelArgument(
                "leesniveau_ref",
                "Gemiddeld leesniveau (leeg: het gemiddelde van de opgegeven wijken; "
                "Amsterdam: 69).",
                "getal",
                optioneel=True,
            ),
            ExcelArgument(
                "afstand_ref",
                "Gemiddelde afstand in km (leeg: het gemiddelde van de opgegeven wijken; "
                "Amsterdam gepubliceerd: 1,4).",
                "getal",
                optioneel=True,
            ),
        ),
        voorbeeld="=OI_BIB_KWADRANT(C2:C9; D2:D9; 69; 1,4)",
        resultaat="Per wijk 'laag leesniveau én ver weg', 'alleen laag leesniveau', "
        "'alleen ver weg' of 'geen van beide'.",
    ),
)
