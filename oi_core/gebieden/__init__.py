"""Areas: the Gebiedsindeling at every scale level, reading it from CSV, and matching names
as people write them. The embedded Amsterdam data (2022 division, 2024 population) is in
``data/`` with its provenance in ``data/HERKOMST.md``."""

from __future__ import annotations

from oi_core.gebieden.indeling import HIERARCHIE, MEERVOUD, Gebied, Gebiedsindeling

__all__ = ["HIERARCHIE", "MEERVOUD", "Gebied", "Gebiedsindeling"]
