"""``python -m oi_core`` runs the ``oi`` command line."""

import sys

from oi_core.cli import main

sys.exit(main())
