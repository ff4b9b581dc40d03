"""The core checks of oi_core as tests: the same checks as ``oi check``, for this plugin."""

from oi_core.testing import PluginContract

import oi_sportvoorzieningen


class TestConformiteit(PluginContract):
    plugin = oi_sportvoorzieningen
