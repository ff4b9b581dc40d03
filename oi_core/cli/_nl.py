"""Dutch for the parts of Typer and Click a user reads (help panels, usage errors).

Typer ships its own copy of Click with English texts. The panel titles are module
constants, the help option comes from one decorator and the usage line from one
formatter method; each is set here, guarded, so a Typer upgrade falls back to English
instead of breaking (``tests/test_cli.py`` notices). Usage errors are caught and told in
Dutch with the exit code Click gives (2); an :class:`~oi_core.errors.OIFout` is a user
mistake and ends with its Dutch message and exit code 1, never a traceback.
"""

from __future__ import annotations

import importlib
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO

import typer
from rich.console import Console
from rich.markup import escape
from typer import rich_utils

from oi_core.errors import OIFout, OIWaarschuwing

_PANEEL = {
    "ARGUMENTS_PANEL_TITLE": "Argumenten",
    "OPTIONS_PANEL_TITLE": "Opties",
    "COMMANDS_PANEL_TITLE": "Opdrachten",
    "ERRORS_PANEL_TITLE": "Fout",
    "ABORTED_TEXT": "Afgebroken.",
    "DEFAULT_STRING": "[standaard: {}]",
    "REQUIRED_LONG_STRING": "[verplicht]",
    "ENVVAR_STRING": "[omgevingsvariabele: {}]",
    "RICH_HELP": "Probeer [blue]'{command_path} {help_option}'[/] voor hulp.",
}
HULP = "Toon deze hulp en stop."


def _module(naam: str) -> Any:
    try:
        return importlib.import_module(naam)
    except ImportError:
        return None


def _dutch_usage() -> None:
    formatting = _module("typer._click.formatting")
    origineel = getattr(getattr(formatting, "HelpFormatter", None), "write_usage", None)
    if origineel is None or getattr(origineel, "_oi_nl", False):
        return

    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        origineel(self, prog, args, "Gebruik: " if prefix is None else prefix)

    write_usage._oi_nl = True  # type: ignore[attr-defined]
    formatting.HelpFormatter.write_usage = write_usage


def _dutch_help_option() -> None:
    decorators = _module("typer._click.decorators")
    origineel = getattr(decorators, "help_option", None)
    if origineel is None or getattr(origineel, "_oi_nl", False):
        return

    def help_option(param_decls: list[str]) -> Callable[[Any], Any]:
        decorator = origineel(param_decls)

        def toepassen(command: Any) -> Any:
            command = decorator(command)
            command.params[-1].help = HULP
            return command

        return toepassen

    help_option._oi_nl = True  # type: ignore[attr-defined]
    decorators.help_option = help_option


def make_dutch() -> None:
    """Set the Dutch texts (idempotent)."""
    for naam, tekst in _PANEEL.items():
        setattr(rich_utils, naam, tekst)
    _dutch_usage()
    _dutch_help_option()


def _usage_message(fout: Any) -> str:
    soort = type(fout).__name__
    param = getattr(fout, "param", None)
    naam = getattr(param, "name", None) or getattr(fout, "param_hint", None) or ""
    if soort == "MissingParameter":
        return f"ontbrekend argument of optie '{str(naam).upper()}'"
    if soort == "NoSuchOption":
        return f"onbekende optie: {fout.option_name}"
    if soort == "BadParameter":
        return f"ongeldige waarde voor '{naam}': {fout.message}"
    if soort == "NoSuchCommand" or "No such command" in str(fout.message):
        return f"onbekende opdracht: {str(fout.message).split(' ', 3)[-1]}"
    return str(fout.message)


@contextmanager
def _dutch_warnings(console: Console) -> Iterator[None]:
    """Show an :class:`OIWaarschuwing` as a Dutch 'Let op:' line, once per message."""
    with warnings.catch_warnings():
        warnings.simplefilter("default", OIWaarschuwing)
        oud = warnings.showwarning

        def tonen(  # the signature of warnings.showwarning
            message: Warning | str,
            category: type[Warning],
            filename: str,
            lineno: int,
            file: TextIO | None = None,
            line: str | None = None,
        ) -> None:
            if issubclass(category, OIWaarschuwing):
                console.print(f"[yellow]Let op:[/] {escape(str(message))}")
            else:
                oud(message, category, filename, lineno, file, line)

        warnings.showwarning = tonen
        yield


def run_dutch(app: typer.Typer, argv: list[str]) -> int:
    """Run ``app`` with Dutch help, and Dutch messages for usage and user errors."""
    make_dutch()
    fouten = Console(stderr=True, highlight=False)
    with _dutch_warnings(fouten):
        return _run(app, argv, fouten)


def _run(app: typer.Typer, argv: list[str], fouten: Console) -> int:
    command = typer.main.get_command(app)
    uitzonderingen = _module("typer._click.exceptions")
    gebruik = getattr(uitzonderingen, "UsageError", ())
    geen_args = getattr(uitzonderingen, "NoArgsIsHelpError", ())
    try:
        resultaat = command.main(args=argv, prog_name="oi", standalone_mode=False)
    except geen_args as fout:
        fouten.print(fout.ctx.get_help() if fout.ctx else "", markup=False)
        return 2
    except gebruik as fout:
        pad = fout.ctx.command_path if fout.ctx else "oi"
        fouten.print(
            f"[red]Fout:[/] {escape(_usage_message(fout))}\nProbeer '{pad} --help' voor hulp."
        )
        return 2
    except typer.Abort:
        fouten.print("Afgebroken.")
        return 1
    except typer.Exit as stop:
        return int(stop.exit_code)
    except OIFout as fout:
        fouten.print(f"[red]Fout:[/] {escape(str(fout))}")
        return 1
    return resultaat if isinstance(resultaat, int) else 0
