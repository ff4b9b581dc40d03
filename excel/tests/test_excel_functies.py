"""Every catalogue function called the way Excel calls it (Office.js payloads through
``xlwings.server.custom_functions_call``) gives the core's numbers on seed data."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import oi_excel
import pandas as pd
import pytest
import xlwings
import xlwings.server
from oi_excel.conversie import headers

from oi_core import (
    Gebiedsindeling,
    Richting,
    aandeel,
    activiteit,
    compensatie,
    concentratie_index,
    excel_functies,
    kwadrant,
    match,
    oi_index,
    per,
    stapeling,
    tov_gemiddelde,
    verschil_pp,
)
from oi_core.rekenen.kern import MATCH_KOLOMMEN
from oi_core.weergave.kolommen import kolom


@pytest.fixture
def straat(hulp: SimpleNamespace) -> pd.DataFrame:
    """The street-cleaning table per stadsdeel, without the city row."""
    tabel = hulp.seed("straatreiniging_stadsdelen")
    return tabel[tabel["stadsdeel"] != "Amsterdam"].reset_index(drop=True)


def labelled(waarden: pd.Series) -> pd.Series:
    return pd.Series(
        waarden.to_numpy(dtype=float), index=[f"waarde {i}" for i in range(1, len(waarden) + 1)]
    )


# -- metadata ---------------------------------------------------------------------------------
def test_meta_lists_every_registered_function_with_dutch_help() -> None:
    meta = xlwings.server.custom_functions_meta(oi_excel)
    per_id = {f["id"]: f for f in meta["functions"]}
    assert set(per_id) == set(excel_functies())
    for naam, functie in excel_functies().items():
        m = per_id[naam]
        assert m["name"] == naam.removeprefix("OI_")  # namespace OI → OI.MATCH in Excel
        assert m["description"] == functie.beschrijving
        assert [p["name"] for p in m["parameters"]] == [a.naam for a in functie.argumenten]
        for p, a in zip(m["parameters"], functie.argumenten, strict=True):
            assert p["description"] == a.beschrijving
            assert p.get("optional", False) == a.optioneel


def test_the_brief_s_catalogue_is_complete() -> None:
    assert {
        "OI_AANDEEL", "OI_VERSCHIL", "OI_INDEX", "OI_PER", "OI_MATCH", "OI_TOV_GEMIDDELDE",
        "OI_STAPELING", "OI_KWADRANT", "OI_CONCENTRATIE", "OI_GEBIED", "OI_GEBIEDEN",
        "OI_ACTIVITEITEN", "OI_DATA",
    } <= set(excel_functies())  # fmt: skip


def test_function_names_equal_their_attributes() -> None:
    for naam in excel_functies():
        assert getattr(oi_excel, naam).__name__ == naam
    assert sorted(oi_excel.__all__) == sorted(excel_functies())


# -- OI_MATCH and friends on straatreiniging --------------------------------------------------
def test_match_reproduces_core_and_published_figures(
    hulp: SimpleNamespace, straat: pd.DataFrame
) -> None:
    uit = hulp.call(
        "OI_MATCH",
        hulp.column(straat["stadsdeel"]),
        hulp.column(straat["fte_pct"].astype(float)),
        hulp.column(straat["bewoners_bezoekers_pct"].astype(float)),
    )
    assert uit[0] == [
        "Gebied",
        "Aandeel inzet",
        "Aandeel opgave",
        "Verschil (procentpunt)",
        "OI-index",
        "Signaal",
    ]
    assert uit[0][1:] == [kolom(k).kop for k in MATCH_KOLOMMEN]  # from the column catalogue
    kern = match(
        pd.Series(straat["fte_pct"].to_numpy(float), index=straat["stadsdeel"]),
        pd.Series(straat["bewoners_bezoekers_pct"].to_numpy(float), index=straat["stadsdeel"]),
    )
    assert [r[0] for r in uit[1:]] == list(straat["stadsdeel"])
    np.testing.assert_array_equal([r[4] for r in uit[1:]], kern["oi_index"].to_numpy())
    np.testing.assert_array_equal([r[3] for r in uit[1:]], kern["verschil_pp"].to_numpy())
    assert [r[5] for r in uit[1:]] == list(kern["signaal"])
    # Known deviation: the published opgave percentages add up to 101 (rounding) and the
    # presentation divides the rounded percentages directly; the core renormalises the
    # shares, so every index is exactly 1.01 × 100·fte/opgave.
    assert straat["bewoners_bezoekers_pct"].sum() == 101
    ruw = 100 * straat["fte_pct"] / straat["bewoners_bezoekers_pct"]
    np.testing.assert_allclose(np.array([r[4] for r in uit[1:]]) / ruw, 1.01)
    assert np.abs(ruw - straat["index"]).max() <= 0.5
    assert np.abs(np.array([r[3] for r in uit[1:]]) - straat["verschil_pp"]).max() <= 0.5


def test_match_equals_the_report_path(
    hulp: SimpleNamespace, straat: pd.DataFrame, met_testplugin: None
) -> None:
    rapport = activiteit("straatreiniging").analyse().match()
    uit = hulp.call(
        "OI_MATCH",
        hulp.column(rapport["naam"]),
        hulp.column(
            activiteit("straatreiniging").analyse().values("fte_pct").reindex(rapport.index)
        ),
        hulp.column(
            activiteit("straatreiniging")
            .analyse()
            .values("bewoners_bezoekers_pct")
            .reindex(rapport.index)
        ),
    )
    np.testing.assert_array_equal([r[4] for r in uit[1:]], rapport["oi_index"].to_numpy())


def test_index_verschil_aandeel_in_a_row_give_a_row(
    hulp: SimpleNamespace, straat: pd.DataFrame
) -> None:
    x, y = straat["fte_pct"].astype(float), straat["bewoners_bezoekers_pct"].astype(float)
    index = hulp.call("OI_INDEX", hulp.row(x), hulp.row(y))
    assert len(index) == 1
    np.testing.assert_array_equal(index[0], oi_index(labelled(x), labelled(y)).to_numpy())
    verschil = hulp.call("OI_VERSCHIL", hulp.column(x), hulp.column(y))
    np.testing.assert_array_equal(
        [r[0] for r in verschil], verschil_pp(labelled(x), labelled(y)).to_numpy()
    )
    deel = hulp.call("OI_AANDEEL", hulp.column(x))
    np.testing.assert_array_equal([r[0] for r in deel], aandeel(labelled(x)).to_numpy())
    assert [r[0] for r in deel] == pytest.approx(list(x / 100))


def test_per_with_population_of_the_gebiedsindeling(
    hulp: SimpleNamespace, straat: pd.DataFrame
) -> None:
    indeling = Gebiedsindeling.amsterdam()
    codes = indeling.resolve_all(list(straat["stadsdeel"]), "stadsdeel")
    inwoners = indeling.bevolking("stadsdeel").reindex(codes)
    x = straat["fte_pct"].astype(float)
    uit = hulp.call("OI_PER", hulp.column(x), hulp.column(inwoners), 1000.0)
    kern = per(labelled(x), labelled(inwoners), per=1000)
    np.testing.assert_array_equal([r[0] for r in uit], kern.to_numpy())
    standaard = hulp.call("OI_PER", hulp.column(x), hulp.column(inwoners), [[None]])
    np.testing.assert_allclose([r[0] for r in standaard], kern.to_numpy() / 10)


def test_concentratie_with_population(hulp: SimpleNamespace, straat: pd.DataFrame) -> None:
    indeling = Gebiedsindeling.amsterdam()
    inwoners = indeling.bevolking("stadsdeel").reindex(
        indeling.resolve_all(list(straat["stadsdeel"]), "stadsdeel")
    )
    x, y = straat["fte_pct"].astype(float), straat["bewoners_bezoekers_pct"].astype(float)
    uit = hulp.call("OI_CONCENTRATIE", hulp.column(x), hulp.column(y), hulp.column(inwoners))
    assert uit == [[concentratie_index(labelled(x), labelled(y), labelled(inwoners))]]
    assert -1 < uit[0][0] < 1


def test_compensatie_equals_the_core_and_the_report(
    hulp: SimpleNamespace, straat: pd.DataFrame
) -> None:
    x, y = straat["fte_pct"].astype(float), straat["bewoners_bezoekers_pct"].astype(float)
    gebieden = [[g] for g in straat["stadsdeel"]]
    uit = hulp.call("OI_COMPENSATIE", hulp.column(x), hulp.column(y), gebieden)
    kern = compensatie(x.set_axis(straat["stadsdeel"]), y.set_axis(straat["stadsdeel"]))
    waarden = dict((r[0], r[1]) for r in uit[1:])
    assert uit[0] == ["Maat", "Waarde"]
    assert waarden["Herverdelen: te verschuiven inzet"] == kern.herverdelen
    assert round(waarden["Herverdelen: te verschuiven inzet"], 1) == 7.4
    assert round(waarden["Toevoegen: extra inzet zonder dat iemand inlevert"], 1) == 38.9
    assert waarden["Ruimst bedeeld (bepaalt toevoegen)"] == "Zuidoost"


# -- position, stapeling, kwadrant ------------------------------------------------------------
def test_tov_gemiddelde_leaves_centrum_out(hulp: SimpleNamespace) -> None:
    bib = hulp.seed("bibliotheken_stadsdelen")
    uitsluiten = [["x" if s == "Centrum" else None] for s in bib["stadsdeel"]]
    uit = hulp.call(
        "OI_TOV_GEMIDDELDE",
        hulp.column(bib["leesniveau_pct"].astype(float)),
        [[None]],
        "hoger",
        uitsluiten,
    )
    kern = tov_gemiddelde(
        labelled(bib["leesniveau_pct"]), richting=Richting.HOGER_IS_BETER, uitsluiten=["waarde 1"]
    )
    assert [r[0] for r in uit] == [
        f"{lab} ({t})" for lab, t in zip(kern["label"], kern["teken"], strict=True)
    ]
    per_stadsdeel = dict(zip(bib["stadsdeel"], (r[0] for r in uit), strict=True))
    assert per_stadsdeel["Zuidoost"] == "sterk onder (–)"  # 51% reading level
    assert per_stadsdeel["Centrum"].startswith("sterk boven")


def test_tov_gemiddelde_without_richting_gives_plain_labels(hulp: SimpleNamespace) -> None:
    bib = hulp.seed("bibliotheken_stadsdelen")
    uit = hulp.call("OI_TOV_GEMIDDELDE", hulp.column(bib["m2_per_100_inwoners"].astype(float)))
    assert {r[0] for r in uit} <= {"boven", "sterk boven", "onder", "sterk onder", "gemiddeld"}


def test_stapeling_on_the_published_gebieden(hulp: SimpleNamespace) -> None:
    gebieden = hulp.seed("stapeling_gebieden")
    richtingen = hulp.seed("indicatoren_stapeling").set_index("indicator")["richting"]
    waarden = gebieden[list(richtingen.index)].astype(float)
    blok = [[None if np.isnan(v) else v for v in rij] for rij in waarden.to_numpy()]
    woorden = [["hoger" if r == "hoger_is_beter" else "lager" for r in richtingen]]
    uit = [r[0] for r in hulp.call("OI_STAPELING", blok, woorden)]
    kern = stapeling(waarden, richtingen.to_dict())
    assert uit == list(kern["aantal_slechter"])
    # Known deviation: the presentation counts only clearly low scores against the city
    # figures, which are not published. Against the plain column averages every area
    # counts at least as many indicators, and 6 of the 23 counts are equal.
    gepubliceerd = gebieden["aantal_ondergemiddeld"].to_numpy()
    assert (np.array(uit) >= gepubliceerd).all()
    assert int((np.array(uit) == gepubliceerd).sum()) == 6
    # Weesp, Driemond has no value for geen_startkwalificatie: not counted as worse
    assert kern.loc[22, "aantal_ontbrekend"] == 1


def test_stapeling_with_given_drempels_and_blank_ones(hulp: SimpleNamespace) -> None:
    blok = [[7.0, 10.0], [6.0, 20.0], [8.0, None]]
    uit = hulp.call("OI_STAPELING", blok, [["hoger", "lager"]], [[7.5, None]])
    # drempels 7,5 and the average of 10 and 20 (15): row 1 worse on the first only …
    assert [r[0] for r in uit] == [1, 2, 0]


def test_kwadrant_reading_level_and_floor_space(hulp: SimpleNamespace) -> None:
    bib = hulp.seed("bibliotheken_stadsdelen")
    x, y = bib["leesniveau_pct"].astype(float), bib["m2_per_100_inwoners"].astype(float)
    uit = hulp.call(
        "OI_KWADRANT", hulp.column(x), hulp.column(y), [[None]], [[None]], "hoger", "hoger"
    )
    kern = kwadrant(labelled(x), labelled(y))
    assert [r[0] for r in uit] == list(kern["kwadrant"])
    assert (
        dict(zip(bib["stadsdeel"], (r[0] for r in uit), strict=True))["Zuidoost"]
        == "beide ongunstig"
    )


# -- areas and activities -----------------------------------------------------------------------
def test_gebied_resolves_seed_spellings(hulp: SimpleNamespace) -> None:
    assert hulp.call("OI_GEBIED", "N-West", "stadsdeel") == [["F", "Nieuw-West"]]
    indeling = Gebiedsindeling.amsterdam()
    namen = ["Geuzenveld & Slotermeer", "Indische B./Oost. Haveng.", "GF07"]
    uit = hulp.call("OI_GEBIED", hulp.column(namen), [[None]])
    codes = [indeling.resolve(n) for n in namen]
    assert uit == [[c, indeling.name(c)] for c in codes]


def test_gebieden_lists_codes_and_population(hulp: SimpleNamespace) -> None:
    uit = hulp.call("OI_GEBIEDEN", "stadsdeel")
    assert uit[0][:3] == ["Code", "Naam", "Inwoners"]
    assert uit[0] == headers(["code", "naam", "inwoners", "inwoners_0_14"])
    tabel = Gebiedsindeling.amsterdam().table("stadsdeel")
    assert [r[0] for r in uit[1:]] == list(tabel.index)
    assert sum(r[2] for r in uit[1:]) == tabel["inwoners"].sum()
    assert len(hulp.call("OI_GEBIEDEN", "buurt")) == 518 + 1


def test_activiteiten_and_data_of_a_plugin(hulp: SimpleNamespace, met_testplugin: None) -> None:
    lijst = hulp.call("OI_ACTIVITEITEN")
    assert lijst[0] == ["Code", "Naam", "Afdeling", "Niveau", "Plugin"]
    assert ["straatreiniging", "Straatreiniging", "Stadswerken", "stadsdeel"] in [
        r[:4] for r in lijst[1:]
    ]
    data = hulp.call("OI_DATA", "straatreiniging")
    verwacht = hulp.straatreiniging_data()
    assert data[0] == headers(verwacht.columns)
    assert data[0][:4] == ["Gebied", "Jaar", "Indicator", "Waarde"]
    assert len(data) == len(verwacht) + 1
    bron = hulp.call("OI_DATA", "straatreiniging", "stadsdelen")
    assert bron[0][:3] == ["Stadsdeel", "FTE straatreiniging", "Bewoners en bezoekers"]
    assert bron[3][0] == "Noord"


def test_a_plugin_function_appears_without_touching_oi_excel(
    hulp: SimpleNamespace, met_testplugin: None
) -> None:
    assert "OI_TEST_DUBBELE_INDEX" in dir(oi_excel)
    meta = xlwings.server.custom_functions_meta(oi_excel)
    assert "TEST_DUBBELE_INDEX" in [f["name"] for f in meta["functions"]]
    uit = hulp.call("OI_TEST_DUBBELE_INDEX", [[1.0], [3.0]], [[1.0], [1.0]])
    assert uit == [[100.0], [300.0]]


def test_without_the_plugin_its_function_is_gone() -> None:
    assert "OI_TEST_DUBBELE_INDEX" not in dir(oi_excel)


def test_a_plugin_function_with_an_invalid_name_is_skipped_with_a_warning() -> None:
    from oi_excel.udfs import build_functions

    from oi_core import ExcelFunctie, OIWaarschuwing

    goed = excel_functies()["OI_INDEX"]
    slecht = ExcelFunctie(naam="MATCH2", functie=goed.functie, beschrijving="Zonder OI_.")
    with pytest.warns(OIWaarschuwing, match="'MATCH2'"):
        uit = build_functions({"OI_INDEX": goed, "MATCH2": slecht}, runtime="server")
    assert list(uit) == ["OI_INDEX"]


@pytest.mark.slow  # runs the oi program in a new process
def test_the_command_line_does_not_load_xlwings_or_the_udfs() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from oi_core.cli import build_app; build_app(); "
        "print('xlwings' in sys.modules, 'oi_excel.udfs' in sys.modules)"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert uit.stdout.split() == ["False", "False"]


def test_the_core_knows_nothing_of_excel_frameworks() -> None:
    """Everything that knows xlwings or converts Excel arguments lives in oi_excel."""
    import ast
    from pathlib import Path

    import oi_core

    verboden = {"xlwings", "oi_excel"}
    gevonden = []
    for pad in Path(oi_core.__file__).parent.rglob("*.py"):
        for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
            namen = [a.name for a in getattr(knoop, "names", [])] + [getattr(knoop, "module", "")]
            if isinstance(knoop, ast.Import | ast.ImportFrom) and any(
                (n or "").split(".")[0] in verboden for n in namen
            ):
                gevonden.append(str(pad))
            if isinstance(knoop, ast.FunctionDef) and knoop.name in {
                "convert_argument",
                "to_cells",
            }:
                gevonden.append(f"{pad}: {knoop.name}")
    assert gevonden == []
