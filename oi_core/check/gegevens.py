"""Checks on an activity's embedded data and on the tables and report parts it offers.

``validate_data`` refuses unknown areas, undeclared indicators, bad numbers and years and
duplicate rows; each of its findings keeps its row and column. On valid data the checks
below add what validation per row cannot see: negative inzet, an opgave of zero where
inzet goes, shares that do not add up to 100, declared indicators without data, and
whether the three steps of the analysis actually run.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

import pandas as pd

from oi_core.check.bevinding import Controlebevinding, Ernst
from oi_core.check.definitie import is_aandeel
from oi_core.check.taal import looks_english
from oi_core.errors import DataFout, OIFout
from oi_core.gebieden.indeling import Gebiedsindeling
from oi_core.invoer.tidy import validate_data
from oi_core.model.activiteit import Activiteit, Niveau, Rol
from oi_core.model.registratie import ActiviteitRegistratie, Onderdeel, Samenvatting
from oi_core.rekenen.analyse import Analyse

__all__ = ["check_data", "check_samenvatting", "share_tolerance"]

_W = Ernst.WAARSCHUWING


def _finding(
    reg: ActiviteitRegistratie,
    waar: str,
    melding: str,
    ernst: Ernst = Ernst.FOUT,
    controle: str = "gegevens",
) -> Controlebevinding:
    return Controlebevinding(reg.plugin, reg.code, waar, melding, ernst, controle=controle)


def _describe(fout: BaseException) -> str:
    return str(fout) if isinstance(fout, OIFout) else f"{type(fout).__name__}: {fout}"


def load_data(
    reg: ActiviteitRegistratie, indeling: Gebiedsindeling, bevindingen: list[Controlebevinding]
) -> pd.DataFrame | None:
    """The validated data, or None with the reasons appended to ``bevindingen``."""
    try:
        ruw = reg.data()
    except Exception as fout:
        bevindingen.append(_finding(reg, "data()", f"de gegevens laden faalt: {_describe(fout)}"))
        return None
    if not isinstance(ruw, pd.DataFrame):
        bevindingen.append(_finding(reg, "data()", f"geeft {type(ruw).__name__}, geen DataFrame"))
        return None
    try:
        return validate_data(ruw, reg.activiteit, indeling=indeling)
    except DataFout as fout:
        bevindingen += [_finding(reg, _where(b.rij, b.kolom), b.melding) for b in fout.bevindingen]
    except Exception as fout:
        bevindingen.append(_finding(reg, "gegevens", _describe(fout)))
    return None


def _where(rij: int | None, kolom: str | None) -> str:
    delen = ["gegevens"]
    if rij is not None:
        delen.append(f"rij {rij}")
    if kolom:
        delen.append(f"kolom '{kolom}'")
    return ", ".join(delen)


def check_data(
    reg: ActiviteitRegistratie, indeling: Gebiedsindeling | None = None
) -> list[Controlebevinding]:
    """Every finding on the data of one registered activity."""
    indeling = indeling or Gebiedsindeling.amsterdam()
    bevindingen: list[Controlebevinding] = []
    df = load_data(reg, indeling, bevindingen)
    if df is not None:
        a = reg.activiteit
        bevindingen += [_finding(reg, w, m) for w, m in _negative(df, a)]
        bevindingen += [_finding(reg, w, m) for w, m in _zero_opgave(df, a)]
        bevindingen += [_finding(reg, w, m) for w, m in _shares(df, a)]
        dekking = _coverage(reg, df)
        bevindingen += dekking
        if not any(b.ernst is Ernst.FOUT for b in dekking):
            bevindingen += _steps(reg, df, indeling)
    bevindingen += _tables(reg)
    return bevindingen


def _rows(df: pd.DataFrame, code: str) -> pd.DataFrame:
    return df[(df["indicator"] == code) & df["waarde"].notna()]


def _row_place(rij: Any) -> str:
    return f"gegevens, rij {int(rij['rij'])}"


def _negative(df: pd.DataFrame, a: Activiteit) -> list[tuple[str, str]]:
    uit = []
    codes = [i.code for i in a.keten.indicatoren() if i.rol in (Rol.INZET, Rol.OPGAVE)]
    for code in codes:
        rijen = _rows(df, code)
        for _, r in rijen[rijen["waarde"] < 0].iterrows():
            soort = a.keten.indicator(code).rol.value
            uit.append(
                (_row_place(r), f"negatieve {soort} {r['waarde']:g} voor {r['naam']} ({code})")
            )
    return uit


def _zero_opgave(df: pd.DataFrame, a: Activiteit) -> list[tuple[str, str]]:
    """An area that gets inzet while its opgave is 0 has an infinite OI-index."""
    sleutel = ["gebied", "jaar", "niveau"]
    x = _rows(df, a.match_inzet.code)
    y = _rows(df, a.match_opgave.code)
    samen = x.merge(y, on=sleutel, suffixes=("_inzet", "_opgave"))
    fout = samen[(samen["waarde_inzet"] > 0) & (samen["waarde_opgave"] == 0)]
    return [
        (
            f"gegevens, rij {int(r['rij_opgave'])}",
            f"{r['naam_inzet']} krijgt inzet ({a.match_inzet.code} = {r['waarde_inzet']:g}) "
            f"maar heeft opgave 0 ({a.match_opgave.code}) in {int(r['jaar'])}",
        )
        for _, r in fout.iterrows()
    ]


def share_tolerance(waarden: pd.Series) -> float:
    """How far a sum of rounded shares may be from 100: half the rounding unit per value.

    The unit follows from the most decimals among the values (23 → 1, 7.5 → 0.1), so eight
    shares in whole percent may add up to anything from 96 to 104, never more.
    """
    decimalen = max((_decimals(float(v)) for v in waarden), default=0)
    return len(waarden) * 0.5 * 10.0**-decimalen + 1e-9


def _decimals(waarde: float) -> int:
    exponent = Decimal(repr(round(waarde, 6))).normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _shares(df: pd.DataFrame, a: Activiteit) -> list[tuple[str, str]]:
    uit = []
    for ind in filter(is_aandeel, a.keten.indicatoren()):
        rijen = _rows(df, ind.code)
        for (jaar, niveau), groep in rijen.groupby(["jaar", "niveau"]):
            uit += _share_group(ind.code, int(str(jaar)), str(niveau), groep)
    return uit


def _share_group(code: str, jaar: int, niveau: str, groep: pd.DataFrame) -> list[tuple[str, str]]:
    waarden = groep["waarde"]
    waar = f"indicator '{code}', {jaar}, niveau {niveau}"
    if niveau == Niveau.GEMEENTE.value:
        afwijkend = groep[(waarden - 100).abs() > share_tolerance(waarden)]
        return [
            (
                _row_place(r),
                f"het stedelijk totaal van aandeel '{code}' is {r['waarde']:g}, niet 100",
            )
            for _, r in afwijkend.iterrows()
        ]
    som, marge = float(waarden.sum()), share_tolerance(waarden)
    if abs(som - 100) <= marge:
        return []
    return [
        (
            waar,
            f"de aandelen tellen op tot {som:g} in plaats van 100 "
            f"(afronding verklaart hooguit ±{marge:.2g} bij {len(waarden)} gebieden)",
        )
    ]


def _coverage(reg: ActiviteitRegistratie, df: pd.DataFrame) -> list[Controlebevinding]:
    a = reg.activiteit
    aanwezig = set(df.loc[df["waarde"].notna(), "indicator"])
    uit = []
    for ind in (a.match_inzet, a.match_opgave):
        if ind.code not in aanwezig:
            uit.append(
                _finding(
                    reg,
                    f"indicator '{ind.code}'",
                    f"geen gegevens voor de {ind.rol.value}-indicator van de match",
                )
            )
    for ind in a.keten.indicatoren():
        if ind.code not in aanwezig and ind not in (a.match_inzet, a.match_opgave):
            uit.append(
                _finding(reg, f"indicator '{ind.code}'", "gedeclareerd maar zonder gegevens", _W)
            )
    jaren = set(df["jaar"])
    if a.peiljaar is not None and a.peiljaar not in jaren:
        uit.append(
            _finding(
                reg,
                "peiljaar",
                f"peiljaar {a.peiljaar} komt niet voor in de gegevens "
                f"(wel: {', '.join(map(str, sorted(jaren)))})",
                _W,
            )
        )
    return uit


def _steps(
    reg: ActiviteitRegistratie, df: pd.DataFrame, indeling: Gebiedsindeling
) -> list[Controlebevinding]:
    """Run the three steps at the activity's level; a refusal or a warning is a finding."""
    stappen: dict[str, Callable[[Analyse], Any]] = {
        "stap 1 (verdeling inzet)": Analyse.verdeling_inzet,
        "stap 2 (opgave)": Analyse.opgave,
        "stap 3 (match)": lambda an: an.match(),
    }
    analyse = Analyse(reg.activiteit, df, indeling=indeling)
    uit = []
    for naam, stap in stappen.items():
        waar = f"{naam}, niveau {analyse.niveau.value}"
        with warnings.catch_warnings(record=True) as gemeld:
            warnings.simplefilter("always")
            try:
                stap(analyse)
            except Exception as fout:
                uit.append(_finding(reg, waar, _describe(fout)))
        uit += [_finding(reg, waar, str(w.message), _W) for w in gemeld]
    return uit


def _tables(reg: ActiviteitRegistratie) -> list[Controlebevinding]:
    uit = []
    for naam in ("tabellen", "gepubliceerd"):
        functie = getattr(reg, naam)
        if functie is None:
            continue
        try:
            tabellen = functie()
        except Exception as fout:
            uit.append(_finding(reg, f"{naam}()", f"faalt: {_describe(fout)}"))
            continue
        uit += [_finding(reg, f"{naam}()", m) for m in _table_problems(tabellen)]
    return uit


def _table_problems(tabellen: Any) -> list[str]:
    if not isinstance(tabellen, Mapping):
        return [f"geeft {type(tabellen).__name__}, geen mapping van naam naar tabel"]
    return [
        f"'{naam}' is {type(t).__name__}, geen DataFrame"
        for naam, t in tabellen.items()
        if not isinstance(t, pd.DataFrame)
    ]


# -- samenvatting and onderdelen ----------------------------------------------------------
def check_samenvatting(
    reg: ActiviteitRegistratie, indeling: Gebiedsindeling | None = None
) -> list[Controlebevinding]:
    """The managementsamenvatting and report parts build from the embedded data."""
    if reg.samenvatting is None and reg.onderdelen is None:
        return []
    indeling = indeling or Gebiedsindeling.amsterdam()
    vooraf: list[Controlebevinding] = []
    df = load_data(reg, indeling, vooraf)
    if df is None:
        return [
            _finding(
                reg,
                "samenvatting",
                "niet te maken: de gegevens zijn niet geldig",
                controle="samenvatting",
            )
        ]
    analyse = Analyse(reg.activiteit, df, indeling=indeling)
    return _summary(reg, analyse) + _parts(reg, analyse)


def _call(reg: ActiviteitRegistratie, naam: str, analyse: Analyse) -> tuple[Any, str | None]:
    functie = getattr(reg, naam)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return functie(analyse), None
    except Exception as fout:
        return None, f"faalt: {_describe(fout)}"


def _summary(reg: ActiviteitRegistratie, analyse: Analyse) -> list[Controlebevinding]:
    if reg.samenvatting is None:
        return []
    s, fout = _call(reg, "samenvatting", analyse)
    if fout or not isinstance(s, Samenvatting):
        melding = fout or f"geeft {type(s).__name__}, geen Samenvatting"
        return [_finding(reg, "samenvatting", melding, controle="samenvatting")]
    uit = []
    if not s.titel.strip():
        uit.append(_finding(reg, "samenvatting.titel", "de titel is leeg", controle="samenvatting"))
    elif looks_english(s.titel):
        uit.append(_finding(reg, "samenvatting.titel", "de titel lijkt Engels", _W, "samenvatting"))
    if not 3 <= len(s.bevindingen) <= 5:
        uit.append(
            _finding(
                reg,
                "samenvatting.bevindingen",
                f"{len(s.bevindingen)} bevindingen; een managementsamenvatting heeft er 3 tot 5",
                _W,
                "samenvatting",
            )
        )
    return uit


def _parts(reg: ActiviteitRegistratie, analyse: Analyse) -> list[Controlebevinding]:
    if reg.onderdelen is None:
        return []
    delen, fout = _call(reg, "onderdelen", analyse)
    if fout:
        return [_finding(reg, "onderdelen", fout, controle="samenvatting")]
    verkeerd = [d for d in (delen or []) if not isinstance(d, Onderdeel)]
    return [
        _finding(
            reg, "onderdelen", f"{type(d).__name__} is geen Onderdeel", controle="samenvatting"
        )
        for d in verkeerd
    ]
