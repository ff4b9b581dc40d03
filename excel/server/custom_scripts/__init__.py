"""No custom scripts: the OI project only offers custom functions."""
