"""Scenarios and the spectrum of one activity, on its analysis: what ``oi scenario``,
``oi spectrum`` and the report's *Wat als?* chapter show.

The activity may declare how (:class:`~oi_core.model.activiteit.ScenarioInstelling`): the
unit of its amounts, whether its inzet is a share of a total, the scenario the report
shows. Options given here go before the declaration. Every number comes from
:func:`~oi_core.sturen.scenario.scenario` and :func:`~oi_core.sturen.spectrum.spectrum`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from oi_core.errors import InvoerFout, OIFout
from oi_core.model.activiteit import Niveau, Richting, ScenarioInstelling, Vorm
from oi_core.sturen.scenario import lees_vorm, scenario
from oi_core.sturen.spectrum import TOLERANTIE, Spectrumpositie, spectrum, spectrum_scenario
from oi_core.sturen.uitruil import uitruil, uitruil_tabel

if TYPE_CHECKING:
    from oi_core.rekenen.analyse import Analyse

__all__ = ["ActiviteitScenario", "scenario_activiteit", "spectrum_activiteit"]

AANDEEL_EENHEID = "procentpunt"
"""The unit word of a share-inzet without a total: amounts are percent of the total."""


@dataclass(frozen=True)
class ActiviteitScenario:
    """A scenario of one activity: the path, its unit, the area names and, where the
    population is known, the spectrum step of every year."""

    code: str
    niveau: Niveau
    eenheid: str
    uitkomst: pd.DataFrame
    namen: dict[str, str]
    spectrum: pd.DataFrame | None
    totaal: float | None
    """The total a share-inzet was scaled to (``None``: amounts as in the data)."""

    @property
    def uitruil(self) -> str:
        """The trade-off in one Dutch sentence."""
        return uitruil(self.uitkomst, eenheid=self.eenheid, namen=self.namen)

    def tabel(self) -> pd.DataFrame:
        """The last year per area with its name, largest giver first."""
        tabel = uitruil_tabel(self.uitkomst)
        tabel.insert(0, "naam", [self.namen.get(str(g), str(g)) for g in tabel.index])
        return tabel

    def pad(self, kolom: str = "oi_index") -> pd.DataFrame:
        """One column of the path as a table: a row per year, a column per area name."""
        breed = self.uitkomst[kolom].unstack("gebied")
        return breed.rename(columns=lambda g: self.namen.get(str(g), str(g)))


def scenario_activiteit(
    analyse: Analyse,
    *,
    vorm: Vorm | str | None = None,
    extra: float | None = None,
    basisdeel: float = 0.0,
    minimum: float | None = None,
    tempo: float | None = None,
    jaren: int | None = None,
    eenheid: float | None = None,
    totaal: float | None = None,
) -> ActiviteitScenario:
    """The scenario of ``analyse``'s activity; options not given come from its
    :class:`~oi_core.model.activiteit.ScenarioInstelling` (else herverdelen in one year)."""
    act = analyse.activiteit
    instelling = act.scenario or ScenarioInstelling(eenheid=act.match_inzet.eenheid, tempo=None)
    verdeling = analyse.verdeling()
    inzet = pd.Series(verdeling.inzet, index=verdeling.labels)
    inzet, totaal = _schaal(inzet, instelling, totaal, act.naam)
    soort = lees_vorm(vorm) if vorm is not None else instelling.vorm
    jaren = jaren or instelling.jaren
    bevolking = _bevolking(analyse, instelling)
    uitkomst = scenario(
        inzet,
        pd.Series(verdeling.opgave, index=verdeling.labels),
        vorm=soort,
        extra=_extra(soort, extra, instelling, float(inzet.sum())),
        bevolking=bevolking,
        basisdeel=basisdeel,
        minimum=minimum,
        tempo=tempo if tempo is not None else instelling.tempo,
        jaren=jaren,
        eenheid=eenheid if eenheid is not None else _afronding(instelling, totaal),
    )
    return ActiviteitScenario(
        code=act.code,
        niveau=analyse.niveau,
        eenheid=_woord(instelling, totaal),
        uitkomst=uitkomst,
        namen=dict(zip(map(str, inzet.index), analyse.verdeling_inzet()["naam"], strict=True)),
        spectrum=_spectrum_per_jaar(uitkomst, verdeling.opgave, bevolking),
        totaal=totaal,
    )


def spectrum_activiteit(
    analyse: Analyse,
    *,
    resultaat: str | None = None,
    basisniveau: float | None = None,
    tolerantie: float = TOLERANTIE,
) -> Spectrumpositie:
    """The spectrum step of ``analyse``'s activity; ``resultaat`` is the code of one of its
    result indicators (its direction decides what reaching ``basisniveau`` means)."""
    instelling = analyse.activiteit.scenario
    bevolking = _bevolking(analyse, instelling)
    if bevolking is None:
        raise InvoerFout(
            f"het spectrum vraagt inwoners per gebied; die zijn er niet op niveau "
            f"{analyse.niveau.value}",
            argument="niveau",
        )
    v = analyse.verdeling()
    waarden, richting = _resultaat(analyse, resultaat)
    namen = pd.Index(analyse.verdeling_inzet()["naam"].reindex(v.labels), name="gebied")
    return spectrum(  # by name, so the areas below the basisniveau are named as people do
        pd.Series(v.inzet, index=namen),
        pd.Series(v.opgave, index=namen),
        bevolking=bevolking.set_axis(namen),
        resultaat=None if waarden is None else waarden.reindex(v.labels).set_axis(namen),
        basisniveau=basisniveau,
        richting=richting,
        tolerantie=tolerantie,
    )


# -- helpers ------------------------------------------------------------------------------
def _schaal(
    inzet: pd.Series, instelling: ScenarioInstelling, totaal: float | None, naam: str
) -> tuple[pd.Series, float | None]:
    """A share-inzet scaled to the total (given, else declared); amounts stay as they are."""
    if not instelling.aandeel:
        if totaal is not None:
            raise InvoerFout(
                f"de inzet van {naam} is al een hoeveelheid ({instelling.eenheid}), geen aandeel; "
                "laat het totaal weg",
                argument="totaal",
            )
        return inzet, None
    totaal = totaal if totaal is not None else instelling.totaal
    if totaal is None:
        return 100 * inzet / inzet.sum(), None
    if not np.isfinite(totaal) or totaal <= 0:
        raise InvoerFout(f"totaal {totaal:g} moet groter dan 0 zijn", argument="totaal")
    return totaal * inzet / inzet.sum(), float(totaal)


def _extra(vorm: Vorm, extra: float | None, instelling: ScenarioInstelling, som: float) -> float:
    if vorm is not Vorm.TOEVOEGEN:
        return 0.0 if extra is None else extra
    if extra is not None:
        return extra
    if instelling.extra_deel > 0:
        return instelling.extra_deel * som
    raise InvoerFout("toevoegen vraagt hoeveel er bij komt; geef de extra inzet", argument="extra")


def _afronding(instelling: ScenarioInstelling, totaal: float | None) -> float | None:
    return None if instelling.aandeel and totaal is None else instelling.afronding


def _woord(instelling: ScenarioInstelling, totaal: float | None) -> str:
    return AANDEEL_EENHEID if instelling.aandeel and totaal is None else instelling.eenheid


def _bevolking(analyse: Analyse, instelling: ScenarioInstelling | None) -> pd.Series | None:
    if analyse.niveau is Niveau.DOELGROEP:
        return None
    kolom = instelling.bevolking if instelling else "inwoners"
    labels = analyse.verdeling().labels
    bevolking = analyse.indeling.bevolking(analyse.niveau, kolom).reindex(labels)
    return None if bevolking.isna().any() else bevolking


def _spectrum_per_jaar(
    uitkomst: pd.DataFrame, opgave: np.ndarray, bevolking: pd.Series | None
) -> pd.DataFrame | None:
    if bevolking is None:
        return None
    try:
        return spectrum_scenario(
            uitkomst, pd.Series(opgave, index=bevolking.index), bevolking=bevolking
        )
    except OIFout:
        return None


def _resultaat(analyse: Analyse, code: str | None) -> tuple[pd.Series | None, Richting]:
    if code is None:
        return None, Richting.HOGER_IS_BETER
    keten = analyse.activiteit.keten
    codes = [i.code for i in keten.resultaat.indicatoren]
    if code not in codes:
        keuzes = ", ".join(codes) or "geen"
        raise InvoerFout(
            f"'{code}' is geen resultaatindicator van {analyse.activiteit.naam} (wel: {keuzes})",
            argument="resultaat",
        )
    return analyse.values(code), keten.indicator(code).richting
