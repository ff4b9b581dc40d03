"""xlwings Server's Entra ID provider, with the key set from :mod:`.jwks`.

xlwings Server imports ``auth.entraid`` of the project first; this package keeps its
provider and only replaces where the keys come from (``OI_AUTH_JWKS_URL`` if set).
"""

from xlwings_server.auth.entraid import validate_token

from . import jwks  # noqa: F401  (imported by xlwings_server.auth.entraid)

__all__ = ["validate_token"]
