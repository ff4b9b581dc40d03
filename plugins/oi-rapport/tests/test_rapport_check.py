"""The core's check suite for the plugin ``rapport`` (the command ``oi rapport``)."""

import oi_rapport.cli

from oi_core.testing import PluginChecks


class TestCheck(PluginChecks):
    plugin = oi_rapport.cli
    strikt = True
    heeft_activiteiten = False
