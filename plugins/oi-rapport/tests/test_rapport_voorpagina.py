"""The front page of an activity (:mod:`oi_rapport.voorpagina`) on real plugin data."""

from __future__ import annotations

from oi_rapport.activiteit import build_activity
from oi_rapport.opmaak import amount, number
from oi_rapport.voorpagina import MAX_RIJEN

from oi_core.plugins.manager import activiteit


def test_a_front_page_holds_the_finding_the_match_the_trade_offs_and_the_questions() -> None:
    """Straatreiniging on its real data: every number on the front page is the core's."""

    reg = activiteit("straatreiniging")
    h = build_activity(reg, reg.analyse())
    v = h.voorpagina
    assert v is not None and v.kaart is not None and v.kaart.figuur.soort == "kaart"
    laagste = h.match.sort_values("oi_index").iloc[0]
    assert laagste["naam"] in v.bevinding
    assert f"OI-index {number(laagste['oi_index'], 0)}" in v.bevinding
    assert len(v.match.data) == min(MAX_RIJEN, len(h.match))
    koppen = [k.kop for k in v.match.kolommen]
    assert koppen[-2:] == ["OI-index berekend", "OI-index gepubliceerd"]  # published beside
    assert v.toelichting and "Gepubliceerd:" in v.toelichting[-1]
    eenheid = reg.activiteit.match_inzet.eenheid
    assert [a.keuze for a in v.afwegingen] == ["Herverdelen", "Toevoegen", "Zo laten"]
    assert v.afwegingen[0].omvang.startswith(amount(h.compensatie.herverdelen, eenheid))
    assert v.afwegingen[1].omvang.startswith(amount(h.compensatie.toevoegen, eenheid))
    assert v.vragen == h.samenvatting.discussiepunten and v.vragen
    assert not any("R²" in t for t in (v.bevinding, *v.vragen))


def test_a_wide_table_is_split_into_parts_that_repeat_the_name_columns() -> None:
    import pandas as pd
    from hypothesis import given
    from hypothesis import strategies as st
    from oi_rapport.document import Kolom, Tabel
    from oi_rapport.html_weergave import MAX_KOLOMMEN, table_parts

    @given(st.integers(1, 30), st.integers(0, 2))
    def check(n: int, tekst: int) -> None:
        kolommen = tuple(
            Kolom(f"k{i}", f"Kolom {i}", "tekst" if i < tekst else "getal") for i in range(n)
        )
        tabel = Tabel("t", "T", pd.DataFrame({k.naam: [1] for k in kolommen}), kolommen)
        delen = table_parts(tabel)
        assert all(len(d.kolommen) <= MAX_KOLOMMEN for d in delen)
        vast = kolommen[: min(tekst, n)]
        assert all(d.kolommen[: len(vast)] == vast for d in delen)
        rest = [k for d in delen for k in d.kolommen[len(vast) :]]
        assert rest == list(kolommen[len(vast) :])  # every column once, in order
        assert len(delen) == 1 or min(len(d.kolommen) - len(vast) for d in delen) >= 3

    check()
