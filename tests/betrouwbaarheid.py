"""The page ``docs/betrouwbaarheid.md``, generated from a test run (never typed).

Loaded by the root ``conftest.py``: ``pytest -m betrouwbaarheid --betrouwbaarheid
docs/betrouwbaarheid.md`` runs the tests marked ``betrouwbaarheid`` and writes the page from
their results. A test's kind comes from its marker, ``@pytest.mark.betrouwbaarheid(soort=…)``:

- ``geval``: a case of a matrix of bad input (a result or a Dutch error expected);
- ``geweigerd``: a file or input that must be refused (limits, zip bombs, passwords);
- ``fuzz``: a hypothesis test; the examples it ran are counted through hypothesis's
  observability callbacks;
- ``kill``: a fault the toolkit must survive (a kill while writing, a dying parent).

A marker without ``soort`` counts as ``fuzz`` for a hypothesis test, else as ``geval``. The
page ends with its data as JSON in a comment, so ``tests/test_bestanden_betrouwbaarheid.py``
can check that the committed page is exactly what :func:`render` makes of that data, that
nothing failed and that the counts reach the issue's minimums.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pytest

SOORTEN = {
    "geval": "Gevallen van foute of bijzondere invoer",
    "geweigerd": "Bestanden en invoer die geweigerd moeten worden",
    "fuzz": "Fuzztests (willekeurige invoer, hypothesis)",
    "kill": "Storingen die de toolkit moet overleven",
}
BEGIN_DATA = "<!-- betrouwbaarheid-data"
EINDE_DATA = "-->"


@dataclass
class Uitslag:
    """What one test module contributed, per kind."""

    bestand: str
    soort: str
    tests: int = 0
    geslaagd: int = 0
    mislukt: int = 0
    overgeslagen: int = 0
    voorbeelden: int = 0


@dataclass
class Verslag:
    uitslagen: list[Uitslag] = field(default_factory=list)
    voorbeelden_per_test: int = 0

    def totaal(self, soort: str, veld: str = "geslaagd") -> int:
        return sum(getattr(u, veld) for u in self.uitslagen if u.soort == soort)

    @property
    def mislukt(self) -> int:
        return sum(u.mislukt for u in self.uitslagen)


def _soort(item: pytest.Item) -> str:
    marker = item.get_closest_marker("betrouwbaarheid")
    soort = marker.kwargs.get("soort") if marker else None
    if soort in SOORTEN:
        return str(soort)
    return "fuzz" if getattr(getattr(item, "obj", None), "is_hypothesis_test", False) else "geval"


class Verzamelaar:
    """The pytest plugin that collects the results and writes the page at the end."""

    def __init__(self, pad: Path) -> None:
        self.pad = pad
        self.soort: dict[str, tuple[str, str]] = {}
        self.uitslag: dict[str, str] = {}
        self.voorbeelden: Counter[str] = Counter()
        self._huidig: str | None = None
        self._observeer()

    def _observeer(self) -> None:
        try:
            from hypothesis.internal.observability import add_observability_callback
        except ImportError:  # an older hypothesis: the examples are not counted
            return

        def tel(observatie: Any) -> None:
            geteld = getattr(observatie, "status", "") != "gave_up"
            if getattr(observatie, "type", "") == "test_case" and self._huidig and geteld:
                self.voorbeelden[self._huidig] += 1

        add_observability_callback(tel)

    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        for item in items:
            if item.get_closest_marker("betrouwbaarheid") is not None:
                self.soort[item.nodeid] = (item.nodeid.split("::")[0], _soort(item))

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_call(self, item: pytest.Item) -> Iterator[None]:
        self._huidig = item.nodeid if item.nodeid in self.soort else None
        try:
            return (yield)
        finally:
            self._huidig = None

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.nodeid not in self.soort:
            return
        if report.when == "call" or (report.when == "setup" and not report.passed):
            self.uitslag[report.nodeid] = report.outcome
        elif report.when == "teardown" and report.failed:
            self.uitslag[report.nodeid] = "failed"

    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        import os

        if exitstatus not in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED):
            return  # interrupted or nothing collected: keep the page as it is

        verslag = Verslag(voorbeelden_per_test=int(os.environ.get("OI_FUZZ_VOORBEELDEN", "40")))
        per: dict[tuple[str, str], Uitslag] = defaultdict(lambda: Uitslag("", ""))
        for nodeid, (bestand, soort) in sorted(self.soort.items()):
            u = per[bestand, soort]
            u.bestand, u.soort = bestand, soort
            u.tests += 1
            uitkomst = self.uitslag.get(nodeid, "skipped")
            u.geslaagd += uitkomst == "passed"
            u.mislukt += uitkomst == "failed"
            u.overgeslagen += uitkomst == "skipped"
            u.voorbeelden += self.voorbeelden[nodeid]
        verslag.uitslagen = sorted(per.values(), key=lambda u: (list(SOORTEN).index(u.soort),
                                                                u.bestand))  # fmt: skip
        self.pad.write_text(render(verslag), encoding="utf-8")


# -- the page --------------------------------------------------------------------------------
def render(verslag: Verslag) -> str:
    """The Dutch page for ``verslag``; the same data always gives the same text."""
    regels = [
        "# Betrouwbaarheid op eigen gegevens",
        "",
        "Deze pagina is **gemaakt door de tests**, niet met de hand geschreven: "
        "`python3 -m uv run pytest -m betrouwbaarheid --betrouwbaarheid docs/betrouwbaarheid.md`"
        " draait alle tests met de marker `betrouwbaarheid` en schrijft haar opnieuw. Ze zegt "
        "hoeveel foute invoer er is geprobeerd, hoeveel willekeurige voorbeelden de fuzztests "
        "maakten, hoeveel bestanden terecht werden geweigerd en welke storingen de toolkit "
        "overleefde. Elk geval verwacht één van twee uitkomsten: een juist getal of een "
        "duidelijke Nederlandse melding.",
        "",
        "## Samenvatting",
        "",
        "| wat | aantal |",
        "|---|---:|",
        f"| gevallen van foute of bijzondere invoer geprobeerd | {verslag.totaal('geval')} |",
        f"| bestanden en invoer terecht geweigerd | {verslag.totaal('geweigerd')} |",
        f"| fuzztests | {verslag.totaal('fuzz')} |",
        f"| willekeurige voorbeelden gefuzzd | {verslag.totaal('fuzz', 'voorbeelden')} |",
        f"| storingen overleefd (kills, een stervend ouderproces) | {verslag.totaal('kill')} |",
        f"| mislukt | {verslag.mislukt} |",
        "",
        f"De fuzztests draaiden met `OI_FUZZ_VOORBEELDEN={verslag.voorbeelden_per_test}` "
        "(voorbeelden per test; hypothesis telt ook de voorbeelden mee waarmee het een fout "
        "zou verkleinen).",
    ]
    for soort, titel in SOORTEN.items():
        regels += _section(verslag, soort, titel)
    regels += _limits()
    gegevens = json.dumps(asdict(verslag), ensure_ascii=False, indent=1)
    return "\n".join([*regels, "", BEGIN_DATA, gegevens, EINDE_DATA, ""])


def _limits() -> list[str]:
    """The readers' limits, from the code that applies them."""
    from oi_core.invoer.bestanden import LIMIETEN

    mb = 2**20
    return [
        "",
        "## Grenzen van de lezers",
        "",
        "De lezers van CSV-bestanden en werkmappen (`oi match`, `oi rapport --data`, het "
        "teruglezen van een werkmap van `oi excel werkmap`) weigeren met een Nederlandse "
        "melding, voordat er geheugen voor nodig is:",
        "",
        f"- een bestand groter dan {LIMIETEN.bestand // mb} MB;",
        f"- een werkmap die uitgepakt groter is dan {LIMIETEN.uitgepakt // mb} MB (eerst de "
        "opgegeven grootte in het zipbestand, daarna de delen zelf, stukje voor stukje "
        "uitgepakt en geteld: een zipbom wordt bij de grens gestopt);",
        f"- een CSV-bestand of werkblad met meer dan {LIMIETEN.rijen:_} rijen of meer dan "
        f"{LIMIETEN.kolommen:_} kolommen (bij een werkmap ook één cel ver buiten de "
        "tabel);".replace("_", "."),
        "- een werkmap met een wachtwoord (die wordt als zodanig genoemd).",
        "",
        "`.xlsx`, `.xlsm`, `.xls`, `.ods` en `.xlsb` worden gelezen met calamine; van `.xls` en "
        "`.ods` staan voorbeelden in `tests/bestanden/`.",
        "",
        "## Het rapport schrijven",
        "",
        "`oi rapport` schrijft het paar (xlsx en html) eerst naar verborgen tijdelijke bestanden "
        "in de doelmap, zet ze op schijf (fsync), schrijft dan een klein journaal en hernoemt "
        "pas daarna beide bestanden. Wordt het proces onderweg afgebroken, dan maakt de "
        "volgende `oi rapport` in die map het af of ruimt het op: daarna staan er beide oude "
        "of beide nieuwe bestanden en geen tijdelijk bestand. De werkprocessen die de "
        "grafieken tekenen stoppen als het rapport stopt.",
    ]


def _section(verslag: Verslag, soort: str, titel: str) -> list[str]:
    rijen = [u for u in verslag.uitslagen if u.soort == soort]
    regels = ["", f"## {titel}", ""]
    if not rijen:
        return [*regels, "Geen tests van deze soort in deze run."]
    regels += ["| testbestand | tests | geslaagd | mislukt | overgeslagen | voorbeelden |",
               "|---|---:|---:|---:|---:|---:|"]  # fmt: skip
    for u in rijen:
        regels.append(
            f"| `{u.bestand}` | {u.tests} | {u.geslaagd} | {u.mislukt} | {u.overgeslagen} | "
            f"{u.voorbeelden if soort == 'fuzz' else '–'} |"
        )
    return regels


def parse(tekst: str) -> Verslag:
    """The data at the end of a page made by :func:`render`."""
    begin = tekst.index(BEGIN_DATA) + len(BEGIN_DATA)
    gegevens = json.loads(tekst[begin : tekst.index(EINDE_DATA, begin)])
    return Verslag(
        uitslagen=[Uitslag(**u) for u in gegevens["uitslagen"]],
        voorbeelden_per_test=gegevens["voorbeelden_per_test"],
    )
