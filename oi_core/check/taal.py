"""Small text heuristics: does a help text look English, is a description a placeholder.

Everything a person reads is Dutch. A reliable language detector is out of scope; this
counts frequent function words that exist in only one of the two languages, so a finding
based on it is a ``waarschuwing``, never a ``fout``.
"""

from __future__ import annotations

import re

__all__ = ["is_placeholder", "looks_english"]

_ENGELS_WOORDEN = """
the of and to for with are returns return value values area areas share shares compute
computes calculate calculates this that from by which each number numbers table total range
cell cells optional default input output should must be
"""
_NEDERLANDSE_WOORDEN = """
de het een en van voor op met naar zijn wordt worden als bij uit aan om te dat die niet
geen alle elke elk ten opzichte gebied gebieden aandeel inzet opgave waarde waarden geeft
berekent tussen tot door over ook deze dit welke aantal tabel getal getallen bereik cel
cellen optioneel standaard per
"""
_ENGELS = frozenset(_ENGELS_WOORDEN.split())
_NEDERLANDS = frozenset(_NEDERLANDSE_WOORDEN.split())
_WOORD = re.compile(r"[a-zà-ÿ]+")
_PLAATSHOUDER = re.compile(
    r"^(todo|tbd|fixme|xxx+|\.{2,}|…|-+|\?+|nvt|n\.v\.t\.?|leeg|invullen|"
    r"lorem ipsum.*|\(?invullen\)?|beschrijving|omschrijving)$",
    re.IGNORECASE,
)


def looks_english(tekst: str) -> bool:
    """True when a text has at least two English function words and more than Dutch ones."""
    woorden = _WOORD.findall(tekst.lower())
    engels = sum(w in _ENGELS for w in woorden)
    nederlands = sum(w in _NEDERLANDS for w in woorden)
    return engels >= 2 and engels > nederlands


def is_placeholder(tekst: str) -> bool:
    """True for texts such as 'TODO', '…', 'nvt' or 'invullen' that describe nothing."""
    return bool(_PLAATSHOUDER.match(tekst.strip()))
