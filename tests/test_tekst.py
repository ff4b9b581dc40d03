"""Dutch notation of generated texts."""

from __future__ import annotations

import math

from oi_core.weergave.tekst import getal, hoofdletter, opsomming, procent, procentpunt, telwoord


def test_numbers_in_dutch_notation() -> None:
    assert getal(1234.5) == "1.234,5"
    assert getal(-2.25, 2) == "−2,25"
    assert getal(math.nan) == "–"
    assert procent(47) == "47%"
    assert procentpunt(3.14) == "+3,1" and procentpunt(-11.86) == "−11,9"
    assert procentpunt(0.01) == "0,0"


def test_words() -> None:
    assert telwoord(8) == "acht" and telwoord(25) == "25"
    assert opsomming(["Noord"]) == "Noord"
    assert opsomming(["Noord", "Oost", "Zuid"]) == "Noord, Oost en Zuid"
    assert hoofdletter("acht wijken") == "Acht wijken"
