"""Checks on registered Excel functions: names, signatures and Dutch help texts.

A name must work in both runtimes: the classic xlwings add-in (the Excel name is the
Python ``__name__``) and Office.js custom functions (xlwings Server, xlwings Lite), whose
function id allows only A–Z, 0–9, underscore and period, starts with a letter, has at
least three characters and must not be a cell reference (``A1``…``XFD1048576``,
``R1C1``…``R1048576C16384``). Periods are left out because a Python name cannot have
them. Descriptions and argument help are at most 255 characters (the add-in's limit).
"""

from __future__ import annotations

import inspect
import keyword
import re
from typing import get_args

from oi_core.check.bevinding import Controlebevinding, Ernst
from oi_core.check.taal import is_placeholder, looks_english
from oi_core.model.registratie import ArgumentSoort, ExcelArgument, ExcelFunctie

__all__ = ["MAX_LENGTE", "PREFIX", "check_excel_functie", "is_cell_reference", "name_problems"]

PREFIX = "OI_"
MAX_LENGTE = 255
_NAAM = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
_A1 = re.compile(r"^([A-Z]{1,3})([0-9]+)$")
_R1C1 = re.compile(r"^R([0-9]*)C([0-9]*)$")
_MAX_RIJ, _MAX_KOLOM = 1_048_576, 16_384
_SOORTEN = frozenset(get_args(ArgumentSoort))


def _column_number(letters: str) -> int:
    getal = 0
    for letter in letters:
        getal = getal * 26 + ord(letter) - ord("A") + 1
    return getal


def is_cell_reference(naam: str) -> bool:
    """True for names Excel reads as a cell: ``OI1``, ``XFD1048576``, ``R1C1``, ``RC``."""
    tekst = naam.upper()
    if m := _A1.match(tekst):
        return _column_number(m[1]) <= _MAX_KOLOM and 1 <= int(m[2]) <= _MAX_RIJ
    if m := _R1C1.match(tekst):
        rij, kolom = int(m[1] or 1), int(m[2] or 1)
        return 1 <= rij <= _MAX_RIJ and 1 <= kolom <= _MAX_KOLOM
    return False


def name_problems(naam: str) -> list[str]:
    """Why ``naam`` cannot be an Excel function name in both runtimes (empty when it can)."""
    if not _NAAM.match(naam):
        return [
            f"'{naam}' mag alleen letters, cijfers en _ bevatten en moet met een letter "
            "beginnen (klassieke add-in en Office.js)"
        ]
    uit = []
    if len(naam) < 3:
        uit.append(f"'{naam}' is korter dan 3 tekens (Office.js)")
    if len(naam) > MAX_LENGTE:
        uit.append(f"de naam is {len(naam)} tekens; het maximum is {MAX_LENGTE}")
    if is_cell_reference(naam):
        uit.append(f"'{naam}' is ook een celverwijzing; Excel kan die naam niet als functie lezen")
    if not naam.upper().startswith(PREFIX):
        uit.append(f"'{naam}' begint niet met {PREFIX} (afspraak voor alle OI-functies)")
        return uit
    return uit + _office_id_problems(naam[len(PREFIX) :])


def _office_id_problems(kort: str) -> list[str]:
    """In Office.js the function is ``OI.<kort>``: the id ``kort`` has the same rules."""
    waar = f"in Office.js heet de functie OI.{kort}: '{kort}'"
    if not kort[:1].isalpha():
        return [f"{waar} moet met een letter beginnen"]
    uit = []
    if len(kort) < 3:
        uit.append(f"{waar} is korter dan 3 tekens")
    if is_cell_reference(kort):
        uit.append(f"{waar} is een celverwijzing")
    return uit


def check_excel_functie(functie: ExcelFunctie) -> list[Controlebevinding]:
    """Every finding on one registered Excel function."""
    waar = f"Excel-functie {functie.naam}"

    def fout(melding: str, ernst: Ernst = Ernst.FOUT, argument: str = "") -> Controlebevinding:
        plek = f"{waar}, argument '{argument}'" if argument else waar
        return Controlebevinding(functie.plugin, "", plek, melding, ernst, controle="excel")

    uit = [fout(m) for m in name_problems(functie.naam)]
    uit += [fout(m, e) for m, e in _text_problems("de beschrijving", functie.beschrijving)]
    uit += [fout(m) for m in _signature_problems(functie)]
    uit += [fout(m, e) for m, e in _example_problems(functie)]
    for arg in functie.argumenten:
        uit += [fout(m, e, arg.naam) for m, e in _argument_problems(arg)]
    namen = [a.naam for a in functie.argumenten]
    uit += [
        fout(f"argument '{n}' komt meer dan eens voor")
        for n in sorted(set(namen))
        if namen.count(n) > 1
    ]
    return uit


def _text_problems(wat: str, tekst: str) -> list[tuple[str, Ernst]]:
    if not tekst.strip() or is_placeholder(tekst):
        return [(f"{wat} ontbreekt (Nederlands, voor de functiehulp in Excel)", Ernst.FOUT)]
    uit = []
    if len(tekst) > MAX_LENGTE:
        uit.append(
            (f"{wat} is {len(tekst)} tekens; Excel toont er hooguit {MAX_LENGTE}", Ernst.FOUT)
        )
    if looks_english(tekst):
        uit.append((f"{wat} lijkt Engels; schrijf Nederlands", Ernst.WAARSCHUWING))
    return uit


def _argument_problems(arg: ExcelArgument) -> list[tuple[str, Ernst]]:
    uit = _text_problems("de hulptekst", arg.beschrijving)
    if not arg.naam.isidentifier() or keyword.iskeyword(arg.naam):
        uit.append((f"'{arg.naam}' is geen geldige argumentnaam (letters, cijfers, _)", Ernst.FOUT))
    if arg.soort not in _SOORTEN:
        uit.append(
            (f"onbekende soort '{arg.soort}' (kies uit {', '.join(sorted(_SOORTEN))})", Ernst.FOUT)
        )
    return uit


def _signature_problems(functie: ExcelFunctie) -> list[str]:
    if not callable(functie.functie):
        return ["functie is niet aanroepbaar"]
    args = functie.argumenten
    verplicht = [a for a in args if not a.optioneel]
    eerste_optioneel = next((i for i, a in enumerate(args) if a.optioneel), len(args))
    uit = []
    if any(not a.optioneel for a in args[eerste_optioneel:]):
        uit.append(
            "een verplicht argument staat na een optioneel argument (Office.js staat dat niet toe)"
        )
    try:
        handtekening = inspect.signature(functie.functie)
    except (TypeError, ValueError):
        return uit
    try:  # the Excel layer always passes every argument, None for an omitted one
        handtekening.bind(*range(len(args)))
    except TypeError:
        uit.append(
            f"de Python-functie kan niet met {len(args)} argumenten worden aangeroepen "
            f"(zoveel zijn er gedeclareerd, waarvan {len(verplicht)} verplicht)"
        )
    return uit


def _example_problems(functie: ExcelFunctie) -> list[tuple[str, Ernst]]:
    uit = []
    voorbeeld = functie.voorbeeld.strip()
    if not voorbeeld:
        uit.append(("geen voorbeeld (bijvoorbeeld '=OI_…(A2:A9)')", Ernst.WAARSCHUWING))
    elif not voorbeeld.upper().startswith(f"={functie.naam.upper()}("):
        uit.append((f"het voorbeeld '{voorbeeld}' roept {functie.naam} niet aan", Ernst.FOUT))
    if not functie.resultaat.strip():
        uit.append(("niet beschreven wat de functie teruggeeft (resultaat)", Ernst.WAARSCHUWING))
    return uit
