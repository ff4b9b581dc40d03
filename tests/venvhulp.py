"""A fresh virtual environment for installation tests (uv when available, else venv + pip)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Omgeving:
    map: Path
    bin: Path

    def run(
        self,
        *args: str | Path,
        cwd: Path | None = None,
        plugins: str | None = None,
    ) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
        env["PATH"] = f"{self.bin}{os.pathsep}{env.get('PATH', '')}"
        if plugins is not None:
            env["OI_PLUGINS"] = plugins
        return subprocess.run(
            [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, check=False
        )


def must(uit: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert uit.returncode == 0, f"{uit.args}\n{uit.stdout}\n{uit.stderr}"
    return uit


def installer(venv: Path) -> Sequence[str]:
    python = venv / "bin" / "python"
    uv = shutil.which("uv")
    if uv:
        must(subprocess.run([uv, "venv", "-q", "--python", sys.executable, str(venv)],
                             capture_output=True, text=True, check=False))  # fmt: skip
        return [uv, "pip", "install", "-q", "--python", str(python)]
    must(subprocess.run([sys.executable, "-m", "venv", str(venv)], capture_output=True,
                         text=True, check=False))  # fmt: skip
    return [str(python), "-m", "pip", "install", "-q"]
