"""All exceptions and warnings of the toolkit, in one place.

Every exception derives from :class:`OIFout` and carries a Dutch message meant for the
person who made the input: a controller in Excel, an analyst at the command line. The
message names the cell, column, row or area that is wrong. Anything that is *not* an
``OIFout`` is a bug in the toolkit, never a user mistake.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = [
    "Bevinding",
    "DataFout",
    "GebiedAmbigu",
    "GebiedFout",
    "GebiedOnbekend",
    "InterneFout",
    "InvoerFout",
    "MatchFout",
    "OIFout",
    "OIWaarschuwing",
    "PluginFout",
]


class OIFout(Exception):
    """Base class: a mistake in the input, explained in Dutch."""

    @property
    def melding(self) -> str:
        """The Dutch message, without the exception class."""
        return str(self)


@dataclass(frozen=True)
class Bevinding:
    """One problem in a table: where it is (sheet, row, column) and what is wrong."""

    melding: str
    rij: int | None = None
    kolom: str | None = None
    blad: str | None = None

    def __str__(self) -> str:
        plaats = [
            f"blad '{self.blad}'" if self.blad else "",
            f"rij {self.rij}" if self.rij is not None else "",
            f"kolom '{self.kolom}'" if self.kolom else "",
        ]
        waar = ", ".join(p for p in plaats if p)
        return f"{waar}: {self.melding}" if waar else self.melding


class DataFout(OIFout, ValueError):
    """A table (activity data, a user file) that does not pass validation.

    ``bevindingen`` lists every problem found, so a user can fix them all at once.
    """

    def __init__(self, bevindingen: Iterable[Bevinding | str], kop: str = "") -> None:
        self.bevindingen: tuple[Bevinding, ...] = tuple(
            b if isinstance(b, Bevinding) else Bevinding(b) for b in bevindingen
        )
        self.kop = kop or "De gegevens zijn niet geldig"
        regels = [f"- {b}" for b in self.bevindingen[:20]]
        if len(self.bevindingen) > 20:
            regels.append(f"- … en nog {len(self.bevindingen) - 20} bevindingen")
        super().__init__(f"{self.kop}:\n" + "\n".join(regels))


class MatchFout(DataFout):
    """Inzet and opgave cannot be matched (misaligned areas, zero opgave, negative inzet…)."""


class InvoerFout(OIFout, ValueError):
    """A single argument or cell is wrong (Excel function arguments, CLI options)."""

    def __init__(self, melding: str, *, argument: str | None = None, rij: int | None = None):
        self.argument = argument
        self.rij = rij
        waar = []
        if argument:
            waar.append(f"argument '{argument}'")
        if rij is not None:
            waar.append(f"rij {rij}")
        super().__init__(f"{', '.join(waar)}: {melding}" if waar else melding)


class GebiedFout(OIFout, KeyError):
    """An area name or code that cannot be resolved to exactly one area."""

    def __str__(self) -> str:  # KeyError would wrap the message in quotes
        return str(self.args[0]) if self.args else ""


class GebiedOnbekend(GebiedFout):
    """No area matches; ``suggesties`` holds the closest names."""

    def __init__(
        self, invoer: str, niveau: str | None, suggesties: Sequence[str], reden: str = ""
    ) -> None:
        self.invoer = invoer
        self.niveau = niveau
        self.suggesties = tuple(suggesties)
        op = f" op niveau {niveau}" if niveau else ""
        tip = f"Bedoelt u: {', '.join(self.suggesties)}?" if self.suggesties else ""
        delen = [f"Onbekend gebied '{invoer}'{op}.", reden, tip]
        super().__init__(" ".join(d for d in delen if d))


class GebiedAmbigu(GebiedFout):
    """More than one area matches; the toolkit never guesses."""

    def __init__(self, invoer: str, kandidaten: Sequence[str]) -> None:
        self.invoer = invoer
        self.kandidaten = tuple(kandidaten)
        super().__init__(
            f"Gebied '{invoer}' is niet eenduidig: het kan {' of '.join(self.kandidaten)} zijn. "
            "Geef een code of kies een niveau."
        )


class PluginFout(OIFout):
    """A plugin that cannot be loaded or that breaks the hook contract."""


class InterneFout(OIFout):
    """A defect in the toolkit or a plugin, caught at a surface (an Excel function) so the
    user sees a Dutch message instead of a traceback or an HTTP 500 that Excel retries.

    Not a user mistake: tests treat it as a failure. ``functie`` and ``plugin`` name where
    it happened, ``oorzaak`` the exception class.
    """

    reden = "interne_fout"

    def __init__(self, functie: str, plugin: str, oorzaak: BaseException) -> None:
        self.functie, self.plugin = functie, plugin
        self.oorzaak = type(oorzaak).__name__
        super().__init__(
            f"interne fout in {functie} (plugin '{plugin}', {self.oorzaak}); meld dit aan de "
            "beheerder van de plugin, met de invoer die u gaf"
        )


class OIWaarschuwing(UserWarning):
    """Something the user should know that does not stop the analysis."""
