"""Starting xlwings Server with the OI functions (``oi excel serve``).

The xlwings Server project lives in ``excel/server`` (installed as ``oi_excel/_server``):
its ``custom_functions`` import :mod:`oi_excel`; its templates, icons, routes and sign-in
providers make it the OI add-in. The server runs under the PolyForm Noncommercial licence
of ``xlwings.server`` (``XLWINGS_LICENSE_KEY=noncommercial``: use by a government
institution is a permitted noncommercial purpose), with the function namespace ``OI`` so
that ``OI_MATCH`` reads ``OI.MATCH`` in Excel.

Two modes. *Ontwikkelmodus* (the default): 127.0.0.1 only, no sign-in, one worker.
*Productie* (``--productie``): refuses to start unless sign-in, the public host name and
HTTPS (own certificate or a TLS-terminating proxy) are configured, see
:func:`productie_fouten`; several workers, so one long call never blocks the others.
CORS never allows every origin: only the add-in's own host and Office on the web.
"""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from oi_core import InvoerFout

__all__ = [
    "LICENTIE",
    "NAMESPACE",
    "OFFICE_ORIGINS",
    "Opstart",
    "cors_origins",
    "productie_fouten",
    "project_dir",
    "serve",
    "server_env",
]

LICENTIE = "noncommercial"
NAMESPACE = "OI"
APP = "oi_excel.asgi:app"
OFFICE_ORIGINS = (
    "https://excel.officeapps.live.com",
    "https://excel.cloud.microsoft",
    "https://office.live.com",
    "https://www.office.com",
)
"""Origins of Excel on the web that may call the server (besides the add-in's own host)."""
PROVIDERS = {"entraid", "custom"}
_NODIG = {
    "entraid": ("XLWINGS_AUTH_ENTRAID_CLIENT_ID", "XLWINGS_AUTH_ENTRAID_TENANT_ID"),
    "custom": ("OI_AUTH_JWKS_URL", "OI_AUTH_UITGEVER", "OI_AUTH_DOELGROEP"),
}


@dataclass(frozen=True)
class Opstart:
    """How the server is started: address, mode, workers and TLS."""

    poort: int = 8000
    host: str = "127.0.0.1"
    productie: bool = False
    werkers: int = 1
    certificaat: Path | None = None
    sleutel: Path | None = None
    achter_proxy: bool = False


def project_dir() -> Path:
    """The xlwings Server project: in the wheel ``oi_excel/_server``, else ``excel/server``."""
    hier = Path(__file__).resolve().parent
    for kandidaat in (hier / "_server", hier.parent / "server"):
        if (kandidaat / "custom_functions" / "__init__.py").is_file():
            return kandidaat
    raise InvoerFout("de xlwings Server-map van oi-excel ontbreekt; installeer oi-excel opnieuw")


def providers(env: Mapping[str, str]) -> list[str]:
    """The sign-in providers in ``XLWINGS_AUTH_PROVIDERS`` (a JSON list or comma-separated)."""
    tekst = env.get("XLWINGS_AUTH_PROVIDERS", "").strip()
    if tekst.startswith("["):
        return [str(p).strip() for p in json.loads(tekst)]
    return [p.strip() for p in tekst.split(",") if p.strip()]


def cors_origins(env: Mapping[str, str], opstart: Opstart) -> list[str]:
    """The origins allowed to call the server: own host, Office on the web, ``OI_CORS_EXTRA``."""
    if opstart.productie:
        eigen = [_eigen_adres(env, opstart)]
    else:
        eigen = [
            f"{s}://{h}:{opstart.poort}"
            for s in ("http", "https")
            for h in ("127.0.0.1", "localhost")
        ]
    extra = [o.strip() for o in env.get("OI_CORS_EXTRA", "").split(",") if o.strip()]
    return [*eigen, *OFFICE_ORIGINS, *extra]


def productie_fouten(env: Mapping[str, str], opstart: Opstart) -> list[str]:
    """What is missing to run in production, in Dutch; empty when the server may start."""
    fouten = _auth_fouten(env)
    if not env.get("XLWINGS_HOSTNAME", "").strip():
        fouten.append("XLWINGS_HOSTNAME ontbreekt: de naam waaronder de server bereikbaar is")
    if not (opstart.certificaat or opstart.achter_proxy):
        fouten.append("geen https: geef --certificaat en --sleutel, of --achter-proxy als een "
                      "proxy voor de server https afhandelt")  # fmt: skip
    if "*" in env.get("OI_CORS_EXTRA", "") or "*" in env.get("XLWINGS_CORS_ALLOW_ORIGINS", ""):
        fouten.append("'*' als toegestane herkomst (CORS) is niet toegestaan")
    return fouten


def _auth_fouten(env: Mapping[str, str]) -> list[str]:
    gekozen = providers(env)
    if not gekozen:
        return ["geen aanmelding ingesteld: zet XLWINGS_AUTH_PROVIDERS op entraid of custom"]
    onbekend = [p for p in gekozen if p not in PROVIDERS]
    if onbekend:
        return [f"onbekende aanmelding {', '.join(onbekend)}; kies entraid of custom"]
    return [f"{naam} ontbreekt (nodig voor {p})" for p in gekozen for naam in _NODIG[p]
            if not env.get(naam, "").strip()]  # fmt: skip


def server_env(
    basis: Mapping[str, str] | None = None, opstart: Opstart | None = None
) -> dict[str, str]:
    """The environment xlwings Server needs, on top of ``basis`` (default: os.environ)."""
    opstart = opstart or Opstart()
    env = dict(os.environ if basis is None else basis)
    env.update(
        XLWINGS_PROJECT_DIR=str(project_dir()),
        XLWINGS_ON_SERVER="true",
        XLWINGS_FUNCTIONS_NAMESPACE=NAMESPACE,
        XLWINGS_CORS_ALLOW_ORIGINS=json.dumps(cors_origins(env, opstart)),
    )
    if not opstart.productie:
        env["XLWINGS_AUTH_PROVIDERS"] = "[]"
    env["OI_HULP_URL"] = f"{_eigen_adres(env, opstart)}/hulp"
    env.setdefault("XLWINGS_LICENSE_KEY", LICENTIE)
    env.setdefault("XLWINGS_ENVIRONMENT", "prod")
    return env


def _eigen_adres(env: Mapping[str, str], opstart: Opstart) -> str:
    if opstart.productie:
        return f"https://{env.get('XLWINGS_HOSTNAME', '').strip()}"
    schema = "https" if opstart.certificaat else "http"
    return f"{schema}://127.0.0.1:{opstart.poort}"


def check_port(host: str, poort: int) -> None:
    """Refuse a port that is taken, in Dutch, before uvicorn fails on it."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        if s.connect_ex((host, poort)) == 0:
            raise InvoerFout(
                f"poort {poort} is al in gebruik; kies een andere met --poort", argument="poort"
            )


def check_opstart(opstart: Opstart, env: Mapping[str, str]) -> None:
    """Refuse a start that is not safe, in Dutch (all problems at once)."""
    if (opstart.certificaat is None) != (opstart.sleutel is None):
        raise InvoerFout(
            "geef --certificaat en --sleutel samen (of geen van beide)", argument="certificaat"
        )
    if not opstart.productie and opstart.host != "127.0.0.1":
        raise InvoerFout("de ontwikkelmodus draait alleen op 127.0.0.1; gebruik --productie "
                         "om de server voor anderen open te stellen", argument="host")  # fmt: skip
    if opstart.productie and (fouten := productie_fouten(env, opstart)):
        lijst = "; ".join(fouten)
        raise InvoerFout(f"de server start niet in productie: {lijst}", argument="productie")


def melding(opstart: Opstart) -> str:
    """The line printed at start: which mode, who can reach it, whether sign-in is on."""
    if opstart.productie:
        return (f"Productie: {opstart.werkers} werkers op {opstart.host}:{opstart.poort}, "
                "aanmelding verplicht.")  # fmt: skip
    return (f"Ontwikkelmodus: alleen op deze computer (127.0.0.1:{opstart.poort}), zonder "
            "aanmelding. Gebruik --productie voor een centrale server.")  # fmt: skip


def serve(opstart: Opstart) -> None:
    """Run xlwings Server in this process until it is stopped (Ctrl+C)."""
    check_opstart(opstart, os.environ)
    check_port(opstart.host, opstart.poort)
    os.environ.update(server_env(opstart=opstart))
    import uvicorn

    uvicorn.run(
        APP,
        host=opstart.host,
        port=opstart.poort,
        workers=opstart.werkers,
        proxy_headers=opstart.achter_proxy,
        forwarded_allow_ips=os.environ.get("OI_PROXY_ADRESSEN", "127.0.0.1"),
        ssl_certfile=str(opstart.certificaat) if opstart.certificaat else None,
        ssl_keyfile=str(opstart.sleutel) if opstart.sleutel else None,
        log_level=os.environ.get("OI_LOGNIVEAU", "info"),
    )
