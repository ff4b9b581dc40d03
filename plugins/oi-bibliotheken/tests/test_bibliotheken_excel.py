"""The Excel functions as plain Python: converted arguments in, numbers or text out."""

from __future__ import annotations

import inspect

import numpy as np
import pandas as pd
import pytest
from oi_bibliotheken.excel import EXCEL_FUNCTIES, bib_afstand, bib_kwadrant, bib_vestigingen

from oi_core import InvoerFout, OIFout


def test_every_function_and_argument_has_dutch_help() -> None:
    assert [f.naam for f in EXCEL_FUNCTIES] == [
        "OI_BIB_AFSTAND",
        "OI_BIB_VESTIGINGEN",
        "OI_BIB_KWADRANT",
    ]
    for f in EXCEL_FUNCTIES:
        assert f.beschrijving and f.voorbeeld.startswith(f"={f.naam}(") and f.resultaat
        parameters = list(inspect.signature(f.functie).parameters)
        assert [a.naam for a in f.argumenten] == parameters
        for a in f.argumenten:
            assert len(a.beschrijving) > 10, (f.naam, a.naam)
        verplicht = [a.optioneel for a in f.argumenten]
        assert verplicht == sorted(verplicht)  # optional arguments come last


def test_afstand_per_stadsdeel_with_and_without_a_branch() -> None:
    km = bib_afstand(["Zuidoost", "Weesp"], "stadsdeel")
    zonder = bib_afstand(["Zuidoost", "Weesp"], "stadsdeel", ["OBA Next", None, ""])
    assert np.round(km, 3).tolist() == [0.720, 4.063]
    assert np.round(zonder, 3).tolist() == [0.786, 4.300]


def test_afstand_leaves_trailing_blank_cells_empty_and_refuses_a_gap() -> None:
    km = bib_afstand(["Zuidoost", None, "  "])
    assert len(km) == 3 and km[0] == pytest.approx(0.720, abs=0.001)
    assert np.isnan(km[1:]).all()
    with pytest.raises(OIFout, match="rij 2"):
        bib_afstand(["Zuidoost", None, "Weesp"], "stadsdeel")


def test_afstand_with_an_extra_branch_from_a_range_with_blank_rows() -> None:
    extra = np.array([[132302.2, 479608.7], [np.nan, np.nan]])
    km = bib_afstand(["Weesp"], "stadsdeel", None, extra)
    assert km[0] < 2.0


@pytest.mark.parametrize(
    ("extra", "melding"),
    [
        (np.array([[132302.2, 479608.7, 1.0]]), "twee kolommen"),
        (np.array([[132302.2, np.nan]]), "rij 1: rd_x of rd_y ontbreekt"),
        (np.array([[5.05, 52.30]]), "geen RD-coördinaat"),
    ],
)
def test_afstand_refuses_a_bad_extra_range(extra: np.ndarray, melding: str) -> None:
    with pytest.raises(InvoerFout, match=melding):
        bib_afstand(["Weesp"], "stadsdeel", None, extra)


def test_afstand_refuses_an_unknown_area_or_level() -> None:
    with pytest.raises(OIFout, match="Atlantis"):
        bib_afstand(["Atlantis"], "stadsdeel")
    with pytest.raises(InvoerFout, match="onbekend niveau 'provincie'"):
        bib_afstand(["Zuidoost"], "provincie")


def test_vestigingen_table() -> None:
    tabel = bib_vestigingen()
    assert list(tabel.columns) == ["naam", "stadsdeel", "rd_x", "rd_y"]
    assert len(tabel) == 26 and isinstance(tabel, pd.DataFrame)


def test_kwadrant_labels_with_the_published_averages() -> None:
    lees = np.array([26.0, 75.0, 60.0, 80.0, np.nan])
    km = np.array([2.1, 2.0, 1.0, 0.5, 1.0])
    assert bib_kwadrant(lees, km, 69.0, 1.4) == [
        "laag leesniveau én ver weg",
        "alleen ver weg",
        "alleen laag leesniveau",
        "geen van beide",
        "",
    ]


def test_kwadrant_defaults_to_the_mean_of_the_values_given() -> None:
    assert bib_kwadrant(np.array([50.0, 70.0]), np.array([2.0, 1.0])) == [
        "laag leesniveau én ver weg",
        "geen van beide",
    ]


def test_kwadrant_refuses_ranges_of_different_length() -> None:
    with pytest.raises(InvoerFout, match="leesniveau heeft 2 waarden en afstand 1"):
        bib_kwadrant(np.array([50.0, 70.0]), np.array([2.0]))
