"""Matching area names as people write them: abbreviations, slashes, ampersands.

A name is reduced to tokens: lower case, accents removed, split on spaces, ``/``, ``,``,
``-``, ``&``; the word ``en`` is dropped, so "Geuzenveld & Slotermeer",
"Geuzenveld/Slotermeer" and "Geuzenveld, Slotermeer" are the same name. A token that ends
in a dot ("B.", "Haveng.") or is a single letter within a longer name ("N-West") is an
abbreviation and matches any token it starts; every other token must match exactly and
the token count must agree. A lone letter ("F") is never an abbreviation: it is a code.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Sequence

__all__ = ["abbreviation_matches", "close_matches", "name_key", "tokens"]

_TOKEN = re.compile(r"[a-z0-9]+\.?")
_STOPWORDS = frozenset({"en"})


def tokens(naam: str) -> tuple[str, ...]:
    """The comparable tokens of a name; abbreviations keep their trailing dot."""
    plat = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode().lower()
    return tuple(t for t in _TOKEN.findall(plat) if t.rstrip(".") not in _STOPWORDS)


def name_key(naam: str) -> str:
    """Exact-match key: the tokens without abbreviation dots, joined by spaces."""
    return " ".join(t.rstrip(".") for t in tokens(naam))


def _abbreviations(query: tuple[str, ...]) -> list[bool]:
    return [t.endswith(".") or (len(t) == 1 and len(query) > 1) for t in query]


def _token_matches(query: str, target: str, afkorting: bool) -> bool:
    if afkorting:
        return target.startswith(query.rstrip("."))
    return query == target.rstrip(".")


def has_abbreviation(naam: str) -> bool:
    return any(_abbreviations(tokens(naam)))


def abbreviation_matches(naam: str, kandidaten: Iterable[tuple[str, str]]) -> list[str]:
    """Codes of ``kandidaten`` (code, name) whose name the abbreviated ``naam`` fits."""
    query = tokens(naam)
    afkortingen = _abbreviations(query)
    gevonden = []
    for code, kandidaat in kandidaten:
        doel = tokens(kandidaat)
        if len(doel) == len(query) and all(map(_token_matches, query, doel, afkortingen)):
            gevonden.append(code)
    return gevonden


def close_matches(naam: str, namen: Sequence[str], n: int = 3) -> list[str]:
    """Up to ``n`` names from ``namen`` that look most like ``naam`` (for suggestions)."""
    sleutels = {name_key(x): x for x in namen}
    beste = difflib.get_close_matches(name_key(naam), list(sleutels), n=n, cutoff=0.6)
    return [sleutels[b] for b in beste]
