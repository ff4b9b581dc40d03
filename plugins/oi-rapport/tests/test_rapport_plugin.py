"""Test activities for the report, built from the presentation's published tables.

The department plugins are built on other branches; these small plugins stand in for
them (registered with ``oi_core.plugins.isolated``). They use the presentation's published
tables, copied into ``referentie/`` with their provenance (``referentie/HERKOMST.md``):

- ``straat``: street cleaning per stadsdeel, FTE share vs residents+visitors share, with
  CROW result, residents' judgement and bin fill rate; no summary of its own, so the
  report writes the generic one;
- ``bieb``: libraries per stadsdeel (m² vs low-SES inhabitants) with its own summary and
  parts of every figure kind (quadrant scatter of the eight wijken, wijk map, bars,
  line, heatmap);
- ``ses``: a doelgroep activity (no map);
- ``kapot``: a plugin whose data cannot be read (a bug), to test that one broken plugin
  does not cost the rest of the report.

Other test modules load this one from its file (pytest runs in importlib mode).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from oi_core import (
    Activiteit,
    Aggregatie,
    Analyse,
    Figuur,
    Gebiedsindeling,
    Indicator,
    Niveau,
    Onderdeel,
    Resultatenketen,
    Richting,
    Rol,
    Samenvatting,
    Schakel,
    Vorm,
    hookimpl,
    to_tidy,
)
from oi_core.plugins.onderdelen import kaart, spreiding, staaf

SEED = Path(__file__).resolve().with_name("referentie")  # published tables, see HERKOMST.md
HOGER, LAGER, NEUTRAAL = Richting.HOGER_IS_BETER, Richting.LAGER_IS_BETER, Richting.NEUTRAAL


def seed(naam: str) -> pd.DataFrame:
    """A published table of the presentation."""
    return pd.read_csv(SEED / naam)


def _ind(code: str, naam: str, eenheid: str, richting: Richting, rol: Rol, **kw: Any) -> Indicator:
    return Indicator(code=code, naam=naam, eenheid=eenheid, richting=richting, rol=rol, **kw)


def _gewogen(gewicht: str = "inwoners") -> dict[str, Any]:
    return {"aggregatie": Aggregatie.GEWOGEN_GEMIDDELDE, "gewicht": gewicht}


# -- straatreiniging ------------------------------------------------------------------------
STRAAT = Activiteit(
    code="straat",
    naam="Straatreiniging",
    afdeling="Stadswerken",
    niveau=Niveau.STADSDEEL,
    vormen=frozenset({Vorm.HERVERDELEN}),
    bron="presentatie Inzicht in ongelijk investeren",
    peiljaar=2024,
    keten=Resultatenketen(
        inzet=Schakel(
            omschrijving="FTE straatreinigers",
            indicatoren=(_ind("fte", "FTE straatreiniging", "% van totaal", NEUTRAAL, Rol.INZET),),
        ),
        resultaat=Schakel(
            omschrijving="CROW-schoonmeting: 80% minstens niveau B",
            indicatoren=(
                _ind(
                    "crow_b", "Grof zwerfvuil minstens B", "%", HOGER, Rol.RESULTAAT, **_gewogen()
                ),
            ),
        ),
        doel=Schakel(
            omschrijving="Schone straten",
            indicatoren=(
                _ind("oordeel", "Bewoners: buurt schoon", "%", HOGER, Rol.DOEL, **_gewogen()),
            ),
        ),
        ambitie=Schakel.leeg("Een leefbare omgeving"),
        opgave=(
            _ind(
                "bewoners_bezoekers", "Bewoners en bezoekers", "% van totaal", NEUTRAAL, Rol.OPGAVE
            ),
        ),
        context=(_ind("vulgraad", "Vulgraad afvalbakken", "%", LAGER, Rol.CONTEXT, **_gewogen()),),
    ),
)


def straat_data() -> pd.DataFrame:
    return to_tidy(
        seed("straatreiniging_stadsdelen.csv"),
        gebied="stadsdeel",
        indicatoren={
            "fte_pct": "fte",
            "bewoners_bezoekers_pct": "bewoners_bezoekers",
            "grof_zwerfvuil_pct_min_b": "crow_b",
            "vulgraad_afvalbakken_pct": "vulgraad",
            "bewoners_oordeel_pct_schoon": "oordeel",
        },
        jaar=2024,
    )


class StraatPlugin:
    @hookimpl
    def register_activiteiten(self, register: Callable[..., None]) -> None:
        register(STRAAT, data=straat_data)


# -- bibliotheken -------------------------------------------------------------------------
BIEB = Activiteit(
    code="bieb",
    naam="Openbare bibliotheken",
    afdeling="Cultuur",
    niveau=Niveau.STADSDEEL,
    bron="presentatie Inzicht in ongelijk investeren; CBS 2024",
    keten=Resultatenketen(
        inzet=Schakel(
            omschrijving="Vierkante meters openbare bibliotheek",
            indicatoren=(_ind("m2", "Oppervlak bibliotheek", "m²", NEUTRAAL, Rol.INZET),),
        ),
        resultaat=Schakel.leeg("Bereik van de bibliotheek (niet gemeten)"),
        doel=Schakel(
            omschrijving="Kinderen lezen op niveau",
            indicatoren=(
                _ind(
                    "leesniveau",
                    "Leesniveau groep 8",
                    "%",
                    HOGER,
                    Rol.DOEL,
                    **_gewogen("inwoners_0_14"),
                ),
            ),
        ),
        ambitie=Schakel.leeg("Gelijke kansen"),
        opgave=(_ind("lage_ses", "Inwoners met lage SES", "inwoners", NEUTRAAL, Rol.OPGAVE),),
    ),
)


def bieb_data() -> pd.DataFrame:
    tabel = seed("bibliotheken_stadsdelen.csv")
    ind = Gebiedsindeling.amsterdam()
    inwoners = ind.bevolking(Niveau.STADSDEEL).rename(index=ind.name)
    tabel["m2"] = tabel["m2_per_100_inwoners"] * tabel["stadsdeel"].map(inwoners) / 100
    tabel["lage_ses"] = tabel["pct_lage_ses"] * tabel["stadsdeel"].map(inwoners) / 100
    return to_tidy(
        tabel,
        gebied="stadsdeel",
        indicatoren={"m2": "m2", "lage_ses": "lage_ses", "leesniveau_pct": "leesniveau"},
        jaar=2024,
    )


def bieb_samenvatting(analyse: Analyse) -> Samenvatting:
    m = analyse.match()
    laag = m.sort_values("oi_index").iloc[0]
    return Samenvatting(
        titel="Acht wijken met een laag leesniveau liggen ver van een bibliotheek",
        bevindingen=(f"{laag['naam']} heeft de laagste OI-index ({laag['oi_index']:.0f}).",),
        discussiepunten=("Wat is het gewenste basisniveau aan bibliotheekvoorzieningen?",),
    )


def bieb_wijken() -> pd.DataFrame:
    wijken = seed("bibliotheken_wijken.csv").iloc[:8]
    ind = Gebiedsindeling.amsterdam()
    wijken.index = pd.Index(ind.resolve_all(list(wijken["wijk"]), Niveau.WIJK), name="gebied")
    return wijken


def bieb_onderdelen(analyse: Analyse) -> list[Onderdeel]:
    wijken = bieb_wijken()
    stad = seed("bibliotheken_stadsdelen.csv").set_index("stadsdeel")
    return [
        Onderdeel(
            "Leesniveau en afstand tot de bibliotheek",
            tekst=("Acht wijken liggen ver van een bibliotheek en hebben een laag leesniveau.",),
            tabel=wijken[["stadsdeel", "wijk", "leesniveau_pct", "km_tot_bibliotheek"]],
            figuur=spreiding(
                "Leesniveau en afstand per wijk",
                wijken,
                {"leesniveau_pct": "leesniveau (%)", "km_tot_bibliotheek": "km tot bibliotheek"},
                {"x": 69.0, "y": 1.4},
                label="wijk",
            ),
        ),
        Onderdeel(
            "Leesniveau op de kaart",
            figuur=kaart("Leesniveau per wijk", wijken, "leesniveau_pct", "leesniveau (%)"),
        ),
        Onderdeel(
            "Oppervlak per stadsdeel",
            figuur=staaf(
                "m² per 100 inwoners",
                stad.reset_index(),
                "m2_per_100_inwoners",
                "m²",
                x="stadsdeel",
            ),
        ),
        Onderdeel(
            "Leesniveau naar lage SES",
            figuur=Figuur(
                soort="lijn",
                titel="Leesniveau naar % lage SES",
                data=stad.sort_values("pct_lage_ses"),
                x="pct_lage_ses",
                y="leesniveau_pct",
                x_label="% lage SES",
                y_label="leesniveau (%)",
            ),
        ),
        Onderdeel(
            "Overzicht per stadsdeel",
            figuur=Figuur(
                soort="heatmap",
                titel="Stadsdelen",
                data=stad,
                y=("m2_per_100_inwoners", "leesniveau_pct", "pct_lage_ses"),
            ),
        ),
    ]


class BiebPlugin:
    @hookimpl
    def register_activiteiten(self, register: Callable[..., None]) -> None:
        register(BIEB, data=bieb_data, samenvatting=bieb_samenvatting, onderdelen=bieb_onderdelen)


# -- a doelgroep activity ---------------------------------------------------------------------
SES = Activiteit(
    code="ses",
    naam="Schoolbegeleiding naar SES",
    afdeling="Onderwijs",
    niveau=Niveau.DOELGROEP,
    keten=Resultatenketen(
        inzet=Schakel(
            omschrijving="Uren begeleiding",
            indicatoren=(_ind("uren", "Uren begeleiding", "uur", NEUTRAAL, Rol.INZET),),
        ),
        resultaat=Schakel.leeg("Begeleide leerlingen"),
        doel=Schakel.leeg("Startkwalificatie"),
        ambitie=Schakel.leeg("Gelijke kansen"),
        opgave=(
            _ind(
                "leerlingen",
                "Leerlingen zonder startkwalificatie",
                "leerlingen",
                NEUTRAAL,
                Rol.OPGAVE,
            ),
        ),
    ),
)


def ses_data() -> pd.DataFrame:
    breed = pd.DataFrame(
        {
            "groep": ["Lage SES", "Midden SES", "Hoge SES"],
            "uren": [300.0, 400.0, 300.0],
            "leerlingen": [180.0, 130.0, 60.0],
        }
    )
    return to_tidy(
        breed,
        gebied="groep",
        indicatoren=["uren", "leerlingen"],
        jaar=2024,
        niveau=Niveau.DOELGROEP,
    )


class SesPlugin:
    @hookimpl
    def register_activiteiten(self, register: Callable[..., None]) -> None:
        register(SES, data=ses_data)


# -- a broken plugin ------------------------------------------------------------------------
class KapotPlugin:
    @hookimpl
    def register_activiteiten(self, register: Callable[..., None]) -> None:
        def data() -> pd.DataFrame:
            raise RuntimeError("gegevensbestand ontbreekt in het pakket")

        register(STRAAT.model_copy(update={"code": "kapot", "naam": "Kapotte plugin"}), data=data)


PLUGINS = (StraatPlugin(), BiebPlugin(), SesPlugin())


# -- checks of the test plugins themselves ----------------------------------------------------
def test_straat_index_lies_within_the_rounding_interval_of_the_published_one() -> None:
    """The published index comes from unrounded shares; ours from shares rounded to whole
    percents (which add up to 101 for the opgave). Each of ours must lie in the interval
    the rounding allows, and so must each published one."""
    analyse = Analyse(STRAAT, straat_data())
    ons = analyse.match()["oi_index"]
    tabel = seed("straatreiniging_stadsdelen.csv").iloc[:8]
    ind = Gebiedsindeling.amsterdam()
    for _, rij in tabel.iterrows():
        x, y = rij["fte_pct"], rij["bewoners_bezoekers_pct"]
        laag, hoog = 100 * (x - 0.5) / (y + 0.5), 100 * (x + 0.5) / (y - 0.5)
        code = ind.resolve(rij["stadsdeel"], Niveau.STADSDEEL)
        assert laag <= ons[code] <= hoog, rij["stadsdeel"]
        assert laag <= rij["index"] <= hoog, rij["stadsdeel"]
    assert ons["A"] == pytest.approx(100 * (23 / 100) / (25 / 101))
