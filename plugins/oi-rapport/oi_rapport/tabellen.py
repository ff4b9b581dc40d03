"""Tables of the report: the match table of an activity and generic tables from frames."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pandas as pd

from oi_core.model.activiteit import Indicator
from oi_core.plugins.manager import kolommen
from oi_core.rekenen.analyse import Analyse
from oi_core.rekenen.kern import (
    MATCH_KOLOMMEN,
    SIGNAAL_IN_VERHOUDING,
    SIGNAAL_MEER,
    SIGNAAL_MINDER,
    grenzen,
)
from oi_core.rekenen.kleuring import kleur_index
from oi_core.weergave.kolommen import kolom
from oi_rapport.document import Formaat, Kleuring, Kolom, Tabel

__all__ = [
    "SIGNAAL_KOP",
    "SIGNAAL_KORT",
    "ExtraKolom",
    "auto_decimals",
    "catalogue_column",
    "match_table",
    "table_from_frame",
]

SIGNAAL_KORT = {
    SIGNAAL_MINDER: "▼ minder",
    SIGNAAL_IN_VERHOUDING: "● in verhouding",
    SIGNAAL_MEER: "▲ meer",
}
"""The signal as the match table's cell shows it: a symbol and one or two words, so a row
stays one line. The header (:data:`SIGNAAL_KOP`) completes the phrase, the caption spells
out each one, and the HTML cell keeps the full phrase as its title and for screen readers."""

SIGNAAL_KOP = "Signaal (t.o.v. het aandeel in de opgave)"
"""Header of the signal column: with the cell's word it reads as the full phrase."""

_FORMATEN: dict[str, Formaat] = {
    "getal": "getal",
    "aandeel": "aandeel",
    "procent": "procent",
    "procentpunt": "pp",
    "index": "index",
    "bedrag": "getal",
    "tekst": "tekst",
}


def catalogue_column(sleutel: str, naam: str | None = None, **anders: Any) -> Kolom:
    """A report column for the catalogue key ``sleutel`` (header, format, decimals and unit
    from :func:`oi_core.weergave.kolommen.kolom`); ``naam`` is the data column (default:
    the key), ``anders`` overrides fields (``kleuring``, ``formule``, ``kop`` …)."""
    k = kolom(sleutel)
    velden: dict[str, Any] = {
        "kop": k.kop,
        "formaat": _FORMATEN[k.formaat],
        "decimalen": k.decimalen,
        "eenheid": k.eenheid,
    }
    if k.formaat == "getal" and k.decimalen == 0:
        velden["formaat"] = "aantal"
    return Kolom(naam or sleutel, **{**velden, **anders})


@dataclass(frozen=True)
class ExtraKolom:
    """An indicator shown beside the match, with its colouring."""

    indicator: Indicator
    waarden: pd.Series
    kleuring: Kleuring | None


def _getal(waarde: float, decimalen: int = 6) -> str:
    return f"{round(waarde, decimalen):g}"


def match_table(
    analyse: Analyse,
    match: pd.DataFrame,
    inzet: pd.Series,
    opgave: pd.Series,
    extra: list[ExtraKolom],
    band: float,
) -> Tabel:
    """Inzet, opgave, shares, difference, OI-index and signal per area, plus indicators."""
    a = analyse.activiteit
    data = pd.DataFrame(
        {"naam": match["naam"], "inzet": inzet.reindex(match.index)}, index=match.index
    )
    data["opgave"] = opgave.reindex(match.index)
    for k in MATCH_KOLOMMEN:
        data[k] = match[k]
    kolommen = [
        catalogue_column("naam"),
        catalogue_column(
            "inzet",
            kop=f"{kolom('inzet').kop}: {a.match_inzet.naam}",
            eenheid=a.match_inzet.eenheid,
        ),
        catalogue_column(
            "opgave",
            kop=f"{kolom('opgave').kop}: {a.match_opgave.naam}",
            eenheid=a.match_opgave.eenheid,
        ),
        *_match_columns(match, band),
    ]
    for e in extra:
        sleutel = f"ind_{e.indicator.code}"
        data[sleutel] = e.waarden.reindex(match.index)
        kolommen.append(_indicator_column(sleutel, e, data[sleutel]))
    return Tabel(
        sleutel=f"{a.code}-match",
        titel=f"Match tussen inzet en opgave per {analyse.niveau.value}",
        data=data,
        kolommen=tuple(kolommen),
        bijschrift=_caption(band, match),
        voet={"Totaal": {"inzet": float(inzet.sum()), "opgave": float(opgave.sum())}},
        legenda=True,
    )


def _match_columns(match: pd.DataFrame, band: float) -> list[Kolom]:
    laag, hoog = (_getal(g) for g in grenzen(band))
    index_kleur = kleur_index(match["oi_index"], band)
    kort = SIGNAAL_KORT
    return [
        catalogue_column("aandeel_inzet", formule="={inzet}/SUM({inzet:alle})"),
        catalogue_column("aandeel_opgave", formule="={opgave}/SUM({opgave:alle})"),
        catalogue_column("verschil_pp", formule="=100*({aandeel_inzet}-{aandeel_opgave})"),
        catalogue_column(
            "oi_index", kleuring=index_kleur, formule="=100*{aandeel_inzet}/{aandeel_opgave}"
        ),
        catalogue_column(
            "signaal",
            kop=SIGNAAL_KOP,
            formule=f'=IF({{oi_index}}<{laag},"{kort[SIGNAAL_MINDER]}",'
            f'IF({{oi_index}}>{hoog},"{kort[SIGNAAL_MEER]}","{kort[SIGNAAL_IN_VERHOUDING]}"))',
            afkorting=tuple(kort.items()),
        ),
    ]


def _indicator_column(sleutel: str, e: ExtraKolom, waarden: pd.Series) -> Kolom:
    ind = e.indicator
    formaat: Formaat = "procent" if ind.eenheid.strip().startswith("%") else "getal"
    return Kolom(
        sleutel,
        f"{ind.naam} ({ind.rol.value})",
        formaat,
        decimalen=auto_decimals(waarden),
        kleuring=e.kleuring,
        eenheid=ind.eenheid,
    )


def auto_decimals(waarden: pd.Series) -> int | None:
    """0 for whole numbers, else 1 (2 below 10); ``None`` for text."""
    if not pd.api.types.is_numeric_dtype(waarden) or pd.api.types.is_bool_dtype(waarden):
        return None
    x = waarden.dropna().to_numpy(dtype=float)
    if not len(x) or (x == x.round()).all():
        return 0
    return 2 if abs(x).max() < 10 else 1


def _caption(band: float, match: pd.DataFrame) -> str:
    """The table's explanation, with its own lowest and highest index as the example."""
    laag, hoog = (_getal(g) for g in grenzen(band))
    index = match["oi_index"].to_numpy(dtype=float)
    voorbeeld = ""
    if (~np.isnan(index)).any():
        a, b = match.iloc[int(np.nanargmin(index))], match.iloc[int(np.nanargmax(index))]
        voorbeeld = (
            f" Hier van {a['oi_index']:.0f} ({a['naam']}) tot {b['oi_index']:.0f} ({b['naam']})."
        )
    return (
        "Aandeel: het deel van het totaal. Verschil: aandeel inzet min aandeel opgave, in "
        "procentpunt. OI-index: 100 × aandeel inzet / aandeel opgave; 100 is in verhouding, "
        f"onder 100 minder dan het aandeel in de opgave.{voorbeeld} Signaal: "
        f"{_signal_words(laag, hoog)} Kleur en symbool: zie de legenda onder de tabel."
    )


def _signal_words(laag: str, hoog: str) -> str:
    """Each short signal word with its full phrase and OI-index range, written out once."""
    bereik = {
        SIGNAAL_MINDER: f"OI-index onder {laag}",
        SIGNAAL_IN_VERHOUDING: f"{laag} tot en met {hoog}",
        SIGNAAL_MEER: f"boven {hoog}",
    }
    return (
        "; ".join(f"{kort} is {voluit} ({bereik[voluit]})" for voluit, kort in SIGNAAL_KORT.items())
        + "."
    )


def table_from_frame(sleutel: str, titel: str, df: pd.DataFrame, bijschrift: str = "") -> Tabel:
    """A plain table from any DataFrame (a plugin's part, a published table)."""
    data = df.copy()
    if not isinstance(data.index, pd.RangeIndex):
        data = data.reset_index()
    data.columns = _unique_names([str(k) for k in data.columns])
    data.index = pd.RangeIndex(len(data))
    kolommen = tuple(_frame_column(k, data[k]) for k in data.columns)
    return Tabel(sleutel=sleutel, titel=titel, data=data, kolommen=kolommen, bijschrift=bijschrift)


def _frame_column(naam: str, waarden: pd.Series) -> Kolom:
    """A column of a plugin's frame: header and format from the column catalogue when the
    plugin declared the key (``register_kolommen``), else the name as given."""
    decimalen = auto_decimals(waarden)
    if naam in kolommen():
        k = catalogue_column(naam)
        if decimalen is None:
            return replace(k, formaat="tekst", decimalen=None)
        return (
            k
            if k.decimalen is not None or k.formaat != "getal"
            else replace(k, decimalen=decimalen)
        )
    if decimalen is None:
        return Kolom(naam, naam, "tekst")
    return Kolom(naam, naam, "getal", decimalen=decimalen)


def _unique_names(namen: list[str]) -> list[str]:
    uit: list[str] = []
    for naam in namen:
        kandidaat, n = naam or "kolom", 2
        while kandidaat in uit:
            kandidaat, n = f"{naam} ({n})", n + 1
        uit.append(kandidaat)
    return uit
