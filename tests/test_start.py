"""Start-up: ``oi --help`` and ``oi gebied`` import nothing heavy they do not need.

Each test starts a fresh interpreter (so it is ``slow``) and looks at ``sys.modules``
after the command ran. The speed itself is measured in ``benchmarks/run.py``.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

ZWAAR = ("pandas", "numpy", "pydantic", "matplotlib", "xlwings")
PLUGINDATA = ("activiteit", "gegevens", "bronnen", "excel", "rapport", "analyses")

_SCRIPT = """
import json, sys
from oi_core.cli import main
try:
    main({argv!r})
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def _modules(*argv: str) -> tuple[set[str], str]:
    uit = subprocess.run(
        [sys.executable, "-c", _SCRIPT.format(argv=list(argv))],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return set(json.loads(uit.stderr.strip().splitlines()[-1])), uit.stdout


def _plugin_data(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m.startswith("oi_") and m.rsplit(".", 1)[-1] in PLUGINDATA)


@pytest.mark.slow
def test_help_importeert_niets_zwaars() -> None:
    modules, uitvoer = _modules("--help")
    assert "gebied" in uitvoer and "rapport" in uitvoer
    assert sorted({m.split(".")[0] for m in modules} & set(ZWAAR)) == []
    assert _plugin_data(modules) == []
    assert "oi_core.model.activiteit" not in modules


@pytest.mark.slow
def test_gebied_laadt_geen_plugingegevens_en_geen_figuren() -> None:
    modules, uitvoer = _modules("gebied", "N-West", "--niveau", "stadsdeel")
    assert "Nieuw-West" in uitvoer
    assert {m.split(".")[0] for m in modules} & {"matplotlib", "xlwings"} == set()
    assert _plugin_data(modules) == []
    assert "oi_core.model.activiteit" not in modules  # the pydantic models of activities


def test_soorten_zonder_pydantic_zijn_die_van_het_model() -> None:
    from oi_core.model import activiteit, soorten

    for naam in soorten.__all__:
        assert getattr(activiteit, naam) is getattr(soorten, naam)
