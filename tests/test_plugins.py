"""The plugin system: built-ins like any plugin, entry points, broken plugins isolated."""

from __future__ import annotations

import importlib
import os
import re
import subprocess
import sys
import types
from importlib import metadata
from pathlib import Path

import pytest

import oi_core
from oi_core import ExcelArgument, ExcelFunctie, Kolom, PluginFout, hookimpl
from oi_core.plugins import manager as oi_plugins

from . import voorbeeld


def _plugin(naam: str, **hooks: object) -> types.ModuleType:
    module = types.ModuleType(naam)
    for hook, functie in hooks.items():
        setattr(module, hook, hookimpl(functie))
    return module


def test_builtins_are_registered_like_plugins() -> None:
    with oi_plugins.isolated():
        namen = [p["name"] for p in oi_plugins.get_plugins(all=True)]
        assert "oi_core.plugins.builtin" in namen and "oi_core.cli.basis" in namen
        assert oi_plugins.get_plugins() == []


def test_registered_activity_is_found_and_analysed() -> None:
    with oi_plugins.isolated(voorbeeld):
        reg = oi_core.activiteit("proef")
        assert reg.plugin == "tests.voorbeeld" or reg.plugin.endswith("voorbeeld")
        assert reg.analyse().match()["aandeel_inzet"].sum() == pytest.approx(1.0)
        with pytest.raises(PluginFout, match="activiteit 'bestaat_niet' is niet geïnstalleerd"):
            oi_core.activiteit("bestaat_niet")


def test_a_hook_that_raises_is_reported_and_others_keep_working() -> None:
    def kapot(register: object) -> None:
        raise RuntimeError("stuk")

    with oi_plugins.isolated(_plugin("kapotte_plugin", register_activiteiten=kapot), voorbeeld):
        assert "proef" in oi_core.activiteiten()
        problemen = oi_plugins.plugin_problems()
        assert [(p.plugin, p.fase) for p in problemen] == [
            ("kapotte_plugin", "register_activiteiten")
        ]
        assert "RuntimeError: stuk" in str(problemen[0])


def test_duplicate_activity_codes_keep_the_first_and_report_the_second() -> None:
    tweede = _plugin(
        "tweede",
        register_activiteiten=lambda register: register(
            voorbeeld.ACTIVITEIT, data=voorbeeld.buurtdata
        ),
    )
    with oi_plugins.isolated(voorbeeld, tweede):
        assert oi_core.activiteit("proef").plugin != "tweede"
        assert any(
            p.plugin == "tweede" and "al geregistreerd" in p.melding
            for p in oi_plugins.plugin_problems()
        )


def test_a_hookimpl_may_take_fewer_arguments() -> None:
    geroepen = []
    with oi_plugins.isolated(_plugin("zonder_args", register_kolommen=lambda: geroepen.append(1))):
        oi_plugins.kolommen()
        assert geroepen == [1]


def test_columns_and_excel_functions_register() -> None:
    functie = ExcelFunctie(
        naam="OI_PROEF",
        functie=lambda x: x,
        beschrijving="Proef.",
        argumenten=(ExcelArgument("x", "Een getal.", "getal"),),
    )
    plugin = _plugin(
        "proefplugin",
        register_kolommen=lambda register: register(Kolom("fte_per_kind", "FTE per kind")),
        register_excel_functies=lambda register: register(functie),
    )
    with oi_plugins.isolated(plugin):
        assert oi_plugins.kolommen()["fte_per_kind"].plugin == "proefplugin"
        assert oi_plugins.kolommen()["oi_index"].plugin == "oi_core.plugins.builtin"
        assert oi_core.excel_functies()["OI_PROEF"].plugin == "proefplugin"


def test_a_non_column_is_refused_by_name() -> None:
    plugin = _plugin("foutief", register_kolommen=lambda register: register(object()))
    with oi_plugins.isolated(plugin):
        oi_plugins.kolommen()
        assert "is geen Kolom" in oi_plugins.plugin_problems()[0].melding


def test_a_core_column_key_stays_the_cores_and_the_copy_is_a_problem() -> None:
    plugin = _plugin("kaper", register_kolommen=lambda register: register(Kolom("oi_index", "X")))
    with oi_plugins.isolated(plugin):
        assert oi_plugins.kolommen()["oi_index"].kop == "OI-index"
        assert [(p.plugin, p.fase) for p in oi_plugins.plugin_problems()] == [
            ("kaper", "register_kolommen")
        ]


class _SpecMetExtraArgument:
    """``register_kolommen`` as it would be after gaining an argument."""

    @oi_core.hookspec
    def register_kolommen(self, register: object, indeling: object) -> None:  # type: ignore[empty-body]
        """A hook that gained ``indeling``."""


def test_a_hook_gains_an_argument_and_old_plugins_keep_working() -> None:
    import pluggy

    pm = pluggy.PluginManager(oi_plugins.ENTRYPOINT_GROUP)
    pm.add_hookspecs(_SpecMetExtraArgument)
    oud, nieuw, kapot = [], [], []
    pm.register(_plugin("oud", register_kolommen=lambda register: oud.append(register)))
    pm.register(
        _plugin("nieuw", register_kolommen=lambda indeling, register: nieuw.append(indeling))
    )
    pm.register(_plugin("kapot", register_kolommen=lambda: 1 / 0))
    pm.register(importlib.import_module("oi_core.plugins.isolatie"))
    oi_plugins.call_per_plugin(
        pm,
        "register_kolommen",
        lambda plugin: {"register": f"register van {plugin}", "indeling": "Amsterdam"},
        lambda plugin, hook, fout: kapot.append((plugin, hook, type(fout).__name__)),
    )
    assert oud == ["register van oud"] and nieuw == ["Amsterdam"]
    assert [p[1] for p in kapot] == ["register_kolommen"] and kapot[0][2] == "ZeroDivisionError"


def test_hooks_are_called_in_pluggys_order() -> None:
    volgorde: list[str] = []
    eerst = _plugin("eerst")
    eerst.register_kolommen = oi_core.hookimpl(tryfirst=True)(lambda: volgorde.append("eerst"))
    with oi_plugins.isolated(
        eerst, _plugin("later", register_kolommen=lambda: volgorde.append("later"))
    ):
        oi_plugins.kolommen()
    assert volgorde == ["eerst", "later"]


def test_tracing_prints_every_hook_call_with_plugin_and_duration() -> None:
    code = "from oi_core.plugins import manager\nwith manager.isolated():\n    manager.kolommen()\n"
    uit = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, oi_plugins.ENV_TRACE: "1"},
        capture_output=True, text=True, check=True, timeout=120,
    )  # fmt: skip
    regels = [r for r in uit.stderr.splitlines() if "register_kolommen" in r]
    plugins = {re.fullmatch(r"oi-plugins: register_kolommen \[(.+)\] \d+,\d ms", r)[1]  # type: ignore[index]
               for r in regels}  # fmt: skip
    assert plugins == {"oi_core.plugins.builtin"}, uit.stderr
    stil = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={k: v for k, v in os.environ.items() if k != oi_plugins.ENV_TRACE},
                          check=True, timeout=120)  # fmt: skip
    assert "oi-plugins:" not in stil.stderr


def test_public_names_agree_lazy_table_all_and_type_checking_block() -> None:
    bron = Path(oi_core.__file__).read_text(encoding="utf-8")
    blok = bron.split("if TYPE_CHECKING:", 1)[1].split("_NAMEN", 1)[0]
    getypt = set(re.findall(r"^\s+(\w+),$|import (\w+)$", blok, re.M))
    getypt_namen = {a or b for a, b in getypt}
    assert sorted(oi_core.__all__) == sorted([*oi_core._NAMEN, "__version__"])
    assert getypt_namen == set(oi_core._NAMEN)
    for naam in oi_core.__all__:
        assert getattr(oi_core, naam) is not None, naam


def test_oi_help_imports_neither_pandas_numpy_nor_matplotlib() -> None:
    code = (
        "import sys\n"
        "from oi_core.cli import main\n"
        "try:\n"
        "    main(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in ('pandas', 'numpy', 'matplotlib') if m in sys.modules))\n"
    )
    uit = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, oi_plugins.ENV_ALLOW: ""},
        capture_output=True, text=True, check=True, timeout=120,
    )  # fmt: skip
    assert "match" in uit.stdout and "check" in uit.stdout
    assert uit.stdout.strip().splitlines()[-1] == "[]"


def test_unknown_hook_fails_check_pending() -> None:
    plugin = _plugin("typfout", register_activiteiten_x=lambda register: None)
    with oi_plugins.isolated(plugin), pytest.raises(PluginFout, match="onbekende hook"):
        oi_plugins.check_pending()


def _entry_points(*eps: metadata.EntryPoint):  # type: ignore[no-untyped-def]
    return lambda group: [e for e in eps if e.group == group]


def test_plugin_that_fails_to_import_is_reported_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    eps = (
        metadata.EntryPoint("kapot", "oi_bestaat_niet_module", "oi"),
        metadata.EntryPoint("proef", "tests.voorbeeld", "oi"),
    )
    monkeypatch.setattr(oi_plugins.metadata, "entry_points", _entry_points(*eps))
    monkeypatch.delenv(oi_plugins.ENV_ALLOW, raising=False)
    with oi_plugins.isolated(entrypoints=True):
        problemen = oi_plugins.plugin_problems()
        assert [(p.plugin, p.fase) for p in problemen] == [("kapot", "laden")]
        assert "ModuleNotFoundError" in problemen[0].melding
        assert "proef" in oi_core.activiteiten()


def test_allow_list_limits_which_plugins_load(monkeypatch: pytest.MonkeyPatch) -> None:
    eps = (
        metadata.EntryPoint("proef", "tests.voorbeeld", "oi"),
        metadata.EntryPoint("kapot", "oi_bestaat_niet_module", "oi"),
    )
    monkeypatch.setattr(oi_plugins.metadata, "entry_points", _entry_points(*eps))
    monkeypatch.setenv(oi_plugins.ENV_ALLOW, "proef")
    with oi_plugins.isolated(entrypoints=True):
        assert oi_plugins.plugin_problems() == []
        assert [p["name"] for p in oi_plugins.get_plugins()] == ["proef"]
    monkeypatch.setenv(oi_plugins.ENV_ALLOW, "")
    with oi_plugins.isolated(entrypoints=True):
        assert oi_plugins.get_plugins() == []


def test_a_plugin_whose_commands_raise_does_not_break_the_cli(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from oi_core.cli import main

    def kapot(cli: object) -> None:
        raise RuntimeError("stuk in de opdrachten")

    with oi_plugins.isolated(_plugin("kapotte_opdrachten", register_commands=kapot)):
        assert main(["gebied", "FN01"]) == 0
        assert "FN01" in capsys.readouterr().out
        assert [p.fase for p in oi_plugins.plugin_problems()] == ["register_commands"]


def test_registering_something_else_than_an_activiteit_is_a_plugin_problem() -> None:
    plugin = _plugin("verkeerd", register_activiteiten=lambda register: register("jgz", data=dict))
    with oi_plugins.isolated(plugin):
        assert oi_core.activiteiten() == {}
        assert "is geen Activiteit" in oi_plugins.plugin_problems()[0].melding


SLECHTE_PLUGIN = """
from oi_core import Activiteit, Kolom, RegisterActiviteit, RegisterKolom, hookimpl

ACTIVITEIT: Activiteit = ...  # type: ignore[assignment]


@hookimpl
def register_activiteiten(register: RegisterActiviteit) -> None:
    register(ACTIVITEIT, dat=dict)


@hookimpl
def register_kolommen(register: RegisterKolom) -> None:
    register(Kolom("fte", "FTE"), plugin="x")
"""


def test_mypy_catches_a_misspelt_register_keyword(tmp_path: Path) -> None:
    bestand = tmp_path / "oi_slecht.py"
    bestand.write_text(SLECHTE_PLUGIN, encoding="utf-8")
    wortel = Path(oi_core.__file__).resolve().parents[1]
    uit = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", str(bestand)],
        cwd=wortel, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    fouten = [r.split(": error: ", 1)[1] for r in uit.stdout.splitlines() if ": error: " in r]
    assert any('Unexpected keyword argument "dat"' in f for f in fouten), uit.stdout
    assert any('Unexpected keyword argument "plugin"' in f for f in fouten), uit.stdout
    assert len(fouten) == 2, uit.stdout


def test_report_parts_take_source_and_year_from_the_activity() -> None:
    import pandas as pd

    from oi_core import ActiviteitRegistratie, Figuur, Onderdeel

    act = voorbeeld.ACTIVITEIT.model_copy(update={"bron": "Monitor 2023", "peiljaar": 2023})
    eigen = Onderdeel("Eigen", bron="CBS", peiljaar=2021)
    kaal = Onderdeel("Kaal", figuur=Figuur("staaf", "F", pd.DataFrame({"x": [1]}), peiljaar=2022))
    reg = ActiviteitRegistratie(act, data=voorbeeld.buurtdata, onderdelen=lambda a: [eigen, kaal])
    uit = reg.build_onderdelen(reg.analyse())
    assert [(o.bron, o.peiljaar) for o in uit] == [("CBS", 2021), ("Monitor 2023", 2023)]
    assert uit[1].figuur is not None
    assert (uit[1].figuur.bron, uit[1].figuur.peiljaar) == ("Monitor 2023", 2022)
    assert (
        ActiviteitRegistratie(act, data=voorbeeld.buurtdata).build_onderdelen(reg.analyse()) == []
    )


def test_without_its_own_source_an_activity_takes_its_match_indicators() -> None:
    inzet = voorbeeld.FTE.model_copy(update={"bron": "Begroting", "peiljaar": 2024})
    keten = voorbeeld.ACTIVITEIT.keten.model_copy(
        update={
            "inzet": voorbeeld.ACTIVITEIT.keten.inzet.model_copy(update={"indicatoren": (inzet,)})
        }
    )
    act = voorbeeld.ACTIVITEIT.model_copy(update={"keten": keten, "bron": "", "peiljaar": None})
    bron, jaar = act.herkomst
    assert bron.startswith("Begroting") and jaar == 2024


def test_oi_help_with_every_installed_plugin_stays_light() -> None:
    code = (
        "import sys\n"
        "from oi_core.cli import main\n"
        "try:\n"
        "    main(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in ('pandas', 'matplotlib') if m in sys.modules))\n"
    )
    omgeving = {k: v for k, v in os.environ.items() if k != oi_plugins.ENV_ALLOW}
    uit = subprocess.run([sys.executable, "-c", code], env=omgeving, capture_output=True,
                         text=True, check=True, timeout=300)  # fmt: skip
    assert uit.stdout.strip().splitlines()[-1] == "[]"
