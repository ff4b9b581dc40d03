"""Scaffolding a plugin distribution from the templates in ``plugin/`` (package data).

Template paths and contents use tokens such as ``__OI_PAKKET__``; a path part starting
with ``dot-`` becomes a dotfile (``dot-github`` → ``.github``) and the suffix ``.sjabloon``
is dropped (so ruff, mypy and pytest never mistake a template for code). The plugin is
written to a temporary folder next to its destination and renamed into place, so an
existing folder is never touched and a failure leaves nothing half-written.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path, PurePosixPath

from oi_core.errors import InvoerFout

__all__ = ["PluginNamen", "scaffold", "template_files"]

ACHTERVOEGSEL = ".sjabloon"
_NAAM = re.compile(r"^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$")


@dataclass(frozen=True)
class PluginNamen:
    """Every name a new plugin needs, derived from one activity name such as ``sport-en-bos``."""

    code: str
    titel: str
    afdeling: str

    @classmethod
    def from_name(cls, naam: str, titel: str | None = None, afdeling: str = "") -> PluginNamen:
        """Validate ``naam`` (Dutch error) and derive the code; ``oi-`` in front is dropped."""
        kaal = naam.strip().lower().removeprefix("oi-").removeprefix("oi_")
        if not _NAAM.match(kaal) or len(kaal) > 60:
            raise InvoerFout(
                f"'{naam}' is geen geldige pluginnaam: gebruik kleine letters, cijfers en "
                "- of _, beginnend met een letter (bijvoorbeeld 'sportvoorzieningen')",
                argument="NAAM",
            )
        code = kaal.replace("-", "_")
        return cls(
            code=code,
            titel=(titel or code.replace("_", " ").capitalize()).strip(),
            afdeling=afdeling.strip() or "Gemeente Amsterdam",
        )

    @property
    def pakket(self) -> str:
        return f"oi_{self.code}"

    @property
    def distributie(self) -> str:
        return f"oi-{self.code.replace('_', '-')}"

    @property
    def functie(self) -> str:
        return f"OI_{self.code.upper()}_INDEX"

    def tokens(self, core_versie: str | None = None) -> dict[str, str]:
        eis = f">={core_versie}" if core_versie and core_versie[0].isdigit() else ""
        return {
            "__OI_PAKKET__": self.pakket,
            "__OI_DISTRIBUTIE__": self.distributie,
            "__OI_CODE__": self.code,
            "__OI_TITEL__": self.titel.replace('"', "'"),
            "__OI_AFDELING__": self.afdeling.replace('"', "'"),
            "__OI_FUNCTIE__": self.functie,
            "__OI_CORE_EIS__": eis,
        }


def _fill(tekst: str, tokens: dict[str, str]) -> str:
    for token, waarde in tokens.items():
        tekst = tekst.replace(token, waarde)
    return tekst


def _target(relatief: PurePosixPath, tokens: dict[str, str]) -> PurePosixPath:
    delen = [_fill(deel, tokens) for deel in relatief.parts]
    delen = ["." + d.removeprefix("dot-") if d.startswith("dot-") else d for d in delen]
    delen[-1] = delen[-1].removesuffix(ACHTERVOEGSEL)
    return PurePosixPath(*delen)


def template_files() -> Iterator[tuple[PurePosixPath, Traversable]]:
    """Every template file with its path relative to the template root."""

    def lopen(map_: Traversable, pad: PurePosixPath) -> Iterator[tuple[PurePosixPath, Traversable]]:
        for kind in sorted(map_.iterdir(), key=lambda k: k.name):
            if kind.name == "__pycache__":
                continue
            if kind.is_dir():
                yield from lopen(kind, pad / kind.name)
            else:
                yield pad / kind.name, kind

    yield from lopen(resources.files(__name__) / "plugin", PurePosixPath())


def scaffold(namen: PluginNamen, map_: Path, core_versie: str | None = None) -> Path:
    """Write a new plugin distribution into ``map_/oi-<naam>`` and return that folder.

    Raises :class:`InvoerFout` when the folder already exists; nothing is overwritten.
    """
    doel = Path(map_) / namen.distributie
    if doel.exists():
        raise InvoerFout(
            f"'{doel}' bestaat al; kies een andere naam of map (er wordt niets overschreven)",
            argument="--map",
        )
    doel.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = Path(tempfile.mkdtemp(prefix=f".{namen.distributie}-", dir=doel.parent))
    try:
        _write_all(tijdelijk, namen.tokens(core_versie))
        if doel.exists():  # appeared meanwhile: still never overwrite
            raise InvoerFout(f"'{doel}' bestaat al", argument="--map")
        tijdelijk.rename(doel)
    except BaseException:
        shutil.rmtree(tijdelijk, ignore_errors=True)
        raise
    return doel


def _write_all(map_: Path, tokens: dict[str, str]) -> None:
    for relatief, bron in template_files():
        pad = map_ / _target(relatief, tokens)
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_text(_fill(bron.read_text(encoding="utf-8"), tokens), encoding="utf-8")
