"""One benchmark command: every case against a baseline measured in the same run.

Run: ``uv run python benchmarks/run.py [--snel] [--json PAD]``. For each case it prints our
time, the baseline's (the numpy floor, or a hand-written vectorised pandas version of the
same work), their ratio and the target of issue 14. Ours and the baseline run interleaved,
each the best of several rounds, so a busy machine slows both alike. ``--snel`` uses small
sizes (under a minute); ``--json`` also writes the rows as JSON. No target is enforced: the
command reports, the reader judges.

Cases: ``validate_data`` (1 million rows; ``--snel``: 50,000), one aggregation buurt → wijk
at 14,600 buurten (a synthetic hierarchy shaped like the CBS one: gemeente, 20 stadsdelen,
100 gebieden, 2,920 wijken), ``Analyse.values`` at wijk from buurt rows (10 years;
``--snel``: 2), and ``match``, ``per``, ``concentratie_index``, ``tov_gemiddelde`` and
``stapeling`` at 518 (Amsterdam) and 14,600 areas, ``oi --help`` in a fresh process, and
the national pipeline (:mod:`landelijk`: 14,600 buurten in 342 gemeenten × 50 activities ×
10 years; ``--snel``: 1,460 × 5 × 2) with its peak memory;
and the full default ``oi rapport`` in a fresh process against ``oi --help``, with an empty
and with a warm figure cache (best of 3; ``--snel``: 1, and the report of one activity, a
smoke run). Before the start-up cases the modules they import are compiled to bytecode, as
in a real install (:mod:`opstart`).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import landelijk
import numpy as np
import pandas as pd
from kern_benchmark import numpy_floor
from opstart import Opstart

from oi_core import (
    Activiteit,
    Aggregatie,
    Analyse,
    Gebiedsindeling,
    Indicator,
    Niveau,
    Resultatenketen,
    Richting,
    Rol,
    Schakel,
    concentratie_index,
    match,
    per,
    stapeling,
    tov_gemiddelde,
    validate_data,
)

BUURTEN = 14_600
RNG = np.random.default_rng(2024)


@dataclass
class Uitkomst:
    """One case: our time and the baseline's (seconds), their ratio and the target."""

    geval: str
    ons_s: float
    basis_s: float
    basis: str
    doel: float
    eenheid: str = "s"
    """``s`` for times, ``B`` for memory (then ``ons_s`` and ``basis_s`` are bytes)."""

    @property
    def verhouding(self) -> float:
        return self.ons_s / self.basis_s

    def regel(self) -> str:
        teken = "ja " if self.verhouding <= self.doel else "NEE"
        maat = _bytes if self.eenheid == "B" else _tijd
        return (
            f"{self.geval:<38} {maat(self.ons_s):>10} {maat(self.basis_s):>10}  "
            f"{self.verhouding:7.2f}×  ≤ {self.doel:4.1f}×  {teken}  ({self.basis})"
        )


def _tijd(s: float) -> str:
    if s >= 10:
        return f"{s:.1f} s"
    return f"{s * 1e3:.1f} ms" if s >= 1e-3 else f"{s * 1e6:.1f} µs"


def _bytes(n: float) -> str:
    return f"{n / 2**20:.0f} MiB"


def vergelijk(
    ons: Callable[[], Any], basis: Callable[[], Any], rondes: int = 5
) -> tuple[float, float]:
    """Best time per call of both, measured interleaved (ours, baseline, ours, …)."""
    aantal = _aantal(ons)
    beste_ons = beste_basis = float("inf")
    for _ in range(rondes):
        beste_ons = min(beste_ons, _meet(ons, aantal))
        beste_basis = min(beste_basis, _meet(basis, aantal))
    return beste_ons, beste_basis


def _aantal(func: Callable[[], Any]) -> int:
    """Calls per measurement, so that one measurement takes about 50 ms."""
    begin = time.process_time()
    func()
    return max(1, int(0.05 / max(time.process_time() - begin, 1e-7)))


def _meet(func: Callable[[], Any], aantal: int) -> float:
    """CPU time per call of this process: on a machine shared with other work, time spent
    waiting for a core is not counted, so the ratio stays that of the work itself."""
    begin = time.process_time()
    for _ in range(aantal):
        func()
    return (time.process_time() - begin) / aantal


# -- data -------------------------------------------------------------------------------
def landelijke_indeling(buurten: int = BUURTEN) -> Gebiedsindeling:
    """A synthetic division of ``buurten`` buurten, 5 per wijk, in the five levels."""
    b = np.arange(buurten)
    wijk = b // 5
    gebied = wijk * 100 // (wijk.max() + 1)
    stadsdeel = gebied // 5
    inwoners = RNG.integers(50, 5000, buurten).astype(float)
    rijen = [
        _niveau_rijen("buurt", [f"B{i:05d}" for i in b], stadsdeel, gebied, wijk, inwoners),
        _ouder_rijen("wijk", "W{:04d}", wijk, stadsdeel, gebied, inwoners),
        _ouder_rijen("gebied", "G{:03d}", gebied, stadsdeel, None, inwoners),
        _ouder_rijen("stadsdeel", "S{:02d}", stadsdeel, None, None, inwoners),
        pd.DataFrame({"code": ["GM0000"], "naam": ["Land"], "niveau": ["gemeente"]}),
    ]
    tabel = pd.concat(rijen, ignore_index=True)
    for kolom in ("cbs_code", "lon", "lat", "rd_x", "rd_y"):
        tabel[kolom] = None
    return Gebiedsindeling(tabel)


def _niveau_rijen(
    niveau: str,
    codes: list[str],
    stadsdeel: np.ndarray | None,
    gebied: np.ndarray | None,
    wijk: np.ndarray | None,
    inwoners: np.ndarray,
) -> pd.DataFrame:
    def ouder(sjabloon: str, nummers: np.ndarray | None) -> list[str | None]:
        return [None] * len(codes) if nummers is None else [sjabloon.format(n) for n in nummers]

    return pd.DataFrame(
        {
            "code": codes,
            "naam": [f"{niveau.capitalize()} {c}" for c in codes],
            "niveau": niveau,
            "stadsdeel": ouder("S{:02d}", stadsdeel),
            "gebied": ouder("G{:03d}", gebied),
            "wijk": ouder("W{:04d}", wijk),
            "inwoners": inwoners,
            "inwoners_0_14": inwoners * 0.15,
        }
    )


def _ouder_rijen(
    niveau: str,
    sjabloon: str,
    nummer: np.ndarray,
    stadsdeel: np.ndarray | None,
    gebied: np.ndarray | None,
    inwoners: np.ndarray,
) -> pd.DataFrame:
    som = pd.Series(inwoners).groupby(nummer).sum()
    eerste = pd.Series(np.arange(len(nummer))).groupby(nummer).first().to_numpy()
    kies = lambda a: None if a is None else a[eerste]  # noqa: E731
    codes = [sjabloon.format(n) for n in som.index]
    return _niveau_rijen(niveau, codes, kies(stadsdeel), kies(gebied), None, som.to_numpy())


def _indicator(code: str, rol: Rol, **extra: Any) -> Indicator:
    return Indicator(
        code=code, naam=code, eenheid="aantal", richting=Richting.NEUTRAAL, rol=rol, **extra
    )


ACTIVITEIT = Activiteit(
    code="benchmark",
    naam="Benchmark",
    afdeling="Benchmark",
    keten=Resultatenketen(
        inzet=Schakel(omschrijving="Inzet", indicatoren=(_indicator("fte", Rol.INZET),)),
        resultaat=Schakel(
            omschrijving="Score",
            indicatoren=(
                _indicator(
                    "score",
                    Rol.RESULTAAT,
                    aggregatie=Aggregatie.GEWOGEN_GEMIDDELDE,
                    gewicht="inwoners",
                ),
            ),
        ),
        doel=Schakel.leeg("Doel"),
        ambitie=Schakel.leeg("Ambitie"),
        opgave=(_indicator("kinderen", Rol.OPGAVE),),
    ),
    niveau=Niveau.BUURT,
)


def tidy_data(indeling: Gebiedsindeling, rijen: int) -> pd.DataFrame:
    """``rijen`` distinct (buurt, jaar, indicator) rows, as a pandas analyst has them."""
    buurten = np.asarray(indeling.codes("buurt"), dtype=object)
    indicatoren = np.array(["fte", "kinderen", "score"], dtype=object)
    i = np.arange(rijen)
    per_jaar = len(buurten) * len(indicatoren)
    return pd.DataFrame(
        {
            "gebied": buurten[i % len(buurten)],
            "jaar": 2000 + i // per_jaar,
            "indicator": indicatoren[(i // len(buurten)) % len(indicatoren)],
            "waarde": RNG.gamma(2.0, 1.0, rijen),
        }
    )


# -- baselines --------------------------------------------------------------------------
def pandas_validatie(data: pd.DataFrame, indeling: Gebiedsindeling) -> pd.DataFrame:
    """The rules of ``validate_data`` as a pandas analyst writes them, column at a time."""
    tabel = indeling.table("buurt")
    codes = pd.Series(tabel.index, index=tabel.index.str.upper())
    indicator = data["indicator"].astype(str).str.strip()
    waarde = pd.to_numeric(data["waarde"], errors="coerce")
    jaar = pd.to_numeric(data["jaar"], errors="coerce")
    gebied = data["gebied"].astype(str).str.strip().str.upper().map(codes)
    fout = (
        ~indicator.isin(ACTIVITEIT.keten.codes())
        | (waarde.isna() & data["waarde"].notna())
        | jaar.isna()
        | (jaar % 1 != 0)
        | ~jaar.between(1900, 2100)
        | gebied.isna()
    )
    uit = pd.DataFrame({"gebied": gebied, "jaar": jaar, "indicator": indicator, "waarde": waarde})
    uit["naam"] = uit["gebied"].map(tabel["naam"])
    uit["rij"] = np.arange(1, len(uit) + 1)
    if fout.any() or uit.duplicated(["gebied", "jaar", "indicator"]).any():
        raise ValueError("ongeldig")
    return uit


def pandas_aggregatie(waarden: pd.Series, ouders: pd.Series) -> pd.DataFrame:
    """Sum per wijk plus the count of buurten with a value (the coverage check)."""
    return waarden.groupby(ouders).agg(["sum", "count", "size"])


def floor_per(x: np.ndarray, n: np.ndarray) -> np.ndarray:
    uit: np.ndarray = 100.0 * x / n
    return uit


def floor_concentratie(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> float:
    """Concentration index on bare arrays (no ties, no checks)."""
    inzet, nood = x / w, -(y / w)
    mu = np.average(inzet, weights=w)
    volgorde = np.argsort(nood, kind="stable")
    aandeel = w[volgorde] / w.sum()
    rang = np.empty_like(aandeel)
    rang[volgorde] = np.cumsum(aandeel) - aandeel / 2
    return float(
        2 * np.average((inzet - mu) * (rang - np.average(rang, weights=w)), weights=w) / mu
    )


def floor_tov(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    gem = x.mean()
    verschil = x - gem
    z = verschil / x.std()
    positie = np.where(verschil > 0, "boven", np.where(verschil < 0, "onder", "gemiddeld"))
    return z, positie


def floor_stapeling(x: np.ndarray, teken: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per area the count of indicators worse than the column mean and the count of
    missing values (both columns ``stapeling`` returns; no NaN in the benchmark data)."""
    slechter = (x - x.mean(axis=0)) * teken < 0
    return slechter.sum(axis=1), np.isnan(x).sum(axis=1)


# -- cases ------------------------------------------------------------------------------
def geval_validatie(indeling: Gebiedsindeling, rijen: int) -> Uitkomst:
    data = tidy_data(indeling, rijen)
    ons, basis = vergelijk(
        lambda: validate_data(data, ACTIVITEIT, indeling=indeling),
        lambda: pandas_validatie(data, indeling),
        rondes=3,
    )
    return Uitkomst(f"validate_data, {rijen:,} rijen", ons, basis, "pandas per kolom", 2.0)


def geval_aggregatie(indeling: Gebiedsindeling) -> Uitkomst:
    waarden = pd.Series(RNG.gamma(2.0, 1.0, len(indeling.codes("buurt"))), name="fte")
    waarden.index = pd.Index(indeling.codes("buurt"), name="gebied")
    ouders = indeling.parents("buurt", "wijk")
    ons, basis = vergelijk(
        lambda: indeling.aggregate(waarden, "wijk"), lambda: pandas_aggregatie(waarden, ouders)
    )
    naam = f"aggregate buurt→wijk, {len(waarden):,} buurten"
    return Uitkomst(naam, ons, basis, "pandas groupby", 2.0)


def pandas_waarden(data: pd.DataFrame, wijk: pd.Series, jaar: int) -> pd.Series:
    """One indicator of one year summed per wijk, as an analyst filters and groups."""
    rijen = data[(data["indicator"] == "fte") & (data["jaar"] == jaar)]
    return rijen.groupby(rijen["gebied"].map(wijk))["waarde"].sum()


def geval_analyse(indeling: Gebiedsindeling, jaren: int) -> Uitkomst:
    """``Analyse.values`` at wijk from buurt rows, over ``jaren`` years of three indicators.

    The analysis splits its rows by indicator and year on its first call, once; that split
    is not in the timing, the baseline filters the whole table on every call.
    """
    data = tidy_data(indeling, len(indeling.codes("buurt")) * 3 * jaren)
    gecontroleerd = validate_data(data, ACTIVITEIT, indeling=indeling)
    analyse = Analyse(ACTIVITEIT, gecontroleerd, indeling=indeling, niveau=Niveau.WIJK)
    wijk = indeling.parents("buurt", "wijk")
    laatste = int(data["jaar"].max())
    ons, basis = vergelijk(
        lambda: analyse.values("fte"), lambda: pandas_waarden(data, wijk, laatste)
    )
    naam = f"Analyse.values buurt→wijk, {len(data):,} rijen"
    return Uitkomst(naam, ons, basis, "pandas filter + groupby", 2.0)


def gevallen_metrieken(inzet: pd.Series, opgave: pd.Series) -> list[Uitkomst]:
    """The five metrics on one set of areas, each against its numpy floor."""
    x, y = inzet.to_numpy(), opgave.to_numpy()
    tabel = pd.DataFrame(RNG.normal(size=(len(x), 9)), index=inzet.index)
    tabel.columns = [f"i{k}" for k in range(9)]
    richtingen = dict.fromkeys(tabel.columns, "hoger_is_beter")
    t, teken = tabel.to_numpy(), np.ones(9)
    paren: dict[str, tuple[Callable[[], Any], Callable[[], Any]]] = {
        "match": (lambda: match(inzet, opgave), lambda: numpy_floor(x, y)),
        "per": (lambda: per(inzet, opgave), lambda: floor_per(x, y)),
        "concentratie_index": (
            lambda: concentratie_index(inzet, opgave, opgave),
            lambda: floor_concentratie(x, y, y),
        ),
        "tov_gemiddelde": (lambda: tov_gemiddelde(inzet), lambda: floor_tov(x)),
        "stapeling (9 ind.)": (
            lambda: stapeling(tabel, richtingen),
            lambda: floor_stapeling(t, teken),
        ),
    }
    uit = []
    for naam, (ons, basis) in paren.items():
        tijd_ons, tijd_basis = vergelijk(ons, basis)
        uit.append(Uitkomst(f"{naam}, {len(x):,} gebieden", tijd_ons, tijd_basis, "numpy", 10.0))
    return uit


def geval_start(rondes: int = 5) -> Uitkomst:
    """``oi --help`` in a fresh process against ``python -c "import typer, rich"`` (an
    interpreter's start plus the import of typer and rich), interleaved, best of each."""
    ons = [sys.executable, "-m", "oi_core", "--help"]
    basis = [sys.executable, "-c", "import typer, rich"]
    beste_ons = beste_basis = float("inf")
    for _ in range(rondes):
        beste_ons = min(beste_ons, _proces(ons))
        beste_basis = min(beste_basis, _proces(basis))
    naam = "oi --help (nieuw proces)"
    return Uitkomst(naam, beste_ons, beste_basis, "python -c 'import typer, rich'", 10.0)


def _proces(opdracht: list[str]) -> float:
    begin = time.perf_counter()
    subprocess.run(opdracht, check=True, capture_output=True, timeout=600)
    return time.perf_counter() - begin


def gevallen_landelijk(snel: bool) -> list[Uitkomst]:
    """The national pipeline (see :mod:`landelijk`) against the hand pandas baseline, and
    its peak memory against the input's in-memory size."""
    buurten, activiteiten, jaren = (1_460, 5, 2) if snel else (BUURTEN, 50, 10)
    indeling = landelijk.cbs_indeling(buurten, *((34, 330) if snel else ()))
    inzet, opgave = landelijk.invoer(indeling, activiteiten, jaren)
    werk = (indeling, ACTIVITEIT, inzet, opgave)
    ons = basis = float("inf")
    for _ in range(1 if not snel else 2):  # interleaved; a full run takes a minute
        ons = min(ons, landelijk.tijd(lambda: landelijk.ons(*werk), 1))
        basis = min(basis, landelijk.tijd(lambda: landelijk.pandas_pijplijn(*werk), 1))
    grootte = landelijk.geheugen(inzet, opgave)
    piek = grootte + landelijk.piek(lambda: landelijk.ons(*werk))
    naam = f"landelijk {buurten:,} × {activiteiten} × {jaren}"
    return [
        Uitkomst(naam, ons, basis, "pandas met de hand", 1.5),
        Uitkomst(f"{naam}, piekgeheugen", piek, grootte, "invoer in geheugen", 1.5, "B"),
    ]


def _amsterdam() -> tuple[pd.Series, pd.Series]:
    kinderen = Gebiedsindeling.amsterdam().bevolking("buurt", "inwoners_0_14").fillna(0) + 1
    return pd.Series(RNG.gamma(2.0, 1.0, len(kinderen)), index=kinderen.index), kinderen


def _landelijk(indeling: Gebiedsindeling) -> tuple[pd.Series, pd.Series]:
    kinderen = indeling.bevolking("buurt", "inwoners_0_14")
    return pd.Series(RNG.gamma(2.0, 1.0, len(kinderen)), index=kinderen.index), kinderen


def _bytecode(opstart: Opstart) -> list[Uitkomst]:
    """Bytecode before the start-up cases, as a real install has it (see :mod:`opstart`)."""
    print(opstart.bytecode(), flush=True)
    return []


def gevallen_rapport(opstart: Opstart, rondes: int) -> list[Uitkomst]:
    """The full default report (every installed plugin, xlsx and html) in a fresh process,
    against ``oi --help``, with an empty figure cache and with a warm one; interleaved,
    best of ``rondes``. Only the cold one is what a first report costs."""
    hulp, koud, warm = opstart.rapport(rondes)
    print(
        f"  processortijd: oi --help {hulp[1]:.2f} s, rapport koud {koud[1]:.2f} s "
        f"({koud[1] / hulp[1]:.1f}×), warm {warm[1]:.2f} s ({warm[1] / hulp[1]:.1f}×)",
        flush=True,
    )
    vloer, vloer_cpu, svg, png = opstart.matplotlib_floor(rondes)
    print(
        f"  matplotlib-vloer: import en {svg} eenvoudige staafdiagrammen als SVG ({png} ook als "
        f"PNG) in een nieuw proces: {vloer:.2f} s = {vloer / hulp[0]:.1f}× oi --help "
        f"(processortijd {vloer_cpu:.2f} s); de ondergrens van elk koud rapport met deze "
        "figuren, zonder analyses of bestanden",
        flush=True,
    )
    imports, imports_cpu = opstart.import_floor(rondes)
    print(
        f"  import-vloer: typer, rich, pandas, numpy, pydantic en xlsxwriter in een nieuw "
        f"proces: {imports:.2f} s = {imports / hulp[0]:.1f}× oi --help (processortijd "
        f"{imports_cpu:.2f} s); wat elk rapport kost voordat het iets doet",
        flush=True,
    )
    return [
        Uitkomst(f"{opstart.naam}, koude cache", koud[0], hulp[0], "oi --help", 4.0),
        Uitkomst(f"{opstart.naam}, warme cache", warm[0], hulp[0], "oi --help", 4.0),
    ]


def main(argv: list[str] | None = None) -> list[Uitkomst]:
    args = _argumenten(argv)
    begin = time.perf_counter()
    indeling = landelijke_indeling()
    print(f"{'geval':<38} {'ons':>10} {'basis':>10}  {'verh.':>8}  {'doel':>7}  gehaald")
    uitkomsten: list[Uitkomst] = []
    opstart = Opstart(args.snel)
    stappen: list[Callable[[], list[Uitkomst]]] = [
        lambda: [geval_validatie(indeling, 50_000 if args.snel else 1_000_000)],
        lambda: [geval_aggregatie(indeling)],
        lambda: [geval_analyse(indeling, 2 if args.snel else 10)],
        lambda: gevallen_metrieken(*_amsterdam()),
        lambda: gevallen_metrieken(*_landelijk(indeling)),
        lambda: _bytecode(opstart),
        lambda: [geval_start(3 if args.snel else 5)],
        lambda: gevallen_landelijk(args.snel),
        lambda: gevallen_rapport(opstart, 1 if args.snel else 3),
    ]
    for stap in stappen:
        for uitkomst in stap():
            print(uitkomst.regel(), flush=True)
            uitkomsten.append(uitkomst)
    opstart.close()
    excel = _excel(args.snel, args.excel_aanroepen)
    print(f"klaar in {time.perf_counter() - begin:.0f} s")
    if args.json:
        rijen = [asdict(u) | {"verhouding": u.verhouding} for u in uitkomsten]
        rijen += [asdict(m) | {"soort": "excel"} for m in excel]
        Path(args.json).write_text(json.dumps(rijen, indent=2, ensure_ascii=False) + "\n")
    return uitkomsten


def _excel(snel: bool, aanroepen: int | None = None) -> list[Any]:
    """The Excel functions' cases (:mod:`excel_benchmark`): absolute targets of the Excel
    issue, each next to the core's own computation time in the same run; ``aanroepen``:
    calls per client of the 20-client case (default 5,000, the target; with ``--snel`` 25)."""
    import excel_benchmark

    print(f"\n{'Excel-functies':<46} {'ons':>12} {'kern':>11} {'verh.':>8}  {'doel':>9}  gehaald")
    extra = ["--aanroepen", str(aanroepen)] if aanroepen else []
    return excel_benchmark.main((["--snel"] if snel else []) + extra)


def _argumenten(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Alle benchmarks, met verhouding en doel.")
    parser.add_argument("--snel", action="store_true", help="kleine maten (onder een minuut)")
    parser.add_argument(
        "--excel-aanroepen",
        type=int,
        metavar="N",
        help="aanroepen per cliënt in de Excel-proef met 20 cliënten (standaard 5000, "
        "het doel; met --snel 25)",
    )
    parser.add_argument("--json", metavar="PAD", help="schrijf de uitkomsten ook als JSON")
    return parser.parse_args(argv)


if __name__ == "__main__":
    main()
