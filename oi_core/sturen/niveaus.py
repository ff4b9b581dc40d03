"""Multi-level consistency: one activity's OI-index at every level its data allow, side by
side, with the areas whose signal reverses between levels.

An average can hide an under-served buurt: a wijk can be *te veel* while one of its buurten
is *te weinig*. The inzet and opgave of the finest level are summed to every coarser level
(:meth:`~oi_core.gebieden.Gebiedsindeling.aggregate`), and every level's index comes from
the shares kernel (:func:`~oi_core.rekenen.kern.verdeel`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from oi_core.errors import InvoerFout
from oi_core.gebieden.indeling import Gebiedsindeling
from oi_core.invoer.reeksen import Labels, als_reeks
from oi_core.model.activiteit import Aggregatie, Niveau
from oi_core.rekenen.kern import BAND, SIGNAAL_MEER, SIGNAAL_MINDER, Verdeling, verdeel

if TYPE_CHECKING:
    from oi_core.rekenen.analyse import Analyse

__all__ = ["oi_per_niveau", "oi_per_niveau_activiteit"]

_GROF_NAAR_FIJN = (Niveau.STADSDEEL, Niveau.GEBIED, Niveau.WIJK, Niveau.BUURT)


def _coarser(van: Niveau, niveaus: Sequence[Niveau | str] | None) -> list[Niveau]:
    if van not in _GROF_NAAR_FIJN:
        raise InvoerFout(
            f"niveau {van.value} heeft geen grovere gebieden om mee te vergelijken",
            argument="niveau",
        )
    grover = list(_GROF_NAAR_FIJN[: _GROF_NAAR_FIJN.index(van)])
    if niveaus is None:
        return grover[::-1]
    gekozen = [Niveau(n) for n in niveaus]
    fout = [n.value for n in gekozen if n not in grover]
    if fout:
        raise InvoerFout(f"{', '.join(fout)} is niet grover dan {van.value}", argument="niveaus")
    return gekozen


def oi_per_niveau(
    inzet: Labels,
    opgave: Labels,
    *,
    niveaus: Sequence[Niveau | str] | None = None,
    indeling: Gebiedsindeling | None = None,
    band: float = BAND,
) -> pd.DataFrame:
    """Side by side per area of the finest level: its OI-index and signal, and those of each
    coarser area it lies in (``oi_index_<niveau>``, ``signaal_<niveau>``,
    ``code_<niveau>``).

    ``inzet`` and ``opgave`` are amounts that add up (fte, euro, inhabitants), indexed by the
    codes of one level. ``omslag`` marks an area whose signal is *te weinig* on one level and
    *te veel* on another; ``verborgen_tekort`` one that is *te weinig* itself while the
    coarsest level does not say so.
    """
    ind = indeling or Gebiedsindeling.amsterdam()
    fijn = verdeel(inzet, opgave, band=band)
    van = _niveau_van(ind, fijn.labels)
    uit = pd.DataFrame(
        {f"oi_index_{van.value}": fijn.oi_index, f"signaal_{van.value}": fijn.signaal},
        index=fijn.labels,
    )
    x, y = pd.Series(fijn.inzet, index=fijn.labels), pd.Series(fijn.opgave, index=fijn.labels)
    for niveau in _coarser(van, niveaus):
        grof = _verdeel_op(ind, x, y, niveau, band)
        ouder = ind.parents(van, niveau).reindex(uit.index)
        plek = grof.labels.get_indexer(pd.Index(ouder))
        uit[f"code_{niveau.value}"] = ouder.to_numpy()
        uit[f"oi_index_{niveau.value}"] = np.where(plek >= 0, grof.oi_index[plek], np.nan)
        uit[f"signaal_{niveau.value}"] = np.where(plek >= 0, grof.signaal[plek], "")
    return _omslag(uit, van)


def _niveau_van(ind: Gebiedsindeling, labels: pd.Index) -> Niveau:
    try:
        return ind.level_of(str(labels[0]))
    except KeyError:
        raise InvoerFout(
            f"'{labels[0]}' is geen gebiedscode; een vergelijking tussen niveaus vraagt codes "
            "van één niveau (bijvoorbeeld AA, AB … voor wijken)",
            argument="inzet",
        ) from None


def _verdeel_op(
    ind: Gebiedsindeling, x: pd.Series, y: pd.Series, niveau: Niveau, band: float
) -> Verdeling:
    """Inzet and opgave summed to ``niveau``; refused when no area there is complete."""
    inzet = ind.aggregate(x, niveau, aggregatie=Aggregatie.SOM)
    if inzet.empty or not inzet.sum() > 0:
        raise InvoerFout(
            f"op niveau {niveau.value} is geen gebied volledig: de gegevens dekken niet elk "
            "onderliggend gebied, dus een optelling zou een verkeerd getal geven",
            argument="niveaus",
        )
    return verdeel(inzet, ind.aggregate(y, niveau, aggregatie=Aggregatie.SOM), band=band)


def _omslag(uit: pd.DataFrame, van: Niveau) -> pd.DataFrame:
    signalen = uit[[k for k in uit.columns if k.startswith("signaal_")]].to_numpy()
    weinig, veel = (signalen == SIGNAAL_MINDER), (signalen == SIGNAAL_MEER)
    uit["omslag"] = weinig.any(axis=1) & veel.any(axis=1)
    uit["verborgen_tekort"] = weinig[:, 0] & (signalen[:, -1] != SIGNAAL_MINDER)
    uit.attrs["niveau"] = van.value
    return uit


def oi_per_niveau_activiteit(analyse: Analyse, *, band: float = BAND) -> pd.DataFrame:
    """:func:`oi_per_niveau` of an activity: its match inzet and opgave at the finest level
    where its data hold both (both must add up: ``aggregatie`` ``som``)."""
    activiteit = analyse.activiteit
    codes = (activiteit.match_inzet, activiteit.match_opgave)
    niet = [i.naam for i in codes if i.aggregatie is not Aggregatie.SOM]
    if niet:
        raise InvoerFout(
            f"{' en '.join(niet)} telt niet op over gebieden; een vergelijking tussen niveaus "
            "vraagt aantallen of bedragen",
            argument="activiteit",
        )
    niveaus = analyse.data.loc[analyse.data["indicator"].isin([i.code for i in codes]), "niveau"]
    gemeten = [n for n in _GROF_NAAR_FIJN if (niveaus == n.value).any()]
    fijnst = gemeten[-1] if gemeten else Niveau.STADSDEEL
    if fijnst is Niveau.STADSDEEL:
        raise InvoerFout(
            f"de gegevens van '{activiteit.naam}' zijn er alleen per stadsdeel of doelgroep; een "
            "vergelijking tussen niveaus vraagt gegevens per gebied, wijk of buurt",
            argument="activiteit",
        )
    x = als_reeks(analyse.values(codes[0].code, niveau=fijnst), "inzet")
    y = als_reeks(analyse.values(codes[1].code, niveau=fijnst), "opgave")
    return oi_per_niveau(x, y, indeling=analyse.indeling, band=band)
