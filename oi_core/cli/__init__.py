"""The ``oi`` command line.

Commands are registered through the ``register_commands`` hook, the core's own
(:mod:`oi_core.cli.basis`) exactly like a plugin's. Commands only parse their arguments
and call core functions, so every number is computed in one place.
"""

from __future__ import annotations

import gc
import sys

import typer

from oi_core.cli._nl import run_dutch
from oi_core.plugins.manager import add_commands

__all__ = ["build_app", "main", "script"]

HELP = (
    "Ongelijk investeren voor gelijke kansen: verdeling inzet, opgave en match per "
    "activiteit, gebied of doelgroep."
)


def build_app() -> typer.Typer:
    """The ``oi`` app with every plugin's commands added."""
    app = typer.Typer(
        name="oi",
        help=HELP,
        no_args_is_help=True,
        add_completion=False,
        rich_markup_mode="rich",
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    add_commands(app)
    return app


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``oi`` script; returns the exit code."""
    return run_dutch(build_app(), sys.argv[1:] if argv is None else argv)


def script() -> None:
    """The ``oi`` script and ``python -m oi_core``: :func:`main` in a process of its own.

    One command is a short run that keeps most of what it allocates until it ends, so the
    cyclic garbage collector is run far less often than Python's default (every 700 new
    objects), as mypy does: it cost 10–12 % of a report (``docs/prestaties.md``).
    """
    gc.set_threshold(200_000, 30, 30)
    sys.exit(main())
