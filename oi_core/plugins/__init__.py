"""The plugin system: hook specifications, the plugin manager and the core's own plugin."""

from __future__ import annotations
