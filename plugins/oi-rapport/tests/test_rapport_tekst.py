"""Text stays text in ``oi rapport``: a plugin whose activity name, labels and texts a
spreadsheet would run as formulas (OWASP, *CSV Injection*) gets a workbook in which every
such text is a string cell, kept exactly, under a safe sheet name; the HTML escapes them.

The numbers are those of the doelgroep test activity of ``test_rapport_plugin.py`` (hours
of school guidance against pupils without a startkwalificatie), extended to eight groups.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import oi_rapport.cli as rapport_cli
import openpyxl
import pandas as pd
import pytest
from openpyxl.utils.escape import unescape

from oi_core import (
    Activiteit,
    Figuur,
    Indicator,
    Niveau,
    Onderdeel,
    Resultatenketen,
    Richting,
    Rol,
    Samenvatting,
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
"""Doelgroep labels a spreadsheet would read as formulas, a DDE payload among them."""
TEKSTEN = ("@SUM(B1:B9)", "-1+5", "\t=3+3", "+7")
"""Texts of the plugin: schakel, indicator, summary and part."""
HTML = "<script>alert('oi')</script>"


def _ind(code: str, naam: str, rol: Rol) -> Indicator:
    return Indicator(code=code, naam=naam, eenheid="uur", richting=Richting.NEUTRAAL, rol=rol)


VIJANDIG = Activiteit(
    code="vijandig",
    naam=DDE,
    afdeling=HYPERLINK,
    beschrijving=HTML,
    niveau=Niveau.DOELGROEP,
    keten=Resultatenketen(
        inzet=Schakel(omschrijving=TEKSTEN[0], indicatoren=(_ind("uren", TEKSTEN[1], Rol.INZET),)),
        resultaat=Schakel.leeg("=1+1"),
        doel=Schakel.leeg("Startkwalificatie"),
        ambitie=Schakel.leeg("Gelijke kansen"),
        opgave=(_ind("leerlingen", "=SUM(A1:A3)", Rol.OPGAVE),),
    ),
)

UREN = (300.0, 400.0, 300.0, 250.0, 150.0, 120.0, 90.0, 60.0)
LEERLINGEN = (180.0, 130.0, 60.0, 90.0, 70.0, 40.0, 30.0, 20.0)


def _data() -> pd.DataFrame:
    breed = pd.DataFrame({"groep": list(GROEPEN), "uren": UREN, "leerlingen": LEERLINGEN})
    return to_tidy(
        breed, gebied="groep", indicatoren=["uren", "leerlingen"], jaar=2024,
        niveau=Niveau.DOELGROEP,
    )  # fmt: skip


def _samenvatting(_: object) -> Samenvatting:
    return Samenvatting(titel=TEKSTEN[2], bevindingen=(HYPERLINK, HTML), discussiepunten=(DDE,))


def _onderdelen(_: object) -> list[Onderdeel]:
    tabel = pd.DataFrame({"groep": list(GROEPEN), "uren": UREN})
    return [
        Onderdeel(
            HYPERLINK,
            tekst=(TEKSTEN[3], DDE),
            tabel=tabel,
            figuur=Figuur(soort="staaf", titel=DDE, data=tabel, x="groep", y="uren"),
        )
    ]


class VijandigePlugin:
    @hookimpl
    def register_activiteiten(self, register: Callable[..., None]) -> None:
        register(VIJANDIG, data=_data, samenvatting=_samenvatting, onderdelen=_onderdelen)


@pytest.fixture(scope="module")
def rapport(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    map_ = tmp_path_factory.mktemp("rapport")
    with isolated(rapport_cli, VijandigePlugin()):
        assert main(["rapport", "--uitvoer", str(map_)]) == 0
    yield map_


def _cells(pad: Path) -> list[openpyxl.cell.cell.Cell]:
    boek = openpyxl.load_workbook(pad)
    return [c for blad in boek.worksheets for rij in blad.iter_rows() for c in rij]


def test_every_hostile_text_is_a_string_cell_kept_exactly(rapport: Path) -> None:
    cellen = _cells(rapport / "ongelijk-investeren.xlsx")
    teksten = {unescape(c.value) for c in cellen if c.data_type == "s"}
    for tekst in (*GROEPEN, HYPERLINK, DDE, TEKSTEN[3]):
        assert tekst.strip() in teksten or tekst in teksten, repr(tekst)
    formules = [c for c in cellen if c.data_type == "f"]
    assert formules  # the report's own formulas (shares, index) are still formulas
    for cel in formules:
        assert not any(t.strip()[1:] in str(cel.value) for t in GROEPEN), cel.value


def test_no_string_cell_that_looks_like_a_formula_is_a_formula(rapport: Path) -> None:
    """Every cell whose text starts with a formula character is a string cell, except the
    report's own formulas, which refer to cells only."""
    for cel in _cells(rapport / "ongelijk-investeren.xlsx"):
        if isinstance(cel.value, str) and is_formula_text(cel.value) and cel.data_type == "f":
            assert (
                "HYPERLINK" not in cel.value and "cmd" not in cel.value and "SUM(A" not in cel.value
            )


def test_the_activity_s_sheet_name_is_made_safe(rapport: Path) -> None:
    namen = openpyxl.load_workbook(rapport / "ongelijk-investeren.xlsx").sheetnames
    assert "cmd|   C calc !A0" in namen
    assert not [n for n in namen if is_formula_text(n)]


def test_chart_titles_are_text_not_references(rapport: Path) -> None:
    """A chart title like ``=cmd|' /C calc'!A0`` is not read as a reference: the charts'
    formulas are only the ranges of their data on the sheet."""
    bereik = re.compile(r"^'[^']+'!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+$")
    with zipfile.ZipFile(rapport / "ongelijk-investeren.xlsx") as z:
        grafieken = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/")]
    assert grafieken
    for xml in grafieken:
        formules = re.findall(r"<c:f>(.*?)</c:f>", xml)
        assert formules and all(bereik.match(f) for f in formules), formules
    titels = "".join(re.findall(r"<a:t>(.*?)</a:t>", "".join(grafieken)))
    assert "=cmd|&apos; /C calc&apos;!\u2060A0" in titels or "=cmd|' /C calc'!\u2060A0" in titels


def test_the_html_escapes_every_text(rapport: Path) -> None:
    html = (rapport / "ongelijk-investeren.html").read_text(encoding="utf-8")
    assert HTML not in html and "&lt;script&gt;alert(&#x27;oi&#x27;)&lt;/script&gt;" in html
    assert "=HYPERLINK(&quot;http://x&quot;,&quot;klik&quot;)" in html


def test_sheet_names_of_activities_and_plugin_chapters_lose_formula_characters() -> None:
    from oi_rapport.bouw import sheet_names
    from oi_rapport.hoofdstukken import ExtraHoofdstuk

    assert sheet_names([DDE, "+Straat", "@", "-"]) == [
        "cmd|   C calc !A0",
        "Straat",
        "Activiteit",
        "Activiteit 2",
    ]
    hoofdstuk = ExtraHoofdstuk("extra", HYPERLINK, maak=print)
    assert hoofdstuk.bladnaam == 'HYPERLINK("http   x","klik")'
    assert ExtraHoofdstuk("extra", "Stapeling", maak=print, blad="=1+1").bladnaam == "1+1"
