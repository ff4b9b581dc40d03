"""The trade-off of a scenario in words, built from its numbers.

"Zuid levert 3,2 fte in (−8%), Nieuw-West krijgt 4,1 fte erbij (+21%); na drie jaar ligt
elke index tussen 95 en 105." Numbers are written with :mod:`oi_core.weergave.tekst`.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from oi_core.errors import InvoerFout
from oi_core.weergave.tekst import getal, hoofdletter, procent, telwoord

__all__ = ["uitruil", "uitruil_tabel"]


def uitruil_tabel(uitkomst: pd.DataFrame) -> pd.DataFrame:
    """The last year of a scenario per area: today, the new amount, the change and the
    distance from target (units and percent), largest giver first."""
    _check(uitkomst)
    laatste = int(uitkomst.index.get_level_values("jaar").max())
    deel = pd.DataFrame(uitkomst.xs(laatste, level="jaar"))
    kolommen = ["huidig", "inzet", "verandering", "verandering_pct", "oi_index", "afstand"]
    return deel[[*kolommen, "afstand_pct"]].sort_values(by="verandering", kind="stable")


def uitruil(
    uitkomst: pd.DataFrame, *, eenheid: str = "", namen: Mapping[str, str] | None = None
) -> str:
    """The trade-off of ``uitkomst`` (a :func:`~oi_core.sturen.scenario.scenario`) in one
    Dutch sentence: who gives most, who gains most, how much moves or is added, and the
    range of the indices at the end.

    ``eenheid`` is the unit in words (``fte``, ``m²``); ``namen`` maps area codes to names.
    """
    tabel = uitruil_tabel(uitkomst)
    jaren = int(uitkomst.index.get_level_values("jaar").max())
    naam = dict(namen or {})
    verandering = tabel["verandering"].to_numpy(dtype=float)
    delen = [_wie(tabel.iloc[0], -1, eenheid, naam), _wie(tabel.iloc[-1], 1, eenheid, naam)]
    delen = [d for d in delen if d] or ["Er verschuift niets"]
    zinnen = [", ".join(delen), _omvang(verandering, eenheid)]
    zinnen.append(_indices(tabel["oi_index"].to_numpy(dtype=float), jaren))
    return hoofdletter("; ".join(z for z in zinnen if z)) + "."


def _check(uitkomst: pd.DataFrame) -> None:
    nodig = {"huidig", "inzet", "verandering", "verandering_pct", "oi_index", "afstand"}
    if not isinstance(uitkomst.index, pd.MultiIndex) or not nodig <= set(uitkomst.columns):
        raise InvoerFout(
            "verwacht de uitkomst van een scenario (jaar, gebied)", argument="uitkomst"
        )


def _bedrag(x: float, eenheid: str) -> str:
    tekst = getal(abs(x), 0 if float(x).is_integer() else 1)
    return f"{tekst} {eenheid}" if eenheid else tekst


def _pct(p: float) -> str:
    if np.isnan(p):
        return "nieuw"
    return ("+" if round(p) > 0 else "") + procent(p)


def _wie(rij: pd.Series, teken: int, eenheid: str, namen: Mapping[str, str]) -> str:
    """The largest giver (``teken`` −1) or gainer (+1) as a clause; empty when none."""
    delta = float(rij["verandering"])
    if not delta * teken > 0:
        return ""
    wie = namen.get(str(rij.name), str(rij.name))
    wat = "in" if teken < 0 else "erbij"
    werkwoord = "levert" if teken < 0 else "krijgt"
    return f"{wie} {werkwoord} {_bedrag(delta, eenheid)} {wat} ({_pct(rij['verandering_pct'])})"


def _omvang(verandering: np.ndarray, eenheid: str) -> str:
    """How much is added (toevoegen) or moves between areas (herverdelen)."""
    erbij, eraf = verandering.clip(min=0).sum(), -verandering.clip(max=0).sum()
    totaal = verandering.sum()
    if totaal > 1e-9 * max(erbij, 1.0):
        return f"er komt in totaal {_bedrag(totaal, eenheid)} bij en geen gebied levert in"
    if eraf > 0 and ((verandering < 0).sum() > 1 or (verandering > 0).sum() > 1):
        n = int((verandering != 0).sum())
        return f"in totaal verschuift {_bedrag(eraf, eenheid)} tussen {telwoord(n)} gebieden"
    return ""


def _indices(oi: np.ndarray, jaren: int) -> str:
    wanneer = f"na {telwoord(jaren)} jaar"
    laag, hoog = getal(float(oi.min()), 0), getal(float(oi.max()), 0)
    if laag == hoog:
        return f"{wanneer} is elke index {laag}"
    return f"{wanneer} ligt elke index tussen {laag} en {hoog}"
