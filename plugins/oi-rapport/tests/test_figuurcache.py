"""The persistent figure cache: a warm report is the cold one, and a figure is never stale."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from oi_rapport import Grafiek, RapportOpties, build_activity, make_report
from oi_rapport import figuren as figuren_module
from oi_rapport.figuren import Tekenaar
from oi_rapport.figuurcache import FiguurCache, Getekend, cache_folder

from oi_core import Figuur, Gebiedsindeling, activiteit

IND = Gebiedsindeling.amsterdam()


@pytest.fixture(scope="module")
def grafieken() -> list[Grafiek]:
    """The figures of one real chapter (the embedded straatreiniging data), map included."""
    reg = activiteit("straatreiniging")
    uit = build_activity(reg, reg.analyse()).grafieken()
    assert any(g.figuur.soort == "kaart" for g in uit) and len(uit) >= 3
    return uit


def _geen_tekenen(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    getekend: list[str] = []
    echt = figuren_module._render

    def tel(grafiek: Grafiek) -> Getekend:
        getekend.append(grafiek.sleutel)
        return echt(grafiek)

    monkeypatch.setattr(figuren_module, "_render", tel)
    return getekend


def _teken(grafieken: list[Grafiek], map_: Path) -> figuren_module.Afbeeldingen:
    with Tekenaar(IND, processen=1, cache=FiguurCache(map_, IND)) as tekenaar:
        tekenaar.submit(grafieken)
        return tekenaar.result()


def test_a_warm_cache_gives_the_same_figures_without_drawing(
    grafieken: list[Grafiek], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    getekend = _geen_tekenen(monkeypatch)
    koud = _teken(grafieken, tmp_path)
    assert len(getekend) == len(grafieken)  # cold: every figure drawn
    warm = _teken(grafieken, tmp_path)
    assert len(getekend) == len(grafieken)  # warm: none drawn again
    assert warm == koud
    assert warm.png and all(p.startswith(b"\x89PNG") for p in warm.png.values())


def test_a_changed_value_draws_the_figure_again(
    grafieken: list[Grafiek], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a bar chart draws its values; an OI-index kaart draws the classes the core gave it
    staaf = next(g for g in grafieken if g.figuur.soort == "staaf")
    eerste = _teken([staaf], tmp_path).svg[staaf.sleutel]
    data = staaf.figuur.data.copy()
    kolom = data.select_dtypes("number").columns[0]
    data.iloc[0, data.columns.get_loc(kolom)] = data[kolom].max() * 10 + 1
    anders = dataclasses.replace(staaf, figuur=dataclasses.replace(staaf.figuur, data=data))
    getekend = _geen_tekenen(monkeypatch)
    tweede = _teken([anders], tmp_path).svg[staaf.sleutel]
    assert getekend == [staaf.sleutel]  # not taken from the cache
    assert tweede != eerste
    assert tweede == figuren_module._render(anders).svg


def test_a_figure_that_cannot_be_drawn_is_not_stored(tmp_path: Path) -> None:
    fout = Grafiek("fout", Figuur("staaf", "Fout", pd.DataFrame({"a": [1.0]}), y="ontbreekt"))
    svg = _teken([fout], tmp_path).svg["fout"]
    assert "Deze figuur kon niet worden getekend" in svg
    assert not tmp_path.exists() or not list(tmp_path.iterdir())


def test_an_incomplete_map_entry_is_drawn_again(
    grafieken: list[Grafiek], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kaart = next(g for g in grafieken if g.figuur.soort == "kaart")
    _teken([kaart], tmp_path)
    for png in tmp_path.glob("*.png"):
        png.unlink()  # as if the process died between the two files
    getekend = _geen_tekenen(monkeypatch)
    assert kaart.sleutel in _teken([kaart], tmp_path).png
    assert getekend == [kaart.sleutel]


def test_the_cache_folder_follows_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OI_FIGUURCACHE", "uit")
    assert cache_folder() is None
    leeg = Grafiek("x", Figuur("staaf", "x", pd.DataFrame()))
    assert FiguurCache.standaard().sleutel(leeg) is None
    monkeypatch.setenv("OI_FIGUURCACHE", str(tmp_path / "eigen"))
    assert cache_folder() == tmp_path / "eigen"
    monkeypatch.delenv("OI_FIGUURCACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_folder() == tmp_path / "oi-rapport" / "figuren"


_WAARDEN = st.lists(st.floats(-1e6, 1e6, allow_nan=False), min_size=1, max_size=8)


@settings(max_examples=50, deadline=None)
@given(waarden=_WAARDEN, plek=st.integers(0, 7), nieuw=st.floats(-1e6, 1e6, allow_nan=False))
def test_the_key_changes_exactly_when_the_figure_does(
    waarden: list[float], plek: int, nieuw: float
) -> None:
    cache = FiguurCache(Path("niet-gebruikt"))

    def grafiek(w: list[float]) -> Grafiek:
        data = pd.DataFrame({"w": w}, index=[f"A{i}" for i in range(len(w))])
        return Grafiek("g", Figuur("staaf", "Titel", data, y="w"))

    assert cache.sleutel(grafiek(waarden)) == cache.sleutel(grafiek(list(waarden)))
    ander = list(waarden)
    ander[plek % len(ander)] = nieuw
    if ander != waarden:  # a changed value is a new key (equal lists may still differ: -0.0)
        assert cache.sleutel(grafiek(ander)) != cache.sleutel(grafiek(waarden))


@pytest.mark.slow
def test_a_report_from_a_warm_cache_is_the_cold_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OI_FIGUURCACHE", str(tmp_path / "cache"))
    opties = dict(activiteiten=("straatreiniging",), zonder=("stapeling",), overschrijf=True)
    koud = make_report(RapportOpties(uitvoer=tmp_path / "koud", **opties))  # type: ignore[arg-type]
    getekend = _geen_tekenen(monkeypatch)
    warm = make_report(RapportOpties(uitvoer=tmp_path / "warm", **opties))  # type: ignore[arg-type]
    assert getekend == []
    zonder_tijd = lambda p: p.read_text().split("<body", 1)[1]  # noqa: E731
    assert _zonder_datum(zonder_tijd(warm.html)) == _zonder_datum(zonder_tijd(koud.html))


def _zonder_datum(html: str) -> str:
    import re

    return re.sub(r"\d{2}-\d{2}-\d{4} \d{2}:\d{2}", "DATUM", html)


def _round_trip(obj: object, gedeeld: dict[str, object]) -> object:
    """What a chapter built in the second process comes back as (oi_rapport.gelijktijdig)."""
    import io

    from oi_rapport.gelijktijdig import _Lezer, _Schrijver

    buffer = io.BytesIO()
    _Schrijver(buffer, gedeeld).dump(obj)
    return _Lezer(io.BytesIO(buffer.getvalue()), gedeeld).load()


@pytest.mark.parametrize("code", ["jgz", "straatreiniging", "groot_onderhoud", "bibliotheken"])
def test_a_figure_keeps_its_key_when_built_in_the_second_process(code: str, tmp_path: Path) -> None:
    """A warm report must find every figure, whichever process built its chapter: the key
    is the content, not the memory layout of a table or which equal strings are one object."""
    reg = activiteit(code)
    hoofdstuk = build_activity(reg, reg.analyse(indeling=IND))
    terug = _round_trip(hoofdstuk, {"indeling": IND, "activiteit": reg})
    cache = FiguurCache(tmp_path, IND)
    eigen = [cache.sleutel(g) for g in hoofdstuk.grafieken()]
    assert None not in eigen
    assert [cache.sleutel(g) for g in terug.grafieken()] == eigen  # type: ignore[attr-defined]


def test_a_table_laid_out_otherwise_has_the_same_key_and_other_numbers_another(
    tmp_path: Path,
) -> None:
    cache = FiguurCache(tmp_path, IND)
    in_een_keer = pd.DataFrame({"naam": ["Centrum", "West"], "a": [1.0, 2.0], "b": [3.0, 4.0]})
    los = pd.DataFrame({"naam": ["Centrum", "West"]})
    los["a"], los["b"] = [1.0, 2.0], [3.0, 4.0]  # three blocks instead of two

    def grafiek(data: pd.DataFrame) -> Grafiek:
        return Grafiek("proef", Figuur(soort="staaf", titel="Proef", data=data, x="naam"))

    assert cache.sleutel(grafiek(in_een_keer)) == cache.sleutel(grafiek(los))
    los.loc[1, "b"] = 4.5
    assert cache.sleutel(grafiek(in_een_keer)) != cache.sleutel(grafiek(los))
    assert cache.sleutel(grafiek(in_een_keer.rename(columns={"b": "c"}))) != cache.sleutel(
        grafiek(in_een_keer)
    )
