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


def test_a_published_index_that_is_the_rounded_computed_one_lies_within_rounding() -> None:
    """Invariant of :func:`published_deviations`: the computed index rounded to a whole
    number (as a presentation publishes it) is never outside the rounding interval, and
    the computed index itself is never marked at all; a published index beside it in
    another class is marked, with that reason."""
    import numpy as np
    import pandas as pd
    from hypothesis import given, settings
    from hypothesis import strategies as st
    from oi_rapport.voorpagina import published_deviations

    from oi_core.rekenen.analyse import match

    aandelen = st.lists(st.integers(1, 60), min_size=2, max_size=8)

    @settings(max_examples=80, deadline=None)
    @given(aandelen, aandelen)
    def check(inzet: list[int], opgave: list[int]) -> None:
        n = min(len(inzet), len(opgave))
        codes = [f"g{i}" for i in range(n)]
        m = match(pd.Series(inzet[:n], index=codes), pd.Series(opgave[:n], index=codes))
        m.insert(0, "naam", codes)
        zelf = published_deviations(m, m["oi_index"])
        assert not zelf["afwijkend"].any()
        afgerond = published_deviations(m, np.floor(m["oi_index"] + 0.5))
        assert not afgerond["buiten_afronding"].any()
        assert (afgerond["afwijkend"] == afgerond["andere_klasse"]).all()
        ver = published_deviations(
            m, pd.Series(np.where(m["oi_index"] < 100, 300.0, 20.0), index=codes)
        )
        assert ver["andere_klasse"].all() and ver["afwijkend"].all()

    check()


def test_the_match_table_shows_the_signal_in_short_with_the_full_phrase_for_every_reader() -> None:
    """One line per row: ``▼ minder`` in the cell; the header completes the phrase, the
    caption spells each out, the HTML cell keeps it as title and for screen readers, the
    workbook's formula gives the short word (its cached value is the core's signal)."""
    import io

    import openpyxl
    from oi_rapport.document import Rapport, Sectie, cell_text
    from oi_rapport.figuren import Afbeeldingen
    from oi_rapport.html_weergave import _table
    from oi_rapport.tabellen import SIGNAAL_KOP, SIGNAAL_KORT
    from oi_rapport.xlsx_weergave import render_xlsx

    from oi_core.rekenen.kern import SIGNALEN

    reg = activiteit("straatreiniging")
    h = build_activity(reg, reg.analyse())
    tabel = next(b for b in h.blokken if getattr(b, "sleutel", "") == "straatreiniging-match")
    kolom = next(k for k in tabel.kolommen if k.naam == "signaal")
    assert kolom.kop == SIGNAAL_KOP and set(SIGNAAL_KORT) == set(SIGNALEN)
    for voluit, kort in SIGNAAL_KORT.items():
        assert f"{kort} is {voluit}" in tabel.bijschrift
        assert len(kort) <= 15 and not kort.startswith("=")  # one short line, never a formula
    html = _table(tabel)
    for voluit in h.match["signaal"]:
        kort = SIGNAAL_KORT[voluit]
        assert cell_text(kolom, voluit) == kort
        assert (
            f'title="{voluit}"><span aria-hidden="true">{kort}</span>'
            f'<span class="sr">{voluit}</span>'
        ) in html
    rapport = Rapport("T", "", "", (Sectie("s", "S", "S", (tabel,)),))
    ws = openpyxl.load_workbook(io.BytesIO(render_xlsx(rapport, None, Afbeeldingen())))["S"]
    cellen = {c.value: c for r in ws.iter_rows() for c in r}
    kop = cellen[SIGNAAL_KOP]
    onder = [ws.cell(kop.row + 1 + i, kop.column).value for i in range(len(h.match))]
    assert all(str(f).startswith("=IF(") and "▼ minder" in str(f) for f in onder)
    waarden = openpyxl.load_workbook(
        io.BytesIO(render_xlsx(rapport, None, Afbeeldingen())), data_only=True
    )["S"]
    gecached = [waarden.cell(kop.row + 1 + i, kop.column).value for i in range(len(h.match))]
    assert gecached == [SIGNAAL_KORT[s] for s in h.match["signaal"]]
    hoogtes = [ws.row_dimensions[kop.row + 1 + i].height for i in range(len(h.match))]
    assert all(hg is None or hg <= 30 for hg in hoogtes), hoogtes  # one or two lines
