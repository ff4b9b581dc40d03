"""MkDocs hooks: generated reference parts, so the docs follow the code.

Markers in a page are replaced at build time:

``<!-- oi:opdracht PAD -->``
    usage, arguments and options of ``oi PAD`` (e.g. ``plugin nieuw``), from the
    installed ``oi`` app, plugins included;
``<!-- oi:opdrachten -->``
    a table of every installed command;
``<!-- oi:hookspec NAAM -->``
    the docstring and signature of a hook specification;
``<!-- oi:controles -->``
    the table of checks of ``oi check``;
``<!-- oi:excel-plugins -->``
    every Excel function registered by a plugin (not by oi_core itself, whose functions
    are described by hand in ``docs/excel/``), from its registration.

``tests/test_docs.py`` imports this module to verify that every command and hook is
documented. Nav entries and links to pages under ``excel/`` that do not exist (yet) are
left out with an info message: the Excel pages are written by the Excel layer, and
``tests/test_docs.py`` fails (expectedly, until they land) while they are missing.
"""

from __future__ import annotations

import inspect
import logging
import re
from pathlib import Path
from typing import Any

import typer

from oi_core import ExcelFunctie, excel_functies
from oi_core.check import CONTROLES
from oi_core.cli import build_app
from oi_core.plugins import hookspecs

log = logging.getLogger("mkdocs.plugins.oi")

_MARKER = re.compile(
    r"<!--\s*oi:(opdracht|opdrachten|hookspec|controles|excel-plugins)\s*([^>]*?)\s*-->"
)


# -- commands -----------------------------------------------------------------------------
def commands() -> dict[str, Any]:
    """Every leaf command of the installed ``oi`` app by path (``"plugin nieuw"``)."""
    uit: dict[str, Any] = {}

    def lopen(groep: Any, pad: str) -> None:
        for naam, commando in groep.commands.items():
            volledig = f"{pad} {naam}".strip()
            if hasattr(commando, "commands"):
                lopen(commando, volledig)
            else:
                uit[volledig] = commando

    lopen(typer.main.get_group(build_app()), "")
    return dict(sorted(uit.items()))


def _cell(tekst: str) -> str:
    return " ".join(tekst.split()).replace("|", "\\|")


def _param_row(p: Any) -> str:
    if p.param_type_name == "argument":
        naam = f"`{(p.metavar or p.name).upper()}`"
        standaard = "verplicht" if p.required else "optioneel"
    else:
        naam = ", ".join(f"`{o}`" for o in [*p.opts, *p.secondary_opts])
        standaard = "" if p.default in (None, False) or p.is_flag else f"`{p.default}`"
    if getattr(p.default, "value", None) is not None:
        standaard = f"`{p.default.value}`"
    return f"| {naam} | {_cell(getattr(p, 'help', None) or '')} | {standaard} |"


def render_command(pad: str) -> str:
    """Markdown for one command: its help, usage and a table of its parameters."""
    alle = commands()
    if pad not in alle:
        return (
            f'!!! note "Niet geïnstalleerd"\n    `oi {pad}` is in deze omgeving niet '
            "geïnstalleerd; de opdracht komt uit een plugin. Installeer die en bouw opnieuw.\n"
        )
    commando = alle[pad]
    delen = [_help_text(commando), f"```text\noi {pad} {_usage(commando)}\n```"]
    rijen = [_param_row(p) for p in commando.params if p.name != "help"]
    if rijen:
        delen.append(
            "| argument of optie | betekenis | standaard |\n|---|---|---|\n" + "\n".join(rijen)
        )
    return "\n\n".join(delen) + "\n"


def _help_text(commando: Any) -> str:
    return inspect.cleandoc(commando.help or "").replace("\b\n", "")


def _usage(commando: Any) -> str:
    delen = []
    for p in commando.params:
        if p.param_type_name == "argument":
            naam = (p.metavar or p.name).upper()
            delen.append(naam if p.required else f"[{naam}]")
    return " ".join(["[OPTIES]", *delen])


def render_overview() -> str:
    regels = ["| opdracht | wat ze doet |", "|---|---|"]
    for pad, commando in commands().items():
        eerste = _help_text(commando).split("\n\n")[0]
        anker = "oi-" + pad.replace(" ", "-")
        regels.append(f"| [`oi {pad}`](#{anker}) | {_cell(eerste)} |")
    return "\n".join(regels) + "\n"


# -- hooks and checks ---------------------------------------------------------------------
def hookspec_names() -> list[str]:
    return sorted(
        naam
        for naam, functie in inspect.getmembers(hookspecs, inspect.isfunction)
        if hasattr(functie, "oi_spec")
    )


def _rst_to_markdown(tekst: str) -> str:
    tekst = re.sub(r":[a-z]+:`~?([\w.]+)`", lambda m: f"`{m[1].split('.')[-1]}`", tekst)
    return tekst.replace("``", "`")


def hookspec_parameters(naam: str) -> list[str]:
    """The argument names of a hook specification, in order."""
    return list(inspect.signature(getattr(hookspecs, naam)).parameters)


def register_protocol(naam: str) -> type | None:
    """The protocol that types ``register`` of hook ``naam`` (None for ``register_commands``)."""
    annotatie = inspect.signature(getattr(hookspecs, naam)).parameters.get("register")
    if annotatie is None:
        return None
    protocol = getattr(hookspecs, str(annotatie.annotation), None)
    return protocol if isinstance(protocol, type) else None


def render_hookspec(naam: str) -> str:
    """The signature, the ``register`` protocol and the (English) docstring of a hook spec."""
    functie = getattr(hookspecs, naam)
    params = inspect.signature(functie).parameters.values()
    argumenten = ", ".join(f"{p.name}: {p.annotation}" for p in params)
    docstring = _rst_to_markdown(inspect.cleandoc(functie.__doc__ or ""))
    citaat = "\n".join(f"    {regel}".rstrip() for regel in docstring.splitlines())
    protocol = register_protocol(naam)
    typering = f"\n\n\n{inspect.getsource(protocol).strip()}" if protocol else ""
    return (
        f"```python\n@hookimpl\ndef {naam}({argumenten}) -> None:\n    ...{typering}\n```\n\n"
        f'!!! quote "Specificatie (uit `oi_core/plugins/hookspecs.py`)"\n{citaat}\n'
    )


def render_checks() -> str:
    regels = ["| controle | wat ze nagaat |", "|---|---|"]
    regels += [f"| `{naam}` | {tekst} |" for naam, tekst in CONTROLES.items()]
    return "\n".join(regels) + "\n"


# -- Excel functions of plugins -----------------------------------------------------------
def plugin_functions() -> dict[str, list[ExcelFunctie]]:
    """Registered Excel functions of plugins (not of oi_core itself), per plugin."""
    uit: dict[str, list[ExcelFunctie]] = {}
    for functie in excel_functies().values():
        if not functie.plugin.startswith("oi_core."):
            uit.setdefault(functie.plugin, []).append(functie)
    return dict(sorted(uit.items()))


def _call_form(functie: ExcelFunctie) -> str:
    args = [f"[{a.naam}]" if a.optioneel else a.naam for a in functie.argumenten]
    return f"{functie.naam}({'; '.join(args)})"


def render_excel_function(functie: ExcelFunctie) -> str:
    delen = [f"### {_call_form(functie)}", _cell(functie.beschrijving)]
    if functie.argumenten:
        rijen = [f"| `{a.naam}` | {_cell(a.beschrijving)} | {'ja' if a.optioneel else 'nee'} |"
                 for a in functie.argumenten]  # fmt: skip
        delen.append("| argument | betekenis | optioneel |\n|---|---|---|\n" + "\n".join(rijen))
    if functie.voorbeeld:
        delen.append(f"Voorbeeld: `{functie.voorbeeld}`")
    if functie.resultaat:
        delen.append(f"Resultaat: {_cell(functie.resultaat)}")
    return "\n\n".join(delen)


def render_plugin_functions() -> str:
    per_plugin = plugin_functions()
    if not per_plugin:
        return "*Er zijn geen plugins met Excel-functies geïnstalleerd.*\n"
    delen = []
    for plugin, functies in per_plugin.items():
        delen.append(f"## Plugin {plugin}")
        delen += [render_excel_function(f) for f in sorted(functies, key=lambda f: f.naam)]
    return "\n\n".join(delen) + "\n"


def _replace(m: re.Match[str]) -> str:
    soort, argument = m[1], m[2]
    if soort == "excel-plugins":
        return render_plugin_functions()
    if soort == "opdracht":
        return render_command(argument)
    if soort == "opdrachten":
        return render_overview()
    if soort == "hookspec":
        return render_hookspec(argument)
    return render_checks()


# -- MkDocs events ------------------------------------------------------------------------
_LINK = re.compile(r"\[([^\]]+)\]\(([^)#\s]+\.md)(#[^)\s]*)?\)")


def _unlink_missing_excel(markdown: str, pagina: str, docs: Path) -> str:
    """Links to Excel pages that do not exist (yet) become plain text, with an info message."""

    def vervang(m: re.Match[str]) -> str:
        doel = (docs / pagina).parent / m[2]
        relatief = doel.resolve().relative_to(docs.resolve()).as_posix()
        if relatief.startswith("excel/") and not doel.exists():
            log.info("oi: link naar %s (bestaat nog niet) in %s wordt tekst", relatief, pagina)
            return m[1]
        return m[0]

    return _LINK.sub(vervang, markdown)


def on_page_markdown(markdown: str, page: Any, config: Any, **kwargs: Any) -> str:
    markdown = _MARKER.sub(_replace, markdown)
    return _unlink_missing_excel(markdown, page.file.src_uri, Path(config["docs_dir"]))


def _drop_missing(items: list[Any], docs: Path) -> list[Any]:
    uit: list[Any] = []
    for item in items:
        waarde = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(waarde, list):
            kinderen = _drop_missing(waarde, docs)
            if kinderen:
                uit.append({next(iter(item)): kinderen})
        elif (
            isinstance(waarde, str) and waarde.startswith("excel/") and not (docs / waarde).exists()
        ):
            log.info("oi: %s bestaat (nog) niet en blijft buiten het menu", waarde)
        else:
            uit.append(item)
    return uit


def on_config(config: Any, **kwargs: Any) -> Any:
    config["nav"] = _drop_missing(config["nav"] or [], Path(config["docs_dir"]))
    return config
