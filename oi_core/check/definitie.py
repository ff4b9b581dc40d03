"""Checks on an activity's definition: its Resultatenketen and indicators.

The pydantic model already refuses most incomplete definitions when a plugin is imported;
these checks re-validate (a model built with ``model_construct`` skips validation) and add
what a model cannot know: placeholders, missing sources, and aggregation rules that would
give a silently wrong number.
"""

from __future__ import annotations

import re

from pydantic import ValidationError

from oi_core.check.bevinding import Controlebevinding, Ernst
from oi_core.check.taal import is_placeholder, looks_english
from oi_core.model.activiteit import Activiteit, Aggregatie, Indicator
from oi_core.model.registratie import ActiviteitRegistratie

__all__ = ["AANDEEL_EENHEDEN", "check_definitie", "is_aandeel"]

AANDEEL_EENHEDEN = (
    "% van totaal",
    "% van het totaal",
    "% v/h totaal",
    "% van het totale …",
    "% van het stedelijk …",
)
"""How a share indicator is declared: its eenheid starts with one of these (… = free text).

A share is the split of a total over the areas, in percent: per year and level the values
add up to 100 (within rounding), and a coarser area's share is the sum of its parts
(``Aggregatie.SOM``). Examples: ``% van totaal``, ``% van het totale projectbudget
2025–2028``, ``% van het stedelijk verharde oppervlak``. Not a share: ``% van de inwoners``
or ``% van het verharde oppervlak van het stadsdeel`` (a rate within each area).
"""
_AANDEEL = re.compile(
    r"^% (van totaal|van het totaal|v/h totaal|van het totale |van het stedelijk )"
)

_SCHAKELS = ("inzet", "resultaat", "doel", "ambitie")
_VERHOUDING = re.compile(r"%|‰|\bper\b|gemiddeld|cijfer\b|\bindex\b", re.IGNORECASE)


def is_aandeel(indicator: Indicator) -> bool:
    """True when the indicator is declared as a share (see :data:`AANDEEL_EENHEDEN`)."""
    eenheid = " ".join(indicator.eenheid.lower().split())
    return bool(_AANDEEL.match(eenheid)) or eenheid in {"% van totaal", "% van het totaal"}


def check_definitie(reg: ActiviteitRegistratie) -> list[Controlebevinding]:
    """Every finding on the definition of one registered activity."""
    activiteit = reg.activiteit
    if not isinstance(activiteit, Activiteit):
        return [_finding(reg, "activiteit", f"{activiteit!r} is geen Activiteit")]
    try:
        Activiteit.model_validate(activiteit.model_dump())
    except ValidationError as fout:
        return [_finding(reg, _location(e["loc"]), e["msg"]) for e in fout.errors()]
    bevindingen = _check_texts(reg, activiteit)
    bevindingen += _check_schakels(reg, activiteit)
    for ind in activiteit.keten.indicatoren():
        bevindingen += _check_indicator(reg, activiteit, ind)
    return bevindingen


def _finding(
    reg: ActiviteitRegistratie, waar: str, melding: str, ernst: Ernst = Ernst.FOUT
) -> Controlebevinding:
    code = getattr(reg.activiteit, "code", "?")
    return Controlebevinding(reg.plugin, str(code), waar, melding, ernst, controle="definitie")


def _location(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(d) for d in loc) or "activiteit"


def _check_texts(reg: ActiviteitRegistratie, a: Activiteit) -> list[Controlebevinding]:
    w = Ernst.WAARSCHUWING
    uit = []
    if not a.beschrijving:
        uit.append(_finding(reg, "beschrijving", "de activiteit heeft geen beschrijving", w))
    elif looks_english(a.beschrijving):
        uit.append(_finding(reg, "beschrijving", "de beschrijving lijkt Engels", w))
    if not a.vormen:
        uit.append(
            _finding(reg, "vormen", "geen vorm van ongelijk investeren opgegeven (vormen)", w)
        )
    for veld in ("naam", "afdeling"):
        if is_placeholder(getattr(a, veld)):
            uit.append(_finding(reg, veld, f"'{getattr(a, veld)}' is een plaatshouder"))
    return uit


def _check_schakels(reg: ActiviteitRegistratie, a: Activiteit) -> list[Controlebevinding]:
    uit = []
    for naam in _SCHAKELS:
        schakel = getattr(a.keten, naam)
        if is_placeholder(schakel.omschrijving):
            uit.append(
                _finding(
                    reg,
                    f"keten.{naam}",
                    f"de omschrijving '{schakel.omschrijving}' is een plaatshouder: zeg wat "
                    f"de {naam} is, ook als die (nog) niet gemeten wordt (Schakel.leeg)",
                )
            )
    return uit


def _check_indicator(
    reg: ActiviteitRegistratie, a: Activiteit, ind: Indicator
) -> list[Controlebevinding]:
    waar = f"indicator '{ind.code}'"
    uit = [_finding(reg, waar, m) for m in _aggregation_problems(a, ind)]
    if is_placeholder(ind.eenheid):
        uit.append(_finding(reg, waar, f"de eenheid '{ind.eenheid}' is een plaatshouder"))
    if not (ind.bron or a.bron):
        uit.append(
            _finding(reg, waar, "geen bron (bij de indicator of de activiteit)", Ernst.WAARSCHUWING)
        )
    if ind.peiljaar is None and a.peiljaar is None:
        uit.append(
            _finding(
                reg, waar, "geen peiljaar (bij de indicator of de activiteit)", Ernst.WAARSCHUWING
            )
        )
    return uit


def _aggregation_problems(a: Activiteit, ind: Indicator) -> list[str]:
    """Aggregation rules that would produce a wrong number for a coarser area."""
    if is_aandeel(ind):
        if ind.aggregatie is Aggregatie.GEWOGEN_GEMIDDELDE:
            return ["een aandeel (% van totaal) telt op: gebruik aggregatie 'som' of 'geen'"]
        return []
    if ind.aggregatie is Aggregatie.SOM and _VERHOUDING.search(ind.eenheid):
        return [
            f"eenheid '{ind.eenheid}' is een percentage of verhoudingsgetal en mag niet "
            "worden opgeteld: gebruik aggregatie 'gewogen_gemiddelde' (met gewicht) of "
            "'geen'; een aandeel van het totaal declareer je met eenheid '% van totaal'"
        ]
    bekend = {"inwoners", "inwoners_0_14", *a.keten.codes()}
    if ind.gewicht == ind.code:
        return ["een indicator kan niet zijn eigen gewicht zijn"]
    if ind.gewicht is not None and ind.gewicht not in bekend:
        return [f"gewicht '{ind.gewicht}' is geen inwonertal en geen indicator van de keten"]
    return []
