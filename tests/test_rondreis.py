"""Round trips: ``oi excel werkmap`` → fill in → ``oi rapport --data`` gives exactly the
numbers filled in, for every activity (also one made by ``oi plugin nieuw``) and every
level, with area codes as text (``NA`` is Oostzanerwerf) and blank cells as missing values.

The fast tests go through the reader ``oi rapport --data`` uses
(:func:`oi_rapport.invoer.read_inputs`); the slow ones make the whole report and look for the
numbers and "geen gegevens" in both files.
"""

from __future__ import annotations

import importlib
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import numpy as np
import openpyxl
import pandas as pd
import pytest

from oi_core import Niveau, OIWaarschuwing, activiteiten
from oi_core.cli import main
from oi_core.plugins.manager import isolated
from oi_core.sjabloon import PluginNamen, scaffold
from oi_core.weergave.tekst import GEEN_GEGEVENS

NIVEAUS = (Niveau.STADSDEEL, Niveau.GEBIED, Niveau.WIJK, Niveau.BUURT)
VAST = ("Code", "Gebied", "Inwoners")
ACTIVITEITEN = ("bibliotheken", "groot_onderhoud", "jgz", "straatreiniging")

pytestmark = pytest.mark.betrouwbaarheid


def _make(code: str, niveau: Niveau, pad: Path) -> int:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", OIWaarschuwing)
        return main(["excel", "werkmap", code, "-n", niveau.value, "-o", str(pad)])


def fill(pad: Path) -> dict[tuple[str, str], float]:
    """Fill every indicator cell of the Invoer sheet with a number of its own, as a person
    would; the last indicator of the second row is left blank. Returns (code, header) → value
    of every filled cell."""
    boek = openpyxl.load_workbook(pad)
    blad = boek["Invoer"]
    kop = [str(c.value) for c in blad[1]]
    gevuld: dict[tuple[str, str], float] = {}
    for r, rij in enumerate(blad.iter_rows(min_row=2), start=2):
        code = str(rij[0].value)
        for j, cel in enumerate(rij):
            if kop[j] in VAST:
                continue
            if r == 3 and j == len(kop) - 1 and j > 4:
                cel.value = None
                continue
            cel.value = round(1 + (r * 7 + j * 13) % 97 + j / 8, 3)
            gevuld[code, kop[j]] = float(cel.value)
    boek.save(pad)
    return gevuld


def _headers(pad: Path) -> dict[str, str]:
    """Header → indicator code, from the Meta sheet."""
    meta = openpyxl.load_workbook(pad)["Meta"]
    rijen = [(str(a.value), b.value) for a, b in meta.iter_rows(min_row=2, max_col=2)]
    return {str(w): k.removeprefix("kolom:") for k, w in rijen if k.startswith("kolom:")}


def _read_back(pad: Path) -> pd.DataFrame:
    from oi_rapport.invoer import read_inputs

    (invoer,) = read_inputs([pad]).values()
    return invoer.data


def _expected(pad: Path, gevuld: dict[tuple[str, str], float]) -> pd.Series:
    koppen = _headers(pad)
    return pd.Series(
        list(gevuld.values()),
        index=pd.MultiIndex.from_tuples(
            [(code, koppen[kop]) for code, kop in gevuld], names=["gebied", "indicator"]
        ),
    ).sort_index()


def _observed(data: pd.DataFrame) -> pd.Series:
    return data.set_index(["gebied", "indicator"])["waarde"].sort_index()


def assert_round_trip(pad: Path) -> pd.DataFrame:
    gevuld = fill(pad)
    data = _read_back(pad)
    verwacht, gezien = _expected(pad, gevuld), _observed(data)
    assert gezien.index.equals(verwacht.index)
    np.testing.assert_array_equal(gezien.to_numpy(), verwacht.to_numpy())  # exactly
    return data


@pytest.mark.parametrize("niveau", NIVEAUS, ids=lambda n: n.value)
@pytest.mark.parametrize("code", ACTIVITEITEN)
def test_a_filled_workbook_reads_back_exactly(code: str, niveau: Niveau, tmp_path: Path) -> None:
    assert code in activiteiten()
    pad = tmp_path / f"{code}-{niveau.value}.xlsx"
    assert _make(code, niveau, pad) == 0
    data = assert_round_trip(pad)
    assert set(data["niveau"]) <= {niveau.value}


def test_the_wijk_code_na_is_oostzanerwerf_not_missing(tmp_path: Path) -> None:
    pad = tmp_path / "jgz-wijk.xlsx"
    assert _make("jgz", Niveau.WIJK, pad) == 0
    data = assert_round_trip(pad)
    namen = dict(zip(data["gebied"], data["naam"], strict=True))
    assert namen["NA"] == "Oostzanerwerf" and "NB" in namen


def test_a_blank_cell_is_a_missing_value_not_zero(tmp_path: Path) -> None:
    pad = tmp_path / "straat.xlsx"
    assert _make("straatreiniging", Niveau.STADSDEEL, pad) == 0
    data = assert_round_trip(pad)
    tweede = openpyxl.load_workbook(pad)["Invoer"].cell(row=3, column=1).value
    laatste = max(data["indicator"], key=list(_headers(pad).values()).index)
    rijen = data[(data["gebied"] == tweede) & (data["indicator"] == laatste)]
    assert rijen.empty and (data["waarde"] != 0).all()


# -- a plugin made by `oi plugin nieuw` ----------------------------------------------------
@pytest.fixture
def nieuw(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ModuleType]:
    map_ = scaffold(PluginNamen.from_name("rondreis"), tmp_path, core_versie="0.1.0")
    monkeypatch.syspath_prepend(str(map_))
    yield importlib.import_module("oi_rondreis")
    sys.modules.pop("oi_rondreis", None)


@pytest.mark.parametrize("niveau", NIVEAUS, ids=lambda n: n.value)
def test_a_new_plugins_workbook_has_its_table_and_reads_back(
    nieuw: ModuleType, niveau: Niveau, tmp_path: Path
) -> None:
    import oi_excel
    import oi_excel.plugin

    pad = tmp_path / "rondreis.xlsx"
    with isolated(nieuw, oi_excel.plugin):
        oi_excel.refresh()
        assert _make("rondreis", niveau, pad) == 0
        blad = openpyxl.load_workbook(pad)["Invoer"]
        assert list(blad.tables) == ["OI_Invoer"]
        koppen = [c.value for c in blad[1]]
        assert len(set(koppen)) == len(koppen) and "Inwoners (opgave)" in koppen
        assert_round_trip(pad)
    oi_excel.refresh()


# -- the whole report --------------------------------------------------------------------------
def _report_texts(map_: Path) -> tuple[str, list[object]]:
    (html,) = map_.glob("*.html")
    (xlsx,) = map_.glob("*.xlsx")
    boek = openpyxl.load_workbook(xlsx)
    cellen = [c.value for b in boek.worksheets for r in b.iter_rows() for c in r]
    return html.read_text(encoding="utf-8"), cellen


@pytest.mark.slow
@pytest.mark.parametrize(
    ("code", "niveau"),
    [("straatreiniging", Niveau.STADSDEEL), ("jgz", Niveau.WIJK), ("bibliotheken", Niveau.GEBIED),
     ("groot_onderhoud", Niveau.STADSDEEL)],
)  # fmt: skip
def test_the_report_on_a_filled_workbook_shows_the_numbers(
    code: str, niveau: Niveau, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    pad = tmp_path / f"{code}.xlsx"
    assert _make(code, niveau, pad) == 0
    gevuld = fill(pad)
    capsys.readouterr()
    assert main(["rapport", "--data", str(pad), "-o", str(tmp_path / "r"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["bestanden"]
    html, cellen = _report_texts(tmp_path / "r")
    getallen = {round(float(c), 3) for c in cellen if isinstance(c, int | float)}
    koppen = _headers(pad)
    reg = activiteiten()[code].activiteit
    inzet = [w for (_, k), w in gevuld.items() if koppen[k] == reg.match_inzet.code]
    assert set(inzet) <= getallen  # the report's workbook holds every inzet filled in
    if len(koppen) > 2:  # a result left blank is "geen gegevens", never 0 or a crash
        assert GEEN_GEGEVENS in html and GEEN_GEGEVENS in cellen


@pytest.mark.slow
def test_weesps_blank_grof_zwerfvuil_is_geen_gegevens_in_the_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The case of the issue: this blank cell crashed the HTML renderer with an IndexError."""
    pad = tmp_path / "straat.xlsx"
    assert _make("straatreiniging", Niveau.STADSDEEL, pad) == 0
    boek = openpyxl.load_workbook(pad)
    blad = boek["Invoer"]
    kop = {v: k for k, v in _headers(pad).items()}["grof_zwerfvuil_pct_min_b"]
    kolom = [c.value for c in blad[1]].index(kop)
    (weesp,) = [r for r in blad.iter_rows(min_row=2) if r[1].value == "Weesp"]
    weesp[kolom].value = None
    boek.save(pad)
    assert main(["rapport", "--data", str(pad), "-o", str(tmp_path / "r")]) == 0
    html, cellen = _report_texts(tmp_path / "r")
    assert GEEN_GEGEVENS in html and GEEN_GEGEVENS in cellen
    data = _read_back(pad)
    assert data[(data["gebied"] == "S") & (data["indicator"] == "grof_zwerfvuil_pct_min_b")].empty


def test_a_workbook_that_cannot_be_complete_is_refused_in_dutch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two indicators with one header leave no valid ``OI_Invoer`` table: exit code 1."""
    import oi_excel
    import oi_excel.plugin

    map_ = scaffold(PluginNamen.from_name("dubbel"), tmp_path, core_versie="0.1.0")
    bron = map_ / "oi_dubbel" / "__init__.py"
    tekst = bron.read_text(encoding="utf-8")
    bron.write_text(tekst.replace('naam="Bereikte inwoners"', 'naam="Inzet in FTE"'), "utf-8")
    monkeypatch.syspath_prepend(str(map_))
    module = importlib.import_module("oi_dubbel")
    pad = tmp_path / "dubbel.xlsx"
    try:
        with isolated(module, oi_excel.plugin):
            oi_excel.refresh()
            assert _make("dubbel", Niveau.STADSDEEL, pad) == 1
    finally:
        sys.modules.pop("oi_dubbel", None)
        oi_excel.refresh()
    fout = " ".join(capsys.readouterr().err.split())
    assert "meer dan één kolom heet 'Inzet in FTE'" in fout and not pad.exists()
