"""The layout contract of an OI workbook (*werkmap*), its input frame and its reader.

``oi excel werkmap`` writes a workbook for one activity at one scale level; ``oi rapport
--data`` (and anyone else) reads it back with :func:`read_werkmap`. Both sides use the
names defined here, so the layout lives in exactly one place:

- sheet :data:`BLAD_INVOER` holds the Excel Table :data:`TABEL_INVOER` at ``A1``: the
  columns :data:`KOLOM_CODE` (area code), :data:`KOLOM_GEBIED` (area name) and
  :data:`KOLOM_INWONERS` (population, for per-capita figures), then one column per
  indicator, headed by its Dutch header (:func:`indicator_header`: the column catalogue's
  ``kop``, else the indicator's ``naam``), never by its code;
- sheet :data:`BLAD_META` holds a two-column table (:data:`META_KOLOMMEN`) with the keys
  ``layout_versie``, ``activiteit``, ``niveau``, ``jaar``, ``kolom:<indicator>`` (the
  header of that indicator's column) and optionally ``jaar:<indicator>`` when an indicator
  was measured in another year. Layout version 1 (headers were the indicator codes) is
  still read;
- sheets :data:`BLAD_RESULTAAT` (formulas with the ``OI_`` functions) and
  :data:`BLAD_UITLEG` (Dutch explanation) are for people; the hidden sheet
  :data:`BLAD_KERN` holds the core's results and a copy of the input as written (what the
  formulas show without the OI functions). The reader ignores all three: the input is the
  Invoer sheet only. Columns G to I of the Meta sheet hold two checks (formulas) beside
  the key/value table; the reader reads only its first two columns, so the layout version
  stays 2 (a workbook of this version without the Kern sheet still reads).

The reader uses pandas with the ``calamine`` engine and reports every problem with its
sheet, row (as Excel numbers it: the header is row 1) and column in one
:class:`~oi_core.errors.DataFout`. No xlwings or xlsxwriter is imported here.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from oi_core.errors import (
    Bevinding,
    DataFout,
    GebiedFout,
    InvoerFout,
    OIFout,
    OIWaarschuwing,
    PluginFout,
)
from oi_core.gebieden.indeling import Gebiedsindeling
from oi_core.invoer.bestanden import check_workbook
from oi_core.invoer.getallen import (
    GetalFout,
    is_empty,
    parse_amount,
    parse_number,
    refuse_formulas_without_value,
)
from oi_core.model.activiteit import Activiteit, Niveau
from oi_core.rekenen.analyse import Analyse
from oi_core.weergave.kolommen import kolom

__all__ = [
    "BLAD_INVOER",
    "BLAD_KERN",
    "BLAD_META",
    "BLAD_RESULTAAT",
    "BLAD_UITLEG",
    "KOLOM_CODE",
    "KOLOM_GEBIED",
    "KOLOM_INWONERS",
    "LAYOUT_VERSIE",
    "META_KOLOMMEN",
    "TABEL_INVOER",
    "VASTE_KOLOMMEN",
    "WerkmapInvoer",
    "build_invoer",
    "indicator_header",
    "read_werkmap",
]

LAYOUT_VERSIE = 2
BLAD_INVOER = "Invoer"
BLAD_RESULTAAT = "Resultaat"
BLAD_UITLEG = "Uitleg"
BLAD_META = "Meta"
BLAD_KERN = "Kern"
TABEL_INVOER = "OI_Invoer"
KOLOM_CODE = "Code"
KOLOM_GEBIED = "Gebied"
KOLOM_INWONERS = "Inwoners"
VASTE_KOLOMMEN = (KOLOM_CODE, KOLOM_GEBIED, KOLOM_INWONERS)
META_KOLOMMEN = ("Sleutel", "Waarde")


@dataclass(frozen=True)
class WerkmapInvoer:
    """The input table of a workbook, before it is written.

    ``tabel`` has the columns :data:`VASTE_KOLOMMEN` and then one per indicator code;
    ``jaren`` gives the year of each indicator column; ``jaar`` is the workbook's year
    (the latest of them). ``inzet`` and ``opgave`` name the columns the match uses;
    :meth:`header` gives the Dutch header a person sees above a column.
    """

    activiteit: Activiteit
    niveau: Niveau
    tabel: pd.DataFrame
    jaren: Mapping[str, int]
    inzet: str
    opgave: str
    jaar: int
    zonder_gegevens: tuple[str, ...] = field(default=())
    """Codes of the listed areas that have no value for any indicator."""

    @property
    def indicatoren(self) -> list[str]:
        return [str(k) for k in self.tabel.columns if k not in VASTE_KOLOMMEN]

    def header(self, kolom: str) -> str:
        """The Dutch header of a column of :attr:`tabel` (a fixed column or an indicator)."""
        if kolom in VASTE_KOLOMMEN:
            return kolom
        return werkmap_header(self.activiteit, kolom)

    def meta(self) -> list[tuple[str, Any]]:
        """The rows of the :data:`BLAD_META` sheet."""
        rijen: list[tuple[str, Any]] = [
            ("layout_versie", LAYOUT_VERSIE),
            ("activiteit", self.activiteit.code),
            ("niveau", self.niveau.value),
            ("jaar", self.jaar),
        ]
        rijen += [(f"kolom:{k}", self.header(k)) for k in self.indicatoren]
        rijen += [(f"jaar:{k}", j) for k, j in self.jaren.items() if j != self.jaar]
        return rijen


def indicator_header(activiteit: Activiteit, code: str) -> str:
    """The header of an indicator's column: the column catalogue's ``kop`` when the key is
    registered, else the indicator's Dutch ``naam`` (declared with the activity)."""
    try:
        return kolom(code).kop
    except KeyError:
        return activiteit.keten.indicator(code).naam


def werkmap_header(activiteit: Activiteit, code: str) -> str:
    """The header of an indicator's column in the workbook: :func:`indicator_header`, with
    the indicator's role added when that header is also a fixed column's (an opgave named
    "Inwoners", as in the template of ``oi plugin nieuw``): an Excel Table needs distinct
    headers, compared without case."""
    kop = indicator_header(activiteit, code)
    if _key(kop) in {_key(k) for k in VASTE_KOLOMMEN}:
        return f"{kop} ({activiteit.keten.indicator(code).rol.value})"
    return kop


def _key(kop: str) -> str:
    return " ".join(kop.split()).casefold()


# -- building the input table -------------------------------------------------------------
def build_invoer(
    activiteit: Activiteit,
    data: pd.DataFrame,
    niveau: Niveau | str | None = None,
    *,
    indeling: Gebiedsindeling | None = None,
) -> WerkmapInvoer:
    """The input table of ``activiteit`` at ``niveau``, filled from its tidy ``data``.

    Rows are all areas of that level, in the order of the area division (a doelgroep: the
    labels in the data); an area without data has empty cells, to fill in. Columns are the
    match's inzet and opgave first, then every other indicator that has values at this
    level. Values come from :meth:`Analyse.values`, so finer data is aggregated by each
    indicator's rule.
    """
    indeling = indeling or Gebiedsindeling.amsterdam()
    analyse = Analyse(activiteit, data, niveau=niveau, indeling=indeling)
    kolommen, jaren = _indicator_columns(analyse)
    _check_match_columns(analyse, kolommen)
    gebieden = _areas(analyse, kolommen, indeling)
    tabel = gebieden.copy()
    for code, reeks in kolommen.items():
        tabel[code] = reeks.reindex(tabel[KOLOM_CODE]).to_numpy(dtype=float)
    zonder = _without_data(analyse, kolommen)
    _check_unique_headers(activiteit, list(kolommen))
    return WerkmapInvoer(
        activiteit=activiteit,
        niveau=analyse.niveau,
        tabel=tabel.reset_index(drop=True),
        jaren=jaren,
        inzet=activiteit.match_inzet.code,
        opgave=activiteit.match_opgave.code,
        jaar=max(jaren.values()) if jaren else int(data["jaar"].max()),
        zonder_gegevens=zonder,
    )


def _check_match_columns(analyse: Analyse, kolommen: Mapping[str, pd.Series]) -> None:
    """A workbook whose inzet or opgave column is empty is a form to fill in: said in a
    warning, with the levels where the data has both."""
    a = analyse.activiteit
    leeg = [i for i in (a.match_inzet, a.match_opgave) if kolommen[i.code].dropna().empty]
    if not leeg:
        return
    data = analyse.data
    per = [
        set(data.loc[data["indicator"] == i.code, "niveau"])
        for i in (a.match_inzet, a.match_opgave)
    ]
    wel = [n.value for n in Niveau if n.value in per[0] & per[1]]
    warnings.warn(
        f"activiteit '{a.code}' heeft op niveau {analyse.niveau.value} geen gegevens voor "
        f"{' en '.join(i.naam for i in leeg)}: vul die kolom zelf in, of kies een niveau met "
        f"gegevens ({', '.join(wel) or 'geen'})",
        OIWaarschuwing,
        stacklevel=3,
    )


def _check_unique_headers(activiteit: Activiteit, codes: list[str]) -> None:
    """An Excel Table needs distinct headers; two indicators with one name are a plugin bug."""
    koppen = [werkmap_header(activiteit, c) for c in codes] + list(VASTE_KOLOMMEN)
    sleutels = [_key(k) for k in koppen]
    dubbel = sorted({k for k in koppen if sleutels.count(_key(k)) > 1})
    if dubbel:
        raise PluginFout(
            f"activiteit '{activiteit.code}': meer dan één kolom heet "
            f"{', '.join(repr(k) for k in dubbel)}; geef de indicatoren verschillende namen"
        )


def _indicator_columns(analyse: Analyse) -> tuple[dict[str, pd.Series], dict[str, int]]:
    a = analyse.activiteit
    volgorde = [a.match_inzet.code, a.match_opgave.code]
    volgorde += [i.code for i in a.keten.indicatoren() if i.code not in volgorde]
    kolommen: dict[str, pd.Series] = {}
    jaren: dict[str, int] = {}
    for code in volgorde:
        try:
            kolommen[code] = analyse.values(code)
        except OIFout:
            if code in volgorde[:2]:
                kolommen[code] = pd.Series(dtype=float)
            continue
        rijen = analyse.data[analyse.data["indicator"] == code]
        jaren[code] = int(rijen["jaar"].max()) if not rijen.empty else 0
    return kolommen, {k: j for k, j in jaren.items() if j}


def _areas(
    analyse: Analyse, kolommen: Mapping[str, pd.Series], indeling: Gebiedsindeling
) -> pd.DataFrame:
    """Every area of the level (a doelgroep: every label with data), with name and inwoners."""
    if analyse.niveau is Niveau.DOELGROEP:
        met_data = [c for r in kolommen.values() for c in r.dropna().index]
        codes = list(dict.fromkeys(met_data))
        return pd.DataFrame({KOLOM_CODE: codes, KOLOM_GEBIED: codes, KOLOM_INWONERS: np.nan})
    tabel = indeling.table(analyse.niveau)
    return pd.DataFrame(
        {
            KOLOM_CODE: tabel.index.astype(str),
            KOLOM_GEBIED: tabel["naam"].astype(str),
            KOLOM_INWONERS: tabel["inwoners"].astype(float),
        }
    ).set_index(KOLOM_CODE, drop=False)


def _without_data(analyse: Analyse, kolommen: Mapping[str, pd.Series]) -> tuple[str, ...]:
    if analyse.niveau is Niveau.DOELGROEP:
        return ()
    met_data = {str(c) for r in kolommen.values() for c in r.dropna().index}
    return tuple(c for c in analyse.indeling.codes(analyse.niveau) if c not in met_data)


# -- reading a workbook back ----------------------------------------------------------------
def read_werkmap(
    pad: str | Path,
    *,
    activiteit: Activiteit | None = None,
    indeling: Gebiedsindeling | None = None,
) -> tuple[str, Niveau, pd.DataFrame]:
    """Read a workbook written by ``oi excel werkmap``.

    Returns the activity code, the scale level and a tidy DataFrame (``gebied`` as area
    code, ``jaar``, ``indicator``, ``waarde``, ``niveau``); empty cells give no row. Area
    codes or names in :data:`KOLOM_CODE` are resolved at the level from the Meta sheet.
    With ``activiteit``, every indicator column must be declared in it. All problems are
    raised together as one :class:`DataFout`, each with its sheet, row and column.
    """
    pad = Path(pad)
    bladen = _read_sheets(pad)
    meta = _read_meta(bladen[BLAD_META])
    code, niveau, jaar = _meta_required(meta)
    koppen = _header_codes(meta)
    invoer = bladen[BLAD_INVOER].rename(columns=lambda k: koppen.get(str(k).strip(), k))
    fouten = _check_columns(invoer, activiteit, code)
    if fouten:
        raise DataFout(fouten, f"Werkmap '{pad.name}' is niet te lezen")
    getoond = {c: k for k, c in koppen.items()}
    tidy = _tidy(invoer, niveau, jaar, meta, indeling or Gebiedsindeling.amsterdam(), getoond)
    return code, niveau, tidy


def _header_codes(meta: Mapping[str, tuple[Any, int]]) -> dict[str, str]:
    """Header → indicator code, from the ``kolom:<code>`` rows of the Meta sheet."""
    return {
        str(waarde).strip(): sleutel.removeprefix("kolom:")
        for sleutel, (waarde, _) in meta.items()
        if sleutel.startswith("kolom:") and not is_empty(waarde)
    }


def _read_sheets(pad: Path) -> dict[str, pd.DataFrame]:
    """The sheets :data:`BLAD_INVOER` and :data:`BLAD_META`, and only those, after the
    workbook passed :func:`~oi_core.invoer.bestanden.check_workbook` (limits, password)."""
    if not pad.is_file():
        raise InvoerFout(f"bestand '{pad}' bestaat niet", argument=str(pad))
    check_workbook(pad)
    refuse_formulas_without_value(pad, (BLAD_INVOER,))  # calamine reads them as empty
    try:
        with pd.ExcelFile(pad, engine="calamine") as boek:
            namen = [str(n) for n in boek.sheet_names]
            _require_sheets(pad, namen)
            return {
                b: pd.read_excel(boek, b, dtype=object, keep_default_na=False, na_values=[""])
                for b in (BLAD_INVOER, BLAD_META)
            }  # keep_default_na: the wijk code NA (Oostzanerwerf) is a code, not missing
    except OIFout:
        raise
    except Exception as fout:  # calamine raises its own types for corrupt files
        raise InvoerFout(
            f"'{pad.name}' is geen leesbare werkmap ({fout})", argument=str(pad)
        ) from fout


def _require_sheets(pad: Path, namen: list[str]) -> None:
    ontbreekt = [b for b in (BLAD_INVOER, BLAD_META) if b not in namen]
    if ontbreekt:
        raise DataFout(
            [Bevinding("blad ontbreekt; is dit een werkmap van 'oi excel werkmap'?", blad=b)
             for b in ontbreekt],
            f"Werkmap '{pad.name}' is niet te lezen",
        )  # fmt: skip


def _read_meta(blad: pd.DataFrame) -> dict[str, tuple[Any, int]]:
    """Key → (value, Excel row) from the Meta sheet."""
    kolommen = [str(k).strip() for k in blad.columns]
    if kolommen[:2] != list(META_KOLOMMEN):
        raise DataFout(
            [Bevinding(f"verwacht de kolommen {', '.join(META_KOLOMMEN)}", rij=1, blad=BLAD_META)],
            "Werkmap is niet te lezen",
        )
    uit: dict[str, tuple[Any, int]] = {}
    for rij, (sleutel, waarde) in enumerate(blad.iloc[:, :2].itertuples(index=False), start=2):
        if not is_empty(sleutel):
            uit[str(sleutel).strip()] = (waarde, rij)
    return uit


def _meta_required(meta: Mapping[str, tuple[Any, int]]) -> tuple[str, Niveau, int]:
    fouten: list[Bevinding] = []

    def fout(melding: str, sleutel: str) -> None:
        rij = meta[sleutel][1] if sleutel in meta else None
        fouten.append(Bevinding(f"{sleutel}: {melding}", rij=rij, kolom="Waarde", blad=BLAD_META))

    for sleutel in ("activiteit", "niveau", "jaar"):
        if sleutel not in meta or is_empty(meta[sleutel][0]):
            fout("ontbreekt", sleutel)
    if fouten:
        raise DataFout(fouten, "Werkmap is niet te lezen")
    code = str(meta["activiteit"][0]).strip()
    niveau = _meta_level(meta["niveau"][0], fout)
    jaar = _meta_year(meta["jaar"][0], "jaar", fout)
    versie = _as_int(meta.get("layout_versie", (LAYOUT_VERSIE, 0))[0])
    if versie is not None and versie > LAYOUT_VERSIE:
        fout(
            f"versie {versie} is nieuwer dan deze versie van oi kent ({LAYOUT_VERSIE})",
            "layout_versie",
        )
    if fouten or niveau is None:
        raise DataFout(fouten, "Werkmap is niet te lezen")
    return code, niveau, jaar


def _as_int(waarde: Any) -> int | None:
    try:
        getal = parse_number(waarde)
    except GetalFout:
        return None
    return None if np.isnan(getal) or getal != int(getal) else int(getal)


def _meta_level(waarde: Any, fout: Any) -> Niveau | None:
    try:
        return Niveau(str(waarde).strip().lower())
    except ValueError:
        bekend = ", ".join(n.value for n in Niveau)
        fout(f"onbekend niveau '{waarde}' (kies uit {bekend})", "niveau")
        return None


def _meta_year(waarde: Any, sleutel: str, fout: Any) -> int:
    jaar = _as_int(waarde)
    if jaar is None or not 1900 <= jaar <= 2100:
        fout(f"'{waarde}' is geen jaartal", sleutel)
        return 0
    return jaar


def _check_columns(
    invoer: pd.DataFrame, activiteit: Activiteit | None, code: str
) -> list[Bevinding]:
    kolommen = [str(k).strip() for k in invoer.columns]
    fouten = [
        Bevinding("kolom ontbreekt", rij=1, kolom=k, blad=BLAD_INVOER)
        for k in (KOLOM_CODE,)
        if k not in kolommen
    ]
    if activiteit is not None and activiteit.code != code:
        fouten.append(
            Bevinding(
                f"de werkmap is van activiteit '{code}', niet van '{activiteit.code}'",
                kolom="Waarde",
                blad=BLAD_META,
            )
        )
    if activiteit is not None:
        fouten += [
            Bevinding(
                f"'{k}' is geen indicator van activiteit '{activiteit.code}'",
                rij=1,
                kolom=k,
                blad=BLAD_INVOER,
            )
            for k in _indicator_names(kolommen)
            if k not in activiteit.keten.codes()
        ]
    return fouten


def _indicator_names(kolommen: list[str]) -> list[str]:
    return [k for k in kolommen if k not in VASTE_KOLOMMEN and not k.startswith("Unnamed")]


def _tidy(
    invoer: pd.DataFrame,
    niveau: Niveau,
    jaar: int,
    meta: Mapping[str, tuple[Any, int]],
    indeling: Gebiedsindeling,
    getoond: Mapping[str, str],
) -> pd.DataFrame:
    """The tidy rows of the Invoer sheet; a problem names the column by the header shown
    (``getoond``: indicator code → header)."""
    invoer = invoer.rename(columns=lambda k: str(k).strip())
    indicatoren = _indicator_names(list(invoer.columns))
    fouten: list[Bevinding] = []
    jaren = {k: _indicator_year(meta, k, jaar, fouten) for k in indicatoren}
    rijen = []
    for rij, record in enumerate(invoer.to_dict("records"), start=2):
        waarden = {k: _cell_number(record[k], rij, getoond.get(k, k), fouten) for k in indicatoren}
        if is_empty(record[KOLOM_CODE]):
            if any(not np.isnan(v) for v in waarden.values()):
                fouten.append(
                    Bevinding("code ontbreekt", rij=rij, kolom=KOLOM_CODE, blad=BLAD_INVOER)
                )
            continue
        gebied = _resolve(record[KOLOM_CODE], niveau, indeling, rij, fouten)
        rijen += [
            {
                "gebied": gebied,
                "jaar": jaren[k],
                "indicator": k,
                "waarde": v,
                "niveau": niveau.value,
            }
            for k, v in waarden.items()
            if not np.isnan(v)
        ]
    if fouten:
        raise DataFout(fouten, "De werkmap bevat fouten")
    return pd.DataFrame(rijen, columns=["gebied", "jaar", "indicator", "waarde", "niveau"]).astype(
        {"gebied": str, "jaar": int, "indicator": str, "waarde": float, "niveau": str}
    )


def _indicator_year(
    meta: Mapping[str, tuple[Any, int]], code: str, standaard: int, fouten: list[Bevinding]
) -> int:
    sleutel = f"jaar:{code}"
    if sleutel not in meta:
        return standaard
    waarde, rij = meta[sleutel]
    jaar = _as_int(waarde)
    if jaar is None or not 1900 <= jaar <= 2100:
        fouten.append(
            Bevinding(
                f"{sleutel}: '{waarde}' is geen jaartal", rij=rij, kolom="Waarde", blad=BLAD_META
            )
        )
        return standaard
    return jaar


def _cell_number(waarde: Any, rij: int, kolom: str, fouten: list[Bevinding]) -> float:
    try:
        getal = parse_amount(waarde)
    except GetalFout as fout:
        fouten.append(Bevinding(str(fout), rij=rij, kolom=kolom, blad=BLAD_INVOER))
        return np.nan
    if np.isinf(getal):
        melding = f"'{waarde}' is te groot om mee te rekenen"
        fouten.append(Bevinding(melding, rij=rij, kolom=kolom, blad=BLAD_INVOER))
        return np.nan
    return getal


def _resolve(
    waarde: Any, niveau: Niveau, indeling: Gebiedsindeling, rij: int, fouten: list[Bevinding]
) -> str:
    tekst = str(waarde).strip()
    try:
        return indeling.resolve(tekst, niveau)
    except GebiedFout as fout:
        fouten.append(Bevinding(str(fout), rij=rij, kolom=KOLOM_CODE, blad=BLAD_INVOER))
        return tekst
