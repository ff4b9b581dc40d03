"""Plugin 'stapeling': the chapter *Stapeling van ongelijkheid* (nine indicators across life
domains, per gebied and per SES group)."""

from __future__ import annotations

from oi_stapeling.hoofdstuk import StapelingHoofdstuk, build_stapeling, load_seed

__all__ = ["StapelingHoofdstuk", "build_stapeling", "load_seed"]
