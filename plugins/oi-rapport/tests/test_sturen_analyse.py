"""The report chapter *Sturen* (issue 12, items 3–8): its blocks on real data and on
constructed activities (survey figures with sample sizes, multi-year data, data per
gebied), rendered to HTML."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
from oi_rapport import Grafiek, Rapport, Sectie, Tabel, Tekst, extra_hoofdstukken, render_html
from oi_rapport.sturen_analyse import (
    MINIMUM_WAARNEMINGEN,
    concentratie_blokken,
    niveau_blokken,
    onzekerheid_blokken,
    robuustheid_blokken,
    trend_blokken,
)

from oi_core import (
    Activiteit,
    Aggregatie,
    Analyse,
    Gebiedsindeling,
    Indicator,
    Niveau,
    Resultatenketen,
    Schakel,
    activiteit,
    concentratie_interval,
    oi_index_per_jaar,
)
from oi_core.weergave.tekst import getal


def _html(blokken: list[object]) -> str:
    sectie = Sectie("sturen", "Sturen", "Sturen", tuple(blokken))  # type: ignore[arg-type]
    return render_html(Rapport("Rapport", "", "01-01-2026 00:00", (sectie,)))


def test_the_chapter_is_registered() -> None:
    assert "sturen" in extra_hoofdstukken()


def test_concentration_curve_with_the_cores_interval() -> None:
    analyse = activiteit("groot_onderhoud").analyse()
    blokken = concentratie_blokken(analyse)
    tekst, grafiek = blokken
    assert isinstance(tekst, Tekst) and isinstance(grafiek, Grafiek)
    x = analyse.values("projectbudget")
    b = analyse.indeling.bevolking("stadsdeel").reindex(x.index)
    c = concentratie_interval(x, analyse.values("aandeel_niveau_d"), b)
    assert f"Concentratie-index {getal(c.index, 3)}" in tekst.alineas[0]
    assert getal(c.ondergrens, 3) in tekst.alineas[0]
    assert grafiek.figuur.soort == "lijn"
    assert grafiek.figuur.data["Concentratiecurve"].iloc[-1] == pytest.approx(1.0)
    assert "<svg" in _html(blokken)


def test_robustness_table_of_groot_onderhoud() -> None:
    blokken = robuustheid_blokken(activiteit("groot_onderhoud").analyse())
    tabel = next(b for b in blokken if isinstance(b, Tabel))
    assert set(tabel.data.loc[tabel.data["stevig"] == "nee", "naam"]) == {
        "Centrum",
        "Zuid",
        "Zuidoost",
    }
    assert "met kwetsbaarheid" in _html(blokken)
    assert robuustheid_blokken(activiteit("straatreiniging").analyse()) == []


def _activiteit(niveau: Niveau, *, steekproef: bool = False) -> Activiteit:
    def ind(code: str, rol: str, **kw: object) -> Indicator:
        velden = {"code": code, "naam": code.capitalize(), "eenheid": "aantal", "rol": rol}
        return Indicator.model_validate({"richting": "neutraal", **velden, **kw})

    enquete = ind(
        "tevreden",
        "doel",
        richting="hoger_is_beter",
        eenheid="%",
        aggregatie=Aggregatie.GEEN,
        **({"steekproef": "respondenten"} if steekproef else {}),
    )
    keten = Resultatenketen(
        inzet=Schakel(omschrijving="fte", indicatoren=(ind("fte", "inzet"),)),
        resultaat=Schakel.leeg("niet gemeten"),
        doel=Schakel(omschrijving="tevreden", indicatoren=(enquete,)),
        ambitie=Schakel.leeg("ambitie"),
        opgave=(ind("kinderen", "opgave"),),
        context=(ind("respondenten", "context"),),
    )
    return Activiteit(code="proef", naam="Proef", afdeling="a", keten=keten, niveau=niveau)


def _rijen(codes: list[str], indicator: str, waarden: object, jaar: int = 2024) -> pd.DataFrame:
    return pd.DataFrame({"gebied": codes, "indicator": indicator, "waarde": waarden, "jaar": jaar})


def test_survey_figures_show_a_dash_and_no_colour() -> None:
    codes = ["A", "E", "F", "K"]
    data = pd.concat(
        [
            _rijen(codes, "fte", [1.0, 2, 3, 4]),
            _rijen(codes, "kinderen", [1.0, 2, 3, 4]),
            _rijen(codes, "tevreden", [60.0, 58, 40, 42]),
            _rijen(codes, "respondenten", [100.0, 100, 20, 400]),
        ]
    )
    analyse = Analyse(_activiteit(Niveau.STADSDEEL, steekproef=True), data)
    blokken = onzekerheid_blokken(analyse)
    tabel = next(b for b in blokken if isinstance(b, Tabel))
    assert MINIMUM_WAARNEMINGEN > 20
    assert tabel.data.loc["F", "label"] == "–" and np.isnan(tabel.data.loc["F", "waarde"])
    waarde = next(k for k in tabel.kolommen if k.naam == "waarde")
    assert waarde.kleuring is not None and waarde.kleuring.klasse("F") == ""
    assert waarde.kleuring.klasse("E") == "gemiddeld"  # 58: not significant with n = 100
    html = _html(blokken)
    rij = re.search(r"<tr[^>]*>(?:(?!</tr>).)*Nieuw-West(?:(?!</tr>).)*</tr>", html, re.S)
    assert rij is not None and "–" in rij.group(0)
    assert onzekerheid_blokken(Analyse(_activiteit(Niveau.STADSDEEL), data)) == []


def test_index_per_year_as_a_line_chart() -> None:
    codes = ["A", "E", "F", "K"]
    data = pd.concat(
        [
            _rijen(codes, "fte", [1.0, 2, 3, 4], 2023),
            _rijen(codes, "fte", [2.0, 2, 3, 3], 2024),
            _rijen(codes, "kinderen", [1.0, 2, 3, 4], 2023),
            _rijen(codes, "kinderen", [1.0, 2, 3, 4], 2024),
        ]
    )
    blokken = trend_blokken(Analyse(_activiteit(Niveau.STADSDEEL), data))
    grafiek = next(b for b in blokken if isinstance(b, Grafiek))
    inzet = pd.DataFrame({2023: [1.0, 2, 3, 4], 2024: [2.0, 2, 3, 3]}, index=codes)
    kern = oi_index_per_jaar(inzet, pd.Series([1.0, 2, 3, 4], codes))
    assert grafiek.figuur.data["Centrum"].tolist() == pytest.approx(
        kern.xs("A", level="gebied")["oi_index"].tolist()
    )
    assert trend_blokken(activiteit("jgz").analyse()) == []


def test_levels_side_by_side_with_reversals() -> None:
    indeling = Gebiedsindeling.amsterdam()
    b = indeling.bevolking("gebied")
    b = b[b > 0]
    x = b.copy()
    x["GA01"] *= 0.5
    x["GA02"] *= 3
    codes = list(b.index)
    data = pd.concat([_rijen(codes, "fte", x.to_numpy()), _rijen(codes, "kinderen", b.to_numpy())])
    blokken = niveau_blokken(Analyse(_activiteit(Niveau.GEBIED), data))
    tabel = next(bl for bl in blokken if isinstance(bl, Tabel))
    assert tabel.data.loc["GA01", "omslag"] == "ja"
    assert "Signaal slaat om in 1 van 25" in tabel.bijschrift
    assert niveau_blokken(activiteit("groot_onderhoud").analyse()) == []


def test_libraries_show_their_branches_per_level() -> None:
    reg = activiteit("bibliotheken")
    deel = next(o for o in reg.build_onderdelen(reg.analyse()) if "naast elkaar" in o.titel)
    assert deel.tabel is not None and (deel.tabel["omslag"] == "ja").sum() == 3
