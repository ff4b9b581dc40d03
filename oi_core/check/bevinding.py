"""What a check reports: one finding, a performed check, and the whole report."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

__all__ = ["Controle", "Controlebevinding", "Controleverslag", "Ernst"]


class Ernst(StrEnum):
    """How bad a finding is: a ``fout`` always fails, a ``waarschuwing`` only with --strict."""

    FOUT = "fout"
    WAARSCHUWING = "waarschuwing"


@dataclass(frozen=True)
class Controlebevinding:
    """One problem found by a check, with the plugin, activity and place it concerns.

    ``activiteit`` is empty for problems of the plugin itself (loading, hooks, Excel
    functions); ``waar`` says where exactly (``gegevens, rij 3, kolom 'gebied'``,
    ``keten.resultaat``, ``Excel-functie OI_X``); ``controle`` names the check.
    """

    plugin: str
    activiteit: str
    waar: str
    melding: str
    ernst: Ernst = Ernst.FOUT
    controle: str = ""

    def __str__(self) -> str:
        onderwerp = f"{self.plugin}/{self.activiteit}" if self.activiteit else self.plugin
        waar = f" ({self.waar})" if self.waar else ""
        return f"[{self.ernst.value}] {onderwerp}{waar}: {self.melding}"

    def telt(self, strikt: bool = False) -> bool:
        """Whether this finding fails the check (warnings only when ``strikt``)."""
        return self.ernst is Ernst.FOUT or strikt


@dataclass(frozen=True)
class Controle:
    """One check performed on one subject (a plugin, activity or Excel function)."""

    naam: str
    plugin: str
    onderwerp: str
    bevindingen: tuple[Controlebevinding, ...] = ()

    def geslaagd(self, strikt: bool = False) -> bool:
        return not any(b.telt(strikt) for b in self.bevindingen)


@dataclass(frozen=True)
class Controleverslag:
    """All checks of one run, in the order they were performed."""

    controles: tuple[Controle, ...]

    def __iter__(self) -> Iterator[Controle]:
        return iter(self.controles)

    def bevindingen(self) -> list[Controlebevinding]:
        return [b for c in self.controles for b in c.bevindingen]

    def aantal(self, ernst: Ernst) -> int:
        return sum(1 for b in self.bevindingen() if b.ernst is ernst)

    def geslaagd(self, strikt: bool = False) -> bool:
        return all(c.geslaagd(strikt) for c in self.controles)

    def plugins(self) -> list[str]:
        return sorted({c.plugin for c in self.controles})

    def voor(self, plugins: Iterable[str]) -> Controleverslag:
        """Only the checks of the named plugins."""
        namen = set(plugins)
        return Controleverslag(tuple(c for c in self.controles if c.plugin in namen))
