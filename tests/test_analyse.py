"""The three steps for one activity, with buurt data aggregated upward."""

from __future__ import annotations

import pandas as pd
import pytest

from oi_core import Analyse, Gebiedsindeling, InvoerFout, OIWaarschuwing, match

from . import voorbeeld

IND = Gebiedsindeling.amsterdam()


@pytest.fixture(scope="module")
def analyse() -> Analyse:
    return Analyse(voorbeeld.ACTIVITEIT, voorbeeld.buurtdata())


def test_amounts_are_summed_from_buurt_to_stadsdeel(analyse: Analyse) -> None:
    kinderen = analyse.values("kinderen")
    assert kinderen["T"] == IND.area("T").inwoners_0_14
    assert set(kinderen.index) == set(IND.codes("stadsdeel"))


def test_rates_are_weighted_by_population(analyse: Analyse) -> None:
    buurt = analyse.values("score", niveau="buurt")
    pop = IND.bevolking("buurt").reindex(buurt.index)
    in_f = IND.parents("buurt", "stadsdeel").reindex(buurt.index) == "F"
    verwacht = (buurt[in_f] * pop[in_f]).sum() / pop[in_f].sum()
    with pytest.warns(OIWaarschuwing, match="geen gewicht bekend.*MK06"):  # in Oost, not in F
        assert analyse.values("score")["F"] == pytest.approx(verwacht)


def test_three_steps(analyse: Analyse) -> None:
    stap1, stap2, stap3 = analyse.verdeling_inzet(), analyse.opgave(), analyse.match()
    assert stap1["aandeel_inzet"].sum() == pytest.approx(1.0)
    assert stap2["aandeel_opgave"].sum() == pytest.approx(1.0)
    assert list(stap3.columns) == [
        "naam",
        "aandeel_inzet",
        "aandeel_opgave",
        "verschil_pp",
        "oi_index",
        "signaal",
    ]
    assert stap3.loc["F", "naam"] == "Nieuw-West"
    kern = match(analyse.values("fte"), analyse.values("kinderen"))
    pd.testing.assert_frame_equal(stap3.drop(columns="naam"), kern)


def test_other_levels_and_refusals(analyse: Analyse) -> None:
    with pytest.warns(OIWaarschuwing, match="niet in een gebied"):
        op_gebied = Analyse(voorbeeld.ACTIVITEIT, analyse.data, niveau="gebied").match()
    assert len(op_gebied) == 25  # Westpoort's buurten lie in no gebied
    with pytest.raises(InvoerFout, match="kent indicator 'xyz' niet"):
        analyse.values("xyz")


def test_table_is_wide_by_area(analyse: Analyse) -> None:
    tabel = analyse.table()
    assert list(tabel.columns) == ["naam", "fte", "score", "kinderen"]
    assert len(tabel) == 9


def test_table_leaves_out_what_is_not_available_and_says_why() -> None:
    data = pd.DataFrame(
        {
            "gebied": ["FN", "Noord", "Zuid"],
            "jaar": 2024,
            "indicator": ["score", "fte", "fte"],
            "waarde": [6.0, 1.0, 2.0],
            "niveau": ["wijk", "stadsdeel", "stadsdeel"],
        }
    )
    tabel = Analyse(voorbeeld.ACTIVITEIT, data).table()
    assert list(tabel.columns) == ["naam", "fte"]
    assert "geen volledige gegevens" in tabel.attrs["niet_beschikbaar"]["score"]
    with pytest.raises(InvoerFout, match="kinderen"):
        Analyse(voorbeeld.ACTIVITEIT, data).table(["fte", "kinderen"])


def test_the_match_is_computed_once_per_band_and_every_column_is_declared(
    analyse: Analyse, monkeypatch: pytest.MonkeyPatch
) -> None:
    from oi_core.rekenen import analyse as module
    from oi_core.rekenen.kern import BAND
    from oi_core.weergave.kolommen import kolom

    verse = Analyse(voorbeeld.ACTIVITEIT, analyse.data)
    aanroepen: list[float] = []
    echt = module.verdeel

    def tellen(*args: object, band: float, **kwargs: object) -> object:
        aanroepen.append(band)
        return echt(*args, band=band, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(module, "verdeel", tellen)
    eerste = verse.match()
    eerste["oi_index"] = -1.0  # a caller changing its copy changes nothing for the next
    assert (verse.match()["oi_index"] > 0).all()
    verse.compensatie()
    verse.match(band=0.2)
    assert aanroepen == [BAND, 0.2]
    for k in verse.match().columns:
        assert kolom(k).kop and kolom(k).formaat
