"""Making the report end to end: read, analyse, build, render, write.

Everything is read, checked, analysed and rendered in memory first; only then are the two
files written. A mistake in the input therefore never leaves a half report, and an existing
report is replaced only with ``overschrijf``: otherwise the next free name is taken
(``ongelijk-investeren (2).xlsx`` and ``… (2).html``, always as a pair).

The pair is written by :func:`oi_core.invoer.bestanden.write_pair`, so that the xlsx and
the html always belong to one run:

1. both files are written to hidden temporary files in the target folder
   (``.<naam>.xlsx.<pid>.oi-tmp``) and flushed to disk (``fsync``);
2. a small journal ``.<naam>.<pid>.oi-paar`` naming both renames is written and flushed:
   from here on the new pair counts;
3. both temporary files are renamed onto their names, the folder is flushed, the journal
   is removed.

A process killed before step 2 leaves only temporary files: the old pair (if any) is
untouched. Killed after it, the journal says which renames are still to do. Every
``oi rapport`` first tidies its target folder (:func:`~oi_core.invoer.bestanden.recover`):
for each journal of a process that no longer runs the remaining renames are done (the new
pair is completed), and every temporary file of a process that no longer runs is removed.
So after a kill and the next run either both old or both new files are there, and no
temporary file; between the kill and the next run a mixed pair can only exist while the
journal that repairs it does.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from oi_core.errors import Bevinding, DataFout, InvoerFout, OIFout
from oi_core.gebieden.indeling import Gebiedsindeling
from oi_core.invoer.bestanden import recover, write_pair
from oi_core.model.activiteit import Niveau
from oi_core.model.registratie import ActiviteitRegistratie
from oi_core.plugins.manager import activiteit, activiteiten
from oi_core.rekenen.analyse import Analyse
from oi_core.rekenen.kern import BAND
from oi_rapport.activiteit import ActiviteitHoofdstuk, build_activity
from oi_rapport.bouw import build_report
from oi_rapport.document import Grafiek, Rapport
from oi_rapport.figuren import Afbeeldingen, Tekenaar
from oi_rapport.gelijktijdig import split
from oi_rapport.hoofdstukken import ExtraHoofdstuk, GemaaktHoofdstuk, extra_hoofdstukken, kies
from oi_rapport.html_weergave import render_html
from oi_rapport.invoer import EigenGegevens, read_inputs
from oi_rapport.kernen import free_cores
from oi_rapport.pdf import report_pdf
from oi_rapport.xlsx_weergave import render_xlsx

__all__ = [
    "RapportOpties",
    "RapportUitkomst",
    "Voortgang",
    "make_report",
    "output_paths",
]

Voortgang = Callable[[str, int, int], None]
"""Called at the start of every step with (description, step number, number of steps)."""


@dataclass(frozen=True)
class RapportOpties:
    """What ``oi rapport`` was asked to do."""

    uitvoer: Path = Path("rapport")
    naam: str = "ongelijk-investeren"
    activiteiten: tuple[str, ...] = ()
    niveau: Niveau | None = None
    data: tuple[Path, ...] = ()
    overschrijf: bool = False
    zonder: tuple[str, ...] = ()
    """Keys of plugin chapters to leave out (``oi rapport --zonder stapeling``)."""
    band: float = BAND
    pdf: bool = False
    """Also print the HTML into a PDF with headless Chromium (``oi rapport --pdf``)."""

    @property
    def strikt(self) -> bool:
        """Whether a failing activity stops the report (instead of being left out)."""
        return bool(self.activiteiten or self.niveau or self.data)


@dataclass(frozen=True)
class RapportUitkomst:
    """The written files and what went into them."""

    xlsx: Path
    html: Path
    rapport: Rapport
    overgeslagen: tuple[str, ...] = ()
    bestond: bool = False
    """An earlier report had the default name and was kept (a new name was chosen)."""
    hoofdstukken: tuple[ActiviteitHoofdstuk, ...] = field(default=(), repr=False)
    pdf: Path | None = None


class _Stappen:
    def __init__(self, totaal: int, voortgang: Voortgang | None) -> None:
        self.totaal, self.nummer, self.voortgang = totaal, 0, voortgang

    def __call__(self, omschrijving: str) -> None:
        self.nummer += 1
        if self.voortgang is not None:
            self.voortgang(omschrijving, self.nummer, self.totaal)


def make_report(opties: RapportOpties, voortgang: Voortgang | None = None) -> RapportUitkomst:
    """Make and write the report; raises an :class:`~oi_core.OIFout` before writing anything."""
    _check_output(opties.uitvoer)
    recover(opties.uitvoer)
    indeling = Gebiedsindeling.amsterdam()
    invoer = read_inputs(opties.data, indeling) if opties.data else {}
    keuze = _select(opties, invoer)
    problemen: list[str] = []
    extra = kies(extra_hoofdstukken(None if opties.strikt else problemen), opties.zonder)
    stap = _Stappen(len(keuze) + len(extra) + 4, voortgang)
    # one analysis per activity, handed to every chapter (``maak_op``); each chapter's figures
    # are drawn (or taken from the figure cache) while the next is built
    with Tekenaar(indeling) as tekenaar:
        hoofdstukken, overgeslagen = _analyse_all(keuze, opties, invoer, stap, tekenaar)
        overgeslagen += problemen
        analyses = {h.registratie.activiteit.code: h.analyse for h in hoofdstukken}
        gemaakt = _extra_all(extra, (indeling, analyses), opties, stap, tekenaar, overgeslagen)
        stap("Rapport opbouwen")
        rapport = build_report(
            hoofdstukken,
            gemaakt,
            bron=_source(opties),
            overgeslagen=overgeslagen,
            band=opties.band,
        )
        stap("Grafieken en kaarten tekenen")
        afbeeldingen = tekenaar.result()
    stap("Excel- en HTML-bestand maken")
    xlsx, html = _render_both(rapport, indeling, afbeeldingen)
    pdf = report_pdf(html, rapport) if opties.pdf else None
    stap("Bestanden schrijven")
    pad_xlsx, pad_html, bestond = output_paths(opties)
    bestanden = {pad_xlsx: xlsx, pad_html: html.encode("utf-8")}
    pad_pdf = pad_html.with_suffix(".pdf") if pdf is not None else None
    if pad_pdf is not None and pdf is not None:  # the PDF belongs to this html: written with it
        bestanden[pad_pdf] = pdf
    write_pair(bestanden, overschrijf=opties.overschrijf)
    return RapportUitkomst(
        pad_xlsx, pad_html, rapport, tuple(overgeslagen), bestond, tuple(hoofdstukken), pad_pdf
    )


def _render_both(
    rapport: Rapport, indeling: Gebiedsindeling, afbeeldingen: Afbeeldingen
) -> tuple[bytes, str]:
    """The workbook here and, with an idle core, the HTML meanwhile in a second process."""
    xlsx, html = split(
        _call,
        [
            lambda: render_xlsx(rapport, indeling, afbeeldingen),
            lambda: render_html(rapport, indeling, afbeeldingen),
        ],
        processen=free_cores(),
        gedeeld={"indeling": indeling},
    )
    return cast(bytes, xlsx()), cast(str, html())


def _call(maak: Callable[[], object]) -> object:
    return maak()


def _extra_all(
    extra: Sequence[ExtraHoofdstuk],
    basis: tuple[Gebiedsindeling, Mapping[str, Analyse]],
    opties: RapportOpties,
    stap: _Stappen,
    tekenaar: Tekenaar,
    overgeslagen: list[str],
) -> list[GemaaktHoofdstuk]:
    """Build the plugins' chapters, on the report's analyses where a chapter can (``maak_op``);
    one that fails is left out with the reason (or stops the report when ``opties.strikt``)."""
    indeling, analyses = basis
    gemaakt = []
    for h in extra:
        stap(h.titel)
        try:
            inhoud = h.maak(indeling) if h.maak_op is None else h.maak_op(indeling, analyses)
            gemaakt.append(GemaaktHoofdstuk(h, inhoud))
        except Exception as fout:  # a broken plugin must not cost the rest of the report
            if opties.strikt:
                raise
            overgeslagen.append(
                f"Hoofdstuk {h.titel}: niet opgenomen ({type(fout).__name__}: {fout})"
            )
            continue
        tekenaar.submit(_figures(gemaakt[-1].inhoud.blokken))
    return gemaakt


def _source(opties: RapportOpties) -> str:
    if not opties.data:
        return "de ingebouwde gegevens"
    return "eigen gegevens (" + ", ".join(p.name for p in opties.data) + ")"


def _figures(blokken: Sequence[object]) -> list[Grafiek]:
    return [b for b in blokken if isinstance(b, Grafiek)]


def _check_output(map_: Path) -> None:
    if map_.exists() and not map_.is_dir():
        raise InvoerFout(f"'{map_}' is een bestand, geen map", argument="uitvoer")


def output_paths(opties: RapportOpties) -> tuple[Path, Path, bool]:
    """The pair of file names to write, and whether an earlier report kept the default."""
    basis = opties.uitvoer / opties.naam
    xlsx, html = basis.with_suffix(".xlsx"), basis.with_suffix(".html")
    if opties.overschrijf or not (xlsx.exists() or html.exists()):
        return xlsx, html, False
    for n in range(2, 1000):
        stam = opties.uitvoer / f"{opties.naam} ({n})"
        xlsx, html = Path(f"{stam}.xlsx"), Path(f"{stam}.html")
        if not (xlsx.exists() or html.exists()):
            return xlsx, html, True
    raise InvoerFout(f"geen vrije bestandsnaam in '{opties.uitvoer}'", argument="uitvoer")


def _select(opties: RapportOpties, invoer: dict[str, EigenGegevens]) -> list[ActiviteitRegistratie]:
    if opties.data:
        gevraagd = opties.activiteiten or tuple(invoer)
        ontbreekt = [c for c in gevraagd if c not in invoer]
        if ontbreekt:
            raise InvoerFout(
                f"activiteit {', '.join(ontbreekt)} staat niet in de opgegeven gegevens "
                f"(wel: {', '.join(invoer) or 'geen'})",
                argument="activiteit",
            )
        return [activiteit(c) for c in gevraagd]
    if opties.activiteiten:
        return [activiteit(c) for c in dict.fromkeys(opties.activiteiten)]
    return sorted(activiteiten().values(), key=lambda r: r.activiteit.naam.lower())


def _analyse_all(
    keuze: Sequence[ActiviteitRegistratie],
    opties: RapportOpties,
    invoer: dict[str, EigenGegevens],
    stap: _Stappen,
    tekenaar: Tekenaar,
) -> tuple[list[ActiviteitHoofdstuk], list[str]]:
    hoofdstukken, fouten, overgeslagen = [], [], []
    for reg, maak in zip(keuze, _chapter_calls(keuze, opties, invoer), strict=True):
        stap(f"Analyse: {reg.activiteit.naam}")
        try:
            hoofdstukken.append(maak())
            tekenaar.submit(hoofdstukken[-1].grafieken())
        except OIFout as fout:
            if opties.strikt:
                fouten.append(Bevinding(f"activiteit '{reg.code}': {fout}"))
            else:
                overgeslagen.append(f"{reg.activiteit.naam}: niet opgenomen ({fout})")
        except Exception as fout:  # a broken plugin must not cost the other activities
            if opties.strikt:
                raise
            overgeslagen.append(
                f"{reg.activiteit.naam}: niet opgenomen, fout in plugin '{reg.plugin}' "
                f"({type(fout).__name__}: {fout})"
            )
    if fouten:
        raise DataFout(fouten, _kop(opties))
    return hoofdstukken, overgeslagen


def _chapter_calls(
    keuze: Sequence[ActiviteitRegistratie],
    opties: RapportOpties,
    invoer: dict[str, EigenGegevens],
) -> list[Callable[[], ActiviteitHoofdstuk]]:
    """One call per activity that builds its chapter; with an idle core the last half is
    built meanwhile in a second process (:func:`oi_rapport.gelijktijdig.split`)."""
    gedeeld: dict[Hashable, object] = {"indeling": Gebiedsindeling.amsterdam()}
    gedeeld.update({("activiteit", i): reg for i, reg in enumerate(keuze)})
    return split(
        lambda reg: _analyse_one(reg, opties, invoer.get(reg.code)),
        keuze,
        processen=free_cores(),
        gedeeld=gedeeld,
    )


def _kop(opties: RapportOpties) -> str:
    op = f" op niveau {opties.niveau.value}" if opties.niveau else ""
    return f"Het rapport kan{op} niet worden gemaakt; er is niets geschreven"


def _analyse_one(
    reg: ActiviteitRegistratie, opties: RapportOpties, invoer: EigenGegevens | None
) -> ActiviteitHoofdstuk:
    if invoer is not None:
        analyse = reg.analyse(niveau=opties.niveau or invoer.niveau, data=invoer.data)
    elif opties.niveau is None:  # the analysis the other chapters share
        analyse = reg.analyse(indeling=Gebiedsindeling.amsterdam())
    else:
        analyse = reg.analyse(niveau=opties.niveau)
    return build_activity(reg, analyse, band=opties.band, eigen=invoer is not None)
