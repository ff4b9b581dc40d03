"""A persistent, content-addressed cache of drawn figures (SVG, and PNG for maps).

Drawing is most of a report's time, and most reports draw the same figures again (the
embedded data, or the same own data a second time). A figure is stored under the SHA-256
of everything that decides how it looks:

- the whole :class:`~oi_rapport.document.Grafiek` (key, caption, level and the
  :class:`~oi_core.Figuur` with its data frame), pickled, with every table by its content
  (not by its memory layout, see :class:`_Inhoud`);
- the drawing code (the source of ``figuren.py``, ``kaart.py``, ``geo.py``, ``opmaak.py``
  and this module) and the style;
- the versions of Python, matplotlib, numpy, pandas and Pillow;
- matplotlib's font list (its cache file: size and time), which decides the fonts used;
- for a map: the embedded GeoJSON of its level and the names and places of the areas.

So a changed figure, drawing code, library or font gets a new key and is drawn again: a
cached figure is never stale, it can only be missing. A figure that could not be drawn
is not stored. Entries are written atomically (temporary file, then rename); the oldest
are removed when the cache holds more than :data:`MAX_BESTANDEN` files.

Where: ``OI_FIGUURCACHE`` (a folder; ``uit`` or ``0`` switches the cache off), else
``$XDG_CACHE_HOME/oi-rapport/figuren`` (usually ``~/.cache/oi-rapport/figuren``). A cache
that cannot be read or written is ignored: the figures are then simply drawn.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import pickle
import platform
import sys
from dataclasses import dataclass
from functools import cache
from importlib import metadata, resources
from pathlib import Path

import pandas as pd

from oi_core.gebieden.indeling import Gebiedsindeling
from oi_rapport.document import Grafiek
from oi_rapport.geo import GEO_BESTANDEN

__all__ = ["MAX_BESTANDEN", "FiguurCache", "Getekend", "cache_folder"]

MAX_BESTANDEN = 4000
"""At most this many files (about 2,000 figures); past it the oldest half is removed."""

_UIT = ("uit", "0", "nee", "off")


@dataclass(frozen=True)
class Getekend:
    """One drawn figure: its SVG (for the HTML) and, for a map, a PNG (for Excel)."""

    sleutel: str
    svg: str
    png: bytes | None = None
    gelukt: bool = True
    """False for the note that a figure could not be drawn (never cached)."""


def cache_folder() -> Path | None:
    """The cache folder, or None when ``OI_FIGUURCACHE`` switches the cache off."""
    eigen = os.environ.get("OI_FIGUURCACHE")
    if eigen is not None:
        return None if eigen.strip().lower() in (*_UIT, "") else Path(eigen)
    basis = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(basis) / "oi-rapport" / "figuren"


class FiguurCache:
    """Look up and store drawn figures by content (see the module)."""

    def __init__(self, map_: Path | None, indeling: Gebiedsindeling | None = None) -> None:
        self.map_, self.indeling = map_, indeling
        self.nieuw = 0

    @classmethod
    def standaard(cls, indeling: Gebiedsindeling | None = None) -> FiguurCache:
        return cls(cache_folder(), indeling)

    def sleutel(self, grafiek: Grafiek) -> str | None:
        """The content key of a figure, or None when it cannot be made (then: draw)."""
        if self.map_ is None:
            return None
        try:
            inhoud = _content(grafiek)
        except Exception:  # an unpicklable figure is simply drawn every time
            return None
        h = hashlib.sha256(_omgeving())
        h.update(inhoud)
        if grafiek.figuur.soort == "kaart":
            h.update(_kaartgegevens(grafiek, self.indeling))
        return h.hexdigest()

    def zoek(self, sleutel: str | None, grafiek: Grafiek) -> Getekend | None:
        """The stored figure, or None (not stored, incomplete or unreadable)."""
        if sleutel is None or self.map_ is None:
            return None
        svg, png = self.map_ / f"{sleutel}.svg", self.map_ / f"{sleutel}.png"
        try:
            tekst = svg.read_text(encoding="utf-8")
            beeld = png.read_bytes() if grafiek.figuur.soort == "kaart" else None
            os.utime(svg)  # recently used: kept longest
        except OSError:
            return None
        return Getekend(grafiek.sleutel, tekst, beeld)

    def bewaar(self, sleutel: str | None, getekend: Getekend) -> None:
        """Store a drawn figure; the PNG first, so a present SVG means a complete entry."""
        if sleutel is None or self.map_ is None or not getekend.gelukt:
            return
        with contextlib.suppress(OSError):
            self.map_.mkdir(parents=True, exist_ok=True)
            if getekend.png is not None:
                _atomair(self.map_ / f"{sleutel}.png", getekend.png)
            _atomair(self.map_ / f"{sleutel}.svg", getekend.svg.encode("utf-8"))
            self.nieuw += 1

    def opruimen(self) -> None:
        """Past :data:`MAX_BESTANDEN` files, remove the least recently used half."""
        if self.map_ is None or not self.nieuw:
            return
        with contextlib.suppress(OSError):
            bestanden = list(self.map_.iterdir())
            if len(bestanden) <= MAX_BESTANDEN:
                return
            bestanden.sort(key=lambda p: p.stat().st_mtime)
            for pad in bestanden[: len(bestanden) - MAX_BESTANDEN // 2]:
                pad.unlink(missing_ok=True)


def _content(obj: object) -> bytes:
    """``obj`` pickled, with every pandas object in it by its content (:class:`_Inhoud`)."""
    buffer = io.BytesIO()
    _Inhoud(buffer).dump(obj)
    return buffer.getvalue()


class _Inhoud(pickle.Pickler):
    """Pickles a figure for its key, with a table or series by what it holds (type, name,
    columns, dtypes, index, values, ``attrs``) instead of by its memory layout: a copy or a
    pickle round trip (a chapter built in a second process) can change that layout, and
    then the same figure would get another key and be drawn again."""

    def __init__(self, uit: io.BytesIO) -> None:
        super().__init__(uit, protocol=5)
        self.fast = True  # no memo: whether two equal values are one object or two is no content

    def persistent_id(self, obj: object) -> tuple[str, str] | None:
        if isinstance(obj, pd.DataFrame | pd.Series):
            return ("pandas", _pandas_digest(obj))
        return None


def _pandas_digest(obj: pd.DataFrame | pd.Series) -> str:
    tabel = obj.to_frame() if isinstance(obj, pd.Series) else obj
    vorm = (
        type(obj).__name__,
        getattr(obj, "name", None),
        list(tabel.columns),
        [str(t) for t in tabel.dtypes],
        tabel.index.name,
        str(tabel.index.dtype),
    )
    h = hashlib.sha256(repr(vorm).encode())
    h.update(pd.util.hash_pandas_object(tabel, index=True).to_numpy().tobytes())
    h.update(_content(dict(obj.attrs)))
    return h.hexdigest()


def _atomair(pad: Path, inhoud: bytes) -> None:
    tijdelijk = pad.with_name(f".{pad.name}.{os.getpid()}.tmp")
    tijdelijk.write_bytes(inhoud)
    os.replace(tijdelijk, pad)


_CODE = ("figuren.py", "kaart.py", "geo.py", "opmaak.py", "figuurcache.py")
_KERN_CODE = ("rekenen/kleuring.py", "weergave/tekst.py", "weergave/kolommen.py")
"""The core's modules whose constants and wording end up in a drawing (colour classes,
symbols, legend words, number format, column headers)."""
_PAKKETTEN = ("matplotlib", "numpy", "oi-core", "pandas", "pillow")


@cache
def _omgeving() -> bytes:
    """Everything outside the figure that decides how it is drawn, as one digest."""
    from oi_rapport.figuren import STIJL

    h = hashlib.sha256(b"oi-figuurcache 1\0" + sys.version.encode() + platform.machine().encode())
    hier = Path(__file__).resolve().parent
    for naam in _CODE:
        h.update((hier / naam).read_bytes())
    kern = resources.files("oi_core")
    for naam in _KERN_CODE:
        h.update(kern.joinpath(naam).read_bytes())
    h.update(repr(sorted(STIJL.items())).encode())
    for pakket in _PAKKETTEN:
        h.update(f"{pakket}={_versie(pakket)}\0".encode())
    for lijst in sorted(_matplotlib_cache().glob("fontlist-*.json")):
        stat = lijst.stat()
        h.update(f"{lijst.name}:{stat.st_size}:{stat.st_mtime_ns}\0".encode())
    return h.digest()


def _versie(pakket: str) -> str:
    try:
        return metadata.version(pakket)
    except metadata.PackageNotFoundError:
        return "-"


def _matplotlib_cache() -> Path:
    """matplotlib's cache folder, found as matplotlib finds it (without importing it)."""
    eigen = os.environ.get("MPLCONFIGDIR")
    if eigen:
        return Path(eigen)
    basis = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(basis) / "matplotlib"


def _kaartgegevens(grafiek: Grafiek, indeling: Gebiedsindeling | None) -> bytes:
    """A map also depends on the shapes of its level and the names and places of the areas."""
    delen = [str(grafiek.niveau).encode()]
    if grafiek.niveau in GEO_BESTANDEN:
        delen.append(_geojson(GEO_BESTANDEN[grafiek.niveau]))
        if indeling is not None:
            tabel = indeling.table(grafiek.niveau)[["naam", "lon", "lat"]]
            delen.append(pickle.dumps(tabel, protocol=5))
    return hashlib.sha256(b"\0".join(delen)).digest()


@cache
def _geojson(bestand: str) -> bytes:
    pad = resources.files("oi_core.gebieden") / "data" / "geo" / bestand
    return hashlib.sha256(pad.read_bytes()).digest()
