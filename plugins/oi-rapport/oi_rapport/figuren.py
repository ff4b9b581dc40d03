"""Drawing a :class:`~oi_core.Figuur` with matplotlib, for SVG (HTML) and PNG (Excel maps).

Only the object-oriented API (:class:`matplotlib.figure.Figure`) is used: no pyplot, no
global state, nothing shown on screen. SVG text stays text (``svg.fonttype = none``) so
the HTML report is small, searchable and needs no embedded fonts.

matplotlib (and :mod:`oi_rapport.kaart`) is imported only when a figure is really drawn:
a report whose figures all come from the figure cache (:mod:`oi_rapport.figuurcache`)
never loads it, which saves about half a second of start-up.
"""

from __future__ import annotations

import contextlib
import io
import multiprocessing
import re
import sys
import textwrap
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import BrokenExecutor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from oi_core.gebieden.indeling import Gebiedsindeling
from oi_core.model.activiteit import Niveau
from oi_core.model.registratie import Figuur
from oi_rapport.document import Grafiek
from oi_rapport.figuurcache import FiguurCache, Getekend
from oi_rapport.gelijktijdig import die_with_parent
from oi_rapport.kernen import free_cores
from oi_rapport.opmaak import number

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "PALET",
    "Afbeeldingen",
    "Tekenaar",
    "alt_text",
    "draw",
    "free_cores",
    "render_figures",
    "render_png",
    "render_svg",
    "series_names",
]

PALET = ("#004699", "#F39200", "#00A03C", "#A00078", "#5C5C5C", "#E6007E")
"""Series colours (Amsterdam blue first)."""

STIJL: Any = {
    "svg.fonttype": "none",
    "svg.hashsalt": "oi-rapport",
    "font.family": "sans-serif",
    "font.sans-serif": ["Arial", "Helvetica", "Liberation Sans", "DejaVu Sans"],
    "font.size": 9,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.titley": 1.0,  # a fixed title position: the automatic one costs a fifth of the time
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#E3E3E3",
    "grid.linewidth": 0.6,
    "axes.axisbelow": True,
    "legend.frameon": False,
}


def series_names(figuur: Figuur) -> list[str]:
    """The value columns a chart draws: ``y`` (one or several), else every numeric column."""
    if isinstance(figuur.y, str):
        return [figuur.y]
    if figuur.y:
        return list(figuur.y)
    return [
        str(k)
        for k in figuur.data.columns
        if k != figuur.x and pd.api.types.is_numeric_dtype(figuur.data[k])
    ]


def _categories(figuur: Figuur) -> list[str]:
    bron = figuur.data[figuur.x] if figuur.x else figuur.data.index
    return [str(c) for c in bron]


@dataclass(frozen=True)
class Marges:
    """Margins around the axes, in inches (fixed layout: a constrained layout costs about
    half the drawing time)."""

    links: float = 0.75
    rechts: float = 0.3
    onder: float = 0.6
    boven: float = 0.45


_TEKEN_BREEDTE = 0.068
"""Average width of one character at the tick label size, in inches."""


def draw(grafiek: Grafiek, indeling: Gebiedsindeling | None = None) -> Figure:
    """A matplotlib figure for one :class:`Grafiek`."""
    from matplotlib.figure import Figure

    with _stijl():
        figuur = grafiek.figuur
        fig = Figure(figsize=_size(figuur))
        ax = fig.add_subplot()
        marges = _TEKENAARS[figuur.soort](fig, ax, grafiek, indeling)
        _dutch_numbers(ax, figuur.soort)
        titel = textwrap.fill(figuur.titel, 70)
        extra = 0.2 * titel.count("\n")
        heeft_legenda = ax.get_legend() is not None
        ax.set_title(titel, loc="left", pad=20 if heeft_legenda else 6)
        breedte, hoogte = fig.get_size_inches()
        fig.subplots_adjust(
            left=marges.links / breedte,
            right=1 - marges.rechts / breedte,
            bottom=marges.onder / hoogte,
            top=1 - (marges.boven + extra + (0.25 if heeft_legenda else 0)) / hoogte,
        )
        return fig


def _dutch_numbers(ax: Axes, soort: str) -> None:
    """Tick labels with a decimal comma (2,5) and thousands dots (1.000)."""
    from matplotlib.ticker import FuncFormatter

    notatie = FuncFormatter(lambda v, _: number(v))
    liggend = soort == "staaf" and ax.yaxis_inverted()
    if soort in ("spreiding", "lijn") or liggend:
        ax.xaxis.set_major_formatter(notatie)
    if soort in ("spreiding", "lijn") or (soort == "staaf" and not liggend):
        ax.yaxis.set_major_formatter(notatie)


def _size(figuur: Figuur) -> tuple[float, float]:
    n = len(figuur.data)
    if figuur.soort == "kaart":
        return (6.4, 5.6)
    if figuur.soort == "staaf" and n > 12:
        return (6.8, max(3.0, 0.22 * n * max(1, len(series_names(figuur))) ** 0.5 + 1.3))
    if figuur.soort == "heatmap":
        return (6.8, max(2.6, 0.3 * n + 1.6))
    return (6.8, 3.8)


def _longest(labels: Sequence[str]) -> int:
    return max((len(t) for t in labels), default=4)


def _bars(fig: Figure, ax: Axes, grafiek: Grafiek, _: Gebiedsindeling | None) -> Marges:
    figuur = grafiek.figuur
    namen = series_names(figuur)
    labels = _categories(figuur)
    pos = np.arange(len(labels))
    breedte = 0.8 / max(1, len(namen))
    liggend = len(labels) > 12
    for i, naam in enumerate(namen):
        waarden = figuur.data[naam].to_numpy(dtype=float)
        verschuiving = pos - 0.4 + breedte * (i + 0.5)
        teken = ax.barh if liggend else ax.bar
        teken(verschuiving, waarden, breedte, label=naam, color=PALET[i % len(PALET)])
    if len(namen) > 1:
        ax.legend(
            loc="lower left",
            bbox_to_anchor=(0, 1.0),
            ncols=len(namen),
            fontsize=8,
            borderaxespad=0.2,
        )
    _bar_reference(ax, figuur.referenties, liggend)
    if liggend:
        ax.set_yticks(pos, labels)
        ax.invert_yaxis()
        ax.set_xlabel(figuur.y_label)
        ax.grid(axis="y", visible=False)
        return Marges(links=0.25 + _TEKEN_BREEDTE * min(_longest(labels), 40))
    schuin = len(labels) > 5
    ax.set_xticks(pos, labels, rotation=30 if schuin else 0, ha="right" if schuin else "center")
    ax.set_ylabel(figuur.y_label)
    ax.grid(axis="x", visible=False)
    onder = 0.35 + (0.5 * _TEKEN_BREEDTE * min(_longest(labels), 30) if schuin else 0.1)
    return Marges(onder=onder)


def _bar_reference(ax: Axes, referenties: Any, liggend: bool) -> None:
    """The reference of the values (100 for an OI-index, a norm): a line across the bars."""
    if "y" not in referenties:
        return
    waarde = float(referenties["y"])
    teken = ax.axvline if liggend else ax.axhline
    teken(waarde, color="#1A1A1A", linestyle="--", linewidth=1, zorder=3)
    plek = (waarde, 1.0) if liggend else (1.0, waarde)
    transform = ax.get_xaxis_transform() if liggend else ax.get_yaxis_transform()
    ax.annotate(
        number(waarde),
        plek,
        xycoords=transform,
        xytext=(2, 2),
        textcoords="offset points",
        fontsize=7,
        color="#1A1A1A",
        ha="left",
        va="bottom",
    )


def _scatter(fig: Figure, ax: Axes, grafiek: Grafiek, _: Gebiedsindeling | None) -> Marges:
    figuur = grafiek.figuur
    x = figuur.data[figuur.x].to_numpy(dtype=float) if figuur.x else np.arange(len(figuur.data))
    y = figuur.data[series_names(figuur)[0]].to_numpy(dtype=float)
    ax.scatter(x, y, s=28, color=PALET[0], zorder=3)
    _references(ax, figuur.referenties)
    if figuur.label:
        _point_labels(fig, ax, x, y, [str(t) for t in figuur.data[figuur.label]])
    ax.set_xlabel(figuur.x_label)
    ax.set_ylabel(figuur.y_label)
    return Marges(rechts=0.9)


_PLEKKEN = (
    (4, 3, "left", "bottom"),
    (-4, 3, "right", "bottom"),
    (4, -3, "left", "top"),
    (-4, -3, "right", "top"),
    (0, 6, "center", "bottom"),
    (0, -6, "center", "top"),
)
"""Candidate label places around a point: offset in points and alignment."""


def _point_labels(fig: Figure, ax: Axes, x: np.ndarray, y: np.ndarray, teksten: list[str]) -> None:
    """Label points without overlap: each label takes the first free place of
    :data:`_PLEKKEN` (boxes estimated from the text length); a label with no free place
    is left out, so text never overprints (the table beside the chart has every value)."""
    ax.set_xlim(ax.get_xlim())
    ax.set_ylim(ax.get_ylim())
    punten = ax.transData.transform(np.column_stack([x, y]))
    schaal = fig.dpi / 72
    hoogte = 7 * 1.25 * schaal
    bezet = [
        (px - 3 * schaal, py - 3 * schaal, px + 3 * schaal, py + 3 * schaal) for px, py in punten
    ]
    for (px, py), tekst, xi, yi in zip(punten, teksten, x, y, strict=True):
        if not np.isfinite(px) or not np.isfinite(py):
            continue
        breedte = 7 * 0.55 * schaal * len(tekst)
        for dx, dy, ha, va in _PLEKKEN:
            vak = _box(px + dx * schaal, py + dy * schaal, breedte, hoogte, ha, va)
            if not any(_overlap(vak, b) for b in bezet):
                bezet.append(vak)
                ax.annotate(
                    tekst,
                    (xi, yi),
                    xytext=(dx, dy),
                    textcoords="offset points",
                    fontsize=7,
                    ha=ha,
                    va=va,
                )
                break


def _box(
    x: float, y: float, breedte: float, hoogte: float, ha: str, va: str
) -> tuple[float, float, float, float]:
    links = x - breedte if ha == "right" else x - breedte / 2 if ha == "center" else x
    onder = y - hoogte if va == "top" else y
    return (links, onder, links + breedte, onder + hoogte)


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _references(ax: Axes, referenties: Any) -> None:
    if "x" in referenties:
        ax.axvline(float(referenties["x"]), color=PALET[1], linestyle="--", linewidth=1)
    if "y" in referenties:
        ax.axhline(float(referenties["y"]), color=PALET[1], linestyle="--", linewidth=1)


def _lines(fig: Figure, ax: Axes, grafiek: Grafiek, _: Gebiedsindeling | None) -> Marges:
    figuur = grafiek.figuur
    x: Any = _categories(figuur)
    if figuur.x and pd.api.types.is_numeric_dtype(figuur.data[figuur.x]):
        x = figuur.data[figuur.x].to_numpy(dtype=float)
    namen = series_names(figuur)
    for i, naam in enumerate(namen):
        ax.plot(
            x,
            figuur.data[naam].to_numpy(dtype=float),
            marker="o",
            label=naam,
            color=PALET[i % len(PALET)],
        )
    _references(ax, figuur.referenties)
    ax.set_xlabel(figuur.x_label)
    ax.set_ylabel(figuur.y_label)
    if len(namen) > 1:
        ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncols=len(namen), fontsize=8)
    return Marges()


def _heatmap(fig: Figure, ax: Axes, grafiek: Grafiek, _: Gebiedsindeling | None) -> Marges:
    figuur = grafiek.figuur
    namen = series_names(figuur)
    waarden = figuur.data[namen].to_numpy(dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        sd = np.nanstd(waarden, axis=0)
        z = (waarden - np.nanmean(waarden, axis=0)) / np.where(sd > 0, sd, 1.0)
    ax.imshow(np.ma.masked_invalid(z), cmap="RdBu_r", vmin=-2.5, vmax=2.5, aspect="auto")
    for (i, j), w in np.ndenumerate(waarden):
        kleur = "white" if abs(z[i, j]) > 1.5 else "black"
        ax.text(j, i, number(w), ha="center", va="center", fontsize=7, color=kleur)
    ax.set_xticks(np.arange(len(namen)), namen, rotation=30, ha="right")
    rijen = _categories(figuur)
    ax.set_yticks(np.arange(len(waarden)), rijen)
    ax.grid(False)
    return Marges(
        links=0.25 + _TEKEN_BREEDTE * min(_longest(rijen), 40),
        onder=0.3 + 0.5 * _TEKEN_BREEDTE * min(_longest(namen), 40),
    )


def _map(fig: Figure, ax: Axes, grafiek: Grafiek, indeling: Gebiedsindeling | None) -> Marges:
    from oi_rapport.kaart import draw_map

    draw_map(fig, ax, grafiek, indeling)
    return Marges(links=0.1, rechts=0.1, onder=0.1, boven=0.4)


_TEKENAARS: dict[str, Callable[[Figure, Axes, Grafiek, Gebiedsindeling | None], Marges]] = {
    "staaf": _bars,
    "spreiding": _scatter,
    "lijn": _lines,
    "heatmap": _heatmap,
    "kaart": _map,
}

_ID = re.compile(r'\bid="([^"]+)"')
_VERWIJZING = re.compile(r'(url\(#)([^)]+)(\))|(href="#)([^"]+)(")')
"""A reference to an id: ``url(#…)`` or ``href="#…"``."""


def render_svg(grafiek: Grafiek, indeling: Gebiedsindeling | None = None) -> str:
    """Inline SVG markup (no XML prolog), ids prefixed with the figure key, scalable."""
    fig = draw(grafiek, indeling)
    buffer = io.StringIO()
    with _stijl():
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    return _inline(buffer.getvalue(), grafiek)


def _inline(svg: str, grafiek: Grafiek) -> str:
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)
    voor = "svg-" + re.sub(r"[^A-Za-z0-9_-]", "-", grafiek.sleutel)
    ids: set[str] = set()

    def hernoem(m: re.Match[str]) -> str:
        ids.add(m[1])
        return f'id="{voor}-{m[1]}"'

    svg = _ID.sub(hernoem, svg)  # every id, in one pass
    svg = _VERWIJZING.sub(lambda m: _prefixed(m, ids, voor), svg)
    tekst = escape(alt_text(grafiek), quote=True)
    return re.sub(
        r'<svg ([^>]*?)width="[^"]+" height="[^"]+"',
        lambda m: f'<svg {m.group(1)}role="img" aria-label="{tekst}" class="figuur"',
        svg,
        count=1,
    )


def _prefixed(m: re.Match[str], ids: set[str], voor: str) -> str:
    """A reference with the figure's prefix, when it refers to an id of this figure."""
    begin, naam, eind = (m[1], m[2], m[3]) if m[1] else (m[4], m[5], m[6])
    return f"{begin}{voor}-{naam}{eind}" if naam in ids else m[0]


_SOORTNAMEN = {
    "staaf": "Staafdiagram",
    "spreiding": "Spreidingsdiagram",
    "lijn": "Lijndiagram",
    "heatmap": "Tabel in kleur",
    "kaart": "Kaart",
}


def alt_text(grafiek: Grafiek) -> str:
    """The alternative text of a chart or map: its kind, title, axes and caption."""
    figuur = grafiek.figuur
    delen = [f"{_SOORTNAMEN.get(figuur.soort, 'Figuur')}: {figuur.titel}."]
    assen = [a for a in (figuur.x_label, figuur.y_label) if a]
    if assen and figuur.soort != "kaart":
        delen.append("Assen: " + "; ".join(assen) + ".")
    elif figuur.y_label:
        delen.append(f"Kleur: {figuur.y_label}.")
    if grafiek.bijschrift:
        delen.append(grafiek.bijschrift)
    return " ".join(delen)


def render_png(grafiek: Grafiek, indeling: Gebiedsindeling | None = None, dpi: int = 96) -> bytes:
    """A PNG image of the figure (for maps in the workbook)."""
    fig = draw(grafiek, indeling)
    buffer = io.BytesIO()
    with _stijl():
        fig.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


@dataclass(frozen=True)
class Afbeeldingen:
    """Every figure of a report drawn once: SVG for HTML, PNG for the maps in Excel."""

    svg: dict[str, str] = field(default_factory=dict)
    png: dict[str, bytes] = field(default_factory=dict)


_INDELING: list[Gebiedsindeling | None] = [None]


def _render_job(grafiek: Grafiek) -> Getekend:
    """SVG of a figure, and for a map also a PNG (for Excel), from one drawing."""
    try:
        return _render(grafiek)
    except Exception as fout:  # a figure a plugin described wrongly must not cost the report
        tekst = escape(f"Deze figuur kon niet worden getekend ({type(fout).__name__}: {fout}).")
        return Getekend(grafiek.sleutel, f'<p class="noot">{tekst}</p>', gelukt=False)


def _render(grafiek: Grafiek) -> Getekend:
    fig = draw(grafiek, _INDELING[0])
    with _stijl():
        svg = io.StringIO()
        fig.savefig(svg, format="svg", metadata={"Date": None})
        png = None
        if grafiek.figuur.soort == "kaart":
            buffer = io.BytesIO()
            fig.savefig(buffer, format="png", dpi=96)
            png = buffer.getvalue()
    return Getekend(grafiek.sleutel, _inline(svg.getvalue(), grafiek), png)


def _stijl() -> contextlib.AbstractContextManager[Any]:
    """The report's matplotlib style, for drawing and saving."""
    import matplotlib as mpl

    return mpl.rc_context(STIJL)


def _warm_up() -> None:
    """Load matplotlib, the usual shapes and the fonts once: in a worker, before its first
    figure (the parent does not pay for it)."""
    from matplotlib.figure import Figure

    from oi_rapport.kaart import area_shapes

    for niveau in (Niveau.STADSDEEL, Niveau.GEBIED):
        area_shapes(niveau)
    with _stijl():
        fig = Figure(figsize=(1, 1))
        fig.text(0.5, 0.5, "Aa", fontweight="bold")
        fig.text(0.5, 0.2, "Aa")
        fig.savefig(io.BytesIO(), format="png", dpi=10)


def _start_worker() -> None:
    """A worker's set-up: end with the parent, then load matplotlib and the fonts."""
    die_with_parent()
    with contextlib.suppress(Exception):  # a failed warm-up only makes the first figure slower
        _warm_up()


MIN_POOL = 6
"""A pool starts only once this many figures are to be drawn: for fewer a worker's
start-up (fork, importing matplotlib, fonts) costs more than it saves."""

HELPEN = 10
"""This process draws the figures no worker has started only when it has matplotlib
loaded already, or when at least this many per worker are left: loading matplotlib and
the fonts here costs about as much as drawing ten figures."""


@dataclass
class _Taak:
    """One figure of the report: its cache key, and where its drawing is (in a worker,
    waiting to be drawn here, or done)."""

    sleutel: str | None
    grafiek: Grafiek
    uitkomst: Future[Getekend] | Getekend | None = None


class Tekenaar:
    """Draws figures as they come, in a worker process where that pays off.

    A figure drawn before comes from the figure cache (:mod:`oi_rapport.figuurcache`,
    ``cache``; default: :meth:`FiguurCache.standaard`) without drawing. The others are
    independent. With ``processen`` (default: :func:`free_cores`; this process counts as
    one) above one, a pool of ``processen - 1`` forked workers starts once
    :data:`MIN_POOL` figures are to be drawn, and :meth:`submit` hands them the figures
    while the caller goes on building the next chapter; the workers load matplotlib
    themselves. :meth:`result` lets this process draw the figures no worker has started
    yet (from the last one back), collects the rest and stores them in the cache. Without
    ``fork`` (Windows) or without an idle core the figures are drawn one by one in
    :meth:`result`. Workers end with their parent
    (:func:`~oi_rapport.gelijktijdig.die_with_parent`).
    """

    def __init__(
        self,
        indeling: Gebiedsindeling | None = None,
        processen: int | None = None,
        cache: FiguurCache | None = None,
    ):
        _INDELING[0] = indeling
        self._gevraagd = processen
        self._gekozen: int | None = None
        self._werkers: ProcessPoolExecutor | None = None
        self.cache = cache if cache is not None else FiguurCache.standaard(indeling)
        self._taken: list[_Taak] = []

    @property
    def _processen(self) -> int:
        """How many processes draw, this one included: decided when a pool is first
        considered (what is idle then, not at the start of the report), once."""
        if self._gekozen is None:
            n = self._gevraagd if self._gevraagd is not None else free_cores()
            fork = "fork" in multiprocessing.get_all_start_methods()
            self._gekozen = n if n > 1 and fork else 1
        return self._gekozen

    @property
    def _pool(self) -> ProcessPoolExecutor | None:
        """The worker pool (started on first use), or None when figures are drawn here."""
        if self._werkers is None and self._processen > 1:
            self._werkers = ProcessPoolExecutor(
                max_workers=self._processen - 1,
                mp_context=multiprocessing.get_context("fork"),
                initializer=_start_worker,
            )
        return self._werkers

    def submit(self, grafieken: Iterable[Grafiek]) -> None:
        for g in grafieken:
            sleutel = self.cache.sleutel(g)
            self._taken.append(_Taak(sleutel, g, self.cache.zoek(sleutel, g)))
        self._hand_out()

    def _hand_out(self) -> None:
        """Give every figure still to draw to the pool, which starts at :data:`MIN_POOL`
        of them (until then, and without a pool, they wait for :meth:`result`)."""
        nieuw = [t for t in self._taken if t.uitkomst is None]
        genoeg = self._werkers is not None or len(nieuw) >= MIN_POOL
        pool = self._pool if nieuw and genoeg else None
        if pool is None:
            return
        with contextlib.suppress(BrokenExecutor):  # a worker was killed: the rest is drawn here
            for taak in nieuw:
                taak.uitkomst = pool.submit(_render_job, taak.grafiek)

    def result(self) -> Afbeeldingen:
        self._draw_unstarted()
        afbeeldingen = Afbeeldingen()
        for taak in self._taken:
            getekend = _collect(taak)
            self.cache.bewaar(taak.sleutel, getekend)
            afbeeldingen.svg[getekend.sleutel] = getekend.svg
            if getekend.png is not None:
                afbeeldingen.png[getekend.sleutel] = getekend.png
        self.cache.opruimen()
        return afbeeldingen

    def _draw_unstarted(self) -> None:
        """Draw here, from the last figure back, each one no worker has started yet: the
        workers take them from the front, so both ends work until they meet (see
        :data:`HELPEN`)."""
        wachtend = sum(_waiting(t) for t in self._taken)
        if self._werkers is None or (
            "matplotlib" not in sys.modules and wachtend < HELPEN * (self._processen - 1)
        ):
            return
        for taak in reversed(self._taken):
            if isinstance(taak.uitkomst, Future):
                if not taak.uitkomst.cancel():
                    return  # this one and every earlier one are started or done
                taak.uitkomst = _render_job(taak.grafiek)

    def close(self) -> None:
        if self._werkers is not None:
            self._werkers.shutdown(cancel_futures=True)

    def __enter__(self) -> Tekenaar:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def _waiting(taak: _Taak) -> bool:
    """Whether a figure is in the pool's queue, not started by a worker."""
    return isinstance(taak.uitkomst, Future) and not (
        taak.uitkomst.running() or taak.uitkomst.done()
    )


def _collect(taak: _Taak) -> Getekend:
    if isinstance(taak.uitkomst, Future):
        try:
            return taak.uitkomst.result()
        except BrokenExecutor:  # a worker was killed: draw the figure here
            return _render_job(taak.grafiek)
    return taak.uitkomst if taak.uitkomst is not None else _render_job(taak.grafiek)


def render_figures(
    grafieken: Sequence[Grafiek],
    indeling: Gebiedsindeling | None = None,
    *,
    processen: int | None = None,
) -> Afbeeldingen:
    """Draw all figures (see :class:`Tekenaar`)."""
    with Tekenaar(indeling, processen) as tekenaar:
        tekenaar.submit(grafieken)
        return tekenaar.result()
