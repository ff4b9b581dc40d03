"""Fuzzing the CLI readers: CSV files and workbooks with random cells (text, numbers written
the Dutch and the English way, blanks, huge values, formula-like texts, bad encodings, empty
files) have exactly two outcomes: a result (exit code 0) or a Dutch error (exit code 1).
Anything else (an exception other than :class:`~oi_core.OIFout` leaving ``main``, another
exit code, a message that is no "Fout: …") is a third outcome and fails.

``oi match`` is run in process through :func:`oi_core.cli.main`; for ``oi rapport --data``
the reader it uses (:func:`oi_rapport.invoer.read_inputs`) is fuzzed, because a valid file
would make a whole report per example. ``OI_FUZZ_VOORBEELDEN`` sets the number of examples
per test (default 40, as in CI; for instance 2000 for a long run on demand).
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from tempfile import TemporaryDirectory

import numpy as np
import pytest
import xlsxwriter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from oi_core import OIFout
from oi_core.cli import main

VOORBEELDEN = int(os.environ.get("OI_FUZZ_VOORBEELDEN", "40"))
INSTELLINGEN = settings(
    max_examples=VOORBEELDEN,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

pytestmark = pytest.mark.betrouwbaarheid(soort="fuzz")

GEBIEDEN = [
    "Centrum",
    "Noord",
    "Oost",
    "West",
    "Zuid",
    "Zuidoost",
    "Nieuw-West",
    "Weesp",
    "NA",
    "NB",
    "A",
    "N/A",
    "#N/A",
    "Café",
    "=1+1",
    "@som",
    "",
    " ",
    "None",
]


def _dutch(x: float) -> str:
    return f"{x:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")


getal = st.floats(allow_nan=True, allow_infinity=True, width=64)
cel = st.one_of(
    st.just(""),
    st.sampled_from(GEBIEDEN),
    getal.map(repr),
    getal.filter(lambda x: x == x and abs(x) < 1e15).map(_dutch),
    st.integers(-(10**20), 10**20).map(str),
    st.sampled_from(
        [
            "1e400",
            "-1e400",
            "1e308",
            "nan",
            "inf",
            "47%",
            "€ 1.234",
            "−3",
            "TRUE",
            "1.234",
            "1,234",
            "0",
            "-0",
            "1.2.3",
            "12 345",
            "'5",
            "\t=2",
        ]
    ),
    st.text(max_size=12),
)
rij = st.lists(cel, min_size=1, max_size=5)
rooster = st.lists(rij, min_size=0, max_size=12)
scheiding = st.sampled_from([";", ",", "\t"])
codering = st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "latin-1"])


def _csv(kop: list[str], rijen: list[list[str]], sep: str, enc: str) -> bytes:
    regels = [sep.join(kop)] + [sep.join(r) for r in rijen]
    return "\n".join(regels).encode(enc, errors="replace")


def _assert_two_outcomes(argumenten: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    code = main(argumenten)  # any exception but OIFout leaves main: a third outcome
    fout = capsys.readouterr().err
    assert code in (0, 1), (code, fout)
    if code == 1:
        assert fout.startswith("Fout:"), fout
        assert "Traceback" not in fout


@INSTELLINGEN
@given(
    kop=st.sampled_from([["gebied", "inzet", "opgave"], ["Gebied", "Inzet", "Opgave", "extra"]]),
    rijen=rooster,
    sep=scheiding,
    enc=codering,
)
def test_oi_match_on_random_csv_files(
    kop: list[str], rijen: list[list[str]], sep: str, enc: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with TemporaryDirectory() as map_:
        pad = Path(map_) / "m.csv"
        pad.write_bytes(_csv(kop, rijen, sep, enc))
        _assert_two_outcomes(["match", str(pad), "--json"], capsys)


@INSTELLINGEN
@given(inhoud=st.binary(max_size=400), naam=st.sampled_from(["m.csv", "m.xlsx", "m.ods"]))
def test_oi_match_on_random_bytes(
    inhoud: bytes, naam: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with TemporaryDirectory() as map_:
        pad = Path(map_) / naam
        pad.write_bytes(inhoud)
        _assert_two_outcomes(["match", str(pad), "--json"], capsys)


xlsx_cel = st.one_of(
    st.none(),
    getal,
    st.booleans(),
    st.integers(-(10**18), 10**18),
    cel,
)


def _xlsx(rijen: list[list[object]]) -> bytes:
    buffer = io.BytesIO()
    boek = xlsxwriter.Workbook(
        buffer, {"in_memory": True, "strings_to_formulas": False, "nan_inf_to_errors": True}
    )
    blad = boek.add_worksheet()
    blad.write_row(0, 0, ["gebied", "inzet", "opgave"])
    for i, r in enumerate(rijen, start=1):
        for j, waarde in enumerate(r):
            if waarde is not None:
                blad.write(i, j, waarde)
    boek.close()
    return buffer.getvalue()


@INSTELLINGEN
@given(rijen=st.lists(st.lists(xlsx_cel, min_size=1, max_size=4), max_size=10))
def test_oi_match_on_random_workbooks(
    rijen: list[list[object]], capsys: pytest.CaptureFixture[str]
) -> None:
    with TemporaryDirectory() as map_:
        pad = Path(map_) / "m.xlsx"
        pad.write_bytes(_xlsx(rijen))
        _assert_two_outcomes(["match", str(pad), "--json"], capsys)


tidy_cel = st.one_of(
    cel,
    st.sampled_from(
        [
            "fte_pct",
            "bewoners_bezoekers_pct",
            "grof_zwerfvuil_pct_min_b",
            "2024",
            "2023",
            "stadsdeel",
            "wijk",
            "gemeente",
            "Amsterdam",
        ]
    ),
)


@INSTELLINGEN
@given(
    rijen=st.lists(st.lists(tidy_cel, min_size=3, max_size=5), max_size=10),
    sep=scheiding,
    enc=codering,
)
def test_the_reader_of_oi_rapport_data_on_random_csv_files(
    rijen: list[list[str]], sep: str, enc: str
) -> None:
    from oi_rapport.invoer import read_inputs

    kop = ["gebied", "jaar", "indicator", "waarde", "niveau"]
    with TemporaryDirectory() as map_:
        pad = Path(map_) / "straatreiniging.csv"
        pad.write_bytes(_csv(kop, rijen, sep, enc))
        try:
            uit = read_inputs([pad])
        except OIFout as fout:
            assert str(fout)
            return
        data = uit["straatreiniging"].data
        assert not np.isinf(data["waarde"].to_numpy()).any()  # a number, or missing
