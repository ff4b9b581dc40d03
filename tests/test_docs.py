"""The documentation covers every hook, command and Excel function, builds strictly and offline,
and the tutorial says what its example plugin really does."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import inspect
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest
import yaml

import oi_core
from oi_core.plugins import hookspecs
from oi_core.plugins.manager import isolated

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"
VOORBEELD = DOCS / "voorbeelden" / "oi-sportvoorzieningen"
EXCEL_PAGINAS = ("index.md", "installatie.md", "functies.md", "checklist.md")
EXCEL_ONTBREEKT = not all((DOCS / "excel" / p).exists() for p in EXCEL_PAGINAS)


def _hook_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "oi_referentie", DOCS / "_hooks" / "oi_referentie.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


referentie = _hook_module()


def _pages() -> dict[Path, str]:
    return {
        p: p.read_text(encoding="utf-8")
        for p in DOCS.rglob("*.md")
        if "voorbeelden" not in p.parts and "_hooks" not in p.parts
    }


def _section(tekst: str, kop: str) -> str:
    """The text under a '## kop' heading, up to the next '## ' heading."""
    m = re.search(rf"^## {re.escape(kop)}\n(.*?)(?=^## |\Z)", tekst, re.M | re.S)
    assert m, f"geen kop '## {kop}'"
    return m[1]


# -- coverage -----------------------------------------------------------------------------
def test_every_hookspec_is_documented_with_an_example() -> None:
    tekst = (DOCS / "referentie" / "hooks.md").read_text(encoding="utf-8")
    namen = referentie.hookspec_names()
    assert namen == ["register_activiteiten", "register_commands", "register_excel_functies",
                     "register_kolommen"]  # fmt: skip
    for naam in namen:
        sectie = _section(tekst, naam)
        assert f"<!-- oi:hookspec {naam} -->" in sectie
        assert "```python" in sectie and f"def {naam}(" in sectie  # the example


def _example_hookimpls(sectie: str, naam: str) -> list[ast.FunctionDef]:
    """Every ``def naam(...)`` in the python examples of a section (snippet lines left out)."""
    blokken = re.findall(r"```python\n(.*?)```", sectie, re.S)
    bomen = [ast.parse(re.sub(r"^--8<--.*$", "", b, flags=re.M)) for b in blokken]
    return [f for t in bomen for f in ast.walk(t) if isinstance(f, ast.FunctionDef)
            and f.name == naam]  # fmt: skip


def _register_keywords(functie: ast.FunctionDef) -> set[str]:
    return {
        k.arg
        for call in ast.walk(functie)
        if isinstance(call, ast.Call) and getattr(call.func, "id", "") == "register"
        for k in call.keywords
        if k.arg
    }


@pytest.mark.parametrize("naam", referentie.hookspec_names())
def test_documented_hook_signatures_match_the_spec(naam: str) -> None:
    """The example's arguments are a subset of the spec's, annotated with the spec's types,
    and every keyword it passes to ``register`` is one of the protocol's."""
    spec = inspect.signature(getattr(hookspecs, naam)).parameters
    voorbeelden = _example_hookimpls(_section(_hooks_page(), naam), naam)
    assert voorbeelden, f"geen voorbeeld van {naam}"
    for functie in voorbeelden:
        for arg in functie.args.args:
            assert arg.arg in spec, f"{naam}: argument '{arg.arg}' staat niet in de specificatie"
            assert ast.unparse(arg.annotation) == spec[arg.arg].annotation  # type: ignore[arg-type]
        protocol = referentie.register_protocol(naam)
        if protocol is not None:
            toegestaan = set(inspect.signature(protocol.__call__).parameters)
            assert _register_keywords(functie) <= toegestaan, naam
    assert f"def {naam}({', '.join(f'{n}: {p.annotation}' for n, p in spec.items())})" in (
        referentie.render_hookspec(naam)
    )


def _hooks_page() -> str:
    return (DOCS / "referentie" / "hooks.md").read_text(encoding="utf-8")


def test_every_installed_command_is_documented() -> None:
    tekst = (DOCS / "referentie" / "cli.md").read_text(encoding="utf-8")
    geinstalleerd = list(referentie.commands())
    assert {"check", "plugin nieuw", "match", "analyse"} <= set(geinstalleerd)
    for pad in geinstalleerd:
        sectie = _section(tekst, f"oi {pad}")
        assert f"<!-- oi:opdracht {pad} -->" in sectie, pad
        assert "Niet geïnstalleerd" not in referentie.render_command(pad)


def test_the_planned_commands_have_a_section() -> None:
    tekst = (DOCS / "referentie" / "cli.md").read_text(encoding="utf-8")
    for pad in ("plugins", "activiteiten", "gebieden", "gebied", "match", "analyse", "check",
                "plugin nieuw", "excel serve", "excel werkmap", "rapport"):  # fmt: skip
        assert f"<!-- oi:opdracht {pad} -->" in _section(tekst, f"oi {pad}")


def _undocumented_functions() -> list[str]:
    """Core functions must be described by hand (docs/excel/); a plugin's function is
    documented by the generated page, which needs its description and argument help."""
    handgeschreven = "\n".join(
        t for p, t in _pages().items() if p.name != "excel-plugins.md"
    )  # fmt: skip
    gegenereerd = referentie.render_plugin_functions()
    uit = []
    for naam, functie in oi_core.excel_functies().items():
        if functie.plugin.startswith("oi_core."):
            gedocumenteerd = naam in handgeschreven
        else:
            teksten = [functie.beschrijving, *(a.beschrijving for a in functie.argumenten)]
            gedocumenteerd = referentie.render_excel_function(functie) in gegenereerd and all(
                t.strip() for t in teksten
            )
        if not gedocumenteerd:
            uit.append(naam)
    return uit


def test_every_registered_excel_function_is_documented() -> None:
    assert len(oi_core.excel_functies()) > 0
    assert _undocumented_functions() == []


@pytest.fixture
def voorbeeld(monkeypatch: pytest.MonkeyPatch) -> Iterator[ModuleType]:
    monkeypatch.syspath_prepend(str(VOORBEELD))
    yield importlib.import_module("oi_sportvoorzieningen")
    sys.modules.pop("oi_sportvoorzieningen", None)


def _plugin_met(module: str, functie: oi_core.ExcelFunctie) -> ModuleType:
    plugin = ModuleType(module)

    @oi_core.hookimpl
    def register_excel_functies(register: Callable[[oi_core.ExcelFunctie], None]) -> None:
        register(functie)

    plugin.register_excel_functies = register_excel_functies  # type: ignore[attr-defined]
    return plugin


def test_an_undocumented_function_is_caught(voorbeeld: ModuleType) -> None:
    with isolated(voorbeeld):
        assert "OI_SPORT_FTE_PER_1000" in oi_core.excel_functies()
        assert _undocumented_functions() == []
    kern = _plugin_met("oi_core.nep", oi_core.ExcelFunctie("OI_NERGENS_BESCHREVEN", len, "Telt."))
    with isolated(kern):
        assert "OI_NERGENS_BESCHREVEN" in _undocumented_functions()
    zonder_hulp = oi_core.ExcelFunctie(
        "OI_ZONDER_HULP", len, "Telt.", argumenten=(oi_core.ExcelArgument("x", ""),)
    )
    with isolated(_plugin_met("oi_plugin_nep", zonder_hulp)):
        assert _undocumented_functions() == ["OI_ZONDER_HULP"]


# -- content ------------------------------------------------------------------------------
def test_getting_started_has_the_two_readme_commands() -> None:
    tekst = (DOCS / "aan-de-slag.md").read_text(encoding="utf-8")
    assert "python3 -m pip install uv && python3 -m uv run oi rapport" in tekst
    assert "python3 -m pip install uv && python3 -m uv run pytest" in tekst


METHODE = (
    "100 · a_i / b_i", "100 · (a_i − b_i)", "C = 2 · cov_w(y, R) / μ_w", "Verdeling inzet",
    "Opgave", "Match", "herverdelen", "toevoegen", "prioriteren/ontzien", "ongelijk verdienen",
    "partners mobiliseren", "NHS England", "Urban Institute", "Rotterdam", "San Antonio",
    "basisniveau",
)  # fmt: skip


def test_the_method_page_has_formulas_steps_forms_and_references() -> None:
    tekst = (DOCS / "methode.md").read_text(encoding="utf-8")
    for stuk in METHODE:
        assert stuk in tekst, stuk


def test_the_glossary_defines_the_terms_of_the_method() -> None:
    tekst = (DOCS / "begrippenlijst.md").read_text(encoding="utf-8")
    termen = set(re.findall(r"^(\S[^\n]*)\n:   ", tekst, re.M))
    for term in ("Aandeel", "Activiteit", "Ambitie", "Doel", "Inzet", "Match", "OI-index", "Opgave",
                 "Resultaat", "Resultatenketen", "Schakel", "Signaal", "Stapeling", "Plugin",
                 "Hook", "Controlebevinding", "Ernst", "Aggregatie"):  # fmt: skip
        assert term in termen, term


def test_the_library_page_records_every_choice() -> None:
    tekst = (DOCS / "bibliotheken.md").read_text(encoding="utf-8")
    for naam in ("typer", "rich", "pydantic", "pluggy", "pandas", "calamine", "xlsxwriter",
                 "matplotlib", "mkdocs-material", "xlwings", "noncommercial"):  # fmt: skip
        assert naam in tekst, naam


def test_the_tutorial_shows_what_the_example_really_says(voorbeeld: ModuleType) -> None:
    tekst = (DOCS / "handleiding" / "plugin-schrijven.md").read_text(encoding="utf-8")
    samenvatting = voorbeeld.samenvatting(voorbeeld.analyse())
    assert f"> **{samenvatting.titel}**" in tekst
    for bevinding in samenvatting.bevindingen:
        assert f"> - {bevinding}" in tekst
    waarde = f"{voorbeeld.fte_per_1000_kinderen('Noord'):.2f}".replace(".", ",")
    assert f'`=OI_SPORT_FTE_PER_1000("Noord")` geeft {waarde}.' in tekst


# -- nav and build ------------------------------------------------------------------------
def _nav_files(items: list[object]) -> list[str]:
    uit: list[str] = []
    for item in items:
        waarde = next(iter(item.values())) if isinstance(item, dict) else item
        uit += _nav_files(waarde) if isinstance(waarde, list) else [str(waarde)]
    return uit


def _nav() -> list[str]:
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    return _nav_files(config["nav"])


def test_the_conventions_page_names_every_subpackage_and_distribution() -> None:
    tekst = (DOCS / "conventies.md").read_text(encoding="utf-8")
    kern = Path(oi_core.__file__).parent
    for map_ in sorted(p.name for p in kern.iterdir() if (p / "__init__.py").is_file()):
        assert f"| `{map_}/` |" in tekst, map_
    for naam in ("oi-core", "oi-excel", "oi-rapport", "oi-stapeling"):
        assert f"| `{naam}` |" in tekst, naam
    assert "register_metrieken" in tekst  # why the hook went


def test_every_page_of_mine_is_in_the_nav() -> None:
    nav = set(_nav())
    eigen = {p.relative_to(DOCS).as_posix() for p in _pages() if "excel" not in p.parts}
    assert eigen == {n for n in nav if not n.startswith("excel/")}
    assert {f"excel/{p}" for p in EXCEL_PAGINAS} <= nav


@pytest.mark.xfail(EXCEL_ONTBREEKT, reason="docs/excel/ wordt geschreven door de Excel-laag")
def test_the_excel_pages_exist() -> None:
    for pagina in EXCEL_PAGINAS:
        assert (DOCS / "excel" / pagina).exists(), pagina


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    doel = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    uit = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(doel)],
        cwd=REPO, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert uit.returncode == 0, uit.stdout + uit.stderr
    return doel


@pytest.mark.slow  # the mkdocs build
def test_mkdocs_build_strict_passes_and_includes_the_generated_parts(site: Path) -> None:
    cli = (site / "referentie" / "cli.html").read_text(encoding="utf-8")
    for pad in referentie.commands():
        assert f"oi {pad} [OPTIES]" in cli, pad
    hooks = (site / "referentie" / "hooks.html").read_text(encoding="utf-8")
    assert hooks.count("Specificatie (uit") == len(referentie.hookspec_names())
    tutorial = (site / "handleiding" / "plugin-schrijven.html").read_text(encoding="utf-8")
    assert "OI_SPORT_FTE_PER_1000" in tutorial and "register_activiteiten" in tutorial
    assert "--8&lt;--" not in tutorial  # every snippet was included


@pytest.mark.slow  # the mkdocs build
def test_the_site_works_offline(site: Path) -> None:
    extern = re.compile(r"<(?:script|link|img)[^>]+(?:src|href)=\"(https?:)?//", re.I)
    for pagina in site.rglob("*.html"):
        tekst = pagina.read_text(encoding="utf-8")
        assert not extern.search(tekst), pagina
        assert "fonts.googleapis" not in tekst and "fonts.gstatic" not in tekst
    assert (site / "search" / "search_index.js").exists()  # search without a server


def test_the_tutorials_check_output_is_real(
    voorbeeld: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    from oi_core.check import check_plugin

    echt = voorbeeld.data
    monkeypatch.setattr(
        voorbeeld, "data", lambda: echt().replace({"gebied": {"Zuidoost": "Zuidoostt"}})
    )
    fouten = [b for b in check_plugin(voorbeeld).bevindingen() if b.controle == "gegevens"]
    assert [b.waar for b in fouten] == [
        f"gegevens, rij {r}, kolom 'gebied'" for r in (7, 15, 23, 31)
    ]
    tekst = (DOCS / "handleiding" / "plugin-schrijven.md").read_text(encoding="utf-8")
    assert f"fout         {fouten[0].activiteit} · {fouten[0].waar}: {fouten[0].melding}" in tekst
