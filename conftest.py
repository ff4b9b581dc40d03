"""The option ``--betrouwbaarheid PAD``: write the page ``docs/betrouwbaarheid.md`` from the
results of the tests marked ``betrouwbaarheid`` (the generator is ``tests/betrouwbaarheid.py``).

Without the option nothing changes: no plugin is registered and no file is written.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

# Tests draw every figure: the persistent figure cache of the report is off (a test that
# checks the cache turns it on with its own folder).
os.environ.setdefault("OI_FIGUURCACHE", "uit")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--betrouwbaarheid",
        metavar="PAD",
        default=None,
        help="schrijf de pagina betrouwbaarheid (markdown) uit de uitslagen van de tests met "
        "de marker betrouwbaarheid",
    )


def pytest_configure(config: pytest.Config) -> None:
    pad = config.getoption("--betrouwbaarheid")
    if not pad:
        return
    bron = Path(__file__).resolve().parent / "tests" / "betrouwbaarheid.py"
    spec = importlib.util.spec_from_file_location("oi_betrouwbaarheid", bron)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    config.pluginmanager.register(module.Verzamelaar(Path(pad)), "oi-betrouwbaarheid")
