"""OI workbooks (*werkmappen*): the layout contract and reader (:mod:`.lezen`, no xlsxwriter)
and the writer (:mod:`.schrijven`, xlsxwriter).

``from oi_excel.werkmap import make_werkmap, read_werkmap`` is the public API; the writer
is imported on first use, so reading a workbook (as ``oi rapport --data`` does) does not
load xlsxwriter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from oi_excel.werkmap.lezen import (
    BLAD_INVOER,
    BLAD_KERN,
    BLAD_META,
    BLAD_RESULTAAT,
    BLAD_UITLEG,
    KOLOM_CODE,
    KOLOM_GEBIED,
    KOLOM_INWONERS,
    LAYOUT_VERSIE,
    META_KOLOMMEN,
    TABEL_INVOER,
    VASTE_KOLOMMEN,
    WerkmapInvoer,
    build_invoer,
    indicator_header,
    read_werkmap,
)

if TYPE_CHECKING:
    from oi_excel.werkmap.schrijven import make_werkmap, write_werkmap

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
    "make_werkmap",
    "read_werkmap",
    "write_werkmap",
]

_SCHRIJVER = ("make_werkmap", "write_werkmap")


def __getattr__(naam: str) -> Any:
    if naam in _SCHRIJVER:
        from oi_excel.werkmap import schrijven

        return getattr(schrijven, naam)
    raise AttributeError(f"module {__name__!r} has no attribute {naam!r}")
