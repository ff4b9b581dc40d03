"""``python -m oi_core`` runs the ``oi`` command line."""

import sys

from .cli import main

sys.exit(main())
