"""How the national pipeline's cost grows with areas, activities and years (three sizes each).

Run: ``uv run python benchmarks/groei.py``. Along each axis the other two stay small; for
every size it prints the toolkit's CPU time, the hand-written pandas baseline's and their
ratio, as the Markdown table in ``docs/prestaties.md``. Takes a few minutes.
"""

from __future__ import annotations

import landelijk
from run import ACTIVITEIT

ASSEN = {
    "buurten": [(1_460, 5, 2), (4_380, 5, 2), (14_600, 5, 2)],
    "activiteiten": [(14_600, 2, 2), (14_600, 5, 2), (14_600, 15, 2)],
    "jaren": [(14_600, 3, 1), (14_600, 3, 3), (14_600, 3, 10)],
}


def meet(buurten: int, activiteiten: int, jaren: int) -> tuple[float, float, int]:
    """CPU seconds of ours and the baseline, and the input rows."""
    schaal = buurten / 14_600  # gemeenten and wijken in proportion to the national division
    gemeenten = max(1, round(landelijk.GEMEENTEN * schaal))
    wijken = max(gemeenten, round(landelijk.WIJKEN * schaal))
    indeling = landelijk.cbs_indeling(buurten, gemeenten, wijken)
    inzet, opgave = landelijk.invoer(indeling, activiteiten, jaren)
    werk = (indeling, ACTIVITEIT, inzet, opgave)
    ons = landelijk.tijd(lambda: landelijk.ons(*werk), 1)
    basis = landelijk.tijd(lambda: landelijk.pandas_pijplijn(*werk), 1)
    rijen = sum(len(t) for t in inzet.values()) + len(opgave)
    return ons, basis, rijen


def main() -> None:
    print("| as | buurten × activiteiten × jaren | rijen | ons (s) | pandas (s) | verhouding |")
    print("|---|---|---:|---:|---:|---:|")
    for as_, maten in ASSEN.items():
        for b, a, j in maten:
            ons, basis, rijen = meet(b, a, j)
            print(
                f"| {as_} | {b:,} × {a} × {j} | {rijen:,} | {ons:.2f} | {basis:.2f} "
                f"| {ons / basis:.2f}× |".replace(",", "."),
                flush=True,
            )


if __name__ == "__main__":
    main()
