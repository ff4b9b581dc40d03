"""Chapters beyond the activities, contributed by plugins through the report's hook.

A plugin declares an :class:`ExtraHoofdstuk` (key, title, a ``maak`` function and the
sentences the report needs about it); the report collects them with
:func:`extra_hoofdstukken`, builds each with :func:`maak_hoofdstukken` and places them
after the activities. The report itself holds no domain content.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

import pluggy

from oi_core.errors import InvoerFout
from oi_core.gebieden.indeling import Gebiedsindeling
from oi_core.model.registratie import ActiviteitRegistratie
from oi_core.plugins.hookspecs import hookimpl
from oi_core.plugins.isolatie import Uitkomst, guard
from oi_core.plugins.manager import call_per_plugin, get_plugin_manager
from oi_core.weergave.cellen import sheet_name
from oi_rapport import hookspecs
from oi_rapport.document import Blok

if TYPE_CHECKING:
    from oi_core.rekenen.analyse import Analyse

__all__ = [
    "ExtraHoofdstuk",
    "GemaaktHoofdstuk",
    "HoofdstukInhoud",
    "RegisterHoofdstuk",
    "extra_hoofdstukken",
    "kies",
    "maak_hoofdstukken",
    "report_analyses",
]


@dataclass(frozen=True)
class HoofdstukInhoud:
    """What a chapter's ``maak`` returns: its blocks and a machine-readable summary
    (shown under the chapter's key in ``oi rapport --json``)."""

    blokken: tuple[Blok, ...]
    samenvatting: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class ExtraHoofdstuk:
    """A chapter a plugin adds to the report.

    ``sleutel`` names it (HTML anchor, JSON key, ``oi rapport --zonder <sleutel>``);
    ``blad`` is its sheet (default: the title; made a valid, safe sheet name). ``intro`` is a
    sentence for the overview, ``bron`` one for *Over deze analyse*, ``formules`` rows
    (begrip, formule, toelichting) for its table of formulas.
    """

    sleutel: str
    titel: str
    maak: Callable[[Gebiedsindeling], HoofdstukInhoud]
    blad: str = ""
    maak_op: Callable[[Gebiedsindeling, Mapping[str, Analyse]], HoofdstukInhoud] | None = None
    """Optional: the chapter built on the report's analyses by activity code (the user's own
    data where ``oi rapport --data`` gave them); the report then uses it instead of ``maak``."""
    intro: str = ""
    bron: str = ""
    formules: tuple[tuple[str, str, str], ...] = ()

    @property
    def bladnaam(self) -> str:
        return sheet_name(self.blad or self.titel, reserve="Hoofdstuk")


@dataclass(frozen=True)
class GemaaktHoofdstuk:
    """A chapter with its content, ready for :func:`~oi_rapport.bouw.build_report`."""

    hoofdstuk: ExtraHoofdstuk
    inhoud: HoofdstukInhoud


class RegisterHoofdstuk(Protocol):
    """The ``register`` of ``register_rapport_hoofdstukken``."""

    def __call__(self, hoofdstuk: ExtraHoofdstuk) -> None: ...


class _Isolatie:
    """The core's fault-isolation wrapper (:mod:`oi_core.plugins.isolatie`) for the report's
    own hook, so a plugin that raises loses only its own chapters."""

    @hookimpl(wrapper=True, tryfirst=True)
    def register_rapport_hoofdstukken(self) -> Uitkomst:
        return (yield from guard("register_rapport_hoofdstukken"))


_ISOLATIE = "oi_rapport.isolatie"


def _with_specs(pm: pluggy.PluginManager) -> pluggy.PluginManager:
    caller = getattr(pm.hook, "register_rapport_hoofdstukken", None)
    if caller is None or caller.spec is None:
        pm.add_hookspecs(hookspecs)
    if not pm.has_plugin(_ISOLATIE):
        pm.register(_Isolatie(), name=_ISOLATIE)
    return pm


def extra_hoofdstukken(problemen: list[str] | None = None) -> dict[str, ExtraHoofdstuk]:
    """Every chapter the installed plugins register, by key (sorted).

    Each plugin's hook is called on its own (:func:`~oi_core.plugins.manager.call_per_plugin`),
    so a plugin that raises loses only its own chapters; the reason goes to ``problemen``
    (or is raised when no list is given).
    """
    gevonden: list[ExtraHoofdstuk] = []

    def register(hoofdstuk: ExtraHoofdstuk) -> None:
        if not isinstance(hoofdstuk, ExtraHoofdstuk):
            raise TypeError(f"{hoofdstuk!r} is geen ExtraHoofdstuk")
        gevonden.append(hoofdstuk)

    def melden(plugin: str, _hook: str, fout: BaseException) -> None:
        if problemen is None:
            raise fout
        problemen.append(
            f"Hoofdstukken van plugin '{plugin}': niet opgenomen ({type(fout).__name__}: {fout})"
        )

    pm = _with_specs(get_plugin_manager())
    call_per_plugin(pm, "register_rapport_hoofdstukken", lambda _: {"register": register}, melden)
    return {h.sleutel: h for h in sorted(gevonden, key=lambda h: h.sleutel)}


def kies(alle: Mapping[str, ExtraHoofdstuk], zonder: Iterable[str]) -> list[ExtraHoofdstuk]:
    """The chapters in ``alle`` except those named in ``zonder`` (each must exist)."""
    weg = set(zonder)
    onbekend = sorted(weg - set(alle))
    if onbekend:
        raise InvoerFout(
            f"hoofdstuk {', '.join(onbekend)} bestaat niet "
            f"(wel: {', '.join(alle) or 'geen extra hoofdstukken'})",
            argument="zonder",
        )
    return [h for k, h in alle.items() if k not in weg]


def maak_hoofdstukken(
    hoofdstukken: Sequence[ExtraHoofdstuk], indeling: Gebiedsindeling
) -> list[GemaaktHoofdstuk]:
    """Build every chapter on ``indeling``."""
    return [GemaaktHoofdstuk(h, h.maak(indeling)) for h in hoofdstukken]


def report_analyses(
    indeling: Gebiedsindeling, analyses: Mapping[str, Analyse] | None = None
) -> list[tuple[str, ActiviteitRegistratie, Analyse]]:
    """The activities a chapter covers, sorted by code, each with its analysis: those of the
    report (``analyses``, own data where given), else every installed activity on its
    built-in data."""
    from oi_core.plugins.manager import activiteiten

    alle = sorted(activiteiten().items())
    if analyses is None:
        return [(code, reg, reg.analyse(indeling=indeling)) for code, reg in alle]
    return [(code, reg, analyses[code]) for code, reg in alle if code in analyses]
