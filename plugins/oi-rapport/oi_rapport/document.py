"""The neutral document model of the report: sections made of blocks.

The engine (:mod:`oi_rapport.bouw`) builds one :class:`Rapport` from the analyses;
the renderers (:mod:`~oi_rapport.xlsx_weergave`, :mod:`~oi_rapport.html_weergave`)
only draw it. Every number in it was computed by the core; a renderer formats, colours
and places, it never computes.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import pandas as pd

from oi_core.model.activiteit import Niveau
from oi_core.model.registratie import Figuur, Samenvatting
from oi_core.rekenen.kleuring import KLASSEN, Kleuring

if TYPE_CHECKING:
    from oi_rapport.voorpagina import Voorpagina

__all__ = [
    "KLASSEN",
    "RIJ_GEMIDDELDE",
    "RIJ_SD",
    "Blok",
    "Formaat",
    "Grafiek",
    "Keten",
    "KetenSchakel",
    "Kleuring",
    "Kolom",
    "Opsomming",
    "Rapport",
    "SamenvattingBlok",
    "Sectie",
    "Tabel",
    "Tekst",
    "all_figures",
    "cell_class",
    "cell_text",
    "section_key",
]

Formaat = Literal["tekst", "getal", "aandeel", "procent", "pp", "index", "aantal"]
"""How a column is shown: ``aandeel`` is a fraction shown as a percentage, ``procent`` a
number that already is one (47 → 47%), ``pp`` percentage points with a sign, ``index``
an OI-index (whole number), ``aantal`` a whole count, ``getal`` any other number."""

RIJ_GEMIDDELDE = "Gemiddelde (kleurgrens)"
"""Label of the row under a coloured table that holds each column's average."""
RIJ_SD = "Standaardafwijking"
"""Label of the row under a coloured table that holds each column's standard deviation."""


@dataclass(frozen=True)
class Kolom:
    """One column of a :class:`Tabel`.

    ``formule`` (optional) says in Excel terms how the value follows from other columns of
    the same row: ``{kolom}`` is that column's cell, ``{kolom:alle}`` its whole range of
    data rows, ``{a..b}`` the cells from column ``a`` to ``b`` in the same row, and
    ``{a..b@label}`` the same cells in the row ``label`` below the data (a ``voet`` row,
    :data:`RIJ_GEMIDDELDE` or :data:`RIJ_SD`). The xlsx renderer writes the formula with
    the core's value as its cached result, so the user can trace every figure; the HTML
    renderer shows the value.
    """

    naam: str
    kop: str
    formaat: Formaat = "getal"
    decimalen: int | None = None
    kleuring: Kleuring | None = None
    formule: str | None = None
    eenheid: str = ""
    link: str | None = None
    """A column of ``data`` with the :class:`Sectie` key this cell links to."""
    afkorting: tuple[tuple[str, str], ...] = ()
    """Short cell text for long values, as ``(value, short)`` pairs (the signal: ``▼ minder``
    for *minder dan het aandeel in de opgave*). The renderers show the short text and keep
    the full value as the cell's title and for screen readers; the caption spells it out."""


def cell_text(kolom: Kolom, waarde: object) -> object:
    """The value as its cell shows it: the short text of :attr:`Kolom.afkorting` for a long
    value that has one, else the value itself."""
    if not kolom.afkorting or not isinstance(waarde, str):
        return waarde
    return dict(kolom.afkorting).get(waarde, waarde)


def cell_class(kolom: Kolom, label: object) -> str:
    """The colour class of the cell of ``kolom`` in the row ``label`` (``""``: none), as the
    core computed it (:class:`~oi_core.rekenen.kleuring.Kleuring`); both renderers use it."""
    return kolom.kleuring.klasse(label) if kolom.kleuring is not None else ""


@dataclass(frozen=True)
class Tabel:
    """A table: rows of ``data`` (index = row key, e.g. area code), shown ``kolommen``.

    ``voet`` holds extra rows below the data (e.g. ``Amsterdam``) as ``{label: {kolom:
    waarde}}``. ``bijschrift`` explains the table (source, colour rule).
    """

    sleutel: str
    titel: str
    data: pd.DataFrame
    kolommen: tuple[Kolom, ...]
    bijschrift: str = ""
    voet: Mapping[str, Mapping[str, float | str | None]] = field(default_factory=dict)
    legenda: bool = False

    def rijen(self) -> Iterator[tuple[Any, dict[Any, Any]]]:
        """Each row as (key, {column: value}): the values ``iterrows`` gives, without a
        Series per row (the renderers read every cell of every row)."""
        kolommen = list(self.data.columns)
        for sleutel, waarden in zip(self.data.index, self.data.values, strict=True):
            yield sleutel, dict(zip(kolommen, waarden, strict=True))


@dataclass(frozen=True)
class Tekst:
    """Paragraphs, with an optional heading."""

    alineas: tuple[str, ...]
    kop: str = ""


@dataclass(frozen=True)
class Opsomming:
    """A bulleted list, with an optional heading."""

    punten: tuple[str, ...]
    kop: str = ""


@dataclass(frozen=True)
class SamenvattingBlok:
    """A managementsamenvatting; ``generiek`` when the engine wrote it, not the plugin."""

    samenvatting: Samenvatting
    generiek: bool = False


@dataclass(frozen=True)
class Grafiek:
    """A figure, described as data by a core :class:`~oi_core.Figuur`."""

    sleutel: str
    figuur: Figuur
    bijschrift: str = ""
    niveau: Niveau | None = None
    """For a ``kaart``: the scale level whose areas are drawn."""
    kleuring: Kleuring | None = None
    """For a ``kaart``: the core's classes of its values (those of the table's cells), drawn
    in the palette with the table's legend; ``None``: a continuous colour scale."""
    afwijkend: tuple[str, ...] = ()
    """For a ``kaart``: the areas whose published figure differs from the computed one
    beyond rounding or in class; hatched, with the legend entry *gepubliceerd wijkt af*."""


@dataclass(frozen=True)
class KetenSchakel:
    """One link of the Resultatenketen as shown: role, description and indicator lines."""

    rol: str
    omschrijving: str
    waarden: tuple[str, ...] = ()


@dataclass(frozen=True)
class Keten:
    """The Resultatenketen inzet → resultaat → doel → ambitie, plus the opgave."""

    schakels: tuple[KetenSchakel, ...]
    opgave: KetenSchakel | None = None


Blok: TypeAlias = Tekst | Opsomming | SamenvattingBlok | Tabel | Grafiek | Keten


@dataclass(frozen=True)
class Sectie:
    """A chapter of the report; in Excel one sheet (``blad``), in HTML one section."""

    sleutel: str
    titel: str
    blad: str
    blokken: tuple[Blok, ...]
    ondertitel: str = ""
    voorpagina: Voorpagina | None = None
    """Set on an activity's front page: the HTML lays it out on one page; the workbook
    shows ``blokken`` (the same content, :meth:`Voorpagina.blokken`)."""
    bijlage: bool = False
    """Part of the appendix (the analysis behind the front pages)."""


def section_key(code: str) -> str:
    """The key (HTML anchor) of an activity's chapter."""
    return f"activiteit-{code}"


@dataclass(frozen=True)
class Rapport:
    """The whole report, ready to be drawn."""

    titel: str
    ondertitel: str
    gemaakt: str
    secties: tuple[Sectie, ...]
    samenvatting: Mapping[str, object] = field(default_factory=dict)
    """Machine-readable summary (for ``--json``): activities and their findings."""


def all_figures(rapport: Rapport) -> list[Grafiek]:
    """Every figure of the report, in order (a map on a front page once)."""
    gezien: set[str] = set()
    uit = []
    for b in (b for s in rapport.secties for b in s.blokken):
        if isinstance(b, Grafiek) and b.sleutel not in gezien:
            gezien.add(b.sleutel)
            uit.append(b)
    return uit
