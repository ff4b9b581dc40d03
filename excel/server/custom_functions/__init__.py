"""The custom functions of this xlwings Server project: every registered OI function.

``oi_excel`` generates them from ``oi_core.excel_functies()`` (built-ins plus plugins).
Each function's ``__name__`` equals its attribute here (``OI_MATCH``), which is how
xlwings Server dispatches a call.
"""

from oi_excel import *  # noqa: F403
