"""The core's conformance suite for the Excel plugin module (its commands)."""

import oi_excel.cli

from oi_core.testing import PluginContract


class TestConformiteit(PluginContract):
    plugin = oi_excel.cli
    strikt = True
