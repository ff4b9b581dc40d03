"""The report chapter *Sturen: zekerheid en samenhang* (issue 12, items 3–8).

Per activity, where its data allow: the concentration curve as a chart with the index and
its interval, the OI-index at every level side by side with the reversals, the signal
under the alternative opgave definitions the plugin declares, the inzet per unit of
resultaat along the Resultatenketen, the OI-index per year (multi-year data) and survey
figures with their significance and suppression ("–"). Every number comes from
:mod:`oi_core.sturen`; this module only places it. Registered through the report's own hook
``register_rapport_hoofdstukken`` (:func:`register_sturen_hoofdstuk`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from oi_core.plugins.hookspecs import hookimpl

if TYPE_CHECKING:
    import pandas as pd

    from oi_core.gebieden.indeling import Gebiedsindeling
    from oi_core.model.activiteit import Indicator
    from oi_core.rekenen.analyse import Analyse
    from oi_rapport.document import Blok, Kolom
    from oi_rapport.hoofdstukken import ExtraHoofdstuk, HoofdstukInhoud, RegisterHoofdstuk

__all__ = [
    "concentratie_blokken",
    "hoofdstuk",
    "impact_blokken",
    "niveau_blokken",
    "onzekerheid_blokken",
    "register_sturen_hoofdstuk",
    "robuustheid_blokken",
    "trend_blokken",
]


@hookimpl(specname="register_rapport_hoofdstukken", optionalhook=True)
def register_sturen_hoofdstuk(register: RegisterHoofdstuk) -> None:
    register(hoofdstuk())


def hoofdstuk() -> ExtraHoofdstuk:
    from oi_rapport.hoofdstukken import ExtraHoofdstuk

    return ExtraHoofdstuk(
        sleutel="sturen",
        titel="Sturen: zekerheid en samenhang",
        blad="Sturen",
        maak=_inhoud,
        maak_op=_inhoud,
        intro="Het hoofdstuk Sturen laat per activiteit zien hoe zeker en hoe stevig het "
        "signaal is: concentratiecurve met interval, niveaus naast elkaar, andere definities "
        "van de opgave en inzet per eenheid resultaat.",
        bron="Sturen: berekend uit de gegevens van elke activiteit; inwoners: CBS Kerncijfers "
        "wijken en buurten 2024.",
        formules=(
            (
                "Concentratie-index",
                "C = 2·cov_w(y, R) / μ; se uit de deltamethode (Kakwani e.a. 1997)",
                "y inzet per inwoner, R de rang naar opgave per inwoner (grootste eerst); "
                "negatief: inzet gaat naar de grootste opgave. Interval C ± 1,96·se.",
            ),
            (
                "Significant verschil",
                "|waarde − gemiddelde| > 1,96 · se",
                "Alleen dan telt een verschil (Urban Institute); se = √(p(100 − p)/n) of "
                "marge / 1,96. Minder waarnemingen dan de drempel: –.",
            ),
            (
                "Opgeteld tekort",
                "Σ_jaren max(0, norm − waarde)",
                "Per gebied; met een prijs per eenheid in euro.",
            ),
            (
                "Inzet per eenheid resultaat",
                "inzet / resultaat",
                "Per gebied, langs de resultatenketen; met een prijs per eenheid in euro.",
            ),
        ),
    )


Bouwer = Callable[["Analyse"], "list[Blok]"]


def _inhoud(
    indeling: Gebiedsindeling, analyses: Mapping[str, Analyse] | None = None
) -> HoofdstukInhoud:
    """Per activity of the report (own data where given; without ``analyses`` every
    installed activity on its built-in data) the blocks its data allow."""
    from oi_rapport.document import Tekst
    from oi_rapport.hoofdstukken import HoofdstukInhoud, report_analyses

    blokken: list[Blok] = [
        Tekst(
            (
                "Dit hoofdstuk rekent op de gegevens van elke activiteit in het rapport: uw "
                "eigen gegevens waar u die meegaf, anders de ingebouwde; `oi rapport --zonder "
                "sturen` laat het weg. Per activiteit staat alleen wat haar gegevens toelaten.",
            )
        )
    ]
    samenvatting: dict[str, object] = {}
    bouwers: tuple[Bouwer, ...] = (
        concentratie_blokken,
        niveau_blokken,
        robuustheid_blokken,
        impact_blokken,
        trend_blokken,
        onzekerheid_blokken,
    )
    for code, reg, analyse in report_analyses(indeling, analyses):
        delen = [b for bouw in bouwers for b in _of_niets(bouw, analyse)]
        blokken += [Tekst((reg.activiteit.beschrijving,), kop=reg.activiteit.naam), *delen]
        samenvatting[code] = {"onderdelen": len(delen)}
    return HoofdstukInhoud(tuple(blokken), samenvatting)


def _of_niets(bouw: Bouwer, analyse: Analyse) -> list[Blok]:
    """The blocks of ``bouw``, or none when the activity's data do not allow them."""
    from oi_core.errors import OIFout

    try:
        return bouw(analyse)
    except OIFout:
        return []


def _kolommen(data: pd.DataFrame, koppen: dict[str, str] | None = None) -> tuple[Kolom, ...]:
    """Catalogue columns where the catalogue knows the key; any other column is a number
    without decimals, or text (wrapped in the workbook) when it holds text, such as the
    signal per definition of the opgave."""
    from pandas.api.types import is_bool_dtype, is_numeric_dtype

    from oi_core.weergave.kolommen import zoek
    from oi_rapport.document import Kolom
    from oi_rapport.tabellen import catalogue_column

    uit = []
    for k in data.columns:
        if zoek(str(k)) is not None:
            uit.append(catalogue_column(str(k)))
            continue
        kop = (koppen or {}).get(str(k), str(k))
        if is_numeric_dtype(data[k]) and not is_bool_dtype(data[k]):
            uit.append(Kolom(str(k), kop, "getal", 0))
        else:
            uit.append(Kolom(str(k), kop, "tekst"))
    return tuple(uit)


def _ja_nee(data: pd.DataFrame, kolommen: list[str]) -> pd.DataFrame:
    uit = data.copy()
    for k in kolommen:
        uit[k] = ["ja" if bool(v) else "nee" for v in uit[k]]
    return uit


def _met_namen(data: pd.DataFrame, analyse: Analyse) -> pd.DataFrame:
    from oi_core.model.activiteit import Niveau

    if analyse.niveau is Niveau.DOELGROEP or "naam" in data.columns:
        return data
    uit = data.copy()
    uit.insert(0, "naam", analyse.indeling.names(uit.index))
    return uit


def _probeer(maak: Callable[[], pd.DataFrame]) -> pd.DataFrame | None:
    """The table, or None when the data do not allow it (a Dutch :class:`OIFout`)."""
    import warnings

    from oi_core.errors import OIFout

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return maak()
        except OIFout:
            return None


# -- item 3: the concentration curve -------------------------------------------------------
def concentratie_blokken(analyse: Analyse) -> list[Blok]:
    """The concentration curve as a chart, with the index and its 95% interval."""
    from oi_core.model.registratie import Figuur
    from oi_core.sturen.concentratie import concentratie_curve, concentratie_interval
    from oi_core.weergave.tekst import getal
    from oi_rapport.document import Grafiek, Tekst

    a = analyse.activiteit
    x, y = analyse.values(a.match_inzet.code), analyse.values(a.match_opgave.code)
    b = analyse.indeling.bevolking(analyse.niveau).reindex(x.index)
    if b.isna().any() or not (b > 0).all():
        return []
    c = concentratie_interval(x, y, b)
    curve = concentratie_curve(x, y, b)
    data = curve.rename(
        columns={
            "cumulatief_bevolking": "Cumulatief aandeel bevolking",
            "cumulatief_inzet": "Concentratiecurve",
            "gelijke_verdeling": "Gelijke verdeling",
        }
    ).set_index("gebied")
    richting = (
        "naar de gebieden met de grootste opgave"
        if c.index < 0
        else ("naar de gebieden met de kleinste opgave")
    )
    zeker = (
        "Het interval bevat 0: geen duidelijk verband."
        if not c.significant
        else ("Het interval bevat 0 niet.")
    )
    tekst = (
        f"Concentratie-index {getal(c.index, 3)} (95%-interval {getal(c.ondergrens, 3)} tot "
        f"{getal(c.bovengrens, 3)}, {int(c.n)} gebieden als waarnemingen): de inzet per "
        f"inwoner gaat eerder {richting}. {zeker}",
        "Teken: negatief betekent dat de inzet zich concentreert waar de opgave per inwoner "
        "het grootst is; de curve ligt dan boven de diagonaal.",
    )
    figuur = Figuur(
        "lijn",
        f"Concentratiecurve: {a.naam}",
        data,
        x="Cumulatief aandeel bevolking",
        y=("Concentratiecurve", "Gelijke verdeling"),
        x_label="cumulatief aandeel inwoners, grootste opgave per inwoner eerst",
        y_label="cumulatief aandeel inzet",
    )
    sleutel = f"sturen-{a.code}-concentratie"
    return [Tekst(tekst, kop="Concentratiecurve"), Grafiek(sleutel, figuur)]


# -- item 7: levels side by side ----------------------------------------------------------
def niveau_tabel(uit: pd.DataFrame, sleutel: str, titel: str) -> Blok:
    """A table of :func:`~oi_core.oi_per_niveau` (only the areas whose signal reverses or
    hides a shortfall when there are many)."""
    from oi_rapport.document import Tabel

    toon = uit[uit["omslag"] | uit["verborgen_tekort"]] if len(uit) > 30 else uit
    data = _ja_nee(toon, ["omslag", "verborgen_tekort"])
    return Tabel(
        sleutel=sleutel,
        titel=titel,
        data=data,
        kolommen=_kolommen(data),
        bijschrift=f"Signaal slaat om in {int(uit['omslag'].sum())} van {len(uit)} gebieden; "
        "een gemiddelde kan een gebied met te weinig inzet verbergen.",
    )


def niveau_blokken(analyse: Analyse) -> list[Blok]:
    from oi_core.sturen.niveaus import oi_per_niveau_activiteit
    from oi_rapport.document import Tekst

    uit = _probeer(lambda: oi_per_niveau_activiteit(analyse))
    if uit is None:
        return []
    a = analyse.activiteit
    return [
        Tekst((), kop="Niveaus naast elkaar"),
        niveau_tabel(uit, f"sturen-{a.code}-niveaus", "OI-index per niveau"),
    ]


# -- item 8: robustness -------------------------------------------------------------------
def robuustheid_blokken(analyse: Analyse) -> list[Blok]:
    from oi_core.sturen.robuustheid import robuustheid_activiteit
    from oi_rapport.document import Tabel, Tekst

    uit = _probeer(lambda: robuustheid_activiteit(analyse))
    if uit is None:
        return []
    a = analyse.activiteit
    data = _ja_nee(_met_namen(uit, analyse), ["stevig"])
    wankel = [str(n) for n, s in zip(data["naam"], uit["stevig"], strict=True) if not s]
    uitleg = [f"{d.naam}: {d.beschrijving}" for d in a.opgave_alternatieven]
    return [
        Tekst(
            (
                "Hoe stevig is het signaal? Dezelfde inzet tegen elke definitie van de opgave "
                "die de gegevens toelaten. " + " ".join(uitleg),
                f"Het signaal hangt af van de definitie in: {', '.join(wankel)}."
                if wankel
                else "Het signaal is in elk gebied hetzelfde bij elke definitie.",
            ),
            kop="Robuustheid van het signaal",
        ),
        Tabel(
            sleutel=f"sturen-{a.code}-robuustheid",
            titel="OI-index en signaal per definitie van de opgave",
            data=data,
            kolommen=_kolommen(data),
        ),
    ]


# -- item 6: inzet per unit of resultaat --------------------------------------------------
def impact_blokken(analyse: Analyse) -> list[Blok]:
    """The inzet per unit of resultaat, in the inzet's unit (no price is declared; ``oi
    impact --prijs`` gives euros)."""
    from oi_core.sturen.impact import impact_activiteit
    from oi_rapport.document import Kolom, Tabel, Tekst
    from oi_rapport.tabellen import catalogue_column

    uit = _probeer(lambda: impact_activiteit(analyse, prijs=1.0))
    if uit is None:
        return []
    a = analyse.activiteit
    eenheid = a.match_inzet.eenheid
    r = uit.attrs["resultaat"]
    data = _met_namen(uit, analyse)
    return [
        Tekst(
            (
                f"Inzet per eenheid resultaat ({r['naam']}, {r['eenheid']}), in de eenheid van "
                f"de inzet ({eenheid}). Met een prijs per eenheid geeft `oi impact "
                f"{a.code} --prijs …` hetzelfde in euro, zodat activiteiten te vergelijken zijn.",
            ),
            kop="Inzet per eenheid resultaat",
        ),
        Tabel(
            sleutel=f"sturen-{a.code}-impact",
            titel="Inzet per eenheid resultaat",
            data=data,
            kolommen=(
                catalogue_column("naam"),
                Kolom("kosten", f"Inzet ({eenheid})", "getal", 2),
                Kolom("resultaat", f"Resultaat ({r['eenheid']})", "getal", 1),
                Kolom("kosten_per_resultaat", "Inzet per eenheid resultaat", "getal", 3),
            ),
        ),
    ]


# -- item 5: the OI-index per year --------------------------------------------------------
def _jaren(analyse: Analyse, code: str) -> list[int]:
    rijen = analyse.data[analyse.data["indicator"] == code]
    return sorted({int(j) for j in rijen["jaar"].dropna()})


def trend_blokken(analyse: Analyse) -> list[Blok]:
    """The OI-index per year as a line chart, when the data hold more than one year of both
    the inzet and the opgave."""
    import pandas as pd

    from oi_core.model.registratie import Figuur
    from oi_core.rekenen.analyse import Analyse as AnalyseKlasse
    from oi_core.sturen.trends import oi_index_per_jaar
    from oi_rapport.document import Grafiek, Tekst

    a = analyse.activiteit
    jaren = sorted(
        set(_jaren(analyse, a.match_inzet.code)) & set(_jaren(analyse, a.match_opgave.code))
    )
    if len(jaren) < 2:
        return []
    per_jaar = {
        j: AnalyseKlasse(a, analyse.data, niveau=analyse.niveau, indeling=analyse.indeling, jaar=j)
        for j in jaren
    }
    inzet = pd.DataFrame({j: p.values(a.match_inzet.code) for j, p in per_jaar.items()}).dropna()
    opgave = pd.DataFrame({j: p.values(a.match_opgave.code) for j, p in per_jaar.items()})
    index = oi_index_per_jaar(inzet, opgave.reindex(inzet.index))["oi_index"].unstack("gebied")
    data = index.rename(
        columns=dict(zip(index.columns, analyse.indeling.names(index.columns), strict=True))
    )
    data.index = data.index.map(str)
    figuur = Figuur(
        "lijn",
        f"OI-index per jaar: {a.naam}",
        data,
        y_label="OI-index (100 = in verhouding)",
        referenties={"y": 100.0},
    )
    return [
        Tekst((f"De OI-index van elk jaar, {jaren[0]}–{jaren[-1]}.",), kop="Trend"),
        Grafiek(f"sturen-{a.code}-trend", figuur),
    ]


# -- item 4: survey figures with significance and suppression -----------------------------
def onzekerheid_blokken(analyse: Analyse) -> list[Blok]:
    """Per survey indicator that declares its sample size (``Indicator.steekproef``) or
    margin: its position against the average with significance; fewer observations than
    :data:`MINIMUM_WAARNEMINGEN` show "–" and are not coloured."""
    a = analyse.activiteit
    blokken: list[Blok] = []
    for ind in a.keten.indicatoren():
        if ind.steekproef or ind.marge:
            blokken += _onzekerheid(analyse, ind)
    return blokken


MINIMUM_WAARNEMINGEN = 50
"""Fewer observations than this: the value is suppressed ("–"), as GGD Amsterdam does."""


def _onzekerheid(analyse: Analyse, ind: Indicator) -> list[Blok]:
    from oi_core.rekenen.kleuring import Kleuring, _klassen
    from oi_core.rekenen.metrieken import tov_gemiddelde
    from oi_rapport.document import Tabel, Tekst
    from oi_rapport.tabellen import catalogue_column

    waarden = analyse.values(ind.code)
    n = analyse.values(ind.steekproef).reindex(waarden.index) if ind.steekproef else None
    marge = analyse.values(ind.marge).reindex(waarden.index) if ind.marge else None
    uit = tov_gemiddelde(
        waarden,
        richting=ind.richting,
        steekproef=n,
        marge=marge,
        minimum_waarnemingen=MINIMUM_WAARNEMINGEN if n is not None else None,
    )
    kleur = Kleuring(float(uit["gemiddelde"].iloc[0]), 0.0, ind.richting, _klassen(uit))
    data = _ja_nee(_met_namen(uit, analyse), ["significant"])
    kolommen = (
        catalogue_column("naam"),
        catalogue_column("waarde", kop=ind.naam, kleuring=kleur),
        catalogue_column("ondergrens"),
        catalogue_column("bovengrens"),
        catalogue_column("significant"),
        catalogue_column("label"),
    )
    regel = (
        f"Een verschil met het gemiddelde telt alleen als het gemiddelde buiten de waarde "
        f"± 1,96 × standaardfout valt. Minder dan {MINIMUM_WAARNEMINGEN} waarnemingen: –, "
        "niet gekleurd."
    )
    return [
        Tekst((regel,), kop=f"Zekerheid: {ind.naam}"),
        Tabel(f"sturen-{analyse.activiteit.code}-{ind.code}-zekerheid", ind.naam, data, kolommen),
    ]
