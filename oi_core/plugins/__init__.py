"""The plugin system: the hook specifications and ``register`` protocols (``hookspecs``),
loading and calling plugins (``manager``), per-plugin fault isolation (``isolatie``) and the
core's own plugin (``builtin``)."""

from __future__ import annotations
