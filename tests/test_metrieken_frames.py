"""The frame builders of the metrics give exactly what the pandas constructors give."""

from __future__ import annotations

import numpy as np
import pandas as pd

from oi_core import Gebiedsindeling, match, stapeling, tov_gemiddelde
from oi_core.rekenen import frames
from oi_core.rekenen.kern import signaal, verdeel


def _amsterdam() -> tuple[pd.Series, pd.Series]:
    opgave = Gebiedsindeling.amsterdam().bevolking("buurt").dropna() + 1
    inzet = opgave * np.linspace(0.5, 2.0, len(opgave))
    return inzet, opgave


def test_reeks_is_een_gewone_series() -> None:
    index = pd.Index(["a", "b"], name="gebied")
    pd.testing.assert_series_equal(
        frames.reeks(np.array([1.0, 2.0]), index, "x"),
        pd.Series([1.0, 2.0], index=index, name="x"),
    )


def test_tabel_geeft_wat_de_constructor_geeft() -> None:
    index = pd.Index(["a", "b", "c"], name="gebied")
    code = np.array([0, 2, 1])
    kolommen = {
        "x": np.array([1.0, 2.0, 3.0]),
        "tekst": frames.teksten(("laag", "midden", "hoog"), code),
        "n": np.array([1, 2, 3]),
        "y": np.array([4.0, 5.0, 6.0]),
        "ja": np.array([True, False, True]),
    }
    verwacht = pd.DataFrame(
        {
            "x": [1.0, 2.0, 3.0],
            "tekst": ["laag", "hoog", "midden"],
            "n": [1, 2, 3],
            "y": [4.0, 5.0, 6.0],
            "ja": [True, False, True],
        },
        index=index,
    )
    pd.testing.assert_frame_equal(frames.tabel(index, kolommen), verwacht)


def test_kolomnamen_van_een_tabel_hernoemen_raakt_de_volgende_niet() -> None:
    inzet, opgave = _amsterdam()
    eerste = match(inzet, opgave)
    eerste.columns.name = "hernoemd"
    assert match(inzet, opgave).columns.name is None


def test_match_gelijk_aan_de_formules() -> None:
    inzet, opgave = _amsterdam()
    v = verdeel(inzet, opgave)
    a, b = v.aandeel_inzet, v.aandeel_opgave
    verwacht = pd.DataFrame(
        {
            "aandeel_inzet": a,
            "aandeel_opgave": b,
            "verschil_pp": 100 * (a - b),
            "oi_index": 100 * a / b,
            "signaal": signaal(100 * a / b),
        },
        index=pd.Index(inzet.index, name=inzet.index.name),
    )
    pd.testing.assert_frame_equal(match(inzet, opgave), verwacht)


def test_tov_gemiddelde_en_stapeling_hebben_de_gewone_dtypes() -> None:
    inzet, _ = _amsterdam()
    tov = tov_gemiddelde(inzet)
    assert tov["sterk"].dtype == bool
    assert tov["positie"].dtype == pd.Series(["x"]).dtype
    assert set(tov["label"]) <= {"boven", "onder", "gemiddeld", "sterk boven", "sterk onder"}
    tabel = pd.DataFrame({"a": inzet, "b": -inzet})
    uit = stapeling(tabel, {"a": "hoger_is_beter", "b": "lager_is_beter"})
    assert list(uit.dtypes.astype(str)) == ["boolean", "boolean", "int64", "int64"]
