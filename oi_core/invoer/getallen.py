"""Reading numbers the way people and Excel write them: one parser, culture-aware.

Shared by the CLI (CSV/XLSX files), the data validation and the Excel functions, so a
value means the same everywhere:

- empty (``None``, ``""``, NaN) → NaN (a missing value, never 0);
- numbers stay numbers; ``True``/``False`` are refused (they are not amounts), and so are
  infinity and values beyond :data:`GROOTSTE_GETAL` (their sums and squares overflow);
- text is read in a :class:`Cultuur`: nl-NL ``"1.234,5"`` → 1234.5, ``"1.234"`` → 1234,
  ``"€ 1.234"`` → 1234, ``"−3"`` (U+2212) → −3; en-US ``"1,234.5"`` → 1234.5. The culture
  comes from Excel (Office.js ``culture_info_name``, or the classic add-in's
  ``Application.International``); without one (a CSV file) the decimal mark is sniffed
  per column, and a column whose marks can be read both ways (only ``"1.234"``-like
  values) is refused with the cell named;
- ``"47%"`` → 0.47, as Excel reads it; a column that mixes percentages and plain numbers
  is refused with the cell named;
- Excel error values (``#N/A``, ``#DEEL/0!``, ``#WAARDE!`` …) are refused with their name.

:func:`parse_column` reads a whole column at once with pandas string operations (no
Python loop per cell); :func:`parse_number` is the same rules for one value.
"""

from __future__ import annotations

import math
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

__all__ = [
    "EN_US",
    "EXCEL_FOUTWAARDEN",
    "GROOTSTE_GETAL",
    "NL_NL",
    "Cultuur",
    "GetalFout",
    "KolomFout",
    "cultuur",
    "cultuur_uit_excel",
    "formulas_without_value",
    "is_empty",
    "parse_amount",
    "parse_column",
    "parse_number",
    "refuse_formulas_without_value",
]

EXCEL_FOUTWAARDEN = frozenset({
    "#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!",
    "#GETTING_DATA", "#BUSY!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#UNKNOWN!",
    "#N/B", "#DEEL/0!", "#WAARDE!", "#VERW!", "#NAAM?", "#GETAL!", "#LEEG!", "#OVERLOOP!",
})  # fmt: skip

GROOTSTE_GETAL = 1e100
"""Largest magnitude accepted: sums of a million such values and their squares stay finite."""

_VALUTA = r"[€$£\s\u00a0\u202f']"
_EXP = r"(?:[eE][+-]?\d+)?"


class GetalFout(ValueError):
    """A value that is not a number; the message is Dutch and names the value."""


class KolomFout(GetalFout):
    """Cells of a column that are not numbers: ``fouten`` holds (position, message) pairs,
    positions counted from 0; the message of the exception is the first one."""

    def __init__(self, fouten: Sequence[tuple[int, str]]) -> None:
        self.fouten = tuple(fouten)
        super().__init__(self.fouten[0][1])


@dataclass(frozen=True)
class Cultuur:
    """How a culture writes numbers: decimal mark and thousands mark."""

    naam: str
    decimaal: str
    duizend: str

    @property
    def voorbeeld(self) -> str:
        return f"1{self.duizend}234{self.decimaal}5"


NL_NL = Cultuur("nl-NL", ",", ".")
EN_US = Cultuur("en-US", ".", ",")

_KOMMA_TALEN = frozenset({
    "nl", "de", "da", "es", "it", "pt", "id", "tr", "el", "ro", "hr", "sl", "sr", "bs", "is",
    "lt", "lv", "et", "ca", "gl", "eu", "vi", "az", "be", "bg", "cs", "fi", "fr", "hu", "kk",
    "ky", "mn", "nb", "nn", "no", "pl", "ru", "sk", "sq", "sv", "uk", "uz", "af",
})  # fmt: skip
"""Languages whose decimal mark is a comma (CLDR). A two-character table instead of a
locale library (Babel): no extra dependency for two characters."""
_SPATIE_TALEN = frozenset({
    "fr", "cs", "fi", "hu", "kk", "nb", "nn", "no", "pl", "ru", "sk", "sv", "uk", "bg", "et",
    "lv", "lt", "be", "sq", "af",
})  # fmt: skip
"""Comma-decimal languages that group thousands with a space, not a dot."""


def cultuur(naam: str | None) -> Cultuur | None:
    """The :class:`Cultuur` of an Office culture name (``nl-NL``, ``en-US``, ``de-CH``);
    ``None`` when unknown (then a column's decimal mark is sniffed)."""
    if not naam or not isinstance(naam, str):
        return None
    taal = naam.strip().split("-")[0].lower()
    if naam.strip().lower() in ("de-ch", "it-ch", "fr-ch"):
        return Cultuur(naam, ".", "'")
    if taal in _SPATIE_TALEN:
        return Cultuur(naam, ",", " ")
    if taal in _KOMMA_TALEN:
        return Cultuur(naam, ",", ".")
    if re.fullmatch(r"[a-z]{2,3}", taal):
        return Cultuur(naam, ".", ",")
    return None


def cultuur_uit_excel(app: Any) -> Cultuur | None:
    """The culture of the classic add-in's Excel: ``Application.International`` decimal
    (xlDecimalSeparator = 3) and thousands (xlThousandsSeparator = 4) separators."""
    try:
        decimaal, duizend = str(app.International(3)), str(app.International(4))
    except Exception:  # no Excel, or COM unavailable: sniff instead
        return None
    if decimaal not in (",", ".") or duizend == decimaal:
        return None
    return Cultuur("Excel", decimaal, duizend)


def is_empty(waarde: Any) -> bool:
    """``None``, an empty or blank string, or NaN."""
    if waarde is None:
        return True
    if isinstance(waarde, float):
        return math.isnan(waarde)
    if isinstance(waarde, str):
        return not waarde.strip()
    try:
        return bool(waarde != waarde)  # pandas NA / numpy NaN
    except (TypeError, ValueError):
        return False


# -- one value ------------------------------------------------------------------------------
def parse_number(waarde: Any, cultuur: Cultuur | None = None) -> float:
    """The float a cell or text means; NaN when empty. Raises :class:`GetalFout`."""
    if is_empty(waarde):
        return math.nan
    if isinstance(waarde, bool | np.bool_):
        raise GetalFout(f"'{waarde}' is een waar/onwaar-waarde, geen getal")
    if isinstance(waarde, int | float) or getattr(getattr(waarde, "dtype", None), "kind", "") in (
        "i",
        "u",
        "f",
    ):
        return _check_size(float(waarde), waarde)
    return float(parse_column([waarde], cultuur)[0])


def parse_amount(waarde: Any, cultuur: Cultuur | None = None) -> float:
    """Like :func:`parse_number`, for data tables whose percentages are in percent (47):
    text with a %-sign is refused, because Excel would read ``"47%"`` as 0,47."""
    if isinstance(waarde, str) and waarde.strip().endswith("%"):
        raise GetalFout(_ZONDER_PROCENT.format(waarde=waarde))
    return parse_number(waarde, cultuur)


_ZONDER_PROCENT = "'{waarde}': schrijf een percentage als getal in procenten (47), zonder %-teken"


def _check_size(getal: float, waarde: Any) -> float:
    if math.isnan(getal):
        return math.nan
    if not abs(getal) <= GROOTSTE_GETAL:
        raise GetalFout(_TE_GROOT.format(waarde=waarde))
    return getal


_TE_GROOT = "'{waarde}' is te groot of oneindig; een getal mag hoogstens 10^100 zijn"


# -- a column ----------------------------------------------------------------------------------
Procent = Literal["toestaan", "weigeren"]


def parse_column(
    waarden: Iterable[Any], cultuur: Cultuur | None = None, *, procent: Procent = "toestaan"
) -> np.ndarray:
    """Every cell of a column as a float (NaN for empty), read consistently.

    Raises :class:`KolomFout` listing every cell that is not a number, with its position.
    ``procent="weigeren"`` refuses ``"47%"`` (tables in percent, see :func:`parse_amount`).
    """
    lijst = waarden if isinstance(waarden, np.ndarray) else list(waarden)
    snel = _all_numbers(lijst)
    if snel is not None:
        return snel
    return _parse_cells(np.asarray(lijst, dtype=object), cultuur, procent)


def _parse_cells(cellen: np.ndarray, cultuur: Cultuur | None, procent: Procent) -> np.ndarray:
    """:func:`parse_column` cell by cell: every kind of cell, every mistake named."""
    reeks = pd.Series(cellen, dtype=object)
    uit = np.full(len(reeks), np.nan)
    fouten: dict[int, str] = {}
    soort = reeks.map(type)
    _read_numbers(reeks, soort, uit, fouten)
    tekst = reeks[soort.isin(_TEKST)].astype(str).str.strip()
    tekst = tekst[tekst != ""]
    if len(tekst):
        _read_texts(tekst, cultuur, procent, uit, fouten)
        if procent == "toestaan":
            _check_percent_mix(reeks, soort, tekst, fouten)
    if fouten:
        raise KolomFout(sorted(fouten.items()))
    return uit


def _all_numbers(cellen: Sequence[Any] | np.ndarray) -> np.ndarray | None:
    """The floats of a column of numbers and blanks (what Excel sends), in one step; ``None``
    when any cell is text, a boolean or out of range (then each cell is looked at).

    The kinds of cell are told by one set of types, so a list of JSON numbers goes
    straight into one float array (an empty cell becomes NaN)."""
    getallen = isinstance(cellen, np.ndarray) and cellen.dtype.kind in "fiu"
    if not getallen and not set(map(type, cellen)) <= _GETALCELLEN:
        return None
    try:
        x = np.array(cellen, dtype=float)  # a new array, never the caller's
    except OverflowError:  # an integer past the float range: named cell by cell
        return None
    with np.errstate(invalid="ignore"):
        if (np.abs(x) > GROOTSTE_GETAL).any():
            return None
    return x


_TEKST = (str, np.str_)
_GETAL = (float, int, np.float64, np.float32, np.int64, np.int32, np.int16, np.int8, np.uint8)
_BOOL = (bool, np.bool_)
_GETALCELLEN = frozenset((*_GETAL, type(None)))


def _read_numbers(
    reeks: pd.Series, soort: pd.Series, uit: np.ndarray, fouten: dict[int, str]
) -> None:
    getal = soort.isin(_GETAL).to_numpy()
    x = _floats(reeks[getal])
    uit[getal] = x
    groot = getal.copy()
    groot[getal] = ~(np.abs(x) <= GROOTSTE_GETAL) & ~np.isnan(x)
    uit[groot] = np.nan
    for i in np.flatnonzero(groot):
        fouten[int(i)] = _TE_GROOT.format(waarde=_show(reeks.iloc[i]))
    for i in np.flatnonzero(soort.isin(_BOOL).to_numpy()):
        fouten[int(i)] = f"'{_show(reeks.iloc[i])}' is een waar/onwaar-waarde, geen getal"
    anders = ~soort.isin(_GETAL + _BOOL + _TEKST + (type(None),)).to_numpy()
    anders &= ~reeks.isna().to_numpy()
    for i in np.flatnonzero(anders):
        fouten[int(i)] = f"'{_show(reeks.iloc[i])}' is geen getal"


def _floats(getallen: pd.Series) -> np.ndarray:
    """The numbers as floats; an integer past the float range (10^400) becomes infinite, so
    that it is named as too large like every other."""
    try:
        return getallen.to_numpy(dtype=float)
    except OverflowError:  # rare: only then number by number
        return np.array([_float(v) for v in getallen], dtype=float)


def _float(getal: Any) -> float:
    try:
        return float(getal)
    except OverflowError:
        return math.inf if getal > 0 else -math.inf


def _show(waarde: Any) -> str:
    if waarde is True or waarde is False:
        return "WAAR" if waarde else "ONWAAR"
    tekst = str(waarde)
    if isinstance(waarde, int) and len(tekst) > 24:  # 10^400: not all 401 digits
        return f"{tekst[:8]}… ({len(tekst.lstrip('-'))} cijfers)"
    return tekst


def _read_texts(
    tekst: pd.Series,
    cultuur: Cultuur | None,
    procent: Procent,
    uit: np.ndarray,
    fouten: dict[int, str],
) -> None:
    groot = tekst.str.upper()
    teken = groot.str[-1].isin(["!", "?"])
    fout = groot.isin(EXCEL_FOUTWAARDEN) | (groot.str.startswith("#") & teken)
    for i, v in zip(tekst.index[fout], tekst[fout], strict=True):
        fouten[int(i)] = f"Excel-foutwaarde {v} in plaats van een getal"
    tekst = tekst[~fout]
    is_procent = tekst.str.endswith("%")
    if procent == "weigeren":
        for i, v in zip(tekst.index[is_procent], tekst[is_procent], strict=True):
            fouten[int(i)] = _ZONDER_PROCENT.format(waarde=v)
        tekst = tekst[~is_procent]
        is_procent = is_procent[~is_procent]
    kern = (
        tekst.str.rstrip("%")
        .str.replace(_VALUTA, "", regex=True)
        .str.replace("\u2212", "-", regex=False)
        .str.replace("\u2013", "-", regex=False)
    )
    notatie = cultuur or _sniff(kern, fouten)
    if notatie is None:
        return
    getallen = _convert(kern, notatie, fouten, tekst)
    getallen = getallen.where(~is_procent, getallen / 100.0)
    _store(getallen, tekst, uit, fouten)


def _store(getallen: pd.Series, tekst: pd.Series, uit: np.ndarray, fouten: dict[int, str]) -> None:
    x = getallen.to_numpy(dtype=float)
    goed = np.abs(x) <= GROOTSTE_GETAL
    plek = getallen.index.to_numpy()
    uit[plek[goed]] = x[goed]
    for i in plek[~goed & ~np.isnan(x)]:
        fouten.setdefault(int(i), _TE_GROOT.format(waarde=tekst[i]))


def _grouped(scheiding: str) -> str:
    s = re.escape(scheiding)
    return rf"[+-]?[1-9]\d{{0,2}}(?:{s}\d{{3}})+"


def _convert(
    kern: pd.Series, notatie: Cultuur, fouten: dict[int, str], tekst: pd.Series
) -> pd.Series:
    """Text in ``notatie`` to floats; text that is not a number in it is reported."""
    d, t = re.escape(notatie.decimaal), notatie.duizend
    groep = _grouped(t) if t.strip() else r"[+-]?[1-9]\d{0,2}(?:\d{3})+"
    patroon = rf"^(?:{groep}|[+-]?\d+)(?:{d}\d*)?{_EXP}$|^[+-]?{d}\d+{_EXP}$"
    if not t.strip():  # a space as thousands mark was already removed with the spaces
        patroon = rf"^[+-]?(?:\d+(?:{d}\d*)?|{d}\d+){_EXP}$"
    geldig = kern.str.match(patroon)
    for i in kern.index[~geldig]:
        fouten.setdefault(
            int(i),
            f"'{tekst[i]}' is geen getal in de notatie {notatie.naam} ({notatie.voorbeeld})"
            if _looks_numeric(kern[i])
            else f"'{tekst[i]}' is geen getal",
        )
    schoon = kern[geldig]
    if t.strip():
        schoon = schoon.str.replace(t, "", regex=False)
    schoon = schoon.str.replace(notatie.decimaal, ".", regex=False)
    return pd.to_numeric(schoon, errors="coerce").astype(float)


def _looks_numeric(kern: str) -> bool:
    return bool(re.fullmatch(r"[+-]?[\d.,]+" + _EXP, kern))


_PUNT = Cultuur("punt als decimaalteken", ".", ",")
_KOMMA = Cultuur("komma als decimaalteken", ",", ".")


def _sniff(kern: pd.Series, fouten: dict[int, str]) -> Cultuur | None:
    """The decimal mark of a column without a culture: the evidence of its values.

    ``"7,2"`` or ``"1.234,5"`` say comma, ``"2.5"`` or ``"1,234.5"`` say dot; a column with
    both is refused at the first cell that disagrees with the column's first evidence, and
    so is a column whose only marks are thousands-like (``"1.234"``: 1234 or 1,234?).
    """
    komma = kern.str.contains(_KOMMA_BEWIJS, regex=True) | (kern.str.count(r"\.") > 1)
    punt = kern.str.contains(_PUNT_BEWIJS, regex=True) | (kern.str.count(",") > 1)
    beide = komma & punt  # one cell that reads neither way ("7,2,1")
    for i in kern.index[beide]:
        fouten[int(i)] = f"'{kern[i]}' is geen getal"
    komma, punt = komma & ~beide, punt & ~beide
    if komma.any() and punt.any():
        eerst_komma = kern.index[komma][0] < kern.index[punt][0]
        ander = kern.index[punt if eerst_komma else komma][0]
        fouten[int(ander)] = (
            f"'{kern[ander]}' gebruikt een ander decimaalteken dan de rest van de kolom; "
            "schrijf alle getallen op dezelfde manier (1.234,5 of 1234,5)"
        )
        return _KOMMA if eerst_komma else _PUNT
    if komma.any() or punt.any():
        return _KOMMA if komma.any() else _PUNT
    dubbelzinnig = kern.str.contains(r"^[+-]?[1-9]\d{0,2}[.,]\d{3}$", regex=True)
    if not dubbelzinnig.any():
        return _KOMMA
    i = kern.index[dubbelzinnig][0]
    v = str(kern[i])
    fouten[int(i)] = (
        f"'{v}' kan {re.sub('[.,]', '', v)} of {v.replace('.', ',')} (met decimalen) "
        "betekenen; schrijf het getal zonder scheidingsteken voor duizendtallen (1234), of "
        "gebruik in de kolom ook een getal met decimalen"
    )
    return None


_KOMMA_BEWIJS = r"\d,\d{0,2}$|\d,\d{4,}|\d{4,},\d|\.\d{3},\d|^[+-]?0,\d|^[+-]?,\d|\d,\d+[eE]"
_PUNT_BEWIJS = r"\d\.\d{0,2}$|\d\.\d{4,}|\d{4,}\.\d|,\d{3}\.\d|^[+-]?0\.\d|^[+-]?\.\d|\d\.\d+[eE]"


def _check_percent_mix(
    reeks: pd.Series, soort: pd.Series, tekst: pd.Series, fouten: dict[int, str]
) -> None:
    """A column is all percentages or all plain numbers; name the first cell of the minority."""
    is_procent = tekst.str.endswith("%")
    if not is_procent.any():
        return
    getal = reeks[soort.isin(_GETAL).to_numpy()].dropna()
    gewoon = pd.concat([getal, tekst[~is_procent]]).sort_index()
    if gewoon.empty:
        return
    procent = tekst[is_procent]
    if len(procent) <= len(gewoon):
        i = int(procent.index[0])
        melding = (
            f"'{procent.iloc[0]}' is een percentage in een kolom met gewone getallen (zoals "
            f"'{_show(gewoon.iloc[0])}'); schrijf de hele kolom op dezelfde manier"
        )
    else:
        i = int(gewoon.index[0])
        melding = (
            f"'{_show(gewoon.iloc[0])}' staat zonder %-teken in een kolom met percentages "
            f"(zoals '{procent.iloc[0]}'); schrijf de hele kolom op dezelfde manier"
        )
    fouten.setdefault(i, melding)


# -- formula cells -----------------------------------------------------------------------------
_CEL = re.compile(rb"<c\b([^>]*)>(.*?)</c>", re.S)
_REF = re.compile(rb'\br="([A-Z]+\d+)"')
_WAARDE = re.compile(rb"<v>[^<]+</v>")  # openpyxl writes <v /> for "not calculated"
_BLAD = re.compile(rb"<sheet\b[^>]*>")
_DOEL = re.compile(rb"<Relationship\b[^>]*>")


def _attribute(tag: bytes, naam: bytes) -> str:
    gevonden = re.search(rb"\s" + naam + rb'="([^"]*)"', tag)
    return gevonden.group(1).decode("utf-8") if gevonden else ""


def formulas_without_value(pad: str | Path, blad: str) -> list[str]:
    """Addresses of formula cells in sheet ``blad`` of an ``.xlsx`` without a cached value.

    Such a workbook was written by a program that does not calculate (openpyxl, a script):
    calamine reads the cell as empty, a silently missing number. An empty value (``<v/>``,
    what openpyxl writes) counts as none. ``blad`` is the sheet's name or its part in the
    zip (``xl/worksheets/sheet1.xml``).
    """
    with zipfile.ZipFile(pad) as z:
        deel = blad if blad in z.namelist() else _sheet_part(z, blad)
        data = z.read(deel) if deel else b""
    uit = []
    for kop, inhoud in _CEL.findall(data):
        if b"<f" in inhoud and not _WAARDE.search(inhoud):
            ref = _REF.search(kop)
            uit.append(ref.group(1).decode() if ref else "?")
    return uit


def _sheet_part(z: zipfile.ZipFile, blad: str) -> str | None:
    """The zip part of a sheet by name, via ``xl/workbook.xml`` and its relationships."""
    try:
        boek, rels = z.read("xl/workbook.xml"), z.read("xl/_rels/workbook.xml.rels")
    except KeyError:
        return None
    ids = {_attribute(t, b"name"): _attribute(t, b"r:id") for t in _BLAD.findall(boek)}
    doelen = {_attribute(t, b"Id"): _attribute(t, b"Target") for t in _DOEL.findall(rels)}
    doel = doelen.get(ids[blad]) if blad in ids else None
    if doel is None:
        return None
    return doel.lstrip("/") if doel.startswith("/") else f"xl/{doel}"


def refuse_formulas_without_value(pad: str | Path, bladen: Iterable[str]) -> None:
    """Raise a :class:`~oi_core.errors.DataFout` naming every formula cell of ``bladen``
    without a cached value ("open en bewaar de werkmap in Excel"); other files pass."""
    from oi_core.errors import Bevinding, DataFout

    if not zipfile.is_zipfile(pad):
        return
    fouten = [
        Bevinding(
            f"cel {cel} is een formule zonder bewaarde uitkomst; open en bewaar de werkmap "
            "in Excel (dan rekent Excel de formules uit)",
            blad=blad,
        )
        for blad in bladen
        for cel in formulas_without_value(pad, blad)
    ]
    if fouten:
        raise DataFout(fouten, f"Werkmap '{Path(pad).name}' heeft formules zonder uitkomst")
