"""Text stays text: hostile area names in ``oi match -o`` (xlsx and csv), the rule itself,
and safe sheet names (OWASP, *CSV Injection*).

The numbers are the presentation's straatreiniging table (``tests/referentie``); only the
names of the eight stadsdelen are replaced by texts a spreadsheet would run as formulas.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from openpyxl.utils.escape import unescape

from oi_core.cli import main
from oi_core.invoer.bestanden import write_table
from oi_core.weergave.cellen import csv_frame, csv_text, is_formula_text, sheet_name

from .conftest import seed_tabel

VIJANDIG = (
    '=HYPERLINK("http://x","klik")',
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "\t=1+1",
    "\r=2+2",
    "=cmd|' /C calc'!A0",
    " =3+3",
)
"""Area names a spreadsheet would read as a formula: OWASP's first characters, a leading
tab or carriage return (stripped by the reader, then a formula), a DDE payload."""


def _straat_met_vijandige_namen(pad: Path) -> Path:
    """The published shares under hostile names, as a workbook whose names are text cells
    (a CSV of these names trips the separator sniffing of the reader, see the report)."""
    import xlsxwriter  # type: ignore[import-untyped]

    tabel = seed_tabel("straatreiniging_stadsdelen.csv").iloc[:8]
    boek = xlsxwriter.Workbook(str(pad))
    blad = boek.add_worksheet("Straat")
    blad.write_row(0, 0, ["gebied", "inzet", "opgave"])
    for rij, (naam, fte, bewoners) in enumerate(
        zip(VIJANDIG, tabel["fte_pct"], tabel["bewoners_bezoekers_pct"], strict=True), start=1
    ):
        blad.write_string(rij, 0, naam)
        blad.write_row(rij, 1, [float(fte), float(bewoners)])
    boek.close()
    return pad


def _label(tekst: str) -> str:
    """The name as ``oi match`` reads it: surrounding whitespace goes."""
    return tekst.strip()


@pytest.mark.parametrize(
    ("tekst", "formule"),
    [
        *((t, True) for t in VIJANDIG),
        ("Noord", False),
        ("Nieuw-West", False),
        ("a=b", False),
        ("−3", False),  # a real minus sign, as the toolkit writes numbers in text
        ("", False),
    ],
)
def test_the_rule_names_every_formula_start(tekst: str, formule: bool) -> None:
    assert is_formula_text(tekst) is formule
    assert csv_text(tekst) == ("'" + tekst if formule else tekst)


def test_csv_frame_prefixes_texts_only_never_numbers() -> None:
    df = pd.DataFrame(
        {"naam": ["=A1", "Noord", None], "verschil_pp": [-2.0, 3.0, float("nan")]},
        index=pd.Index(["-2+3", "Oost", "@x"], name="gebied"),
    )
    uit = csv_frame(df)
    assert uit["naam"].tolist()[:2] == ["'=A1", "Noord"] and uit["naam"].isna().iloc[2]
    assert uit["verschil_pp"].tolist()[:2] == [-2.0, 3.0]
    assert list(uit.index) == ["'-2+3", "Oost", "'@x"] and uit.index.name == "gebied"
    assert df["naam"].iloc[0] == "=A1"  # the caller's table is not changed


def test_match_to_xlsx_keeps_every_hostile_name_as_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    invoer = _straat_met_vijandige_namen(tmp_path / "straat.xlsx")
    uit = tmp_path / "match.xlsx"
    assert main(["match", str(invoer), "-o", str(uit)]) == 0, capsys.readouterr().err
    blad = openpyxl.load_workbook(uit).active
    assert blad is not None
    cellen = {c.coordinate: c for rij in blad.iter_rows() for c in rij}
    assert not [c.coordinate for c in cellen.values() if c.data_type == "f"]
    namen = [blad.cell(r, 1) for r in range(2, 10)]
    assert [c.data_type for c in namen] == ["s"] * 8
    assert [unescape(str(c.value)) for c in namen] == [_label(t) for t in VIJANDIG]
    # the numbers are the method's: share of the FTE over share of residents and visitors
    tabel = seed_tabel("straatreiniging_stadsdelen.csv").iloc[:8]
    fte, bewoners = tabel["fte_pct"], tabel["bewoners_bezoekers_pct"]
    verwacht = (fte / fte.sum()) / (bewoners / bewoners.sum()) * 100
    kolom = [c.value for c in blad[1]].index("oi_index") + 1
    index = [blad.cell(r, kolom).value for r in range(2, 10)]
    assert index == pytest.approx(verwacht.round(2).tolist(), abs=0.006)


def test_match_to_csv_prefixes_every_hostile_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    invoer = _straat_met_vijandige_namen(tmp_path / "straat.xlsx")
    uit = tmp_path / "match.csv"
    assert main(["match", str(invoer), "-o", str(uit)]) == 0, capsys.readouterr().err
    tekst = uit.read_bytes().decode("utf-8-sig")
    rijen = list(csv.reader(io.StringIO(tekst, newline=""), delimiter=";"))
    assert [r[0] for r in rijen[1:]] == ["'" + _label(t) for t in VIJANDIG]
    assert all(not is_formula_text(cel) for rij in rijen for cel in rij if not _number(cel))


def _number(cel: str) -> bool:
    try:
        float(cel.replace(",", "."))
    except ValueError:
        return False
    return True


def test_write_table_keeps_a_leading_tab_and_carriage_return_exactly(tmp_path: Path) -> None:
    """The reader strips names, ``write_table`` itself does not: what it gets is kept."""
    df = pd.DataFrame({"naam": list(VIJANDIG)}, index=pd.Index(list(VIJANDIG), name="gebied"))
    blad = openpyxl.load_workbook(write_table(df, tmp_path / "t.xlsx")).active
    assert blad is not None
    for rij, tekst in enumerate(VIJANDIG, start=2):
        for kolom in (1, 2):
            cel = blad.cell(rij, kolom)
            assert cel.data_type == "s" and unescape(str(cel.value)) == tekst
    rijen = list(
        csv.reader(
            io.StringIO(
                write_table(df, tmp_path / "t.csv").read_bytes().decode("utf-8-sig"), newline=""
            ),
            delimiter=";",
        )
    )
    assert rijen[1:] == [["'" + t, "'" + t] for t in VIJANDIG]  # one row per name, CR and all


def test_a_hostile_sheet_name_is_made_safe(tmp_path: Path) -> None:
    for naam in VIJANDIG:
        veilig = sheet_name(naam)
        assert veilig and not is_formula_text(veilig) and len(veilig) <= 31
        assert not set(veilig) & set("[]:*?/\\'\t\r")
    assert sheet_name("=cmd|' /C calc'!A0") == "cmd|   C calc !A0"
    assert sheet_name("===") == "Blad" and sheet_name("Noord") == "Noord"
    assert len(sheet_name("😀" * 20).encode("utf-16-le")) <= 62  # Excel counts UTF-16 units
    pad = write_table(pd.DataFrame({"a": [1]}), tmp_path / "t.xlsx", blad="=HYPERLINK(1)")
    assert openpyxl.load_workbook(pad).sheetnames == ["HYPERLINK(1)"]
