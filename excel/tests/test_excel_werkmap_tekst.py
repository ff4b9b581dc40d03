"""Text stays text in ``oi excel werkmap``: doelgroep labels, an activity name and texts of a
plugin that a spreadsheet would run as formulas (OWASP, *CSV Injection*) are string cells,
kept exactly; the workbook's only formulas are its OI functions, and it reads back.

The numbers are school guidance hours against pupils without a startkwalificatie for eight
groups, as in the report's doelgroep test activity.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from oi_excel.werkmap.lezen import BLAD_META, BLAD_RESULTAAT
from openpyxl.utils.escape import unescape

from oi_core import (
    Activiteit,
    Aggregatie,
    Indicator,
    Niveau,
    Resultatenketen,
    Richting,
    Rol,
    Schakel,
    hookimpl,
    to_tidy,
)
from oi_core.cli import main
from oi_core.plugins.manager import isolated
from oi_core.weergave.cellen import is_formula_text

HYPERLINK = '=HYPERLINK("http://x","klik")'
DDE = "=cmd|' /C calc'!A0"
GROEPEN = (HYPERLINK, "+1+1", "-2+3", "@SUM(A1)", "\t=1+1", "\r=2+2", DDE, "=A1*2")
UREN = (300.0, 400.0, 300.0, 250.0, 150.0, 120.0, 90.0, 60.0)
LEERLINGEN = (180.0, 130.0, 60.0, 90.0, 70.0, 40.0, 30.0, 20.0)


def _ind(code: str, naam: str, rol: Rol) -> Indicator:
    return Indicator(
        code=code,
        naam=naam,
        eenheid="aantal",
        richting=Richting.NEUTRAAL,
        rol=rol,
        aggregatie=Aggregatie.GEEN,
        beschrijving="@SUM(A1:A9)",
    )


VIJANDIG = Activiteit(
    code="vijandig",
    naam=DDE,
    afdeling="+Onderwijs",
    beschrijving=HYPERLINK,
    niveau=Niveau.DOELGROEP,
    keten=Resultatenketen(
        inzet=Schakel(omschrijving="-uren", indicatoren=(_ind("uren", "-2+3", Rol.INZET),)),
        resultaat=Schakel.leeg("Begeleide leerlingen"),
        doel=Schakel.leeg("Startkwalificatie"),
        ambitie=Schakel.leeg("Gelijke kansen"),
        opgave=(_ind("leerlingen", "=SUM(A1:A3)", Rol.OPGAVE),),
    ),
)


def _data() -> Any:
    import pandas as pd

    breed = pd.DataFrame({"groep": list(GROEPEN), "uren": UREN, "leerlingen": LEERLINGEN})
    return to_tidy(
        breed, gebied="groep", indicatoren=["uren", "leerlingen"], jaar=2024,
        niveau=Niveau.DOELGROEP,
    )  # fmt: skip


class VijandigePlugin:
    @hookimpl
    def register_activiteiten(self, register: Any) -> None:
        register(VIJANDIG, data=_data)


@pytest.fixture(scope="module")
def werkmap(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    import oi_excel
    import oi_excel.plugin

    pad = tmp_path_factory.mktemp("werkmap") / "vijandig.xlsx"
    with isolated(VijandigePlugin(), oi_excel.plugin):
        oi_excel.refresh()
        assert main(["excel", "werkmap", "vijandig", "-o", str(pad)]) == 0
    oi_excel.refresh()
    yield pad


def _cells(pad: Path) -> list[Any]:
    boek = openpyxl.load_workbook(pad)
    return [c for blad in boek.worksheets for rij in blad.iter_rows() for c in rij]


def test_every_label_and_text_is_a_string_cell_kept_exactly(werkmap: Path) -> None:
    cellen = _cells(werkmap)
    teksten = [unescape(c.value) for c in cellen if c.data_type == "s"]
    for groep in GROEPEN:  # on the Invoer sheet and in the cached match on Resultaat
        assert sum(t in (groep, groep.strip()) for t in teksten) >= 2, repr(groep)
    for tekst in (DDE, HYPERLINK, "-2+3"):
        assert any(t == tekst or t.startswith(tekst) for t in teksten), tekst


def test_the_only_formulas_are_the_oi_functions(werkmap: Path) -> None:
    formules = [c for c in _cells(werkmap) if c.data_type == "f"]
    assert formules
    for cel in formules:
        formule = str(getattr(cel.value, "text", cel.value))
        if cel.parent.title == BLAD_META:  # the two checks the result formulas read
            assert cel.coordinate in ("H2", "H3", "I2", "I3"), cel.coordinate
            assert cel.coordinate != "H2" or formule.startswith("=ISERROR(_xldudf_OI_AANDEEL(1))")
            continue
        assert cel.parent.title == BLAD_RESULTAAT, cel.parent.title
        assert formule.startswith("=IF(Meta!$H$2,IF(Meta!$H$3,Kern!$"), formule  # an OI function
        assert len(re.findall(r"_xldudf_OI_[A-Z_]+\(", formule)) == 1, formule
        assert "HYPERLINK" not in formule and "cmd|" not in formule
    checks = {(BLAD_META, c) for c in ("H2", "H3", "I2", "I3")}  # the checks, seen above
    for cel in _cells(werkmap):
        formule = isinstance(cel.value, str) and is_formula_text(cel.value)
        if formule and (cel.parent.title, cel.coordinate) not in checks:  # data: text
            assert cel.data_type == "s", (cel.coordinate, cel.value)


def test_the_workbook_reads_back_with_the_labels_as_written(werkmap: Path) -> None:
    from oi_excel.werkmap.lezen import read_werkmap

    with isolated(VijandigePlugin()):
        code, niveau, tidy = read_werkmap(werkmap)
    assert (code, niveau) == ("vijandig", Niveau.DOELGROEP)
    assert sorted(tidy["gebied"].unique()) == sorted(g.strip() for g in GROEPEN)
