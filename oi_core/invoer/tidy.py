"""Activity data as a tidy table: one row per (gebied, jaar, indicator) with its waarde.

``validate_data`` checks a table against an :class:`~oi_core.model.Activiteit` and
resolves area names to codes. Every problem is reported with its row number (1 = first
data row) in one :class:`~oi_core.errors.DataFout`, so a user fixes them all at once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

import numpy as np
import pandas as pd

from oi_core.errors import Bevinding, DataFout, GebiedFout
from oi_core.gebieden.indeling import Gebiedsindeling
from oi_core.invoer.getallen import GetalFout, KolomFout, parse_amount, parse_column, parse_number
from oi_core.model.activiteit import Activiteit, Niveau

__all__ = ["KOLOMMEN_DATA", "to_tidy", "validate_data"]

KOLOMMEN_DATA = ("gebied", "jaar", "indicator", "waarde")
"""Required columns of a tidy data table; ``niveau`` is optional."""


def to_tidy(
    breed: pd.DataFrame,
    *,
    gebied: str,
    indicatoren: Mapping[str, str] | Sequence[str],
    jaar: int | Mapping[str, int],
    niveau: Niveau | str | None = None,
) -> pd.DataFrame:
    """Turn a wide table (one row per area, one column per indicator) into tidy rows.

    ``indicatoren`` maps column names to indicator codes (or lists columns named after
    their codes); ``jaar`` is one year or a year per indicator code. Empty cells are left
    out: a tidy table has no rows for values that were not measured.
    """
    kolommen = (
        dict(indicatoren) if isinstance(indicatoren, Mapping) else {k: k for k in indicatoren}
    )
    lang = breed.melt(
        id_vars=[gebied], value_vars=list(kolommen), var_name="indicator", value_name="waarde"
    )
    lang = lang.rename(columns={gebied: "gebied"})
    lang["indicator"] = lang["indicator"].map(kolommen)
    lang = lang[lang["waarde"].notna() & (lang["waarde"].astype(str).str.strip() != "")]
    lang["jaar"] = lang["indicator"].map(jaar) if isinstance(jaar, Mapping) else jaar
    if niveau is not None:
        lang["niveau"] = Niveau(niveau).value
    kolomvolgorde = [*KOLOMMEN_DATA, *(["niveau"] if niveau is not None else [])]
    return lang.loc[:, kolomvolgorde].reset_index(drop=True)


def validate_data(
    data: pd.DataFrame,
    activiteit: Activiteit,
    *,
    indeling: Gebiedsindeling | None = None,
    niveau: Niveau | str | None = None,
    blad: str | None = None,
    eerste_rij: int = 1,
) -> pd.DataFrame:
    """Check a tidy table and return it canonical.

    Refused, each with its row: a missing column, an indicator the activity does not
    declare, a waarde that is not a number, a jaar that is not a whole year, an area that
    does not resolve (at the row's ``niveau``, else ``niveau``, else the activity's level;
    city rows such as "Gemiddelde Amsterdam" resolve at gemeente level), and duplicate
    (gebied, jaar, indicator) rows. An empty waarde is kept as a missing value.

    Rows are numbered from ``eerste_rij`` (2 for a sheet or CSV with a header row, so the
    numbers are those the user sees). Returns columns ``gebied`` (code), ``naam``,
    ``niveau``, ``jaar``, ``indicator``, ``waarde`` (float), ``bron_gebied`` (as given)
    and ``rij``.

    The checks run on whole columns: every distinct value of a column (every distinct
    area name per level) is parsed or resolved once, and the findings are reported per
    row in the order of the columns above.
    """
    indeling = indeling or Gebiedsindeling.amsterdam()
    ontbreekt = [k for k in KOLOMMEN_DATA if k not in data.columns]
    if ontbreekt:
        raise DataFout(
            [Bevinding("kolom ontbreekt", kolom=k, blad=blad) for k in ontbreekt],
            f"Gegevens van '{activiteit.code}'",
        )
    standaard = Niveau(niveau) if niveau is not None else activiteit.niveau
    kolommen = _Kolommen.check(data, activiteit, indeling, standaard)
    fout = kolommen.fout
    geldig = np.asarray(~fout.any(axis=0))
    uit = kolommen.output(geldig, eerste_rij)
    fouten = kolommen.findings(fout, eerste_rij, blad) if not geldig.all() else []
    if kolommen.dubbel(geldig):
        fouten += _duplicates(uit, blad)
    if fouten:
        raise DataFout(fouten, f"De gegevens van '{activiteit.code}' zijn niet geldig")
    return uit


_UITVOER = {
    "gebied": str,
    "naam": str,
    "niveau": str,
    "jaar": int,
    "indicator": str,
    "waarde": float,
    "bron_gebied": str,
    "rij": int,
}

_CONTROLES = ("indicator", "waarde", "jaar", "niveau", "gebied")
"""The checked columns, in the order a row's findings are reported."""

_TEKST = pd.Series(["x"]).dtype
"""The dtype pandas gives a column of text (``str`` on pandas 3, ``object`` before)."""

Controle = Callable[[Any], tuple[Any, str | None]]
"""A check of one cell value: (the canonical value, the Dutch finding or None)."""


@dataclass
class _Factor:
    """A column factorised once: per row the position of its value among the distinct
    values (missing values last, one representative per kind: None, NaN, NA)."""

    posities: np.ndarray
    uniek: np.ndarray
    tekst: bool
    """Every distinct value that is not missing is a ``str``."""

    def apply(self, controle: Controle) -> _Uitkomst:
        """``controle`` once per distinct value."""
        uitkomst = [controle(u) for u in self.uniek]
        canoniek = _object_array([u[0] for u in uitkomst])
        melding = _object_array([u[1] for u in uitkomst])
        return _Uitkomst(canoniek, melding, self.posities)


@dataclass
class _Uitkomst:
    """The outcome of one check: per distinct value its canonical value and finding, and
    per row the position of its distinct value (the rows are spread only when needed).
    For ``waarde`` the canonical values are per row (the floats themselves)."""

    canoniek: np.ndarray
    melding: np.ndarray
    posities: np.ndarray

    @property
    def fout(self) -> np.ndarray:
        """Per row: does it have a finding."""
        slecht = np.fromiter((m is not None for m in self.melding), bool, len(self.melding))
        uit: np.ndarray = slecht[self.posities]
        return uit

    def waarden(self, rijen: np.ndarray | slice) -> np.ndarray:
        uit: np.ndarray = self.canoniek[self.posities[rijen]]
        return uit

    def meldingen(self, rijen: np.ndarray) -> np.ndarray:
        uit: np.ndarray = self.melding[self.posities[rijen]]
        return uit


@dataclass
class _Gebieden:
    """The outcome of the area check per distinct (text, level) pair, and per row its pair
    (-1 for a row whose level is wrong: it is not looked up)."""

    code: np.ndarray
    melding: np.ndarray
    niveau: np.ndarray
    paar: np.ndarray
    bron: np.ndarray
    """Per row position of :attr:`_Kolommen.gebied`: the area as written (text)."""

    def uitkomst(self) -> _Uitkomst:
        paar = self.paar.copy()
        paar[paar < 0] = len(self.code)  # no level: no area finding
        geen = _object_array([None])
        code = np.concatenate([self.code, geen])
        return _Uitkomst(code, np.concatenate([self.melding, geen]), paar)


@dataclass
class _Kolommen:
    """The outcome of the column checks: per check its :class:`_Uitkomst`."""

    indeling: Gebiedsindeling
    uitkomsten: dict[str, _Uitkomst]
    gebieden: _Gebieden
    gebied: _Factor
    lengte: int

    @property
    def fout(self) -> np.ndarray:
        """One row per check of :data:`_CONTROLES`, one column per data row."""
        if not self.lengte:
            return np.zeros((len(_CONTROLES), 0), dtype=bool)
        return np.stack([self.uitkomsten[k].fout for k in _CONTROLES])

    @classmethod
    def check(
        cls,
        data: pd.DataFrame,
        activiteit: Activiteit,
        indeling: Gebiedsindeling,
        standaard: Niveau,
    ) -> _Kolommen:
        codes = activiteit.keten.codes()
        uit: dict[str, _Uitkomst] = {}
        uit["indicator"] = _factor(data["indicator"]).apply(
            lambda v: _check_indicator(v, codes, activiteit.code)
        )
        uit["waarde"] = _check_numbers(data["waarde"])
        uit["jaar"] = _factor(data["jaar"]).apply(_check_year)
        if "niveau" in data.columns:
            uit["niveau"] = _factor(data["niveau"]).apply(lambda v: _check_level(v, standaard))
        else:
            geen = np.zeros(len(data), dtype=np.intp)
            uit["niveau"] = _Uitkomst(_object_array([standaard]), _object_array([None]), geen)
        gebied = _factor(data["gebied"])
        gebieden = _check_areas(gebied, uit["niveau"], indeling)
        uit["gebied"] = gebieden.uitkomst()
        return cls(indeling, uit, gebieden, gebied, len(data))

    def findings(self, fout: np.ndarray, eerste_rij: int, blad: str | None) -> list[Bevinding]:
        """Every finding, row by row and within a row in the order of :data:`_CONTROLES`."""
        controle, positie = np.nonzero(fout)
        volgorde = np.lexsort((controle, positie))
        controle, positie = controle[volgorde], positie[volgorde]
        tekst = np.empty(len(positie), dtype=object)
        for c, k in enumerate(_CONTROLES):
            deze = controle == c
            tekst[deze] = self.uitkomsten[k].meldingen(positie[deze])
        return [
            Bevinding(str(m), rij=int(p) + eerste_rij, kolom=_CONTROLES[c], blad=blad)
            for m, c, p in zip(tekst, controle, positie, strict=True)
        ]

    def output(self, geldig: np.ndarray, eerste_rij: int) -> pd.DataFrame:
        """The canonical table of the rows without findings: every text column is built
        from its distinct values by a take (nothing is converted row by row)."""
        rijen: np.ndarray | slice = slice(None) if geldig.all() else np.flatnonzero(geldig)
        paar = self.gebieden.paar[rijen]
        naam, gevonden = _names_and_levels(self.gebieden, self.indeling)
        jaar = self.uitkomsten["jaar"]
        indicator = self.uitkomsten["indicator"]
        kolommen = {
            "gebied": _tekst(self.gebieden.code, paar),
            "naam": _tekst(naam, paar),
            "niveau": _tekst(gevonden, paar),
            "jaar": _jaartallen(jaar.canoniek)[jaar.posities[rijen]],
            "indicator": _tekst(indicator.canoniek, indicator.posities[rijen]),
            "waarde": self.uitkomsten["waarde"].canoniek[rijen].astype(float),
            "bron_gebied": _tekst(self.gebieden.bron, self.gebied.posities[rijen]),
            "rij": np.arange(self.lengte)[rijen] + eerste_rij,
        }
        return pd.DataFrame(kolommen, columns=list(_UITVOER), copy=False)

    def dubbel(self, geldig: np.ndarray) -> bool:
        """Do two valid rows share (gebied, jaar, indicator)? On integer keys: the code's
        position among the distinct codes, the year, the indicator's position."""
        rijen = np.flatnonzero(geldig)
        if len(rijen) < 2:
            return False
        code = pd.factorize(self.gebieden.code)[0][self.gebieden.paar[rijen]]
        indicator = self.uitkomsten["indicator"]
        ind = pd.factorize(indicator.canoniek)[0][indicator.posities[rijen]]
        jaren = self.uitkomsten["jaar"]
        jaar = _jaartallen(jaren.canoniek)[jaren.posities[rijen]]
        sleutel = (code.astype(np.int64) * 201 + (jaar - 1900)) * (ind.max() + 1) + ind
        return bool(pd.Index(sleutel).has_duplicates)


def _tekst(uniek: np.ndarray, posities: np.ndarray) -> Any:
    """The text column ``uniek[posities]`` in the dtype pandas gives text (as
    ``astype(str)`` gives it), converting only the distinct values."""
    return pd.array(uniek, dtype=cast(Any, _TEKST)).take(posities)


def _jaartallen(canoniek: np.ndarray) -> np.ndarray:
    return np.fromiter((int(j) for j in canoniek), np.int64, len(canoniek))


# -- one column at a time ---------------------------------------------------------------
def _factor(kolom: pd.Series) -> _Factor:
    """Factorise a column once. Text and numeric columns are factorised in C; other
    columns (mixed objects) use a cache keyed by (type, value), so ``True`` and ``1``
    stay apart."""
    waarden = kolom.to_numpy(dtype=object)
    if not len(waarden) or not _factorisable(kolom):
        cache: dict[tuple[type, Any], int] = {}
        posities = np.fromiter(
            (cache.setdefault((type(v), v), len(cache)) for v in waarden), np.intp, len(waarden)
        )
        return _Factor(posities, _object_array([k[1] for k in cache]), tekst=False)
    posities, uniek = pd.factorize(waarden)
    tekst = not pd.api.types.is_numeric_dtype(kolom.dtype)
    uniek = np.asarray(uniek, dtype=object)
    ontbreekt = posities < 0
    if ontbreekt.any():  # one representative per kind of missing value, as written
        leeg = waarden[ontbreekt]
        soort = pd.factorize(_object_array([type(v) for v in leeg]))[0]
        _, eerste = np.unique(soort, return_index=True)
        posities[ontbreekt] = len(uniek) + soort
        uniek = np.concatenate([uniek, leeg[eerste]])
    return _Factor(posities, uniek, tekst)


def _factorisable(kolom: pd.Series) -> bool:
    if pd.api.types.is_bool_dtype(kolom.dtype):
        return False
    if pd.api.types.is_numeric_dtype(kolom.dtype) or isinstance(kolom.dtype, pd.StringDtype):
        return True
    return bool(pd.api.types.infer_dtype(kolom, skipna=True) in ("string", "empty"))


def _object_array(waarden: list[Any]) -> np.ndarray:
    uit = np.empty(len(waarden), dtype=object)
    uit[:] = waarden
    return uit


def _check_numbers(kolom: pd.Series) -> _Uitkomst:
    """The waarde column as floats; a numeric column needs no parsing at all."""
    rij = np.arange(len(kolom))
    if pd.api.types.is_numeric_dtype(kolom.dtype) and not pd.api.types.is_bool_dtype(kolom.dtype):
        getallen = kolom.to_numpy(dtype=float, na_value=np.nan)
        te_groot = np.isinf(getallen)
        if not te_groot.any():
            return _Uitkomst(getallen, np.full(1, None, dtype=object), np.zeros_like(rij))
        melding = np.full(len(kolom), None, dtype=object)
        melding[te_groot] = "het getal is te groot om mee te rekenen"
        return _Uitkomst(np.where(te_groot, np.nan, getallen), melding, rij)
    melding = np.full(len(kolom), None, dtype=object)
    try:  # the whole column at once, read one way (decimal mark, percent sign)
        getallen = parse_column(kolom.to_numpy(dtype=object), procent="weigeren")
        return _Uitkomst(getallen, melding, rij)
    except KolomFout as fout:
        for i, tekst in fout.fouten:
            melding[i] = tekst
    per_waarde = _factor(kolom).apply(_check_number)
    return _Uitkomst(per_waarde.waarden(slice(None)).astype(float), melding, rij)


def _check_areas(gebied: _Factor, niveau: _Uitkomst, indeling: Gebiedsindeling) -> _Gebieden:
    """Resolve every distinct (name, level) pair once; rows without a level are skipped.

    Exact codes are looked up for all pairs at once; only the other texts (names,
    aliases, mistakes) go through :meth:`Gebiedsindeling.resolve` one by one.
    """
    n = len(gebied.posities)
    bekend = len(gebied.uniek) - int(np.sum(pd.isna(gebied.uniek))) if n else 0
    tekst = np.asarray(gebied.uniek, dtype=object).copy()
    if not gebied.tekst:
        tekst[:bekend] = [_area_text(v) for v in tekst[:bekend]]
    tekst[bekend:] = [_area_text(v) for v in tekst[bekend:]]
    bron = tekst.copy() if gebied.tekst else _object_array([str(v) for v in gebied.uniek])
    if gebied.tekst:
        bron[bekend:] = [str(v) for v in gebied.uniek[bekend:]]
    met_niveau = ~niveau.fout
    paar, teksten, paar_niveaus = _factorize_pairs(gebied.posities, tekst, niveau, met_niveau)
    code = np.full(len(teksten), None, dtype=object)
    melding = np.full(len(teksten), None, dtype=object)
    for soort in set(paar_niveaus.tolist()):
        deze = paar_niveaus == soort
        code[deze] = indeling.exact_codes(teksten[deze], soort)
    for i in np.flatnonzero(pd.isna(code)):
        code[i], melding[i] = _check_area(indeling, teksten[i], paar_niveaus[i])
    return _Gebieden(code, melding, paar_niveaus, paar, bron)


def _names_and_levels(gebieden: _Gebieden, indeling: Gebiedsindeling) -> tuple[Any, Any]:
    """Name and level of every distinct resolved area; a doelgroep is its own name."""
    code = gebieden.code
    if not len(code):
        return code, code
    naam = indeling.look_up(code, "naam")
    gevonden = indeling.look_up(code, "niveau")
    doelgroep = gebieden.niveau == Niveau.DOELGROEP
    naam[doelgroep] = code[doelgroep]
    gevonden[doelgroep] = Niveau.DOELGROEP.value
    return naam, gevonden


def _factorize_pairs(
    posities: np.ndarray, tekst: np.ndarray, niveau: _Uitkomst, met_niveau: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per row the position of its (text, level) pair among the distinct pairs (-1 for a
    row without a level), and those pairs' texts and levels."""
    paar = np.full(len(posities), -1, dtype=np.intp)
    if not met_niveau.any():
        leeg = np.zeros(0, dtype=object)
        return paar, leeg, leeg
    niveaus = _object_array([Niveau(n) if n is not None else None for n in niveau.canoniek])
    if len(niveau.canoniek) == 1 and met_niveau.all():  # one level (no niveau column)
        return posities, tekst, np.full(len(tekst), niveaus[0], dtype=object)
    pos_n = niveau.posities[met_niveau]
    sleutel = posities[met_niveau] * len(niveaus) + pos_n
    paar[met_niveau], paren = pd.factorize(sleutel)
    return paar, tekst[paren // len(niveaus)], niveaus[paren % len(niveaus)]


# -- one distinct value at a time ---------------------------------------------------------
def _check_indicator(waarde: Any, codes: frozenset[str], activiteit: str) -> tuple[str, str | None]:
    indicator = str(waarde).strip()
    if indicator in codes:
        return indicator, None
    return indicator, f"indicator '{indicator}' is niet gedeclareerd in activiteit '{activiteit}'"


def _check_number(waarde: Any) -> tuple[float, str | None]:
    try:
        getal = parse_amount(waarde)
    except GetalFout as e:
        return np.nan, str(e)
    if np.isinf(getal):  # "1e400": no finite number to compute with
        return np.nan, f"'{waarde}' is te groot om mee te rekenen"
    return getal, None


def _check_year(jaar: Any) -> tuple[int, str | None]:
    try:
        getal = parse_number(jaar)
    except ValueError:
        getal = np.nan
    if not np.isfinite(getal) or getal != int(getal) or not 1900 <= getal <= 2100:
        return 0, f"'{jaar}' is geen jaartal"
    return int(getal), None


def _check_level(tekst: Any, standaard: Niveau) -> tuple[Niveau | None, str | None]:
    if tekst is None or (isinstance(tekst, float) and np.isnan(tekst)) or str(tekst).strip() == "":
        return standaard, None
    try:
        return Niveau(str(tekst).strip().lower()), None
    except ValueError:
        return None, f"onbekend niveau '{tekst}'"


def _area_text(gebied: Any) -> str:
    return "" if gebied is None or (isinstance(gebied, float) and np.isnan(gebied)) else str(gebied)


def _check_area(indeling: Gebiedsindeling, tekst: str, niveau: Niveau) -> tuple[Any, str | None]:
    try:
        return indeling.resolve(tekst, niveau), None
    except GebiedFout as eerste:
        try:
            return indeling.resolve(tekst, Niveau.GEMEENTE), None
        except GebiedFout:
            return None, str(eerste)


def _name_and_level(indeling: Gebiedsindeling, code: str, niveau: Niveau) -> tuple[str, str]:
    if niveau is Niveau.DOELGROEP:
        return code, niveau.value
    return indeling.name(code), indeling.level_of(code).value


def _duplicates(uit: pd.DataFrame, blad: str | None) -> list[Bevinding]:
    """Rows whose (gebied, jaar, indicator) an earlier valid row already has."""
    sleutel = ["gebied", "jaar", "indicator"]
    dubbel = uit.duplicated(sleutel, keep="first").to_numpy()
    if not dubbel.any():
        return []
    eerste = uit.groupby(sleutel, sort=False)["rij"].transform("first").to_numpy()[dubbel]
    kolommen = [uit[k].to_numpy()[dubbel].tolist() for k in ("naam", *sleutel, "rij")]
    return [
        Bevinding(
            f"dubbele rij: {naam} ({code}), {jaar}, {ind} staat ook op rij {e}", rij=rij, blad=blad
        )
        for naam, code, jaar, ind, rij, e in zip(*kolommen, eerste.tolist(), strict=True)
    ]
