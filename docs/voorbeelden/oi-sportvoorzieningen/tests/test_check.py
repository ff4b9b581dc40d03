"""The core checks of oi_core as tests: the same checks as ``oi check``, for this plugin."""

from oi_core.testing import PluginChecks

import oi_sportvoorzieningen


class TestCheck(PluginChecks):
    plugin = oi_sportvoorzieningen
