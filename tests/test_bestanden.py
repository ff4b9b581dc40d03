"""Writing files: atomically, never over an existing file unless asked, normal permissions."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from oi_core import InvoerFout, free_path, write_atomic


def test_a_new_file_gets_the_mode_the_umask_allows(tmp_path: Path) -> None:
    oud = os.umask(0o022)
    try:
        pad = write_atomic(tmp_path / "uit.txt", lambda p: p.write_text("x"))
    finally:
        os.umask(oud)
    assert stat.S_IMODE(pad.stat().st_mode) == 0o644


def test_a_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    pad = tmp_path / "uit.txt"
    pad.write_text("oud")
    pad.chmod(0o640)
    write_atomic(pad, lambda p: p.write_text("nieuw"), overschrijf=True)
    assert pad.read_text() == "nieuw" and stat.S_IMODE(pad.stat().st_mode) == 0o640


def test_an_existing_file_is_never_overwritten_without_asking(tmp_path: Path) -> None:
    pad = tmp_path / "uit.txt"
    pad.write_text("van de gebruiker")
    with pytest.raises(InvoerFout, match="bestaat al"):
        write_atomic(pad, lambda p: p.write_text("x"))
    assert pad.read_text() == "van de gebruiker"


def test_a_failing_writer_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    pad = tmp_path / "uit.txt"
    pad.write_text("oud")

    def kapot(p: Path) -> None:
        p.write_text("half")
        raise RuntimeError("stroomstoring")

    with pytest.raises(RuntimeError):
        write_atomic(pad, kapot, overschrijf=True)
    assert pad.read_text() == "oud"
    assert [p.name for p in tmp_path.iterdir()] == ["uit.txt"]


def test_free_path_numbers_like_a_file_manager(tmp_path: Path) -> None:
    (tmp_path / "rapport.xlsx").write_text("")
    assert free_path(tmp_path / "rapport.xlsx").name == "rapport (2).xlsx"
    assert free_path(tmp_path / "nieuw.xlsx").name == "nieuw.xlsx"


def test_write_table_writes_dutch_csv_and_xlsx(tmp_path: Path) -> None:
    import pandas as pd

    from oi_core import write_table

    tabel = pd.DataFrame({"oi_index": [138.9, 78.1]}, index=pd.Index(["Noord", "Zuid"]))
    csv = write_table(tabel, tmp_path / "uit.csv")
    assert "138,9" in csv.read_text(encoding="utf-8-sig")
    xlsx = write_table(tabel, tmp_path / "uit.xlsx")
    assert pd.read_excel(xlsx, index_col=0, engine="calamine")["oi_index"].tolist() == [138.9, 78.1]


def test_xlsx_without_xlsxwriter_is_a_dutch_error_and_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """oi-core alone writes no workbooks; the message says where xlsxwriter comes from."""
    import importlib.util

    import pandas as pd

    from oi_core import write_table

    echt = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda n, *a: None if n == "xlsxwriter" else echt(n, *a)
    )
    with pytest.raises(InvoerFout, match=r"xlsxwriter nodig.*oi-excel of oi-rapport"):
        write_table(pd.DataFrame({"a": [1]}), tmp_path / "uit.xlsx")
    assert list(tmp_path.iterdir()) == []


GEBIEDEN_CSV = "\n".join(
    [
        "gebied;inzet (€);opgave",
        "Zuidoost;12,5;9",
        "Nieuw-West;7,25;16",
        '"Café ""Noord"", de haven";3;4',
        "",
    ]
)


def test_a_cp1252_csv_with_semicolons_reads_as_its_utf8_twin(tmp_path: Path) -> None:
    """What Dutch Excel saves as CSV (cp1252, ``;``, decimal comma) reads like UTF-8."""
    from oi_core import match
    from oi_core.invoer.bestanden import read_labelled

    uitkomsten = []
    for codering in ("cp1252", "utf-8", "utf-8-sig"):
        pad = tmp_path / f"{codering}.csv"
        pad.write_bytes(GEBIEDEN_CSV.encode(codering))
        inzet, labels = read_labelled(pad, "inzet", waarde_kolom="inzet (€)")
        opgave, _ = read_labelled(pad, "opgave")
        assert labels == ["Zuidoost", "Nieuw-West", 'Café "Noord", de haven']
        assert inzet.tolist() == [12.5, 7.25, 3.0]
        uitkomsten.append(match(inzet, opgave))
    for andere in uitkomsten[1:]:
        assert andere.equals(uitkomsten[0])


def test_a_quoted_name_with_commas_does_not_make_a_semicolon_csv_comma_separated(
    tmp_path: Path,
) -> None:
    from oi_core import read_table

    pad = tmp_path / "namen.csv"
    pad.write_text('gebied;inzet\n"=HYPERLINK(""http://x"",""klik"")";1\nNoord;2\n', "utf-8")
    tabel = read_table(pad)
    assert list(tabel.columns) == ["gebied", "inzet"]
    assert tabel["gebied"].tolist() == ['=HYPERLINK("http://x","klik")', "Noord"]
