"""The report chapter *Wat als?*: per activity that declares a scenario
(:class:`~oi_core.model.activiteit.ScenarioInstelling`), the path of its OI-index toward the
target as a chart, the trade-off in words, the last year per area and the step on the
spectrum today and at the end.

Every number comes from :func:`oi_core.sturen.toepassing.scenario_activiteit` (and through
it :func:`oi_core.scenario`, :func:`oi_core.uitruil`, :func:`oi_core.spectrum`); the chapter
only places them. It is registered through the report's own hook
(``register_rapport_hoofdstukken``, in :mod:`oi_rapport.cli`).
"""

from __future__ import annotations

from collections.abc import Mapping

from oi_core.errors import OIFout
from oi_core.gebieden.indeling import Gebiedsindeling
from oi_core.model.activiteit import Activiteit, Vorm
from oi_core.plugins.manager import activiteiten
from oi_core.plugins.onderdelen import oi_index_staaf
from oi_core.rekenen.analyse import Analyse
from oi_core.sturen.toepassing import AANDEEL_EENHEID, ActiviteitScenario, scenario_activiteit
from oi_core.weergave.tekst import getal, procent, telwoord
from oi_rapport.document import Blok, Grafiek, Tabel, Tekst
from oi_rapport.hoofdstukken import ExtraHoofdstuk, HoofdstukInhoud, report_analyses
from oi_rapport.tabellen import catalogue_column

__all__ = ["HOOFDSTUK", "SLEUTEL", "build_wat_als", "heeft_scenario"]

SLEUTEL = "wat_als"

INTRO = (
    "Wat als de inzet stap voor stap naar de opgave zou gaan? Per activiteit rekent dit "
    "hoofdstuk één scenario door: het doel geeft elk gebied zijn aandeel in de opgave (een "
    "OI-index van 100), en het pad ernaartoe gaat jaar voor jaar, met een grens aan de "
    "verandering per gebied per jaar (het tempo). Zo wordt de uitruil expliciet: wie levert "
    "in, wie krijgt erbij, en hoe dicht komt elk gebied bij zijn doel.",
    "Een scenario is geen advies: het laat zien wat een keuze betekent. Met `oi scenario` en "
    "de Excel-functie OI_SCENARIO rekent u andere keuzes door (tempo, jaren, een basisdeel naar "
    "inwoners, een minimum per gebied, afronden op hele fte).",
)


def heeft_scenario() -> bool:
    """Whether an installed activity declares a scenario (else the chapter is left out)."""
    return any(r.activiteit.scenario is not None for r in activiteiten().values())


def build_wat_als(
    indeling: Gebiedsindeling, analyses: Mapping[str, Analyse] | None = None
) -> HoofdstukInhoud:
    """The chapter for every activity that declares a scenario: on the report's analyses
    (own data where given), else on every installed activity's built-in data."""
    blokken: list[Blok] = [Tekst(INTRO)]
    samenvatting: dict[str, object] = {}
    for code, reg, analyse in report_analyses(indeling, analyses):
        act = reg.activiteit
        if act.scenario is None:
            continue
        try:
            s = scenario_activiteit(analyse)
        except OIFout as fout:
            reden = f"Dit scenario is niet door te rekenen: {fout}"
            blokken.append(Tekst((reden,), kop=act.naam))
            continue
        blokken.extend(_blokken(act, s))
        samenvatting[code] = _samenvatting(s)
    return HoofdstukInhoud(tuple(blokken), samenvatting)


def _samenvatting(s: ActiviteitScenario) -> dict[str, object]:
    stappen = [] if s.spectrum is None else s.spectrum["stap"].tolist()
    return {"uitruil": s.uitruil, "jaren": s.uitkomst.attrs["jaren"], "spectrum": stappen}


def _blokken(act: Activiteit, s: ActiviteitScenario) -> list[Blok]:
    alineas = [_keuzes(act, s), s.uitruil]
    if s.spectrum is not None:
        alineas.append(_spectrum_zin(s))
    return [Tekst(tuple(alineas), kop=act.naam), _grafiek(act, s), _tabel(act, s)]


def _keuzes(act: Activiteit, s: ActiviteitScenario) -> str:
    attrs = s.uitkomst.attrs
    jaren = int(attrs["jaren"])
    if attrs["vorm"] == Vorm.TOEVOEGEN.value:
        vorm = (
            f"toevoegen: er komt {getal(attrs['extra'], 0)} {s.eenheid} bij, verdeeld over "
            f"{telwoord(jaren)} jaar; geen gebied levert in"
        )
    else:
        vorm = "herverdelen: het totaal blijft elk jaar gelijk"
    tempo = attrs["tempo"]
    grens = "geen grens aan het tempo"
    if tempo:
        grens = f"hoogstens {procent(100 * tempo)} verandering per gebied per jaar"
    zin = f"Scenario {vorm}, {grens}, over {telwoord(jaren)} jaar."
    if s.eenheid == AANDEEL_EENHEID and act.scenario is not None:
        zin += (
            " De inzet is een aandeel van het totaal, dus het scenario rekent in procentpunten; "
            f"met oi scenario {act.code} --totaal rekent het in {act.scenario.eenheid}."
        )
    return zin


def _spectrum_zin(s: ActiviteitScenario) -> str:
    assert s.spectrum is not None
    nu, eind = s.spectrum["stap"].iloc[0], s.spectrum["stap"].iloc[-1]
    jaren = telwoord(int(s.uitkomst.attrs["jaren"]))
    begin = "Op het spectrum van ongelijk investeren"
    if nu == eind:
        return f"{begin} staat de verdeling nu en na {jaren} jaar op '{nu}'."
    return f"{begin} gaat de verdeling van '{nu}' nu naar '{eind}' na {jaren} jaar."


def _grafiek(act: Activiteit, s: ActiviteitScenario) -> Grafiek:
    """The path as grouped bars: per area its OI-index now and after each year, so the
    chart stays readable for 25 gebieden (a line per area would not)."""
    pad = s.pad("oi_index")
    data = pad.T.rename(columns=lambda k: "Nu" if k == 0 else f"Na {telwoord(int(k))} jaar")
    figuur = oi_index_staaf(
        f"{act.naam}: OI-index nu en per jaar",
        data,
        tuple(str(k) for k in data.columns),
    )
    return Grafiek(
        f"{SLEUTEL}-{act.code}-pad",
        figuur,
        "Per gebied een staaf per jaar: het pad naar het doel. De stippellijn is 100, het doel.",
    )


def _tabel(act: Activiteit, s: ActiviteitScenario) -> Tabel:
    jaren = int(s.uitkomst.attrs["jaren"])
    kolommen = (
        catalogue_column("naam"),
        catalogue_column("huidig", eenheid=s.eenheid),
        catalogue_column("inzet", eenheid=s.eenheid),
        catalogue_column("verandering", eenheid=s.eenheid),
        catalogue_column("verandering_pct"),
        catalogue_column("oi_index"),
        catalogue_column("afstand", eenheid=s.eenheid),
        catalogue_column("afstand_pct"),
    )
    return Tabel(
        sleutel=f"{SLEUTEL}-{act.code}",
        titel=f"{act.naam}: na {telwoord(jaren)} jaar per gebied",
        data=s.tabel(),
        kolommen=kolommen,
        bijschrift=f"In {s.eenheid}. Afstand tot doel: de inzet min het doel (NHS England: "
        "distance from target), ook in procenten van het doel. Wie het meest inlevert staat "
        "bovenaan.",
    )


HOOFDSTUK = ExtraHoofdstuk(
    sleutel=SLEUTEL,
    titel="Wat als?",
    blad="Wat als",
    maak=build_wat_als,
    maak_op=build_wat_als,
    intro="Het hoofdstuk Wat als? rekent per activiteit een scenario door naar de opgave, met "
    "de uitruil in woorden.",
    bron="Wat als?: scenario's op de gegevens van de activiteiten in het rapport; het tempo volgt "
    "het pace-of-change-model van NHS England.",
    formules=(
        (
            "Doel",
            "budget × (basisdeel · inwoners_i/Σinwoners + (1 − basisdeel) · opgave_i/Σopgave)",
            "De doelverdeling; met basisdeel 0 is elke OI-index van het doel 100.",
        ),
        (
            "Afstand tot doel",
            "(inzet_i − doel_i) / doel_i",
            "Negatief: onder het doel. Zo meet NHS England de distance from target.",
        ),
        (
            "Tempo",
            "|inzet_i,t − inzet_i,t−1| ≤ tempo · inzet_i,t−1",
            "Geen gebied verandert meer dan het tempo per jaar; het minimum gaat voor.",
        ),
    ),
)
"""The chapter as the report's hook registers it (``oi rapport --zonder wat_als``)."""
