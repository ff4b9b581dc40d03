"""Every sentence with a number in a report on own data is built from that data (issue 10.4).

Systematic, not by example: the default report (the embedded data of every activity) and
two reports on own data — the embedded tables with every value changed by its own factor
per area and indicator (0,7 to 1,3, two different sets), read back through ``oi rapport
--data`` — are rendered to HTML. Per chapter every sentence that contains a digit is taken
from each; a sentence of the default report that comes back unchanged in both reports on
own data was not built from the data (two sets, so a rounded figure or a count that happens
to stay the same once is not taken for one), unless its numbers do not depend on the data.
Those are listed in :data:`VAST`, each with its reason. A chapter built on data that own
data do not replace (:data:`ANDERE_GEGEVENS`) must come back unchanged and name its source.

This test found that *Wat als?* and *Sturen* were computed on the built-in data even in a
report on own data; they now use the report's analyses (``ExtraHoofdstuk.maak_op``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import numpy as np
import pytest
from oi_rapport import RapportOpties, RapportUitkomst, make_report

from oi_core import activiteit
from oi_core.plugins.manager import activiteiten

pytestmark = pytest.mark.slow  # three whole reports: two to three minutes

VAST: tuple[tuple[str, str], ...] = (
    (r"minder dan 90, meer dan 110|onder 90, meer dan het aandeel boven 110", "de band ±10 %"),
    (r"\(OI-index onder 90\);$|\(90 tot en met 110\);$|\(boven 110\)\.$", "de band ±10 %"),
    (r"^100 \(in verhouding\)|100 is in verhouding|^100 × aandeel inzet", "de OI-index, methode"),
    (r"donker onder 50 .* boven 200", "de kleurgrenzen van de OI-index, methode"),
    (r"^OI-index = 100 × aandeel|^100 betekent inzet|= 100 × \(FTE / FTE", "formules"),
    (r"^Nodig = FTE Amsterdam|^opgave = lage-SES|^Inzet = FTE per 1000|Residu =", "formules"),
    (r"^1 is precies op de lijn|^Boven 0,8 noemen|^−1 ondergemiddeld", "uitleg van een maat"),
    (r"\b0[–-]4 jaar\b|\b0[–-]14\b|\b0 tot 14 jaar\b|groep[- ]8|18-plussers", "leeftijd, groep"),
    (r"per 1000 kinderen|per 100 inwoners|(?<!\d)1000 lage-SES", "eenheid van een indicator"),
    (r"\(2024\)|\(2025\)|2025–2028|1 januari 2024|Kerncijfers wijken en buurten", "peiljaar, bron"),
    (r"80%|‘sober’|'sober'|5% per procentpunt", "de norm 'sober' en de opslag (instelling)"),
    (r"indeling 2022 \(9 stadsdelen, 25 gebieden, 110 wijken, 518 buurten\)", "gebiedsindeling"),
    (r"\bStap [123], ", "de drie stappen van de methode"),
    (r"— gemaakt op [\d-]+ [\d:]+ met oi-core [\d.]+\.$", "tijdstip en versie van het rapport"),
    (
        r"OI-index van 100 t\.o\.v\.$|compensatie tot index 100|stippellijn is 100, het doel"
        r"|een OI-index van 100\)",
        "het doel: index 100",
    ),
    (r"hoogstens \d+% verandering per gebied per jaar", "tempo en jaren van het scenario"),
    (r"^Het interval bevat 0\b", "0: geen verband (concentratie-index, methode)"),
    (r"α = |β = |× \(1 \+ α", "de instellingen α en β van de weging (groot onderhoud)"),
    (r"gemiddelde van \d gebieden:$|\d stadsdelen, zonder Centrum:$", "aantal gebieden"),
    (
        r"OBA Next de gemiddelde afstand|slaat om in .* van de 25 gebieden|meer dan 5 meter",
        "vestigingen en afstanden uit oba_vestigingen.csv: ingebouwd, geen deel van de tabel",
    ),
    (r"\(deel [12] van 2\)", "een tabel die over twee pagina's loopt"),
    (r"\bvier gebieden\b|de 4 gebieden|alle 25 gebieden|van de 110 wijken", "aantal gebieden"),
)
"""Sentences whose numbers do not depend on the data: (pattern, reason)."""

ANDERE_GEGEVENS: dict[str, str] = {
    "stapeling": "negen indicatoren uit de presentatie, van de stapelingsplugin; geen activiteit, "
    "dus eigen gegevens (per activiteit) vervangen ze niet; het hoofdstuk noemt die bron",
}
"""Chapters built on data that own data do not replace, with the reason; checked apart."""


def _own_csv(code: str, map_: Path, verschuiving: int) -> Path:
    tabel = activiteit(code).data().copy()
    gebied = tabel["gebied"].astype("category").cat.codes.to_numpy()
    indicator = tabel["indicator"].astype("category").cat.codes.to_numpy()
    factor = 0.7 + 0.6 * ((gebied * 7 + indicator * 3 + verschuiving) % 11) / 10
    tabel["waarde"] = tabel["waarde"].astype(float) * np.where(factor == 1.0, 1.06, factor)
    pad = map_ / f"{code}.csv"
    tabel.to_csv(pad, sep=";", decimal=",", index=False)
    return pad


@pytest.fixture(scope="module")
def rapporten(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, ...]]:
    standaard = make_report(RapportOpties(uitvoer=tmp_path_factory.mktemp("standaard")))
    uit = [_html(standaard)]
    for verschuiving in (0, 5):
        map_ = tmp_path_factory.mktemp("eigen")
        paden = tuple(_own_csv(c, map_, verschuiving) for c in sorted(activiteiten()))
        uit.append(_html(make_report(RapportOpties(uitvoer=map_ / "uit", data=paden))))
    yield tuple(uit)


def _html(uitkomst: RapportUitkomst) -> str:
    return uitkomst.html.read_text(encoding="utf-8")


def chapters(html: str) -> dict[str, str]:
    """The HTML of each chapter and front page, by its id; figures and table bodies left out
    (a table's cells are rendered data, its caption is a sentence)."""
    html = re.sub(r"<(svg|style|script|thead|tbody)\b.*?</\1>", " ", html, flags=re.S)
    delen = re.split(r'<section class="(?:hoofdstuk|voorpagina)" id="([^"]+)">', html)
    return {delen[i]: delen[i + 1] for i in range(1, len(delen), 2)}


def sentences(html: str) -> set[str]:
    """The sentences (and clauses, split at ``.!?:;``) of a chapter that contain a digit."""
    tekst = re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))
    return {z.strip() for z in re.split(r"(?<=[.!?:;])\s+", tekst) if re.search(r"\d", z)}


def unchanged(standaard: str, *eigen: str) -> list[str]:
    """Sentences with a number of ``standaard`` that each ``eigen`` repeats, not in
    :data:`VAST`."""
    gelijk = sentences(standaard).intersection(*(sentences(e) for e in eigen))
    return sorted(z for z in gelijk if not any(re.search(p, z) for p, _ in VAST))


def _ids() -> list[object]:
    codes = sorted(activiteiten())
    sleutels = [
        "overzicht",
        *(f"activiteit-{c}" for c in codes),
        *(f"voorpagina-{c}" for c in codes),
    ]
    return [*sleutels, "over", "wat_als", "sturen"]


@pytest.mark.parametrize("sleutel", _ids())
def test_no_sentence_with_a_number_survives_other_data(
    rapporten: tuple[str, ...], sleutel: str
) -> None:
    standaard, *eigen = (chapters(h) for h in rapporten)
    assert all(sleutel in h for h in (standaard, *eigen))
    assert sentences(standaard[sleutel]), "het hoofdstuk heeft geen zinnen met een getal"
    assert unchanged(standaard[sleutel], *(e[sleutel] for e in eigen)) == []


@pytest.mark.parametrize("sleutel", sorted(ANDERE_GEGEVENS))
def test_a_chapter_on_other_data_names_its_source(rapporten: tuple[str, ...], sleutel: str) -> None:
    """Such a chapter is the same on own data, and says where its figures come from."""
    standaard, *eigen = (chapters(h) for h in rapporten)
    assert all(sentences(e[sleutel]) == sentences(standaard[sleutel]) for e in eigen)
    assert "Bron: presentatie Inzicht in ongelijk investeren" in unescape(eigen[0][sleutel])


def test_the_check_finds_a_sentence_that_ignores_the_data() -> None:
    """The comparison itself: a figure that stays is found, a method constant is not."""
    standaard = (
        "<p>Noord krijgt 12% van de inzet. Grens: onder 90, meer dan het aandeel boven 110.</p>"
    )
    eigen = standaard.replace("<p>", "<p>Zuid krijgt 3%. ")
    assert unchanged(standaard, eigen, eigen) == ["Noord krijgt 12% van de inzet."]
    assert unchanged(standaard, eigen, eigen.replace("12%", "14%")) == []
