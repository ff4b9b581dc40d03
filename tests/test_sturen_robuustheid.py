"""Robustness of the signal under alternative opgave definitions (issue 12, item 8)."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from oi_core import InvoerFout, OpgaveDefinitie, activiteit, opgave_volgens, robuustheid
from oi_core.rekenen.kern import SIGNAAL_IN_VERHOUDING, SIGNAAL_MEER, SIGNAAL_MINDER
from oi_core.sturen.robuustheid import robuustheid_activiteit


def test_by_hand() -> None:
    inzet = pd.Series({"A": 50.0, "B": 50.0})
    uit = robuustheid(inzet, {"eerste": {"A": 40.0, "B": 60.0}, "tweede": {"A": 50.0, "B": 50.0}})
    assert uit["OI-index: eerste"].tolist() == pytest.approx([125.0, 250 / 3])
    assert uit["Signaal: eerste"].tolist() == [SIGNAAL_MEER, SIGNAAL_MINDER]
    assert uit["Signaal: tweede"].tolist() == [SIGNAAL_IN_VERHOUDING, SIGNAAL_IN_VERHOUDING]
    assert not uit["stevig"].any()
    assert uit["laagste_index"].tolist() == pytest.approx([100.0, 250 / 3])


def test_definitions_by_hand() -> None:
    waarden = pd.DataFrame({"d": [10.0, 30.0], "ses": [20.0, 40.0]}, index=["A", "B"])
    som = OpgaveDefinitie(naam="s", gewichten={"d": 0.5, "ses": 0.5})
    product = OpgaveDefinitie(naam="p", gewichten={"d": 1, "ses": 1}, vorm="product")
    assert opgave_volgens(som, waarden).tolist() == pytest.approx(
        [0.5 * 0.25 + 0.5 * 20 / 60, 0.5 * 0.75 + 0.5 * 40 / 60]
    )
    assert opgave_volgens(product, waarden).tolist() == [200.0, 1200.0]


def test_groot_onderhoud_with_and_without_kwetsbaarheid() -> None:
    uit = robuustheid_activiteit(activiteit("groot_onderhoud").analyse())
    assert "OI-index: met kwetsbaarheid" in uit.columns
    # Nieuw-West is te weinig either way; Zuidoost only without kwetsbaarheid in verhouding
    assert uit.loc["F", "stevig"] and uit.loc["F", "Signaal: met kwetsbaarheid"] == SIGNAAL_MINDER
    assert not uit.loc["T", "stevig"]


def test_refusals() -> None:
    with pytest.raises(InvoerFout, match="minstens twee"):
        robuustheid({"A": 1.0}, {"een": {"A": 1.0}})
    with pytest.raises(InvoerFout, match="geen andere definities"):
        robuustheid_activiteit(activiteit("straatreiniging").analyse())
    with pytest.raises(ValueError, match="onbekende indicator"):
        activiteit("jgz").activiteit.model_copy(update={}).model_validate(
            {
                **activiteit("jgz").activiteit.model_dump(),
                "opgave_alternatieven": [{"naam": "x", "gewichten": {"bestaat_niet": 1}}],
            }
        )


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.floats(0.1, 100), st.floats(0.1, 100)), min_size=2, max_size=10))
def test_identical_definitions_are_always_sturdy(rijen: list[tuple[float, float]]) -> None:
    labels = [f"g{i}" for i in range(len(rijen))]
    inzet = pd.Series([r[0] for r in rijen], labels)
    opgave = pd.Series([r[1] for r in rijen], labels)
    uit = robuustheid(inzet, {"a": opgave, "b": opgave * 3})
    assert uit["stevig"].all()
