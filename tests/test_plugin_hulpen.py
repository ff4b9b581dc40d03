"""The shared plugin helpers in the core: published-versus-computed within rounding, the
city value, worksheet ranges as labelled Series, part isolation and ActiviteitPlugin."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from oi_core import (
    Activiteit,
    Analyse,
    DataFout,
    Indicator,
    InvoerFout,
    Niveau,
    OIWaarschuwing,
    Onderdeel,
    Resultatenketen,
    Richting,
    Rol,
    Schakel,
    activiteit,
    excel_functies,
)
from oi_core.invoer.reeksen import bereik_als_tabel, rijen_als_reeks
from oi_core.model.registratie import ExcelFunctie, Kolom
from oi_core.plugins.activiteitplugin import ActiviteitPlugin
from oi_core.plugins.manager import isolated, kolommen, plugin_problems
from oi_core.plugins.onderdelen import maak_onderdelen, probeer, zonder_lege
from oi_core.rekenen.gepubliceerd import binnen_afronding, stadswaarde

SCORE = Indicator(
    code="score", naam="Score", eenheid="%", richting=Richting.HOGER_IS_BETER, rol=Rol.RESULTAAT,
    aggregatie="gewogen_gemiddelde", gewicht="inwoners",
)  # fmt: skip
INZET = Indicator(code="fte", naam="FTE", eenheid="FTE", richting=Richting.NEUTRAAL, rol=Rol.INZET)
OPGAVE = Indicator(
    code="inwoners", naam="Inwoners", eenheid="inwoners", richting=Richting.NEUTRAAL, rol=Rol.OPGAVE
)
ACT = Activiteit(
    code="proef", naam="Proef", afdeling="Test", niveau=Niveau.STADSDEEL, bron="test",
    peiljaar=2024,
    keten=Resultatenketen(
        inzet=Schakel(omschrijving="FTE", indicatoren=(INZET,)),
        resultaat=Schakel(omschrijving="Score", indicatoren=(SCORE,)),
        doel=Schakel.leeg("geen"), ambitie=Schakel.leeg("geen"), opgave=(OPGAVE,),
    ),
)  # fmt: skip


def _data(met_stad: bool) -> pd.DataFrame:
    rijen = [("A", "fte", 2.0), ("A", "inwoners", 100.0), ("A", "score", 80.0)]
    rijen += [("T", "fte", 1.0), ("T", "inwoners", 300.0), ("T", "score", 60.0)]
    tabel = pd.DataFrame(rijen, columns=["gebied", "indicator", "waarde"]).assign(jaar=2024)
    if met_stad:
        stad = {"gebied": "Amsterdam", "indicator": "score", "waarde": 70.0, "jaar": 2024}
        tabel = pd.concat([tabel.assign(niveau="stadsdeel"), pd.DataFrame([stad])])
        tabel["niveau"] = tabel["niveau"].fillna("gemeente")
    return tabel.reset_index(drop=True)


# -- published against computed ----------------------------------------------------------
def test_binnen_afronding_accepts_what_whole_percents_allow_and_nothing_more() -> None:
    """Straatreiniging, Centrum: 23% FTE, 25% residents+visitors, published index 92."""
    uit = binnen_afronding(
        {"A": 92, "S": 50, "T": 200}, {"A": 23, "S": 1, "T": 11}, {"A": 25, "S": 2, "T": 8}
    )
    assert uit.loc["A", "ondergrens"] == pytest.approx(100 * 22.5 / 25.5)
    assert uit.loc["A", "bovengrens"] == pytest.approx(100 * 23.5 / 24.5)
    assert uit["binnen"].tolist() == [True, True, False]
    assert uit.loc["S", ["ondergrens", "bovengrens"]].astype(float).round(2).tolist() == [20, 100]


def test_binnen_afronding_a_missing_published_index_is_not_binnen() -> None:
    uit = binnen_afronding({"A": 92}, {"A": 23, "B": 10}, {"A": 25, "B": 10})
    assert uit["binnen"].tolist() == [True, False]


def test_stadswaarde_takes_the_published_city_row() -> None:
    assert stadswaarde(Analyse(ACT, _data(met_stad=True)), "score") == 70.0


def test_stadswaarde_without_a_city_row_is_refused_or_aggregated() -> None:
    analyse = Analyse(ACT, _data(met_stad=False))
    with pytest.raises(InvoerFout, match="geen stedelijk gemiddelde voor 'score'"):
        stadswaarde(analyse, "score")
    # weighted by inwoners of the two stadsdelen in the data (CBS 2024, the core's own)
    with pytest.warns(OIWaarschuwing, match="gedeeltelijk opgeteld"):
        gewogen = stadswaarde(analyse, "score", aggregeren=True)
    assert 60.0 < gewogen < 80.0


# -- worksheet ranges --------------------------------------------------------------------
def test_bereik_als_tabel_skips_blank_rows_and_names_every_problem() -> None:
    nan = np.nan
    t = bereik_als_tabel(["Noord", None, " Oost "], {"x": [1, nan, 2], "y": [3, nan, 4]})
    assert t.index.tolist() == ["Noord", "Oost"] and t["y"].tolist() == [3.0, 4.0]
    with pytest.raises(DataFout) as fout:
        bereik_als_tabel(["Noord", None, "Oost"], {"x": [1, 5, nan]})
    assert [str(b) for b in fout.value.bevindingen] == [
        "rij 2, kolom 'x': waarde zonder gebied",
        "rij 3, kolom 'x': geen waarde voor 'Oost'",
    ]


def test_bereik_als_tabel_refuses_unequal_ranges_and_double_labels() -> None:
    with pytest.raises(InvoerFout, match="2 gebieden maar 3 waarden"):
        bereik_als_tabel(["A", "B"], {"x": [1, 2, 3]})
    with pytest.raises(DataFout, match="'A' staat meer dan eens"):
        bereik_als_tabel(["A", "A"], {"x": [1, 2]})
    assert bereik_als_tabel(None, {"x": [1, 2]}).index.tolist() == ["1", "2"]


def test_rijen_als_reeks_matches_by_position() -> None:
    assert rijen_als_reeks(np.array([[1.0], [2.0]]), "fte").tolist() == [1.0, 2.0]
    with pytest.raises(InvoerFout, match="lege cel op rij 2"):
        rijen_als_reeks([1.0, np.nan], "fte")
    with pytest.raises(InvoerFout, match="verwacht 3"):
        rijen_als_reeks([1.0, 2.0], "fte", lengte=3)


# -- part isolation ----------------------------------------------------------------------
def test_a_part_without_its_data_is_left_out_and_a_bug_is_not_hidden() -> None:
    analyse = Analyse(ACT, _data(met_stad=False))

    def goed(a: Analyse) -> Onderdeel:
        return Onderdeel(titel=f"{len(a.match())} stadsdelen")

    def zonder_stad(a: Analyse) -> Onderdeel:
        return Onderdeel(titel=str(stadswaarde(a, "score")))

    assert [o.titel for o in maak_onderdelen((goed, zonder_stad, goed), analyse)] == [
        "2 stadsdelen"
    ] * 2
    assert probeer(lambda: 1 / 1) == 1.0 and zonder_lege(["a", None, ""]) == ["a"]
    with pytest.raises(ZeroDivisionError):
        probeer(lambda: 1 / 0)


# -- ActiviteitPlugin --------------------------------------------------------------------
def test_activiteitplugin_registers_activity_functions_and_columns() -> None:
    functie = ExcelFunctie(naam="OI_PROEF", functie=lambda: 1, beschrijving="Proef.")
    plugin = ActiviteitPlugin(
        ACT, data=lambda: _data(True), excel_functies=(functie,),
        kolommen=(Kolom("proef_kolom", "Proefkolom", "getal", 1),), naam="proefplugin",
    )  # fmt: skip
    assert plugin.__name__ == "proefplugin"
    assert ActiviteitPlugin(ACT, data=maak_onderdelen).__name__ == "oi_core"  # the data's package
    with isolated(plugin):
        reg = activiteit("proef")
        assert reg.plugin == "proefplugin" and reg.samenvatting is None
        assert reg.analyse().match().loc["A", "oi_index"] == pytest.approx(100 * (2 / 3) / 0.25)
        assert excel_functies()["OI_PROEF"].plugin == "proefplugin"
        assert kolommen()["proef_kolom"].kop == "Proefkolom"
        assert plugin_problems() == []


# -- column catalogue --------------------------------------------------------------------
def test_ongeregistreerde_kolommen_finds_the_code_names_a_part_shows() -> None:
    from oi_core.check.kolommen import ongeregistreerde_kolommen
    from oi_core.weergave.kolommen import is_code_name

    def deel(a: Analyse) -> list[Onderdeel]:
        tabel = a.match().assign(fte_per_1000=1.0, **{"0–4 jaar": 2.0})
        return [Onderdeel(titel="Match", tabel=tabel)]

    kaal = ActiviteitPlugin(ACT, data=lambda: _data(True), onderdelen=deel, naam="kaal")
    assert ongeregistreerde_kolommen(kaal) == ["fte_per_1000"]  # naam, gebied: the core's
    extra = pd.DataFrame({"score": [1.0]}).rename_axis("rij")
    assert ongeregistreerde_kolommen(kaal, [extra]) == ["fte_per_1000", "score", "rij"]
    uitgebreid = ActiviteitPlugin(
        ACT, data=lambda: _data(True), onderdelen=deel, kolommen_uit_indicatoren=True,
        kolommen=(Kolom("fte_per_1000", "FTE per 1000 kinderen", "getal", 2),), naam="vol",
    )  # fmt: skip
    assert ongeregistreerde_kolommen(uitgebreid, [extra]) == ["rij"]
    assert is_code_name("km_hemelsbreed") and not is_code_name("Aandeel inzet")


def test_uit_modules_takes_each_name_from_the_first_module_that_has_it() -> None:
    from types import SimpleNamespace

    from oi_core import PluginFout

    kol = Kolom("proef_kolom", "Proefkolom")
    eerste = SimpleNamespace(KOLOMMEN=(kol,))
    tweede = SimpleNamespace(data=lambda: _data(True), KOLOMMEN=("geen kolom",))
    plugin = ActiviteitPlugin.uit_modules(ACT, eerste, tweede, naam="modules")  # type: ignore[arg-type]
    assert plugin.kolommen == (kol,) and plugin.__name__ == "modules"
    with pytest.raises(PluginFout, match="definieert data"):
        _ = ActiviteitPlugin.uit_modules(ACT, eerste).registratie  # type: ignore[arg-type]
    with pytest.raises(PluginFout, match="geen Kolom"):
        _ = ActiviteitPlugin.uit_modules(ACT, tweede).kolommen  # type: ignore[arg-type]


def test_named_modules_are_imported_only_when_a_hook_is_called() -> None:
    """``oi --help`` loads the entry point; the plugin's data modules wait for a hook."""
    import sys

    plugin = ActiviteitPlugin.uit_modules(ACT, ".hulpdata", pakket="oi_onbestaand", naam="lui")
    assert "oi_onbestaand.hulpdata" not in sys.modules
    with pytest.raises(ModuleNotFoundError):
        _ = plugin.registratie


def test_uit_pakket_reads_the_conventional_modules_that_exist_on_the_first_hook(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``uit_pakket`` takes ``.kolommen … .gegevens``, skips the absent ones, imports late."""
    import sys

    pakket = tmp_path / "oi_proefpakket"
    pakket.mkdir()
    (pakket / "__init__.py").write_text("")
    (pakket / "kolommen.py").write_text(
        "from oi_core.model.registratie import Kolom\n"
        "KOLOMMEN = (Kolom('proef_kolom', 'Proefkolom'),)\n"
    )
    (pakket / "gegevens.py").write_text("def data():\n    return 'gelezen'\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    plugin = ActiviteitPlugin.uit_pakket("oi_proefpakket", ACT)
    assert plugin.__name__ == "oi_proefpakket"
    assert not {"oi_proefpakket", "oi_proefpakket.gegevens"} & set(sys.modules)
    assert plugin.registratie["data"]() == "gelezen"
    assert [k.sleutel for k in plugin.kolommen] == ["proef_kolom"] and plugin.functies == ()
    assert "oi_proefpakket.excel" not in sys.modules
    for naam in ("oi_proefpakket.kolommen", "oi_proefpakket.gegevens", "oi_proefpakket"):
        del sys.modules[naam]


def test_staaf_and_spreiding_declare_the_same_figuur_as_by_hand() -> None:
    from oi_core import Figuur
    from oi_core.plugins.onderdelen import spreiding, staaf

    t = pd.DataFrame({"naam": ["Noord"], "x": [1.0], "y": [2.0]})
    assert staaf("T", t, "y", "aantal", x="naam", referentie=100.0) == Figuur(
        soort="staaf", titel="T", data=t, x="naam", y="y", y_label="aantal",
        referenties={"y": 100.0},
    )  # fmt: skip
    assert spreiding("S", t, {"x": "X-as", "y": "Y-as"}, {"x": 1.0}) == Figuur(
        soort="spreiding", titel="S", data=t, x="x", y="y", label="naam", x_label="X-as",
        y_label="Y-as", referenties={"x": 1.0},
    )  # fmt: skip
