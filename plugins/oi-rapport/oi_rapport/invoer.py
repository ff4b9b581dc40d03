"""The user's own data for ``oi rapport --data``: workbooks and folders of CSV files.

- A workbook made with ``oi excel werkmap`` is read by :func:`oi_excel.werkmap.lezen.read_werkmap`
  (activity code and scale level from its Meta sheet, the values from its Invoer
  sheet).
- A folder holds one tidy CSV per activity, named ``<activiteit>.csv`` (e.g.
  ``jgz.csv``), with columns ``gebied, jaar, indicator, waarde`` and optionally
  ``niveau``; ``,`` ``;`` or tab separated, decimal comma or point. One such CSV file may
  also be given directly.

Every file is checked completely before anything is analysed; all problems of all files
come back together in one :class:`~oi_core.DataFout`, each with its file (``blad``), its
row as a spreadsheet shows it (the header is row 1) and its column.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from oi_excel.werkmap.lezen import read_werkmap

from oi_core.errors import Bevinding, DataFout, InvoerFout, OIFout
from oi_core.gebieden.indeling import Gebiedsindeling
from oi_core.invoer.bestanden import EXCEL_EXTENSIES, read_table
from oi_core.invoer.tidy import validate_data
from oi_core.model.activiteit import Niveau
from oi_core.plugins.manager import activiteiten

__all__ = ["EigenGegevens", "read_inputs"]


@dataclass(frozen=True)
class EigenGegevens:
    """Validated data of one activity from the user's files."""

    code: str
    data: pd.DataFrame
    """Canonical, as :func:`oi_core.validate_data` returns it."""
    niveau: Niveau | None
    """The level the data is at (``None``: several levels, use the activity's)."""
    bron: str


def read_inputs(
    paden: Sequence[Path], indeling: Gebiedsindeling | None = None
) -> dict[str, EigenGegevens]:
    """Read and validate every given file or folder; one :class:`DataFout` lists all problems."""
    indeling = indeling or Gebiedsindeling.amsterdam()
    fouten: list[Bevinding] = []
    uit: dict[str, EigenGegevens] = {}
    for pad in paden:
        try:
            lezers = _readers(Path(pad))
        except OIFout as fout:
            fouten.append(Bevinding(str(fout)))
            continue
        for lezer in lezers:
            invoer = _collect(lezer, indeling, fouten)
            if invoer is None:
                continue
            if invoer.code in uit:
                fouten.append(
                    Bevinding(
                        f"activiteit '{invoer.code}' staat ook in {uit[invoer.code].bron}",
                        blad=invoer.bron,
                    )
                )
            uit[invoer.code] = invoer
    if fouten:
        raise DataFout(fouten, "De opgegeven gegevens zijn niet geldig; er is niets geschreven")
    return uit


Lezer = Callable[[Gebiedsindeling], EigenGegevens]


def _collect(
    lezer: Lezer, indeling: Gebiedsindeling, fouten: list[Bevinding]
) -> EigenGegevens | None:
    try:
        return lezer(indeling)
    except DataFout as fout:
        fouten.extend(fout.bevindingen)
    except OIFout as fout:
        fouten.append(Bevinding(str(fout)))
    return None


def _readers(pad: Path) -> list[Lezer]:
    if pad.is_dir():
        bestanden = sorted(pad.glob("*.csv"))
        if not bestanden:
            raise InvoerFout(
                f"map '{pad}' bevat geen CSV-bestanden (<activiteit>.csv)", argument="data"
            )
        return [_csv_reader(b) for b in bestanden]
    if not pad.exists():
        raise InvoerFout(f"'{pad}' bestaat niet", argument="data")
    if pad.suffix.lower() == ".csv":
        return [_csv_reader(pad)]
    if pad.suffix.lower() in EXCEL_EXTENSIES:
        return [_workbook_reader(pad)]
    raise InvoerFout(
        f"'{pad.name}': geef een werkmap (.xlsx), een CSV-bestand of een map met CSV-bestanden",
        argument="data",
    )


def _csv_reader(pad: Path) -> Lezer:
    def lees(indeling: Gebiedsindeling) -> EigenGegevens:
        code = pad.stem
        reg = _registration(code, pad.name)
        tabel = read_table(pad)
        data = _validated(tabel, reg.activiteit, indeling, pad.name, None)
        return EigenGegevens(code, data, _single_level(data), pad.name)

    return lees


def _workbook_reader(pad: Path) -> Lezer:
    def lees(indeling: Gebiedsindeling) -> EigenGegevens:
        try:
            code, _, _ = read_werkmap(pad, indeling=indeling)
            reg = _registration(code, pad.name)
            code, niveau, tabel = read_werkmap(pad, activiteit=reg.activiteit, indeling=indeling)
        except DataFout as fout:
            raise DataFout([_in_file(b, pad.name) for b in fout.bevindingen], fout.kop) from None
        data = validate_data(tabel, reg.activiteit, indeling=indeling, niveau=niveau, blad=pad.name)
        return EigenGegevens(code, data, niveau, pad.name)

    return lees


def _in_file(bevinding: Bevinding, bestand: str) -> Bevinding:
    """A finding on a sheet of a workbook, named with the file (several may be given)."""
    blad = (
        f"{bestand} › {bevinding.blad}"
        if bevinding.blad and bevinding.blad != bestand
        else (bestand)
    )
    return Bevinding(bevinding.melding, rij=bevinding.rij, kolom=bevinding.kolom, blad=blad)


def _registration(code: str, bestand: str) -> Any:
    alle = activiteiten()
    if code not in alle:
        bekend = ", ".join(sorted(alle)) or "geen"
        raise DataFout(
            [
                Bevinding(
                    f"geen geïnstalleerde activiteit '{code}'; noem het bestand naar een "
                    f"activiteit (geïnstalleerd: {bekend})",
                    blad=bestand,
                )
            ]
        )
    return alle[code]


def _validated(
    tabel: pd.DataFrame,
    activiteit: Any,
    indeling: Gebiedsindeling,
    blad: str,
    niveau: Niveau | None,
) -> pd.DataFrame:
    """``validate_data`` with rows numbered as a spreadsheet shows them (header = row 1)."""
    if tabel.empty:
        raise DataFout([Bevinding("het bestand heeft geen gegevensrijen", blad=blad)])
    return validate_data(
        tabel, activiteit, indeling=indeling, niveau=niveau, blad=blad, eerste_rij=2
    )


def _single_level(data: pd.DataFrame) -> Niveau | None:
    niveaus = set(data["niveau"]) - {Niveau.GEMEENTE.value}
    return Niveau(niveaus.pop()) if len(niveaus) == 1 else None
