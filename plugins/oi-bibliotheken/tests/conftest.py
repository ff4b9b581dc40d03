"""Fixtures for the library plugin's tests.

The published tables the package data was copied from are in ``referentie/`` (with their
provenance); tests reach them through the oi_core fixture ``oi_referentie``.
"""

from __future__ import annotations

import pytest
from oi_bibliotheken.activiteit import ACTIVITEIT
from oi_bibliotheken.gegevens import data

from oi_core import Analyse


@pytest.fixture(scope="session")
def bib_analyse() -> Analyse:
    """The activity's Analyse on its embedded data, at stadsdeel level."""
    return Analyse(ACTIVITEIT, data())
