"""The CBS structure gemeente → wijk → buurt for several gemeenten (issue 14, item 2).

Built from the embedded Amsterdam data in the CBS column layout (its CBS codes and 2024
population) plus a small constructed second gemeente, so nothing outside the repository
is read. Analyses and match work across gemeenten and per gemeente.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from oi_core import Analyse, DataFout, Gebiedsindeling, Niveau, match
from oi_core.gebieden.cbs import CBS_KOLOMMEN
from oi_core.rekenen.kern import SIGNAAL_MEER, SIGNAAL_MINDER

from . import voorbeeld

DATA = Path(__file__).parents[1] / "oi_core" / "gebieden" / "data"


def _amsterdam_cbs() -> pd.DataFrame:
    b = pd.read_csv(DATA / "buurten.csv", dtype=str, keep_default_na=False, na_values=[""])
    return pd.DataFrame(
        {
            "bu_code": b["cbs_buurt_code"],
            "bu_naam": b["buurt_naam"],
            "wk_code": b["cbs_wijk_code"],
            "wk_naam": b["wijk_naam"],
            "gm_code": b["gemeente_code"],
            "gm_naam": "Amsterdam",
            "aantal_inwoners": b["inwoners_2024"],
            "aantal_inwoners_0_14": b["inwoners_0_14_2024"],
        }
    )


def _proefdorp() -> pd.DataFrame:
    """A constructed gemeente GM9999 with two wijken and five buurten."""
    return pd.DataFrame(
        {
            "bu_code": [f"BU999900{i:02d}" for i in range(3)] + ["BU99990100", "BU99990101"],
            "bu_naam": ["Dorpskern", "Molenbuurt", "Centrum", "Polder", "Haven"],
            "wk_code": ["WK999900"] * 3 + ["WK999901"] * 2,
            "wk_naam": ["Dorp"] * 3 + ["Buitengebied"] * 2,
            "gm_code": "GM9999",
            "gm_naam": "Proefdorp",
            "aantal_inwoners": ["1200", "800", "1000", "150", "-99999999"],
            "aantal_inwoners_0_14": ["200", "100", "150", "20", "-99999997"],
        }
    )


@pytest.fixture(scope="module")
def land() -> Gebiedsindeling:
    return Gebiedsindeling.from_cbs(pd.concat([_amsterdam_cbs(), _proefdorp()]))


def test_drie_niveaus_voor_twee_gemeenten(land: Gebiedsindeling) -> None:
    assert land.gemeenten() == ["GM0363", "GM9999"]
    assert len(land.codes("wijk")) == 110 + 2
    assert len(land.codes("buurt")) == 518 + 5
    assert land.name("GM9999") == "Proefdorp"
    ouders = land.parents("buurt", "gemeente")
    assert (ouders.value_counts() == pd.Series({"GM0363": 518, "GM9999": 5})).all()
    assert land.parents("buurt", "wijk")["BU99990101"] == "WK999901"


def test_inwoners_volgen_het_cbs(land: Gebiedsindeling) -> None:
    inwoners = land.bevolking("gemeente")
    assert inwoners["GM0363"] == 931_300  # the sum of the buurten (HERKOMST.md)
    assert inwoners["GM9999"] == 3150  # the secret figure (-99999999) is missing, not a count
    assert np.isnan(land.bevolking("buurt")["BU99990101"])


def test_optellen_naar_gemeente_over_gemeenten(land: Gebiedsindeling) -> None:
    een = pd.Series(1.0, index=pd.Index(land.codes("buurt"), name="gebied"))
    per_gemeente = land.aggregate(een, "gemeente")
    assert per_gemeente.to_dict() == {"GM0363": 518.0, "GM9999": 5.0}


def _cbs_data(land: Gebiedsindeling) -> pd.DataFrame:
    """The test activity's buurt data with CBS codes, for both gemeenten."""
    kinderen = land.bevolking("buurt", "inwoners_0_14").fillna(0) + 1
    rijen = [
        pd.DataFrame({"gebied": kinderen.index, "indicator": "kinderen", "waarde": kinderen}),
        pd.DataFrame({"gebied": kinderen.index, "indicator": "fte", "waarde": kinderen / 400}),
        pd.DataFrame({"gebied": kinderen.index, "indicator": "score", "waarde": 7.0}),
    ]
    return pd.concat(rijen, ignore_index=True).assign(jaar=2024, niveau="buurt")


def test_match_over_gemeenten_en_per_gemeente(land: Gebiedsindeling) -> None:
    data = _cbs_data(land)
    landelijk = Analyse(voorbeeld.ACTIVITEIT, data, indeling=land, niveau=Niveau.GEMEENTE)
    uitkomst = landelijk.match()
    assert list(uitkomst.index) == ["GM0363", "GM9999"]
    assert uitkomst["oi_index"].to_numpy() == pytest.approx([100.0, 100.0])
    dorp = land.binnen("Proefdorp")
    assert dorp.gemeenten() == ["GM9999"] and len(dorp.codes("buurt")) == 5
    eigen = data[data["gebied"].isin(dorp.codes("buurt"))]
    per_wijk = Analyse(voorbeeld.ACTIVITEIT, eigen, indeling=dorp, niveau=Niveau.WIJK).match()
    assert list(per_wijk.index) == ["WK999900", "WK999901"]
    assert per_wijk["aandeel_inzet"].sum() == pytest.approx(1.0)
    rechtstreeks = match(
        pd.Series({"GM0363": 3.0, "GM9999": 1.0}), land.bevolking("gemeente", "inwoners_0_14")
    )
    assert rechtstreeks["signaal"].tolist() == [SIGNAAL_MINDER, SIGNAAL_MEER]


def test_namen_van_de_kaart_en_van_de_kerncijfers(tmp_path: Path) -> None:
    """The kaart's own names (2022 and later) and the kwb table give the same division."""
    dorp = _proefdorp()
    kaart = dorp.rename(
        columns={
            "bu_code": "buurtcode",
            "bu_naam": "buurtnaam",
            "wk_code": "wijkcode",
            "gm_code": "gemeentecode",
            "gm_naam": "gemeentenaam",
        }
    ).drop(columns=["wk_naam"])
    pad = tmp_path / "buurten.csv"
    kaart.to_csv(pad, sep=";", index=False)
    uit_kaart = Gebiedsindeling.from_csv(pad)
    assert uit_kaart.codes("buurt") == dorp["bu_code"].tolist()
    assert uit_kaart.name("WK999901") == "WK999901"  # no wijknaam in the buurt layer
    kwb = pd.DataFrame(
        {
            "gwb_code_10": ["GM9999", "WK999900", "WK999901", *dorp["bu_code"]],
            "regio": ["Proefdorp", "Dorp", "Buitengebied", *dorp["bu_naam"]],
            "recs": ["Gemeente", "Wijk", "Wijk"] + ["Buurt"] * 5,
            "a_inw": ["3150", "3000", "150", *dorp["aantal_inwoners"]],
        }
    )
    uit_kwb = Gebiedsindeling.from_cbs(kwb)
    assert uit_kwb.codes("buurt") == dorp["bu_code"].tolist()
    assert uit_kwb.name("WK999901") == "Buitengebied"
    assert uit_kwb.bevolking("gemeente")["GM9999"] == 3150


def test_een_ontbrekende_kolom_wordt_genoemd() -> None:
    with pytest.raises(DataFout, match="wk_code") as fout:
        Gebiedsindeling.from_cbs(_proefdorp().drop(columns=["wk_code"]))
    assert "wijkcode" in str(fout.value)
    assert set(CBS_KOLOMMEN) >= {"bu_code", "wk_code", "gm_code", "aantal_inwoners"}


def test_namen_zoeken_in_het_land(land: Gebiedsindeling) -> None:
    assert land.resolve("Molenbuurt", "buurt") == "BU99990001"
    assert land.resolve("bu0363aa01", "buurt") == "BU0363AA01"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert land.parents("wijk", "gemeente")["WK0363AA"] == "GM0363"


def test_amsterdam_houdt_een_gemeente() -> None:
    ams = Gebiedsindeling.amsterdam()
    assert ams.gemeenten() == ["GM0363"]
    assert set(ams.parents("buurt", "gemeente")) == {"GM0363"}
    assert ams.area("AA01").gemeente == "GM0363"
    assert "gemeente" not in ams.overview("wijk").columns
