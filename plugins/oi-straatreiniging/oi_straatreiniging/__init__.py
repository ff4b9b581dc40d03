"""Plugin for the activity 'straatreiniging' (Straatreiniging) — under construction."""

from __future__ import annotations
