"""The report engine: document model, generic summary, compensation, plugin chapters,
renderers.

Real data throughout: the test activities are built from the presentation's published
tables (see ``test_rapport_plugin.py``). The stapeling chapter is tested with its plugin
(``plugins/oi-stapeling/tests``); here a small chapter plugin stands for any.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest
from oi_rapport import (
    RIJ_GEMIDDELDE,
    RIJ_SD,
    ExtraHoofdstuk,
    Grafiek,
    HoofdstukInhoud,
    Keten,
    Kolom,
    RapportOpties,
    RapportUitkomst,
    SamenvattingBlok,
    Tabel,
    Tekst,
    build_activity,
    build_report,
    extra_hoofdstukken,
    make_report,
    render_html,
    sheet_names,
)
from oi_rapport.activiteit import source_line
from oi_rapport.hoofdstukken import maak_hoofdstukken
from oi_rapport.opmaak import KLEUREN
from oi_rapport.tabellen import SIGNAAL_KOP, SIGNAAL_KORT

from oi_core import (
    Activiteit,
    Analyse,
    Gebiedsindeling,
    InvoerFout,
    Niveau,
    Onderdeel,
    Resultatenketen,
    Richting,
    Rol,
    Schakel,
    compensatie,
    hookimpl,
    match,
    tov_gemiddelde,
)
from oi_core.plugins.manager import isolated
from oi_core.rekenen.kern import SIGNAAL_IN_VERHOUDING, SIGNAAL_MEER, SIGNAAL_MINDER
from oi_core.rekenen.kleuring import kleur_index
from oi_core.testing import load_test_module

IND = Gebiedsindeling.amsterdam()


TP = load_test_module(Path(__file__).with_name("test_rapport_plugin.py"), "_rapport_testplugins")
"""The test activities of ``test_rapport_plugin.py`` (pytest runs in importlib mode)."""


def _straat() -> Analyse:
    return Analyse(TP.STRAAT, TP.straat_data())


def _blocks(blokken: tuple[object, ...], soort: type) -> list:  # type: ignore[type-arg]
    return [b for b in blokken if isinstance(b, soort)]


# -- the match table and the generic summary ------------------------------------------------
def test_match_table_holds_the_numbers_of_the_core_match() -> None:
    analyse = _straat()
    with isolated(*TP.PLUGINS):
        from oi_core import activiteit

        hoofdstuk = build_activity(activiteit("straat"), analyse)
    tabel = next(b for b in hoofdstuk.blokken if isinstance(b, Tabel))
    kern = match(analyse.values("fte"), analyse.values("bewoners_bezoekers"))
    for kolom in ("aandeel_inzet", "aandeel_opgave", "verschil_pp", "oi_index", "signaal"):
        assert list(tabel.data[kolom]) == list(kern.loc[tabel.data.index, kolom]), kolom
    assert list(tabel.data.index) == ["A", "F", "N", "M", "E", "K", "T", "S"]
    assert tabel.data.loc["K", "ind_crow_b"] == 91


def test_generic_summary_names_the_largest_shortfall_and_surplus_with_figures() -> None:
    with isolated(*TP.PLUGINS):
        from oi_core import activiteit

        h = build_activity(activiteit("straat"), _straat())
    s = h.samenvatting
    assert h.generiek
    assert s.titel == (
        "2 van de 8 stadsdelen krijgen duidelijk minder fte straatreiniging dan hun aandeel "
        "in de bewoners en bezoekers"
    )
    assert s.bevindingen[0].startswith(
        "Van de 8 stadsdelen krijgen er 2 minder dan hun aandeel in de opgave"
    )
    assert "Zuid krijgt minder dan zijn aandeel: 12,0% van de inzet tegen 15,8%" in s.bevindingen[1]
    assert "OI-index 76" in s.bevindingen[1]
    assert any("Zuidoost krijgt meer" in b and "+3,1 procentpunt" in b for b in s.bevindingen)
    assert any(d.startswith("Is de uitruil expliciet?") for d in s.discussiepunten)


def test_compensation_by_hand_on_street_cleaning() -> None:
    """T = 100 (FTE shares), opgave shares y/101 (the published shares add up to 101)."""
    x = {"A": 23, "F": 15, "N": 12, "M": 12, "E": 14, "K": 12, "T": 11, "S": 1}
    y = {"A": 25, "F": 15, "N": 9, "M": 13, "E": 13, "K": 16, "T": 8, "S": 2}
    tekort = sum(max(0.0, y[g] / 101 * 100 - x[g]) for g in x)
    overschot = sum(max(0.0, x[g] - y[g] / 101 * 100) for g in x)
    comp = compensatie(pd.Series(x, dtype=float), pd.Series(y, dtype=float))
    assert comp.herverdelen == pytest.approx(tekort)
    assert comp.herverdelen == pytest.approx(overschot)  # what moves in, moves out
    assert comp.toevoegen == pytest.approx(100 * (11 / (8 / 101 * 100) - 1))
    assert comp.ruimst == "T"
    assert set(comp.onder) == {"A", "M", "K", "S"}  # Nieuw-West: 15 / 14,85 → 101


def test_discussion_points_state_the_cost_of_compensation_in_the_inzet_unit() -> None:
    with isolated(*TP.PLUGINS):
        from oi_core import activiteit

        h = build_activity(activiteit("straat"), _straat())
    punten = " ".join(h.samenvatting.discussiepunten)
    assert f"{h.compensatie.herverdelen:.1f}".replace(".", ",") + " procentpunt" in punten
    assert "38,9 procentpunt extra" in punten
    assert "Zuidoost (OI-index 139)" in punten


def test_a_plugin_summary_is_used_as_given() -> None:
    with isolated(*TP.PLUGINS):
        from oi_core import activiteit

        reg = activiteit("bieb")
        h = build_activity(reg, reg.analyse())
    assert not h.generiek
    assert h.samenvatting.titel.startswith("Acht wijken")
    blok = next(b for b in h.blokken if isinstance(b, SamenvattingBlok))
    assert blok.samenvatting is h.samenvatting and not blok.generiek


def test_the_chain_shows_the_four_links_with_their_values() -> None:
    with isolated(*TP.PLUGINS):
        from oi_core import activiteit

        h = build_activity(activiteit("straat"), _straat())
    keten = next(b for b in h.blokken if isinstance(b, Keten))
    assert [s.rol for s in keten.schakels] == ["Inzet", "Resultaat", "Doel", "Ambitie"]
    assert keten.schakels[1].waarden == ("Grof zwerfvuil minstens B: 84% (stad)",)
    assert keten.schakels[2].waarden == ("Bewoners: buurt schoon: 35% (stad)",)
    assert keten.schakels[3] == type(keten.schakels[3])("Ambitie", "Een leefbare omgeving", ())
    assert keten.opgave is not None and keten.opgave.rol == "Opgave"


def test_indicator_columns_are_coloured_against_the_published_city_figure() -> None:
    with isolated(*TP.PLUGINS):
        from oi_core import activiteit

        h = build_activity(activiteit("straat"), _straat())
    tabel = next(b for b in h.blokken if isinstance(b, Tabel))
    kolom = next(k for k in tabel.kolommen if k.naam == "ind_crow_b")
    assert kolom.kleuring is not None and kolom.kleuring.gemiddelde == 84
    waarden = tabel.data["ind_crow_b"]
    positie = tov_gemiddelde(waarden, gemiddelde_waarde=84, richting=Richting.HOGER_IS_BETER)
    for klasse, (_, rij) in zip(kolom.kleuring.klassen, positie.iterrows(), strict=True):
        verwacht = ("plus" if rij["teken"] == "+" else "min") + ("_sterk" if rij["sterk"] else "")
        assert klasse == verwacht
    vulgraad = next(k for k in tabel.kolommen if k.naam == "ind_vulgraad")
    assert vulgraad.kleuring is not None
    assert vulgraad.kleuring.richting is Richting.LAGER_IS_BETER
    assert vulgraad.kleuring.klasse("M") == "plus_sterk"  # 78


def test_a_doelgroep_activity_gets_bars_but_no_map() -> None:
    with isolated(*TP.PLUGINS):
        from oi_core import activiteit

        reg = activiteit("ses")
        h = build_activity(reg, reg.analyse())
    soorten = [g.figuur.soort for g in h.blokken if isinstance(g, Grafiek)]
    assert soorten == ["staaf"]
    assert list(h.match["naam"]) == ["Lage SES", "Midden SES", "Hoge SES"]


class _Wijken:
    """A real wijk-level match: all inhabitants against children 0–14 (CBS 2024)."""

    ACT = Activiteit(
        code="wijken",
        naam="Inwoners en kinderen",
        afdeling="Onderzoek",
        niveau=Niveau.WIJK,
        keten=Resultatenketen(
            inzet=Schakel(
                omschrijving="Inwoners",
                indicatoren=(TP._ind("inwoners", "Inwoners", "inwoners", TP.NEUTRAAL, Rol.INZET),),
            ),
            resultaat=Schakel.leeg("–"),
            doel=Schakel.leeg("–"),
            ambitie=Schakel.leeg("–"),
            opgave=(TP._ind("kinderen", "Kinderen 0–14", "kinderen", TP.NEUTRAAL, Rol.OPGAVE),),
        ),
    )

    @staticmethod
    def data() -> pd.DataFrame:
        tabel = IND.table(Niveau.WIJK)
        tabel = tabel[tabel["inwoners_0_14"] > 0]
        breed = pd.DataFrame(
            {
                "gebied": tabel.index,
                "inwoners": tabel["inwoners"],
                "kinderen": tabel["inwoners_0_14"],
            }
        )
        return pd.DataFrame(
            [
                {"gebied": g, "jaar": 2024, "indicator": k, "waarde": v, "niveau": "wijk"}
                for g, i, c in breed.itertuples(index=False)
                for k, v in (("inwoners", i), ("kinderen", c))
            ]
        )

    @hookimpl
    def register_activiteiten(self, register: object) -> None:
        register(self.ACT, data=self.data)  # type: ignore[operator]


def test_many_areas_show_the_ten_largest_shortfalls_and_surpluses_and_a_wijk_map() -> None:
    with isolated(_Wijken()):
        from oi_core import activiteit

        reg = activiteit("wijken")
        h = build_activity(reg, reg.analyse())
    kaart, staaf = h.grafieken()[:2]  # the map is on the front page, the bars in the chapter
    assert h.voorpagina is not None and h.voorpagina.kaart is kaart
    assert len(staaf.figuur.data) == 20
    verschil = h.match["verschil_pp"].sort_values()
    assert list(staaf.figuur.data.index) == [*verschil.index[:10], *verschil.index[-10:]]
    assert kaart.figuur.soort == "kaart" and kaart.niveau is Niveau.WIJK
    assert len(kaart.figuur.data) == len(h.match) == 109


def test_a_failing_plugin_part_becomes_a_remark_not_a_lost_report() -> None:
    class Kapot:
        @hookimpl
        def register_activiteiten(self, register: object) -> None:
            def onderdelen(analyse: Analyse) -> list[object]:
                raise ZeroDivisionError("deling door nul in de plugin")

            register(TP.STRAAT, data=TP.straat_data, onderdelen=onderdelen)  # type: ignore[operator]

    with isolated(Kapot()):
        from oi_core import activiteit

        h = build_activity(activiteit("straat"), _straat())
    assert any("onderdelen van plugin" in o and "ZeroDivisionError" in o for o in h.opmerkingen)
    assert isinstance(h.blokken[-1], Tekst) and h.blokken[-1].kop == "Opmerkingen bij de gegevens"


def test_a_plugin_part_without_a_source_shows_the_activitys() -> None:
    """``bron``/``peiljaar`` are inherited from the activity; a part's own source wins."""
    eigen = Onderdeel("Eigen bron", ("Tekst.",), bron="Eigen telling", peiljaar=2021)
    zonder = Onderdeel("Zonder bron", ("Tekst.",))

    class Delen:
        @hookimpl
        def register_activiteiten(self, register: object) -> None:
            register(TP.STRAAT, data=TP.straat_data, onderdelen=lambda a: [eigen, zonder])  # type: ignore[operator]

    with isolated(Delen()):
        from oi_core import activiteit

        h = build_activity(activiteit("straat"), _straat())
    bron, jaar = TP.STRAAT.herkomst
    assert bron, "de testactiviteit heeft een bron"
    regels = [
        r for b in h.blokken if isinstance(b, Tekst) for r in b.alineas if r.startswith("Bron:")
    ]
    assert source_line("Eigen telling", 2021) in regels
    assert source_line(bron, jaar) in regels


# -- the document ---------------------------------------------------------------------------
def test_sheet_names_are_valid_unique_and_do_not_clash_with_the_fixed_sheets() -> None:
    namen = sheet_names(
        ["Overzicht", "Groot onderhoud: bestrating/asfalt [2025]", "a" * 40, "a" * 40, "?"]
    )
    assert namen[0] != "Overzicht" and namen[0].startswith("Overzicht")
    assert all(len(n) <= 31 and not re.search(r"[\[\]:*?/\\']", n) for n in namen)
    assert len({n.lower() for n in namen}) == len(namen)
    assert namen[4] == "Activiteit"


class _Hoofdstuk:
    """A chapter plugin: the inhabitants per stadsdeel (CBS 2024), through the report's hook."""

    @staticmethod
    def maak(indeling: Gebiedsindeling) -> HoofdstukInhoud:
        tabel = indeling.table(Niveau.STADSDEEL)[["naam", "inwoners"]]
        kolommen = (Kolom("naam", "Naam", "tekst"), Kolom("inwoners", "Inwoners", "aantal"))
        blok = Tabel("inwoners", "Inwoners per stadsdeel", tabel, kolommen)
        tekst = Tekst(("Inwoners per stadsdeel.",))
        return HoofdstukInhoud((tekst, blok), {"stadsdelen": len(tabel)})

    @hookimpl(optionalhook=True)
    def register_rapport_hoofdstukken(self, register: object) -> None:
        hoofdstuk = ExtraHoofdstuk(
            "inwoners",
            "Inwoners",
            maak=self.maak,
            intro="Het hoofdstuk Inwoners telt de inwoners per stadsdeel.",
            bron="Inwoners: CBS Kerncijfers wijken en buurten 2024.",
            formules=(("Inwoners", "Σ buurten", "Opgeteld over de buurten."),),
        )
        register(hoofdstuk)  # type: ignore[operator]


@pytest.fixture(scope="module")
def uitkomst(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RapportUitkomst]:
    map_ = tmp_path_factory.mktemp("rapport")
    with isolated(*TP.PLUGINS, _Hoofdstuk()):
        yield make_report(RapportOpties(uitvoer=map_))


def _text(blokken: tuple[object, ...]) -> str:
    return " ".join(a for b in blokken if isinstance(b, Tekst) for a in b.alineas)


def test_a_plugin_chapter_follows_the_activities_with_its_intro_source_and_formula(
    uitkomst: RapportUitkomst,
) -> None:
    rapport = uitkomst.rapport
    sectie = next(s for s in rapport.secties if s.sleutel == "inwoners")
    assert sectie.blad == "Inwoners" and isinstance(sectie.blokken[1], Tabel)
    overzicht = next(s for s in rapport.secties if s.sleutel == "overzicht")
    assert "Het hoofdstuk Inwoners telt de inwoners per stadsdeel." in _text(overzicht.blokken)
    over = rapport.secties[-1]
    assert "Inwoners: CBS Kerncijfers wijken en buurten 2024." in _text(over.blokken)
    formules = next(b for b in over.blokken if isinstance(b, Tabel) and b.sleutel == "formules")
    assert list(formules.data["begrip"])[-1] == "Inwoners"
    assert rapport.samenvatting["inwoners"] == {"stadsdelen": 9}


def test_zonder_leaves_a_plugin_chapter_out_and_an_unknown_one_is_refused(tmp_path: Path) -> None:
    with isolated(_Hoofdstuk()):
        u = make_report(RapportOpties(uitvoer=tmp_path, zonder=("inwoners",)))
        assert [s.blad for s in u.rapport.secties] == ["Overzicht", "Over deze analyse"]
        with pytest.raises(InvoerFout, match=r"hoofdstuk stapling bestaat niet \(wel: inwoners"):
            make_report(RapportOpties(uitvoer=tmp_path, zonder=("stapling",)))


def test_a_failing_plugin_chapter_is_left_out_with_the_reason(tmp_path: Path) -> None:
    def kapot(indeling: Gebiedsindeling) -> HoofdstukInhoud:
        raise ZeroDivisionError("deling door nul in het hoofdstuk")

    class Kapot:
        @hookimpl(optionalhook=True)
        def register_rapport_hoofdstukken(self, register: object) -> None:
            register(ExtraHoofdstuk("kapot", "Kapot", maak=kapot))  # type: ignore[operator]

    class KapotBijAanmelden:
        @hookimpl(optionalhook=True)
        def register_rapport_hoofdstukken(self, register: object) -> None:
            raise KeyError("sleutel")

    with isolated(Kapot(), _Hoofdstuk(), KapotBijAanmelden()):
        u = make_report(RapportOpties(uitvoer=tmp_path))
    assert [s.blad for s in u.rapport.secties] == ["Overzicht", "Inwoners", "Over deze analyse"]
    assert len(u.overgeslagen) == 2
    assert u.overgeslagen[0].startswith("Hoofdstukken van plugin '")
    assert u.overgeslagen[0].endswith("': niet opgenomen (KeyError: 'sleutel')")
    assert u.overgeslagen[1] == (
        "Hoofdstuk Kapot: niet opgenomen (ZeroDivisionError: deling door nul in het hoofdstuk)"
    )


def test_a_chapter_computes_the_match_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every block of an activity's chapter, the plugin's summary and parts included,
    reads the one match of the analysis (cached per band)."""
    from oi_core.rekenen import analyse as analyse_module

    aanroepen: list[int] = []
    echt = analyse_module.verdeel

    def tellen(*args: Any, **kwargs: Any) -> Any:
        aanroepen.append(1)
        return echt(*args, **kwargs)

    monkeypatch.setattr(analyse_module, "verdeel", tellen)
    with isolated(*TP.PLUGINS):
        from oi_core import activiteit

        reg = activiteit("bieb")
        build_activity(reg, reg.analyse())
    assert len(aanroepen) == 1


BLADEN = [
    "Kort – Openbare bibliotheken",
    "Kort – Schoolbegeleiding naa",
    "Kort – Straatreiniging",
    "Overzicht",
    "Openbare bibliotheken",
    "Schoolbegeleiding naar SES",
    "Straatreiniging",
    "Inwoners",
    "Over deze analyse",
]
"""The sheets (and sections) of the report on the test activities: a front page per
activity, then the appendix: the overview, the installed activities in alphabetical order,
the plugins' chapters and the remarks."""


def test_the_report_has_an_overview_a_chapter_per_activity_the_plugin_chapters_and_about(
    uitkomst: RapportUitkomst,
) -> None:
    secties = uitkomst.rapport.secties
    assert [s.blad for s in secties] == BLADEN
    sleutels = [s.sleutel for s in secties]
    assert len(set(sleutels)) == len(sleutels)
    samenvatting = uitkomst.rapport.samenvatting
    assert [a["code"] for a in samenvatting["activiteiten"]] == ["bieb", "ses", "straat"]  # type: ignore[index]


# -- HTML -----------------------------------------------------------------------------------
def test_the_html_report_is_self_contained(uitkomst: RapportUitkomst) -> None:
    html = uitkomst.html.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    for verboden in ("<script", "<link", "<img", "<iframe", "@import", "@font-face", "url(http"):
        assert verboden not in html.lower(), verboden
    assert not re.search(r"""(?:src|href)\s*=\s*["'](?!#|data:image/png;base64,)""", html)
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "dubbele id's"
    for doel in re.findall(r'href="#([^"]+)"', html):
        assert doel in ids, doel


def test_the_html_report_has_a_table_of_contents_charts_maps_and_dutch_numbers(
    uitkomst: RapportUitkomst,
) -> None:
    html = uitkomst.html.read_text(encoding="utf-8")
    inhoud = re.search(r'<nav class="inhoud".*?</nav>', html, re.S)
    assert inhoud is not None
    assert re.findall(r'href="#([^"]+)"', inhoud.group(0)) == [
        s.sleutel for s in uitkomst.rapport.secties
    ]
    figuren = [b for s in uitkomst.rapport.secties for b in s.blokken if isinstance(b, Grafiek)]
    assert html.count("<svg ") == len(figuren) >= 10  # the stapeling adds two (its plugin)
    assert "23,0%" in html and "24,8%" in html  # Centrum: aandeel inzet and opgave
    assert "@media print" in html
    assert 'class="k-min_sterk"' in html or "k-min_sterk" in html


def test_rendering_twice_gives_the_same_html(uitkomst: RapportUitkomst) -> None:
    assert render_html(uitkomst.rapport) == render_html(uitkomst.rapport)


# -- Excel ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def boek(uitkomst: RapportUitkomst) -> openpyxl.Workbook:
    return openpyxl.load_workbook(uitkomst.xlsx)


@pytest.fixture(scope="module")
def waarden(uitkomst: RapportUitkomst) -> openpyxl.Workbook:
    return openpyxl.load_workbook(uitkomst.xlsx, data_only=True)


def _header_row(ws: object, eerste: str = "Code") -> int:
    for rij in ws.iter_rows(min_row=1, max_row=40):  # type: ignore[attr-defined]
        if rij[0].value == eerste:
            return int(rij[0].row)
    raise AssertionError("kopregel niet gevonden")


def test_workbook_sheets_charts_images_and_frozen_headers(boek: openpyxl.Workbook) -> None:
    assert boek.sheetnames == BLADEN
    straat = boek["Straatreiniging"]
    assert len(straat._charts) == 1  # bars; the OI-index map is on the front page
    assert len(straat._images) == 0
    assert len(boek["Kort – Straatreiniging"]._images) == 1
    assert straat.freeze_panes == f"C{_header_row(straat) + 1}"
    bieb = boek["Openbare bibliotheken"]
    assert len(bieb._charts) == 4  # bars, quadrant scatter, bars per stadsdeel, line
    assert len(bieb._images) == 1  # reading level per wijk
    assert len(boek["Schoolbegeleiding naar SES"]._images) == 0


def test_match_columns_are_formulas_whose_cached_values_are_the_core_numbers(
    boek: openpyxl.Workbook, waarden: openpyxl.Workbook
) -> None:
    ws, wv = boek["Straatreiniging"], waarden["Straatreiniging"]
    kop = _header_row(ws)
    koppen = {c.value: c.column_letter for c in ws[kop]}
    kern = _straat().match()
    for r in range(kop + 1, kop + 9):
        code = ws[f"A{r}"].value
        for naam, kolom in (
            ("Aandeel inzet", "aandeel_inzet"),
            ("Aandeel opgave", "aandeel_opgave"),
            ("Verschil (procentpunt)", "verschil_pp"),
            ("OI-index", "oi_index"),
            (SIGNAAL_KOP, "signaal"),
        ):
            cel = f"{koppen[naam]}{r}"
            assert str(ws[cel].value).startswith("="), cel
            assert (
                wv[cel].value == pytest.approx(kern.loc[code, kolom])
                if kolom != "signaal"  # the signal: its short word (▼ minder), one line
                else (wv[cel].value == SIGNAAL_KORT[kern.loc[code, kolom]])
            )
    assert ws[f"{koppen['OI-index']}{kop + 1}"].value == (
        f"=100*{koppen['Aandeel inzet']}{kop + 1}/{koppen['Aandeel opgave']}{kop + 1}"
    )
    assert ws[f"{koppen['Aandeel inzet']}{kop + 1}"].number_format == "0.0%"


def test_coloured_cells_carry_the_core_class_as_a_fill_above_the_average_and_sd(
    boek: openpyxl.Workbook, waarden: openpyxl.Workbook
) -> None:
    ws = boek["Straatreiniging"]
    kop = _header_row(ws)
    koppen = {c.value: c.column_letter for c in ws[kop]}
    index = koppen["OI-index"]
    assert not ws.conditional_formatting  # the class is written, not recomputed
    match = _straat().match()
    verwacht = kleur_index(match["oi_index"])
    kleur = {v.lstrip("#").upper(): k for k, v in KLEUREN.items()}
    signaal = {"min": SIGNAAL_MINDER, "gemiddeld": SIGNAAL_IN_VERHOUDING, "plus": SIGNAAL_MEER}
    for r in range(kop + 1, kop + 9):
        vulling = ws[f"{index}{r}"].fill.fgColor.rgb[-6:]
        code = ws[f"A{r}"].value
        assert kleur[vulling] == verwacht.klasse(code)
        # colour and signal use the same band (no "strong" index in straatreiniging)
        assert signaal[kleur[vulling]] == match.loc[code, "signaal"]
    gem_rij = next(r for r in range(kop, kop + 20) if ws[f"A{r}"].value == RIJ_GEMIDDELDE)
    assert ws[f"A{gem_rij + 1}"].value == RIJ_SD
    assert waarden["Straatreiniging"][f"{index}{gem_rij}"].value == 100
    # the index is dark at half or double, not at a standard deviation: no SD shown
    assert waarden["Straatreiniging"][f"{index}{gem_rij + 1}"].value is None


def test_overview_links_to_the_activity_sheets(boek: openpyxl.Workbook) -> None:
    ws = boek["Overzicht"]
    links = {c.value: c.hyperlink.location for r in ws.iter_rows() for c in r if c.hyperlink}
    assert links == {
        "Straatreiniging": "'Straatreiniging'!A1",
        "Openbare bibliotheken": "'Openbare bibliotheken'!A1",
        "Schoolbegeleiding naar SES": "'Schoolbegeleiding naar SES'!A1",
    }


def test_the_report_without_activities_still_has_the_plugin_chapters(tmp_path: Path) -> None:
    with isolated(_Hoofdstuk()):
        u = make_report(RapportOpties(uitvoer=tmp_path))
    assert [s.blad for s in u.rapport.secties] == ["Overzicht", "Inwoners", "Over deze analyse"]
    assert "Geen activiteiten" in u.html.read_text(encoding="utf-8")


def test_build_report_is_deterministic_apart_from_the_timestamp() -> None:
    from datetime import datetime

    moment = datetime(2026, 1, 1, 12, 0)
    with isolated(_Hoofdstuk()):
        extra = maak_hoofdstukken(list(extra_hoofdstukken().values()), IND)
    a = build_report([], extra, gemaakt=moment)
    b = build_report([], extra, gemaakt=moment)
    assert render_html(a) == render_html(b)
    assert a.gemaakt == "01-01-2026 12:00"


def test_a_figure_described_wrongly_is_left_out_with_a_remark() -> None:
    from oi_core import Figuur, Onderdeel

    goed = pd.DataFrame({"naam": ["a", "b"], "waarde": [1.0, 2.0]})

    class Slordig:
        @hookimpl
        def register_activiteiten(self, register: object) -> None:
            def onderdelen(analyse: Analyse) -> list[Onderdeel]:
                return [
                    Onderdeel("Kolom fout", figuur=Figuur("staaf", "A", goed, x="naam", y="x")),
                    Onderdeel("Tekst", figuur=Figuur("staaf", "B", goed, x="naam", y="naam")),
                    Onderdeel("Leeg", figuur=Figuur("lijn", "C", goed.iloc[:0], y="waarde")),
                    Onderdeel("Goed", figuur=Figuur("staaf", "D", goed, x="naam", y="waarde")),
                ]

            register(TP.STRAAT, data=TP.straat_data, onderdelen=onderdelen)  # type: ignore[operator]

    with isolated(Slordig()):
        from oi_core import activiteit

        h = build_activity(activiteit("straat"), _straat())
    titels = [g.figuur.titel for g in h.blokken if isinstance(g, Grafiek)]
    assert titels[-1] == "D" and not {"A", "B", "C"} & set(titels)
    assert "Figuur bij 'Kolom fout' niet getekend: kolom x ontbreekt" in " ".join(h.opmerkingen)
    assert "Figuur bij 'Tekst' niet getekend: kolom naam bevat geen getallen" in " ".join(
        h.opmerkingen
    )
    assert "Figuur bij 'Leeg' niet getekend: de figuur heeft geen gegevens" in " ".join(
        h.opmerkingen
    )


def test_a_map_of_codes_that_are_not_areas_says_so_instead_of_failing() -> None:
    from oi_rapport.figuren import render_figures

    from oi_core import Figuur

    kaart = Figuur("kaart", "Kaart", pd.DataFrame({"w": [1.0]}, index=["Lage SES"]), y="w")
    svg = render_figures([Grafiek("k", kaart, niveau=None)], IND, processen=1).svg["k"]
    assert "Geen kaart: onbekend schaalniveau" in svg


def test_a_plugin_table_shows_match_columns_like_the_match_table() -> None:
    from oi_rapport.tabellen import table_from_frame

    frame = match({"A": 1.0, "B": 3.0}, {"A": 1.0, "B": 1.0})
    frame.insert(0, "naam", ["Noord", "Zuid"])
    tabel = table_from_frame("t", "", frame.assign(extra=[1.5, 2.5]))
    koppen = {k.naam: (k.kop, k.formaat) for k in tabel.kolommen}
    assert koppen["aandeel_inzet"] == ("Aandeel inzet", "aandeel")
    assert koppen["verschil_pp"] == ("Verschil (procentpunt)", "pp")  # the catalogue's
    assert koppen["oi_index"] == ("OI-index", "index")
    assert koppen["signaal"] == ("Signaal", "tekst")
    assert koppen["extra"] == ("extra", "getal")


def test_the_pool_is_used_only_when_a_core_is_idle(monkeypatch: pytest.MonkeyPatch) -> None:
    """Measured: a worker pays off only beside the report's own process on an idle core.
    Here without /proc/stat (as on macOS): the load average, rounded; the measured idle time
    is tested in ``test_kernen.py``."""
    from oi_rapport import kernen
    from oi_rapport.figuren import free_cores

    monkeypatch.setattr(kernen, "_snapshot", lambda: None)
    monkeypatch.setattr(kernen, "_other_threads", lambda: False)  # whatever other tests left
    monkeypatch.delenv("OI_TEKENAARS", raising=False)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _: {0, 1}, raising=False)
    monkeypatch.setattr(os, "getloadavg", lambda: (1.6, 1.0, 1.0))
    assert free_cores() == 1  # one core busy: draw one by one
    monkeypatch.setattr(os, "getloadavg", lambda: (0.1, 0.1, 0.1))
    assert free_cores() == 2  # 2 − 0,1 = 1,9: this process and one worker
    monkeypatch.setattr(os, "sched_getaffinity", lambda _: set(range(8)), raising=False)
    assert free_cores() == 4  # at most four workers
    monkeypatch.setenv("OI_TEKENAARS", "3")
    assert free_cores() == 3


_OUDER = """
import sys, time
from oi_rapport.figuren import Tekenaar
t = Tekenaar(None, processen=3)  # this process and two workers
t._pool.submit(time.sleep, 0).result()
print(" ".join(str(p) for p in t._pool._processes), flush=True)
time.sleep(60)
"""


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


@pytest.mark.skipif(sys.platform != "linux", reason="PR_SET_PDEATHSIG is Linux")
def test_figure_workers_die_with_their_parent() -> None:
    """Issue 10 item 7: a killed report leaves no drawing processes behind."""
    ouder = subprocess.Popen([sys.executable, "-c", _OUDER], stdout=subprocess.PIPE, text=True)
    try:
        assert ouder.stdout is not None
        werkers = [int(p) for p in ouder.stdout.readline().split()]
        assert len(werkers) == 2 and all(_alive(p) for p in werkers)
    finally:
        ouder.kill()
        ouder.wait()
    tot = time.monotonic() + 20
    while any(_alive(p) for p in werkers) and time.monotonic() < tot:
        time.sleep(0.1)
    assert not any(_alive(p) for p in werkers)
