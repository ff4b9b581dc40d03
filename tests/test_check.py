"""The checks of ``oi check`` on a plugin built from the published straatreiniging table.

The clean plugin must pass strictly; each deliberate mistake must produce a finding that
names the plugin, the activity and the place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from importlib import metadata
from pathlib import Path
from types import ModuleType
from typing import Any

import pandas as pd
import pytest

from oi_core import (
    Activiteit,
    Aggregatie,
    ExcelArgument,
    ExcelFunctie,
    Indicator,
    Niveau,
    Resultatenketen,
    Richting,
    Rol,
    Samenvatting,
    Schakel,
    Vorm,
    hookimpl,
    to_tidy,
)
from oi_core.check import (
    Controlebevinding,
    Ernst,
    check_plugin,
    is_aandeel,
    is_cell_reference,
    name_problems,
    run_checks,
    share_tolerance,
)
from oi_core.plugins.manager import isolated

SEED = Path(__file__).resolve().parent / "referentie"  # published tables, see HERKOMST.md
BRON = "Presentatie 'Inzicht in ongelijk investeren', managementsamenvatting straatreiniging"


def _ind(code: str, rol: Rol, eenheid: str, **kw: Any) -> Indicator:
    return Indicator(
        code=code, naam=code.replace("_", " "), eenheid=eenheid, richting=Richting.NEUTRAAL,
        rol=rol, bron=BRON, peiljaar=2023, **kw,
    )  # fmt: skip


FTE = _ind("fte_pct", Rol.INZET, "% van totaal")
OPGAVE = _ind("bewoners_bezoekers_pct", Rol.OPGAVE, "% van totaal")
SCHOON = _ind("grof_zwerfvuil_pct_min_b", Rol.RESULTAAT, "% minstens niveau B",
              aggregatie=Aggregatie.GEEN)  # fmt: skip


def activiteit(code: str = "straat", **kw: Any) -> Activiteit:
    velden: dict[str, Any] = {
        "code": code,
        "naam": "Straatreiniging",
        "afdeling": "Stadswerken",
        "beschrijving": "Inzet van straatreinigers per stadsdeel, afgezet tegen bewoners "
        "en bezoekers.",
        "keten": Resultatenketen(
            inzet=Schakel(omschrijving="FTE straatreinigers", indicatoren=(FTE,)),
            resultaat=Schakel(omschrijving="CROW-schoonmeting", indicatoren=(SCHOON,)),
            doel=Schakel.leeg("Schone straten"),
            ambitie=Schakel.leeg("Een leefbare omgeving"),
            opgave=(OPGAVE,),
        ),
        "niveau": Niveau.STADSDEEL,
        "vormen": frozenset({Vorm.HERVERDELEN}),
        "bron": BRON,
        "peiljaar": 2023,
    }
    velden.update(kw)
    return Activiteit(**velden)


def seed_data() -> pd.DataFrame:
    breed = pd.read_csv(SEED / "straatreiniging_stadsdelen.csv")
    return to_tidy(breed, gebied="stadsdeel", indicatoren=[FTE.code, OPGAVE.code, SCHOON.code],
                   jaar=2023)  # fmt: skip


def samenvatting(analyse: Any) -> Samenvatting:
    m = analyse.match().sort_values("oi_index")
    regels = tuple(f"{r['naam']}: OI-index {r['oi_index']:.0f}" for _, r in m.iloc[:3].iterrows())
    return Samenvatting(f"{m.iloc[-1]['naam']} krijgt naar verhouding de meeste inzet", regels)


def fte_share(stadsdeel: str | None) -> float:
    return 0.0 if stadsdeel is None else 1.0


FUNCTIE = ExcelFunctie(
    naam="OI_STRAAT_AANDEEL",
    functie=fte_share,
    beschrijving="Aandeel van een stadsdeel in de inzet aan straatreinigers.",
    argumenten=(ExcelArgument("stadsdeel", "Naam of code van een stadsdeel.", soort="tekst"),),
    voorbeeld='=OI_STRAAT_AANDEEL("Noord")',
    resultaat="Een aandeel tussen 0 en 1.",
)


def plugin(
    naam: str = "oi_straat_test",
    activiteiten: tuple[tuple[Any, dict[str, Any]], ...] | None = None,
    functies: tuple[Any, ...] = (FUNCTIE,),
    **hooks: Callable[..., Any],
) -> ModuleType:
    """A plugin module; by default one clean activity on the published data and one function."""
    module = ModuleType(naam)
    if activiteiten is None:
        activiteiten = ((activiteit(), {"data": seed_data, "samenvatting": samenvatting}),)

    @hookimpl
    def register_activiteiten(register: Callable[..., None]) -> None:
        for a, kw in activiteiten:
            register(a, **kw)

    @hookimpl
    def register_excel_functies(register: Callable[[Any], None]) -> None:
        for f in functies:
            register(f)

    module.register_activiteiten = register_activiteiten  # type: ignore[attr-defined]
    module.register_excel_functies = register_excel_functies  # type: ignore[attr-defined]
    for hook, functie in hooks.items():
        setattr(module, hook, hookimpl(functie))
    return module


def fouten(module: ModuleType, strikt: bool = False) -> list[Controlebevinding]:
    return [b for b in check_plugin(module).bevindingen() if b.telt(strikt)]


def with_data(df: pd.DataFrame, **kw: Any) -> ModuleType:
    return plugin(activiteiten=((activiteit(), {"data": lambda: df, **kw}),))


def only(bevindingen: list[Controlebevinding]) -> Controlebevinding:
    assert len(bevindingen) == 1, [str(b) for b in bevindingen]
    return bevindingen[0]


# -- the clean plugin ---------------------------------------------------------------------
def test_published_straatreiniging_data_pass_strictly() -> None:
    verslag = check_plugin(plugin())
    assert verslag.bevindingen() == []
    assert verslag.geslaagd(strikt=True)
    soorten = {(c.naam, c.onderwerp) for c in verslag}
    assert {("hooks", "oi_straat_test"), ("definitie", "straat"), ("gegevens", "straat"),
            ("samenvatting", "straat"), ("excel", "OI_STRAAT_AANDEEL")} <= soorten  # fmt: skip


# -- data ---------------------------------------------------------------------------------
def test_unknown_area_is_named_with_its_row() -> None:
    df = seed_data()
    df.loc[df["gebied"] == "Zuidoost", "gebied"] = "Zuidoostt"
    gevonden = fouten(with_data(df))
    assert {b.waar for b in gevonden} == {
        "gegevens, rij 7, kolom 'gebied'",
        "gegevens, rij 16, kolom 'gebied'",
        "gegevens, rij 25, kolom 'gebied'",
    }
    b = gevonden[0]
    assert (b.plugin, b.activiteit, b.controle) == ("oi_straat_test", "straat", "gegevens")
    assert "Onbekend gebied 'Zuidoostt' op niveau stadsdeel" in b.melding
    assert "Zuidoost" in b.melding  # the suggestion


def test_undeclared_indicator_is_named() -> None:
    extra = pd.DataFrame([{"gebied": "Noord", "jaar": 2023, "indicator": "vulgraad", "waarde": 86}])
    b = only(fouten(with_data(pd.concat([seed_data(), extra], ignore_index=True))))
    assert b.waar == "gegevens, rij 28, kolom 'indicator'"
    assert "indicator 'vulgraad' is niet gedeclareerd in activiteit 'straat'" in b.melding


def test_duplicate_row_is_refused() -> None:
    df = seed_data()
    b = only(fouten(with_data(pd.concat([df, df.iloc[[2]]], ignore_index=True))))
    assert "dubbele rij: Noord (N), 2023, fte_pct staat ook op rij 3" in b.melding


def test_negative_inzet_is_refused() -> None:
    df = seed_data()
    df.loc[(df["gebied"] == "Weesp") & (df["indicator"] == "fte_pct"), "waarde"] = -1
    gevonden = fouten(with_data(df))
    assert any(
        b.waar == "gegevens, rij 8" and "negatieve inzet -1 voor Weesp (fte_pct)" in b.melding
        for b in gevonden
    ), [str(b) for b in gevonden]


def test_zero_opgave_where_inzet_goes_is_refused() -> None:
    df = seed_data()
    df.loc[(df["gebied"] == "Weesp") & (df["indicator"] == OPGAVE.code), "waarde"] = 0
    gevonden = fouten(with_data(df))
    assert any(
        "Weesp krijgt inzet (fte_pct = 1) maar heeft opgave 0" in b.melding for b in gevonden
    ), [str(b) for b in gevonden]


def test_published_shares_add_up_within_rounding_and_a_wrong_one_does_not() -> None:
    tabel = pd.read_csv(SEED / "straatreiniging_stadsdelen.csv").iloc[:-1]
    assert tabel["bewoners_bezoekers_pct"].sum() == 101  # as published: rounding
    assert share_tolerance(tabel["fte_pct"]) == pytest.approx(4.0)
    assert share_tolerance(pd.Series([12.5, 87.5])) == pytest.approx(0.1)
    df = seed_data()
    df.loc[(df["gebied"] == "Centrum") & (df["indicator"] == "fte_pct"), "waarde"] = 33
    gevonden = [b for b in fouten(with_data(df)) if "aandelen" in b.melding]
    b = only(gevonden)
    assert b.waar == "indicator 'fte_pct', 2023, niveau stadsdeel"
    assert "tellen op tot 110 in plaats van 100" in b.melding


def test_city_total_of_a_share_must_be_100() -> None:
    df = seed_data()
    df.loc[(df["gebied"] == "Amsterdam") & (df["indicator"] == "fte_pct"), "waarde"] = 90
    b = only(fouten(with_data(df)))
    assert b.waar == "gegevens, rij 9"
    assert "stedelijk totaal van aandeel 'fte_pct' is 90" in b.melding


def test_data_that_raise_are_a_finding_not_a_crash() -> None:
    def kapot() -> pd.DataFrame:
        raise FileNotFoundError("straat.csv")

    b = only(fouten(with_data(pd.DataFrame(), data=kapot)))
    assert (b.waar, b.melding) == (
        "data()",
        "de gegevens laden faalt: FileNotFoundError: straat.csv",
    )


def test_declared_indicator_without_data_is_a_warning() -> None:
    df = seed_data()
    module = with_data(df[df["indicator"] != SCHOON.code])
    assert fouten(module) == []
    b = only(fouten(module, strikt=True))
    assert (b.ernst, b.waar) == (Ernst.WAARSCHUWING, "indicator 'grof_zwerfvuil_pct_min_b'")


@pytest.mark.parametrize(
    ("eenheid", "aandeel"),
    [("% van totaal", True), ("% V/H totaal", True),
     ("% van het totale projectbudget 2025–2028", True),
     ("% van het stedelijk verharde oppervlak", True), ("% van de inwoners", False),
     ("% van het verharde oppervlak van het stadsdeel", False), ("%", False), ("FTE", False)],
)  # fmt: skip
def test_how_a_share_is_declared(eenheid: str, aandeel: bool) -> None:
    assert is_aandeel(FTE.model_copy(update={"eenheid": eenheid})) is aandeel


# -- definition ---------------------------------------------------------------------------
def _definitie(a: Activiteit) -> list[Controlebevinding]:
    module = plugin(activiteiten=((a, {"data": seed_data}),))
    return [b for b in fouten(module) if b.controle == "definitie"]


def test_a_percentage_that_would_be_summed_is_refused() -> None:
    som = SCHOON.model_copy(update={"aggregatie": Aggregatie.SOM})
    keten = activiteit().keten.model_copy(
        update={"resultaat": Schakel(omschrijving="CROW", indicatoren=(som,))}
    )
    b = only(_definitie(activiteit(keten=keten)))
    assert b.waar == "indicator 'grof_zwerfvuil_pct_min_b'"
    assert "mag niet worden opgeteld" in b.melding


def test_a_placeholder_link_is_refused() -> None:
    keten = activiteit().keten.model_copy(update={"doel": Schakel.leeg("TODO")})
    b = only(_definitie(activiteit(keten=keten)))
    assert b.waar == "keten.doel"


def test_a_model_that_skipped_validation_is_caught() -> None:
    goed = activiteit()
    omzeild = Activiteit.model_construct(**{**dict(goed), "naam": ""})
    b = only(_definitie(omzeild))
    assert b.waar == "naam"


def test_duplicate_activity_codes_across_plugins() -> None:
    eerste, tweede = plugin("oi_een"), plugin("oi_twee", functies=())
    with isolated(eerste, tweede):
        verslag = run_checks()
    dubbel = [b for b in verslag.bevindingen() if "al geregistreerd" in b.melding]
    assert [(b.waar, b.melding) for b in dubbel] == [
        ("hook register_activiteiten", "'straat' is al geregistreerd")
    ]
    assert not verslag.geslaagd()


# -- hooks --------------------------------------------------------------------------------
def test_unknown_hook_is_named() -> None:
    def register_activiteit(register: Any) -> None:  # typo: one letter short
        pass

    b = only(fouten(plugin(register_activiteit=register_activiteit)))
    assert (b.waar, b.controle) == ("hook register_activiteit", "hooks")
    assert "onbekende hook 'register_activiteit'" in b.melding


def test_a_hook_argument_outside_the_spec_is_a_finding() -> None:
    def register_metrieken(registreer: Any) -> None:
        pass

    b = only(fouten(plugin(register_metrieken=register_metrieken)))
    assert b.waar == "laden" and "klopt niet met de specificatie" in b.melding


def test_a_hook_that_raises_is_a_finding() -> None:
    def register_metrieken(register: Any) -> None:
        raise RuntimeError("kapot")

    b = only(fouten(plugin(register_metrieken=register_metrieken)))
    assert (b.waar, b.melding) == ("hook register_metrieken", "RuntimeError: kapot")


def test_a_plugin_that_does_not_import_is_a_finding(monkeypatch: pytest.MonkeyPatch) -> None:
    kapot = metadata.EntryPoint("kapot", "oi_bestaat_niet_xyz", "oi")
    monkeypatch.setattr("oi_core.plugins.manager.metadata.entry_points", lambda group: [kapot])
    with isolated(entrypoints=True):
        verslag = run_checks()
    b = only(verslag.bevindingen())
    assert (b.plugin, b.waar) == ("kapot", "laden")
    assert "ModuleNotFoundError" in b.melding and "oi_bestaat_niet_xyz" in b.melding


def test_commands_need_help_json_and_their_own_name() -> None:
    def register_commands(cli: Any) -> None:
        cli.command("check")(lambda: None)

    gevonden = check_plugin(plugin(register_commands=register_commands)).bevindingen()
    meldingen = {(b.waar, b.ernst, b.melding) for b in gevonden}
    assert meldingen == {
        ("opdracht 'oi check'", Ernst.FOUT, "de opdracht 'oi check' bestaat ook in plugin "
         "'oi_core.cli.check'"),
        ("opdracht 'oi check'", Ernst.FOUT, "de opdracht heeft geen helptekst"),
        ("opdracht 'oi check'", Ernst.WAARSCHUWING, "de opdracht biedt geen --json"),
    }  # fmt: skip


# -- Excel --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("naam", "cel"),
    [("OI1", True), ("XFD1048576", True), ("XFE1", False), ("A1048577", False), ("R1C1", True),
     ("RC", True), ("R1C16385", False), ("OI_INDEX", False), ("oi12", True)],
)  # fmt: skip
def test_cell_references(naam: str, cel: bool) -> None:
    assert is_cell_reference(naam) is cel


def test_excel_name_rules() -> None:
    assert name_problems("OI_INDEX") == []
    assert "celverwijzing" in " ".join(name_problems("OI1"))
    assert "moet met een letter beginnen" in name_problems("1OI")[0]
    assert "alleen letters, cijfers en _" in name_problems("OI.INDEX")[0]
    assert "het maximum is 255" in " ".join(name_problems("OI_" + "X" * 253))
    assert name_problems("OI_" + "X" * 252) == []
    assert name_problems("OI_AB") == [
        "in Office.js heet de functie OI.AB: 'AB' is korter dan 3 tekens"
    ]
    assert name_problems("OI_XFD1") == [
        "in Office.js heet de functie OI.XFD1: 'XFD1' is een celverwijzing"
    ]
    assert name_problems("OI_1X") == [
        "in Office.js heet de functie OI.1X: '1X' moet met een letter beginnen"
    ]
    assert name_problems("SOM_INDEX") == [
        "'SOM_INDEX' begint niet met OI_ (afspraak voor alle OI-functies)"
    ]


def test_excel_function_problems_are_each_named() -> None:
    slecht = ExcelFunctie(
        naam="OI1",
        functie=lambda a: a,
        beschrijving="Returns the share of the value for each area.",
        argumenten=(
            ExcelArgument("waarden", "", optioneel=True),
            ExcelArgument("class", "Klasse van het gebied.", soort="tekst"),
        ),
        voorbeeld="=OI_ANDERS(A1)",
    )
    gevonden = check_plugin(plugin(functies=(slecht,))).bevindingen()
    teksten = [f"{b.ernst.value}|{b.waar}|{b.melding}" for b in gevonden]
    verwacht = [
        "fout|Excel-functie OI1|'OI1' is ook een celverwijzing",
        "waarschuwing|Excel-functie OI1|de beschrijving lijkt Engels",
        "fout|Excel-functie OI1|een verplicht argument staat na een optioneel argument",
        "fout|Excel-functie OI1|de Python-functie kan niet met 2 argumenten worden aangeroepen",
        "fout|Excel-functie OI1|het voorbeeld '=OI_ANDERS(A1)' roept OI1 niet aan",
        "waarschuwing|Excel-functie OI1|niet beschreven wat de functie teruggeeft",
        "fout|Excel-functie OI1, argument 'waarden'|de hulptekst ontbreekt",
        "fout|Excel-functie OI1, argument 'class'|'class' is geen geldige argumentnaam",
    ]
    for v in verwacht:
        assert any(t.startswith(v) for t in teksten), (v, teksten)


def test_duplicate_excel_function_name_is_a_finding() -> None:
    gevonden = fouten(plugin(functies=(FUNCTIE, FUNCTIE)))
    b = only(gevonden)
    assert (b.waar, b.melding) == (
        "hook register_excel_functies",
        "'OI_STRAAT_AANDEEL' is al geregistreerd",
    )


# -- samenvatting -------------------------------------------------------------------------
def test_a_samenvatting_that_raises_or_is_thin() -> None:
    def kapot(analyse: Any) -> Samenvatting:
        raise KeyError("oi_index")

    def mager(analyse: Any) -> Samenvatting:
        return Samenvatting("Straatreiniging in beeld", ("Eén bevinding.",))

    b = only(fouten(with_data(seed_data(), samenvatting=kapot)))
    assert (b.waar, b.melding) == ("samenvatting", "faalt: KeyError: 'oi_index'")
    b = only(fouten(with_data(seed_data(), samenvatting=mager), strikt=True))
    assert b.ernst is Ernst.WAARSCHUWING and "3 tot 5" in b.melding


@pytest.fixture
def _geen_plugins() -> Iterator[None]:
    with isolated():
        yield


def test_core_alone_is_clean(_geen_plugins: None) -> None:
    verslag = run_checks()
    assert verslag.bevindingen() == []
