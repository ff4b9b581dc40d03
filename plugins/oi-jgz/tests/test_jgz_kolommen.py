"""Every column of the JGZ report parts and Excel spills has a Dutch header."""

import numpy as np
import oi_jgz
from oi_jgz.excel import oi_jgz_fte, oi_jgz_sleutel

from oi_core.check.kolommen import ongeregistreerde_kolommen


def test_no_code_name_reaches_a_person() -> None:
    fte = oi_jgz_fte(["Oud-Zuid", "GT22"], np.array([0.109, 0.432]))
    sleutel = oi_jgz_sleutel(np.array([1.0, 2.0, 3.0]), np.array([100.0, 200.0, 450.0]))
    assert ongeregistreerde_kolommen(oi_jgz.plugin, [fte, sleutel]) == []
