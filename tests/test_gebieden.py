"""The embedded Gebiedsindeling: counts, population, names as people write them, aggregation."""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from oi_core import (
    Aggregatie,
    DataFout,
    GebiedAmbigu,
    GebiedOnbekend,
    Gebiedsindeling,
    InvoerFout,
    Niveau,
    OIWaarschuwing,
)
from oi_core.pytest_plugin import check_herkomst

from .conftest import seed_tabel

IND = Gebiedsindeling.amsterdam()


@pytest.mark.parametrize(
    ("niveau", "aantal"),
    [("gemeente", 1), ("stadsdeel", 9), ("gebied", 25), ("wijk", 110), ("buurt", 518)],
)
def test_hierarchy_has_the_2022_counts(niveau: str, aantal: int) -> None:
    assert len(IND.codes(niveau)) == aantal


def test_stadsdelen_include_westpoort_and_weesp() -> None:
    namen = set(IND.table("stadsdeel")["naam"])
    assert {"Westpoort", "Weesp", "Nieuw-West", "Zuidoost"} <= namen


def test_buurt_population_sums_to_stadsdeel_totals() -> None:
    buurten = IND.table("buurt")
    som = buurten.groupby("stadsdeel")["inwoners"].sum()
    totaal = IND.bevolking("stadsdeel")
    pd.testing.assert_series_equal(som.sort_index(), totaal.sort_index(), check_names=False)
    assert totaal.sum() == 931_300  # SOURCES.md: buurt sum 931,300 (CBS city total 931,298)
    assert IND.bevolking("gemeente").iloc[0] == 931_300


def test_children_population_is_carried_at_every_level() -> None:
    assert IND.bevolking("stadsdeel", "inwoners_0_14").sum() == 122_815
    assert (
        IND.area("GF07").inwoners_0_14
        == IND.table("buurt").query("gebied == 'GF07'")["inwoners_0_14"].sum()
    )


def test_muidenbuurt_oost_has_no_population_rather_than_zero() -> None:
    assert IND.area("MK06").inwoners is None


def test_wijk_code_na_is_not_read_as_missing() -> None:
    """Wijk NA (Oostzanerwerf) would become NaN with pandas' default missing markers."""
    assert IND.area("NA").naam == "Oostzanerwerf"
    assert IND.parents("buurt", "wijk")["NA01"] == "NA"


def test_codes_and_cbs_codes_resolve() -> None:
    assert IND.resolve("F") == "F"
    assert IND.resolve("GF07") == "GF07"
    assert IND.resolve("FN") == "FN"
    assert IND.resolve("FN01") == "FN01"
    assert IND.resolve("WK0363FN") == "FN"
    assert IND.resolve("BU0363FN01") == "FN01"
    assert IND.resolve("fn01") == "FN01"


@pytest.mark.parametrize(
    ("naam", "niveau", "code"),
    [
        ("N-West", None, "F"),
        ("Nieuw West", None, "F"),
        ("Nieuw-West", "stadsdeel", "F"),
        ("Geuzenveld & Slotermeer", None, "GF07"),
        ("Geuzenveld/Slotermeer", None, "GF07"),
        ("Bijlmer Centrum", None, "GT22"),
        ("Oud West/De Baarsjes", None, "GE05"),
        ("Indische B./Oost. Haveng.", None, "GM15"),
        ("De Aker/Sloten/N.Sloten", None, "GF09"),
        ("Ijburg/Zeeburgereiland", None, "GM17"),
        ("Buitenveldert/Zuidas", None, "GK12"),
        ("Weesp, Driemond", None, "GS25"),
        ("Geerdinkh./Kantersh.", "wijk", "TF"),
        ("Ganzenhoef e.o.", "wijk", "TE"),
        ("Slotervaart-Zuid", "wijk", "FN"),
        ("Gemiddelde Amsterdam", None, "GM0363"),
        ("Chassébuurt", None, "EN"),
        ("Chassebuurt", None, "EN"),
    ],
)
def test_names_as_written_resolve(naam: str, niveau: str | None, code: str) -> None:
    assert IND.resolve(naam, niveau) == code


SEED_GEBIEDSKOLOMMEN = {
    "bibliotheken_stadsdelen.csv": [("stadsdeel", "stadsdeel")],
    "bibliotheken_wijken.csv": [("stadsdeel", "stadsdeel"), ("wijk", "wijk")],
    "straatreiniging_stadsdelen.csv": [("stadsdeel", "stadsdeel")],
    "groot_onderhoud_stadsdelen.csv": [("stadsdeel", "stadsdeel")],
    "jgz_gebieden.csv": [("gebied", "gebied")],
    "stapeling_gebieden.csv": [("stadsdeel", "stadsdeel"), ("gebied", "gebied")],
}
CITY_ROWS = {"Amsterdam", "Gemiddelde Amsterdam"}


@pytest.mark.parametrize("bestand", sorted(SEED_GEBIEDSKOLOMMEN))
def test_every_area_spelling_in_the_seed_resolves_to_a_2022_code(bestand: str) -> None:
    tabel = seed_tabel(bestand)
    for kolom, niveau in SEED_GEBIEDSKOLOMMEN[bestand]:
        namen = [
            n
            for n in tabel[kolom].dropna().unique()
            if n not in CITY_ROWS and n != "Gemiddelde Nederland"
        ]
        codes = IND.resolve_all(namen, niveau)
        assert all(IND.level_of(c) is Niveau(niveau) for c in codes)
        assert len(set(codes)) == len(codes), f"{bestand}: two spellings map to one area"


def test_seed_wijken_lie_in_their_published_stadsdeel() -> None:
    tabel = seed_tabel("bibliotheken_wijken.csv").iloc[:8]
    for stadsdeel, wijk in zip(tabel["stadsdeel"], tabel["wijk"], strict=True):
        assert IND.area(IND.resolve(wijk, "wijk")).stadsdeel == IND.resolve(stadsdeel, "stadsdeel")


def test_stapeling_gebieden_cover_23_of_the_25() -> None:
    codes = set(IND.resolve_all(list(seed_tabel("stapeling_gebieden.csv")["gebied"]), "gebied"))
    assert set(IND.codes("gebied")) - codes == {
        "GF06",
        "GT21",
    }  # Sloterdijk Nieuw-West, Bijlmer-West


def test_unknown_name_gives_dutch_error_with_suggestions() -> None:
    with pytest.raises(GebiedOnbekend) as info:
        IND.resolve("Slotervart", "gebied")
    assert "Onbekend gebied 'Slotervart'" in str(info.value)
    assert "Slotervaart (GF10, gebied)" in info.value.suggesties


def test_ambiguous_name_is_an_error_never_a_guess() -> None:
    with pytest.raises(GebiedAmbigu) as info:
        IND.resolve("Frankendael")  # wijk MM and buurt MM05
    assert len(info.value.kandidaten) == 2
    assert IND.resolve("Frankendael", "wijk") == "MM"
    with pytest.raises(GebiedAmbigu):
        IND.resolve("B. Oost")  # Bijlmer-Oost (gebied) or Buitenveldert-Oost (wijk)


def test_a_code_of_another_level_is_refused() -> None:
    with pytest.raises(GebiedOnbekend, match="de code van een stadsdeel, niet van een wijk"):
        IND.resolve("F", "wijk")


def test_resolve_all_names_every_bad_row() -> None:
    with pytest.raises(DataFout) as info:
        IND.resolve_all(["Noord", "Nergenshuizen", "Zuid", ""], "stadsdeel", eerste_rij=2)
    rijen = [b.rij for b in info.value.bevindingen]
    assert rijen == [3, 5]


def test_doelgroep_labels_are_free() -> None:
    assert IND.resolve(" Lage SES ", "doelgroep") == "Lage SES"


# -- aggregation -------------------------------------------------------------------------
def test_counts_are_summed_up_the_hierarchy() -> None:
    kinderen = IND.bevolking("buurt", "inwoners_0_14")
    with pytest.warns(OIWaarschuwing, match=r"Oost \(76 van 77 buurten\)"):
        per_stadsdeel = IND.aggregate(kinderen, "stadsdeel")
    assert "M" not in per_stadsdeel.index  # MK06's children are unknown: Oost's sum is too
    assert per_stadsdeel["T"] == IND.area("T").inwoners_0_14
    assert per_stadsdeel.attrs["dekking"].loc["T"].tolist() == [46, 46]
    with pytest.warns(OIWaarschuwing, match="gedeeltelijk opgeteld"):
        gedeeltelijk = IND.aggregate(kinderen, "stadsdeel", onvolledig="toestaan")
    assert gedeeltelijk.sum() == kinderen.sum()
    assert gedeeltelijk["M"] == IND.area("M").inwoners_0_14  # the source also skips MK06


def test_rates_are_weighted_means_never_plain_means() -> None:
    buurten = IND.table("buurt")
    aandeel_kind = (buurten["inwoners_0_14"] / buurten["inwoners"]).replace(np.inf, np.nan)
    aandeel_kind = aandeel_kind[buurten["inwoners"] > 0]
    gewogen = IND.aggregate(
        aandeel_kind, "stadsdeel", aggregatie=Aggregatie.GEWOGEN_GEMIDDELDE, gewicht="inwoners"
    )
    juist = IND.bevolking("stadsdeel", "inwoners_0_14") / IND.bevolking("stadsdeel")
    assert gewogen["F"] == pytest.approx(juist["F"], rel=1e-12)
    plat = aandeel_kind[buurten.loc[aandeel_kind.index, "stadsdeel"] == "F"].mean()
    assert abs(plat - juist["F"]) > 1e-3  # the plain mean of rates would be wrong


def test_weighted_mean_needs_an_explicit_weight() -> None:
    with pytest.raises(InvoerFout, match="gewicht"):
        IND.aggregate(pd.Series({"AA01": 1.0}), "wijk", aggregatie="gewogen_gemiddelde")


def test_missing_weight_is_reported_not_silently_used() -> None:
    waarden = pd.Series({"MK06": 10.0, "MK04": 2.0})  # MK06 has no population in CBS 2024
    with pytest.warns(OIWaarschuwing, match="MK06"):
        uit = IND.aggregate(waarden, "wijk", aggregatie="gewogen_gemiddelde", gewicht="inwoners")
    assert uit["MK"] == 2.0  # MK04 is the only inhabited buurt of IJburg-Oost with a known size


def test_a_partial_weighted_mean_is_refused_unless_allowed() -> None:
    """A gebied's reading level from one of its wijken is not the gebied's reading level."""
    een_wijk = pd.Series({"FN": 26.0})
    with pytest.warns(OIWaarschuwing, match=r"Slotervaart \(1 van 4 wijken\)"):
        assert IND.aggregate(
            een_wijk, "gebied", aggregatie="gewogen_gemiddelde", gewicht="inwoners"
        ).empty
    with pytest.warns(OIWaarschuwing):
        assert (
            IND.aggregate(
                een_wijk,
                "gebied",
                aggregatie="gewogen_gemiddelde",
                gewicht="inwoners",
                onvolledig="toestaan",
            )["GF10"]
            == 26.0
        )


def test_westpoort_does_not_lie_in_a_gebied_and_is_reported() -> None:
    waarden = pd.Series({"BA01": 5.0, "AA01": 1.0})
    with pytest.warns(OIWaarschuwing) as meldingen:
        uit = IND.aggregate(waarden, "gebied", onvolledig="toestaan")
    assert list(uit.index) == ["GA01"]
    teksten = [str(m.message) for m in meldingen]
    assert any("BA01" in t and "niet in een gebied" in t for t in teksten)
    assert any("Centrum-West (1 van 34 buurten)" in t for t in teksten)


def test_non_nesting_buurten_follow_their_own_gebied() -> None:
    """NB01/NB02 lie in gebied GN18 Noord-West; their wijk NB lies in GN19 Oud-Noord."""
    assert IND.parents("buurt", "gebied")["NB01"] == "GN18"
    assert IND.parents("wijk", "gebied")["NB"] == "GN19"
    with pytest.warns(OIWaarschuwing, match=r"Noord-West \(1 van 21 buurten\)"):
        via_buurt = IND.aggregate(
            pd.Series({"NB01": 7.0, "NB03": 3.0}), "gebied", onvolledig="toestaan"
        )
    assert via_buurt.to_dict() == {"GN18": 7.0, "GN19": 3.0}
    with pytest.warns(OIWaarschuwing, match=r"Oud-Noord \(1 van"):
        via_wijk = IND.aggregate(pd.Series({"NB": 10.0}), "gebied", onvolledig="toestaan")
    assert via_wijk.to_dict() == {"GN19": 10.0}
    alle_buurten = pd.Series(1.0, index=IND.codes("buurt"))
    with pytest.warns(OIWaarschuwing, match="14 gebieden liggen niet in een gebied"):
        telling = IND.aggregate(alle_buurten, "gebied")
    assert telling["GN18"] == IND.table("buurt").query("gebied == 'GN18'").shape[0]
    assert telling.sum() == 518 - 14  # Westpoort's 14 buurten lie in no gebied


def test_aggregating_to_a_finer_level_is_refused() -> None:
    with pytest.raises(InvoerFout, match="fijnere"):
        IND.aggregate(pd.Series({"F": 1.0}), "wijk")


def test_gebied_population_equals_its_buurten() -> None:
    buurten = IND.table("buurt")
    som = buurten.groupby("gebied")["inwoners"].sum()
    pd.testing.assert_series_equal(
        som.sort_index(), IND.bevolking("gebied").sort_index(), check_names=False
    )


# -- another municipality ----------------------------------------------------------------
def test_another_municipality_loads_from_one_buurten_csv(tmp_path: Path) -> None:
    pd.DataFrame(
        {
            "buurt_code": ["X01", "X02", "Y01"],
            "buurt_naam": ["Oost-Noord", "Oost-Zuid", "Weststad"],
            "wijk_code": ["X", "X", "Y"],
            "wijk_naam": ["Oost", "Oost", "West"],
            "gebied_code": ["G1", "G1", "G2"],
            "gebied_naam": ["Gebied Oost", "Gebied Oost", "Gebied West"],
            "stadsdeel_code": ["S", "S", "S"],
            "stadsdeel_naam": ["Stad", "Stad", "Stad"],
            "gemeente_code": ["GM9999"] * 3,
            "inwoners_2024": [100, 300, 50],
            "inwoners_0_14_2024": [10, 30, 5],
        }
    ).to_csv(tmp_path / "buurten.csv", index=False)
    pd.DataFrame({"alias": ["O-N"], "code": ["X01"]}).to_csv(tmp_path / "aliassen.csv", index=False)
    stad = Gebiedsindeling.from_csv(tmp_path)
    assert stad.codes("wijk") == ["X", "Y"]
    assert stad.area("X").inwoners == 400
    assert stad.resolve("O-N") == "X01"
    assert stad.resolve("Gebied West") == "G2"
    assert stad.aggregate(
        pd.Series({"X01": 1.0, "X02": 3.0}),
        "gebied",
        aggregatie="gewogen_gemiddelde",
        gewicht="inwoners",
    )["G1"] == pytest.approx(2.5)


def test_a_division_without_required_columns_is_refused(tmp_path: Path) -> None:
    pd.DataFrame({"buurt_code": ["X01"]}).to_csv(tmp_path / "buurten.csv", index=False)
    with pytest.raises(DataFout, match="buurt_naam"):
        Gebiedsindeling.from_csv(tmp_path)


def test_embedded_copy_has_the_checksums_of_its_provenance_note() -> None:
    """Every embedded file has the sha256 of its source recorded in ``HERKOMST.md``."""
    from importlib import resources

    data = Path(str(resources.files("oi_core.gebieden") / "data"))
    assert {"buurten.csv", "wijken.csv", "gebieden.csv", "stadsdelen.csv"} <= {
        p.name for p in data.iterdir()
    }
    assert check_herkomst(data) == []


def test_no_warning_for_a_clean_aggregation() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        IND.aggregate(IND.bevolking("wijk"), "stadsdeel")


def test_zero_total_weight_gives_no_number_and_a_warning() -> None:
    with pytest.warns(OIWaarschuwing, match="MK"):
        uit = IND.aggregate(
            pd.Series({"MK01": 3.0, "MK02": 1.0}),
            "wijk",
            aggregatie="gewogen_gemiddelde",
            gewicht="inwoners",
        )
    assert uit.empty


def test_exact_codes_finds_codes_of_the_level_only() -> None:
    """The column-wide part of resolve: codes (any case, spaces around) at one level."""
    ind = Gebiedsindeling.amsterdam()
    gevonden = ind.exact_codes([" aa01", "AA01", "A", "Noord", "ZZ99"], "buurt")
    assert gevonden.tolist() == ["AA01", "AA01", None, None, None]
    assert ind.exact_codes(["A", "a "], "stadsdeel").tolist() == ["A", "A"]
    assert ind.exact_codes(["jongeren"], "doelgroep").tolist() == [None]
    for tekst, code in zip(["aa01", "A"], ["AA01", "A"], strict=True):
        assert ind.resolve(tekst, ind.level_of(code)) == code


def test_look_up_gives_a_column_per_code() -> None:
    ind = Gebiedsindeling.amsterdam()
    assert ind.look_up(["A", "AA01", "XX"], "naam").tolist() == [
        "Centrum",
        ind.name("AA01"),
        None,
    ]
    assert ind.look_up(["A", "AA01"], "niveau").tolist() == ["stadsdeel", "buurt"]
