"""Every column of the street-cleaning report parts and Excel spills has a Dutch header."""

import numpy as np
import oi_straatreiniging
from oi_straatreiniging.excel import reiniging_fte

from oi_core.check.kolommen import ongeregistreerde_kolommen


def test_no_code_name_reaches_a_person() -> None:
    spill = reiniging_fte(np.array([23.0, 15.0, 12.0]), np.array([25.0, 15.0, 9.0]))
    assert ongeregistreerde_kolommen(oi_straatreiniging.plugin, [spill]) == []
