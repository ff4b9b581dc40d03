"""Reading a Gebiedsindeling from CSV files (the embedded Amsterdam data or another city's).

Codes are read as text and nothing is treated as a missing-value marker except an empty
cell: Amsterdam has a wijk with code ``NA`` (Oostzanerwerf), which pandas would otherwise
read as NaN.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from oi_core.errors import Bevinding, DataFout

VEREIST_BUURTEN = (
    "buurt_code", "buurt_naam", "wijk_code", "wijk_naam", "gebied_code", "gebied_naam",
    "stadsdeel_code", "stadsdeel_naam", "gemeente_code",
)  # fmt: skip
_CENTROIDE = ("centroid_lon", "centroid_lat", "centroid_rd_x", "centroid_rd_y")
_LOCATIE = {
    "centroid_lon": "lon",
    "centroid_lat": "lat",
    "centroid_rd_x": "rd_x",
    "centroid_rd_y": "rd_y",
}


def lees_csv(pad: Path) -> pd.DataFrame:
    """A CSV with every cell as text; only empty cells are missing."""
    return pd.read_csv(pad, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8")


def lees_indeling(map_: Path) -> tuple[pd.DataFrame, dict[str, str]]:
    """The combined area table and the alias mapping from a folder of CSV files."""
    if not (map_ / "buurten.csv").is_file():
        raise DataFout([f"buurten.csv ontbreekt in {map_}"], "Gebiedsindeling")
    buurten = lees_csv(map_ / "buurten.csv")
    _eis_kolommen(buurten, VEREIST_BUURTEN, "buurten.csv")
    delen = [
        _gemeente(buurten, map_),
        _stadsdelen(buurten, map_),
        _gebieden(buurten, map_),
        _wijken(buurten, map_),
        _buurten(buurten),
    ]
    tabel = pd.concat(delen, ignore_index=True)
    for kolom in ("inwoners", "inwoners_0_14", "lon", "lat", "rd_x", "rd_y"):
        tabel[kolom] = pd.to_numeric(tabel[kolom], errors="raise").astype(float)
    return tabel, _aliassen(map_)


def _eis_kolommen(df: pd.DataFrame, kolommen: tuple[str, ...], bestand: str) -> None:
    ontbreekt = [k for k in kolommen if k not in df.columns]
    if ontbreekt:
        raise DataFout([Bevinding("kolom ontbreekt", kolom=k, blad=bestand) for k in ontbreekt])


def _kol(df: pd.DataFrame, naam: str) -> pd.Series:
    return df[naam] if naam in df.columns else pd.Series(pd.NA, index=df.index, dtype=object)


def _rijen(df: pd.DataFrame, niveau: str, **kolommen: str | pd.Series) -> pd.DataFrame:
    uit = pd.DataFrame(index=df.index)
    uit["niveau"] = niveau
    for doel, bron in kolommen.items():
        uit[doel] = bron if isinstance(bron, pd.Series) else _kol(df, bron)
    for bron, doel in _LOCATIE.items():
        uit[doel] = _kol(df, bron)
    return uit


def _buurten(b: pd.DataFrame) -> pd.DataFrame:
    return _rijen(
        b, "buurt", code="buurt_code", naam="buurt_naam", cbs_code="cbs_buurt_code",
        stadsdeel="stadsdeel_code", gebied="gebied_code", wijk="wijk_code",
        inwoners="inwoners_2024", inwoners_0_14="inwoners_0_14_2024",
    )  # fmt: skip


def _bevolking_som(b: pd.DataFrame, sleutel: str) -> pd.DataFrame:
    getallen = b[[sleutel]].copy()
    for kolom in ("inwoners_2024", "inwoners_0_14_2024"):
        getallen[kolom] = pd.to_numeric(_kol(b, kolom), errors="coerce")
    return getallen.groupby(sleutel).sum(min_count=1)


def _centroide_gemiddeld(b: pd.DataFrame, sleutel: str) -> pd.DataFrame:
    getallen = b[[sleutel]].copy()
    for kolom in _CENTROIDE:
        getallen[kolom] = pd.to_numeric(_kol(b, kolom), errors="coerce")
    return getallen.groupby(sleutel).mean()


def _afgeleid(
    b: pd.DataFrame, sleutel: str, naamkolom: str, ouders: tuple[str, ...]
) -> pd.DataFrame:
    """One row per parent area, derived from the buurten when no own file is given."""
    eerste = b.dropna(subset=[sleutel]).groupby(sleutel, sort=False).first()
    eerste = eerste[[naamkolom, *(o for o in ouders if o in eerste.columns)]]
    eerste = eerste.join(_bevolking_som(b, sleutel))
    return eerste.join(_centroide_gemiddeld(b, sleutel)).reset_index()


def _wijken(b: pd.DataFrame, map_: Path) -> pd.DataFrame:
    pad = map_ / "wijken.csv"
    w = (
        lees_csv(pad)
        if pad.is_file()
        else _afgeleid(
            b, "wijk_code", "wijk_naam", ("cbs_wijk_code", "gebied_code", "stadsdeel_code")
        )
    )
    return _rijen(
        w, "wijk", code="wijk_code", naam="wijk_naam", cbs_code="cbs_wijk_code",
        stadsdeel="stadsdeel_code", gebied="gebied_code",
        inwoners="inwoners_2024", inwoners_0_14="inwoners_0_14_2024",
    )  # fmt: skip


def _gebieden(b: pd.DataFrame, map_: Path) -> pd.DataFrame:
    pad = map_ / "gebieden.csv"
    if pad.is_file():
        g = lees_csv(pad)
        pop, pop_kind = "inwoners_2024_som_buurten", "inwoners_0_14_2024_som_buurten"
    else:
        g = _afgeleid(b, "gebied_code", "gebied_naam", ("stadsdeel_code",))
        pop, pop_kind = "inwoners_2024", "inwoners_0_14_2024"
    return _rijen(
        g, "gebied", code="gebied_code", naam="gebied_naam", stadsdeel="stadsdeel_code",
        inwoners=pop, inwoners_0_14=pop_kind,
    )  # fmt: skip


def _stadsdelen(b: pd.DataFrame, map_: Path) -> pd.DataFrame:
    pad = map_ / "stadsdelen.csv"
    if pad.is_file():
        s = lees_csv(pad)
        pop, pop_kind = "inwoners_2024_som_buurten", "inwoners_0_14_2024_som_buurten"
    else:
        s = _afgeleid(b, "stadsdeel_code", "stadsdeel_naam", ())
        pop, pop_kind = "inwoners_2024", "inwoners_0_14_2024"
    return _rijen(
        s, "stadsdeel", code="stadsdeel_code", naam="stadsdeel_naam",
        inwoners=pop, inwoners_0_14=pop_kind,
    )  # fmt: skip


def _gemeente(b: pd.DataFrame, map_: Path) -> pd.DataFrame:
    pad = map_ / "gemeente.csv"
    codes = b["gemeente_code"].dropna().unique()
    if len(codes) != 1:
        raise DataFout([f"buurten.csv moet één gemeente_code hebben, niet {len(codes)}"])
    g = (
        lees_csv(pad)
        if pad.is_file()
        else pd.DataFrame({"gemeente_code": codes, "gemeente_naam": codes})
    )
    som = _bevolking_som(b.assign(_alle="x"), "_alle")
    g["inwoners_2024"] = som["inwoners_2024"].iloc[0]
    g["inwoners_0_14_2024"] = som["inwoners_0_14_2024"].iloc[0]
    return _rijen(
        g, "gemeente", code="gemeente_code", naam="gemeente_naam", cbs_code="gemeente_code",
        inwoners="inwoners_2024", inwoners_0_14="inwoners_0_14_2024",
    )  # fmt: skip


def _aliassen(map_: Path) -> dict[str, str]:
    pad = map_ / "aliassen.csv"
    if not pad.is_file():
        return {}
    tabel = lees_csv(pad)
    _eis_kolommen(tabel, ("alias", "code"), "aliassen.csv")
    return dict(zip(tabel["alias"], tabel["code"], strict=True))
