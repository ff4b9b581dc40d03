"""Reading users' CSV and Excel files, and writing files without ever losing one.

Workbooks are read with pandas' ``calamine`` engine: fast, and immune to XML entity
tricks. CSV files may use ``,``, ``;`` or a tab and Dutch decimal commas; every cell is
read as text and converted by :func:`~oi_core.invoer.parse_number` where a number is
expected. Writing goes to a temporary file in the same folder and is then renamed, so
a crash never leaves half a file; an existing file is only replaced when asked.
"""

from __future__ import annotations

import csv
import importlib.util
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from oi_core.errors import Bevinding, DataFout, InvoerFout
from oi_core.invoer.getallen import KolomFout, parse_column
from oi_core.weergave.cellen import XLSX_OPTIES, csv_frame, sheet_name

__all__ = ["free_path", "numbers_column", "read_table", "write_atomic", "write_table"]

EXCEL_EXTENSIES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")


def read_table(pad: str | Path, blad: str | int | None = None) -> pd.DataFrame:
    """A table from a CSV or workbook; cells as text (CSV) or as Excel stored them."""
    pad = Path(pad)
    if not pad.is_file():
        raise InvoerFout(f"bestand '{pad}' bestaat niet", argument=str(pad))
    if pad.suffix.lower() in EXCEL_EXTENSIES:
        return _read_workbook(pad, blad)
    if pad.suffix.lower() in (".csv", ".txt", ".tsv"):
        return _read_csv(pad)
    raise InvoerFout(
        f"'{pad.name}': alleen CSV- en Excel-bestanden worden gelezen", argument=str(pad)
    )


def _read_workbook(pad: Path, blad: str | int | None) -> pd.DataFrame:
    try:
        return pd.read_excel(pad, sheet_name=0 if blad is None else blad, engine="calamine")
    except ValueError as fout:
        raise InvoerFout(f"'{pad.name}': {fout}", argument="blad") from fout
    except Exception as fout:  # calamine raises its own types for corrupt files
        raise InvoerFout(
            f"'{pad.name}' is geen leesbare werkmap ({fout})", argument=str(pad)
        ) from fout


def _read_csv(pad: Path) -> pd.DataFrame:
    codering = _encoding(pad)
    scheiding = _delimiter(pad.read_text(encoding=codering))
    return pd.read_csv(
        pad, sep=scheiding, dtype=str, keep_default_na=False, na_values=[""], encoding=codering
    )


def _encoding(pad: Path) -> str:
    """UTF-8 (with or without BOM), else cp1252: what Dutch Excel saves as "CSV"."""
    try:
        pad.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8-sig"


def _delimiter(tekst: str) -> str:
    """The separator of the header line: the one of ``;``, tab and ``,`` that splits it into
    the most fields (quotes respected), so a quoted name with commas in a ``;`` file does not
    mislead; the sniffer decides only when the header has none of them."""
    kop = next((regel for regel in tekst.splitlines() if regel.strip()), "")
    velden = {s: len(next(csv.reader([kop], delimiter=s), [])) for s in (";", "\t", ",")}
    beste = max(velden, key=lambda s: velden[s])
    if velden[beste] > 1:
        return beste
    try:
        return csv.Sniffer().sniff(tekst[:4096], delimiters=",;\t").delimiter
    except csv.Error:
        return ","


def numbers_column(df: pd.DataFrame, kolom: str, *, blad: str | None = None) -> pd.Series:
    """A column as floats; each cell that is not a number is reported with its row.

    Rows are numbered as a spreadsheet shows them: the header is row 1.
    """
    if kolom not in df.columns:
        bekend = ", ".join(map(str, df.columns))
        raise DataFout([Bevinding(f"kolom ontbreekt (wel: {bekend})", kolom=kolom, blad=blad)])
    try:  # the whole column at once: its decimal mark is sniffed from all its cells
        uit = parse_column(df[kolom].to_numpy(dtype=object))
    except KolomFout as fout:
        raise DataFout(
            [Bevinding(m, rij=i + 2, kolom=kolom, blad=blad) for i, m in fout.fouten],
            "Niet elke waarde is een getal",
        ) from None
    return pd.Series(uit, index=df.index, name=kolom, dtype=float)


def _pick(df: pd.DataFrame, gevraagd: str | None, voorkeur: str, gebied: str) -> str:
    if gevraagd is not None:
        return gevraagd
    namen = {str(k).strip().lower(): str(k) for k in df.columns}
    if voorkeur in namen:
        return namen[voorkeur]
    over = [str(k) for k in df.columns if str(k) != gebied]
    if len(over) == 1:
        return over[0]
    raise InvoerFout(
        f"welke kolom is de {voorkeur}? Kies met --{voorkeur}-kolom uit: {', '.join(over)}",
        argument=f"{voorkeur}-kolom",
    )


def read_labelled(
    pad: str | Path,
    waarde: str,
    *,
    gebied_kolom: str | None = None,
    waarde_kolom: str | None = None,
    blad: str | None = None,
) -> tuple[pd.Series, list[str]]:
    """Values from a file keyed by its area column, plus the area labels as written.

    The area column is ``gebied_kolom`` or the first column; the value column is
    ``waarde_kolom``, else the column named ``waarde`` (e.g. ``inzet``), else the only
    other column.
    """
    df = read_table(pad, blad)
    gebied = gebied_kolom or str(df.columns[0])
    if gebied not in df.columns:
        raise DataFout([Bevinding("kolom ontbreekt", kolom=gebied, blad=Path(pad).name)])
    kolom = _pick(df, waarde_kolom, waarde, gebied)
    getallen = numbers_column(df, kolom, blad=Path(pad).name)
    labels = ["" if pd.isna(g) else str(g).strip() for g in df[gebied]]
    return pd.Series(
        getallen.to_numpy(), index=pd.Index(labels, name="gebied"), name=waarde
    ), labels


def free_path(pad: Path) -> Path:
    """``pad`` if it does not exist, else the first free ``naam (2).ext``, ``naam (3).ext`` …"""
    if not pad.exists():
        return pad
    for n in range(2, 1000):
        kandidaat = pad.with_name(f"{pad.stem} ({n}){pad.suffix}")
        if not kandidaat.exists():
            return kandidaat
    raise InvoerFout(f"geen vrije bestandsnaam naast '{pad}'", argument=str(pad))


def write_atomic(
    pad: str | Path, schrijf: Callable[[Path], None], *, overschrijf: bool = False
) -> Path:
    """Write through ``schrijf(tijdelijk_pad)`` and rename into place.

    Refuses an existing ``pad`` unless ``overschrijf``; the temporary file is removed if
    ``schrijf`` fails, so the old file (if any) stays as it was.
    """
    pad = Path(pad)
    if pad.exists() and not overschrijf:
        raise InvoerFout(
            f"'{pad}' bestaat al; kies een andere naam of gebruik --overschrijf", argument="uitvoer"
        )
    pad.parent.mkdir(parents=True, exist_ok=True)
    fd, tijdelijk = tempfile.mkstemp(prefix=f".{pad.stem}-", suffix=pad.suffix, dir=pad.parent)
    os.close(fd)
    try:
        schrijf(Path(tijdelijk))
        os.chmod(tijdelijk, _mode(pad))  # mkstemp makes the file private (0600)
        os.replace(tijdelijk, pad)
    except BaseException:
        Path(tijdelijk).unlink(missing_ok=True)
        raise
    return pad


def _mode(pad: Path) -> int:
    """The mode of the file being replaced, else a new file's mode under the umask."""
    if pad.exists():
        return pad.stat().st_mode & 0o777
    huidig = os.umask(0o022)
    os.umask(huidig)
    return 0o666 & ~huidig


def write_table(
    df: pd.DataFrame, pad: str | Path, *, overschrijf: bool = False, blad: str = "Resultaat"
) -> Path:
    """Write a table as CSV (``;`` and decimal comma, as Dutch Excel expects) or XLSX.

    Text stays text (:mod:`oi_core.weergave.cellen`): in a workbook every text is a string
    cell, in a CSV a text that would be read as a formula gets a leading ``'``; the sheet
    name ``blad`` is made safe.
    """
    pad = Path(pad)
    if pad.suffix.lower() == ".xlsx":
        _require_xlsxwriter(pad)
        return write_atomic(pad, lambda p: _write_xlsx(df, p, blad), overschrijf=overschrijf)
    if pad.suffix.lower() == ".csv":
        return write_atomic(
            pad,
            lambda p: _write_csv(df, p),
            overschrijf=overschrijf,
        )
    raise InvoerFout(f"'{pad.name}': kies .csv of .xlsx", argument="uitvoer")


def _write_csv(df: pd.DataFrame, pad: Path) -> None:
    """``;``, decimal comma and Excel's line ends; a field with a line break is quoted, so a
    carriage return inside a text does not start a row."""
    csv_frame(df).to_csv(pad, sep=";", decimal=",", encoding="utf-8-sig", lineterminator="\r\n")


def _require_xlsxwriter(pad: Path) -> None:
    """oi-core itself writes no workbooks: ``.xlsx`` needs xlsxwriter (oi-excel, oi-rapport)."""
    if importlib.util.find_spec("xlsxwriter") is None:
        raise InvoerFout(
            f"'{pad.name}': voor een .xlsx-bestand is het pakket xlsxwriter nodig; dat komt "
            "mee met oi-excel of oi-rapport. Installeer een van die twee, of kies .csv.",
            argument="uitvoer",
        )


def _write_xlsx(df: pd.DataFrame, pad: Path, blad: str) -> None:
    blad = sheet_name(blad)
    opties = {"options": XLSX_OPTIES}
    with pd.ExcelWriter(pad, engine="xlsxwriter", engine_kwargs=opties) as schrijver:
        df.to_excel(schrijver, sheet_name=blad)
        werkblad = schrijver.sheets[blad]
        werkblad.freeze_panes(1, 1)
        werkblad.set_column(0, len(df.columns), 18)
