"""Routers of the OI add-in's xlwings Server project (xlwings Server loads ``custom``)."""
