"""The three steps of the method as one API: verdeling inzet → opgave → match.

:func:`match` works on any labels (areas, doelgroepen, another city's areas).
:class:`Analyse` runs the three steps for one :class:`~oi_core.model.Activiteit` on its
data at a chosen scale level, aggregating finer data upward by each indicator's rule.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from functools import cached_property
from typing import Literal

import pandas as pd

from oi_core.errors import Bevinding, DataFout, InvoerFout, OIWaarschuwing
from oi_core.gebieden.indeling import HIERARCHIE, Gebiedsindeling
from oi_core.invoer.reeksen import Labels
from oi_core.invoer.tidy import validate_data
from oi_core.model.activiteit import Activiteit, Aggregatie, Indicator, Niveau
from oi_core.rekenen.kern import (
    BAND,
    MATCH_KOLOMMEN,
    Compensatie,
    Verdeling,
    aandeel,
    signaal,
    verdeel,
)

__all__ = ["MATCH_KOLOMMEN", "Analyse", "match", "signaal"]

OnvolledigKeuze = Literal["weglaten", "toestaan"]


def match(inzet: Labels, opgave: Labels, *, band: float = BAND) -> pd.DataFrame:
    """Step 3: does the inzet stand in proportion to the opgave?

    ``inzet`` and ``opgave`` are keyed by the same areas. Returns a DataFrame indexed by
    area with ``aandeel_inzet`` and ``aandeel_opgave`` (fractions 0–1), ``verschil_pp``
    (100·(a−b)), ``oi_index`` (100·a/b) and ``signaal`` (see :func:`~oi_core.rekenen.kern.signaal`).
    The arithmetic and every check are those of :func:`~oi_core.rekenen.kern.verdeel`.
    """
    return verdeel(inzet, opgave, band=band).frame()


class Analyse:
    """The three steps for one activity on its data, at one scale level.

    ``data`` is a tidy table (see :func:`~oi_core.data.validate_data`); it is validated
    here. Values are taken at ``niveau`` (default: the activity's), from rows at that
    level or aggregated from finer rows by the indicator's ``aggregatie``. Per indicator
    the latest year is used unless ``jaar`` is given.
    """

    def __init__(
        self,
        activiteit: Activiteit,
        data: pd.DataFrame,
        *,
        niveau: Niveau | str | None = None,
        indeling: Gebiedsindeling | None = None,
        jaar: int | None = None,
    ) -> None:
        self.activiteit = activiteit
        self.indeling = indeling or Gebiedsindeling.amsterdam()
        self.niveau = Niveau(niveau) if niveau is not None else activiteit.niveau
        self.jaar = jaar
        self._verdelingen: dict[float, Verdeling] = {}
        self._matches: dict[float, pd.DataFrame] = {}
        if "rij" in data.columns and "bron_gebied" in data.columns:
            self.data = data
        else:
            self.data = validate_data(data, activiteit, indeling=self.indeling)

    # -- values -------------------------------------------------------------------------
    def values(
        self,
        indicator: str,
        *,
        niveau: Niveau | str | None = None,
        onvolledig: OnvolledigKeuze = "weglaten",
    ) -> pd.Series:
        """The values of one indicator at ``niveau``, indexed by area code.

        Aggregated from finer data when needed; an area for which not every finer area has
        a value gets none, unless ``onvolledig="toestaan"`` (see
        :meth:`~oi_core.gebieden.Gebiedsindeling.aggregate`).
        """
        ind = self._indicator(indicator)
        niveau = Niveau(niveau) if niveau is not None else self.niveau
        rijen = self._rows(ind.code)
        direct = rijen[rijen["niveau"] == niveau.value]
        if not direct.empty:
            return self._series(direct, ind.code)
        return self._aggregated(ind, rijen, niveau, onvolledig)

    def _rows(self, code: str) -> pd.DataFrame:
        """The rows of one indicator in the chosen year (latest unless ``jaar`` is given)."""
        per_jaar = self._per_indicator.get(code)
        if per_jaar is None:
            raise InvoerFout(f"geen gegevens voor indicator '{code}'", argument="indicator")
        jaar = self.jaar if self.jaar is not None else max(per_jaar)
        gekozen = per_jaar.get(jaar)
        if gekozen is None:
            raise InvoerFout(f"geen gegevens voor indicator '{code}' in {jaar}", argument="jaar")
        return gekozen

    @cached_property
    def _per_indicator(self) -> dict[str, dict[int, pd.DataFrame]]:
        """The data split by indicator and year once, so a value costs only its own rows."""
        uit: dict[str, dict[int, pd.DataFrame]] = {}
        groepen = self.data.groupby(["indicator", "jaar"], sort=False, observed=True)
        for (code, jaar), rijen in groepen:
            uit.setdefault(str(code), {})[int(str(jaar))] = rijen
        return uit

    @staticmethod
    def _series(rijen: pd.DataFrame, code: str) -> pd.Series:
        return pd.Series(
            rijen["waarde"].to_numpy(), index=pd.Index(rijen["gebied"], name="gebied"), name=code
        )

    def _aggregated(
        self, ind: Indicator, rijen: pd.DataFrame, niveau: Niveau, onvolledig: OnvolledigKeuze
    ) -> pd.Series:
        aanwezig = {str(n) for n in pd.unique(rijen["niveau"])}
        fijner = [
            n
            for n in HIERARCHIE
            if n.value in aanwezig
            and niveau in HIERARCHIE
            and HIERARCHIE.index(n) > HIERARCHIE.index(niveau)
        ]
        if not fijner or ind.aggregatie is Aggregatie.GEEN:
            beschikbaar = ", ".join(sorted(aanwezig))
            raise InvoerFout(
                f"indicator '{ind.code}' is er niet op niveau {niveau.value} "
                f"(wel op: {beschikbaar}) en kan niet worden opgeteld",
                argument="niveau",
            )
        bron = fijner[0]
        waarden = self._series(rijen[rijen["niveau"] == bron.value], ind.code)
        gewicht = self._weight(ind, bron)
        uit = self.indeling.aggregate(
            waarden, niveau, aggregatie=ind.aggregatie, gewicht=gewicht, onvolledig=onvolledig
        )
        if uit.empty:
            raise InvoerFout(
                f"indicator '{ind.code}' heeft op niveau {niveau.value} geen volledige gegevens: "
                f"niet elk onderliggend {bron.value} heeft een waarde",
                argument="niveau",
            )
        return uit

    def _weight(self, ind: Indicator, bron: Niveau) -> str | pd.Series | None:
        if ind.gewicht is None or ind.gewicht in ("inwoners", "inwoners_0_14"):
            return ind.gewicht
        return self.values(ind.gewicht, niveau=bron)

    def _indicator(self, code: str) -> Indicator:
        try:
            return self.activiteit.keten.indicator(code)
        except KeyError:
            raise InvoerFout(
                f"activiteit '{self.activiteit.code}' kent indicator '{code}' niet",
                argument="indicator",
            ) from None

    def table(self, indicatoren: Iterable[str] | None = None) -> pd.DataFrame:
        """A wide table at ``niveau``: one row per area, one column per indicator.

        With ``indicatoren`` every one must be available at ``niveau``. Without, every
        indicator in the data that is available at ``niveau`` is a column; the others
        (measured only at a finer level that cannot be aggregated, or only partially) are
        listed with the reason in ``attrs["niet_beschikbaar"]``.
        """
        if indicatoren is not None:
            kolommen = {c: self.values(c) for c in indicatoren}
            overgeslagen: dict[str, str] = {}
        else:
            kolommen, overgeslagen = self._available_columns()
        tabel = pd.DataFrame(kolommen)
        tabel.index.name = "gebied"
        tabel.insert(0, "naam", self._names(tabel.index))
        tabel.attrs["niet_beschikbaar"] = overgeslagen
        return tabel

    def _available_columns(self) -> tuple[dict[str, pd.Series], dict[str, str]]:
        kolommen: dict[str, pd.Series] = {}
        overgeslagen: dict[str, str] = {}
        for code in self._available():
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", OIWaarschuwing)
                try:
                    waarden = self.values(code)
                except InvoerFout as fout:
                    overgeslagen[code] = str(fout)
                    continue
            kolommen[code] = waarden
        return kolommen, overgeslagen

    def _available(self) -> list[str]:
        aanwezig = self._per_indicator
        return [i.code for i in self.activiteit.keten.indicatoren() if i.code in aanwezig]

    def _names(self, codes: Iterable[str]) -> list[str]:
        if self.niveau is Niveau.DOELGROEP:
            return list(codes)
        return self.indeling.names(codes)

    def city_value(self, indicator: str) -> float | None:
        """The published city (gemeente) figure of an indicator, when the data has one."""
        rijen = self._rows(self._indicator(indicator).code)
        stad = rijen[rijen["niveau"] == Niveau.GEMEENTE.value]
        return float(stad["waarde"].iloc[0]) if not stad.empty else None

    # -- the three steps ----------------------------------------------------------------
    @cached_property
    def _inzet(self) -> pd.Series:
        return self.values(self.activiteit.match_inzet.code)

    @cached_property
    def _opgave(self) -> pd.Series:
        return self.values(self.activiteit.match_opgave.code)

    def verdeling_inzet(self) -> pd.DataFrame:
        """Step 1: how the inzet is spread over the areas (amount and share)."""
        x = self._inzet
        return self._step(x, "inzet", aandeel(x, naam="inzet"))

    def opgave(self) -> pd.DataFrame:
        """Step 2: the opgave per area (amount and share)."""
        y = self._opgave
        return self._step(y, "opgave", aandeel(y, naam="opgave"))

    def _step(self, waarden: pd.Series, naam: str, aandeel_: pd.Series) -> pd.DataFrame:
        stap = pd.DataFrame(
            {"naam": self._names(waarden.index), naam: waarden, f"aandeel_{naam}": aandeel_}
        )
        stap.index.name = "gebied"
        return stap

    def verdeling(self, *, band: float = BAND) -> Verdeling:
        """The kernel's :class:`~oi_core.rekenen.kern.Verdeling` of the activity's inzet and
        opgave, computed once per band."""
        if band not in self._verdelingen:
            inzet, opgave = self._inzet, self._opgave
            _check_same_areas(inzet, opgave, self.activiteit)
            self._verdelingen[band] = verdeel(inzet, opgave.reindex(inzet.index), band=band)
        return self._verdelingen[band]

    def match(self, *, band: float = BAND) -> pd.DataFrame:
        """Step 3: :func:`match` of the activity's inzet and opgave, with area names.

        Computed once per band (a copy is handed out); every column is declared in the
        column catalogue (:data:`~oi_core.weergave.kolommen.KERN_KOLOMMEN`).
        """
        if band not in self._matches:
            uitkomst = self.verdeling(band=band).frame()
            uitkomst.insert(0, "naam", self._names(uitkomst.index))
            self._matches[band] = uitkomst
        return self._matches[band].copy()

    def compensatie(self) -> Compensatie:
        """What compensation would cost for this activity (see :class:`Compensatie`)."""
        return self.verdeling().compensatie()


def _check_same_areas(inzet: pd.Series, opgave: pd.Series, activiteit: Activiteit) -> None:
    fouten = [
        Bevinding(f"'{g}' heeft inzet ({activiteit.match_inzet.code}) maar geen opgave")
        for g in inzet.index.difference(opgave.index)
    ]
    fouten += [
        Bevinding(f"'{g}' heeft opgave ({activiteit.match_opgave.code}) maar geen inzet")
        for g in opgave.index.difference(inzet.index)
    ]
    if fouten:
        raise DataFout(
            fouten, f"Inzet en opgave van '{activiteit.code}' dekken niet dezelfde gebieden"
        )
