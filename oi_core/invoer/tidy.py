"""Activity data as a tidy table: one row per (gebied, jaar, indicator) with its waarde.

``validate_data`` checks a table against an :class:`~oi_core.model.Activiteit` and
resolves area names to codes. Every problem is reported with its row number (1 = first
data row) in one :class:`~oi_core.errors.DataFout`, so a user fixes them all at once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

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
    uit = kolommen.output(data, eerste_rij)
    fouten = kolommen.findings(eerste_rij, blad) + _duplicates(uit, blad)
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

Controle = Callable[[Any], tuple[Any, str | None]]
"""A check of one cell value: (the canonical value, the Dutch finding or None)."""


@dataclass
class _Kolommen:
    """The outcome of the column checks: canonical values and findings per row."""

    indeling: Gebiedsindeling
    waarden: dict[str, np.ndarray]
    meldingen: np.ndarray
    """One row per check of :data:`_CONTROLES`, one column per data row; None = fine."""

    @property
    def fout(self) -> np.ndarray:
        return ~pd.isna(self.meldingen)

    @classmethod
    def check(
        cls,
        data: pd.DataFrame,
        activiteit: Activiteit,
        indeling: Gebiedsindeling,
        standaard: Niveau,
    ) -> _Kolommen:
        codes = activiteit.keten.codes()
        waarden: dict[str, np.ndarray] = {}
        meldingen: dict[str, np.ndarray] = {}

        def per_waarde(kolom: str, controle: Controle) -> None:
            waarden[kolom], meldingen[kolom] = _check_column(data[kolom], controle)

        per_waarde("indicator", lambda v: _check_indicator(v, codes, activiteit.code))
        waarden["waarde"], meldingen["waarde"] = _check_numbers(data["waarde"])
        per_waarde("jaar", _check_year)
        if "niveau" in data.columns:
            per_waarde("niveau", lambda v: _check_level(v, standaard))
        else:
            waarden["niveau"] = np.full(len(data), standaard, dtype=object)
            meldingen["niveau"] = np.full(len(data), None, dtype=object)
        waarden["gebied"], meldingen["gebied"] = _check_areas(
            data["gebied"], waarden["niveau"], meldingen["niveau"], indeling
        )
        return cls(indeling, waarden, np.stack([meldingen[k] for k in _CONTROLES]))

    def findings(self, eerste_rij: int, blad: str | None) -> list[Bevinding]:
        """Every finding, row by row and within a row in the order of :data:`_CONTROLES`."""
        controle, positie = np.nonzero(self.fout)
        volgorde = np.lexsort((controle, positie))
        return [
            Bevinding(
                str(self.meldingen[c, p]), rij=int(p) + eerste_rij, kolom=_CONTROLES[c], blad=blad
            )
            for c, p in zip(controle[volgorde], positie[volgorde], strict=True)
        ]

    def output(self, data: pd.DataFrame, eerste_rij: int) -> pd.DataFrame:
        """The canonical table of the rows without findings."""
        geldig = ~self.fout.any(axis=0)
        code = self.waarden["gebied"][geldig]
        naam, gevonden = _names_and_levels(code, self.waarden["niveau"][geldig], self.indeling)
        bron, _ = _check_column(
            data["gebied"].iloc[np.flatnonzero(geldig)], lambda v: (str(v), None)
        )
        kolommen = {
            "gebied": code,
            "naam": naam,
            "niveau": gevonden,
            "jaar": self.waarden["jaar"][geldig],
            "indicator": self.waarden["indicator"][geldig],
            "waarde": self.waarden["waarde"][geldig],
            "bron_gebied": bron,
            "rij": np.flatnonzero(geldig) + eerste_rij,
        }
        return pd.DataFrame(kolommen, columns=list(_UITVOER)).astype(_UITVOER)


# -- one column at a time ---------------------------------------------------------------
def _check_column(kolom: pd.Series, controle: Controle) -> tuple[np.ndarray, np.ndarray]:
    """Apply ``controle`` once per distinct value of the column and spread the outcome.

    Text and numeric columns are factorised in C; other columns (mixed objects) use a
    cache keyed by (type, value), so ``True`` and ``1`` stay apart.
    """
    waarden = kolom.to_numpy(dtype=object)
    if len(waarden) and _factorisable(kolom):
        posities, uniek = pd.factorize(waarden)
        return _spread(waarden, posities, list(uniek), controle)
    cache: dict[tuple[type, Any], int] = {}
    posities = np.fromiter(
        (cache.setdefault((type(v), v), len(cache)) for v in waarden), np.intp, len(waarden)
    )
    return _spread(waarden, posities, [k[1] for k in cache], controle)


def _factorisable(kolom: pd.Series) -> bool:
    if pd.api.types.is_bool_dtype(kolom.dtype):
        return False
    if pd.api.types.is_numeric_dtype(kolom.dtype):
        return True
    return bool(pd.api.types.infer_dtype(kolom, skipna=True) in ("string", "empty"))


def _spread(
    waarden: np.ndarray, posities: np.ndarray, uniek: list[Any], controle: Controle
) -> tuple[np.ndarray, np.ndarray]:
    uitkomst = [controle(u) for u in uniek]
    canoniek = _object_array([u[0] for u in uitkomst])
    melding = _object_array([u[1] for u in uitkomst])
    bekend = posities >= 0
    waarde = np.empty(len(waarden), dtype=object)
    fout = np.full(len(waarden), None, dtype=object)
    waarde[bekend], fout[bekend] = canoniek[posities[bekend]], melding[posities[bekend]]
    if not bekend.all():
        waarde[~bekend], fout[~bekend] = _check_missing(waarden[~bekend], controle)
    return waarde, fout


def _check_missing(leeg: np.ndarray, controle: Controle) -> tuple[np.ndarray, np.ndarray]:
    """Missing values (None, NaN, NA) checked once per kind, each as it is written."""
    soort = pd.factorize(_object_array([type(v) for v in leeg]))[0]
    _, eerste = np.unique(soort, return_index=True)
    uitkomst = [controle(leeg[i]) for i in eerste]
    canoniek = _object_array([u[0] for u in uitkomst])
    melding = _object_array([u[1] for u in uitkomst])
    return canoniek[soort], melding[soort]


def _object_array(waarden: list[Any]) -> np.ndarray:
    uit = np.empty(len(waarden), dtype=object)
    uit[:] = waarden
    return uit


def _check_numbers(kolom: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """The waarde column as floats; a numeric column needs no parsing at all."""
    if pd.api.types.is_numeric_dtype(kolom.dtype) and not pd.api.types.is_bool_dtype(kolom.dtype):
        getallen = kolom.to_numpy(dtype=float, na_value=np.nan)
        melding = np.full(len(kolom), None, dtype=object)
        melding[np.isinf(getallen)] = "het getal is te groot om mee te rekenen"
        return np.where(np.isinf(getallen), np.nan, getallen), melding
    melding = np.full(len(kolom), None, dtype=object)
    try:  # the whole column at once, read one way (decimal mark, percent sign)
        return parse_column(kolom.to_numpy(dtype=object), procent="weigeren"), melding
    except KolomFout as fout:
        for i, tekst in fout.fouten:
            melding[i] = tekst
    waarde, _ = _check_column(kolom, _check_number)
    return waarde.astype(float), melding


def _check_areas(
    kolom: pd.Series, niveaus: np.ndarray, niveau_fout: np.ndarray, indeling: Gebiedsindeling
) -> tuple[np.ndarray, np.ndarray]:
    """Resolve every distinct (name, level) pair once; rows without a level are skipped.

    Exact codes are looked up for the whole column at once; only the other texts (names,
    aliases, mistakes) go through :meth:`Gebiedsindeling.resolve` one by one.
    """
    tekst, _ = _check_column(kolom, lambda v: (_area_text(v), None))
    met_niveau = pd.isna(niveau_fout)
    posities, teksten, paar_niveaus = _factorize_pairs(tekst[met_niveau], niveaus[met_niveau])
    code_u = np.full(len(teksten), None, dtype=object)
    fout_u = np.full(len(teksten), None, dtype=object)
    for niveau in set(paar_niveaus.tolist()):
        deze = paar_niveaus == niveau
        code_u[deze] = indeling.exact_codes(teksten[deze], niveau)
    for i in np.flatnonzero(pd.isna(code_u)):
        code_u[i], fout_u[i] = _check_area(indeling, teksten[i], paar_niveaus[i])
    code = np.full(len(kolom), None, dtype=object)
    fout = np.full(len(kolom), None, dtype=object)
    code[met_niveau], fout[met_niveau] = code_u[posities], fout_u[posities]
    return code, fout


def _names_and_levels(
    code: np.ndarray, niveau: np.ndarray, indeling: Gebiedsindeling
) -> tuple[np.ndarray, np.ndarray]:
    """Name and level of every resolved area; a doelgroep is its own name."""
    if not len(code):
        return code, niveau
    posities, uniek = pd.factorize(code)
    naam = indeling.look_up(uniek, "naam")[posities]
    gevonden = indeling.look_up(uniek, "niveau")[posities]
    doelgroep = niveau == Niveau.DOELGROEP
    naam[doelgroep] = code[doelgroep]
    gevonden[doelgroep] = Niveau.DOELGROEP.value
    return naam, gevonden


def _factorize_pairs(
    tekst: np.ndarray, niveau: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Positions of each (text, level) pair among the distinct pairs, and those pairs."""
    if not len(tekst):
        leeg = np.zeros(0, dtype=object)
        return np.zeros(0, dtype=np.intp), leeg, leeg
    pos_t, uniek_t = pd.factorize(tekst)
    pos_n, uniek_n = pd.factorize(niveau)
    posities, paren = pd.factorize(pos_t * len(uniek_n) + pos_n)
    niveaus = _object_array([Niveau(n) for n in uniek_n])
    teksten = np.asarray(uniek_t, dtype=object)
    return posities, teksten[paren // len(uniek_n)], niveaus[paren % len(uniek_n)]


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
