"""One activity's OI-index at every level, with reversals (issue 12, item 7)."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from oi_core import Gebiedsindeling, InvoerFout, activiteit, match, oi_per_niveau
from oi_core.rekenen.kern import SIGNAAL_IN_VERHOUDING, SIGNAAL_MEER, SIGNAAL_MINDER


@pytest.fixture(scope="module")
def indeling() -> Gebiedsindeling:
    return Gebiedsindeling.amsterdam()


def _gebieden(indeling: Gebiedsindeling) -> tuple[pd.Series, pd.Series]:
    inwoners = indeling.bevolking("gebied")
    inwoners = inwoners[inwoners > 0]
    inzet = inwoners.copy()
    inzet["GA01"] *= 0.5  # Centrum-West gets half its share …
    inzet["GA02"] *= 3.0  # … Centrum-Oost three times: Centrum as a whole gets too much
    return inzet, inwoners


def test_reversal_between_gebied_and_stadsdeel(indeling: Gebiedsindeling) -> None:
    inzet, opgave = _gebieden(indeling)
    uit = oi_per_niveau(inzet, opgave, indeling=indeling)
    gebied = match(inzet, opgave)
    assert uit["oi_index_gebied"].tolist() == pytest.approx(gebied["oi_index"].tolist())
    ouder = indeling.parents("gebied", "stadsdeel")
    stadsdeel = match(inzet.groupby(ouder).sum(), opgave.groupby(ouder).sum())
    # hand: Centrum's share of inzet against its share of inhabitants
    a = (0.5 * opgave["GA01"] + 3 * opgave["GA02"]) / inzet.sum()
    b = (opgave["GA01"] + opgave["GA02"]) / opgave.sum()
    assert stadsdeel.loc["A", "oi_index"] == pytest.approx(100 * a / b)
    assert uit.loc["GA01", "oi_index_stadsdeel"] == pytest.approx(100 * a / b)
    assert uit.loc["GA01", "signaal_gebied"] == SIGNAAL_MINDER
    assert uit.loc["GA01", "signaal_stadsdeel"] == SIGNAAL_MEER
    assert uit.loc["GA01", "omslag"] and uit.loc["GA01", "verborgen_tekort"]
    assert not uit.loc["GA02", "omslag"]
    assert uit.loc["GA01", "code_stadsdeel"] == "A"


def test_real_branches_per_wijk(indeling: Gebiedsindeling) -> None:
    from oi_bibliotheken.niveaus import vestigingen_per_niveau

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        uit = vestigingen_per_niveau(indeling)
    assert {"oi_index_gebied", "oi_index_stadsdeel", "omslag"} <= set(uit.columns)
    assert uit["omslag"].any()


def test_refusals(indeling: Gebiedsindeling) -> None:
    from oi_core.sturen.niveaus import oi_per_niveau_activiteit

    with pytest.raises(InvoerFout, match="alleen per stadsdeel"):
        oi_per_niveau_activiteit(activiteit("groot_onderhoud").analyse())
    inzet, opgave = _gebieden(indeling)
    with pytest.raises(InvoerFout, match="niet grover"):
        oi_per_niveau(inzet, opgave, niveaus=["wijk"], indeling=indeling)


def test_a_survey_reference_must_be_in_the_chain() -> None:
    from pydantic import ValidationError

    act = activiteit("jgz").activiteit
    data = act.model_dump()
    data["keten"]["resultaat"]["indicatoren"][0]["steekproef"] = "bestaat_niet"
    with pytest.raises(ValidationError, match="steekproef 'bestaat_niet'"):
        type(act).model_validate(data)


@settings(max_examples=25, deadline=None)
@given(st.floats(0.1, 10), st.integers(0, 2**16))
def test_proportional_inzet_is_in_verhouding_at_every_level(factor: float, seed: int) -> None:
    ind = Gebiedsindeling.amsterdam()
    b = ind.bevolking("gebied")
    b = b[b > 0]
    ruis = np.random.default_rng(seed).uniform(0.97, 1.03, len(b))  # every index within 94–106
    uit = oi_per_niveau(b * factor * ruis, b, indeling=ind)
    assert not uit["omslag"].any()
    assert (uit["signaal_stadsdeel"] == SIGNAAL_IN_VERHOUDING).all()
