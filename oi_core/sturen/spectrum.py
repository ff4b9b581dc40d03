"""The spectrum of unequal investing: where an allocation stands on the presentation's
five steps.

The rule (documented in ``docs/sturen/spectrum.md``):

1. the concentration index ``C`` of inzet per inhabitant, areas ranked by opgave per
   inhabitant from the largest need (:func:`~oi_core.rekenen.metrieken.concentratie_index`;
   ``C < 0``: more per inhabitant where the need is larger);
2. ``C > tolerantie``: **versterkt ongelijkheid** (more where the need is smaller);
   ``|C| ≤ tolerantie``: **gelijk**; ``C < −tolerantie``: **oog voor uitgangssituatie**;
3. only from *oog voor uitgangssituatie*, and only with a measured ``resultaat`` and a
   ``basisniveau``: when every area's resultaat reaches the basisniveau (in the direction
   of the indicator), **compenseren tot basisniveau** for one level for all areas, or
   **gedifferentieerd basisniveau** when the levels differ per area.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from oi_core.errors import Bevinding, DataFout, InvoerFout
from oi_core.invoer.reeksen import Labels, als_reeks, check_same_labels
from oi_core.model.soorten import Richting
from oi_core.rekenen.metrieken import concentratie_index

__all__ = ["STAPPEN", "TOLERANTIE", "Spectrumpositie", "spectrum", "spectrum_scenario"]

STAPPEN = (
    "versterkt ongelijkheid",
    "gelijk",
    "oog voor uitgangssituatie",
    "compenseren tot basisniveau",
    "gedifferentieerd basisniveau",
)
"""The five steps of the spectrum, in order (step 1 first)."""

TOLERANTIE = 0.05
"""Default tolerance of *gelijk*: a concentration index within ± 0,05."""


@dataclass(frozen=True)
class Spectrumpositie:
    """The step of an allocation (``stap`` one of :data:`STAPPEN`, ``nummer`` 1–5), the
    concentration index it rests on and the areas below their basisniveau (if measured)."""

    stap: str
    nummer: int
    concentratie: float
    tolerantie: float
    onder_basisniveau: tuple[str, ...] = ()
    basisniveau_gemeten: bool = False

    @property
    def toelichting(self) -> str:
        """Why this step, in Dutch."""
        from oi_core.weergave.tekst import getal, opsomming

        c, t = getal(self.concentratie, 3), getal(self.tolerantie, 2)
        reden = f"de concentratie-index is {c}, " + {
            1: f"hoger dan {t}: meer inzet per inwoner waar de opgave klein is",
            2: f"binnen ±{t}: de inzet per inwoner hangt niet samen met de opgave",
        }.get(self.nummer, f"lager dan −{t}: meer inzet per inwoner waar de opgave groot is")
        if self.nummer >= 4:
            reden += "; elk gebied haalt zijn basisniveau"
        elif self.onder_basisniveau:
            reden += f"; onder het basisniveau: {opsomming(list(self.onder_basisniveau))}"
        return f"Stap {self.nummer}, {self.stap}: {reden}."


def spectrum(
    inzet: Labels,
    opgave: Labels,
    *,
    bevolking: Labels,
    resultaat: Labels | None = None,
    basisniveau: float | Labels | None = None,
    richting: Richting | str = Richting.HOGER_IS_BETER,
    tolerantie: float = TOLERANTIE,
) -> Spectrumpositie:
    """The step of the spectrum for ``inzet`` against ``opgave`` and ``bevolking`` per area.

    ``resultaat`` and ``basisniveau`` (one level, or one per area) decide steps 4 and 5;
    ``richting`` says whether a higher resultaat is better (default) or a lower one.
    """
    if not 0 <= tolerantie < 1:
        raise InvoerFout(
            f"tolerantie {tolerantie:g} moet tussen 0 en 1 liggen (standaard 0,05)",
            argument="tolerantie",
        )
    c = concentratie_index(inzet, opgave, bevolking)
    nummer = 1 if c > tolerantie else 2 if c >= -tolerantie else 3
    if (resultaat is None) != (basisniveau is None):
        raise InvoerFout(
            "geef resultaat en basisniveau samen (of geen van beide)", argument="basisniveau"
        )
    if resultaat is None or basisniveau is None:
        return Spectrumpositie(STAPPEN[nummer - 1], nummer, c, tolerantie)
    onder, gedifferentieerd = _onder_basisniveau(resultaat, basisniveau, Richting(richting))
    if nummer == 3 and not onder:
        nummer = 5 if gedifferentieerd else 4
    return Spectrumpositie(STAPPEN[nummer - 1], nummer, c, tolerantie, onder, True)


def spectrum_scenario(
    uitkomst: pd.DataFrame,
    opgave: Labels,
    *,
    bevolking: Labels,
    tolerantie: float = TOLERANTIE,
) -> pd.DataFrame:
    """The spectrum step of every year of a :func:`~oi_core.sturen.scenario.scenario`.

    A scenario changes the inzet, not the resultaat, so only steps 1–3 apply. Columns
    ``stap``, ``stapnummer`` and ``concentratie``, indexed by ``jaar``.
    """
    rijen = {}
    for jaar, deel in uitkomst["inzet"].groupby(level="jaar"):
        positie = spectrum(
            deel.droplevel("jaar"), opgave, bevolking=bevolking, tolerantie=tolerantie
        )
        rijen[jaar] = (positie.stap, positie.nummer, positie.concentratie)
    kolommen = ["stap", "stapnummer", "concentratie"]
    uit = pd.DataFrame.from_dict(rijen, orient="index", columns=kolommen)
    uit.index.name = "jaar"
    return uit


def _onder_basisniveau(
    resultaat: Labels, basisniveau: float | Labels, richting: Richting
) -> tuple[tuple[str, ...], bool]:
    """The areas whose resultaat does not reach the basisniveau, and whether the levels
    differ per area."""
    r = als_reeks(resultaat, "resultaat")
    niveau = _niveaus(basisniveau, r)
    waarden = r.to_numpy(dtype=float)
    leeg = np.isnan(waarden) | np.isnan(niveau)
    if leeg.any():
        raise DataFout(
            [
                Bevinding(f"resultaat of basisniveau ontbreekt voor gebied '{g}'")
                for g in r.index[leeg]
            ],
            "Het spectrum",
        )
    if richting is Richting.NEUTRAAL:
        raise InvoerFout(
            "een basisniveau heeft een richting nodig (hoger of lager is beter)",
            argument="richting",
        )
    tekort = waarden < niveau if richting is Richting.HOGER_IS_BETER else waarden > niveau
    gedifferentieerd = bool(np.ptp(niveau) > 0)
    return tuple(str(g) for g in r.index[tekort]), gedifferentieerd


def _niveaus(basisniveau: float | Labels, r: pd.Series) -> np.ndarray:
    if isinstance(basisniveau, int | float):
        return np.full(len(r), float(basisniveau))
    b = als_reeks(basisniveau, "basisniveau")
    check_same_labels(r, b, "resultaat", "basisniveau")
    return b.reindex(r.index).to_numpy(dtype=float)
