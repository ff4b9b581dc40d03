"""Published figures beside computed ones: the city value and the check within rounding.

Presentations publish shares in whole percents and an OI-index rounded to a whole
number. :func:`binnen_afronding` says whether a published index is what its own rounded
shares allow (:func:`~oi_core.rekenen.metrieken.index_interval`, give or take the
rounding of the index itself); :func:`stadswaarde` gives the city (Amsterdam) figure of
an indicator that a plugin compares its areas with.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from oi_core.errors import InvoerFout
from oi_core.invoer.reeksen import Labels, als_reeks
from oi_core.model.activiteit import Niveau
from oi_core.rekenen.analyse import Analyse
from oi_core.rekenen.metrieken import index_interval

__all__ = ["INDEX_AFRONDING", "binnen_afronding", "stadswaarde"]

INDEX_AFRONDING = 0.5
"""A published OI-index is rounded to a whole number: it may lie 0,5 beyond its interval."""


def binnen_afronding(
    index_gepubliceerd: Labels,
    inzet_pct: Labels,
    opgave_pct: Labels,
    *,
    afronding: float = 0.5,
    index_afronding: float = INDEX_AFRONDING,
) -> pd.DataFrame:
    """The published index against the interval its rounded shares allow, per area.

    Columns ``ondergrens`` and ``bovengrens`` (from :func:`index_interval`) and
    ``binnen``: the published index lies in the interval give or take
    ``index_afronding``. Areas are those of ``inzet_pct``; a missing published index is
    not ``binnen``.
    """
    uit = index_interval(inzet_pct, opgave_pct, afronding=afronding)
    index = als_reeks(index_gepubliceerd, "index").reindex(uit.index).to_numpy(dtype=float)
    with np.errstate(invalid="ignore"):
        binnen = (index >= uit["ondergrens"].to_numpy() - index_afronding) & (
            index <= uit["bovengrens"].to_numpy() + index_afronding
        )
    uit["binnen"] = binnen
    return uit


def stadswaarde(analyse: Analyse, indicator: str, *, aggregeren: bool = False) -> float:
    """The city figure of ``indicator``: the published Amsterdam row of the data.

    Without such a row: with ``aggregeren`` the indicator's own aggregation over the areas
    the data has (also when they do not cover the whole city), else a Dutch
    :class:`~oi_core.errors.InvoerFout` asking for the row.
    """
    waarde = analyse.city_value(indicator)
    if waarde is not None and not np.isnan(waarde):
        return waarde
    if aggregeren:
        stad = analyse.values(indicator, niveau=Niveau.GEMEENTE, onvolledig="toestaan")
        return float(stad.iloc[0])
    raise InvoerFout(
        f"de gegevens hebben geen stedelijk gemiddelde voor '{indicator}'; voeg een rij "
        "'Gemiddelde Amsterdam' toe",
        argument=indicator,
    )
