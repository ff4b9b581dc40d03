"""The managementsamenvatting and the report parts, generated from an Analyse.

Every sentence is built from the data: names, counts and figures come from the
:class:`~oi_core.Analyse` (and, for distances, from the embedded branch list). A part
whose data is missing (for example user data without wijken) is left out.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from oi_core import Analyse, Figuur, Niveau, Onderdeel, Samenvatting
from oi_core.plugins.onderdelen import (
    kaart,
    maak_onderdelen,
    probeer,
    spreiding,
    staaf,
    zonder_lege,
)
from oi_core.weergave.tekst import getal, hoofdletter, opsomming, procent, telwoord

from .afstand import vergelijk_scenario
from .analyses import (
    KWADRANT_ONGUNSTIG,
    afstanden_naast_elkaar,
    basisniveau_m2,
    match_varianten,
    voorzieningsniveau,
    wijk_kwadrant,
)
from .bronnen import vestigingen

__all__ = ["NIEUWE_VESTIGING", "onderdelen", "samenvatting"]

NIEUWE_VESTIGING = "OBA Next"
"""The new branch in Zuidoost the presentation waits for (in the branch list, unverified)."""

RELATIEF_WEINIG = 0.25
"""Below this share of all wijken the quadrant is called 'relatief weinig'."""


# -- managementsamenvatting ---------------------------------------------------------------
def samenvatting(analyse: Analyse) -> Samenvatting:
    """Title with the main finding, three to five findings, and the discussion points."""
    kw = probeer(wijk_kwadrant, analyse)
    v = probeer(voorzieningsniveau, analyse)
    selectie = _selectie(kw) if kw is not None else None
    over_wijken = [] if selectie is None or selectie.empty else [_concentratie, _laagste]
    bevindingen = [
        *(probeer(bevinding, kw, selectie) for bevinding in over_wijken),
        _bevinding_stadsdelen(v) if v is not None else None,
        _bevinding_uitgesloten(v) if v is not None else None,
        probeer(_bevinding_match, analyse),
    ]
    discussie = [
        probeer(_discussie_compensatie, analyse, v) if v is not None else None,
        probeer(_discussie_basisniveau, analyse),
        probeer(_discussie_uitruil, analyse),
    ]
    return Samenvatting(
        titel=_titel(kw, analyse) if kw is not None else _titel_zonder_wijken(v),
        bevindingen=tuple(zonder_lege(bevindingen)),
        discussiepunten=tuple(zonder_lege(discussie)),
    )


def _rij(tabel: pd.DataFrame, kolom: str, *, hoogste: bool) -> pd.Series:
    """The row with the highest (or lowest) value in ``kolom``; the first on a tie."""
    waarden = tabel[kolom].to_numpy(dtype=float)
    return tabel.iloc[int(np.nanargmax(waarden) if hoogste else np.nanargmin(waarden))]


def _waarde(tabel: pd.DataFrame, rij: str, kolom: str) -> float:
    return float(tabel[kolom].to_dict()[rij])


def _selectie(kw: pd.DataFrame) -> pd.DataFrame:
    return kw[kw["kwadrant"] == KWADRANT_ONGUNSTIG]


def _per_stadsdeel(selectie: pd.DataFrame) -> pd.Series:
    """Number of selected wijken per stadsdeel, most first (ties in order of appearance)."""
    tel = selectie["stadsdeel"].value_counts(sort=False)
    return tel.sort_values(ascending=False, kind="stable")


def _titel(kw: pd.DataFrame, analyse: Analyse) -> str:
    selectie = _selectie(kw)
    n, totaal = len(selectie), len(analyse.indeling.codes(Niveau.WIJK))
    if n == 0:
        return (
            "Geen wijk combineert een ondergemiddeld leesniveau met een bovengemiddelde "
            "afstand tot een bibliotheek."
        )
    wijken = "wijk" if n == 1 else "wijken"
    liggen = "ligt" if n == 1 else "liggen"
    stadsdelen = opsomming(list(_per_stadsdeel(selectie).index))
    zin = (
        f"{hoofdletter(telwoord(n))} {wijken} met een ondergemiddeld leesniveau in {stadsdelen} "
        f"{liggen} bovengemiddeld ver van een bibliotheek."
    )
    if n / totaal < RELATIEF_WEINIG:
        return f"{zin} Dit zijn er relatief weinig: {n} van de {totaal} wijken."
    return f"{zin} Dat zijn {n} van de {totaal} wijken."


def _titel_zonder_wijken(v: pd.DataFrame | None) -> str:
    if v is None:
        return "Openbare bibliotheken: onvoldoende gegevens voor een samenvatting."
    return (
        "Het voorzieningsniveau aan openbare bibliotheken verschilt sterk per stadsdeel: "
        f"van {getal(v['m2_per_100_inwoners'].min())} tot "
        f"{getal(v['m2_per_100_inwoners'].max())} m² per 100 inwoners."
    )


def _concentratie(kw: pd.DataFrame, selectie: pd.DataFrame) -> str:
    """Where most of the selected wijken (``selectie``, not empty) lie, and the farthest."""
    tel = _per_stadsdeel(selectie)
    grootste, k = str(tel.index[0]), int(tel.iloc[0])
    namen = list(selectie.loc[selectie["stadsdeel"] == grootste, "naam"])
    verste = _rij(selectie, "km_tot_bibliotheek", hoogste=True)
    return (
        f"{hoofdletter(telwoord(k))} van de {telwoord(len(selectie))} wijken liggen in "
        f"{grootste} ({opsomming(namen)}). De grootste afstand heeft {verste['naam']}: "
        f"{getal(verste['km_tot_bibliotheek'])} km tot de dichtstbijzijnde bibliotheek, tegen "
        f"{getal(kw.attrs['y_ref'])} km gemiddeld in Amsterdam."
    )


def _laagste(kw: pd.DataFrame, selectie: pd.DataFrame) -> str:
    """The selected wijk (``selectie``, not empty) with the lowest reading level."""
    laagste = selectie["leesniveau_pct"].min()
    wie = selectie[selectie["leesniveau_pct"] == laagste]
    eerste = wie.iloc[0]
    gelijk = f" (gelijk met {opsomming(list(wie['naam'].iloc[1:]))})" if len(wie) > 1 else ""
    return (
        f"{eerste['naam']} ({eerste['stadsdeel']}) ligt bovengemiddeld ver van een bibliotheek "
        f"({getal(eerste['km_tot_bibliotheek'])} km) én heeft het laagste leesniveau{gelijk}: "
        f"{procent(laagste)} van de groep-8-leerlingen zit op het streefniveau, tegen "
        f"{procent(kw.attrs['x_ref'])} gemiddeld."
    )


def _bevinding_stadsdelen(v: pd.DataFrame) -> str | None:
    gem, lees_gem = v.attrs["gemiddelde_zonder"], v.attrs["gemiddelde_leesniveau"]
    laag = v[(v["leesniveau_pct"] < lees_gem) & ~v.index.isin(v.attrs["uitgesloten"])]
    if laag.empty:
        return None
    zonder = _namen_uitgesloten(v)
    boven = laag[laag["m2_per_100_inwoners"] > gem]
    onder = laag[laag["m2_per_100_inwoners"] <= gem]
    delen = [
        f"Van de stadsdelen met een leesniveau onder het gemiddelde ({procent(lees_gem)})"
        + (
            f" heeft {_lijst(boven)} een bovengemiddeld oppervlak aan bibliotheek, tegen "
            f"{getal(gem)} m² per 100 inwoners gemiddeld{zonder}"
            if not boven.empty
            else f" heeft geen enkel stadsdeel meer dan gemiddeld {getal(gem)} m² per 100 "
            f"inwoners{zonder}"
        )
    ]
    if not onder.empty:
        delen.append(f"{_lijst(onder)} zitten onder dat gemiddelde")
    return "; ".join(delen) + "."


def _lijst(rijen: pd.DataFrame) -> str:
    return opsomming(
        [
            f"{r['naam']} ({procent(r['leesniveau_pct'])}, {getal(r['m2_per_100_inwoners'])} m²)"
            for _, r in rijen.iterrows()
        ]
    )


def _namen_uitgesloten(v: pd.DataFrame) -> str:
    namen = [str(v.loc[c, "naam"]) for c in v.attrs["uitgesloten"] if c in v.index]
    return f" zonder {opsomming(namen)}" if namen else ""


def _bevinding_uitgesloten(v: pd.DataFrame) -> str | None:
    codes = [c for c in v.attrs["uitgesloten"] if c in v.index]
    if not codes:
        return None
    r = v.loc[codes[0]]
    factor = r["m2_per_100_inwoners"] / v.attrs["gemiddelde_zonder"]
    return (
        f"Het voorzieningsniveau in {r['naam']} is bijzonder hoog, zeker in verhouding tot het "
        f"leesniveau ({procent(r['leesniveau_pct'])}): {getal(r['m2_per_100_inwoners'])} m² per "
        f"100 inwoners, {getal(factor)} keer het gemiddelde van de andere stadsdelen. Met "
        f"{r['naam']} erbij zou het gemiddelde {getal(v.attrs['gemiddelde_met'])} m² zijn; "
        "daarom telt het niet mee in het gemiddelde."
    )


def _bevinding_match(analyse: Analyse) -> str:
    m = analyse.match()
    laag, hoog = _rij(m, "oi_index", hoogste=False), _rij(m, "oi_index", hoogste=True)

    def deel(r: pd.Series) -> str:
        return (
            f"{r['naam']} {procent(100 * r['aandeel_inzet'])} van de m² bij "
            f"{procent(100 * r['aandeel_opgave'])} van de opgave (OI-index "
            f"{getal(r['oi_index'], 0)})"
        )

    return (
        f"Naar aandeel {_klein(analyse.activiteit.match_opgave.naam)} krijgt {deel(laag)}; "
        f"{deel(hoog)}."
    )


def _klein(naam: str) -> str:
    """'Inwoners met een lage SES' → 'inwoners met een lage SES' (abbreviations kept)."""
    return naam[:1].lower() + naam[1:]


def _discussie_compensatie(analyse: Analyse, v: pd.DataFrame) -> str:
    zuidoost = analyse.indeling.resolve("Zuidoost", Niveau.STADSDEEL)
    effect = vergelijk_scenario(Niveau.STADSDEEL, zonder=[NIEUWE_VESTIGING])
    voor, na = _waarde(effect, zuidoost, "km_scenario"), _waarde(effect, zuidoost, "km_nu")
    m2, gem = _waarde(v, zuidoost, "m2_per_100_inwoners"), v.attrs["gemiddelde_zonder"]
    return (
        "Moet er naast een nieuwe OBA in Zuidoost gecompenseerd worden voor een "
        "ondergemiddeld voorzieningsniveau de afgelopen jaren? Hemelsbreed brengt "
        f"{NIEUWE_VESTIGING} de gemiddelde afstand in Zuidoost van {getal(voor, 2)} naar "
        f"{getal(na, 2)} km; het oppervlak in de presentatie ({getal(m2)} m² per 100 "
        f"inwoners) ligt {'onder' if m2 < gem else 'op of boven'} het gemiddelde van "
        f"{getal(gem)} zonder Centrum."
    )


def _discussie_basisniveau(analyse: Analyse) -> str:
    b = basisniveau_m2(analyse)
    tekort = b[b["extra_m2"] > 0].sort_values("extra_m2", ascending=False)
    delen = [f"{r['naam']} {getal(round(r['extra_m2'], -2), 0)}" for _, r in tekort.iterrows()]
    return (
        "Wat is het gewenste basisniveau aan bibliotheekvoorzieningen en met welke middelen kan "
        f"dit worden bereikt? Elk stadsdeel op het gemiddelde zonder Centrum "
        f"({getal(b.attrs['basisniveau'])} m² per 100 inwoners) brengen vraagt ongeveer "
        f"{getal(round(b.attrs['totaal'], -2), 0)} m² extra: {opsomming(delen)} m²."
    )


def _discussie_uitruil(analyse: Analyse) -> str:
    m2 = analyse.values("m2_bibliotheek", niveau=Niveau.STADSDEEL)
    centrum = analyse.indeling.resolve("Centrum", Niveau.STADSDEEL)
    centraal = list(vestigingen().query("stadsdeel_code == @centrum").index)
    waar = f" (met {opsomming(centraal)}, een voorziening voor de hele stad)" if centraal else ""
    return (
        f"Is de uitruil expliciet? Centrum heeft {procent(100 * m2[centrum] / m2.sum())} van alle "
        f"vierkante meters bibliotheek{waar}. Telt dat mee bij herverdelen, of gaat het gesprek "
        "alleen over de wijkvestigingen?"
    )


# -- onderdelen ---------------------------------------------------------------------------
def onderdelen(analyse: Analyse) -> list[Onderdeel]:
    """The library-specific parts of the report, in reading order."""
    bouwers = (
        _onderdeel_voorzieningsniveau,
        _onderdeel_kwadrant,
        _onderdeel_afstand,
        _onderdeel_nieuwe_vestiging,
        _onderdeel_afstanden_vergeleken,
        _onderdeel_match_varianten,
        _onderdeel_basisniveau,
        _onderdeel_niveaus,
    )
    return maak_onderdelen(bouwers, analyse)


def _onderdeel_voorzieningsniveau(analyse: Analyse) -> Onderdeel:
    v = voorzieningsniveau(analyse)
    return Onderdeel(
        titel="Vierkante meters bibliotheek, leesniveau en lage SES per stadsdeel",
        tekst=(
            f"Gemiddeld {getal(v.attrs['gemiddelde_zonder'])} m² per 100 inwoners zonder "
            f"Centrum en {getal(v.attrs['gemiddelde_met'])} met Centrum (naar inwoners "
            "gewogen). Centrum telt in de presentatie niet mee in het gemiddelde omdat het "
            "gemiddelde daarmee onbruikbaar wordt voor de andere stadsdelen.",
            "Leesniveau: het percentage groep-8-leerlingen dat op het streefniveau lezen zit.",
        ),
        tabel=v,
        figuur=_tegen_leesniveau(
            "Leesniveau tegenover m² bibliotheek per 100 inwoners",
            v,
            ("m2_per_100_inwoners", "m² per 100 inwoners"),
            (v.attrs["gemiddelde_leesniveau"], v.attrs["gemiddelde_zonder"]),
        ),
    )


def _onderdeel_kwadrant(analyse: Analyse) -> Onderdeel:
    kw = wijk_kwadrant(analyse)
    return Onderdeel(
        titel="Wijken met een laag leesniveau ver van een bibliotheek",
        tekst=(
            f"Wijken met een leesniveau onder {procent(kw.attrs['x_ref'])} én een afstand "
            f"boven {getal(kw.attrs['y_ref'])} km (de Amsterdamse gemiddelden). Afstanden zoals "
            "gepubliceerd: over de weg, met een oudere lijst vestigingen; vanwege de "
            "veranderde gebiedsindeling in Zuidoost werd de precieze afstand nog gecontroleerd.",
        ),
        tabel=kw,
        figuur=_tegen_leesniveau(
            "Leesniveau en afstand tot de bibliotheek per wijk",
            kw,
            ("km_tot_bibliotheek", "km tot bibliotheek"),
            (kw.attrs["x_ref"], kw.attrs["y_ref"]),
        ),
    )


def _tegen_leesniveau(
    titel: str, data: pd.DataFrame, y: tuple[str, str], gemiddelden: tuple[float, float]
) -> Figuur:
    """A scatter plot of the reading level (x) against the column ``y`` (name, axis label),
    with the lines at the ``gemiddelden`` (reading level, ``y``)."""
    x_ref, y_ref = gemiddelden
    assen = {"leesniveau_pct": "Leesniveau (% op streefniveau)", y[0]: y[1]}
    return spreiding(titel, data, assen, {"x": x_ref, "y": y_ref})


def _onderdeel_afstand(analyse: Analyse) -> Onderdeel:
    wijken = analyse.values("km_hemelsbreed", niveau=Niveau.WIJK)
    per_wijk = pd.DataFrame(
        {"naam": analyse.indeling.names(wijken.index), "km_hemelsbreed": wijken}
    )
    stadsdelen = analyse.values("km_hemelsbreed", niveau=Niveau.STADSDEEL)
    tabel = pd.DataFrame(
        {"naam": analyse.indeling.names(stadsdelen.index), "km_hemelsbreed": stadsdelen}
    )
    return Onderdeel(
        titel="Hemelsbrede afstand tot de dichtstbijzijnde OBA-vestiging",
        tekst=(
            "Rechte lijn van elk buurtzwaartepunt naar de dichtstbijzijnde vestiging, naar "
            "inwoners gewogen. De lijst vestigingen is niet geverifieerd en heeft geen vestiging "
            "in Weesp of Driemond; de afstand voor Weesp is daardoor te groot.",
        ),
        tabel=tabel,
        figuur=kaart(
            "Hemelsbrede afstand tot een OBA-vestiging per wijk (km)",
            per_wijk,
            "km_hemelsbreed",
            label="naam",
        ),
    )


def _onderdeel_nieuwe_vestiging(analyse: Analyse) -> Onderdeel:
    effect = vergelijk_scenario(Niveau.GEBIED, zonder=[NIEUWE_VESTIGING])
    veranderd = effect[effect["verschil_km"].abs() > 0.005]
    return Onderdeel(
        titel=f"Effect van {NIEUWE_VESTIGING} op de afstand",
        tekst=(
            f"Hemelsbrede afstand per gebied met en zonder {NIEUWE_VESTIGING}; alleen gebieden "
            "waar de afstand meer dan 5 meter verandert.",
        ),
        tabel=veranderd,
        figuur=staaf(
            f"Afstand met (nu) en zonder {NIEUWE_VESTIGING} (km)",
            veranderd,
            ("km_nu", "km_scenario"),
            "km",
            x="naam",
        ),
    )


def _onderdeel_afstanden_vergeleken(analyse: Analyse) -> Onderdeel:
    naast = afstanden_naast_elkaar(analyse)
    return Onderdeel(
        titel="Gepubliceerde en hemelsbrede afstand",
        tekst=(
            "De gepubliceerde afstanden zijn over de weg gemeten met een oudere lijst "
            "vestigingen en zijn niet na te rekenen: ze zijn "
            f"{getal(naast['verhouding'].min())} tot {getal(naast['verhouding'].max())} keer "
            "zo groot als de hemelsbrede afstand. De gemiddelde hemelsbrede afstand van alle "
            f"wijken (ongewogen) is {getal(naast.attrs['gemiddelde_alle_wijken'], 2)} km.",
        ),
        tabel=naast,
    )


def _onderdeel_match_varianten(analyse: Analyse) -> Onderdeel:
    return Onderdeel(
        titel="De match met en zonder Centrum en met een andere opgave",
        tekst=(
            "OI-index van de m² bibliotheek tegenover inwoners met een lage SES, dezelfde "
            "zonder Centrum, en tegenover kinderen (0–14) onder het streefniveau lezen. "
            "De keuze van de opgave bepaalt de uitkomst: maak die keuze expliciet.",
        ),
        tabel=match_varianten(analyse),
    )


def _onderdeel_basisniveau(analyse: Analyse) -> Onderdeel:
    b = basisniveau_m2(analyse)
    return Onderdeel(
        titel="Wat kost een basisniveau?",
        tekst=(
            f"Extra m² om elk stadsdeel op {getal(b.attrs['basisniveau'])} m² per 100 inwoners "
            f"te brengen (het gemiddelde zonder Centrum): {getal(b.attrs['totaal'], 0)} m² in "
            "totaal, met de inwoners van 2024.",
        ),
        tabel=b,
        figuur=staaf("Extra m² tot het basisniveau", b, "extra_m2", "m²", x="naam"),
    )


def _onderdeel_niveaus(analyse: Analyse) -> Onderdeel:
    """The OBA branches against children 0–14 per gebied and per stadsdeel, side by side
    (:func:`oi_core.oi_per_niveau`): the gebieden whose signal reverses."""
    import warnings

    from .niveaus import vestigingen_per_niveau

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Westpoort's gebied-less wijken: reported in the text
        uit = vestigingen_per_niveau(analyse.indeling)
    tabel = uit.copy()
    tabel.insert(0, "naam", analyse.indeling.names(tabel.index))
    for k in ("omslag", "verborgen_tekort"):
        tabel[k] = np.where(tabel[k], "ja", "nee")
    omslag = tabel.loc[uit["omslag"].to_numpy(dtype=bool), "naam"].tolist()
    return Onderdeel(
        titel="Vestigingen per gebied en per stadsdeel naast elkaar",
        tekst=(
            "Het aantal OBA-vestigingen tegenover het aantal kinderen van 0 tot 14 jaar, per "
            "gebied en per stadsdeel. Een stadsdeel dat als geheel genoeg vestigingen heeft, "
            "kan een gebied met te weinig verbergen.",
            f"Het signaal slaat om in {telwoord(len(omslag))} van de {len(tabel)} gebieden"
            + (f": {opsomming(omslag)}." if omslag else "."),
        ),
        tabel=tabel,
        bron="OBA-vestigingen (oba_vestigingen.csv); kinderen 0–14: CBS Kerncijfers wijken en "
        "buurten 2024.",
        ingebouwd=True,  # computed from the plugin's branch list, never from --data
    )
