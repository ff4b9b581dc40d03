"""The OBA branches at every level: wijk, gebied and stadsdeel side by side.

The activity's own figures (m² library) exist only per stadsdeel; the branches
(``oba_vestigingen.csv``, with their buurt, wijk, gebied and stadsdeel codes) allow a look
at every level: the number of branches against the number of children of 0–14 (inwoners
2024 from the built-in gebiedsindeling). Computed by the core
(:func:`oi_core.oi_per_niveau`); a wijk without children is left out (its index would be
infinite).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from oi_core import Gebiedsindeling

__all__ = ["vestigingen_per_niveau"]


def vestigingen_per_niveau(
    indeling: Gebiedsindeling | None = None, niveau: str = "gebied"
) -> pd.DataFrame:
    """OI-index of the number of OBA branches against children 0–14 at ``niveau`` (gebied or
    wijk) and every coarser level, with reversals (:func:`oi_core.oi_per_niveau`)."""
    from oi_core import Gebiedsindeling, oi_per_niveau

    from .bronnen import VESTIGINGEN, lees_csv

    ind = indeling or Gebiedsindeling.amsterdam()
    kinderen = ind.bevolking(niveau, "inwoners_0_14")
    kinderen = kinderen[kinderen > 0]
    vestigingen = lees_csv(VESTIGINGEN)[f"{niveau}_code"].value_counts()
    inzet = vestigingen.reindex(kinderen.index, fill_value=0).astype(float)
    return oi_per_niveau(inzet, kinderen, indeling=ind)
