"""The spectrum (``oi_core.spectrum``): constructed allocations of each of the five steps,
the hand-computed concentration index behind them, and the spectrum per scenario year."""

from __future__ import annotations

import pytest

from oi_core import (
    DataFout,
    InvoerFout,
    Richting,
    activiteit,
    concentratie_index,
    scenario,
    spectrum,
    spectrum_scenario,
)
from oi_core.sturen.spectrum import STAPPEN, TOLERANTIE

BEVOLKING = {"A": 100, "B": 100, "C": 100}
OPGAVE = {"A": 10, "B": 20, "C": 30}  # need per inhabitant grows from A to C
NAAR_OPGAVE = {"A": 10, "B": 20, "C": 30}
GELIJK = {"A": 20, "B": 20, "C": 20}
OMGEKEERD = {"A": 30, "B": 20, "C": 10}
RESULTAAT = {"A": 60, "B": 61, "C": 62}


def test_exactly_the_five_labels_of_the_presentation() -> None:
    assert STAPPEN == (
        "versterkt ongelijkheid",
        "gelijk",
        "oog voor uitgangssituatie",
        "compenseren tot basisniveau",
        "gedifferentieerd basisniveau",
    )
    assert TOLERANTIE == 0.05


def test_the_concentration_index_by_hand() -> None:
    # ranks by need, largest first: C 1/6, B 1/2, A 5/6; inzet per inhabitant 0,1 0,2 0,3;
    # C = 2 · mean((y − 0,2)(r − 0,5)) / 0,2 = 2 · (−1/45) / 0,2 = −2/9
    positie = spectrum(NAAR_OPGAVE, OPGAVE, bevolking=BEVOLKING)
    assert positie.concentratie == pytest.approx(-2 / 9)
    assert positie.concentratie == concentratie_index(NAAR_OPGAVE, OPGAVE, BEVOLKING)


@pytest.mark.parametrize(
    ("inzet", "opties", "nummer"),
    [
        (OMGEKEERD, {}, 1),
        (GELIJK, {}, 2),
        (NAAR_OPGAVE, {}, 3),
        (NAAR_OPGAVE, {"resultaat": RESULTAAT, "basisniveau": 55}, 4),
        (NAAR_OPGAVE, {"resultaat": RESULTAAT, "basisniveau": {"A": 50, "B": 55, "C": 60}}, 5),
    ],
)
def test_constructed_allocations_of_each_step(
    inzet: dict[str, float], opties: dict[str, object], nummer: int
) -> None:
    positie = spectrum(inzet, OPGAVE, bevolking=BEVOLKING, **opties)  # type: ignore[arg-type]
    assert (positie.nummer, positie.stap) == (nummer, STAPPEN[nummer - 1])
    assert positie.toelichting.startswith(f"Stap {nummer}, {STAPPEN[nummer - 1]}: ")


def test_an_area_below_the_basisniveau_keeps_step_3_and_is_named() -> None:
    positie = spectrum(
        NAAR_OPGAVE, OPGAVE, bevolking=BEVOLKING, resultaat=RESULTAAT, basisniveau=61.5
    )
    assert positie.nummer == 3 and positie.onder_basisniveau == ("A", "B")
    assert positie.toelichting.endswith("onder het basisniveau: A en B.")


def test_lower_is_better_reverses_reaching_the_basisniveau() -> None:
    def stap(basisniveau: float, richting: Richting | str) -> int:
        return spectrum(
            NAAR_OPGAVE,
            OPGAVE,
            bevolking=BEVOLKING,
            resultaat=RESULTAAT,
            basisniveau=basisniveau,
            richting=richting,
        ).nummer

    assert stap(61.5, Richting.LAGER_IS_BETER) == 3
    assert stap(62, "lager_is_beter") == 4


def test_compensating_needs_unequal_investing_first() -> None:
    # everyone reaches the level, but the inzet is equal per inhabitant: that is "gelijk"
    positie = spectrum(GELIJK, OPGAVE, bevolking=BEVOLKING, resultaat=RESULTAAT, basisniveau=55)
    assert positie.nummer == 2


def test_the_tolerance_of_gelijk() -> None:
    bijna = {"A": 19, "B": 20, "C": 21}  # C ≈ −0,022
    assert spectrum(bijna, OPGAVE, bevolking=BEVOLKING).nummer == 2
    assert spectrum(bijna, OPGAVE, bevolking=BEVOLKING, tolerantie=0.01).nummer == 3
    assert spectrum(NAAR_OPGAVE, OPGAVE, bevolking=BEVOLKING, tolerantie=0.3).nummer == 2


def test_bad_input_is_refused_in_dutch() -> None:
    with pytest.raises(InvoerFout, match="geef resultaat en basisniveau samen"):
        spectrum(GELIJK, OPGAVE, bevolking=BEVOLKING, resultaat=RESULTAAT)
    with pytest.raises(InvoerFout, match="tolerantie 2 moet tussen 0 en 1"):
        spectrum(GELIJK, OPGAVE, bevolking=BEVOLKING, tolerantie=2)
    with pytest.raises(DataFout, match="ontbreekt voor gebied 'B'"):
        spectrum(
            GELIJK,
            OPGAVE,
            bevolking=BEVOLKING,
            resultaat={"A": 1, "B": None, "C": 1},
            basisniveau=0,
        )
    with pytest.raises(DataFout, match="bevolking is 0"):
        spectrum(GELIJK, OPGAVE, bevolking={"A": 0, "B": 1, "C": 1})


def test_per_scenario_year() -> None:
    uit = scenario(OMGEKEERD, OPGAVE, jaren=2)
    per_jaar = spectrum_scenario(uit, OPGAVE, bevolking=BEVOLKING)
    assert per_jaar["stapnummer"].tolist() == [1, 2, 3]  # 30/20/10 → 20/20/20 → 10/20/30
    assert per_jaar.loc[1, "stap"] == "gelijk"
    assert per_jaar.loc[2, "concentratie"] == pytest.approx(-2 / 9)


def test_on_real_data_bibliotheken() -> None:
    analyse = activiteit("bibliotheken").analyse()
    from oi_core import Gebiedsindeling

    inwoners = Gebiedsindeling.amsterdam().bevolking(analyse.niveau)
    inzet, opgave = analyse.verdeling_inzet()["inzet"], analyse.opgave()["opgave"]
    positie = spectrum(inzet, opgave, bevolking=inwoners.reindex(inzet.index))
    assert positie.stap in STAPPEN[:3]
    assert positie.concentratie == concentratie_index(inzet, opgave, inwoners.reindex(inzet.index))


# -- the command line: oi spectrum --------------------------------------------------------
def _oi(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    from oi_core.cli import main

    code = main(list(args))
    uit = capsys.readouterr()
    return code, uit.out, " ".join(uit.err.split())


def test_cli_spectrum_json_and_text(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from oi_core import Gebiedsindeling

    code, out, err = _oi(capsys, "spectrum", "jgz", "--json")
    assert code == 0, err
    data = json.loads(out)
    analyse = activiteit("jgz").analyse()
    v = analyse.verdeling()
    kinderen = Gebiedsindeling.amsterdam().bevolking("gebied", "inwoners_0_14")
    kern = spectrum(
        dict(zip(v.labels, v.inzet, strict=True)),
        dict(zip(v.labels, v.opgave, strict=True)),
        bevolking=kinderen.reindex(v.labels),
    )
    assert (data["stap"], data["stapnummer"]) == (kern.stap, kern.nummer)
    assert data["concentratie"] == pytest.approx(kern.concentratie)
    code, out, _ = _oi(capsys, "spectrum", "jgz", "--tolerantie", "0,5")
    assert code == 0 and "gelijk" in out and "binnen ±0,50" in out


def test_cli_spectrum_with_a_basisniveau(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    code, out, err = _oi(
        capsys, "spectrum", "jgz", "--resultaat", "vaccinatiegraad", "--basisniveau", "0", "--json"
    )
    assert code == 0, err
    assert json.loads(out)["stap"] == "compenseren tot basisniveau"
    code, out, err = _oi(capsys, "spectrum", "jgz", "--resultaat", "vaccinatiegraad",
                         "--basisniveau", "100", "--json")  # fmt: skip
    data = json.loads(out)
    assert data["stap"] == "oog voor uitgangssituatie"
    assert "Geuzenveld, Slotermeer" in data["onder_basisniveau"]  # named, not coded
    code, _, err = _oi(
        capsys, "spectrum", "jgz", "--resultaat", "bestaat_niet", "--basisniveau", "1"
    )
    assert code == 1 and "geen resultaatindicator" in err
    code, _, err = _oi(capsys, "spectrum", "jgz", "--basisniveau", "1")
    assert code == 1 and "geef resultaat en basisniveau samen" in err
