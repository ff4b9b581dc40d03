"""Starting xlwings Server with the OI functions (``oi excel serve``).

The xlwings Server project lives in ``excel/server`` (installed as ``oi_excel/_server``):
its ``custom_functions`` import :mod:`oi_excel`. The server runs on 127.0.0.1 under the
PolyForm Noncommercial licence of ``xlwings.server`` (``XLWINGS_LICENSE_KEY=noncommercial``:
use by a government institution is a permitted noncommercial purpose), with the function
namespace ``OI`` so that ``OI_MATCH`` reads ``OI.MATCH`` in Excel.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Mapping
from pathlib import Path

from oi_core import InvoerFout

__all__ = ["LICENTIE", "NAMESPACE", "project_dir", "serve", "server_env"]

LICENTIE = "noncommercial"
NAMESPACE = "OI"
APP = "xlwings_server.main:main_app"


def project_dir() -> Path:
    """The xlwings Server project: in the wheel ``oi_excel/_server``, else ``excel/server``."""
    hier = Path(__file__).resolve().parent
    for kandidaat in (hier / "_server", hier.parent / "server"):
        if (kandidaat / "custom_functions" / "__init__.py").is_file():
            return kandidaat
    raise InvoerFout("de xlwings Server-map van oi-excel ontbreekt; installeer oi-excel opnieuw")


def server_env(basis: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment xlwings Server needs, on top of ``basis`` (default: os.environ)."""
    env = dict(os.environ if basis is None else basis)
    env.update(
        XLWINGS_PROJECT_DIR=str(project_dir()),
        XLWINGS_ON_SERVER="true",
        XLWINGS_FUNCTIONS_NAMESPACE=NAMESPACE,
    )
    env.setdefault("XLWINGS_LICENSE_KEY", LICENTIE)
    env.setdefault("XLWINGS_ENVIRONMENT", "prod")
    return env


def check_port(host: str, poort: int) -> None:
    """Refuse a port that is taken, in Dutch, before uvicorn fails on it."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        if s.connect_ex((host, poort)) == 0:
            raise InvoerFout(
                f"poort {poort} is al in gebruik; kies een andere met --poort", argument="poort"
            )


def serve(
    poort: int = 8000,
    *,
    host: str = "127.0.0.1",
    certificaat: Path | None = None,
    sleutel: Path | None = None,
) -> None:
    """Run xlwings Server in this process until it is stopped (Ctrl+C)."""
    if (certificaat is None) != (sleutel is None):
        raise InvoerFout(
            "geef --certificaat en --sleutel samen (of geen van beide)", argument="certificaat"
        )
    check_port(host, poort)
    os.environ.update(server_env())
    import uvicorn

    uvicorn.run(
        APP,
        host=host,
        port=poort,
        ssl_certfile=str(certificaat) if certificaat else None,
        ssl_keyfile=str(sleutel) if sleutel else None,
    )
