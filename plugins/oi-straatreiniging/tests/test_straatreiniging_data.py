"""The package data: a faithful split of the seed table, and a tidy table the core accepts."""

from __future__ import annotations

import csv
import io
from importlib import resources
from pathlib import Path

from oi_straatreiniging.activiteit import ACTIVITEIT
from oi_straatreiniging.bronnen import gepubliceerd, tabellen
from oi_straatreiniging.gegevens import data

from oi_core import validate_data

PAKKET = resources.files("oi_straatreiniging") / "data"


def _rijen(tekst: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(tekst)))


def test_package_data_is_shipped_with_a_provenance_note() -> None:
    for naam in ("straatreiniging_stadsdelen.csv", "gepubliceerd.csv", "HERKOMST.md"):
        assert (PAKKET / naam).is_file(), naam


def test_raw_and_published_columns_recombine_to_the_seed_table(oi_referentie: Path) -> None:
    seed = _rijen((oi_referentie / "straatreiniging_stadsdelen.csv").read_text("utf-8"))
    ruw = _rijen((PAKKET / "straatreiniging_stadsdelen.csv").read_text("utf-8"))
    pub = {r[0]: r[1:] for r in _rijen((PAKKET / "gepubliceerd.csv").read_text("utf-8"))}
    terug = [[r[0], *r[1:3], *pub.get(r[0], ["", ""]), *r[3:]] for r in ruw]
    assert terug == seed


def test_raw_tables_and_published_figures_are_separate() -> None:
    ruw = tabellen()["straatreiniging_stadsdelen"]
    assert "index" not in ruw.columns and "verschil_pp" not in ruw.columns
    pub = gepubliceerd()["verschil_en_index"]
    assert list(pub.columns) == ["stadsdeel", "verschil_pp", "index"]
    assert len(pub) == 8


def test_tidy_data_validates_and_resolves_published_names() -> None:
    canoniek = validate_data(data(), ACTIVITEIT)
    stadsdelen = canoniek[canoniek["niveau"] == "stadsdeel"]
    assert sorted(stadsdelen["gebied"].unique()) == ["A", "E", "F", "K", "M", "N", "S", "T"]
    assert set(canoniek.loc[canoniek["bron_gebied"] == "N-West", "gebied"]) == {"F"}
    stad = canoniek[canoniek["niveau"] == "gemeente"]
    assert set(stad["gebied"]) == {"GM0363"} and len(stad) == 5
    assert len(canoniek) == 9 * 5


def test_data_returns_a_fresh_copy() -> None:
    eerste = data()
    eerste["waarde"] = 0.0
    assert data()["waarde"].sum() > 0
