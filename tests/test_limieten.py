"""Limits of the readers: files beyond :data:`~oi_core.invoer.bestanden.LIMIETEN`, zip bombs,
workbooks with a password and files that are no workbook are refused with a Dutch message
before memory grows; ``.xls`` and ``.ods`` are read like ``.xlsx``.

The bombs are built in the test: a small xlsx whose extra sheet unpacks to more than the
limit, and one whose only cell sits at the last row and column Excel has (calamine would
allocate the whole range). That memory does not grow is asserted through the refusal (and
the process's peak memory), never through time.
"""

from __future__ import annotations

import resource
import shutil
import zipfile
from pathlib import Path

import numpy as np
import pytest

from oi_core import InvoerFout, OIFout
from oi_core.cli import main
from oi_core.invoer import bestanden
from oi_core.invoer.bestanden import LIMIETEN, Limieten, check_workbook, read_table

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
