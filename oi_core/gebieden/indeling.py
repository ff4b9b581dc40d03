"""The Gebiedsindeling: areas at every scale level, name resolution and aggregation.

The embedded Amsterdam division (2022 gebiedsindeling, 2024 population) is package data;
see ``oi_core/data/amsterdam/HERKOMST.md``. Another municipality loads its own with
:meth:`Gebiedsindeling.from_csv` from a folder with the same columns.

Aggregation is always explicit: counts and amounts are summed, rates and percentages are
weighted means with a named weight. Known caveat (Amsterdam): buurten NB01 and NB02 lie in
gebied GN18 Noord-West while their wijk NB lies in GN19 Oud-Noord. Buurt data aggregated
to gebied follows the buurt's own gebied; wijk data follows the wijk's gebied.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from oi_core.errors import (
    Bevinding,
    DataFout,
    GebiedAmbigu,
    GebiedOnbekend,
    InvoerFout,
    OIWaarschuwing,
)
from oi_core.gebieden import namen
from oi_core.model.soorten import Aggregatie, Niveau
from oi_core.rekenen.frames import reeks, tabel

__all__ = ["HIERARCHIE", "Gebied", "Gebiedsindeling"]

HIERARCHIE: tuple[Niveau, ...] = (
    Niveau.GEMEENTE,
    Niveau.STADSDEEL,
    Niveau.GEBIED,
    Niveau.WIJK,
    Niveau.BUURT,
)
"""The geographic levels, coarse to fine. ``doelgroep`` stands apart: its labels are free."""

KOLOMMEN = (
    "code", "naam", "niveau", "cbs_code", "stadsdeel", "gebied", "wijk",
    "inwoners", "inwoners_0_14", "lon", "lat", "rd_x", "rd_y",
)  # fmt: skip

MEERVOUD = {
    Niveau.GEMEENTE: "gemeenten", Niveau.STADSDEEL: "stadsdelen", Niveau.GEBIED: "gebieden",
    Niveau.WIJK: "wijken", Niveau.BUURT: "buurten", Niveau.DOELGROEP: "doelgroepen",
}  # fmt: skip

_OUDERKOLOM = {Niveau.STADSDEEL: "stadsdeel", Niveau.GEBIED: "gebied", Niveau.WIJK: "wijk"}

_ALLE = (*KOLOMMEN, "gemeente")
"""The columns kept: :data:`KOLOMMEN` plus the area's gemeente (derived when absent)."""


def _met_gemeente(tabel: pd.DataFrame) -> pd.DataFrame:
    """``tabel`` with a ``gemeente`` column: as given, or, for a division of one gemeente
    (a city's own), that gemeente for every area."""
    if "gemeente" in tabel.columns:
        return tabel
    niveaus: np.ndarray = tabel["niveau"].astype(str).to_numpy()
    codes = tabel["code"].to_numpy(dtype=object)[niveaus == Niveau.GEMEENTE.value]
    if len(codes) > 1:
        raise DataFout(
            ["meer dan één gemeente: geef elk gebied zijn gemeente (kolom gemeente)"],
            "Gebiedsindeling",
        )
    gemeente = np.full(len(tabel), codes[0] if len(codes) else None, dtype=object)
    gemeente[niveaus == Niveau.DOELGROEP.value] = None
    return tabel.assign(gemeente=gemeente)


@dataclass(frozen=True)
class Gebied:
    """One area, with its parents, population (2024) and centroid."""

    code: str
    naam: str
    niveau: Niveau
    cbs_code: str | None = None
    stadsdeel: str | None = None
    gebied: str | None = None
    wijk: str | None = None
    inwoners: float | None = None
    inwoners_0_14: float | None = None
    lon: float | None = None
    lat: float | None = None
    rd_x: float | None = None
    rd_y: float | None = None
    gemeente: str | None = None

    @property
    def label(self) -> str:
        return f"{self.naam} ({self.code})"


class Gebiedsindeling:
    """Areas of one municipality at every level, plus aliases for names as people write them.

    ``tabel`` has one row per area with the columns of :data:`KOLOMMEN`; ``aliassen`` maps
    an alias (any spelling) to an area code.
    """

    def __init__(self, tabel: pd.DataFrame, aliassen: Mapping[str, str] | None = None) -> None:
        ontbreekt = [k for k in KOLOMMEN if k not in tabel.columns]
        if ontbreekt:
            raise DataFout([f"kolom ontbreekt: {k}" for k in ontbreekt], "Gebiedsindeling")
        self._tabel = _met_gemeente(tabel).loc[:, list(_ALLE)].set_index("code", drop=False)
        if not self._tabel.index.is_unique:
            dubbel = self._tabel.index[self._tabel.index.duplicated()].unique()
            raise DataFout(
                [f"code '{c}' komt meer dan eens voor" for c in dubbel], "Gebiedsindeling"
            )
        self._aliassen = {namen.name_key(a): c for a, c in (aliassen or {}).items()}
        onbekend = sorted(set(self._aliassen.values()) - set(self._tabel.index))
        if onbekend:
            raise DataFout(
                [f"alias verwijst naar onbekende code '{c}'" for c in onbekend], "Aliassen"
            )

    # -- construction -------------------------------------------------------------------
    @classmethod
    @cache
    def amsterdam(cls) -> Gebiedsindeling:
        """The embedded 2022 Amsterdam division with 2024 population (cached)."""
        map_ = resources.files("oi_core.gebieden") / "data"
        with resources.as_file(map_) as pad:
            return cls.from_csv(pad)

    @classmethod
    def from_cbs(cls, bron: pd.DataFrame | str | Path) -> Gebiedsindeling:
        """The CBS structure gemeente → wijk → buurt of any number of gemeenten (the whole
        country), from buurt rows of the *Wijk- en buurtkaart* or the *Kerncijfers wijken
        en buurten*: a DataFrame or CSV path with the columns of
        :data:`~oi_core.gebieden.cbs.CBS_KOLOMMEN`. Codes are the CBS codes."""
        from oi_core.gebieden.cbs import cbs_tabel

        return cls(cbs_tabel(bron))

    def gemeenten(self) -> list[str]:
        """The codes of the gemeenten in this division (one for Amsterdam)."""
        return self.codes(Niveau.GEMEENTE)

    def binnen(self, gemeente: str) -> Gebiedsindeling:
        """The division of one gemeente (code, CBS code or name): for an analysis per
        gemeente of a national division."""
        code = self.resolve(gemeente, Niveau.GEMEENTE)
        deel = self._tabel[self._tabel["gemeente"].to_numpy(dtype=object) == code]
        aliassen = {a: c for a, c in self._aliassen.items() if c in deel.index}
        return Gebiedsindeling(deel.reset_index(drop=True), aliassen)

    @classmethod
    def from_csv(cls, map_: str | Path) -> Gebiedsindeling:
        """Load a division from a folder: ``buurten.csv`` (required) and optionally
        ``wijken.csv``, ``gebieden.csv``, ``stadsdelen.csv``, ``gemeente.csv`` and
        ``aliassen.csv``, with the columns of the embedded Amsterdam files.

        A CSV *file* instead of a folder is read as CBS buurt rows (:meth:`from_cbs`)."""
        from oi_core.gebieden.lezen import lees_indeling

        if Path(map_).is_file():
            return cls.from_cbs(map_)

        tabel, aliassen = lees_indeling(Path(map_))
        return cls(tabel, aliassen)

    # -- lookup -------------------------------------------------------------------------
    def table(self, niveau: Niveau | str) -> pd.DataFrame:
        """All areas of one level, indexed by code (a copy)."""
        return self._per_niveau(_niveau(niveau)).copy()

    def _per_niveau(self, niveau: Niveau) -> pd.DataFrame:
        """The areas of one level (shared: do not modify)."""
        tabellen = self._tabellen
        return tabellen[niveau] if niveau in tabellen else self._tabel.iloc[:0]

    @cached_property
    def _tabellen(self) -> dict[Niveau, pd.DataFrame]:
        groepen = self._tabel.groupby("niveau", sort=False)
        return {Niveau(str(n)): t for n, t in groepen}

    def codes(self, niveau: Niveau | str) -> list[str]:
        return list(self._codes_per_niveau[_niveau(niveau)])

    def area(self, code: str) -> Gebied:
        """The area with this exact code."""
        rij = self._tabel.loc[code]
        waarden = {k: _leeg_naar_none(rij[k]) for k in _ALLE}
        waarden["niveau"] = Niveau(str(waarden["niveau"]))
        return Gebied(**waarden)

    def name(self, code: str) -> str:
        return str(self._namen[code])

    def names(self, codes: Iterable[str]) -> list[str]:
        return [self._namen.get(c, c) for c in codes]

    def level_of(self, code: str) -> Niveau:
        return self._niveaus[code]

    @cached_property
    def _niveaus(self) -> dict[str, Niveau]:
        return {
            str(c): Niveau(str(n))
            for c, n in zip(self._tabel.index, self._tabel["niveau"], strict=True)
        }

    def bevolking(self, niveau: Niveau | str, kolom: str = "inwoners") -> pd.Series:
        """Population per area of a level (2024); ``kolom`` is ``inwoners`` or ``inwoners_0_14``."""
        if kolom not in ("inwoners", "inwoners_0_14"):
            raise InvoerFout(f"onbekende bevolkingskolom '{kolom}'", argument="kolom")
        return self._per_niveau(_niveau(niveau))[kolom].astype(float).rename(kolom)

    def overview(self, niveau: Niveau | str) -> pd.DataFrame:
        """Areas of a level with their parents' codes and names and their population."""
        niveau = _niveau(niveau)
        tabel = self.table(niveau)
        uit = pd.DataFrame({"naam": tabel["naam"]}, index=tabel.index)
        ouders = dict(_OUDERKOLOM)
        if len(self.gemeenten()) > 1 and niveau is not Niveau.GEMEENTE:
            ouders = {Niveau.GEMEENTE: "gemeente", **ouders}
        for ouder, kolom in ouders.items():
            if niveau in HIERARCHIE and HIERARCHIE.index(ouder) < HIERARCHIE.index(niveau):
                uit[kolom] = tabel[kolom]
                uit[f"{kolom}_naam"] = [
                    self._namen.get(c, "") if isinstance(c, str) else "" for c in tabel[kolom]
                ]
        uit["inwoners"] = tabel["inwoners"]
        uit["inwoners_0_14"] = tabel["inwoners_0_14"]
        uit.index.name = "code"
        return uit

    @cached_property
    def _namen(self) -> dict[str, str]:
        return dict(zip(self._tabel.index, self._tabel["naam"], strict=True))

    @cached_property
    def _codes_per_niveau(self) -> dict[Niveau, tuple[str, ...]]:
        groepen = self._tabel.groupby("niveau", sort=False).groups
        return {Niveau(str(n)): tuple(c) for n, c in groepen.items()}

    @cached_property
    def _code_index(self) -> dict[str, str]:
        index = {str(c).upper(): str(c) for c in self._tabel.index}
        for code, cbs in zip(self._tabel.index, self._tabel["cbs_code"], strict=True):
            if isinstance(cbs, str) and cbs:
                index.setdefault(cbs.upper(), str(code))
        return index

    @cached_property
    def _naam_index(self) -> dict[str, tuple[str, ...]]:
        index: dict[str, list[str]] = {}
        for code, naam in self._namen.items():
            index.setdefault(namen.name_key(naam), []).append(code)
        return {k: tuple(v) for k, v in index.items()}

    # -- resolution ---------------------------------------------------------------------
    def resolve(self, invoer: str, niveau: Niveau | str | None = None) -> str:
        """The code of the one area that ``invoer`` (code, CBS code, name, alias) means.

        With ``niveau`` only areas of that level count. Raises :class:`GebiedOnbekend`
        with suggestions, or :class:`GebiedAmbigu` when more than one area fits.
        """
        niveau = _niveau(niveau) if niveau is not None else None
        tekst = str(invoer).strip()
        if niveau is Niveau.DOELGROEP:
            if not tekst:
                raise GebiedOnbekend(tekst, niveau.value, [])
            return tekst
        self._refuse_code_of_other_level(tekst, niveau)
        kandidaten = self._kandidaten(tekst, niveau)
        if len(kandidaten) == 1:
            return kandidaten[0]
        if kandidaten:
            raise GebiedAmbigu(tekst, [self._label(c) for c in kandidaten])
        raise GebiedOnbekend(
            tekst, niveau.value if niveau else None, self._suggesties(tekst, niveau)
        )

    def _refuse_code_of_other_level(self, tekst: str, niveau: Niveau | None) -> None:
        code = self._code_index.get(tekst.upper())
        if niveau is None or code is None or self.level_of(code) is niveau:
            return
        if self._via_naam(tekst, niveau) or self._via_alias(tekst, niveau):
            return  # a name at the requested level that happens to look like a code
        gevonden = self.level_of(code).value
        raise GebiedOnbekend(
            tekst,
            niveau.value,
            [self._label(code)],
            f"'{tekst}' is de code van een {gevonden}, niet van een {niveau.value}.",
        )

    def exact_codes(self, teksten: Sequence[str] | np.ndarray, niveau: Niveau | str) -> np.ndarray:
        """Per text the code it is at ``niveau`` (an area's code or CBS code, any case,
        spaces around ignored), else None: the fast, column-wide part of :meth:`resolve`.

        A text that gets None may still resolve by name, alias or abbreviation.
        """
        niveau = _niveau(niveau)
        if niveau is Niveau.DOELGROEP or not len(teksten):
            return np.full(len(teksten), None, dtype=object)
        tekst = np.asarray(teksten, dtype=object)
        positie = self._tabel.index.get_indexer(pd.Index(tekst, dtype=object))  # as written
        code = np.full(len(tekst), None, dtype=object)
        gevonden = positie >= 0
        code[gevonden] = self._tabel.index.to_numpy(dtype=object)[positie[gevonden]]
        if not gevonden.all():  # other case, spaces around, or a CBS code
            sleutel = pd.Index(tekst[~gevonden], dtype=object).str.strip().str.upper()
            code[~gevonden] = self._code_reeks.reindex(sleutel).to_numpy(dtype=object)
        niveaus = self._tabel["niveau"].reindex(pd.Index(code, dtype=object))
        code[niveaus.to_numpy(dtype=object) != niveau.value] = None
        return code

    @cached_property
    def _code_reeks(self) -> pd.Series:
        return pd.Series(self._code_index, dtype=object)

    def look_up(self, codes: Sequence[str] | np.ndarray, kolom: str) -> np.ndarray:
        """One column of the division (``naam``, ``niveau``, …) for every code; None when
        a code is unknown."""
        positie = self._tabel.index.get_indexer(pd.Index(codes, dtype=object))
        if kolom not in self._als_objecten:
            waarden = self._tabel[kolom].astype(object)
            self._als_objecten[kolom] = waarden.where(waarden.notna(), None).to_numpy()
        uit = np.full(len(positie), None, dtype=object)
        bekend = positie >= 0
        uit[bekend] = self._als_objecten[kolom][positie[bekend]]
        return uit

    @cached_property
    def _als_objecten(self) -> dict[str, np.ndarray]:
        """Columns of the division as object arrays, None for missing (for :meth:`look_up`)."""
        return {}

    def resolve_all(
        self,
        invoer: Sequence[Any],
        niveau: Niveau | str | None = None,
        *,
        kolom: str = "gebied",
        eerste_rij: int = 1,
    ) -> list[str]:
        """Resolve a column of names; every failure is reported with its row
        (``eerste_rij`` is the number of the first value, 2 for a sheet with a header)."""
        codes: list[str] = []
        fouten: list[Bevinding] = []
        cache_: dict[str, str] = {}
        for rij, waarde in enumerate(invoer, start=eerste_rij):
            tekst = "" if waarde is None or _is_nan(waarde) else str(waarde).strip()
            try:
                if tekst not in cache_:
                    cache_[tekst] = self.resolve(tekst, niveau)
                codes.append(cache_[tekst])
            except (GebiedOnbekend, GebiedAmbigu) as fout:
                fouten.append(Bevinding(str(fout), rij=rij, kolom=kolom))
        if fouten:
            raise DataFout(fouten, "Niet alle gebieden zijn herkend")
        return codes

    def resolve_index(
        self,
        waarden: pd.Series,
        niveau: Niveau | str,
        *,
        kolom: str = "gebied",
        eerste_rij: int = 1,
    ) -> pd.Series:
        """The same values, indexed by the codes their labels resolve to."""
        codes = self.resolve_all(list(waarden.index), niveau, kolom=kolom, eerste_rij=eerste_rij)
        return pd.Series(
            waarden.to_numpy(), index=pd.Index(codes, name="gebied"), name=waarden.name
        )

    def _kandidaten(self, tekst: str, niveau: Niveau | None) -> list[str]:
        def op_niveau(codes: Iterable[str]) -> list[str]:
            uniek = dict.fromkeys(codes)
            return [c for c in uniek if niveau is None or self.level_of(c) is niveau]

        for stap in (self._via_code, self._via_alias, self._via_naam, self._via_afkorting):
            gevonden = op_niveau(stap(tekst, niveau))
            if gevonden:
                return gevonden
        return []

    def _via_code(self, tekst: str, niveau: Niveau | None) -> list[str]:
        code = self._code_index.get(tekst.upper())
        return [code] if code else []

    def _via_alias(self, tekst: str, niveau: Niveau | None) -> list[str]:
        code = self._aliassen.get(namen.name_key(tekst))
        return [code] if code else []

    def _via_naam(self, tekst: str, niveau: Niveau | None) -> list[str]:
        return list(self._naam_index.get(namen.name_key(tekst), ()))

    def _via_afkorting(self, tekst: str, niveau: Niveau | None) -> list[str]:
        if not namen.has_abbreviation(tekst):
            return []
        pool = self._namen.items() if niveau is None else self._namen_op(niveau)
        return namen.abbreviation_matches(tekst, pool)

    def _namen_op(self, niveau: Niveau) -> list[tuple[str, str]]:
        return [(c, self._namen[c]) for c in self._codes_per_niveau.get(niveau, ())]

    def _suggesties(self, tekst: str, niveau: Niveau | None) -> list[str]:
        pool = self._namen_op(niveau) if niveau else list(self._namen.items())
        per_naam = {naam: code for code, naam in pool}
        return [self._label(per_naam[n]) for n in namen.close_matches(tekst, list(per_naam))]

    def _label(self, code: str) -> str:
        return f"{self._namen[code]} ({code}, {self.level_of(code).value})"

    # -- hierarchy and aggregation ------------------------------------------------------
    def parents(self, van: Niveau | str, naar: Niveau | str) -> pd.Series:
        """Parent code at level ``naar`` for every area at level ``van`` (NaN: none)."""
        van, naar = _niveau(van), _niveau(naar)
        _eis_grover(van, naar)
        tabel = self._per_niveau(van)
        if naar is Niveau.GEMEENTE:
            return tabel["gemeente"].rename(naar.value)
        if van is naar:
            return pd.Series(tabel.index, index=tabel.index, name=naar.value)
        return tabel[_OUDERKOLOM[naar]].rename(naar.value)

    def aggregate(
        self,
        waarden: pd.Series,
        naar: Niveau | str,
        *,
        aggregatie: Aggregatie | str = Aggregatie.SOM,
        gewicht: str | pd.Series | None = None,
        onvolledig: Literal["weglaten", "toestaan"] = "weglaten",
    ) -> pd.Series:
        """Aggregate values of one level (indexed by code) to the coarser level ``naar``.

        ``som`` sums; ``gewogen_gemiddelde`` takes Σw·x / Σw over the areas that have both
        a value and a weight (``gewicht``: ``inwoners``, ``inwoners_0_14`` or a Series).
        A coarser area for which not every finer area has a value (with a weight: every
        inhabited one) gets no value, because a partial sum or mean would be a wrong
        number; ``onvolledig="toestaan"`` keeps the partial value. Either way a warning
        names the areas and their coverage; ``attrs["dekking"]`` holds it per area.
        """
        aggregatie = Aggregatie(aggregatie)
        van, gelijk = self._niveau_van_reeks(waarden)
        naar = _niveau(naar)
        if aggregatie is Aggregatie.GEEN and van is not naar:
            raise InvoerFout(
                f"'{waarden.name}' kan niet van {van.value} naar {naar.value} worden opgeteld",
                argument="aggregatie",
            )
        alle_ouders = self.parents(van, naar)
        gewichten = self._gewichten(waarden, van, aggregatie, gewicht)
        doel, alle = self._doel_en_posities(van, naar, alle_ouders)
        gelijk = gelijk or alle_ouders.index.equals(waarden.index)
        ouders = alle if gelijk else _positions(doel, alle_ouders.reindex(waarden.index))
        x = waarden.to_numpy(dtype=float)  # numpy from here: no pandas op copies attrs
        uitkomst = _aggregate_numpy(waarden, x, ouders, gewichten, doel, naar)
        verwacht, met = self._coverage(
            x, ouders, alle, alle_ouders.index, doel, aggregatie, gewicht, van
        )
        onvolledig_ = (met < verwacht) & ~np.isnan(uitkomst)
        if onvolledig_.any():
            dekking = pd.DataFrame({"verwacht": verwacht, "met_waarde": met}, index=doel)
            _warn_incomplete(dekking[onvolledig_], van, self._namen, onvolledig == "toestaan")
        houden = ~np.isnan(uitkomst)
        if onvolledig == "weglaten":
            houden &= ~onvolledig_
        index = doel if houden.all() else doel[houden]
        uit = reeks(uitkomst[houden], index, waarden.name)
        uit.attrs["dekking"] = tabel(
            index, {"verwacht": verwacht[houden], "met_waarde": met[houden]}
        )
        return uit

    def _doel_en_posities(
        self, van: Niveau, naar: Niveau, alle_ouders: pd.Series
    ) -> tuple[pd.Index, np.ndarray]:
        """The codes of level ``naar`` (a fresh view each call) and the position of every
        ``van`` area's parent among them: computed once per pair of levels."""
        sleutel = (van, naar)
        if sleutel not in self._posities:
            doel = pd.Index(self.codes(naar), name="gebied")
            posities = _positions(doel, alle_ouders)
            posities.setflags(write=False)
            self._posities[sleutel] = (doel, posities)
        doel, alle = self._posities[sleutel]
        return doel.view(), alle

    @cached_property
    def _posities(self) -> dict[tuple[Niveau, Niveau], tuple[pd.Index, np.ndarray]]:
        return {}

    def _coverage(
        self,
        x: np.ndarray,
        ouders: np.ndarray,
        alle: np.ndarray,
        fijner: pd.Index,
        doel: pd.Index,
        aggregatie: Aggregatie,
        gewicht: str | pd.Series | None,
        van: Niveau,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Per coarser area: how many finer areas should have a value, and how many do.

        ``ouders`` is the position (in the coarser level's codes) of each value's parent,
        ``alle`` that of every area in ``fijner``, the finer level. With a weight, only
        finer areas with a positive weight are expected (an area without inhabitants
        weighs nothing; one whose weight is unknown cannot count).
        """
        verwacht = alle >= 0
        if aggregatie is Aggregatie.GEWOGEN_GEMIDDELDE and gewicht is not None:
            w = self.bevolking(van, gewicht) if isinstance(gewicht, str) else gewicht
            verwacht &= (_on(w, fijner) > 0).to_numpy()
        met = (ouders >= 0) & ~np.isnan(x)
        n = len(doel)
        return np.bincount(alle[verwacht], minlength=n), np.bincount(ouders[met], minlength=n)

    def _niveau_van_reeks(self, waarden: pd.Series) -> tuple[Niveau, bool]:
        """The level of the values' areas, and whether they are exactly that level's areas
        in its order."""
        eerste = waarden.index[0] if len(waarden) else None
        if isinstance(eerste, str) and eerste in self._niveaus:
            niveau = self._niveaus[eerste]
            if self._per_niveau(niveau).index.equals(waarden.index):
                return niveau, True  # exactly the areas of one level, as aggregation mostly gets
        positie = self._tabel.index.get_indexer(waarden.index)
        onbekend = waarden.index[positie < 0]
        if len(onbekend):
            raise DataFout(
                [f"onbekende gebiedscode '{c}'" for c in onbekend[:20].map(str)], "Aggregeren"
            )
        niveaus = set(pd.unique(self._tabel["niveau"].to_numpy()[positie]))
        if len(niveaus) != 1:
            raise DataFout(
                [f"waarden op verschillende niveaus: {sorted(map(str, niveaus))}"],
                "Aggregeren",
            )
        return Niveau(str(niveaus.pop())), False

    def _gewichten(
        self,
        waarden: pd.Series,
        van: Niveau,
        aggregatie: Aggregatie,
        gewicht: str | pd.Series | None,
    ) -> pd.Series | None:
        if aggregatie is not Aggregatie.GEWOGEN_GEMIDDELDE:
            return None
        if gewicht is None:
            raise InvoerFout("een gewogen gemiddelde heeft een gewicht nodig", argument="gewicht")
        if isinstance(gewicht, str):
            return self.bevolking(van, gewicht).reindex(waarden.index)
        return gewicht.astype(float).reindex(waarden.index)


def _warn_incomplete(
    onvolledig: pd.DataFrame, van: Niveau, namen: Mapping[str, str], behouden: bool
) -> None:
    delen = [
        f"{namen[str(o)]} ({r.met_waarde} van {r.verwacht} {MEERVOUD[van]})"
        for o, r in onvolledig.head(10).iterrows()
    ]
    gevolg = "gedeeltelijk opgeteld" if behouden else "daarom geen waarde"
    warnings.warn(
        f"niet elk onderliggend gebied heeft een waarde ({gevolg}): " + "; ".join(delen),
        OIWaarschuwing,
        stacklevel=4,
    )


def _on(reeks: pd.Series, index: pd.Index) -> pd.Series:
    """``reeks`` at ``index``; without a reindex when it already is."""
    return reeks if reeks.index.equals(index) else reeks.reindex(index)


def _positions(doel: pd.Index, ouders: pd.Series) -> np.ndarray:
    """Position of every parent code in ``doel``; -1 for none or an unknown one."""
    posities: np.ndarray = doel.get_indexer(pd.Index(ouders.to_numpy(dtype=object), dtype=object))
    return posities


def _aggregate_numpy(
    waarden: pd.Series,
    x: np.ndarray,
    ouder_idx: np.ndarray,
    gewichten: pd.Series | None,
    doel: pd.Index,
    naar: Niveau,
) -> np.ndarray:
    """Per area of ``doel`` the sum or weighted mean of its values; NaN without any."""
    w = np.ones_like(x) if gewichten is None else gewichten.to_numpy(dtype=float)
    bruikbaar = ~np.isnan(x) & ~np.isnan(w) & (ouder_idx >= 0)
    _waarschuw_weggelaten(waarden, x, w, ouder_idx, gewichten is not None, naar)
    n = len(doel)
    teller = np.bincount(ouder_idx[bruikbaar], weights=(x * w)[bruikbaar], minlength=n)
    noemer = np.bincount(ouder_idx[bruikbaar], weights=w[bruikbaar], minlength=n)
    aantal = np.bincount(ouder_idx[bruikbaar], minlength=n)
    with np.errstate(invalid="ignore", divide="ignore"):
        uitkomst = teller if gewichten is None else teller / noemer
    uitkomst = np.where(aantal > 0, uitkomst, np.nan)
    if gewichten is not None and ((aantal > 0) & (noemer == 0)).any():
        nul = doel.to_numpy(dtype=object)[(aantal > 0) & (noemer == 0)].tolist()
        warnings.warn(
            "totaal gewicht is 0, geen gewogen gemiddelde voor: " + ", ".join(nul[:10]),
            OIWaarschuwing,
            stacklevel=3,
        )
    return uitkomst


def _waarschuw_weggelaten(
    waarden: pd.Series,
    x: np.ndarray,
    w: np.ndarray,
    ouder_idx: np.ndarray,
    gewogen: bool,
    naar: Niveau,
) -> None:
    met_waarde = ~np.isnan(x)
    if (ouder_idx >= 0).all() and (not gewogen or not np.isnan(w).any()):
        return
    zonder_ouder = [str(c) for c in waarden.index[(ouder_idx < 0) & met_waarde]]
    zonder_gewicht = [str(c) for c in waarden.index[met_waarde & np.isnan(w)]] if gewogen else []
    if zonder_ouder:
        warnings.warn(
            f"{len(zonder_ouder)} gebieden liggen niet in een {naar.value} en tellen niet mee: "
            + ", ".join(zonder_ouder[:10]),
            OIWaarschuwing,
            stacklevel=4,
        )
    if zonder_gewicht:
        warnings.warn(
            "geen gewicht bekend, waarde telt niet mee in het gewogen gemiddelde: "
            + ", ".join(zonder_gewicht[:10]),
            OIWaarschuwing,
            stacklevel=4,
        )


def _niveau(niveau: Niveau | str) -> Niveau:
    try:
        return Niveau(niveau)
    except ValueError:
        keuzes = ", ".join(n.value for n in Niveau)
        raise InvoerFout(
            f"onbekend niveau '{niveau}'; kies uit {keuzes}", argument="niveau"
        ) from None


def _eis_grover(van: Niveau, naar: Niveau) -> None:
    if Niveau.DOELGROEP in (van, naar) and van is not naar:
        raise InvoerFout("doelgroepen kunnen niet naar gebieden worden omgezet", argument="niveau")
    if van is not naar and HIERARCHIE.index(naar) > HIERARCHIE.index(van):
        raise InvoerFout(
            f"kan niet van {van.value} naar het fijnere niveau {naar.value} aggregeren",
            argument="niveau",
        )


def _is_nan(waarde: Any) -> bool:
    return isinstance(waarde, float) and waarde != waarde


def _leeg_naar_none(waarde: Any) -> Any:
    if waarde is None or _is_nan(waarde) or (isinstance(waarde, str) and not waarde):
        return None
    return waarde.item() if isinstance(waarde, np.generic) else waarde
