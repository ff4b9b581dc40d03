"""Plugin for the activity 'groot_onderhoud' (Groot onderhoud bestrating) — under construction."""

from __future__ import annotations
