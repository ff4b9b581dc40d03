"""The ``custom`` provider: OpenID Connect tokens checked by :mod:`oi_excel.aanmelden`."""

from oi_excel.aanmelden import valideer_token

__all__ = ["validate_token"]

validate_token = valideer_token
