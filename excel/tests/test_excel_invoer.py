"""Input as Excel gives it, and user mistakes as Dutch XlwingsErrors naming argument and row."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from xlwings import XlwingsError


def test_dutch_number_text_and_percentages(hulp: SimpleNamespace) -> None:
    uit = hulp.call("OI_INDEX", [["7,2"], ["1.234,5"], [3.0]], [["47%"], ["100%"], ["2,5%"]])
    verwacht = hulp.call("OI_INDEX", [[7.2], [1234.5], [3.0]], [[0.47], [1.0], [0.025]])
    assert uit == verwacht


def test_single_cell_ranges(hulp: SimpleNamespace) -> None:
    assert hulp.call("OI_AANDEEL", 5.0) == [[1.0]]
    assert hulp.call("OI_AANDEEL", [[5.0]]) == [[1.0]]


def test_blank_cells_are_missing_not_zero(hulp: SimpleNamespace) -> None:
    # None (classic add-in; xlwings Server for a blank cell in a range) and "" (Office.js)
    for leeg in (None, ""):
        with pytest.raises(XlwingsError, match=r"OI_MATCH: .*inzet ontbreekt voor gebied 'Noord'"):
            hulp.call("OI_MATCH", [["Centrum"], ["Noord"]], [[1.0], [leeg]], [[1.0], [1.0]])
    # a blank is left out of an average, it is not a 0
    uit = hulp.call("OI_TOV_GEMIDDELDE", [[1.0], [None], [3.0]])
    assert [r[0] for r in uit] == ["onder", "", "boven"]  # empty cell


def test_office_js_zero_for_an_empty_referenced_cell_is_a_number(hulp: SimpleNamespace) -> None:
    """Office.js may send 0 for an empty cell referenced on its own: it is then a real 0
    (documented in docs/excel/functies.md), e.g. the default band of OI_MATCH is not used."""
    nul = hulp.call("OI_MATCH", [["A"], ["B"]], [[1.0], [1.2]], [[1.0], [1.0]], 0.0)
    standaard = hulp.call("OI_MATCH", [["A"], ["B"]], [[1.0], [1.2]], [[1.0], [1.0]], [[None]])
    assert (
        nul[1][5] == "minder dan het aandeel in de opgave"
        and standaard[1][5] == "in verhouding met het aandeel in de opgave"
    )


@pytest.mark.parametrize(
    ("args", "melding"),
    [
        (
            ("OI_INDEX", [[1.0], [2.0], [3.0]], [[1.0], [2.0]]),
            r"OI_INDEX: argument 'opgave': opgave heeft 2 waarden en inzet 3",
        ),
        (
            ("OI_INDEX", [[1.0], ["veel"]], [[1.0], [2.0]]),
            r"OI_INDEX: argument 'inzet', rij 2: 'veel' is geen getal",
        ),
        (
            ("OI_INDEX", [[1.0, "veel"]], [[1.0, 2.0]]),
            r"OI_INDEX: argument 'inzet': kolom 2: 'veel' is geen getal",
        ),
        (
            ("OI_MATCH", [["Centrum"], ["Weesp"]], [[1.0], [2.0]], [[3.0], [0.0]]),
            r"OI_MATCH: .*opgave is 0 voor gebied 'Weesp'",
        ),
        (
            ("OI_GEBIED", "Nergenshuizen", "stadsdeel"),
            r"OI_GEBIED: Onbekend gebied 'Nergenshuizen'",
        ),
        (("OI_GEBIED", "Noord", "provincie"), r"argument 'niveau': onbekend niveau 'provincie'"),
        (
            ("OI_INDEX", [[1.0], [2.0]], [[1.0], [{"type": "Error", "basicValue": "#DIV/0!"}]]),
            r"argument 'opgave', rij 2: Excel-foutwaarde #DIV/0!",
        ),
        (
            ("OI_AANDEEL", [[1.0, 2.0], [3.0, 4.0]]),
            r"argument 'waarden': verwacht één rij of één kolom, geen blok van 2 rijen × 2 ",
        ),
        (("OI_PER", [[1.0]], [[0.0]]), r"OI_PER: argument 'noemer': noemer is 0"),
        (("OI_STAPELING", [[1.0, 2.0]], [["hoger"]]), r"argument 'richtingen': richtingen heeft 1"),
        (("OI_STAPELING", [[1.0]], [["beter"]]), r"'beter' is geen richting"),
        (
            ("OI_TOV_GEMIDDELDE", [[1.0], [2.0]], [[None]], [[None]], [["x"], ["misschien"]]),
            r"uitsluiten",
        ),
        (("OI_DATA", "onbekend"), r"OI_DATA: activiteit 'onbekend' is niet geïnstalleerd"),
        (
            ("OI_MATCH", [["A"], ["B"]], [[1.0], [1.0]], [[1.0], [1.0]], 10.0),
            r"argument 'band': band 10(\.0)? moet tussen 0 en 1",
        ),
        (("OI_GEBIEDEN", [[None]]), r"argument 'niveau'"),
    ],
)
def test_user_mistakes_are_dutch_xlwings_errors(
    hulp: SimpleNamespace, args: tuple, melding: str
) -> None:
    with pytest.raises(XlwingsError, match=melding):
        hulp.call(*args)


def test_a_bug_is_not_disguised_as_a_user_mistake(hulp: SimpleNamespace) -> None:
    """A defect is an "interne fout … meld dit" naming the function and plugin (HTTP 400,
    no retries by Excel), not a user mistake and not an HTTP 500 (issue 10)."""
    import oi_core
    from oi_core.plugins.manager import isolated

    def kapot(waarden: object) -> float:
        raise ZeroDivisionError("bug")

    class Kapot:
        @oi_core.hookimpl
        def register_excel_functies(self, register: object) -> None:
            register(oi_core.ExcelFunctie(naam="OI_KAPOT", functie=kapot, beschrijving="Kapot.",
                                          argumenten=(oi_core.ExcelArgument("waarden", "Iets."),)))  # type: ignore[operator]  # fmt: skip

    import oi_excel

    try:
        with isolated(Kapot()):
            oi_excel.refresh()
            with pytest.raises(XlwingsError, match=r"OI_KAPOT: interne fout in OI_KAPOT .*meld"):
                hulp.call("OI_KAPOT", [[1.0]])
    finally:
        oi_excel.refresh()


def test_index_and_match_refuse_negative_inzet_alike(hulp: SimpleNamespace) -> None:
    """One kernel, one set of checks: OI_INDEX, OI_VERSCHIL and OI_MATCH refuse the same input."""
    inzet, opgave = [[1.0], [-3.0]], [[1.0], [1.0]]
    for naam, args in (
        ("OI_INDEX", (inzet, opgave)),
        ("OI_VERSCHIL", (inzet, opgave)),
        ("OI_MATCH", ([["waarde 1"], ["waarde 2"]], inzet, opgave)),
    ):
        with pytest.raises(XlwingsError, match=rf"{naam}: .*inzet is negatief \(-3\)"):
            hulp.call(naam, *args)
