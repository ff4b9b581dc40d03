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
