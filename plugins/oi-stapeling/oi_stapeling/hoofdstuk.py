"""The stapeling chapter: nine indicators across life domains, per gebied and per SES group.

Data: the presentation's tables, copied into ``oi_stapeling/data`` (see HERKOMST.md).
The count of below-average scores is computed with :func:`oi_core.stapeling`: a score
counts when it is strictly worse than the average of the 23 gebieden weighted by their
2024 population (per SES group: the unweighted average of the three groups), in the
indicator's direction; a missing value does not count. The published count is shown
beside it, because it cannot be reproduced from the published values with a simple rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import pandas as pd
from oi_rapport.document import RIJ_GEMIDDELDE, Blok, Grafiek, Kolom, Tabel, Tekst
from oi_rapport.hoofdstukken import ExtraHoofdstuk, HoofdstukInhoud
from oi_rapport.tabellen import catalogue_column

from oi_core.gebieden.indeling import Gebiedsindeling
from oi_core.model.activiteit import Niveau, Richting
from oi_core.model.registratie import Figuur
from oi_core.model.registratie import Kolom as CatalogusKolom
from oi_core.plugins.onderdelen import kaart, spreiding
from oi_core.rekenen.kleuring import kleur_kolom
from oi_core.rekenen.metrieken import stapeling
from oi_core.weergave.kolommen import kolom

__all__ = [
    "HOOFDSTUK",
    "KOLOMMEN",
    "RIJ_RICHTING",
    "StapelingHoofdstuk",
    "build_stapeling",
    "indicator_columns",
    "load_seed",
]

RIJ_RICHTING = "Richting (1 hoger is beter, −1 lager is beter)"
KOLOMMEN = (
    CatalogusKolom("aantal_berekend", "Aantal ondergemiddeld (berekend)", "getal", 0),
    CatalogusKolom("aantal_gepubliceerd", "Aantal ondergemiddeld (gepubliceerd)", "getal", 0),
)
"""The chapter's own columns in the column catalogue (registered by the plugin, with the
nine indicators of :func:`indicator_columns`)."""
GEWICHT_TEKST = "het gemiddelde van de 23 gebieden, gewogen naar inwoners (CBS, 1 januari 2024)"


@dataclass(frozen=True)
class StapelingGegevens:
    """The seed tables: indicator metadata, the 23 gebieden and the three SES groups."""

    indicatoren: pd.DataFrame
    gebieden: pd.DataFrame
    ses: pd.DataFrame


@cache
def load_seed() -> StapelingGegevens:
    """The embedded stapeling tables (read once)."""
    map_ = resources.files("oi_stapeling") / "data"

    def lees(naam: str) -> pd.DataFrame:
        with (map_ / naam).open(encoding="utf-8") as f:
            return pd.read_csv(f)

    return StapelingGegevens(
        indicatoren=lees("indicatoren_stapeling.csv").set_index("indicator"),
        gebieden=lees("stapeling_gebieden.csv"),
        ses=lees("stapeling_ses.csv").set_index("doelgroep"),
    )


@dataclass(frozen=True)
class StapelingHoofdstuk:
    """The chapter's blocks and the tables behind them (for tests and ``--json``)."""

    blokken: tuple[Blok, ...]
    gebieden: pd.DataFrame
    ses: pd.DataFrame
    gelijk: int
    """Gebieden where the computed count equals the published one."""


def build_stapeling(indeling: Gebiedsindeling | None = None) -> StapelingHoofdstuk:
    """The stapeling chapter on the embedded data."""
    indeling = indeling or Gebiedsindeling.amsterdam()
    seed = load_seed()
    richtingen = {str(k): Richting(v) for k, v in seed.indicatoren["richting"].items()}
    gebieden = _areas_table(seed, indeling, richtingen)
    ses = _ses_table(seed, richtingen)
    gelijk = int((gebieden.data["aantal_berekend"] == gebieden.data["aantal_gepubliceerd"]).sum())
    blokken: tuple[Blok, ...] = (
        Tekst(_intro(gelijk, len(gebieden.data))),
        gebieden,
        *_figures(gebieden.data),
        Tekst(
            (
                "Dezelfde negen indicatoren per SES-groep. De presentatie geeft geen "
                "groepsgrootte; de drie groepen tellen daarom even zwaar in het gemiddelde.",
            ),
            kop="Stapeling per SES-groep",
        ),
        ses,
    )
    return StapelingHoofdstuk(blokken, gebieden.data, ses.data, gelijk)


def _intro(gelijk: int, n: int) -> tuple[str, ...]:
    return (
        "Ongelijkheden stapelen zich op over levensdomeinen heen. Per gebied staan hier negen "
        "indicatoren uit de presentatie, gekleurd ten opzichte van het gemiddelde: – slechter, "
        "+ beter, donker bij meer dan één standaardafwijking verschil.",
        f"Regel voor de telling: een score is ondergemiddeld als hij strikt slechter is dan "
        f"{GEWICHT_TEKST}, in de richting van de indicator (hoger of lager is beter). Een "
        "ontbrekende waarde telt niet mee.",
        f"De eigen telling komt in {gelijk} van de {n} gebieden overeen met het aantal in de "
        "presentatie. De presentatie vermeldt niet welke regel zij gebruikte; geen eenvoudige "
        "regel (gemiddelde, mediaan, gewogen gemiddelde, banden van k standaardafwijkingen) "
        "reproduceert meer dan 16 van de 23. Daarom staan beide aantallen naast elkaar.",
    )


def indicator_columns() -> list[CatalogusKolom]:
    """The nine indicators as catalogue columns: domain, description and unit as header."""
    meta = load_seed().indicatoren
    koppen = meta["domein"] + ": " + meta["omschrijving"] + " (" + meta["eenheid"] + ")"
    return [
        CatalogusKolom(str(code), str(kop), "getal", eenheid=str(eenheid))
        for code, kop, eenheid in zip(meta.index, koppen, meta["eenheid"], strict=True)
    ]


def _indicator_columns(
    seed: StapelingGegevens, waarden: pd.DataFrame, gewichten: pd.Series | None, toelichting: str
) -> list[Kolom]:
    kolommen = []
    for code, meta in seed.indicatoren.iterrows():
        richting = Richting(meta["richting"])
        kleuring = kleur_kolom(
            waarden[code], richting, gewichten=gewichten, toelichting=toelichting
        )
        kolommen.append(catalogue_column(str(code), kleuring=kleuring, eenheid=""))
    return kolommen


def _count_formula(codes: list[str]) -> str:
    """Per area the number of indicators below the average in their direction. Compared,
    not subtracted: a cell without data ("geen gegevens", text) is then not counted instead
    of turning the whole count into #WAARDE!."""
    r = f"{codes[0]}..{codes[-1]}"
    waarde, gem, richting = f"{{{r}}}", f"{{{r}@{RIJ_GEMIDDELDE}}}", f"{{{r}@{RIJ_RICHTING}}}"
    return (
        f"=SUMPRODUCT(ISNUMBER({waarde})*({richting}=1)*({waarde}<{gem}))"
        f"+SUMPRODUCT(ISNUMBER({waarde})*({richting}=-1)*({waarde}>{gem}))"
    )


def _directions(richtingen: dict[str, Richting]) -> dict[str, float | str | None]:
    return {k: 1.0 if r is Richting.HOGER_IS_BETER else -1.0 for k, r in richtingen.items()}


def _areas_table(
    seed: StapelingGegevens, indeling: Gebiedsindeling, richtingen: dict[str, Richting]
) -> Tabel:
    bron = seed.gebieden
    codes = indeling.resolve_all(list(bron["gebied"]), Niveau.GEBIED, eerste_rij=2)
    data = bron.set_axis(pd.Index(codes, name="gebied"), axis=0)
    gewichten = indeling.bevolking(Niveau.GEBIED).reindex(data.index)
    waarden = data[list(seed.indicatoren.index)]
    telling = stapeling(waarden, richtingen, gewichten=gewichten)
    data = data.rename(columns={"gebied": "naam", "aantal_ondergemiddeld": "aantal_gepubliceerd"})
    data["aantal_berekend"] = telling["aantal_slechter"].astype(int)
    data["verschil"] = data["aantal_berekend"] - data["aantal_gepubliceerd"]
    data.attrs["drempels"] = telling.attrs["drempels"]
    kolommen = [
        catalogue_column("stadsdeel"),
        catalogue_column("naam", kop=kolom("gebied").kop),
        *_indicator_columns(seed, waarden, gewichten, f"t.o.v. {GEWICHT_TEKST}"),
        Kolom("pct_lage_ses", "% lage SES", "getal", decimalen=0),
        catalogue_column("aantal_berekend", formule=_count_formula(list(seed.indicatoren.index))),
        catalogue_column("aantal_gepubliceerd"),
        catalogue_column(
            "verschil",
            kop="Verschil berekend − gepubliceerd",
            formaat="aantal",
            formule="={aantal_berekend}-{aantal_gepubliceerd}",
        ),
    ]
    return _stapeling_table(
        "gebieden",
        "Stapeling per gebied",
        data,
        kolommen,
        richtingen,
        "; inwoners: CBS Kerncijfers wijken en buurten 2024. Weesp, Driemond heeft geen "
        "waarde voor startkwalificatie.",
    )


def _ses_table(seed: StapelingGegevens, richtingen: dict[str, Richting]) -> Tabel:
    data = seed.ses.copy()
    data.index.name = "doelgroep"
    waarden = data[list(seed.indicatoren.index)]
    data["aantal_berekend"] = stapeling(waarden, richtingen)["aantal_slechter"].astype(int)
    data.insert(0, "naam", list(data.index))
    kolommen = [
        catalogue_column("naam", kop="SES-groep"),
        *_indicator_columns(
            seed, waarden, None, "t.o.v. het ongewogen gemiddelde van de drie SES-groepen"
        ),
        catalogue_column("aantal_berekend", formule=_count_formula(list(seed.indicatoren.index))),
    ]
    return _stapeling_table(
        "ses",
        "Stapeling per SES-groep",
        data,
        kolommen,
        richtingen,
        ". SES: sociaaleconomische score, op basis van inkomen en opleiding.",
    )


def _stapeling_table(
    sleutel: str,
    titel: str,
    data: pd.DataFrame,
    kolommen: list[Kolom],
    richtingen: dict[str, Richting],
    bron: str,
) -> Tabel:
    """A table of the chapter: the columns' directions below it, the source (the
    presentation, then ``bron``) under it and the – / + legend."""
    return Tabel(
        sleutel=f"stapeling-{sleutel}",
        titel=titel,
        data=data,
        kolommen=tuple(kolommen),
        bijschrift=f"Bron: presentatie Inzicht in ongelijk investeren (Gemeente Amsterdam){bron}",
        voet={RIJ_RICHTING: _directions(richtingen)},
        legenda=True,
    )


def _count_map(data: pd.DataFrame, kolom: str, soort: str) -> Figuur:
    """A map of the count of below-average scores; both maps share the scale 0–9."""
    return kaart(
        f"Aantal ondergemiddelde scores per gebied ({soort})",
        data[["naam", kolom]],
        kolom,
        "aantal van 9 indicatoren",
        referenties={"min": 0.0, "max": float(len(load_seed().indicatoren))},
    )


def _figures(data: pd.DataFrame) -> list[Grafiek]:
    tegen_ses = spreiding(
        "Stapeling en lage SES per gebied",
        data[["naam", "pct_lage_ses", "aantal_berekend"]],
        {
            "pct_lage_ses": "% lage SES",
            "aantal_berekend": "aantal ondergemiddelde scores (berekend)",
        },
    )
    anders = int((data["aantal_berekend"] != data["aantal_gepubliceerd"]).sum())
    grijs = (
        "Grijs: gebieden die niet in de presentatie staan (Sloterdijk Nieuw-West, Bijlmer-West)."
    )
    return [
        Grafiek(
            "stapeling-kaart",
            _count_map(data, "aantal_berekend", "berekend"),
            f"Berekend met de regel hierboven. {grijs}",
            niveau=Niveau.GEBIED,
        ),
        Grafiek(
            "stapeling-kaart-gepubliceerd",
            _count_map(data, "aantal_gepubliceerd", "gepubliceerd"),
            f"Zoals in de presentatie. In {anders} van de {len(data)} gebieden wijkt het aantal "
            "af van het berekende, omdat de presentatie niet zegt met welke regel zij telde. "
            f"{grijs}",
            niveau=Niveau.GEBIED,
        ),
        Grafiek("stapeling-spreiding", tegen_ses),
    ]


def _inhoud(indeling: Gebiedsindeling) -> HoofdstukInhoud:
    s = build_stapeling(indeling)
    return HoofdstukInhoud(
        s.blokken, {"gebieden": len(s.gebieden), "gelijk_aan_gepubliceerd": s.gelijk}
    )


HOOFDSTUK = ExtraHoofdstuk(
    sleutel="stapeling",
    titel="Stapeling van ongelijkheid",
    blad="Stapeling",
    maak=_inhoud,
    intro="Het hoofdstuk Stapeling laat zien waar ongelijkheden zich over levensdomeinen "
    "heen opstapelen.",
    bron="Stapeling: de tabellen van de presentatie Inzicht in ongelijk investeren "
    "(Gemeente Amsterdam), peiljaar niet vermeld.",
    formules=(
        (
            "Stapeling",
            "Σ_k [score_k strikt slechter dan gemiddelde_k]",
            "Aantal indicatoren waarop een gebied slechter scoort; een ontbrekende waarde "
            "telt niet mee.",
        ),
    ),
)
"""The chapter as the report's hook registers it (``oi rapport --zonder stapeling``)."""
