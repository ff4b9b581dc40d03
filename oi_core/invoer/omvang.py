"""How far the sheets of a workbook reach, measured from the file before a reader opens it.

:func:`~oi_core.invoer.bestanden.check_workbook` refuses a workbook beyond
:data:`~oi_core.invoer.bestanden.LIMIETEN`; this module only measures. Each format has its
own way to name a far cell in a few bytes, and calamine allocates the whole range up to it:

- ``.xlsx``/``.xlsm``: ``r="XFD1048576"`` on a cell or row, or a ``<dimension>``;
- ``.ods``: ``table:number-rows-repeated`` / ``number-columns-repeated`` on a row or cell
  with content (a repeated *empty* row or cell is how LibreOffice pads a sheet: it reaches
  nowhere, unless a cell with content follows it);
- ``.xlsb``: the row of a ``BrtRowHdr`` record, the column of a cell record, ``BrtWsDim``;
- ``.xls`` (BIFF8 in an OLE compound file): the row and column of every cell record and of
  ``DIMENSIONS``.

The zip formats are measured while their parts are unpacked in pieces
(:class:`Counter`), so memory stays at one piece. An ``.xls`` is uncompressed: its
``Workbook`` stream is at most the file, which is read whole (the file size is limited).
The OLE container is parsed here in some forty lines, because no OLE library is a
dependency of oi-core and this needs only one stream; ``.xlsb`` records, see [MS-XLSB]
§2.1.4, BIFF8 records [MS-XLS] §2.1.4.

A ``.xlsb`` that SheetJS (or Aspose without ``ExportAllColumnIndexes``) wrote uses the
"short" cell records (``BrtShort*``: the column is the previous cell's plus one). calamine
skips them without a word, so such a file would be read with all columns but the first
missing: :attr:`XlsbCounter.kort` says so, and the file is refused.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from typing import Protocol

__all__ = [
    "BiffOmvang",
    "Counter",
    "OdsCounter",
    "SheetXmlCounter",
    "XlsbCounter",
    "biff_extent",
    "counter_for",
    "workbook_stream",
]


class Counter(Protocol):
    """Fed a part of a workbook in pieces; knows the furthest row and column it names."""

    rijen: int
    kolommen: int

    def feed(self, stuk: bytes) -> None: ...


def counter_for(naam: str) -> Counter | None:
    """The counter for a zip part that holds a sheet, else ``None``."""
    if naam.endswith(".xml") and "worksheets/" in naam:
        return SheetXmlCounter()
    if naam.endswith(".bin") and "worksheets/" in naam:
        return XlsbCounter()
    if naam == "content.xml":
        return OdsCounter()
    return None


# -- xlsx ----------------------------------------------------------------------------------------
_CEL = re.compile(
    rb'<(?:c|row)\b[^>]*?\sr="([A-Z]{0,3})(\d{1,9})"|<dimension\s+ref="[^":]*:?([A-Z]{1,3})(\d{1,9})"'
)


class SheetXmlCounter:
    """A sheet of an ``.xlsx``: the largest row and column any cell, row or dimension names."""

    def __init__(self) -> None:
        self.rijen = self.kolommen = 0
        self._staart = b""

    def feed(self, stuk: bytes) -> None:
        for m in _CEL.finditer(self._staart + stuk):
            letters, rij = (m.group(1), m.group(2)) if m.group(2) else (m.group(3), m.group(4))
            self.rijen = max(self.rijen, int(rij))
            self.kolommen = max(self.kolommen, column_number(letters or b""))
        self._staart = stuk[-256:]


def column_number(letters: bytes) -> int:
    """``b"A"`` → 1, ``b"XFD"`` → 16384."""
    n = 0
    for teken in letters:
        n = n * 26 + teken - 64
    return n


# -- ods -----------------------------------------------------------------------------------------
_ODS_TAG = re.compile(
    rb"<(/?)table:(table-row|table-cell|covered-table-cell|table)(?=[\s/>])([^>]*?)(/?)>"
)
_HERHAALD = re.compile(rb'table:number-(?:rows|columns)-repeated="(\d{1,12})"')
_STAART_MAX = 2**20


class OdsCounter:
    """``content.xml`` of an ``.ods``: rows and columns up to the last cell with content.

    A cell has content when it has a value type or is not empty (``<…/>``); a repeated row
    or cell counts its repeats. Rows are counted per table, the maximum over all tables.
    """

    def __init__(self) -> None:
        self.rijen = self.kolommen = 0
        self._rij = self._kolom = self._herhaal = 0
        self._inhoud = False
        self._staart = b""

    def feed(self, stuk: bytes) -> None:
        data = self._staart + stuk
        einde = data.rfind(b">") + 1
        self._staart = data[einde:][-_STAART_MAX:]  # an unfinished tag waits for the next piece
        for m in _ODS_TAG.finditer(data, 0, einde):
            self._tag(m.group(1) == b"/", m.group(2), m.group(3), m.group(4) == b"/")

    def _tag(self, sluit: bool, naam: bytes, attributen: bytes, leeg: bool) -> None:
        if naam == b"table":
            self._rij = 0
        elif naam == b"table-row":
            self._row(sluit, attributen, leeg)
        elif not sluit:
            self._kolom += _repeats(attributen)
            if not leeg or b"office:value-type=" in attributen:
                self._inhoud = True
                self.kolommen = max(self.kolommen, self._kolom)

    def _row(self, sluit: bool, attributen: bytes, leeg: bool) -> None:
        if not sluit:
            self._herhaal, self._kolom, self._inhoud = _repeats(attributen), 0, False
        if sluit or leeg:
            self._rij += self._herhaal
            if self._inhoud:
                self.rijen = max(self.rijen, self._rij)


def _repeats(attributen: bytes) -> int:
    m = _HERHAALD.search(attributen)
    return int(m.group(1)) if m else 1


# -- xlsb ----------------------------------------------------------------------------------------
_RIJKOP, _WSDIM = 0x0000, 0x0094
_CELLEN = range(0x0001, 0x000C)  # BrtCellBlank … BrtFmlaError: column first, 4 bytes
_KORT = range(0x000C, 0x0013)  # BrtShortBlank … BrtShortIsst: no column


class XlsbCounter:
    """A sheet of an ``.xlsb`` (``.bin``, a stream of records), read piece by piece."""

    def __init__(self) -> None:
        self.rijen = self.kolommen = 0
        self.kort = False
        self._rest = b""
        self._overslaan = 0

    def feed(self, stuk: bytes) -> None:
        if self._overslaan >= len(stuk):
            self._overslaan -= len(stuk)
            return
        data, i = self._rest + stuk[self._overslaan :], 0
        while (kop := _record_header(data, i)) is not None:
            soort, lengte, begin = kop
            if begin + min(lengte, 16) > len(data):
                break  # the part of the body that is read lies in the next piece
            self._record(soort, data[begin : begin + min(lengte, 16)])
            i = begin + lengte
        self._overslaan = max(0, i - len(data))
        self._rest = data[i:]

    def _record(self, soort: int, begin: bytes) -> None:
        if soort == _RIJKOP and len(begin) >= 4:
            self.rijen = max(self.rijen, _u32(begin, 0) + 1)
        elif soort in _CELLEN and len(begin) >= 4:
            self.kolommen = max(self.kolommen, _u32(begin, 0) + 1)
        elif soort == _WSDIM and len(begin) >= 16:
            self.rijen = max(self.rijen, _u32(begin, 4) + 1)
            self.kolommen = max(self.kolommen, _u32(begin, 12) + 1)
        elif soort in _KORT:
            self.kort = True


def _record_header(data: bytes, i: int) -> tuple[int, int, int] | None:
    """Type, length and start of the body of the record at ``i``; ``None`` if cut off."""
    soort, i = _varint(data, i, 2)
    if soort < 0:
        return None
    lengte, i = _varint(data, i, 4)
    return None if lengte < 0 else (soort, lengte, i)


def _varint(data: bytes, i: int, hoogstens: int) -> tuple[int, int]:
    waarde = 0
    for k in range(hoogstens):
        if i >= len(data):
            return -1, i
        byte = data[i]
        i += 1
        waarde |= (byte & 0x7F) << (7 * k)
        if not byte & 0x80:
            break
    return waarde, i


def _u32(data: bytes, i: int) -> int:
    return int(struct.unpack_from("<I", data, i)[0])


# -- xls: the Workbook stream of an OLE compound file ([MS-CFB]) -----------------------------
_EINDE_KETEN = 0xFFFFFFFA  # every value from here up ends a chain (or marks a FAT sector)


def workbook_stream(data: bytes) -> bytes | None:
    """The ``Workbook`` (BIFF8) or ``Book`` (BIFF5) stream of an OLE file, else ``None``."""
    try:
        ole = _Ole(data)
        mappen = ole.directory()
    except (struct.error, IndexError, ValueError):
        return None
    for naam, begin, grootte in mappen:
        if naam in ("Workbook", "Book"):
            return ole.stream(begin, grootte, mappen[0][1])
    return None


class _Ole:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.sector = 1 << _u16(data, 0x1E)
        self.klein = 1 << _u16(data, 0x20)
        self.grens = _u32(data, 0x38)
        self.fat = self._fat()
        self.minifat = self._table(self._chain(self.fat, _u32(data, 0x3C)))

    def _fat(self) -> list[int]:
        sectoren = [_u32(self.data, 0x4C + 4 * k) for k in range(109)]
        volgende = _u32(self.data, 0x44)
        for _ in range(len(self.data) // self.sector):  # the DIFAT chain, bounded
            if volgende >= _EINDE_KETEN:
                break
            blok = self._sector(volgende)
            sectoren += [_u32(blok, 4 * k) for k in range(self.sector // 4 - 1)]
            volgende = _u32(blok, self.sector - 4)
        return self._table([s for s in sectoren if s < _EINDE_KETEN])

    def _table(self, sectoren: list[int]) -> list[int]:
        inhoud = b"".join(self._sector(s) for s in sectoren)
        return list(struct.unpack(f"<{len(inhoud) // 4}I", inhoud[: len(inhoud) // 4 * 4]))

    def _sector(self, n: int) -> bytes:
        begin = (n + 1) * self.sector
        if begin + self.sector > len(self.data):
            raise ValueError("sector buiten het bestand")
        return self.data[begin : begin + self.sector]

    def _chain(self, tabel: list[int], n: int) -> list[int]:
        keten: list[int] = []
        while n < _EINDE_KETEN and len(keten) <= len(tabel):  # a loop ends here
            keten.append(n)
            n = tabel[n]
        return keten

    def directory(self) -> list[tuple[str, int, int]]:
        inhoud = b"".join(self._sector(s) for s in self._chain(self.fat, _u32(self.data, 0x30)))
        mappen = []
        for k in range(len(inhoud) // 128):
            item = inhoud[128 * k : 128 * (k + 1)]
            lengte = min(_u16(item, 64), 64)
            naam = item[: max(lengte - 2, 0)].decode("utf-16-le", "replace")
            mappen.append((naam, _u32(item, 116), _u32(item, 120)))
        return mappen

    def stream(self, begin: int, grootte: int, ministroom: int) -> bytes:
        if grootte >= self.grens:
            return b"".join(self._sector(s) for s in self._chain(self.fat, begin))[:grootte]
        houder = b"".join(self._sector(s) for s in self._chain(self.fat, ministroom))
        stukken = [
            houder[s * self.klein : (s + 1) * self.klein] for s in self._chain(self.minifat, begin)
        ]
        return b"".join(stukken)[:grootte]


def _u16(data: bytes, i: int) -> int:
    return int(struct.unpack_from("<H", data, i)[0])


# -- BIFF8 records ([MS-XLS] §2.3) ------------------------------------------------------------
_BOF, _FILEPASS, _DIMENSIONS = 0x0809, 0x002F, 0x0200
_CEL_BIFF = {0x0006, 0x00FD, 0x0203, 0x0204, 0x0205, 0x027E, 0x0201, 0x00D6}  # row, column first
_MUL_BIFF = {0x00BD, 0x00BE}  # MULRK, MULBLANK: row, first column, …, last column


@dataclass(frozen=True)
class BiffOmvang:
    """What an ``.xls`` workbook stream says about itself."""

    versleuteld: bool
    rijen: int = 0
    kolommen: int = 0


def biff_extent(stroom: bytes) -> BiffOmvang:
    """Encrypted (a ``FILEPASS`` record right after the first ``BOF``), else the furthest
    row and column of every cell record and ``DIMENSIONS``."""
    if _is_encrypted(stroom):
        return BiffOmvang(versleuteld=True)
    rijen = kolommen = 0
    i = 0
    while i + 4 <= len(stroom):
        soort, lengte = struct.unpack_from("<HH", stroom, i)
        r, k = _biff_cell(soort, stroom[i + 4 : i + 4 + lengte])
        rijen, kolommen = max(rijen, r), max(kolommen, k)
        i += 4 + lengte
    return BiffOmvang(False, rijen, kolommen)


def _is_encrypted(stroom: bytes) -> bool:
    if len(stroom) < 24 or _u16(stroom, 0) != _BOF:
        return False
    return _u16(stroom, 4 + _u16(stroom, 2)) == _FILEPASS


def _biff_cell(soort: int, body: bytes) -> tuple[int, int]:
    """The (1-based) row and column a record reaches, ``(0, 0)`` for any other record."""
    if soort in _CEL_BIFF and len(body) >= 4:
        return _u16(body, 0) + 1, _u16(body, 2) + 1
    if soort in _MUL_BIFF and len(body) >= 6:
        return _u16(body, 0) + 1, _u16(body, len(body) - 2) + 1
    if soort == _DIMENSIONS and len(body) >= 12:
        return _u32(body, 4), _u16(body, 10)  # rwMac and colMac are one past the last
    return 0, 0
