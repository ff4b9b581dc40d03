"""Draw the add-in's icons (``excel/server/static/images/icons/oi-*.png``).

Run once after changing the design: ``uv run python excel/tools/iconen.py``. The icons are
committed; the manifest points at them on the add-in's own server (no third-party site).
A red square (Amsterdam's red, #EC0000) with the white letters "OI".
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

DOEL = Path(__file__).resolve().parents[1] / "server" / "static" / "images" / "icons"
MATEN = (16, 32, 64, 80)


def teken(maat: int, pad: Path) -> None:
    fig = plt.figure(figsize=(1, 1), dpi=maat)
    fig.patch.set_facecolor("#EC0000")
    fig.text(0.5, 0.47, "OI", color="white", ha="center", va="center",
             fontsize=maat * 0.55 * 72 / maat, fontweight="bold")  # fmt: skip
    fig.savefig(pad, dpi=maat, facecolor=fig.get_facecolor())
    plt.close(fig)


if __name__ == "__main__":
    DOEL.mkdir(parents=True, exist_ok=True)
    for maat in MATEN:
        teken(maat, DOEL / f"oi-{maat}.png")
