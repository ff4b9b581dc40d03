"""The package data: faithful copies of the seed, and a tidy table the core accepts."""

from __future__ import annotations

import csv
import hashlib
import io
from importlib import resources
from pathlib import Path

import pytest
from oi_bibliotheken.activiteit import ACTIVITEIT
from oi_bibliotheken.bronnen import gepubliceerd, tabellen, vestigingen
from oi_bibliotheken.gegevens import data

from oi_core import Gebiedsindeling, validate_data

PAKKET = resources.files("oi_bibliotheken") / "data"
OBA_VESTIGINGEN_SHA256 = "2e6000746ee25a116c0625365a336c4d0083aafd18c6ecca11a788d79877e813"


def _pakket(naam: str) -> bytes:
    return (PAKKET / naam).read_bytes()


def test_package_data_is_shipped_with_a_provenance_note() -> None:
    for naam in (
        "bibliotheken_stadsdelen.csv",
        "bibliotheken_wijken.csv",
        "gepubliceerd_gemiddelden.csv",
        "oba_vestigingen.csv",
        "HERKOMST.md",
    ):
        assert (PAKKET / naam).is_file(), naam
    herkomst = (PAKKET / "HERKOMST.md").read_text(encoding="utf-8")
    assert "Niet geverifieerd" in herkomst
    assert "93db6e2cd179a94b318def08d4f4863ad511fd06" in herkomst


def test_stadsdelen_and_branches_are_byte_identical_copies(oi_referentie: Path) -> None:
    assert (
        _pakket("bibliotheken_stadsdelen.csv")
        == (oi_referentie / "bibliotheken_stadsdelen.csv").read_bytes()
    )
    # sha256 of the source, shared/data/amsterdam/oba_vestigingen.csv (see data/HERKOMST.md)
    assert hashlib.sha256(_pakket("oba_vestigingen.csv")).hexdigest() == OBA_VESTIGINGEN_SHA256


def test_wijken_and_published_averages_recombine_to_the_seed_table(oi_referentie: Path) -> None:
    seed = list(
        csv.reader(io.StringIO((oi_referentie / "bibliotheken_wijken.csv").read_text("utf-8")))
    )
    wijken = list(csv.reader(io.StringIO(_pakket("bibliotheken_wijken.csv").decode("utf-8"))))
    gemiddelden = list(
        csv.reader(io.StringIO(_pakket("gepubliceerd_gemiddelden.csv").decode("utf-8")))
    )
    assert gemiddelden[0] == ["gebied", *seed[0][2:]]
    terug = wijken + [[r[0], "", *r[1:]] for r in gemiddelden[1:]]
    assert terug == seed


def test_raw_tables_and_published_figures_are_separate() -> None:
    ruw = tabellen()
    assert set(ruw) == {"bibliotheken_stadsdelen", "bibliotheken_wijken", "oba_vestigingen"}
    assert "Gemiddelde Amsterdam" not in set(ruw["bibliotheken_wijken"]["stadsdeel"])
    gem = gepubliceerd()["gemiddelden"].set_index("gebied")
    assert gem.loc["Gemiddelde Amsterdam"].tolist() == [69, 1.4, 30]
    assert gem.loc["Gemiddelde Nederland", "leesniveau_pct"] == 73


def test_branch_list_has_26_points_in_rd_new_and_no_weesp() -> None:
    v = vestigingen()
    assert len(v) == 26
    assert v["rd_x"].between(110_000, 135_000).all()
    assert v["rd_y"].between(475_000, 495_000).all()
    assert "S" not in set(v["stadsdeel_code"])  # no branch in Weesp/Driemond: documented
    assert {"OBA Next", "OBA Oosterdok"} <= set(v.index)


def test_tidy_data_validates_and_resolves_published_names() -> None:
    canoniek = validate_data(data(), ACTIVITEIT)
    per_niveau = canoniek.groupby("niveau")["gebied"].nunique().to_dict()
    assert per_niveau == {"gemeente": 1, "stadsdeel": 9, "gebied": 25, "wijk": 110}
    wijken = canoniek[(canoniek["niveau"] == "wijk") & (canoniek["indicator"] == "leesniveau_pct")]
    assert list(wijken["gebied"]) == ["FN", "TB", "TH", "TE", "TJ", "TF", "TK", "FG"]
    assert list(wijken["bron_gebied"])[5] == "Geerdinkh./Kantersh."
    stad = canoniek[canoniek["bron_gebied"] == "Gemiddelde Amsterdam"]
    assert set(stad["gebied"]) == {"GM0363"}
    assert not canoniek["bron_gebied"].str.contains("Nederland").any()


def test_derived_counts_use_2024_population() -> None:
    d = data()
    zuidoost = d[(d["gebied"] == "Zuidoost") & (d["niveau"] == "stadsdeel")]
    waarde = zuidoost.set_index("indicator")["waarde"]
    inwoners = Gebiedsindeling.amsterdam().area("T").inwoners
    kinderen = Gebiedsindeling.amsterdam().area("T").inwoners_0_14
    assert inwoners == 92_370 and kinderen == 13_180
    assert waarde["m2_bibliotheek"] == pytest.approx(2.3 * 92_370 / 100)
    assert waarde["inwoners_lage_ses"] == pytest.approx(40 * 92_370 / 100)
    assert waarde["jeugd_onder_streefniveau"] == pytest.approx(0.49 * 13_180)


def test_data_returns_a_fresh_copy() -> None:
    eerste = data()
    eerste["waarde"] = 0.0
    assert data()["waarde"].abs().sum() > 0
