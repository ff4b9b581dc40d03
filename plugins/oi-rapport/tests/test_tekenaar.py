"""The drawing pool: when it starts, how this process helps it, and that it draws the same."""

from __future__ import annotations

import os
import time
from concurrent.futures import BrokenExecutor, ProcessPoolExecutor

import pandas as pd
import pytest
from oi_rapport import Grafiek, build_activity
from oi_rapport import figuren as figuren_module
from oi_rapport.figuren import MIN_POOL, Tekenaar, free_cores, render_figures
from oi_rapport.figuurcache import FiguurCache, Getekend

from oi_core import Figuur, Gebiedsindeling, activiteit

IND = Gebiedsindeling.amsterdam()
ZONDER_CACHE = FiguurCache(None, IND)


@pytest.fixture(scope="module")
def grafieken() -> list[Grafiek]:
    """The figures of two real chapters (maps included): enough for a pool."""
    uit: list[Grafiek] = []
    for code in ("straatreiniging", "jgz"):
        reg = activiteit(code)
        uit += build_activity(reg, reg.analyse()).grafieken()
    assert len(uit) >= MIN_POOL and any(g.figuur.soort == "kaart" for g in uit)
    return uit


def _pools(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the pools started (and their workers) from here on."""
    gestart: list[int] = []

    class Teller(ProcessPoolExecutor):
        def __init__(self, max_workers: int, **kwargs: object) -> None:
            gestart.append(max_workers)
            super().__init__(max_workers, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(figuren_module, "ProcessPoolExecutor", Teller)
    return gestart


def test_a_handful_of_figures_is_drawn_without_a_pool(
    grafieken: list[Grafiek], monkeypatch: pytest.MonkeyPatch
) -> None:
    gestart = _pools(monkeypatch)
    render_figures(grafieken[: MIN_POOL - 1], IND, processen=2)
    assert gestart == []
    render_figures(grafieken[:MIN_POOL], IND, processen=2)
    assert gestart == [1]  # this process draws too: one worker beside it


def test_the_report_starts_its_pool_once_enough_figures_are_to_be_drawn(
    grafieken: list[Grafiek], monkeypatch: pytest.MonkeyPatch
) -> None:
    gestart = _pools(monkeypatch)
    with Tekenaar(IND, processen=2, cache=ZONDER_CACHE) as tekenaar:
        tekenaar.submit(grafieken[: MIN_POOL - 2])
        tekenaar.submit(grafieken[MIN_POOL - 2 : MIN_POOL - 1])
        assert gestart == []  # a handful: drawn here, in result()
        tekenaar.submit(grafieken[MIN_POOL - 1 : MIN_POOL])
        assert gestart == [1]
        tekenaar.result()


def test_one_drawing_process_never_starts_a_pool(
    grafieken: list[Grafiek], monkeypatch: pytest.MonkeyPatch
) -> None:
    gestart = _pools(monkeypatch)
    monkeypatch.setenv("OI_TEKENAARS", "1")
    assert free_cores() == 1
    with Tekenaar(IND, cache=ZONDER_CACHE) as tekenaar:
        tekenaar.submit(grafieken)
        assert tekenaar.result().svg
    assert gestart == []


def test_figures_from_the_cache_start_no_pool(
    grafieken: list[Grafiek], monkeypatch: pytest.MonkeyPatch
) -> None:
    gestart = _pools(monkeypatch)
    klaar = Getekend("x", "<svg/>")
    monkeypatch.setattr(FiguurCache, "zoek", lambda *_: klaar)
    with Tekenaar(IND, processen=2, cache=ZONDER_CACHE) as tekenaar:
        tekenaar.submit(grafieken)
        tekenaar.result()
    assert gestart == []


def test_this_process_draws_the_figures_no_worker_has_started(
    grafieken: list[Grafiek],
) -> None:
    """The worker is kept busy, so (almost) every figure is drawn here, from the back."""
    serieel = render_figures(grafieken, IND, processen=1)
    with Tekenaar(IND, processen=2, cache=ZONDER_CACHE) as tekenaar:
        assert tekenaar._pool is not None
        tekenaar._pool.submit(time.sleep, 3)
        tekenaar.submit(grafieken)
        afbeeldingen = tekenaar.result()
        hier = [t for t in tekenaar._taken if isinstance(t.uitkomst, Getekend)]
    assert len(hier) >= len(grafieken) - 2  # at most one queued call besides the sleep
    assert hier[0].grafiek is not grafieken[0]  # from the back: the first was queued
    assert afbeeldingen == serieel


def test_a_pool_draws_every_figure_as_this_process_does(grafieken: list[Grafiek]) -> None:
    """Output parity: the same SVG (and map PNG) for every figure, with or without a pool."""
    serieel = render_figures(grafieken, IND, processen=1)
    for processen in (2, 3):
        assert render_figures(grafieken, IND, processen=processen) == serieel
    assert serieel.png and all(s.startswith("<svg") for s in serieel.svg.values())


def test_a_killed_worker_costs_no_figure(grafieken: list[Grafiek]) -> None:
    with Tekenaar(IND, processen=2, cache=ZONDER_CACHE) as tekenaar:
        assert tekenaar._pool is not None
        tekenaar.submit(grafieken[:3])
        with pytest.raises(BrokenExecutor):  # the pool breaks
            tekenaar._pool.submit(os._exit, 1).result()
        tekenaar.submit(grafieken[3:])
        afbeeldingen = tekenaar.result()
    assert set(afbeeldingen.svg) == {g.sleutel for g in grafieken}
    assert all(s.startswith("<svg") for s in afbeeldingen.svg.values())


def _inline_by_replacing(svg: str, voor: str) -> str:
    """The former way: every id's references replaced one by one, longest id first."""
    ids = set(figuren_module._ID.findall(svg))
    svg = figuren_module._ID.sub(lambda m: f'id="{voor}-{m.group(1)}"', svg)
    for oud in sorted(ids, key=len, reverse=True):
        svg = svg.replace(f"url(#{oud})", f"url(#{voor}-{oud})")
        svg = svg.replace(f'href="#{oud}"', f'href="#{voor}-{oud}"')
    return svg


def test_ids_and_their_references_get_the_figure_prefix_in_one_pass() -> None:
    svg = (
        '<svg width="1" height="1"><defs><path id="p1"/><path id="p12"/></defs>'
        '<use href="#p1"/><use xlink:href="#p12"/><g clip-path="url(#p12)"/>'
        '<g clip-path="url(#p1)"/><g fill="url(#vreemd)"/><use href="#p"/>'
        '<text>url(#p1) hid="x"</text></svg>'
    )
    grafiek = Grafiek("a b", Figuur("staaf", "T", pd.DataFrame({"w": [1.0]})))
    uit = figuren_module._inline(svg, grafiek)
    verwacht = _inline_by_replacing(svg, "svg-a-b")
    assert uit.split(">", 1)[1] == verwacht.split(">", 1)[1]
    assert 'href="#svg-a-b-p1"' in uit and "url(#vreemd)" in uit and 'href="#p"' in uit
