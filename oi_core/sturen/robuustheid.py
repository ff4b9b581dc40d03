"""Robustness of the signal: which areas change signal under alternative opgave definitions.

A plugin declares alternative definitions of its opgave
(:class:`~oi_core.model.activiteit.OpgaveDefinitie` on the activity, e.g. groot onderhoud
with and without kwetsbaarheid); :func:`robuustheid` computes the OI-index and the signal
under each with the shares kernel and marks the areas whose signal holds under all as
``stevig``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from oi_core.errors import InvoerFout
from oi_core.invoer.reeksen import Labels, als_reeks
from oi_core.rekenen.kern import BAND, verdeel

if TYPE_CHECKING:
    from oi_core.model.activiteit import OpgaveDefinitie
    from oi_core.rekenen.analyse import Analyse

__all__ = ["opgave_volgens", "robuustheid", "robuustheid_activiteit"]


def opgave_volgens(definitie: OpgaveDefinitie, waarden: pd.DataFrame) -> pd.Series:
    """The opgave of ``definitie`` from ``waarden`` (areas × indicator codes).

    ``som``: ``Σ_k w_k · y_k/Σy_k`` (a weighted sum of the shares); ``product``:
    ``Π_k y_k^w_k`` (e.g. bad pavement weighted by the share of vulnerable inhabitants).
    """
    codes = list(definitie.gewichten)
    ontbreekt = [c for c in codes if c not in waarden.columns]
    if ontbreekt:
        raise InvoerFout(
            f"opgave '{definitie.naam}': geen gegevens voor {', '.join(ontbreekt)}",
            argument="opgave",
        )
    y = waarden[codes].to_numpy(dtype=float)
    w = np.array([definitie.gewichten[c] for c in codes])
    uit = np.prod(y**w, axis=1) if definitie.vorm == "product" else y / y.sum(axis=0) @ w
    return pd.Series(uit, index=waarden.index, name=definitie.naam)


def robuustheid(
    inzet: Labels, opgaven: Mapping[str, Labels] | pd.DataFrame, *, band: float = BAND
) -> pd.DataFrame:
    """The OI-index and signal of ``inzet`` under every opgave definition, side by side.

    ``opgaven`` maps a definition's Dutch name to its opgave per area (or is a table with
    one column per definition). Columns: per definition ``OI-index: <naam>`` and
    ``Signaal: <naam>``, then ``stevig`` (the same signal under every definition),
    ``laagste_index`` and ``hoogste_index``.
    """
    x = als_reeks(inzet, "inzet")
    delen = dict(opgaven.items()) if isinstance(opgaven, pd.DataFrame) else dict(opgaven)
    if len(delen) < 2:
        raise InvoerFout(
            "robuustheid vraagt minstens twee definities van de opgave", argument="opgaven"
        )
    uit = pd.DataFrame(index=x.index)
    for naam, opgave in delen.items():
        v = verdeel(x, opgave, band=band)
        uit[f"OI-index: {naam}"] = v.oi_index
        uit[f"Signaal: {naam}"] = v.signaal
    signalen = uit[[f"Signaal: {n}" for n in delen]].to_numpy()
    indexen = uit[[f"OI-index: {n}" for n in delen]].to_numpy(dtype=float)
    uit["stevig"] = (signalen == signalen[:, :1]).all(axis=1)
    uit["laagste_index"], uit["hoogste_index"] = indexen.min(axis=1), indexen.max(axis=1)
    return uit


def robuustheid_activiteit(analyse: Analyse, *, band: float = BAND) -> pd.DataFrame:
    """:func:`robuustheid` of an activity: its own opgave and every alternative it declares
    (``Activiteit.opgave_alternatieven``), at the analysis's level."""
    activiteit = analyse.activiteit
    if not activiteit.opgave_alternatieven:
        raise InvoerFout(
            f"activiteit '{activiteit.naam}' geeft geen andere definities van de opgave; "
            "robuustheid is dan niet te bepalen",
            argument="activiteit",
        )
    codes = {c for d in activiteit.opgave_alternatieven for c in d.gewichten}
    tabel = pd.DataFrame({c: analyse.values(c) for c in sorted(codes)}).dropna()
    inzet = analyse.values(activiteit.match_inzet.code)
    opgaven: dict[str, Labels] = {
        "zoals gepubliceerd": analyse.values(activiteit.match_opgave.code)
    }
    for d in activiteit.opgave_alternatieven:
        opgaven[d.naam] = opgave_volgens(d, tabel)
    gebieden = inzet.index.intersection(tabel.index)
    return robuustheid(
        inzet.loc[gebieden],
        {n: als_reeks(o, n).loc[gebieden] for n, o in opgaven.items()},
        band=band,
    )
