"""The core's check suite for the plugin ``stapeling`` (a report chapter, its columns)."""

import oi_stapeling

from oi_core.testing import PluginChecks


class TestCheck(PluginChecks):
    plugin = oi_stapeling
    strikt = True
    heeft_activiteiten = False
