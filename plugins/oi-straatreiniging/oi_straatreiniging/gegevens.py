"""The tidy table of the activity, built from the package data.

Area names stay as published (``N-West``, ``Weesp``); the core resolves them. The
"Amsterdam" row is kept as the published city figures (niveau gemeente).
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from oi_core import Niveau, to_tidy

from .activiteit import INDICATOREN, PEILJAAR
from .bronnen import STADSDELEN, lees_csv

__all__ = ["data"]

_STAD = "Amsterdam"


def data() -> pd.DataFrame:
    """The tidy table of the activity (a fresh copy on every call)."""
    return _data().copy()


@cache
def _data() -> pd.DataFrame:
    ruw = lees_csv(STADSDELEN)
    codes = [i.code for i in INDICATOREN]
    stadsdelen = ruw[ruw["stadsdeel"] != _STAD]
    stad = ruw[ruw["stadsdeel"] == _STAD]
    return pd.concat(
        [
            to_tidy(
                stadsdelen,
                gebied="stadsdeel",
                indicatoren=codes,
                jaar=PEILJAAR,
                niveau=Niveau.STADSDEEL,
            ),
            to_tidy(
                stad, gebied="stadsdeel", indicatoren=codes, jaar=PEILJAAR, niveau=Niveau.GEMEENTE
            ),
        ],
        ignore_index=True,
    )
