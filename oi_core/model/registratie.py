"""What plugins register: activities with their data, Excel functions, report parts.

These are plain, framework-free declarations. A plugin builds them in its hook
implementations; the core, the Excel layer and the report read them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal

from oi_core.model.soorten import Niveau

if TYPE_CHECKING:
    import pandas as pd

    from oi_core.gebieden.indeling import Gebiedsindeling
    from oi_core.model.activiteit import Activiteit
    from oi_core.rekenen.analyse import Analyse

__all__ = [
    "ActiviteitRegistratie",
    "ArgumentSoort",
    "ExcelArgument",
    "ExcelFunctie",
    "Figuur",
    "Kolom",
    "KolomFormaat",
    "Onderdeel",
    "Samenvatting",
]


@dataclass(frozen=True)
class Samenvatting:
    """A Dutch managementsamenvatting generated from the data.

    ``titel`` is the main finding in one sentence; ``bevindingen`` three to five bullets
    naming areas and figures; ``discussiepunten`` the trade-offs the method raises.
    """

    titel: str
    bevindingen: tuple[str, ...]
    discussiepunten: tuple[str, ...] = ()


FiguurSoort = Literal["staaf", "spreiding", "kaart", "lijn", "heatmap"]


@dataclass(frozen=True)
class Figuur:
    """A chart described as data, so both the Excel and the HTML report can draw it.

    ``data`` is indexed by area (or label); ``x`` and ``y`` name its columns (for
    ``staaf`` ``y`` may list several series); ``label`` names a column with point labels
    (``spreiding``); ``referenties`` draws reference lines, e.g. ``{"x": 69, "y": 1.4}``.
    """

    soort: FiguurSoort
    titel: str
    data: pd.DataFrame
    x: str | None = None
    y: str | tuple[str, ...] | None = None
    label: str | None = None
    x_label: str = ""
    y_label: str = ""
    referenties: Mapping[str, float] = field(default_factory=dict)
    bron: str = ""
    """Source of the figure; empty takes its part's (and so the activity's)."""
    peiljaar: int | None = None
    """Reference year; None takes its part's (and so the activity's)."""


@dataclass(frozen=True)
class Onderdeel:
    """An activity-specific part of the report: text, an optional table and figure.

    ``bron`` and ``peiljaar`` say where the part's figures come from; a part that sets
    neither takes the activity's (:meth:`ActiviteitRegistratie.build_onderdelen`).
    """

    titel: str
    tekst: tuple[str, ...] = ()
    tabel: pd.DataFrame | None = None
    figuur: Figuur | None = None
    bron: str = ""
    peiljaar: int | None = None
    gepubliceerd: bool = False
    """The part compares with the published figures that come with the plugin: the report
    leaves it out when the analysis runs on the user's own data."""
    ingebouwd: bool = False
    """The part's figures come from the plugin's own embedded data, not from the analysis:
    in a report on the user's own data it keeps its ``bron`` (and says so)."""

    def inherit(self, bron: str, peiljaar: int | None) -> Onderdeel:
        """This part with ``bron`` and ``peiljaar`` filled in where it has none, its
        figure included (a figure without its own takes the part's)."""
        bron, peiljaar = self.bron or bron, self.peiljaar if self.peiljaar is not None else peiljaar
        figuur = self.figuur
        if figuur is not None:
            jaar = figuur.peiljaar if figuur.peiljaar is not None else peiljaar
            figuur = replace(figuur, bron=figuur.bron or bron, peiljaar=jaar)
        return replace(self, bron=bron, peiljaar=peiljaar, figuur=figuur)


@dataclass(frozen=True)
class ActiviteitRegistratie:
    """An :class:`~oi_core.model.Activiteit` as a plugin registers it.

    ``data`` returns the embedded tidy table (area names as published; the core
    resolves them). ``tabellen`` returns the raw input tables by name (for ``OI_DATA``
    and workbooks); ``gepubliceerd`` the published derived figures kept for comparison.
    ``samenvatting`` and ``onderdelen`` build the report parts from an
    :class:`~oi_core.analyse.Analyse`.
    """

    activiteit: Activiteit
    data: Callable[[], pd.DataFrame]
    tabellen: Callable[[], Mapping[str, pd.DataFrame]] | None = None
    gepubliceerd: Callable[[], Mapping[str, pd.DataFrame]] | None = None
    samenvatting: Callable[[Analyse], Samenvatting] | None = None
    onderdelen: Callable[[Analyse], Sequence[Onderdeel]] | None = None
    plugin: str = ""

    @property
    def code(self) -> str:
        return self.activiteit.code

    def build_onderdelen(self, analyse: Analyse) -> list[Onderdeel]:
        """The plugin's report parts for ``analyse``, each with the activity's ``bron`` and
        ``peiljaar`` where it sets none (:attr:`Activiteit.herkomst`)."""
        if self.onderdelen is None:
            return []
        bron, peiljaar = self.activiteit.herkomst
        return [o.inherit(bron, peiljaar) for o in self.onderdelen(analyse)]

    def analyse(
        self,
        *,
        niveau: Niveau | str | None = None,
        data: pd.DataFrame | None = None,
        indeling: Gebiedsindeling | None = None,
        jaar: int | None = None,
    ) -> Analyse:
        """An :class:`~oi_core.analyse.Analyse` on the embedded data (or ``data``)."""
        from oi_core.rekenen.analyse import Analyse

        return Analyse(
            self.activiteit,
            self.data() if data is None else data,
            niveau=niveau,
            indeling=indeling,
            jaar=jaar,
        )


KolomFormaat = Literal["getal", "aandeel", "procent", "procentpunt", "index", "bedrag", "tekst"]
"""How a column's values are shown: ``aandeel`` is a fraction 0–1 shown as a percentage,
``procent`` a number that already is a percentage, ``procentpunt`` a difference of
percentages, ``index`` an OI-index (100 is in proportion), ``bedrag`` an amount of money."""


@dataclass(frozen=True)
class Kolom:
    """One column of the column catalogue: how a person sees the column ``sleutel``.

    ``kop`` is the Dutch header every surface shows (CLI table, Excel spill, report,
    workbook); ``eenheid`` the unit in words (``fte``, ``m² per 100 inwoners``);
    ``formaat`` and ``decimalen`` how the numbers are written. Plugins register their own
    columns with the ``register_kolommen`` hook; a code name never reaches a person.
    """

    sleutel: str
    kop: str
    formaat: KolomFormaat = "getal"
    decimalen: int | None = None
    eenheid: str = ""
    beschrijving: str = ""
    plugin: str = ""


ArgumentSoort = Literal["getallen", "getal", "tekst", "teksten", "tabel", "getallentabel", "waarde"]
"""How an Excel argument is converted before the function sees it:

``getallen`` a range → 1-D float array (NaN for blanks); ``getal`` one number or None;
``tekst`` one text or None; ``teksten`` a range → list of str | None; ``tabel`` a range →
2-D list as given; ``getallentabel`` a range → 2-D float array; ``waarde`` as given.
"""


@dataclass(frozen=True)
class ExcelArgument:
    """One argument of an Excel function, with its Dutch help text."""

    naam: str
    beschrijving: str
    soort: ArgumentSoort = "getallen"
    optioneel: bool = False


@dataclass(frozen=True)
class ExcelFunctie:
    """A function for Excel, framework-free: the Excel layer decorates it.

    ``naam`` is the Excel name (``OI_INDEX``); ``functie`` receives the converted
    arguments in order and returns a number, text, a list, a 2-D list, a Series or a
    DataFrame (spilled with its header row). A user mistake raises an
    :class:`~oi_core.errors.OIFout`; anything else is a bug.
    """

    naam: str
    functie: Callable[..., Any]
    beschrijving: str
    argumenten: tuple[ExcelArgument, ...] = ()
    categorie: str = "Ongelijk investeren"
    voorbeeld: str = ""
    resultaat: str = ""
    plugin: str = ""
