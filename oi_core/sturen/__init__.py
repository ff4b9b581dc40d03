"""Steering (*sturen*): from insight to choices.

Scenarios toward a target with an explicit trade-off (:mod:`~oi_core.sturen.scenario`,
:mod:`~oi_core.sturen.uitruil`) and the five-step spectrum of unequal investing
(:mod:`~oi_core.sturen.spectrum`). Every number comes from the shares kernel
(:func:`~oi_core.rekenen.kern.verdeel`) and the metrics; the public functions are
re-exported from :mod:`oi_core`.
"""
