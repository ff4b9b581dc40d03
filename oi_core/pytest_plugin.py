"""pytest plugin shipped with oi_core (entry point ``pytest11``): fixtures for plugin tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .gebieden import Gebiedsindeling


@pytest.fixture(scope="session")
def oi_indeling() -> Gebiedsindeling:
    """The embedded Amsterdam Gebiedsindeling (2022 division, 2024 population)."""
    return Gebiedsindeling.amsterdam()


@pytest.fixture
def oi_zonder_plugins() -> Iterator[None]:
    """A plugin manager with only the built-ins registered, for the duration of a test."""
    from .plugins import isolated

    with isolated():
        yield
