"""The JGZ-specific analyses on an :class:`~oi_core.Analyse`.

Every number is computed here (or in :mod:`oi_jgz.sleutel`) in exactly one place; the
report, the Excel functions and the tests only call these functions.

- :func:`index_tov_stad`: each rate against the Amsterdam average, and the OI-index
  against the city ``100 · (fte / fte_stad) / (ses / ses_stad)``.
- :func:`verdeelsleutel`: the key implied by the published figures of one age group.
- :func:`match_leeftijdsgroep`: step 3 for one age group on the estimated counts.
- :func:`compensatie`: the FTE per 1000 children a gebied would need for index 100.
- :func:`resultaten`: vaccination rate and no-show beside the inzet.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd

from oi_core import Analyse, InvoerFout, Niveau, match
from oi_core.invoer.reeksen import Labels as Reeks
from oi_core.invoer.reeksen import als_reeks
from oi_core.rekenen.gepubliceerd import stadswaarde
from oi_core.rekenen.kern import BAND

from .activiteit import ACTIVITEIT, Leeftijdsgroep
from .gegevens import data, no_show_tekst
from .sleutel import Verdeelsleutel, fit_verdeelsleutel

__all__ = [
    "compensatie",
    "gepubliceerde_sleutel",
    "index_tov_stad",
    "match_leeftijdsgroep",
    "resultaten",
    "stadswaarde",
    "tov_stad",
    "verdeelsleutel",
]


def index_tov_stad(
    fte_per_1000: Reeks, lage_ses_per_1000: Reeks, fte_stad: float, lage_ses_stad: float
) -> pd.DataFrame:
    """Rates against the city average and the OI-index against the city.

    Columns: ``fte_tov_stad`` (fte / fte_stad), ``lage_ses_tov_stad`` (ses / ses_stad)
    and ``oi_index_stad`` = 100 · their ratio: 100 means the gebied gets FTE in the same
    proportion to its low-SES children as the city as a whole.
    """
    if not (fte_stad > 0 and lage_ses_stad > 0):
        raise InvoerFout(
            "het stedelijk gemiddelde van FTE en lage SES moet groter dan 0 zijn",
            argument="stad",
        )
    f = als_reeks(fte_per_1000, "fte_per_1000")
    s = als_reeks(lage_ses_per_1000, "lage_ses_per_1000").reindex(f.index)
    if s.isna().any() or (s <= 0).any():
        leeg = ", ".join(map(str, s[~(s > 0)].index))
        raise InvoerFout(f"geen of geen positief aantal lage SES voor {leeg}", argument="lage_ses")
    fv, sv = f.to_numpy(dtype=float) / fte_stad, s.to_numpy(dtype=float) / lage_ses_stad
    return pd.DataFrame(
        {
            "fte_per_1000": f.to_numpy(dtype=float),
            "lage_ses_per_1000": s.to_numpy(dtype=float),
            "fte_tov_stad": fv,
            "lage_ses_tov_stad": sv,
            "oi_index_stad": 100.0 * fv / sv,
        },
        index=f.index,
    )


def _rates(analyse: Analyse, groep: Leeftijdsgroep) -> tuple[pd.Series, pd.Series]:
    niveau = Niveau.GEBIED
    fte = analyse.values(groep.indicator("fte_per_1000"), niveau=niveau)
    ses = analyse.values(groep.indicator("lage_ses_per_1000"), niveau=niveau)
    return fte, ses.reindex(fte.index)


def tov_stad(analyse: Analyse, groep: Leeftijdsgroep) -> pd.DataFrame:
    """:func:`index_tov_stad` for one age group, with area names, on the city's figures."""
    fte, ses = _rates(analyse, groep)
    uit = index_tov_stad(
        fte,
        ses,
        stadswaarde(analyse, groep.indicator("fte_per_1000")),
        stadswaarde(analyse, groep.indicator("lage_ses_per_1000")),
    )
    uit.insert(0, "naam", analyse.indeling.names(uit.index))
    return uit


def verdeelsleutel(analyse: Analyse, groep: Leeftijdsgroep) -> Verdeelsleutel:
    """The key implied by the gebieden's published rates (the city row is not a point)."""
    fte, ses = _rates(analyse, groep)
    return fit_verdeelsleutel(fte, ses, leeftijdsgroep=groep.naam)


@cache
def gepubliceerde_sleutel(groep: Leeftijdsgroep) -> Verdeelsleutel:
    """The key implied by the presentation's own figures (embedded data)."""
    return verdeelsleutel(Analyse(ACTIVITEIT, data()), groep)


def match_leeftijdsgroep(
    analyse: Analyse, groep: Leeftijdsgroep, *, band: float = BAND
) -> pd.DataFrame:
    """Step 3 for one age group: estimated FTE against estimated low-SES children."""
    fte = analyse.values(groep.indicator("fte"), niveau=Niveau.GEBIED)
    ses = analyse.values(groep.indicator("lage_ses"), niveau=Niveau.GEBIED)
    uit = match(fte, ses.reindex(fte.index), band=band)
    uit.insert(0, "naam", analyse.indeling.names(uit.index))
    return uit


def compensatie(analyse: Analyse, groep: Leeftijdsgroep) -> pd.DataFrame:
    """What index 100 against the city would take: FTE per 1000 children needed.

    ``nodig_per_1000`` = fte_stad × ses / ses_stad; ``extra_per_1000`` is the shortfall
    (0 where the gebied already gets its share); ``extra_fte_max`` multiplies it by the
    CBS 0–14 children, an upper bound because the age group is smaller.
    """
    basis = tov_stad(analyse, groep)
    fte_stad = stadswaarde(analyse, groep.indicator("fte_per_1000"))
    nodig = fte_stad * basis["lage_ses_tov_stad"].to_numpy()
    extra = np.clip(nodig - basis["fte_per_1000"].to_numpy(), 0.0, None)
    kinderen = analyse.values("kinderen_0_14", niveau=Niveau.GEBIED).reindex(basis.index)
    return pd.DataFrame(
        {
            "naam": basis["naam"],
            "fte_per_1000": basis["fte_per_1000"],
            "nodig_per_1000": nodig,
            "extra_per_1000": extra,
            "extra_fte_max": extra * kinderen.to_numpy(dtype=float) / 1000.0,
        },
        index=basis.index,
    )


def resultaten(analyse: Analyse) -> pd.DataFrame:
    """Vaccination rate (and its gap to the city) and the no-show category per gebied."""
    vacc = analyse.values("vaccinatiegraad", niveau=Niveau.GEBIED)
    no_show = analyse.values("no_show", niveau=Niveau.GEBIED).reindex(vacc.index)
    stad = stadswaarde(analyse, "vaccinatiegraad")
    return pd.DataFrame(
        {
            "naam": analyse.indeling.names(vacc.index),
            "vaccinatiegraad": vacc.to_numpy(dtype=float),
            "verschil_met_stad": vacc.to_numpy(dtype=float) - stad,
            "no_show": [no_show_tekst(v) for v in no_show.to_numpy(dtype=float)],
        },
        index=vacc.index,
    )
