"""A small test activity on real Amsterdam areas (not a department plugin)."""

from __future__ import annotations

import pandas as pd

from oi_core import (
    Activiteit,
    Aggregatie,
    Indicator,
    Niveau,
    Resultatenketen,
    Richting,
    Rol,
    Schakel,
    Vorm,
    hookimpl,
)

FTE = Indicator(code="fte", naam="FTE", eenheid="fte", richting=Richting.NEUTRAAL, rol=Rol.INZET)
KINDEREN = Indicator(
    code="kinderen",
    naam="Kinderen 0-14",
    eenheid="aantal",
    richting=Richting.NEUTRAAL,
    rol=Rol.OPGAVE,
)
SCORE = Indicator(
    code="score",
    naam="Tevredenheid",
    eenheid="rapportcijfer",
    richting=Richting.HOGER_IS_BETER,
    rol=Rol.RESULTAAT,
    aggregatie=Aggregatie.GEWOGEN_GEMIDDELDE,
    gewicht="inwoners",
)

ACTIVITEIT = Activiteit(
    code="proef",
    naam="Proefactiviteit",
    afdeling="Testafdeling",
    keten=Resultatenketen(
        inzet=Schakel(omschrijving="Inzet in FTE", indicatoren=(FTE,)),
        resultaat=Schakel(omschrijving="Tevreden bewoners", indicatoren=(SCORE,)),
        doel=Schakel.leeg("Gezonde jeugd"),
        ambitie=Schakel.leeg("Gelijke kansen"),
        opgave=(KINDEREN,),
    ),
    niveau=Niveau.STADSDEEL,
    vormen=frozenset({Vorm.HERVERDELEN}),
)


def buurtdata() -> pd.DataFrame:
    """FTE, children and a score per buurt (children from the embedded population)."""
    from oi_core import Gebiedsindeling

    buurten = Gebiedsindeling.amsterdam().table("buurt").dropna(subset=["inwoners"])
    buurten = buurten[buurten["inwoners"] > 0]
    kinderen = buurten["inwoners_0_14"]
    rijen = []
    for code, k in kinderen.items():
        rijen += [
            {"gebied": code, "jaar": 2024, "indicator": "kinderen", "waarde": k},
            {"gebied": code, "jaar": 2024, "indicator": "fte", "waarde": round(k / 500, 3)},
            {
                "gebied": code,
                "jaar": 2024,
                "indicator": "score",
                "waarde": 7.0 + (hash(code) % 10) / 10,
            },
        ]
    uit = pd.DataFrame(rijen)
    uit["niveau"] = "buurt"
    return uit


@hookimpl
def register_activiteiten(register) -> None:  # type: ignore[no-untyped-def]
    register(ACTIVITEIT, data=buurtdata)
