# De kleinste activiteitplugin: de eerste pagina van docs/handleiding/plugin-schrijven.md.
from pathlib import Path

from oi_core import Activiteit, Indicator, Niveau, Resultatenketen, Richting, Rol, Schakel, Vorm
from oi_core.plugins.activiteitplugin import ActiviteitPlugin

PLEKKEN = Indicator(
    code="plekken", naam="Speelplekken", eenheid="aantal", richting=Richting.NEUTRAAL, rol=Rol.INZET
)
KINDEREN = Indicator(
    code="kinderen", naam="Kinderen", eenheid="kinderen", richting=Richting.NEUTRAAL, rol=Rol.OPGAVE
)
ACTIVITEIT = Activiteit(
    code="speelplekken",
    naam="Speelplekken",
    afdeling="Ruimte en Duurzaamheid",
    beschrijving="Openbare speelplekken per stadsdeel, afgezet tegen het aantal kinderen.",
    bron="Speelplekken verzonnen voor de handleiding; kinderen 0–14 jaar: CBS 2024",
    peiljaar=2024,
    niveau=Niveau.STADSDEEL,
    vormen={Vorm.HERVERDELEN},
    keten=Resultatenketen(
        inzet=Schakel(omschrijving="Openbare speelplekken", indicatoren=(PLEKKEN,)),
        resultaat=Schakel.leeg("Kinderen die buiten spelen; nog niet gemeten"),
        doel=Schakel.leeg("Elk kind speelt dicht bij huis"),
        ambitie=Schakel.leeg("Gelijke kansen op een gezonde jeugd"),
        opgave=(KINDEREN,),
    ),
)
plugin = ActiviteitPlugin(ACTIVITEIT, data=Path(__file__).with_name("speelplekken.csv"))
