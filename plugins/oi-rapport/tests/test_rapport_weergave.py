"""The report as people see it: the HTML in headless Chromium, the workbook in LibreOffice.

Chromium (Debian's ``chromium``) is driven over the DevTools protocol on a pipe
(``--remote-debugging-pipe``: JSON messages ending in a NUL byte on file descriptors 3
and 4), so no Python package and no downloaded browser is needed. The page must render,
log no console error, fetch nothing but itself, give a screenshot that is not blank and
print to PDF. LibreOffice (``soffice --headless``) must convert the workbook to PDF.

The programs come from the oi_core fixtures ``oi_chromium`` and ``oi_soffice``: a missing
one skips the test naming its Debian package, and fails it when ``OI_TESTS_VOLLEDIG=1``
(``.ci/run`` installs both and sets it). Tests using them are marked ``slow``.
"""

from __future__ import annotations

import base64
import contextlib
import csv
import importlib
import importlib.util
import io
import json
import os
import re
import select
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from oi_rapport import RapportOpties, RapportUitkomst, make_report
from oi_rapport.tabellen import SIGNAAL_KOP, SIGNAAL_KORT
from PIL import Image

from oi_core.plugins.manager import isolated
from oi_core.testing import load_test_module

TP = load_test_module(
    Path(__file__).with_name("test_rapport_plugin.py"), "_rapport_testplugins_weergave"
)
TOEGESTAAN = ("file://", "data:", "about:")


def _chapter_plugins() -> list[ModuleType]:
    """The stapeling chapter (plugin ``oi-stapeling``) when installed: its count formula is
    recalculated too."""
    if importlib.util.find_spec("oi_stapeling") is None:
        return []
    return [importlib.import_module("oi_stapeling")]


@pytest.fixture(scope="module")
def uitkomst(tmp_path_factory: pytest.TempPathFactory) -> RapportUitkomst:
    with isolated(*TP.PLUGINS, *_chapter_plugins()):
        return make_report(RapportOpties(uitvoer=tmp_path_factory.mktemp("rapport")))


class Chromium:
    """A headless Chromium with a DevTools session on a pipe."""

    def __init__(self, programma: str, profiel: Path) -> None:
        lees_chrome, schrijf_wij = os.pipe()
        lees_wij, schrijf_chrome = os.pipe()

        def fds() -> None:  # in the child: the protocol lives on fd 3 (in) and fd 4 (out)
            os.dup2(lees_chrome, 3)
            os.dup2(schrijf_chrome, 4)

        opdracht = [
            programma,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--window-size=1280,2000",
            f"--user-data-dir={profiel}",
            "--remote-debugging-pipe",
            "about:blank",
        ]
        self.proces = subprocess.Popen(
            opdracht,
            pass_fds=(3, 4),
            preexec_fn=fds,  # a test helper: no threads are running at this point
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(lees_chrome)
        os.close(schrijf_chrome)
        self.schrijf, self.lees = schrijf_wij, lees_wij
        self.buffer = b""
        self.volgnummer = 0
        self.gebeurtenissen: list[dict[str, Any]] = []

    def _send(self, bericht: dict[str, Any]) -> None:
        os.write(self.schrijf, json.dumps(bericht).encode() + b"\0")

    def _receive(self, tot: float) -> dict[str, Any] | None:
        while b"\0" not in self.buffer:
            rest = tot - time.monotonic()
            if rest <= 0 or not select.select([self.lees], [], [], rest)[0]:
                return None
            stuk = os.read(self.lees, 1 << 20)
            if not stuk:
                raise RuntimeError("chromium is gestopt")
            self.buffer += stuk
        bericht, self.buffer = self.buffer.split(b"\0", 1)
        return dict(json.loads(bericht))

    def call(self, methode: str, sessie: str | None = None, **params: Any) -> dict[str, Any]:
        self.volgnummer += 1
        bericht: dict[str, Any] = {"id": self.volgnummer, "method": methode, "params": params}
        if sessie:
            bericht["sessionId"] = sessie
        self._send(bericht)
        tot = time.monotonic() + 90
        while True:
            antwoord = self._receive(tot)
            if antwoord is None:
                raise TimeoutError(methode)
            if antwoord.get("id") == self.volgnummer:
                if "error" in antwoord:
                    raise RuntimeError(f"{methode}: {antwoord['error']}")
                return dict(antwoord.get("result", {}))
            self.gebeurtenissen.append(antwoord)

    def wait_for(self, naam: str, seconden: float) -> bool:
        tot = time.monotonic() + seconden
        while True:
            if any(g.get("method") == naam for g in self.gebeurtenissen):
                return True
            bericht = self._receive(tot)
            if bericht is None:
                return False
            self.gebeurtenissen.append(bericht)

    def open(self, url: str) -> str:
        """A new page on ``url``, loaded; returns its session id."""
        doel = self.call("Target.createTarget", url="about:blank")["targetId"]
        sessie = str(self.call("Target.attachToTarget", targetId=doel, flatten=True)["sessionId"])
        for domein in ("Runtime", "Log", "Network", "Page"):
            self.call(f"{domein}.enable", sessie)
        self.gebeurtenissen.clear()
        self.call("Page.navigate", sessie, url=url)
        assert self.wait_for("Page.loadEventFired", 60), "de pagina laadt niet"
        self.wait_for("nooit", 0.5)  # late console messages
        return sessie

    def evaluate(self, sessie: str, uitdrukking: str) -> Any:
        uit = self.call("Runtime.evaluate", sessie, expression=uitdrukking, returnByValue=True)
        return uit["result"].get("value")

    def problems(self) -> list[str]:
        """Console errors, uncaught exceptions and error log entries seen so far."""
        uit = []
        for g in self.gebeurtenissen:
            p = g.get("params", {})
            if g.get("method") == "Runtime.consoleAPICalled" and p.get("type") == "error":
                uit.append(f"console: {p.get('args')}")
            elif g.get("method") == "Runtime.exceptionThrown":
                uit.append(f"fout: {p.get('exceptionDetails')}")
            elif g.get("method") == "Log.entryAdded" and p["entry"]["level"] == "error":
                uit.append(f"log: {p['entry'].get('text')} {p['entry'].get('url', '')}")
        return uit

    def requests(self) -> list[str]:
        return [
            g["params"]["request"]["url"]
            for g in self.gebeurtenissen
            if g.get("method") == "Network.requestWillBeSent"
        ]

    def close(self) -> None:
        with contextlib.suppress(RuntimeError, TimeoutError, OSError):
            self.call("Browser.close")
        try:
            self.proces.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proces.kill()
            self.proces.wait()
        os.close(self.schrijf)
        os.close(self.lees)


@pytest.fixture(scope="module")
def chromium(oi_chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Chromium]:
    browser = Chromium(oi_chromium, tmp_path_factory.mktemp("chromium-profiel"))
    try:
        yield browser
    finally:
        browser.close()


def test_the_harness_notices_external_requests_and_console_errors(
    chromium: Chromium, tmp_path: Path
) -> None:
    """The checks below can fail: a page that fetches and logs is caught."""
    pagina = tmp_path / "fout.html"
    pagina.write_text(
        '<!DOCTYPE html><html><body><img src="http://voorbeeld.invalid/logo.png">'
        '<script>console.error("kapot")</script></body></html>'
    )
    chromium.open(pagina.as_uri())
    assert "http://voorbeeld.invalid/logo.png" in chromium.requests()
    assert any("kapot" in p for p in chromium.problems())


def test_the_html_report_renders_offline_without_errors(
    chromium: Chromium, uitkomst: RapportUitkomst
) -> None:
    sessie = chromium.open(uitkomst.html.as_uri())
    assert chromium.problems() == []
    extern = [u for u in chromium.requests() if not u.startswith(TOEGESTAAN)]
    assert extern == []
    assert chromium.evaluate(sessie, "document.title") == "Inzicht in ongelijk investeren"
    koppelingen = "document.querySelectorAll('nav.inhoud a').length"
    assert chromium.evaluate(sessie, koppelingen) == len(uitkomst.rapport.secties)
    svg = chromium.evaluate(sessie, "document.querySelectorAll('svg.figuur').length")
    assert svg == uitkomst.html.read_text(encoding="utf-8").count("<svg ")
    breedte = chromium.evaluate(
        sessie,
        "Math.max(...[...document.querySelectorAll('svg.figuur')]"
        ".map(s => s.getBoundingClientRect().width))",
    )
    assert breedte > 400  # the charts are drawn at a readable size


def test_a_screenshot_of_the_report_is_not_blank(
    chromium: Chromium, uitkomst: RapportUitkomst
) -> None:
    sessie = chromium.open(uitkomst.html.as_uri())
    chromium.evaluate(sessie, "document.getElementById('activiteit-straat').scrollIntoView()")
    png = base64.b64decode(chromium.call("Page.captureScreenshot", sessie, format="png")["data"])
    beeld = Image.open(io.BytesIO(png)).convert("RGB")
    assert beeld.size[0] >= 1000
    kleuren = beeld.getcolors(maxcolors=1 << 20) or []
    niet_wit = sum(n for n, kleur in kleuren if sum(kleur) < 740)
    assert niet_wit / (beeld.size[0] * beeld.size[1]) > 0.05
    assert len(kleuren) > 50  # text, tables, coloured cells and charts, not one flat colour


def test_the_html_report_prints_with_a_page_per_chapter(
    chromium: Chromium, uitkomst: RapportUitkomst
) -> None:
    sessie = chromium.open(uitkomst.html.as_uri())
    pdf = base64.b64decode(chromium.call("Page.printToPDF", sessie, printBackground=True)["data"])
    assert pdf.startswith(b"%PDF")
    paginas = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert paginas >= len(uitkomst.rapport.secties) + 1  # contents, then a page per chapter


def test_libreoffice_converts_the_workbook_to_pdf(
    oi_soffice: str, uitkomst: RapportUitkomst, tmp_path: Path
) -> None:
    soffice = oi_soffice
    profiel = f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}"
    opdracht = [soffice, "--headless", profiel, "--convert-to", "pdf", "--outdir", str(tmp_path)]
    uit = subprocess.run([*opdracht, str(uitkomst.xlsx)], capture_output=True, timeout=300)
    assert uit.returncode == 0, uit.stderr.decode(errors="replace")
    pdf = tmp_path / "ongelijk-investeren.pdf"
    assert pdf.is_file()
    inhoud = pdf.read_bytes()
    assert inhoud.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", inhoud)) >= len(uitkomst.rapport.secties)


HERBEREKENEN = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def _recalculated_sheets(soffice: str, werkmap: Path, map_: Path) -> dict[str, list[list[str]]]:
    """Every sheet as CSV after LibreOffice recalculated every formula (not the cached values)."""
    profiel = map_ / "lo"
    (profiel / "user").mkdir(parents=True)
    (profiel / "user" / "registrymodifications.xcu").write_text(HERBEREKENEN)
    filter_ = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
    opdracht = [soffice, "--headless"]
    opdracht += [f"-env:UserInstallation={profiel.as_uri()}", "--convert-to", filter_]
    uit = subprocess.run(
        [*opdracht, "--outdir", str(map_ / "csv"), str(werkmap)], capture_output=True, timeout=300
    )
    assert uit.returncode == 0, uit.stderr.decode(errors="replace")
    return {
        pad.stem.removeprefix(f"{werkmap.stem}-"): list(csv.reader(pad.open(encoding="utf-8")))
        for pad in (map_ / "csv").glob("*.csv")
    }


def _table(rijen: list[list[str]]) -> list[dict[str, str]]:
    kop = next(i for i, r in enumerate(rijen) if r and r[0] == "Code")
    uit = []
    for rij in rijen[kop + 1 :]:
        if len(rij) < 2 or not rij[0] or not rij[1]:  # the footer rows have no name
            break
        uit.append(dict(zip(rijen[kop], rij, strict=False)))
    return uit


def _number(tekst: str) -> float:
    """A CSV cell of LibreOffice: full precision, a percentage with its sign (23% = 0.23)."""
    return float(tekst[:-1]) / 100 if tekst.endswith("%") else float(tekst)


def test_libreoffice_recalculates_every_formula_to_the_core_numbers(
    oi_soffice: str, uitkomst: RapportUitkomst, tmp_path: Path
) -> None:
    """The workbook's formulas, recomputed by another program, give the core's numbers."""
    from oi_core import Analyse

    bladen = _recalculated_sheets(oi_soffice, uitkomst.xlsx, tmp_path)
    kern = Analyse(TP.STRAAT, TP.straat_data()).match()
    rijen = _table(bladen["Straatreiniging"])
    assert [r["Code"] for r in rijen] == list(kern.index)
    for rij in rijen:
        verwacht = kern.loc[rij["Code"]]
        assert _number(rij["Aandeel inzet"]) == pytest.approx(verwacht["aandeel_inzet"])
        assert _number(rij["Aandeel opgave"]) == pytest.approx(verwacht["aandeel_opgave"])
        assert _number(rij["Verschil (procentpunt)"]) == pytest.approx(verwacht["verschil_pp"])
        assert _number(rij["OI-index"]) == pytest.approx(verwacht["oi_index"])
        assert rij[SIGNAAL_KOP] == SIGNAAL_KORT[verwacht["signaal"]]  # the short word
    if "Stapeling" not in bladen:
        return
    from oi_stapeling import build_stapeling

    telling = build_stapeling().gebieden["aantal_berekend"]
    stapeling = _table(bladen["Stapeling"])
    assert len(stapeling) == 23
    for rij in stapeling:
        assert _number(rij["Aantal ondergemiddeld (berekend)"]) == telling[rij["Code"]]


def test_the_recalculation_really_recalculates(oi_soffice: str, tmp_path: Path) -> None:
    """A formula stored with a wrong cached value comes back recomputed, not as stored."""
    import xlsxwriter

    werkmap = tmp_path / "proef.xlsx"
    boek = xlsxwriter.Workbook(str(werkmap))
    blad = boek.add_worksheet("Blad")
    blad.write_row(0, 0, ["Code", "Naam", "waarde"])
    blad.write_row(1, 0, ["A", "a", 2])
    blad.write_formula(2, 2, "=C2*3", None, 999)
    boek.close()
    rijen = _recalculated_sheets(oi_soffice, werkmap, tmp_path)["Blad"]
    assert rijen[2][2] == "6"
