"""The plugin system: built-ins like any plugin, entry points, broken plugins isolated."""

from __future__ import annotations

import types
from importlib import metadata

import pytest

import oi_core
from oi_core import ExcelArgument, ExcelFunctie, FunctieMetriek, PluginFout, hookimpl
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
    with oi_plugins.isolated(_plugin("zonder_args", register_metrieken=lambda: geroepen.append(1))):
        oi_core.metrieken()
        assert geroepen == [1]


def test_metrics_and_excel_functions_register() -> None:
    metriek = FunctieMetriek("dubbel", "Dubbel", "Tweemaal de waarde.", lambda x: 2 * x)
    functie = ExcelFunctie(
        naam="OI_PROEF",
        functie=lambda x: x,
        beschrijving="Proef.",
        argumenten=(ExcelArgument("x", "Een getal.", "getal"),),
    )
    plugin = _plugin(
        "proefplugin",
        register_metrieken=lambda register: register(metriek),
        register_excel_functies=lambda register: register(functie),
    )
    with oi_plugins.isolated(plugin):
        assert oi_core.metrieken()["dubbel"](4) == 8
        assert oi_core.excel_functies()["OI_PROEF"].plugin == "proefplugin"


def test_a_non_metric_is_refused_by_name() -> None:
    plugin = _plugin("foutief", register_metrieken=lambda register: register(object()))
    with oi_plugins.isolated(plugin):
        oi_core.metrieken()
        assert "Metriek-protocol" in oi_plugins.plugin_problems()[0].melding


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
