"""``oi rapport --pdf``: the HTML report printed by headless Chromium into a paginated PDF.

Chromium (Debian's ``chromium``) prints with its own command line option
``--print-to-pdf``: no Python browser package and no downloaded browser. The page numbers
come from the report's print CSS (``@page`` margin boxes with ``counter(page)``), the
bookmarks from ``--generate-pdf-document-outline`` (one per heading). The table of
contents gets its page numbers in two passes: the first print is read back with
:mod:`pypdf` (the page of each chapter's bookmark), the numbers are written into the
contents (``span.pagina``) and the page is printed again. Why this and not Playwright:
``docs/rapport/index.md``.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any

from oi_core.errors import InvoerFout
from oi_rapport.document import Rapport

if TYPE_CHECKING:
    from pypdf import PdfReader

__all__ = ["PROGRAMMAS", "chapter_pages", "find_chromium", "print_pdf", "report_pdf"]

PROGRAMMAS = ("chromium", "chromium-browser", "google-chrome")
"""Program names tried, in order (``OI_CHROMIUM`` names another)."""
_WACHTTIJD = 180
_PAGINA = re.compile(r'(<span class="pagina" data-sectie="([^"]+)">)(</span>)')


def find_chromium() -> str:
    """The Chromium program, or a Dutch error that says how to install it."""
    eigen = os.environ.get("OI_CHROMIUM")
    for naam in ([eigen] if eigen else []) + list(PROGRAMMAS):
        pad = shutil.which(naam)
        if pad:
            return pad
    raise InvoerFout(
        "voor een PDF is Chromium nodig, en dat is niet gevonden. Installeer het "
        "(Debian/Ubuntu: apt-get install -y chromium) of noem het programma in OI_CHROMIUM",
        argument="pdf",
    )


def report_pdf(html: str, rapport: Rapport, chromium: str | None = None) -> bytes:
    """The report as a PDF: page numbers, bookmarks, and page numbers in the contents."""
    programma = chromium or find_chromium()
    eerste = print_pdf(html, programma)
    paginas = chapter_pages(eerste, _headings(rapport))
    if not paginas:
        return eerste
    return print_pdf(_with_pages(html, paginas), programma)


def _headings(rapport: Rapport) -> list[tuple[str, str]]:
    """(key, heading text) of every chapter, in order, as the HTML writes its ``h2``."""
    return [
        (s.sleutel, f"{s.titel} in het kort" if s.voorpagina is not None else s.titel)
        for s in rapport.secties
    ]


def _with_pages(html: str, paginas: Mapping[str, int]) -> str:
    def vul(m: re.Match[str]) -> str:
        pagina = paginas.get(m.group(2))
        return f"{m.group(1)}{pagina if pagina is not None else ''}{m.group(3)}"

    return _PAGINA.sub(vul, html)


def chapter_pages(pdf: bytes, koppen: Sequence[tuple[str, str]]) -> dict[str, int]:
    """The page (from 1) of each chapter, from the PDF's bookmarks: the bookmarks are
    read in order and each heading is looked for after the previous one's."""
    from pypdf import PdfReader  # only with --pdf: not at every start

    lezer = PdfReader(BytesIO(pdf))
    bladwijzers = list(_flatten(lezer, lezer.outline))
    uit: dict[str, int] = {}
    i = 0
    for sleutel, kop in koppen:
        gevonden = next((j for j in range(i, len(bladwijzers)) if bladwijzers[j][0] == kop), None)
        if gevonden is not None:
            uit[sleutel] = bladwijzers[gevonden][1] + 1
            i = gevonden + 1
    return uit


def _flatten(lezer: PdfReader, items: Any) -> Any:
    for item in items:
        if isinstance(item, list):
            yield from _flatten(lezer, item)
        else:
            pagina = lezer.get_destination_page_number(item)
            yield " ".join(str(item.title).split()), pagina


def print_pdf(html: str, chromium: str) -> bytes:
    """Print one HTML document with headless Chromium; a Dutch error when it fails."""
    with tempfile.TemporaryDirectory(prefix="oi-pdf-") as map_:
        bron, doel = Path(map_) / "rapport.html", Path(map_) / "rapport.pdf"
        bron.write_text(html, encoding="utf-8")
        opdracht = [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={Path(map_) / 'profiel'}",
            "--no-pdf-header-footer",
            "--generate-pdf-document-outline",
            f"--print-to-pdf={doel}",
            bron.as_uri(),
        ]
        _run(opdracht)
        if not doel.is_file() or doel.stat().st_size == 0:
            raise InvoerFout("Chromium heeft geen PDF gemaakt", argument="pdf")
        return doel.read_bytes()


def _run(opdracht: list[str]) -> None:
    """Run Chromium in its own process group, so that it and its helpers end together,
    also when it hangs (after :data:`_WACHTTIJD` seconds)."""
    proces = subprocess.Popen(
        opdracht,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        proces.wait(timeout=_WACHTTIJD)
    except subprocess.TimeoutExpired:
        raise InvoerFout(
            f"Chromium gaf na {_WACHTTIJD} seconden nog geen PDF", argument="pdf"
        ) from None
    finally:
        with contextlib.suppress(ProcessLookupError):  # helpers left behind end too
            os.killpg(proces.pid, signal.SIGKILL)
        proces.wait()
