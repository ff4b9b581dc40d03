"""Declarative model of an activity: its indicators and its Resultatenketen.

Nothing here computes; the models describe *what* is measured so that validation,
analysis, Excel and the report can all read the same definition.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from oi_core.model.soorten import Aggregatie, Niveau, Richting, Rol, Vorm

__all__ = [
    "Activiteit",
    "Aggregatie",
    "Indicator",
    "Niveau",
    "OpgaveDefinitie",
    "Resultatenketen",
    "Richting",
    "Rol",
    "ScenarioInstelling",
    "Schakel",
    "Vorm",
]

Code = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Indicator(_Model):
    """One measured quantity, e.g. FTE street cleaners or % pupils at reading target."""

    code: Code
    naam: str = Field(min_length=1)
    eenheid: str = Field(min_length=1)
    richting: Richting
    rol: Rol
    bron: str = ""
    peiljaar: int | None = Field(default=None, ge=1900, le=2100)
    beschrijving: str = ""
    aggregatie: Aggregatie = Aggregatie.SOM
    gewicht: str | None = None
    """Weight for ``gewogen_gemiddelde``: ``inwoners``, ``inwoners_0_14`` or an indicator code."""
    kleur_zonder: tuple[str, ...] = ()
    """Areas (by name) left out of the average a report colours this indicator against, as
    the presentation does (e.g. ``("Centrum",)``); the legend names them."""
    steekproef: str | None = None
    """Optional: code of the indicator with the sample size per area (survey figures)."""
    marge: str | None = None
    """Optional: code of the indicator with the margin (95%) per area (survey figures)."""

    @model_validator(mode="after")
    def _gewicht_bij_gemiddelde(self) -> Self:
        if self.aggregatie is Aggregatie.GEWOGEN_GEMIDDELDE and not self.gewicht:
            raise ValueError(
                f"indicator '{self.code}': een gewogen gemiddelde heeft een gewicht nodig "
                "(bijvoorbeeld 'inwoners')"
            )
        return self


class Schakel(_Model):
    """One link of the Resultatenketen: what it means, and the indicators that measure it.

    A link without indicators is allowed, but only explicitly: its ``omschrijving``
    says what it is (doel and ambitie are often qualitative, e.g. "Schone straten").
    """

    omschrijving: str = Field(min_length=1)
    indicatoren: tuple[Indicator, ...] = ()

    @classmethod
    def leeg(cls, omschrijving: str) -> Schakel:
        """A link that is deliberately not measured; ``omschrijving`` says why or what."""
        return cls(omschrijving=omschrijving)


_SCHAKELS = (Rol.INZET, Rol.RESULTAAT, Rol.DOEL, Rol.AMBITIE)


class Resultatenketen(_Model):
    """inzet → resultaat → doel → ambitie, plus the opgave and context indicators."""

    inzet: Schakel
    resultaat: Schakel
    doel: Schakel
    ambitie: Schakel
    opgave: tuple[Indicator, ...] = Field(min_length=1)
    context: tuple[Indicator, ...] = ()

    @model_validator(mode="after")
    def _rollen_en_codes(self) -> Self:
        for rol in _SCHAKELS:
            for ind in getattr(self, rol.value).indicatoren:
                _check_rol(ind, rol)
        for ind in self.opgave:
            _check_rol(ind, Rol.OPGAVE)
        for ind in self.context:
            _check_rol(ind, Rol.CONTEXT)
        codes = [i.code for i in self.indicatoren()]
        dubbel = sorted({c for c in codes if codes.count(c) > 1})
        if dubbel:
            raise ValueError(f"indicatorcode komt meer dan eens voor: {', '.join(dubbel)}")
        return self

    def indicatoren(self) -> Iterator[Indicator]:
        """Every indicator, in chain order, then opgave and context."""
        for rol in _SCHAKELS:
            yield from getattr(self, rol.value).indicatoren
        yield from self.opgave
        yield from self.context

    def indicator(self, code: str) -> Indicator:
        """The indicator with this code; ``KeyError`` when the chain has none."""
        for ind in self.indicatoren():
            if ind.code == code:
                return ind
        raise KeyError(code)

    def codes(self) -> frozenset[str]:
        return frozenset(i.code for i in self.indicatoren())


def _check_rol(ind: Indicator, rol: Rol) -> None:
    if ind.rol is not rol:
        raise ValueError(
            f"indicator '{ind.code}' staat bij '{rol.value}' maar heeft rol '{ind.rol.value}'"
        )


class ScenarioInstelling(_Model):
    """What a scenario of an activity (``oi scenario``, the report's *Wat als?*) needs to
    know beyond its data: the unit of its amounts and the scenario the report shows.

    ``aandeel``: the inzet is a share of a total (% of the FTE, of the budget); a scenario
    then needs the total (``oi scenario --totaal``), or shows percentages of the total.
    ``afronding``: whole units to round to (1 fte, 100 m²). ``bevolking``: the population
    column used for a basisdeel and the spectrum (``inwoners`` or ``inwoners_0_14``).
    ``extra_deel``: for ``toevoegen``, the extra as a fraction of today's total.
    """

    eenheid: str = Field(min_length=1)
    """The amounts in words: ``fte``, ``m²``, ``euro``."""
    aandeel: bool = False
    totaal: float | None = Field(default=None, gt=0)
    """A known total for a share (e.g. the FTE of the whole service); else the user gives it."""
    afronding: float | None = Field(default=None, gt=0)
    bevolking: str = Field(default="inwoners", pattern=r"^inwoners(_0_14)?$")
    vorm: Vorm = Vorm.HERVERDELEN
    tempo: float | None = Field(default=0.05, gt=0, le=1)
    jaren: int = Field(default=3, ge=1, le=50)
    extra_deel: float = Field(default=0.0, ge=0)

    @model_validator(mode="after")
    def _vorm_van_scenario(self) -> Self:
        if self.vorm not in (Vorm.HERVERDELEN, Vorm.TOEVOEGEN):
            raise ValueError(f"een scenario kan herverdelen of toevoegen, niet '{self.vorm.value}'")
        if self.vorm is Vorm.TOEVOEGEN and self.extra_deel <= 0:
            raise ValueError("een scenario toevoegen heeft een extra_deel groter dan 0 nodig")
        return self


class OpgaveDefinitie(_Model):
    """An alternative definition of an activity's opgave, for the robustness of the signal.

    ``gewichten`` maps opgave or context indicator codes to weights; ``vorm`` ``som`` takes
    the weighted sum of their shares, ``product`` the product of the values raised to their
    weights (bad pavement × share of vulnerable inhabitants).
    """

    naam: str = Field(min_length=1)
    gewichten: dict[str, float] = Field(min_length=1)
    vorm: Literal["som", "product"] = "som"
    beschrijving: str = ""


class Activiteit(_Model):
    """A municipal activity analysed with the method (e.g. straatreiniging)."""

    code: Code
    naam: str = Field(min_length=1)
    afdeling: str = Field(min_length=1)
    beschrijving: str = ""
    keten: Resultatenketen
    niveau: Niveau
    """Default scale level of the analysis."""
    vormen: frozenset[Vorm] = frozenset()
    """Which of the five forms of unequal investing apply."""
    inzet_indicator: str | None = None
    """The inzet indicator used in the match; default the first inzet indicator."""
    opgave_indicator: str | None = None
    """The opgave indicator used in the match; default the first opgave indicator."""
    bron: str = ""
    """Source of the activity's figures; report parts without their own source take it."""
    peiljaar: int | None = Field(default=None, ge=1900, le=2100)
    """Reference year of the figures; report parts without their own year take it."""
    scenario: ScenarioInstelling | None = None
    """How scenarios of this activity are computed and shown (optional)."""
    opgave_alternatieven: tuple[OpgaveDefinitie, ...] = ()
    """Alternative definitions of the opgave the data allow (robustness of the signal)."""

    @model_validator(mode="after")
    def _alternatieven(self) -> Self:
        codes = self.keten.codes()
        for d in self.opgave_alternatieven:
            onbekend = sorted(set(d.gewichten) - codes)
            if onbekend:
                raise ValueError(
                    f"opgave '{d.naam}': onbekende indicator {', '.join(onbekend)} in de keten"
                )
        for ind in self.keten.indicatoren():
            for veld in ("steekproef", "marge"):
                code = getattr(ind, veld)
                if code is not None and code not in codes:
                    raise ValueError(
                        f"indicator '{ind.code}': {veld} '{code}' is geen indicator van de keten"
                    )
        return self

    @model_validator(mode="after")
    def _match_indicatoren(self) -> Self:
        if not self.keten.inzet.indicatoren:
            raise ValueError(f"activiteit '{self.code}': de inzet heeft minstens één indicator")
        for veld, rol in (("inzet_indicator", Rol.INZET), ("opgave_indicator", Rol.OPGAVE)):
            code = getattr(self, veld)
            if code is not None and self._rol_van(code) is not rol:
                raise ValueError(f"{veld} '{code}' is geen {rol.value}-indicator van de keten")
        return self

    def _rol_van(self, code: str) -> Rol | None:
        try:
            return self.keten.indicator(code).rol
        except KeyError:
            return None

    @property
    def match_inzet(self) -> Indicator:
        """The inzet indicator that step 3 (match) uses."""
        code = self.inzet_indicator or self.keten.inzet.indicatoren[0].code
        return self.keten.indicator(code)

    @property
    def match_opgave(self) -> Indicator:
        """The opgave indicator that step 3 (match) uses."""
        code = self.opgave_indicator or self.keten.opgave[0].code
        return self.keten.indicator(code)

    @property
    def herkomst(self) -> tuple[str, int | None]:
        """(bron, peiljaar) of the activity: its own, else those of the two match indicators
        (their distinct sources joined with "; ", the later reference year)."""
        indicatoren = (self.match_inzet, self.match_opgave)
        bron = self.bron or "; ".join(dict.fromkeys(i.bron for i in indicatoren if i.bron))
        jaren = [i.peiljaar for i in indicatoren if i.peiljaar is not None]
        return bron, self.peiljaar or (max(jaren) if jaren else None)
