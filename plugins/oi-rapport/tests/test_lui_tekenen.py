"""Building a report loads no drawing code until a figure has to be drawn.

With a warm figure cache the report never draws, so it must not pay for importing
matplotlib: the chapter, front-page and map-classes code (``oi_rapport.geo``) stays free
of it, and only :mod:`oi_rapport.kaart` and the drawing in :mod:`oi_rapport.figuren` load it.
"""

from __future__ import annotations

import subprocess
import sys


def test_the_report_modules_do_not_import_matplotlib() -> None:
    code = (
        "import sys\n"
        "import oi_rapport.maak, oi_rapport.voorpagina, oi_rapport.activiteit, oi_rapport.geo\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'matplotlib'))\n"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert uit.stdout.strip() == "[]"
