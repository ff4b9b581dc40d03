"""Steering (*sturen*): from insight to choices, what the match alone cannot answer.

Scenarios toward a target with an explicit trade-off (:mod:`~oi_core.sturen.scenario`,
:mod:`~oi_core.sturen.uitruil`) and the five-step spectrum of unequal investing
(:mod:`~oi_core.sturen.spectrum`); the concentration index with its interval and curve
(``concentratie``), significance and suppression of survey-based figures
(``onzekerheid``), multi-year data and the cumulative shortfall (``trends``), cost per
result along the Resultatenketen (``impact``), one activity at every level (``niveaus``)
and the signal under alternative opgave definitions (``robuustheid``). Every number comes
from the shares kernel (:func:`~oi_core.rekenen.kern.verdeel`) and the metrics; the public
functions are re-exported from :mod:`oi_core`.
"""
