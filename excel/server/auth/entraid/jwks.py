"""Keys for xlwings Server's Entra ID provider: a local copy if ``OI_AUTH_JWKS_URL`` is set.

Returning None lets xlwings Server fetch the tenant's keys from Microsoft (the default).
"""

from oi_excel.aanmelden import jwks_laden


async def get_jwks_json():  # type: ignore[no-untyped-def]
    return await jwks_laden()
