"""The report's palette and the colour logic of the OI-index.

- Adjacent colour classes differ at least 3:1 in contrast (WCAG 2.2, 1.4.11), also as seen
  with protanopia and deuteranopia: simulated with the matrices of Machado, Oliveira &
  Fernandes (2009), severity 1.0, on linear RGB. Text on every class reaches 4.5:1 (1.4.3).
- The OI-index is coloured with the same band as its signal, for any index and any band.
- Only a colouring of an indicator says better or worse; the OI-index's never does.
"""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from oi_rapport.opmaak import KLEUR_TEKST, KLEUREN

from oi_core.rekenen.kern import (
    SIGNAAL_IN_VERHOUDING,
    SIGNAAL_MEER,
    SIGNAAL_MINDER,
    signaal,
)
from oi_core.rekenen.kleuring import KLASSEN, LEGENDA, SYMBOLEN, kleur_index

MACHADO_2009 = {
    "normaal zicht": np.eye(3),
    "protanopie": np.array(
        [
            [0.152286, 1.052583, -0.204868],
            [0.114503, 0.786281, 0.099216],
            [-0.003882, -0.048116, 1.051998],
        ]
    ),
    "deuteranopie": np.array(
        [
            [0.367322, 0.860646, -0.227968],
            [0.280085, 0.672501, 0.047413],
            [-0.011820, 0.042940, 0.968881],
        ]
    ),
}
"""Colour-vision-deficiency simulation matrices (Machado et al. 2009, severity 1.0)."""

CSS = Path(__file__).parents[1] / "oi_rapport" / "sjablonen" / "rapport.css"


def _linear(kleur: str) -> np.ndarray:
    srgb = np.array([int(kleur[i : i + 2], 16) / 255 for i in (1, 3, 5)])
    return np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)


def _luminance(lineair: np.ndarray) -> float:
    return float(np.clip(lineair, 0, 1) @ np.array([0.2126, 0.7152, 0.0722]))


def _contrast(a: float, b: float) -> float:
    donker, licht = sorted((a, b))
    return (licht + 0.05) / (donker + 0.05)


@pytest.mark.parametrize("zicht", list(MACHADO_2009))
def test_adjacent_classes_differ_three_to_one(zicht: str) -> None:
    m = MACHADO_2009[zicht]
    lum = [_luminance(m @ _linear(KLEUREN[k])) for k in KLASSEN]
    verhoudingen = [_contrast(a, b) for a, b in pairwise(lum)]
    assert min(verhoudingen) >= 3.0, dict(zip(KLASSEN[1:], verhoudingen, strict=True))
    # the scale is diverging: lightest in the middle, darker to both ends
    assert lum[2] == max(lum) and lum[0] < lum[1] and lum[4] < lum[3]


@pytest.mark.parametrize("zicht", list(MACHADO_2009))
def test_the_two_ends_stay_apart_in_hue(zicht: str) -> None:
    """Orange and blue of the same darkness must not merge for red-green colour blindness:
    their simulated colours differ clearly (distance in linear RGB)."""
    m = MACHADO_2009[zicht]
    for laag, hoog in (("min", "plus"), ("min_sterk", "plus_sterk")):
        a, b = (np.clip(m @ _linear(KLEUREN[k]), 0, 1) for k in (laag, hoog))
        assert float(np.abs(a - b).max()) > 0.08, (laag, hoog)


def test_text_on_every_class_is_readable() -> None:
    for klasse in KLASSEN:
        tekst = KLEUR_TEKST.get(klasse, "#000000")
        verhouding = _contrast(_luminance(_linear(KLEUREN[klasse])), _luminance(_linear(tekst)))
        assert verhouding >= 4.5, (klasse, verhouding)


def test_the_html_uses_the_same_colours_as_the_workbook() -> None:
    css = CSS.read_text(encoding="utf-8")
    for klasse, kleur in KLEUREN.items():
        naam = klasse.replace("_", "-")
        assert re.search(rf"--{naam}:\s*{kleur}\s*;", css, re.IGNORECASE), klasse


def test_every_class_has_its_own_symbol_and_text() -> None:
    for soort in ("index", "indicator"):
        assert len(set(SYMBOLEN[soort].values())) == len(KLASSEN)  # type: ignore[index]
        assert set(LEGENDA[soort]) == set(KLASSEN)  # type: ignore[index]


def test_the_index_legend_never_calls_an_index_better_or_worse() -> None:
    tekst = " ".join(LEGENDA["index"].values()) + kleur_index(pd.Series([50.0, 150.0])).uitleg
    assert not re.search(r"beter|slechter", tekst, re.IGNORECASE)
    assert "beter" in " ".join(LEGENDA["indicator"].values())


_SIGNAAL = {
    "min_sterk": SIGNAAL_MINDER,
    "min": SIGNAAL_MINDER,
    "gemiddeld": SIGNAAL_IN_VERHOUDING,
    "plus": SIGNAAL_MEER,
    "plus_sterk": SIGNAAL_MEER,
}


@given(
    st.lists(st.floats(0, 1e4, allow_nan=False), min_size=1, max_size=30),
    st.floats(0, 0.95),
)
def test_the_index_colour_follows_the_signal_for_any_band(
    waarden: list[float], band: float
) -> None:
    index = pd.Series(waarden, index=[f"g{i}" for i in range(len(waarden))])
    kleuring = kleur_index(index, band)
    signalen = signaal(index.to_numpy(), band)
    for label, s in zip(index.index, signalen, strict=True):
        assert _SIGNAAL[kleuring.klasse(label)] == s
    x = index.to_numpy()
    donker = np.array([kleuring.klasse(g).endswith("sterk") for g in index.index])
    assert not (donker & (x >= 50) & (x <= 200)).any()


def test_band_zero_and_missing_values() -> None:
    kleuring = kleur_index(pd.Series([100.0, 99.9, np.nan, 49.0, 201.0], index=list("abcde")), 0)
    assert [kleuring.klasse(g) for g in "abcde"] == [
        "gemiddeld",
        "min",
        "",
        "min_sterk",
        "plus_sterk",
    ]
    assert kleuring.symbool("c") == "" and kleuring.symbool("d") == "▼▼"
