"""Limits of the readers: files beyond :data:`~oi_core.invoer.bestanden.LIMIETEN`, zip bombs,
workbooks with a password and files that are no workbook are refused with a Dutch message
before memory grows; ``.xls`` and ``.ods`` are read like ``.xlsx``.

The bombs are built in the test: a small xlsx whose extra sheet unpacks to more than the
limit, and one whose only cell sits at the last row and column Excel has (calamine would
allocate the whole range). That memory does not grow is asserted through the refusal (and
the process's peak memory), never through time.
"""

from __future__ import annotations

import io
import resource
import shutil
import struct
import zipfile
from pathlib import Path

import numpy as np
import pytest

from oi_core import InvoerFout, OIFout
from oi_core.cli import main
from oi_core.invoer import bestanden
from oi_core.invoer.bestanden import LIMIETEN, Limieten, check_workbook, read_table
from oi_core.invoer.omvang import (
    BiffOmvang,
    OdsCounter,
    XlsbCounter,
    biff_extent,
    workbook_stream,
)

BESTANDEN = Path(__file__).resolve().parent / "bestanden"

pytestmark = pytest.mark.betrouwbaarheid(soort="geweigerd")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _bomb(pad: Path, megabytes: int) -> Path:
    """``match.xlsx`` with an extra sheet of ``megabytes`` MB of rows, written in pieces."""
    shutil.copy(BESTANDEN / "match.xlsx", pad)
    rij = b'<row r="1"><c r="A1" t="n"><v>0</v></c></row>' * 2000
    zf = zipfile.ZipFile(pad, "a", compression=zipfile.ZIP_DEFLATED, compresslevel=9)
    with zf, zf.open("xl/worksheets/sheet9.xml", "w", force_zip64=True) as f:
        f.write(b'<?xml version="1.0"?><worksheet><sheetData>')
        for _ in range(megabytes * 2**20 // len(rij) + 1):
            f.write(rij)
        f.write(b"</sheetData></worksheet>")
    return pad


def _sparse(pad: Path, cel: str) -> Path:
    """``match.xlsx`` whose first sheet also has one cell at ``cel`` (e.g. XFD1048576)."""
    shutil.copy(BESTANDEN / "match.xlsx", pad)
    with zipfile.ZipFile(BESTANDEN / "match.xlsx") as bron:
        delen = {d.filename: bron.read(d) for d in bron.infolist()}
    blad = delen["xl/worksheets/sheet1.xml"].decode()
    rij = cel.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    extra = f'<row r="{rij}"><c r="{cel}" t="n"><v>1</v></c></row></sheetData>'
    delen["xl/worksheets/sheet1.xml"] = blad.replace("</sheetData>", extra, 1).encode()
    with zipfile.ZipFile(pad, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for naam, inhoud in delen.items():
            zf.writestr(naam, inhoud)
    return pad


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    pad = _bomb(tmp_path / "bom.xlsx", LIMIETEN.uitgepakt // 2**20 + 20)
    assert pad.stat().st_size < 5 * 2**20  # a few MB on disk, more than the limit unpacked
    voor = _peak_mb()
    for lees in (read_table, check_workbook):
        with pytest.raises(InvoerFout, match="uitgepakt groter dan 200 MB"):
            lees(pad)
    assert _peak_mb() - voor < 100


def test_a_zip_bomb_with_a_declared_size_below_the_limit_is_counted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parts are unpacked in pieces and counted, so a small declared size does not help."""
    pad = _bomb(tmp_path / "bom.xlsx", 30)
    with zipfile.ZipFile(pad) as zf:
        assert sum(d.file_size for d in zf.infolist()) > 30 * 2**20
    monkeypatch.setattr(bestanden, "LIMIETEN", Limieten(uitgepakt=25 * 2**20))
    with pytest.raises(InvoerFout, match="uitgepakt groter dan 25 MB"):
        bestanden._unpack_counted(pad, zipfile.ZipFile(pad), _part(pad, "sheet9"), 0)


def _part(pad: Path, naam: str) -> zipfile.ZipInfo:
    with zipfile.ZipFile(pad) as zf:
        return next(d for d in zf.infolist() if naam in d.filename)


@pytest.mark.parametrize("cel", ["XFD1048576", "A1048576", "ALM1"])
def test_a_cell_far_outside_the_table_is_refused(tmp_path: Path, cel: str) -> None:
    pad = _sparse(tmp_path / "ver.xlsx", cel)
    with pytest.raises(InvoerFout, match="een werkblad loopt tot rij"):
        read_table(pad)


def test_the_werkmap_reader_checks_the_limits_too(tmp_path: Path) -> None:
    from oi_excel.werkmap import read_werkmap

    pad = _sparse(tmp_path / "werkmap.xlsx", "XFD1048576")
    with pytest.raises(
        InvoerFout, match=r"een werkblad loopt tot rij 1\.048\.576 en kolom 16\.384"
    ):
        read_werkmap(pad)


def test_a_workbook_with_a_password_is_named_as_such(capsys: pytest.CaptureFixture[str]) -> None:
    pad = BESTANDEN / "beveiligd.xlsx"
    with pytest.raises(InvoerFout, match="beveiligd met een wachtwoord"):
        read_table(pad)
    assert main(["match", str(pad), "--inzet-kolom", "inzet", "--opgave-kolom", "opgave"]) == 1
    assert "beveiligd met een wachtwoord" in capsys.readouterr().err


def test_a_file_too_large_is_refused_without_reading_it(tmp_path: Path) -> None:
    pad = tmp_path / "groot.csv"
    with pad.open("wb") as f:
        f.truncate(LIMIETEN.bestand + 1)  # sparse: nothing is written or read
    with pytest.raises(InvoerFout, match="er worden bestanden tot 50 MB gelezen"):
        read_table(pad)


def test_a_csv_with_too_many_rows_or_columns_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    breed = tmp_path / "breed.csv"
    breed.write_text(";".join(f"k{i}" for i in range(LIMIETEN.kolommen + 1)) + "\n1\n")
    with pytest.raises(InvoerFout, match=r"1\.001 kolommen"):
        read_table(breed)
    lang = tmp_path / "lang.csv"
    lang.write_text("gebied;inzet\n" + "A;1\n" * 11)
    monkeypatch.setattr(bestanden, "LIMIETEN", Limieten(rijen=10))
    with pytest.raises(InvoerFout, match="hoogstens 10 rijen"):
        read_table(lang)


@pytest.mark.parametrize(
    ("naam", "inhoud"),
    [("nep.xlsx", b"gebied;inzet\nA;1\n"), ("nep.ods", b"\x00" * 100), ("nep.xlsb", b"PK\x03")],
)
def test_a_file_that_is_no_workbook_gets_a_dutch_message(
    tmp_path: Path, naam: str, inhoud: bytes
) -> None:
    pad = tmp_path / naam
    pad.write_bytes(inhoud)
    with pytest.raises(OIFout, match=r"geen werkmap|geen leesbare werkmap|beschadigde werkmap"):
        read_table(pad)


# -- other formats: read like xlsx ---------------------------------------------------------------
@pytest.mark.betrouwbaarheid(soort="geval")
@pytest.mark.parametrize("soort", ["xls", "ods"])
def test_xls_and_ods_tables_read_like_xlsx(soort: str) -> None:
    verwacht = read_table(BESTANDEN / "match.xlsx")
    tabel = read_table(BESTANDEN / f"match.{soort}")
    assert list(tabel.columns) == list(verwacht.columns)
    assert tabel["gebied"].tolist() == verwacht["gebied"].tolist()
    for k in ("inzet", "opgave"):
        np.testing.assert_array_equal(tabel[k].astype(float), verwacht[k].astype(float))


@pytest.mark.betrouwbaarheid(soort="geval")
@pytest.mark.parametrize("soort", ["xls", "ods"])
def test_xls_and_ods_werkmappen_read_like_xlsx(soort: str) -> None:
    from oi_rapport.invoer import read_inputs

    verwacht = read_inputs([BESTANDEN / "werkmap-straatreiniging.xlsx"])["straatreiniging"].data
    data = read_inputs([BESTANDEN / f"werkmap-straatreiniging.{soort}"])["straatreiniging"].data
    kolommen = ["gebied", "jaar", "indicator", "waarde"]
    assert data[kolommen].equals(verwacht[kolommen])


# -- .ods, .xls and .xlsb: the far cell of each format, refused before calamine opens it ---------
def _ods(pad: Path, extra: str) -> Path:
    """``match.ods`` with ``extra`` (rows) after its table, before LibreOffice's padding."""
    with zipfile.ZipFile(BESTANDEN / "match.ods") as bron:
        delen = {d.filename: bron.read(d) for d in bron.infolist()}
    inhoud = delen["content.xml"].decode()
    plek = inhoud.rindex("<table:table-row", 0, inhoud.index("number-rows-repeated"))
    delen["content.xml"] = (inhoud[:plek] + extra + inhoud[plek:]).encode()
    with zipfile.ZipFile(pad, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for naam, data in delen.items():  # mimetype first and stored, as ODF asks
            soort = zipfile.ZIP_STORED if naam == "mimetype" else zipfile.ZIP_DEFLATED
            zf.writestr(naam, data, compress_type=soort)
    return pad


_WAARDE = (
    '<table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p>'
    "</table:table-cell>"
)


def test_an_ods_row_repeated_a_million_times_is_refused_with_bounded_memory(
    tmp_path: Path,
) -> None:
    rij = f'<table:table-row table:number-rows-repeated="1000000">{_WAARDE}</table:table-row>'
    pad = _ods(tmp_path / "herhaald.ods", rij)
    groei = pad.stat().st_size - (BESTANDEN / "match.ods").stat().st_size
    assert groei < 1_000  # a few bytes more, that calamine would unfold to a million rows
    voor = _peak_mb()
    for lees in (read_table, check_workbook):
        with pytest.raises(InvoerFout, match=r"loopt tot rij 1\.000\.009 en kolom 3;"):
            lees(pad)
    assert _peak_mb() - voor < 100


def test_an_ods_cell_repeated_beyond_the_columns_is_refused(tmp_path: Path) -> None:
    cel = _WAARDE.replace(
        "<table:table-cell ", '<table:table-cell table:number-columns-repeated="1001" '
    )
    pad = _ods(tmp_path / "breed.ods", f"<table:table-row>{cel}</table:table-row>")
    with pytest.raises(InvoerFout, match=r"loopt tot rij 10 en kolom 1\.001"):
        read_table(pad)


def test_empty_rows_libreoffice_pads_an_ods_with_do_not_count(tmp_path: Path) -> None:
    """LibreOffice ends each sheet with an empty row repeated to row 1.048.576; a cell with
    content after empty rows does count (it is where the range ends)."""
    with zipfile.ZipFile(BESTANDEN / "match.ods") as zf:
        inhoud = zf.read("content.xml")
    assert b'table:number-rows-repeated="1048566"' in inhoud
    assert _ods_extent(inhoud) == (9, 3)
    leeg = (
        '<table:table-row table:number-rows-repeated="600000"><table:table-cell/></table:table-row>'
    )
    assert _ods_extent(_ods(tmp_path / "a.ods", leeg).read_bytes(), zip_=True) == (9, 3)
    pad = _ods(tmp_path / "b.ods", leeg + f"<table:table-row>{_WAARDE}</table:table-row>")
    with pytest.raises(InvoerFout, match=r"loopt tot rij 600\.010"):
        read_table(pad)


def _ods_extent(inhoud: bytes, *, zip_: bool = False, stuk: int = 97) -> tuple[int, int]:
    if zip_:
        with zipfile.ZipFile(io.BytesIO(inhoud)) as zf:
            inhoud = zf.read("content.xml")
    teller = OdsCounter()
    for i in range(0, len(inhoud), stuk):  # small pieces: tags cut in two are joined again
        teller.feed(inhoud[i : i + stuk])
    return teller.rijen, teller.kolommen


@pytest.mark.parametrize("naam", ["match.ods", "werkmap-straatreiniging.ods"])
def test_the_ods_count_does_not_depend_on_the_pieces(naam: str) -> None:
    with zipfile.ZipFile(BESTANDEN / naam) as zf:
        inhoud = zf.read("content.xml")
    assert {_ods_extent(inhoud, stuk=n) for n in (7, 97, 4096, len(inhoud))} == {
        {"match.ods": (9, 3), "werkmap-straatreiniging.ods": (26, 11)}[naam]
    }


def test_an_xls_reaching_the_last_cell_of_the_format_is_refused() -> None:
    """BIFF8 caps a sheet at 65.536 rows × 256 columns, within the row and column limits, but
    ``ver.xls`` (6 kB, one cell at IV65536) made calamine fill 16,8 million cells: 1,5 GB
    peak and 18 s (measured 2 December 2026). The cell limit refuses it from its records."""
    stroom = workbook_stream((BESTANDEN / "ver.xls").read_bytes())
    assert stroom is not None
    assert biff_extent(stroom) == BiffOmvang(versleuteld=False, rijen=65_536, kolommen=256)
    with pytest.raises(InvoerFout, match=r"hoogstens 5\.000\.000 cellen"):
        read_table(BESTANDEN / "ver.xls")


@pytest.mark.parametrize(
    ("naam", "omvang"), [("match.xls", (9, 3)), ("werkmap-straatreiniging.xls", (26, 11))]
)
def test_the_extent_of_a_real_xls_is_that_of_its_table(naam: str, omvang: tuple[int, int]) -> None:
    """Both ways an OLE file keeps a stream: ``match.xls`` (2 kB, in the mini stream) and the
    werkmap (16 kB, in ordinary sectors)."""
    stroom = workbook_stream((BESTANDEN / naam).read_bytes())
    assert stroom is not None and len(stroom) > 2_000
    assert (biff_extent(stroom).rijen, biff_extent(stroom).kolommen) == omvang


def test_an_old_xls_with_a_password_is_named_as_such(capsys: pytest.CaptureFixture[str]) -> None:
    """``beveiligd.xls``: saved by LibreOffice as Excel 97-2003 with a password (RC4)."""
    pad = BESTANDEN / "beveiligd.xls"
    stroom = workbook_stream(pad.read_bytes())
    assert stroom is not None and biff_extent(stroom).versleuteld
    with pytest.raises(InvoerFout, match=r"'beveiligd\.xls' is beveiligd met een wachtwoord"):
        read_table(pad)
    assert main(["match", str(pad), "--inzet-kolom", "inzet", "--opgave-kolom", "opgave"]) == 1
    fout = capsys.readouterr().err
    assert "beveiligd met" in fout and "Traceback" not in fout


def test_a_file_that_is_not_ole_inside_gives_no_stream() -> None:
    kapot = (BESTANDEN / "match.xls").read_bytes()[:1000]
    assert workbook_stream(kapot) is None
    assert workbook_stream(bestanden._OLE + b"\xff" * 600) is None


# -- .xlsb ---------------------------------------------------------------------------------------
@pytest.mark.betrouwbaarheid(soort="geval")
def test_an_xlsb_reads_like_its_xlsx_twin(capsys: pytest.CaptureFixture[str]) -> None:
    verwacht = read_table(BESTANDEN / "match.xlsx")
    tabel = read_table(BESTANDEN / "match.xlsb")
    assert tabel.columns.tolist() == verwacht.columns.tolist()
    assert tabel["gebied"].tolist() == verwacht["gebied"].tolist()
    for k in ("inzet", "opgave"):
        np.testing.assert_array_equal(tabel[k].astype(float), verwacht[k].astype(float))
    uitvoer = []
    for naam in ("match.xlsx", "match.xlsb"):
        pad = str(BESTANDEN / naam)
        assert main(["match", pad, "--inzet-kolom", "inzet", "--opgave-kolom", "opgave"]) == 0
        uitvoer.append(capsys.readouterr().out)
    assert uitvoer[0] == uitvoer[1] and "Nieuw-West" in uitvoer[1] and "127" in uitvoer[1]


def test_an_xlsb_with_short_cell_records_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    """SheetJS writes every cell after the first of a row without its column; calamine skips
    those cells without a word (only the column gebied would remain), so the file is refused."""
    pad = BESTANDEN / "match-sheetjs.xlsb"
    with pytest.raises(InvoerFout, match="niet door Excel is gemaakt"):
        read_table(pad)
    assert main(["match", str(pad), "--inzet-kolom", "inzet", "--opgave-kolom", "opgave"]) == 1
    assert "bewaar het als .xlsx" in capsys.readouterr().err


def _record(soort: int, body: bytes) -> bytes:
    kop = bytes([soort]) if soort < 0x80 else bytes([(soort & 0x7F) | 0x80, soort >> 7])
    return kop + bytes([len(body)]) + body


@pytest.mark.parametrize("stuk", [1, 3, 1000])
def test_the_xlsb_count_reads_rows_columns_and_dimension_across_pieces(stuk: int) -> None:
    rij = _record(0x0000, struct.pack("<I", 1_048_575) + bytes(8))
    cel = _record(0x0005, struct.pack("<II", 1_200, 0) + bytes(8))
    dim = _record(0x0094, struct.pack("<IIII", 0, 9, 0, 2))
    data = dim + rij + cel
    teller = XlsbCounter()
    for i in range(0, len(data), stuk):
        teller.feed(data[i : i + stuk])
    assert (teller.rijen, teller.kolommen, teller.kort) == (1_048_576, 1_201, False)


def test_the_docs_name_the_limits_that_are_checked() -> None:
    tekst = (Path(__file__).resolve().parents[1] / "docs/referentie/cli.md").read_text("utf-8")
    sectie = tekst.split("## Eigen bestanden: formaten en grenzen", 1)[1].split("\n## ", 1)[0]
    for grens in (f"| {LIMIETEN.bestand // 2**20} MB |", f"| {LIMIETEN.uitgepakt // 2**20} MB |"):
        assert grens in sectie
    for aantal in (LIMIETEN.rijen, LIMIETEN.kolommen, LIMIETEN.cellen):
        assert f"| {aantal:,} |".replace(",", ".") in sectie
