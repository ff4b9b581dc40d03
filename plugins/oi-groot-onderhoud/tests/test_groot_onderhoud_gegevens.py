"""The embedded data: raw and published parts together are exactly the seed table."""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path

import pandas as pd
import pytest
from oi_groot_onderhoud.activiteit import ACTIVITEIT
from oi_groot_onderhoud.gegevens import data, data_uit_tabel, gepubliceerd, tabellen

from oi_core import Analyse, DataFout, validate_data


def test_groot_onderhoud_raw_and_published_make_the_seed(oi_referentie: Path) -> None:
    bestand = oi_referentie / "groot_onderhoud_stadsdelen.csv"
    seed = pd.read_csv(bestand)
    ruw = tabellen()["groot_onderhoud_stadsdelen"]
    pub = gepubliceerd()["match"]
    samen = ruw.merge(pub, on="stadsdeel", how="left")[list(seed.columns)]
    pd.testing.assert_frame_equal(samen, seed, check_dtype=False)
    assert "verschil_pp" not in ruw.columns and "oi_index" not in ruw.columns
    herkomst = (resources.files("oi_groot_onderhoud") / "data" / "HERKOMST.md").read_text("utf-8")
    assert hashlib.sha256(bestand.read_bytes()).hexdigest() in herkomst


def test_groot_onderhoud_tidy_data_resolves_through_the_core() -> None:
    tidy = data()
    assert "N-West" in set(tidy["gebied"])  # names as published
    canon = validate_data(tidy, ACTIVITEIT)
    assert set(canon["gebied"]) == {"A", "E", "F", "K", "M", "N", "S", "T", "GM0363"}
    stad = canon[canon["gebied"] == "GM0363"].set_index("indicator")["waarde"].to_dict()
    assert stad == {
        "projectbudget": 100.0,
        "aandeel_niveau_d": 100.0,
        "pct_niveau_d": 16.0,
        "bewonersoordeel": 6.5,
        "wijken_onvoldoende": 9.0,
        "lage_ses": 30.0,
    }
    jaren = canon.groupby("indicator")["jaar"].first().to_dict()
    assert jaren["projectbudget"] == 2025 and jaren["pct_niveau_d"] == 2023


def test_groot_onderhoud_pavement_share_is_derived_from_the_crow_columns() -> None:
    analyse = Analyse(ACTIVITEIT, data())
    verharding = analyse.values("aandeel_verharding")
    assert verharding.sum() == pytest.approx(100.0)
    a, p = analyse.values("aandeel_niveau_d"), analyse.values("pct_niveau_d")
    verhouding = (a / p).reindex(verharding.index)
    pd.testing.assert_series_equal(
        verharding, 100 * verhouding / verhouding.sum(), check_names=False
    )
    assert analyse.city_value("aandeel_verharding") is None


def test_groot_onderhoud_no_pavement_share_from_unusable_crow_figures() -> None:
    ruw = tabellen()["groot_onderhoud_stadsdelen"].copy()
    ruw.loc[ruw["stadsdeel"] == "West", "pct_opp_niveau_d_in_stadsdeel"] = 0
    tidy = data_uit_tabel(ruw)
    assert "aandeel_verharding" not in set(tidy["indicator"])


def test_groot_onderhoud_table_format_is_checked() -> None:
    ruw = tabellen()["groot_onderhoud_stadsdelen"].drop(columns=["pct_lage_ses"])
    with pytest.raises(DataFout, match="kolom 'pct_lage_ses': kolom ontbreekt"):
        data_uit_tabel(ruw)


def test_data_is_read_once_and_every_caller_gets_its_own_copy() -> None:
    from oi_groot_onderhoud import gegevens

    eerste = gegevens.data()
    eerste.loc[:, "waarde"] = -1.0
    tweede = gegevens.data()
    assert (tweede["waarde"] >= 0).all()
    assert tweede is not gegevens.data()
