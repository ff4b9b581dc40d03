"""Every column of the groot-onderhoud report parts and Excel spills has a Dutch header."""

import numpy as np
import oi_groot_onderhoud
from oi_groot_onderhoud.excel import oi_groot_onderhoud_interval, oi_groot_onderhoud_weging

from oi_core.check.kolommen import ongeregistreerde_kolommen

NAMEN = ["Centrum", "Noord", "Oost"]


def test_no_code_name_reaches_a_person() -> None:
    budget, opgave = np.array([10.0, 20.0, 70.0]), np.array([20.0, 30.0, 50.0])
    weging = oi_groot_onderhoud_weging(
        NAMEN, budget, opgave, np.array([20.0, 30.0, 40.0]), np.array([6.0, 7.0, 6.5])
    )
    interval = oi_groot_onderhoud_interval(budget, opgave, NAMEN)
    assert ongeregistreerde_kolommen(oi_groot_onderhoud.plugin, [weging, interval]) == []
