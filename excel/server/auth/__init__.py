"""Sign-in providers of the OI project (override xlwings Server's ``auth`` package)."""
