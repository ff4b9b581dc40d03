"""Presentation for people: Dutch notation of numbers and texts."""

from __future__ import annotations
