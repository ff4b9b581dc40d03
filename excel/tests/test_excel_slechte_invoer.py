"""A matrix of bad input over every Excel function (issue 10, "what it must show").

Every case is called through :func:`oi_excel.conversie.call_function`, the path the
add-in and xlwings Server use, and expects either a specific correct result or a Dutch
:class:`~oi_core.OIFout` whose message names the argument (and the row where there is
one). An :class:`~oi_core.errors.InterneFout` (a defect) fails every case.

Part of the matrix is generated: every numeric range argument of every function gets the
same bad cells in row 2 (an error value, a boolean, text, infinity, a number beyond float
range, a percentage among plain numbers, a 2-D block); the rest are the method's own
mistakes (negative or zero amounts, blank or duplicate labels, a per-unit ≤ 0, too many
arguments, a doelgroep as area level) and correct readings of Dutch number text.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

import pytest
from oi_excel.conversie import call_function, in_culture

from oi_core import excel_functies
from oi_core.errors import InterneFout, OIFout

pytestmark = pytest.mark.betrouwbaarheid


def col(*waarden: Any) -> list[list[Any]]:
    return [[v] for v in waarden]


# -- a valid call of every function, the base of the generated cases --------------------------
BASIS: dict[str, tuple[Any, ...]] = {
    "OI_AANDEEL": (col(1.0, 2.0, 3.0),),
    "OI_VERSCHIL": (col(1.0, 2.0, 3.0), col(3.0, 2.0, 1.0)),
    "OI_INDEX": (col(1.0, 2.0, 3.0), col(3.0, 2.0, 1.0)),
    "OI_PER": (col(1.0, 2.0, 3.0), col(10.0, 20.0, 30.0)),
    "OI_MATCH": (col("A", "B", "C"), col(1.0, 2.0, 3.0), col(3.0, 2.0, 1.0)),
    "OI_TOV_GEMIDDELDE": (col(1.0, 2.0, 3.0), col(1.0, 1.0, 2.0)),
    "OI_STAPELING": ([[1.0, 2.0], [3.0, 4.0], [5.0, 0.0]], [["hoger", "lager"]], [[2.0, 3.0]]),
    "OI_KWADRANT": (col(1.0, 2.0, 3.0), col(3.0, 2.0, 1.0)),
    "OI_CONCENTRATIE": (col(1.0, 2.0, 3.0), col(3.0, 2.0, 1.0), col(10.0, 20.0, 30.0)),
    "OI_COMPENSATIE": (col(1.0, 2.0, 3.0), col(3.0, 2.0, 1.0), col("A", "B", "C")),
    "OI_GEBIED": (col("Noord", "N-West", "Centrum"), "stadsdeel"),
    "OI_GEBIEDEN": ("stadsdeel",),
    "OI_ACTIVITEITEN": (),
    "OI_DATA": ("straatreiniging",),
    "OI_GROOT_ONDERHOUD_WEGING": (
        col("Centrum", "Noord", "West"),
        col(10.0, 20.0, 30.0),
        col(30.0, 20.0, 10.0),
        col(20.0, 30.0, 40.0),
        col(6.0, 7.0, 6.5),
    ),
    "OI_GROOT_ONDERHOUD_INTERVAL": (
        col(14.0, 20.0, 30.0),
        col(20.0, 30.0, 14.0),
        col("Centrum", "Noord", "West"),
    ),
    "OI_JGZ_FTE": (col("GK11", "GT22"), col(0.1, 0.4)),
    "OI_JGZ_SLEUTEL": (col(5.0, 6.0, 7.5, 8.0), col(100.0, 200.0, 300.0, 400.0)),
    "OI_JGZ_INDEX_STAD": (col(5.0, 6.0, 7.0), col(100.0, 200.0, 300.0), 6.0, 200.0),
    "OI_REINIGING_FTE": (col(23.0, 15.0, 12.0), col(25.0, 15.0, 9.0), col(79.0, 81.0, 89.0)),
    "OI_REINIGING_NORM": (col(79.0, 81.0, 89.0),),
    "OI_BIB_AFSTAND": (col("Noord", "Centrum", "West"), "stadsdeel"),
    "OI_BIB_VESTIGINGEN": (),
    "OI_BIB_KWADRANT": (col(60.0, 70.0, 80.0), col(1.0, 2.0, 0.5)),
    # sturen (issue 12)
    "OI_SCENARIO": (
        col("A", "B", "C"),
        col(1.0, 2.0, 3.0),
        col(3.0, 2.0, 1.0),
        "herverdelen",
        0.05,
        2.0,
    ),
    "OI_UITRUIL": (col("A", "B", "C"), col(1.0, 2.0, 3.0), col(3.0, 2.0, 1.0)),
    "OI_SPECTRUM": (col(1.0, 2.0, 3.0), col(3.0, 2.0, 1.0), col(1000.0, 2000.0, 4000.0)),
    "OI_AFRONDEN": (col(1.4, 2.3, 3.3),),
    "OI_CONCENTRATIE_INTERVAL": (col(1.0, 2.0, 3.0), col(3.0, 2.0, 1.0)),
    "OI_CONCENTRATIECURVE": (
        col(1.0, 2.0, 3.0),
        col(3.0, 2.0, 1.0),
        col(10.0, 20.0, 30.0),
        col("A", "B", "C"),
    ),
    "OI_SIGNIFICANT": (col(60.0, 40.0, 50.0), col(100.0, 10.0, 100.0), None, None, 30.0),
    "OI_TEKORT": ([[1.0, 2.0], [3.0, 1.0], [2.0, 2.0]], 2.0, 100.0, None, [["2023", "2024"]]),
    "OI_INDEX_PER_JAAR": ([[1.0, 2.0], [3.0, 1.0], [2.0, 2.0]], [[1.0, 1.0]] * 3),
    "OI_KOSTEN_PER_RESULTAAT": (col(1.0, 2.0, 3.0), col(3.0, 2.0, 1.0), col("A", "B", "C")),
    "OI_NIVEAUS": (col("GA01", "GA02"), col(1.0, 2.0), col(2.0, 2.0)),
    "OI_ROBUUSTHEID": (col(1.0, 2.0, 3.0), [[2.0, 1.0], [2.0, 1.0], [2.0, 3.0]], [["a", "b"]]),
}


def call(naam: str, *args: Any) -> list[list[Any]]:
    return call_function(excel_functies()[naam], args)


def test_every_registered_function_has_a_base_case() -> None:
    assert set(BASIS) == set(excel_functies())


@pytest.mark.parametrize("naam", sorted(BASIS))
def test_the_base_call_gives_a_result(naam: str) -> None:
    uit = call(naam, *BASIS[naam])
    assert uit and all(
        v is None or isinstance(v, str | bool) or math.isfinite(v) for r in uit for v in r
    )


# -- generated: the same bad cells in every numeric range ------------------------------------
SLECHTE_CELLEN: dict[str, tuple[Any, str]] = {
    "foutwaarde": ("#N/A", "Excel-foutwaarde #N/A"),
    "foutwaarde_nl": ("#DEEL/0!", "Excel-foutwaarde #DEEL/0!"),
    "waar": (True, "waar/onwaar"),
    "tekst": ("veel", "'veel' is geen getal"),
    "oneindig_tekst": ("1e400", "te groot of oneindig"),
    "oneindig": (math.inf, "te groot of oneindig"),
    "te_groot": (1e308, "te groot of oneindig"),
    "geheel_getal_buiten_float": (10**400, "(401 cijfers)' is te groot of oneindig"),
    "procent_tussen_getallen": ("47%", "'47%' is een percentage in een kolom met gewone"),
}


def _numeric_ranges() -> list[tuple[str, int, str]]:
    uit = []
    for naam, functie in sorted(excel_functies().items()):
        for i, arg in enumerate(functie.argumenten):
            basis = BASIS.get(naam, ())
            if arg.soort == "getallen" and i < len(basis) and basis[i] is not None:
                uit.append((naam, i, arg.naam))
    return uit


def _with_cell(args: tuple[Any, ...], i: int, cel: Any) -> list[Any]:
    nieuw = list(args)
    bereik = [list(r) for r in nieuw[i]]
    if len(bereik) == 1:  # a row (drempels of OI_STAPELING)
        bereik[0][1] = cel
    else:
        bereik[1][0] = cel
    nieuw[i] = bereik
    return nieuw


BEREIKEN = _numeric_ranges()


@pytest.mark.parametrize("soort", sorted(SLECHTE_CELLEN))
@pytest.mark.parametrize(("naam", "i", "argument"), BEREIKEN)
def test_a_bad_cell_is_named(naam: str, i: int, argument: str, soort: str) -> None:
    cel, melding = SLECHTE_CELLEN[soort]
    args = _with_cell(BASIS[naam], i, cel)
    waar = "kolom 2" if len(args[i]) == 1 else "rij 2"
    with pytest.raises(OIFout) as fout:
        call(naam, *args)
    assert not isinstance(fout.value, InterneFout)
    assert f"argument '{argument}'" in str(fout.value)
    assert waar in str(fout.value) and melding in str(fout.value)


@pytest.mark.parametrize(("naam", "i", "argument"), BEREIKEN)
def test_a_block_where_a_range_belongs_is_refused(naam: str, i: int, argument: str) -> None:
    args = list(BASIS[naam])
    args[i] = [[1.0, 2.0], [3.0, 4.0]]
    with pytest.raises(OIFout, match=rf"argument '{argument}': verwacht één rij of één kolom"):
        call(naam, *args)


@pytest.mark.parametrize("naam", sorted(BASIS))
def test_an_extra_argument_is_refused(naam: str) -> None:
    n = len(excel_functies()[naam].argumenten)
    args = [*BASIS[naam], *[None] * (n - len(BASIS[naam])), col(1.0, 2.0, 3.0)]
    with pytest.raises(OIFout, match=rf"{naam} heeft {n} argument.*haal argument {n + 1} weg"):
        call(naam, *args)


# -- the method's own mistakes -----------------------------------------------------------------
_A, _B = col(1.0, 2.0), col(2.0, 1.0)
_NAMEN = col("A", "B")

FOUTEN: list[tuple[str, tuple[Any, ...], str]] = [
    # negative amounts, in every function on the shares kernel
    ("OI_AANDEEL", (col(3.0, -1.0),), r"kolom 'waarden'.*negatief \(-1\)"),
    ("OI_INDEX", (col(1.0, -3.0), _B), r"kolom 'inzet'.*inzet is negatief \(-3\)"),
    ("OI_INDEX", (_A, col(-1.0, -3.0)), r"kolom 'opgave'.*opgave is -1 .*niet negatief"),
    ("OI_VERSCHIL", (_A, col(-3.0, 4.0)), r"kolom 'opgave'.*opgave is -3"),
    ("OI_VERSCHIL", (col(-1.0, 2.0), _B), r"kolom 'inzet'.*negatief"),
    ("OI_MATCH", (_NAMEN, col(-1.0, 2.0), _B), r"kolom 'inzet'.*negatief \(-1\) voor gebied 'A'"),
    ("OI_MATCH", (_NAMEN, _A, col(2.0, -1.0)), r"kolom 'opgave'.*-1 voor gebied 'B'"),
    ("OI_COMPENSATIE", (col(-1.0, 2.0), _B), r"kolom 'inzet'.*negatief"),
    ("OI_COMPENSATIE", (_A, col(0.0, 1.0)), r"kolom 'opgave'.*opgave is 0"),
    ("OI_CONCENTRATIE", (col(-1.0, 2.0), _B), r"kolom 'inzet'.*inzet is negatief"),
    ("OI_CONCENTRATIE", (_A, col(-1.0, 3.0)), r"kolom 'opgave'.*opgave is negatief"),
    # zero totals
    ("OI_AANDEEL", (col(0.0, 0.0),), r"argument 'waarden': het totaal is 0"),
    ("OI_INDEX", (col(0.0, 0.0), _B), r"kolom 'inzet': de totale inzet is 0"),
    ("OI_VERSCHIL", (col(0.0, 0.0), _B), r"de totale inzet is 0"),
    ("OI_MATCH", (_NAMEN, col(0.0, 0.0), _B), r"de totale inzet is 0"),
    ("OI_COMPENSATIE", (col(0.0, 0.0), _B), r"de totale inzet is 0"),
    ("OI_CONCENTRATIE", (_A, col(0.0, 0.0)), r"argument 'opgave': de totale opgave is 0"),
    ("OI_CONCENTRATIE", (col(0.0, 0.0), _B), r"argument 'inzet': de totale inzet is 0"),
    ("OI_TOV_GEMIDDELDE", (_A, col(0.0, 0.0)), r"argument 'gewichten'.*samen 0"),
    ("OI_TOV_GEMIDDELDE", (_A, col(-1.0, 1.0)), r"argument 'gewichten'.*niet negatief"),
    ("OI_CONCENTRATIE", (_A, _B, col(0.0, 1.0)), r"kolom 'bevolking'.*bevolking is 0"),
    # missing values where the method needs them
    ("OI_AANDEEL", (col(1.0, None),), r"kolom 'waarden'.*ontbreekt voor gebied 'waarde 2'"),
    ("OI_INDEX", (col(1.0, None), _B), r"kolom 'inzet'.*inzet ontbreekt voor gebied 'waarde 2'"),
    ("OI_MATCH", (_NAMEN, _A, col(1.0, "")), r"kolom 'opgave'.*ontbreekt voor gebied 'B'"),
    ("OI_CONCENTRATIE", (col(1.0, None), _B), r"kolom 'inzet'.*ontbreekt"),
    ("OI_JGZ_FTE", (col("GK11", "GT22"), col(0.1, None)), r"kolom 'aandeel_lage_ses'"),
    ("OI_REINIGING_NORM", (col(80.0, None),), r"argument 'scores': lege cel op rij 2"),
    ("OI_KWADRANT", (col(None, None), _B), r"argument 'x': geen waarden"),
    ("OI_STAPELING", ([[1.0, None], [2.0, None]], [["hoger", "hoger"]]), r"kolom 2"),
    # blank, duplicate and error-value labels
    ("OI_MATCH", (col("A", None), _A, _B), r"argument 'gebieden': naam ontbreekt bij waarde 2"),
    ("OI_MATCH", (col("A", "A"), _A, _B), r"argument 'gebieden', rij 2: 'A' staat meer dan"),
    ("OI_MATCH", (col("A", "#N/A"), _A, _B), r"argument 'gebieden', rij 2: Excel-foutwaarde"),
    ("OI_MATCH", (col("A", True), _A, _B), r"argument 'gebieden', rij 2: 'WAAR' is geen tekst"),
    ("OI_COMPENSATIE", (_A, _B, col(None, "B")), r"argument 'gebieden': naam ontbreekt"),
    ("OI_COMPENSATIE", (_A, _B, col("x", "x")), r"argument 'gebieden', rij 2: 'x' staat meer"),
    ("OI_COMPENSATIE", (_A, _B, col("#WAARDE!", "x")), r"argument 'gebieden', rij 1"),
    ("OI_GEBIED", (col("Noord", "#N/B"),), r"argument 'naam_of_code', rij 2: Excel-foutwaarde"),
    ("OI_GEBIED", (col("Noord", None),), r"argument 'naam_of_code': cel 2 is leeg"),
    (
        "OI_GROOT_ONDERHOUD_WEGING",
        (col("Centrum", "Centrum"), _A, _B, _A, col(6.0, 7.0)),
        r"rij 2, kolom 'stadsdelen': 'Centrum' staat meer dan eens",
    ),
    (
        "OI_GROOT_ONDERHOUD_WEGING",
        (col(None, "Noord"), _A, _B, _A, col(6.0, 7.0)),
        r"rij 1, kolom 'budget': waarde zonder gebied",
    ),
    (
        "OI_GROOT_ONDERHOUD_WEGING",
        (col(None), col(None), col(None), col(None), col(None)),
        r"argument 'stadsdelen': het bereik bevat geen stadsdelen",
    ),
    (
        "OI_GROOT_ONDERHOUD_INTERVAL",
        (col(None, None), col(None, None)),
        r"rij 1, kolom 'budget_pct': geen waarde",
    ),
    (
        "OI_GROOT_ONDERHOUD_INTERVAL",
        (_A, _B, col("Noord", "#N/A")),
        r"argument 'stadsdelen', rij 2: Excel-foutwaarde",
    ),
    ("OI_JGZ_FTE", (col("GK11", "GK11"), _A), r"rij 2, kolom 'gebieden': 'GK11' staat meer"),
    ("OI_JGZ_FTE", (col(None, "GT22"), col(0.1, 0.2)), r"rij 1, kolom 'aandeel_lage_ses'"),
    ("OI_JGZ_FTE", (col("GK11", "#N/A"), _A), r"argument 'gebieden', rij 2: Excel-foutwaarde"),
    (
        "OI_JGZ_SLEUTEL",
        (col(5.0, 6.0, 7.0), col(1.0, 2.0, 3.0), col("a", "a", "b")),
        r"rij 2, kolom 'gebieden': 'a' staat meer dan eens",
    ),
    ("OI_BIB_AFSTAND", (col("Noord", "#N/A"),), r"argument 'gebieden', rij 2: Excel-foutwaarde"),
    # a per-unit, a norm or a city figure ≤ 0
    ("OI_PER", (_A, _B, 0.0), r"argument 'per': per is 0"),
    ("OI_PER", (_A, _B, -5.0), r"argument 'per': per is -5"),
    ("OI_PER", (_A, col(0.0, 1.0)), r"argument 'noemer': noemer is 0"),
    ("OI_PER", (_A, col(-2.0, 1.0)), r"argument 'noemer': noemer is 0, leeg of negatief"),
    ("OI_PER", (_A, col(None, 1.0)), r"argument 'noemer': noemer is 0, leeg of negatief"),
    ("OI_JGZ_INDEX_STAD", (_A, _B, 0.0, 1.0), r"argument 'fte_stad'.*groter dan 0"),
    ("OI_JGZ_INDEX_STAD", (_A, _B, 1.0, -1.0), r"argument 'lage_ses_stad'.*groter dan 0"),
    ("OI_JGZ_INDEX_STAD", (_A, _B, None, 1.0), r"argument 'fte_stad'"),
    ("OI_REINIGING_NORM", (_A, 800.0), r"argument 'norm': norm 800 moet een percentage"),
    ("OI_REINIGING_FTE", (_A, col(0.0, 0.0)), r"argument 'bewoners_bezoekers'.*meer dan 0"),
    ("OI_MATCH", (_NAMEN, _A, _B, 10.0), r"argument 'band': band 10(\.0)? moet tussen 0 en 1"),
    ("OI_MATCH", (_NAMEN, _A, _B, -0.1), r"argument 'band'"),
    # wrong shapes and lengths
    ("OI_INDEX", (col(1.0, 2.0, 3.0), _B), r"argument 'opgave': opgave heeft 2 waarden"),
    ("OI_MATCH", (col("A"), _A, _B), r"argument 'inzet': inzet heeft 2 waarden en gebieden 1"),
    ("OI_PER", (_A, col(1.0)), r"argument 'noemer': noemer heeft 1 waarden"),
    ("OI_KWADRANT", (_A, col(1.0, 2.0, 3.0)), r"argument 'y': y heeft 3 waarden"),
    ("OI_CONCENTRATIE", (_A, _B, col(1.0)), r"argument 'bevolking': bevolking heeft 1"),
    ("OI_TOV_GEMIDDELDE", (_A, col(1.0)), r"argument 'gewichten': gewichten heeft 1"),
    ("OI_STAPELING", ([[1.0, 2.0]], [["hoger"]]), r"argument 'richtingen': richtingen heeft 1"),
    ("OI_STAPELING", ([[1.0, 2.0], [3.0]], [["hoger", "hoger"]]), r"argument 'waarden': de rijen"),
    ("OI_PER", (_A, _B, col(100.0, 1000.0)), r"argument 'per': verwacht één getal, geen bereik"),
    ("OI_KWADRANT", (_A, _B, col(1.0, 2.0)), r"argument 'x_ref': verwacht één getal"),
    ("OI_GEBIEDEN", (col("stadsdeel", "wijk"),), r"argument 'niveau': verwacht één tekst"),
    ("OI_REINIGING_FTE", (_A, col(1.0, 2.0, 3.0)), r"argument 'bewoners_bezoekers': heeft 3"),
    ("OI_GROOT_ONDERHOUD_INTERVAL", (_A, col(1.0)), r"argument 'opgave_pct'"),
    # words that are not one of the choices
    ("OI_GEBIED", ("Noord", "doelgroep"), r"argument 'niveau': een doelgroep is geen gebied"),
    ("OI_GEBIED", ("Noord", "provincie"), r"argument 'niveau': onbekend niveau 'provincie'"),
    ("OI_GEBIEDEN", ("doelgroep",), r"argument 'niveau': kies een niveau"),
    ("OI_GEBIEDEN", (None,), r"argument 'niveau'"),
    ("OI_TOV_GEMIDDELDE", (_A, None, "beter"), r"argument 'richting': 'beter' is geen richting"),
    ("OI_TOV_GEMIDDELDE", (_A, None, None, col("x", "misschien")), r"argument 'uitsluiten'"),
    ("OI_TOV_GEMIDDELDE", (_A, None, None, col("x")), r"argument 'uitsluiten': heeft 1 cellen"),
    ("OI_KWADRANT", (_A, _B, None, None, "neutraal"), r"argument 'richting': een kwadrant"),
    ("OI_KWADRANT", (_A, _B, None, None, "omhoog"), r"argument 'x_richting'"),
    ("OI_STAPELING", ([[1.0, 2.0]], [["hoger", None]]), r"argument 'richtingen': richting ont"),
    ("OI_DATA", (None,), r"argument 'activiteit': geef de code"),
    ("OI_DATA", ("onbekend",), r"activiteit 'onbekend' is niet geïnstalleerd"),
    ("OI_DATA", ("straatreiniging", "geen_tabel"), r"argument 'tabel'"),
    ("OI_JGZ_FTE", (col("GK11"), col(0.1), "middelbare school"), r"leeftijdsgroep"),
    ("OI_GEBIED", ("Nergenshuizen", "stadsdeel"), r"Onbekend gebied 'Nergenshuizen'"),
    # sizes that overflow the arithmetic
    ("OI_MATCH", (_NAMEN, _A, col(5e-324, 1.0)), r"gebied 'A' zijn te groot of te klein"),
]


@pytest.mark.parametrize(("naam", "args", "melding"), FOUTEN, ids=lambda v: None)
def test_a_mistake_is_a_dutch_error(naam: str, args: tuple[Any, ...], melding: str) -> None:
    with pytest.raises(OIFout) as fout:
        call(naam, *args)
    assert not isinstance(fout.value, InterneFout), str(fout.value)
    assert re.search(melding, str(fout.value), re.S), str(fout.value)


# -- correct readings --------------------------------------------------------------------------
def _getallen(cellen: list[list[Any]]) -> list[float]:
    return [round(v, 4) for r in cellen for v in r if isinstance(v, float)]


GOED: list[tuple[str | None, str, tuple[Any, ...], list[float] | str]] = [
    ("nl-NL", "OI_AANDEEL", (col("1.234", "766"),), [0.617, 0.383]),
    ("en-US", "OI_AANDEEL", (col("1,234", "766"),), [0.617, 0.383]),
    ("en-US", "OI_AANDEEL", (col("1.5", "0.5"),), [0.75, 0.25]),
    ("nl-NL", "OI_AANDEEL", (col("1.5", "0.5"),), r"rij 1: '1.5' is geen getal in de notatie nl"),
    ("nl-NL", "OI_AANDEEL", (col("€ 1.500", "€ 500"),), [0.75, 0.25]),
    ("nl-NL", "OI_AANDEEL", (col("1.234,5", "2.765,5"),), [0.3086, 0.6914]),
    ("nl-NL", "OI_AANDEEL", (col("\u22121", "3"),), r"negatief \(-1\)"),
    ("de-DE", "OI_AANDEEL", (col("1.500", "500"),), [0.75, 0.25]),
    ("fr-FR", "OI_AANDEEL", (col("1 500", "500,0"),), [0.75, 0.25]),
    (None, "OI_AANDEEL", (col("7,5", "2,5"),), [0.75, 0.25]),
    (None, "OI_AANDEEL", (col("1.234", "2,5"),), [0.998, 0.002]),
    (None, "OI_AANDEEL", (col("75%", "25%"),), [0.75, 0.25]),
    (None, "OI_AANDEEL", (col(3.0, None, 1.0),), r"ontbreekt voor gebied 'waarde 2'"),
    (None, "OI_AANDEEL", (col("1.234,5", "2.5"),), r"rij 2: '2.5' gebruikt een ander decimaal"),
    ("nl-NL", "OI_PER", (col("1.000"), col("2.000"), "1.000"), [500.0]),
    ("nl-NL", "OI_INDEX", (col("1,5", "0,5"), col("1", "1")), [150.0, 50.0]),
    ("nl-NL", "OI_INDEX", (col("47%", "53%"), col("50%", "50%")), [94.0, 106.0]),
    (None, "OI_REINIGING_NORM", (col(0.79, 0.81), 0.8), [-1.0, 1.0]),
    (None, "OI_REINIGING_NORM", (col("79%", "81%"),), [-1.0, 1.0]),
    (None, "OI_CONCENTRATIE", (col(1.0, 1.0), col(1.0, 3.0)), [0.0]),
]


@pytest.mark.parametrize(("cultuur", "naam", "args", "verwacht"), GOED)
def test_a_correct_reading(
    cultuur: str | None, naam: str, args: tuple[Any, ...], verwacht: list[float] | str
) -> None:
    with in_culture(cultuur):
        if isinstance(verwacht, str):
            with pytest.raises(OIFout, match=verwacht) as fout:
                call(naam, *args)
            assert not isinstance(fout.value, InterneFout)
        else:
            assert _getallen(call(naam, *args)) == verwacht


def test_text_labels_stay_text() -> None:
    uit = call("OI_MATCH", col("=1+1", "B"), _A, _B)
    assert [r[0] for r in uit[1:]] == ["=1+1", "B"]


def test_ambiguous_thousands_without_a_culture_name_the_cell() -> None:
    with pytest.raises(OIFout, match=r"argument 'waarden', rij 2: '1.234' kan 1234 of 1,234"):
        call("OI_AANDEEL", col("5", "1.234"))


# -- a workbook with formulas that were never calculated -----------------------------------
def test_a_formula_without_a_cached_value_is_refused(tmp_path: Path, met_testplugin: None) -> None:
    """openpyxl and scripts write formulas without their outcome; calamine would read an
    empty cell, a silently missing number (issue 10)."""
    import openpyxl
    from oi_excel.werkmap.lezen import BLAD_INVOER, read_werkmap

    from oi_core.cli import main
    from oi_core.errors import DataFout

    pad = tmp_path / "straat.xlsx"
    assert (
        main(["excel", "werkmap", "straatreiniging", "--niveau", "stadsdeel", "-o", str(pad)]) == 0
    )
    read_werkmap(pad)  # as written by the toolkit: every value cached
    boek = openpyxl.load_workbook(pad)
    boek[BLAD_INVOER]["D4"] = "=2*3"
    boek.save(pad)
    with pytest.raises(
        DataFout, match=r"blad 'Invoer': cel D4 is een formule zonder bewaarde"
    ) as f:
        read_werkmap(pad)
    assert "open en bewaar de werkmap in Excel" in str(f.value)
