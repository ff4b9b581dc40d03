"""Plugin for the activity 'bibliotheken' (Openbare bibliotheken (OBA)) — under construction."""

from __future__ import annotations
