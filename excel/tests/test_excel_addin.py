"""The OI add-in as Excel sees it: manifest, task pane, icons and werkmap download."""

from __future__ import annotations

import difflib
import io
import xml.etree.ElementTree as ET
from pathlib import Path

import httpx
import pandas as pd
import pytest
from oi_excel.server import project_dir

NS = {"o": "http://schemas.microsoft.com/office/appforoffice/1.1"}
XLWINGS_TEMPLATES = Path(__import__("xlwings_server").__file__).parent / "templates"


def test_the_base_template_differs_from_xlwings_only_in_dutch_texts() -> None:
    """oi_basis.html is xlwings Server's base.html translated; an xlwings upgrade shows here."""
    eigen = (project_dir() / "templates" / "oi_basis.html").read_text().splitlines()
    origineel = (XLWINGS_TEMPLATES / "base.html").read_text().splitlines()
    verschil = [r for r in difflib.unified_diff(origineel, eigen, lineterm="", n=0)
                if r[:1] in "+-" and not r.startswith(("+++", "---"))]  # fmt: skip
    toegestaan = ("lang=", "<title>", "aria-label=", "geladen", "Reload", "Cancel", "Opnieuw",
                  "Annuleren", "properly")  # fmt: skip
    assert verschil, "oi_basis.html is identical to xlwings' base.html"
    assert all(any(t in r for t in toegestaan) for r in verschil), verschil


def test_the_ribbon_script_has_no_template_button() -> None:
    tekst = (project_dir() / "static" / "js" / "ribbon.js").read_text()
    assert "Office.actions.associate" not in tekst


# -- over HTTP -------------------------------------------------------------------------------
pytest_slow = pytest.mark.slow


@pytest_slow
def test_the_manifest_is_the_toolkits_own_in_dutch(server: str) -> None:
    tekst = httpx.get(f"{server}/manifest").text
    wortel = ET.fromstring(tekst)  # valid XML: nothing before the declaration
    assert (
        wortel.findtext("o:ProviderName", namespaces=NS)
        == "Gemeente Amsterdam, Ongelijk investeren"
    )
    assert wortel.findtext("o:DefaultLocale", namespaces=NS) == "nl-NL"
    beschrijving = wortel.find("o:Description", NS)
    naam = wortel.find("o:DisplayName", NS)
    assert beschrijving is not None and naam is not None
    assert beschrijving.get("DefaultValue") != naam.get("DefaultValue")
    for verboden in ("Hello World", "MyGroup", "Show Taskpane", "xlwings.org", "hello-ribbon",
                     "en-US"):  # fmt: skip
        assert verboden not in tekst
    assert "Functies en hulp" in tekst and "Werkmap maken" in tekst


@pytest_slow
def test_the_manifest_icons_are_served_by_the_add_in(server: str) -> None:
    tekst = httpx.get(f"{server}/manifest").text
    adressen = {
        d.split('"')[0] for d in tekst.split('DefaultValue="')[1:] if ".png" in d.split('"')[0]
    }
    assert len(adressen) >= 4
    for adres in adressen:
        assert adres.startswith(server), adres
        r = httpx.get(adres)
        assert r.status_code == 200 and r.content[:8] == b"\x89PNG\r\n\x1a\n", adres


@pytest_slow
def test_the_task_pane_lists_every_function_in_dutch(server: str) -> None:
    from oi_core.plugins.manager import excel_functies

    tekst = httpx.get(f"{server}/taskpane.html").text
    assert '<html lang="nl">' in tekst and "<title>Ongelijk investeren</title>" in tekst
    assert "Task pane" not in tekst
    for functie in excel_functies().values():
        naam = "OI." + functie.naam.removeprefix("OI_")
        assert f'id="functie-{naam}"' in tekst, naam
        assert functie.beschrijving.split(".")[0] in tekst.replace("&#39;", "'")
    assert "Verbinding" in tekst and "versie" in tekst


@pytest_slow
def test_every_werkmap_link_of_the_task_pane_downloads_a_workbook(server: str) -> None:
    tekst = httpx.get(f"{server}/taskpane.html").text
    links = [d.split('"')[0] for d in tekst.split('href="/werkmap/')[1:]]
    assert {"jgz.xlsx", "straatreiniging.xlsx"} <= set(links)
    for link in links:
        r = httpx.get(f"{server}/werkmap/{link}", timeout=60)
        assert r.status_code == 200, link
        bladen = pd.read_excel(io.BytesIO(r.content), sheet_name=None, engine="calamine")
        assert "Invoer" in bladen, link


@pytest_slow
def test_an_unknown_activity_gets_a_dutch_404(server: str) -> None:
    r = httpx.get(f"{server}/werkmap/bestaat_niet.xlsx")
    assert r.status_code == 404 and r.text.startswith("Fout: ")


@pytest_slow
def test_every_function_links_to_its_dutch_help_page(server: str) -> None:
    meta = httpx.get(f"{server}/xlwings/custom-functions-meta").json()["functions"]
    assert meta
    for functie in meta:
        naam = "OI_" + functie["name"]
        assert functie["helpUrl"] == f"{server}/hulp/{naam}", functie
        pagina = httpx.get(functie["helpUrl"])
        assert pagina.status_code == 200, naam
        assert f"<h1>OI.{functie['name']}</h1>" in pagina.text
        assert '<html lang="nl">' in pagina.text and "Argumenten" in pagina.text
