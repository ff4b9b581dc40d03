"""The published tables the tests compare with are faithful copies with their provenance."""

from __future__ import annotations

import shutil
from pathlib import Path

from oi_core.pytest_plugin import check_herkomst, herkomst_checksums

from .conftest import REFERENTIE

REPO = Path(__file__).resolve().parents[1]


def test_reference_tables_have_the_checksums_of_their_provenance_note() -> None:
    assert len(herkomst_checksums(REFERENTIE / "HERKOMST.md")) == 8
    assert check_herkomst(REFERENTIE) == []


def test_every_test_folder_of_the_repository_has_checked_reference_tables() -> None:
    """Each distribution's tests carry their own copies (they run from that folder alone)."""
    mappen = sorted(p.parent for p in REPO.glob("*/*/tests/referentie/HERKOMST.md"))
    mappen += sorted(p.parent for p in REPO.glob("*/tests/referentie/HERKOMST.md"))
    namen = {m.parents[1].name for m in mappen}
    assert namen >= {"oi-bibliotheken", "oi-straatreiniging", "oi-jgz", "oi-groot-onderhoud"}
    assert {"oi-rapport", "excel"} <= namen
    for map_ in mappen:
        assert check_herkomst(map_) == [], map_


def test_the_check_names_a_changed_an_unlisted_and_a_missing_file(tmp_path: Path) -> None:
    map_ = shutil.copytree(REFERENTIE, tmp_path / "referentie")
    (map_ / "jgz_gebieden.csv").write_text("gebied\nNoord\n", encoding="utf-8")
    (map_ / "stapeling_ses.csv").rename(map_ / "nieuw.csv")
    problemen = check_herkomst(map_)
    assert len(problemen) == 3
    assert problemen[0].startswith("jgz_gebieden.csv: sha256 ")
    assert problemen[1] == "nieuw.csv: geen controlegetal in HERKOMST.md"
    assert problemen[2] == "stapeling_ses.csv: staat in HERKOMST.md maar ontbreekt"
    assert check_herkomst(tmp_path) == [f"{tmp_path}: HERKOMST.md ontbreekt"]


def test_no_test_or_fixture_looks_for_a_folder_beside_the_repository() -> None:
    """A newcomer's clone has nothing beside it: no ``../shared``, no ``OI_SHARED``."""
    verboden = ('"shared"', "OI_SHARED", "oi_shared", "find_shared")
    bronnen = [*REPO.glob("tests/**/*.py"), *REPO.glob("*/*/tests/**/*.py")]
    bronnen += [*REPO.glob("excel/tests/**/*.py"), *REPO.glob("oi_core/**/*.py")]
    gevonden = [
        f"{p.relative_to(REPO)}: {woord}"
        for p in bronnen
        for woord in verboden
        if p != Path(__file__).resolve() and woord in p.read_text(encoding="utf-8")
    ]
    assert len(bronnen) > 50 and gevonden == []
