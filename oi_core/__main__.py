"""``python -m oi_core`` runs the ``oi`` command line."""

from oi_core.cli import script

script()
