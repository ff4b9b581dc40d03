"""The public API imports and the embedded division loads."""

import oi_core


def test_public_api_is_complete() -> None:
    for naam in oi_core.__all__:
        assert hasattr(oi_core, naam), naam


def test_match_is_importable_from_the_package() -> None:
    from oi_core import match

    uit = match({"A": 1.0, "B": 3.0}, {"A": 1.0, "B": 1.0})
    assert list(uit.columns) == list(oi_core.MATCH_KOLOMMEN)
    assert uit.loc["A", "oi_index"] == 50.0
