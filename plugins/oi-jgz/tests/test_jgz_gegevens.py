"""The embedded data: an exact copy of the seed, tidy rows as published, counts estimated."""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from oi_jgz.activiteit import ACTIVITEIT, LEEFTIJDSGROEPEN
from oi_jgz.gegevens import NO_SHOW, data, gepubliceerd, no_show_code, no_show_tekst, tabellen

from oi_core import Analyse, DataFout, Gebiedsindeling, validate_data

PAKKET = resources.files("oi_jgz") / "data"


def test_jgz_raw_table_is_a_byte_copy_of_the_seed(oi_referentie: Path) -> None:
    kopie = (PAKKET / "jgz_gebieden.csv").read_bytes()
    assert kopie == (oi_referentie / "jgz_gebieden.csv").read_bytes()
    herkomst = (PAKKET / "HERKOMST.md").read_text(encoding="utf-8")
    assert hashlib.sha256(kopie).hexdigest() in herkomst


def test_jgz_tabellen_and_gepubliceerd_are_the_package_csvs(oi_referentie: Path) -> None:
    ruw = tabellen()["jgz_gebieden"]
    assert ruw.equals(pd.read_csv(oi_referentie / "jgz_gebieden.csv"))
    uitgelicht = gepubliceerd()["differentiatiefactor"]
    assert list(uitgelicht["gebied"]) == ["Bijlmer Centrum", "Oud-Zuid"]
    assert list(uitgelicht["fte_per_1000_kinderen"]) == [3.9, 2.2]


def test_jgz_tidy_data_keeps_the_published_names_and_values() -> None:
    tidy = data()
    assert list(tidy.columns) == ["gebied", "jaar", "indicator", "waarde"]
    rij = tidy[
        (tidy["gebied"] == "Geuzenveld & Slotermeer") & (tidy["indicator"] == "fte_per_1000_po")
    ]
    assert rij["waarde"].tolist() == [0.6]
    stad = tidy[tidy["gebied"] == "Gemiddelde Amsterdam"].set_index("indicator")["waarde"]
    assert stad.to_dict() == {
        "fte_per_1000_0_4": 2.8,
        "lage_ses_per_1000_0_4": 197.0,
        "fte_per_1000_po": 0.5,
        "lage_ses_per_1000_po": 272.0,
        "vaccinatiegraad": 75.0,
    }


def test_jgz_tidy_data_validates_and_resolves_through_the_core() -> None:
    canon = validate_data(data(), ACTIVITEIT)
    assert set(canon["gebied"]) == {"GF07", "GT22", "GK11", "GM16", "GM0363"}
    assert set(canon.loc[canon["gebied"] == "GM0363", "niveau"]) == {"gemeente"}
    assert set(canon["indicator"]) == ACTIVITEIT.keten.codes()


def test_jgz_no_show_is_encoded_as_an_ordinal_and_back() -> None:
    analyse = Analyse(ACTIVITEIT, data())
    no_show = analyse.values("no_show")
    assert no_show.to_dict() == {"GF07": 1.0, "GT22": 1.0, "GK11": -1.0, "GM16": 0.0}
    assert analyse.city_value("no_show") is None  # not published for the city
    assert [no_show_tekst(v) for v in (-1.0, 0.0, 1.0, np.nan)] == [*NO_SHOW, ""]
    with pytest.raises(DataFout, match="'hoog' is geen no-show-categorie"):
        no_show_code("hoog", rij=3)


def test_jgz_counts_are_rate_times_cbs_children() -> None:
    analyse = Analyse(ACTIVITEIT, data())
    kinderen = Gebiedsindeling.amsterdam().bevolking("gebied", "inwoners_0_14")
    for groep in LEEFTIJDSGROEPEN:
        for stam in ("fte", "lage_ses"):
            tarief = analyse.values(groep.indicator(f"{stam}_per_1000"))
            aantal = analyse.values(groep.indicator(stam)).reindex(tarief.index)
            verwacht = tarief * kinderen.reindex(tarief.index) / 1000
            np.testing.assert_allclose(aantal.to_numpy(), verwacht.to_numpy())
    assert analyse.values("kinderen_0_14")["GF07"] == 8735.0
