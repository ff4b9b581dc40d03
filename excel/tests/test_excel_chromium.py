"""The real client: xlwings Server's generated JavaScript in headless Chromium.

The task pane is loaded from the real server (``oi excel serve``) in Debian's ``chromium``
through Playwright (``executable_path``, no browser download). Only the globals Excel
provides (``Office``, ``Excel``, ``CustomFunctions``) are stand-ins
(``js/office-standin.js``, served instead of office.js); everything else is xlwings'
own JavaScript: ``custom-functions-code.js`` registers every function, builds the request
body (culture nl-NL), calls the server over HTTP and turns an error into an Excel error.
For every registered function: valid input gives the numbers of the same call in-process
(the core's), Dutch-locale input (numbers as Dutch text) gives the same numbers, and a user
mistake gives the Dutch message as ``#WAARDE!`` (``#VALUE!``) with the function's name.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

pytestmark = pytest.mark.slow  # a server process and a browser

STANDIN = Path(__file__).with_name("js") / "office-standin.js"
Args = list[Any]


def _col(*waarden: Any) -> list[list[Any]]:
    return [[w] for w in waarden]


def _nl(getal: float) -> str:
    """A number as Dutch Excel shows it in a text cell: decimal comma."""
    return f"{getal:g}".replace(".", ",")


STADSDELEN = ["Centrum", "Nieuw-West", "Noord", "Oost", "West", "Zuid", "Zuidoost", "Weesp"]
INZET = [23.0, 15.0, 12.0, 14.0, 10.0, 13.0, 8.0, 5.0]
OPGAVE = [25.0, 15.0, 11.0, 13.0, 11.0, 14.0, 7.0, 4.0]
SCORES = [79.0, 81.0, 77.0, 85.0, 83.0, 80.0, 76.0, 90.0]
BEVOLKING = [87.0, 166.0, 104.0, 137.0, 145.0, 147.0, 90.0, 21.0]
KWETSBAAR = [28.0, 35.0, 33.0, 27.0, 25.0, 24.0, 38.0, 22.0]
OORDEEL = [6.6, 6.3, 6.4, 6.7, 6.8, 6.9, 6.2, 7.0]
GEEN = [[None]]

# name: (valid arguments, arguments with a user mistake, words of the Dutch message); a
# function without arguments has no mistake to make (Excel checks the number of arguments).
GEVALLEN: dict[str, tuple[Args, Args | None, str]] = {
    "OI_AANDEEL": ([_col(*INZET)], [_col(1.0, -3.0)], "negatie"),
    "OI_VERSCHIL": ([_col(*INZET), _col(*OPGAVE)], [_col(1.0, 2.0), _col(1.0)], "waarden"),
    "OI_INDEX": ([_col(*INZET), _col(*OPGAVE)], [_col(1.0, 2.0), _col(1.0)], "waarden"),
    "OI_PER": ([_col(*INZET), _col(*BEVOLKING), [[1000.0]]], [_col(1.0), _col(1.0, 2.0), GEEN],
               "waarden"),
    "OI_MATCH": ([_col(*STADSDELEN), _col(*INZET), _col(*OPGAVE), GEEN],
                 [_col("Centrum", "Weesp"), _col(1.0, 2.0), _col(3.0, 0.0), GEEN], "Weesp"),
    "OI_COMPENSATIE": ([_col(*INZET), _col(*OPGAVE), _col(*STADSDELEN)],
                       [_col(1.0, 2.0), _col(3.0, 0.0), _col("A", "B")], "opgave"),
    "OI_CONCENTRATIE": ([_col(*INZET), _col(*OPGAVE), _col(*BEVOLKING)],
                        [_col(1.0, 2.0), _col(3.0), GEEN], "waarden"),
    "OI_TOV_GEMIDDELDE": ([_col(*SCORES), _col(*BEVOLKING), [["hoger"]], GEEN],
                          [_col(*SCORES), GEEN, [["omhoog"]], GEEN], "richting"),
    "OI_KWADRANT": ([_col(*SCORES), _col(*INZET), GEEN, GEEN, [["hoger"]], [["lager"]]],
                    [_col(*SCORES), _col(1.0), GEEN, GEEN, GEEN, GEEN], "waarden"),
    "OI_STAPELING": ([[[s, i] for s, i in zip(SCORES, INZET, strict=True)], [["hoger", "lager"]],
                      GEEN],
                     [[[s, i] for s, i in zip(SCORES, INZET, strict=True)], [["hoger"]], GEEN],
                     "richting"),
    "OI_GEBIED": ([[["N-West"]], [["stadsdeel"]]], [[["Atlantis"]], [["stadsdeel"]]], "Atlantis"),
    "OI_GEBIEDEN": ([[["stadsdeel"]]], [[["planeet"]]], "niveau"),
    "OI_ACTIVITEITEN": ([], None, ""),
    "OI_DATA": ([[["straatreiniging"]], GEEN], [[["bestaat_niet"]], GEEN], "bestaat_niet"),
    "OI_BIB_VESTIGINGEN": ([], None, ""),
    "OI_BIB_AFSTAND": ([_col(*STADSDELEN[:-1]), [["stadsdeel"]], GEEN, GEEN],
                       [_col("Atlantis"), [["stadsdeel"]], GEEN, GEEN], "Atlantis"),
    "OI_BIB_KWADRANT": ([_col(*SCORES), _col(*INZET), [[69.0]], [[1.4]]],
                        [_col(*SCORES), _col(1.0), GEEN, GEEN], "waarden"),
    "OI_GROOT_ONDERHOUD_INTERVAL": ([_col(*INZET), _col(*OPGAVE), _col(*STADSDELEN)],
                                    [_col(1.0, 2.0), _col(1.0), GEEN], "waarden"),
    "OI_GROOT_ONDERHOUD_WEGING": (
        [_col(*STADSDELEN), _col(*INZET), _col(*OPGAVE), _col(*KWETSBAAR), _col(*OORDEEL),
         [[0.5]], [[0.5]], [[30.0]], [[6.5]]],
        [_col("A", "A"), _col(1.0, 2.0), _col(1.0, 2.0), _col(1.0, 2.0), _col(1.0, 2.0),
         GEEN, GEEN, GEEN, GEEN], "A"),
    "OI_JGZ_FTE": ([_col("Centrum-West", "Centrum-Oost"), _col(0.2, 0.3), GEEN, GEEN, GEEN],
                   [_col("Centrum-West", "Centrum-West"), _col(20.0, 30.0), GEEN, GEEN, GEEN],
                   "Centrum-West"),
    "OI_JGZ_INDEX_STAD": ([_col(1.0, 2.0), _col(2.0, 3.0), [[1.5]], [[2.5]]],
                          [_col(1.0, 2.0), _col(2.0), [[1.5]], [[2.5]]], "waarden"),
    "OI_JGZ_SLEUTEL": ([_col(1.0, 2.0, 1.5), _col(2.0, 3.0, 2.5), _col("A", "B", "C")],
                       [_col(1.0, 2.0), _col(2.0, 3.0), _col("A", "A")], "A"),
    "OI_REINIGING_FTE": ([_col(*INZET), _col(*OPGAVE), _col(*SCORES), [[80.0]], [[0.05]]],
                         [_col(*INZET), _col(1.0), GEEN, GEEN, GEEN], "waarden"),
    "OI_REINIGING_NORM": ([_col(*SCORES), [[80.0]]], [_col("veel", 80.0), [[80.0]]], "getal"),
    "OI_AFRONDEN": ([_col(1.4, 2.3, 3.3), [[1.0]]], [_col(1.4, 2.3), [[-1.0]]], "eenheid"),
    "OI_SCENARIO": ([_col(*STADSDELEN), _col(*INZET), _col(*OPGAVE), [["herverdelen"]], [[0.05]],
                     [[3.0]], GEEN, GEEN, GEEN, GEEN, GEEN],
                    [_col(*STADSDELEN), _col(*INZET), _col(*OPGAVE), [["weggeven"]], GEEN, GEEN,
                     GEEN, GEEN, GEEN, GEEN, GEEN], "vorm"),
    "OI_UITRUIL": ([_col(*STADSDELEN), _col(*INZET), _col(*OPGAVE), [["herverdelen"]], [[0.05]],
                    [[3.0]], GEEN, GEEN, GEEN, GEEN, [[1.0]], [["fte"]]],
                   [_col(*STADSDELEN), _col(*INZET), _col(*OPGAVE), [["weggeven"]], GEEN, GEEN,
                    GEEN, GEEN, GEEN, GEEN, GEEN, GEEN], "vorm"),
    "OI_SPECTRUM": ([_col(*INZET), _col(*OPGAVE), _col(*BEVOLKING), GEEN, GEEN, GEEN, GEEN],
                    [_col(*INZET), _col(*OPGAVE), _col(1.0), GEEN, GEEN, GEEN, GEEN], "waarden"),
    "OI_CONCENTRATIECURVE": ([_col(*INZET), _col(*OPGAVE), _col(*BEVOLKING), _col(*STADSDELEN)],
                             [_col(*INZET), _col(1.0), GEEN, GEEN], "waarden"),
    "OI_CONCENTRATIE_INTERVAL": ([_col(*INZET), _col(*OPGAVE), _col(*BEVOLKING), GEEN, GEEN],
                                 [_col(*INZET), _col(1.0), GEEN, GEEN, GEEN], "waarden"),
    "OI_INDEX_PER_JAAR": ([[[a, b] for a, b in zip(INZET, OPGAVE, strict=True)],
                           [[b, a] for a, b in zip(INZET, OPGAVE, strict=True)],
                           _col(*STADSDELEN), [["2023", "2024"]]],
                          [[[1.0, 2.0]], [[1.0]], GEEN, GEEN], "even groot"),
    "OI_KOSTEN_PER_RESULTAAT": ([_col(*INZET), _col(*SCORES), _col(*STADSDELEN)],
                                [_col(*INZET), _col(1.0), GEEN], "waarden"),
    "OI_ROBUUSTHEID": ([_col(*INZET), [[a, b] for a, b in zip(OPGAVE, SCORES, strict=True)],
                        [["basis", "alternatief"]], _col(*STADSDELEN)],
                       [_col(*INZET), [[1.0, 2.0]], GEEN, GEEN], "één rij per gebied"),
    "OI_SIGNIFICANT": ([_col(*SCORES), _col(*BEVOLKING), GEEN, [[0.95]], [[50.0]], GEEN],
                       [_col(*SCORES), _col(1.0), GEEN, GEEN, GEEN, GEEN], "waarden"),
    "OI_NIVEAUS": ([_col("GA01", "GA02"), _col(1.0, 2.0), _col(2.0, 2.0)],
                   [_col("GA01", "XX99"), _col(1.0, 2.0), _col(2.0, 2.0)], "XX99"),
    "OI_TEKORT": ([[[a, b] for a, b in zip(SCORES, INZET, strict=True)], [[50.0]], [[1500.0]],
                   _col(*STADSDELEN), [["2023", "2024"]]],
                  [[[1.0, 2.0]], [["ergens"]], GEEN, GEEN, GEEN], "norm"),
}  # fmt: skip


def _dutch(args: Args) -> Args | None:
    """The valid arguments with the first number range as Dutch text; None without one."""
    for i, arg in enumerate(args):
        vlak = [v for rij in arg for v in rij] if isinstance(arg, list) else []
        if len(vlak) > 1 and all(isinstance(v, float) for v in vlak):
            nieuw = [[_nl(v) for v in rij] for rij in arg]
            return [*args[:i], nieuw, *args[i + 1 :]]
    return None


@pytest.fixture(scope="module")
def pagina(server: str, oi_chromium: Path) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    standin = STANDIN.read_text(encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(oi_chromium), args=["--no-sandbox"])
        page = browser.new_page()
        page.route(
            "**/office.js", lambda r: r.fulfill(body=standin, content_type="text/javascript")
        )
        page.goto(f"{server}/taskpane.html")
        page.wait_for_function("() => 'OI_MATCH' in globalThis.OI_FUNCTIES", timeout=60_000)
        yield page
        browser.close()


def _in_process(hulp: SimpleNamespace, naam: str, args: Args) -> Any:
    """The same call in-process (xlwings' call path on oi_excel), in a thread of its own:
    Playwright's sync API keeps an event loop running in this one."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(hulp.call, naam, *args).result()


def _roep(pagina: Any, naam: str, args: Args) -> dict[str, Any]:
    uit: dict[str, Any] = pagina.evaluate("([n, a]) => OI_ROEP(n, a)", [naam, args])
    return uit


def test_the_javascript_registers_every_function(pagina: Any) -> None:
    from oi_core.plugins.manager import excel_functies

    in_browser = set(pagina.evaluate("Object.keys(globalThis.OI_FUNCTIES)"))
    assert in_browser == set(excel_functies())
    assert set(GEVALLEN) == set(excel_functies()), "elke functie heeft hier een geval"


@pytest.mark.parametrize("naam", sorted(GEVALLEN))
def test_valid_input_gives_the_cores_numbers(pagina: Any, hulp: SimpleNamespace, naam: str) -> None:
    args = GEVALLEN[naam][0]
    uit = _roep(pagina, naam, args)
    assert "fout" not in uit, uit
    assert uit["uitkomst"] == _in_process(hulp, naam, args)


@pytest.mark.parametrize("naam", sorted(GEVALLEN))
def test_dutch_locale_input_gives_the_same_numbers(pagina: Any, naam: str) -> None:
    args = GEVALLEN[naam][0]
    nl = _dutch(args)
    if nl is None:
        pytest.skip(f"{naam} heeft geen getallenbereik")  # nothing to write the Dutch way
    assert _roep(pagina, naam, nl) == _roep(pagina, naam, args)


@pytest.mark.parametrize("naam", sorted(GEVALLEN))
def test_a_user_mistake_is_a_dutch_excel_error(pagina: Any, naam: str) -> None:
    _, fout_args, woorden = GEVALLEN[naam]
    if fout_args is None:  # Excel itself refuses an argument the function does not declare
        pytest.skip(f"{naam} heeft geen argumenten: er is geen invoer om fout te geven")
    uit = _roep(pagina, naam, fout_args)
    assert uit.get("code") == "#VALUE!", uit
    assert uit["fout"].startswith(f"{naam}: "), uit
    assert woorden in uit["fout"], uit
    assert "Traceback" not in uit["fout"] and "Error" not in uit["fout"]
