"""Reading users' CSV and Excel files, and writing files without ever losing one.

Workbooks are read with pandas' ``calamine`` engine: fast, and immune to XML entity
tricks. CSV files may use ``,``, ``;`` or a tab and Dutch decimal commas; every cell is
read as text and converted by :func:`~oi_core.invoer.parse_number` where a number is
expected. Writing goes to a temporary file in the same folder and is then renamed, so
a crash never leaves half a file; an existing file is only replaced when asked.

Limits (:data:`LIMIETEN`) are checked before a reader allocates anything: a file larger
than ``bestand`` bytes, a CSV with more than ``rijen`` rows or ``kolommen`` columns, and a
workbook whose parts unpack to more than ``uitgepakt`` bytes or whose sheets reach beyond
``rijen`` rows or ``kolommen`` columns are refused with a Dutch message. A workbook (a zip
file) is checked with :mod:`zipfile` first: the declared sizes, then the parts themselves,
unpacked in small pieces and counted, so a zip bomb is refused at the limit, with the
memory of one piece. A workbook protected with a password (an OLE container with an
``EncryptedPackage``) is named as such.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import os
import signal
import warnings
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from glob import escape as glob_escape
from pathlib import Path
from typing import NoReturn

import pandas as pd

from oi_core.errors import Bevinding, DataFout, InvoerFout
from oi_core.invoer.getallen import KolomFout, parse_column
from oi_core.invoer.omvang import XlsbCounter, biff_extent, counter_for, workbook_stream
from oi_core.weergave.cellen import XLSX_OPTIES, csv_frame, sheet_name

__all__ = [
    "LIMIETEN",
    "Limieten",
    "check_workbook",
    "free_path",
    "numbers_column",
    "read_table",
    "recover",
    "write_atomic",
    "write_pair",
    "write_table",
]

EXCEL_EXTENSIES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
_ZIP_EXTENSIES = (".xlsx", ".xlsm", ".xlsb", ".ods")


@dataclass(frozen=True)
class Limieten:
    """The largest input the readers accept (a table of Amsterdam's 518 buurten, years and
    indicators is far below each)."""

    bestand: int = 50 * 2**20
    """Bytes of a CSV or workbook file on disk."""
    uitgepakt: int = 200 * 2**20
    """Bytes of all parts of a workbook together, unpacked."""
    rijen: int = 500_000
    """Rows of a CSV file or a sheet."""
    kolommen: int = 1_000
    """Columns of a CSV file or a sheet."""
    cellen: int = 5_000_000
    """Cells of a sheet: its furthest row × its furthest column (the range a reader fills)."""


LIMIETEN = Limieten()
_MB = 2**20


def read_table(pad: str | Path, blad: str | int | None = None) -> pd.DataFrame:
    """A table from a CSV or workbook; cells as text (CSV) or as Excel stored them."""
    pad = Path(pad)
    if not pad.is_file():
        raise InvoerFout(f"bestand '{pad}' bestaat niet", argument=str(pad))
    if pad.suffix.lower() in EXCEL_EXTENSIES:
        check_workbook(pad)
        return _read_workbook(pad, blad)
    if pad.suffix.lower() in (".csv", ".txt", ".tsv"):
        _check_size(pad)
        return _read_csv(pad)
    raise InvoerFout(
        f"'{pad.name}': alleen CSV- en Excel-bestanden worden gelezen", argument=str(pad)
    )


def _read_workbook(pad: Path, blad: str | int | None) -> pd.DataFrame:
    try:
        return pd.read_excel(
            pad,
            sheet_name=0 if blad is None else blad,
            engine="calamine",
            keep_default_na=False,  # "NA" (Oostzanerwerf) and "N/A" are texts; blank is missing
            na_values=[""],
        )
    except ValueError as fout:
        raise InvoerFout(f"'{pad.name}': {fout}", argument="blad") from fout
    except Exception as fout:  # calamine raises its own types for corrupt files
        raise InvoerFout(
            f"'{pad.name}' is geen leesbare werkmap ({fout})", argument=str(pad)
        ) from fout


def _read_csv(pad: Path) -> pd.DataFrame:
    codering = _encoding(pad)
    try:
        tekst = pad.read_text(encoding=codering)
    except UnicodeDecodeError as fout:
        raise InvoerFout(
            f"'{pad.name}' bevat tekens die geen tekst zijn (byte {fout.start + 1}); is het wel "
            "een CSV-bestand? Bewaar het in Excel als 'CSV UTF-8'",
            argument=str(pad),
        ) from fout
    if not tekst.strip():
        raise InvoerFout(f"'{pad.name}' is leeg: er staat geen kopregel in", argument=str(pad))
    scheiding = _delimiter(tekst)
    _check_shape(pad, tekst, scheiding)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", pd.errors.ParserWarning)
            return pd.read_csv(
                io.StringIO(tekst),
                sep=scheiding,
                dtype=str,
                keep_default_na=False,
                na_values=[""],
                index_col=False,  # a row with more fields than the header is an error, below
            )
    except (pd.errors.ParserWarning, pd.errors.ParserError) as fout:
        if "fields" not in str(fout) and "header" not in str(fout):
            raise _invalid_csv(pad) from fout
        raise InvoerFout(
            f"'{pad.name}', rij {_wide_row(tekst, scheiding)}: meer velden dan de kopregel "
            "heeft kolommen; staat er een scheidingsteken te veel?",
            argument=str(pad),
        ) from fout
    except pd.errors.EmptyDataError as fout:
        raise _invalid_csv(pad) from fout


def _invalid_csv(pad: Path) -> InvoerFout:
    return InvoerFout(
        f"'{pad.name}' is geen geldig CSV-bestand; staat er ergens een aanhalingsteken (\") "
        "zonder het tweede?",
        argument=str(pad),
    )


def _wide_row(tekst: str, scheiding: str) -> int:
    """The first row (as a spreadsheet numbers it) with more fields than the header."""
    rijen = csv.reader(io.StringIO(tekst), delimiter=scheiding)
    breedte = len(next(rijen, []))
    return next((n for n, rij in enumerate(rijen, start=2) if len(rij) > breedte), 2)


def _check_shape(pad: Path, tekst: str, scheiding: str) -> None:
    """Rows and columns of a CSV within :data:`LIMIETEN`, counted before pandas parses it."""
    rijen = tekst.count("\n")
    kop = next((regel for regel in tekst.splitlines() if regel.strip()), "")
    kolommen = len(next(csv.reader([kop], delimiter=scheiding), []))
    if rijen > LIMIETEN.rijen or kolommen > LIMIETEN.kolommen:
        raise InvoerFout(
            f"'{pad.name}' heeft {rijen:,} rijen en {kolommen:,} kolommen; er worden hoogstens "
            f"{LIMIETEN.rijen:,} rijen en {LIMIETEN.kolommen:,} kolommen gelezen. Splits het "
            "bestand of laat overbodige rijen en kolommen weg.".replace(",", "."),
            argument=str(pad),
        )


def _check_size(pad: Path) -> None:
    grootte = pad.stat().st_size
    if grootte > LIMIETEN.bestand:
        raise InvoerFout(
            f"'{pad.name}' is {grootte / _MB:.0f} MB; er worden bestanden tot "
            f"{LIMIETEN.bestand / _MB:.0f} MB gelezen",
            argument=str(pad),
        )


# -- workbooks: checked before calamine opens them -------------------------------------------
_OLE = bytes.fromhex("D0CF11E0A1B11AE1")
_VERSLEUTELD = "EncryptedPackage".encode("utf-16-le")
_STUK = 2**20


def check_workbook(pad: str | Path) -> None:
    """Refuse a workbook beyond :data:`LIMIETEN`, protected with a password, or not a
    workbook at all, before any reader allocates memory for it."""
    pad = Path(pad)
    _check_size(pad)
    with pad.open("rb") as f:
        begin = f.read(8)
    if begin == _OLE:
        _check_ole(pad)
    elif pad.suffix.lower() in _ZIP_EXTENSIES:
        if not zipfile.is_zipfile(pad):
            raise InvoerFout(
                f"'{pad.name}' is geen werkmap (geen {pad.suffix}-bestand van Excel of "
                "LibreOffice); open en bewaar het opnieuw als werkmap",
                argument=str(pad),
            )
        _check_zip(pad)


def _check_ole(pad: Path) -> None:
    """An OLE container is an old ``.xls`` (readable unless it has a password) or an
    encrypted ``.xlsx`` (an ``EncryptedPackage``)."""
    data = pad.read_bytes()
    stroom = workbook_stream(data)
    omvang = biff_extent(stroom) if stroom is not None else None
    if _VERSLEUTELD in data or (omvang is not None and omvang.versleuteld):
        _refuse_password(pad)
    if omvang is not None:
        _refuse_extent(pad, omvang.rijen, omvang.kolommen)


def _refuse_password(pad: Path) -> NoReturn:
    raise InvoerFout(
        f"'{pad.name}' is beveiligd met een wachtwoord en kan niet worden gelezen. Open de "
        "werkmap in Excel, haal het wachtwoord weg (Bestand › Info › Werkmap beveiligen) en "
        "bewaar hem opnieuw.",
        argument=str(pad),
    )


def _check_zip(pad: Path) -> None:
    """Declared sizes first, then every part unpacked piece by piece and counted."""
    try:
        with zipfile.ZipFile(pad) as zf:
            delen = zf.infolist()
            _refuse_unpacked(pad, sum(d.file_size for d in delen))
            totaal = 0
            for deel in delen:
                totaal = _unpack_counted(pad, zf, deel, totaal)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError) as fout:
        raise InvoerFout(
            f"'{pad.name}' is een beschadigde werkmap ({fout})", argument=str(pad)
        ) from fout


def _unpack_counted(pad: Path, zf: zipfile.ZipFile, deel: zipfile.ZipInfo, totaal: int) -> int:
    teller = counter_for(deel.filename)
    with zf.open(deel) as f:
        while stuk := f.read(_STUK):
            totaal += len(stuk)
            _refuse_unpacked(pad, totaal)
            if teller is not None:
                teller.feed(stuk)
    if teller is not None:
        _refuse_extent(pad, teller.rijen, teller.kolommen)
    if isinstance(teller, XlsbCounter) and teller.kort:
        raise InvoerFout(
            f"'{pad.name}' is een .xlsb-bestand dat niet door Excel is gemaakt (het schrijft "
            "cellen in een korte vorm die niet goed wordt gelezen: kolommen zouden ontbreken). "
            "Open het in Excel of LibreOffice en bewaar het als .xlsx.",
            argument=str(pad),
        )
    return totaal


def _refuse_extent(pad: Path, rijen: int, kolommen: int) -> None:
    """A sheet reaching beyond the rows, columns or cells of :data:`LIMIETEN`."""
    if rijen > LIMIETEN.rijen or kolommen > LIMIETEN.kolommen:
        grens = f"{LIMIETEN.rijen:,} rijen en {LIMIETEN.kolommen:,} kolommen"
    elif rijen * kolommen > LIMIETEN.cellen:
        grens = f"{LIMIETEN.cellen:,} cellen (rijen × kolommen)"
    else:
        return
    raise InvoerFout(
        f"'{pad.name}': een werkblad loopt tot rij {rijen:,} en kolom {kolommen:,}; er "
        f"worden hoogstens {grens} gelezen. Wis de cellen buiten de tabel.".replace(",", "."),
        argument=str(pad),
    )


def _refuse_unpacked(pad: Path, grootte: int) -> None:
    if grootte > LIMIETEN.uitgepakt:
        raise InvoerFout(
            f"'{pad.name}' is uitgepakt groter dan {LIMIETEN.uitgepakt / _MB:.0f} MB en wordt "
            "niet gelezen (een werkmap met eigen gegevens is veel kleiner; staat er iets anders "
            "in, zoals afbeeldingen of een heel groot werkblad?)",
            argument=str(pad),
        )


def _encoding(pad: Path) -> str:
    """UTF-16 with its BOM ("Unicode-tekst"), UTF-8 (with or without BOM), else cp1252: what
    Dutch Excel saves as "CSV"."""
    with pad.open("rb") as f:
        if f.read(2) in (b"\xff\xfe", b"\xfe\xff"):
            return "utf-16"
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
    leeg = [Bevinding("gebied ontbreekt", rij=i, kolom=gebied, blad=Path(pad).name)
            for i, label in enumerate(labels, start=2) if not label]  # fmt: skip
    if leeg:
        raise DataFout(leeg, "Elke rij met een getal heeft een gebied nodig")
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
    ``schrijf`` fails, so the old file (if any) stays as it was. The temporary file is
    flushed to disk before the rename. One left by a killed process
    (``.<naam>.<pid>.oi-tmp``) is removed by the next write to the same name.
    """
    pad = Path(pad)
    if pad.is_dir():
        raise InvoerFout(
            f"'{pad}' is een map, geen bestand; kies een andere bestandsnaam", argument="uitvoer"
        )
    if pad.exists() and not overschrijf:
        raise InvoerFout(
            f"'{pad}' bestaat al; kies een andere naam of gebruik --overschrijf", argument="uitvoer"
        )
    pad.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale(pad)
    tijdelijk = _temporary(pad)
    os.close(os.open(tijdelijk, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
    try:
        schrijf(Path(tijdelijk))
        os.chmod(tijdelijk, _mode(pad))  # created private (0600)
        _fsync(Path(tijdelijk))  # on disk before the rename makes it the file
        os.replace(tijdelijk, pad)
        _fsync(pad.parent)
    except BaseException:
        Path(tijdelijk).unlink(missing_ok=True)
        raise
    return pad


def _fsync(pad: Path) -> None:
    """Flush a file or folder to disk (a folder: its entries, so a rename survives a crash)."""
    fd = os.open(pad, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


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


# -- writing a pair of files (the report) --------------------------------------------------
TIJDELIJK = ".oi-tmp"
JOURNAAL = ".oi-paar"


def write_pair(bestanden: dict[Path, bytes], *, overschrijf: bool = False) -> None:
    """Write the files (all in one folder) so that either all new or all old ones remain,
    after a kill too (see the module's description; :func:`recover` completes or undoes).

    An existing file is only replaced with ``overschrijf``; otherwise nothing is written.
    """
    paden = list(bestanden)
    bestaand = [p for p in paden if p.exists()]
    if bestaand and not overschrijf:
        raise InvoerFout(
            f"'{bestaand[0]}' bestaat al; kies een andere naam of gebruik --overschrijf",
            argument="uitvoer",
        )
    for p in paden:
        if p.is_dir():
            raise InvoerFout(f"'{p}' is een map; kies een andere naam", argument="uitvoer")
    map_ = paden[0].parent
    map_.mkdir(parents=True, exist_ok=True)
    paren = [(_temporary(p), p) for p in paden]
    try:
        for (tijdelijk, doel), inhoud in zip(paren, bestanden.values(), strict=True):
            _write_synced(tijdelijk, inhoud, _mode(doel))
            _test_point(f"tijdelijk:{doel.suffix}")
        journaal = map_ / f".{paden[0].stem}.{os.getpid()}{JOURNAAL}"
        _write_synced(journaal, json.dumps([[str(t), str(d)] for t, d in paren]).encode(), 0o600)
        _fsync(map_)
    except BaseException:
        for tijdelijk, _ in paren:
            tijdelijk.unlink(missing_ok=True)
        raise
    _test_point("journaal")
    _complete(journaal, paren)


def _complete(journaal: Path, paren: Sequence[tuple[Path, Path]]) -> None:
    for tijdelijk, doel in paren:
        if tijdelijk.exists():
            os.replace(tijdelijk, doel)
            _test_point(f"hernoemd:{doel.suffix}")
    _fsync(journaal.parent)
    journaal.unlink(missing_ok=True)
    _fsync(journaal.parent)


def recover(map_: Path) -> None:
    """Tidy a report folder after a killed run: finish the pair of every journal of a
    process that no longer runs, then remove such processes' temporary files."""
    if not map_.is_dir():
        return
    for journaal in map_.glob(f".*{JOURNAAL}"):
        if _alive(journaal.name, JOURNAAL):
            continue
        try:
            paren = [(Path(t), Path(d)) for t, d in json.loads(journaal.read_text("utf-8"))]
        except (ValueError, TypeError, OSError):
            paren = []  # a journal cut off while written: its pair was never committed
        _complete(journaal, [(t, d) for t, d in paren if t.parent == map_ == d.parent])
    for tijdelijk in map_.glob(f".*{TIJDELIJK}"):
        if not _alive(tijdelijk.name, TIJDELIJK):
            tijdelijk.unlink(missing_ok=True)


def _remove_stale(doel: Path) -> None:
    """Remove the temporary files for ``doel`` of processes that no longer run."""
    for tijdelijk in doel.parent.glob(f".{glob_escape(doel.name)}.*{TIJDELIJK}"):
        if not _alive(tijdelijk.name, TIJDELIJK):
            tijdelijk.unlink(missing_ok=True)


def _temporary(doel: Path) -> Path:
    return doel.with_name(f".{doel.name}.{os.getpid()}{TIJDELIJK}")


def _alive(naam: str, achtervoegsel: str) -> bool:
    """Whether the process whose pid is in this temporary name still runs."""
    try:
        pid = int(naam.removesuffix(achtervoegsel).rsplit(".", 1)[-1])
    except ValueError:
        return False
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _write_synced(pad: Path, inhoud: bytes, modus: int) -> None:
    with os.fdopen(os.open(pad, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, modus), "wb") as f:
        f.write(inhoud)
        f.flush()
        os.fsync(f.fileno())
    os.chmod(pad, modus)


def _test_point(naam: str) -> None:
    """For the kill tests: ``OI_TEST_KILL=<naam>`` stops the process here, as a kill would
    (``plugins/oi-rapport/tests/test_schrijven.py``)."""
    if os.environ.get("OI_TEST_KILL") == naam:
        os.kill(os.getpid(), signal.SIGKILL)
