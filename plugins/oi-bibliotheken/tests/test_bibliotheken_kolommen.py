"""Every column of the library report parts and Excel spills has a Dutch header."""

import oi_bibliotheken
from oi_bibliotheken.excel import bib_vestigingen

from oi_core.check.kolommen import ongeregistreerde_kolommen
from oi_core.plugins.manager import isolated
from oi_core.weergave.kolommen import kolom


def test_no_code_name_reaches_a_person() -> None:
    assert ongeregistreerde_kolommen(oi_bibliotheken.plugin, [bib_vestigingen()]) == []


def test_the_distance_column_has_a_plain_header() -> None:
    with isolated(oi_bibliotheken.plugin):
        km = kolom("km_hemelsbreed")
    assert (km.kop, km.formaat, km.decimalen) == ("Hemelsbrede afstand (km)", "getal", 2)
