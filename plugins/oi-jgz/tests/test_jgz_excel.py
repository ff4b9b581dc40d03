"""The Excel functions, called as plain Python with arguments as the Excel layer converts them."""

from __future__ import annotations

import re

import numpy as np
import pytest
from oi_jgz.activiteit import LEEFTIJDSGROEPEN
from oi_jgz.analyses import gepubliceerde_sleutel
from oi_jgz.excel import EXCEL_FUNCTIES, oi_jgz_fte, oi_jgz_index_stad, oi_jgz_sleutel

from oi_core import DataFout, InvoerFout, OIWaarschuwing

FTE = np.array([3.2, 3.9, 2.2, 2.3])
SES = np.array([289.0, 432.0, 109.0, 106.0])


def test_jgz_excel_functions_are_documented_in_dutch() -> None:
    namen = [f.naam for f in EXCEL_FUNCTIES]
    assert namen == ["OI_JGZ_FTE", "OI_JGZ_SLEUTEL", "OI_JGZ_INDEX_STAD"]
    for functie in EXCEL_FUNCTIES:
        assert re.fullmatch(r"OI_[A-Z0-9_]+", functie.naam)
        assert functie.beschrijving and functie.voorbeeld.startswith(f"={functie.naam}(")
        assert functie.resultaat
        assert all(a.beschrijving for a in functie.argumenten)
        verplicht = [a.optioneel for a in functie.argumenten]
        assert verplicht == sorted(verplicht), "optional arguments come last"


def test_jgz_excel_fte_allocates_by_the_published_key() -> None:
    uit = oi_jgz_fte(["Oud-Zuid", "GT22", None, None], np.array([0.109, 0.432, np.nan, np.nan]))
    assert list(uit["gebied"]) == ["GK11", "GT22"]
    np.testing.assert_allclose(
        uit["fte_per_1000"],
        gepubliceerde_sleutel(LEEFTIJDSGROEPEN[0]).fte_per_1000(np.array([0.109, 0.432])),
    )
    po = oi_jgz_fte(["Oud-Zuid"], np.array([0.125]), "primair onderwijs", np.array([1000.0]), None)
    assert po.loc[0, "fte"] == pytest.approx(
        gepubliceerde_sleutel(LEEFTIJDSGROEPEN[1]).fte_per_1000(np.array([0.125]))[0]
    )
    with pytest.warns(OIWaarschuwing, match="over 2 van de 25 gebieden"):
        totaal = oi_jgz_fte(["GK11", "GT22"], np.array([0.1, 0.4]), None, None, 10.0)
    assert totaal["fte"].sum() == pytest.approx(10.0)


def test_jgz_excel_fte_names_the_wrong_cell() -> None:
    with pytest.raises(DataFout, match="rij 2, kolom 'aandeel_lage_ses': geen waarde voor 'GT22'"):
        oi_jgz_fte(["GK11", "GT22"], np.array([0.1, np.nan]))
    with pytest.raises(DataFout, match="rij 1, kolom 'aandeel_lage_ses': waarde zonder gebied"):
        oi_jgz_fte([None], np.array([0.1]))
    with pytest.raises(InvoerFout, match="2 gebieden maar 1 waarden"):
        oi_jgz_fte(["GK11", "GT22"], np.array([0.1]))
    with pytest.raises(InvoerFout, match="onbekende leeftijdsgroep"):
        oi_jgz_fte(["GK11"], np.array([0.1]), "pubers")


def test_jgz_excel_sleutel_fits_any_points() -> None:
    tabel = oi_jgz_sleutel(FTE, SES, ["GS", "BC", "OZ", "WGM"])
    waarden = dict(zip(tabel["parameter"], tabel["waarde"], strict=True))
    assert waarden["basis (FTE per 1000 kinderen)"] == pytest.approx(1.706, abs=0.001)
    assert waarden["R²"] == pytest.approx(0.9963, abs=0.0001)
    zonder_namen = oi_jgz_sleutel(FTE, SES)
    assert zonder_namen.equals(tabel)


def test_jgz_excel_index_against_the_city() -> None:
    uit = oi_jgz_index_stad(FTE, SES, 2.8, 197.0)
    assert [round(r[0], 1) for r in uit] == [77.9, 63.5, 142.0, 152.7]
    with pytest.raises(InvoerFout, match="Amsterdams gemiddelde"):
        oi_jgz_index_stad(FTE, SES, None, 197.0)
