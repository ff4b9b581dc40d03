"""Plugin isolation beyond ordinary exceptions (issue 10, item 8): exits at import or in a
hook, core and first-party commands that a plugin cannot replace, entry-point names that
collide, and ``OI_DATA`` serving validated data only."""

from __future__ import annotations

import types
import warnings
from importlib import metadata
from pathlib import Path

import pandas as pd
import pytest
import typer

import oi_core
from oi_core import DataFout, OIWaarschuwing, hookimpl
from oi_core.check.hooks import check_commands
from oi_core.plugins import manager as oi_plugins

from . import voorbeeld


def _plugin(naam: str, **hooks: object) -> types.ModuleType:
    module = types.ModuleType(naam)
    for hook, functie in hooks.items():
        setattr(module, hook, hookimpl(functie))
    return module


def _entry_points(*eps: metadata.EntryPoint):  # type: ignore[no-untyped-def]
    return lambda group: [e for e in eps if e.group == group]


@pytest.fixture
def afsluiter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A module that calls ``sys.exit`` when imported."""
    (tmp_path / "oi_afsluiter.py").write_text("import sys\nsys.exit(3)\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    return "oi_afsluiter"


def test_systemexit_bij_importeren_is_een_probleem_van_die_plugin(
    afsluiter: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    eps = (
        metadata.EntryPoint("afsluiter", afsluiter, "oi"),
        metadata.EntryPoint("proef", "tests.voorbeeld", "oi"),
    )
    monkeypatch.setattr(oi_plugins.metadata, "entry_points", _entry_points(*eps))
    monkeypatch.delenv(oi_plugins.ENV_ALLOW, raising=False)
    with oi_plugins.isolated(entrypoints=True):
        problemen = oi_plugins.plugin_problems()
        assert [(p.plugin, p.fase) for p in problemen] == [("afsluiter", "laden")]
        assert "SystemExit: 3" in problemen[0].melding
        assert "proef" in oi_core.activiteiten()


class EigenStop(BaseException):
    """A plugin's own BaseException subclass."""


@pytest.mark.parametrize("fout", [SystemExit(2), typer.Exit(1), EigenStop("weg")])
def test_een_exit_in_een_hook_is_geisoleerd(fout: BaseException) -> None:
    def stop(register: object) -> None:
        raise fout

    with oi_plugins.isolated(_plugin("stopper", register_activiteiten=stop), voorbeeld):
        assert "proef" in oi_core.activiteiten()
        assert [(p.plugin, p.fase) for p in oi_plugins.plugin_problems()] == [
            ("stopper", "register_activiteiten")
        ]


def test_ctrl_c_in_een_hook_wordt_niet_ingeslikt() -> None:
    def onderbreek(register: object) -> None:
        raise KeyboardInterrupt

    with (
        oi_plugins.isolated(_plugin("onderbreker", register_activiteiten=onderbreek)),
        pytest.raises(KeyboardInterrupt),
    ):
        oi_core.activiteiten()


def test_systemexit_in_de_opdrachten_breekt_oi_niet(capsys: pytest.CaptureFixture[str]) -> None:
    from oi_core.cli import main

    def stop(cli: object) -> None:
        raise SystemExit(4)

    with oi_plugins.isolated(_plugin("stopt_opdrachten", register_commands=stop)):
        assert main(["gebied", "FN01"]) == 0
        assert "FN01" in capsys.readouterr().out


def _kaper(naam: str) -> types.ModuleType:
    def register_commands(cli: typer.Typer) -> None:
        @cli.command(naam)
        def gekaapt(json_: bool = typer.Option(False, "--json")) -> None:
            """Een opdracht die die van de kern wil vervangen."""
            print("GEKAAPT")

    return _plugin(f"kaper_{naam}", register_commands=register_commands)


def test_een_plugin_kan_een_kernopdracht_niet_vervangen(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from oi_core.cli import main

    with oi_plugins.isolated(_kaper("gebied")):
        with pytest.warns(OIWaarschuwing, match="'oi gebied' is al van 'oi_core.cli.basis'"):
            assert main(["gebied", "FN01"]) == 0
        uit = capsys.readouterr().out
        assert "FN01" in uit and "GEKAAPT" not in uit
        assert any(
            p.plugin == "kaper_gebied" and "oi gebied" in p.melding
            for p in oi_plugins.plugin_problems()
        )
        bevindingen = [b for b in check_commands() if b.plugin == "kaper_gebied"]
        assert any(
            "'oi gebied' bestaat ook in plugin 'oi_core.cli.basis'" in b.melding
            for b in bevindingen
        )


def test_oi_rapport_blijft_van_oi_rapport(monkeypatch: pytest.MonkeyPatch) -> None:
    """``oi rapport`` belongs to the first-party oi-rapport, also when another plugin's
    hook registers the name first."""
    from oi_core.cli import build_app

    monkeypatch.delenv(oi_plugins.ENV_ALLOW, raising=False)
    with oi_plugins.isolated(_kaper("rapport"), entrypoints=True):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", OIWaarschuwing)
            app = build_app()
        rapport = [c for c in app.registered_commands if oi_plugins.command_name(c) == "rapport"]
        assert len(rapport) == 1
        assert rapport[0].callback is not None
        assert rapport[0].callback.__module__.startswith("oi_rapport")
        assert oi_plugins.command_rank("rapport") == 1


def test_een_botsende_entrypointnaam_wordt_gemeld(monkeypatch: pytest.MonkeyPatch) -> None:
    eps = (
        metadata.EntryPoint("proef", "tests.voorbeeld", "oi"),
        metadata.EntryPoint("proef", "oi_core.plugins.builtin", "oi"),
    )
    monkeypatch.setattr(oi_plugins.metadata, "entry_points", _entry_points(*eps))
    monkeypatch.delenv(oi_plugins.ENV_ALLOW, raising=False)
    with (
        pytest.warns(OIWaarschuwing, match="pluginnaam 'proef'"),
        oi_plugins.isolated(entrypoints=True),
    ):
        problemen = oi_plugins.plugin_problems()
        assert [(p.plugin, p.fase) for p in problemen] == [("proef", "laden")]
        assert "al in gebruik" in problemen[0].melding
        assert "proef" in oi_core.activiteiten()  # the first one still works


def test_oi_data_geeft_alleen_gecontroleerde_gegevens() -> None:
    with oi_plugins.isolated(voorbeeld):
        goed = oi_plugins.validated_data("proef")
        pd.testing.assert_frame_equal(goed, voorbeeld.buurtdata())

    def kapotte_data() -> pd.DataFrame:
        tabel = voorbeeld.buurtdata()
        tabel.loc[0, "gebied"] = "Atlantis"
        return tabel

    kapot = _plugin(
        "kapotte_gegevens",
        register_activiteiten=lambda register: register(voorbeeld.ACTIVITEIT, data=kapotte_data),
    )
    with oi_plugins.isolated(kapot), pytest.raises(DataFout, match="kapotte_gegevens") as fout:
        oi_plugins.validated_data("proef")
    assert any("Atlantis" in str(b) for b in fout.value.bevindingen)
