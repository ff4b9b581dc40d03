"""Fixtures for the street-cleaning plugin's tests.

``shared`` is the project's ``../shared`` folder (the seed tables the package data was
copied from); tests that compare with it skip with a reason when it is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from oi_straatreiniging.activiteit import ACTIVITEIT
from oi_straatreiniging.gegevens import data

from oi_core import Analyse


@pytest.fixture
def shared(oi_shared: Path) -> Path:
    """The reference folder (see the oi_core pytest plugin's ``oi_shared``)."""
    return oi_shared


@pytest.fixture(scope="session")
def sr_analyse() -> Analyse:
    """The activity's Analyse on its embedded data, at stadsdeel level."""
    return Analyse(ACTIVITEIT, data())
