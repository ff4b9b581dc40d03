"""What compensation would cost: the discussion point "the trade-off must be explicit".

The arithmetic lives in the shares kernel (:meth:`~oi_core.rekenen.kern.Verdeling.compensatie`,
see :class:`~oi_core.rekenen.kern.Compensatie` for the two formulas); this module offers it
for inzet and opgave given as labelled values, with the kernel's checks.
"""

from __future__ import annotations

from oi_core.invoer.reeksen import Labels
from oi_core.rekenen.kern import Compensatie, verdeel

__all__ = ["Compensatie", "compensatie"]


def compensatie(inzet: Labels, opgave: Labels) -> Compensatie:
    """Cost of compensation for ``inzet`` (amounts) and ``opgave`` by area."""
    return verdeel(inzet, opgave).compensatie()
