"""The core's conformance suite for the plugin ``excel`` (built-in functions, commands)."""

import oi_excel.plugin

from oi_core.testing import PluginChecks


class TestCheck(PluginChecks):
    plugin = oi_excel.plugin
    strikt = True
    heeft_activiteiten = False
