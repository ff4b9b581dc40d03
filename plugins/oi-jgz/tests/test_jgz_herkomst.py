"""The published tables these tests compare with are faithful copies (referentie/HERKOMST.md)."""

from __future__ import annotations

from pathlib import Path

from oi_core.pytest_plugin import check_herkomst


def test_reference_tables_have_the_checksums_of_their_provenance_note(oi_referentie: Path) -> None:
    assert check_herkomst(oi_referentie) == []
