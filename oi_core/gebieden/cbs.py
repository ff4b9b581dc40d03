"""The CBS structure of the whole country: gemeente → wijk → buurt, from the *Wijk- en
buurtkaart* or the *Kerncijfers wijken en buurten* (see ``docs/prestaties.md``).

One row per buurt, with its wijk and gemeente. Accepted column names (any case), each
with the names the CBS files use for it:

========================  ===================================================================
column                    also accepted
========================  ===================================================================
``bu_code``               ``buurtcode`` (kaart 2022 and later), ``gwb_code`` (kwb, buurt rows)
``bu_naam``               ``buurtnaam``, ``regio`` (kwb)
``wk_code``               ``wijkcode``
``wk_naam``               ``wijknaam`` (optional; default: the wijk code)
``gm_code``               ``gemeentecode``
``gm_naam``               ``gemeentenaam`` (optional; default: the gemeente code)
``aantal_inwoners``       ``aant_inw`` (kaart before 2022), ``a_inw`` (kwb) (optional)
``aantal_inwoners_0_14``  ``a_00_14`` (kwb), ``p_00_14_jr`` is a percentage and is not read
========================  ===================================================================

Codes are the CBS codes (``GM0363``, ``WK036300``, ``BU03630000``); the kaart's
``buurtcode`` is exactly ``bu_code``. CBS marks a secret or unknown figure with a
negative number (``-99999999``, ``-99999997``): it is read as missing, never as a count.
The kwb table holds gemeente, wijk and buurt rows in one (``recs`` is ``Gemeente``,
``Wijk`` or ``Buurt``); :func:`cbs_tabel` keeps the buurt rows and takes the names of
wijken and gemeenten from theirs. Wijken and gemeenten get the sum of their buurten's
inhabitants with a figure (as the embedded Amsterdam division has them; missing when
no buurt has one).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from oi_core.errors import Bevinding, DataFout

__all__ = ["CBS_KOLOMMEN", "cbs_tabel"]

CBS_KOLOMMEN: dict[str, tuple[str, ...]] = {
    "bu_code": ("bu_code", "buurtcode", "gwb_code", "gwb_code_10"),
    "bu_naam": ("bu_naam", "buurtnaam", "regio"),
    "wk_code": ("wk_code", "wijkcode"),
    "wk_naam": ("wk_naam", "wijknaam"),
    "gm_code": ("gm_code", "gemeentecode"),
    "gm_naam": ("gm_naam", "gemeentenaam"),
    "aantal_inwoners": ("aantal_inwoners", "aant_inw", "a_inw"),
    "aantal_inwoners_0_14": ("aantal_inwoners_0_14", "a_00_14"),
}
"""Our column → the names it may have in a CBS file (first match wins)."""

_VEREIST = ("bu_code", "wk_code", "gm_code")


def cbs_tabel(bron: pd.DataFrame | str | Path) -> pd.DataFrame:
    """The area table of a :class:`~oi_core.gebieden.Gebiedsindeling` (gemeente, wijk and
    buurt rows) from CBS buurt rows: a DataFrame or the path of a CSV (``,`` or ``;``)."""
    ruw = _lees(bron) if not isinstance(bron, pd.DataFrame) else bron
    b = _kolommen(ruw)
    _eis_volledig(b)
    b = b.assign(
        aantal_inwoners=_aantal(b.get("aantal_inwoners")),
        aantal_inwoners_0_14=_aantal(b.get("aantal_inwoners_0_14")),
    )
    for kolom, code in (("bu_naam", "bu_code"), ("wk_naam", "wk_code"), ("gm_naam", "gm_code")):
        b[kolom] = b[kolom].fillna(b[code]) if kolom in b.columns else b[code]
    return pd.concat([_gemeenten(b), _wijken(b), _buurten(b)], ignore_index=True)


def _lees(pad: str | Path) -> pd.DataFrame:
    return pd.read_csv(
        pad, dtype=str, keep_default_na=False, na_values=[""], sep=None, engine="python"
    )


def _kolommen(ruw: pd.DataFrame) -> pd.DataFrame:
    """Our column names for the CBS ones; a kwb table is reduced to its buurt rows."""
    laag = {str(k).strip().lower(): k for k in ruw.columns}
    if "recs" in laag:
        soort = ruw[laag["recs"]].astype(str).str.strip().str.lower()
        ruw = _kwb_buurten(ruw, soort, laag)
        laag = {str(k).strip().lower(): k for k in ruw.columns}
    gekozen = {
        ons: laag[naam]
        for ons, namen in CBS_KOLOMMEN.items()
        for naam in namen[::-1]
        if naam in laag
    }
    uit = pd.DataFrame({ons: ruw[bron] for ons, bron in gekozen.items()})
    for kolom in ("bu_code", "wk_code", "gm_code", "bu_naam", "wk_naam", "gm_naam"):
        if kolom in uit.columns:
            uit[kolom] = uit[kolom].astype("string").str.strip().astype(object)
    return uit


def _kwb_buurten(ruw: pd.DataFrame, soort: pd.Series, laag: dict[str, str]) -> pd.DataFrame:
    """The buurt rows of a kwb table, with the codes and names of their wijk and gemeente
    (a buurt code ``BU03630000`` lies in wijk ``WK036300`` and gemeente ``GM0363``)."""
    code = ruw[laag.get("gwb_code_10", laag.get("gwb_code", ""))].astype(str).str.strip()
    naam = ruw[laag["regio"]] if "regio" in laag else code
    namen = pd.Series(naam.to_numpy(), index=code.to_numpy())
    buurten = ruw[(soort == "buurt").to_numpy()].copy()
    bu = code[(soort == "buurt").to_numpy()]
    buurten["bu_code"] = bu.to_numpy()
    buurten["wk_code"] = ("WK" + bu.str[2:8]).to_numpy()
    buurten["gm_code"] = ("GM" + bu.str[2:6]).to_numpy()
    buurten["wk_naam"] = namen.reindex(buurten["wk_code"]).to_numpy()
    buurten["gm_naam"] = namen.reindex(buurten["gm_code"]).to_numpy()
    return buurten.drop(columns=[laag[k] for k in ("gwb_code", "gwb_code_10") if k in laag])


def _eis_volledig(b: pd.DataFrame) -> None:
    ontbreekt = [k for k in _VEREIST if k not in b.columns]
    if ontbreekt:
        namen = {k: " of ".join(CBS_KOLOMMEN[k]) for k in ontbreekt}
        raise DataFout(
            [Bevinding(f"kolom ontbreekt ({namen[k]})", kolom=k) for k in ontbreekt],
            "De CBS-indeling",
        )
    fouten = [
        Bevinding("code ontbreekt", rij=int(i) + 2, kolom=k)
        for k in _VEREIST
        for i in np.flatnonzero(b[k].isna().to_numpy())
    ]
    dubbel = b["bu_code"][b["bu_code"].duplicated()].unique()
    fouten += [
        Bevinding(f"buurtcode '{c}' komt meer dan eens voor", kolom="bu_code") for c in dubbel
    ]
    if fouten:
        raise DataFout(fouten, "De CBS-indeling")


def _aantal(kolom: pd.Series | None) -> pd.Series | float:
    """Inhabitants as numbers; CBS's negative markers for secret or unknown are missing."""
    if kolom is None:
        return np.nan
    getal = pd.to_numeric(kolom, errors="coerce").astype(float)
    return getal.where(getal >= 0)


def _rijen(niveau: str, code: pd.Series, naam: pd.Series, **ouders: pd.Series) -> pd.DataFrame:
    uit = pd.DataFrame({"code": code.to_numpy(), "naam": naam.to_numpy(), "niveau": niveau})
    uit["cbs_code"] = uit["code"]
    for kolom in ("stadsdeel", "gebied", "wijk", "gemeente"):
        uit[kolom] = ouders[kolom].to_numpy() if kolom in ouders else None
    for kolom in ("lon", "lat", "rd_x", "rd_y"):
        uit[kolom] = np.nan
    return uit


def _som(b: pd.DataFrame, sleutel: str) -> pd.DataFrame:
    """Inhabitants per ``sleutel``: the sum of the buurten with a figure (as the embedded
    Amsterdam division does); missing when none has one."""
    groepen = b.groupby(sleutel, sort=False)[["aantal_inwoners", "aantal_inwoners_0_14"]]
    return groepen.sum(min_count=1)


def _ouders(b: pd.DataFrame, sleutel: str, naam: str, *extra: str) -> pd.DataFrame:
    eerste = b.groupby(sleutel, sort=False)[[naam, *extra]].first()
    return eerste.join(_som(b, sleutel)).reset_index()


def _met_bevolking(rijen: pd.DataFrame, bron: pd.DataFrame) -> pd.DataFrame:
    rijen["inwoners"] = bron["aantal_inwoners"].to_numpy(dtype=float)
    rijen["inwoners_0_14"] = bron["aantal_inwoners_0_14"].to_numpy(dtype=float)
    return rijen


def _gemeenten(b: pd.DataFrame) -> pd.DataFrame:
    g = _ouders(b, "gm_code", "gm_naam")
    rijen = _rijen("gemeente", g["gm_code"], g["gm_naam"], gemeente=g["gm_code"])
    return _met_bevolking(rijen, g)


def _wijken(b: pd.DataFrame) -> pd.DataFrame:
    w = _ouders(b, "wk_code", "wk_naam", "gm_code")
    rijen = _rijen("wijk", w["wk_code"], w["wk_naam"], gemeente=w["gm_code"])
    return _met_bevolking(rijen, w)


def _buurten(b: pd.DataFrame) -> pd.DataFrame:
    rijen = _rijen("buurt", b["bu_code"], b["bu_naam"], wijk=b["wk_code"], gemeente=b["gm_code"])
    return _met_bevolking(rijen, b)
