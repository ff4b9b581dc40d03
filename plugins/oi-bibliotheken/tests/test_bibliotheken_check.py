"""The core's check suite (oi check) for this plugin: hooks, definition, data, summary,
Excel functions — the same checks every department's CI runs."""

import oi_bibliotheken

from oi_core.testing import PluginChecks


class TestCheck(PluginChecks):
    plugin = oi_bibliotheken.plugin
    strikt = True
