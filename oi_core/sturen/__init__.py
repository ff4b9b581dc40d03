"""Van inzicht naar sturen: what the match alone cannot answer.

Modules per subject: ``concentratie`` (concentration index with its interval and curve),
``onzekerheid`` (significance and suppression of survey-based figures), ``trends``
(multi-year data, cumulative shortfall), ``impact`` (cost per result along the
Resultatenketen), ``niveaus`` (one activity at every level) and ``robuustheid`` (the signal
under alternative opgave definitions). Every index is computed by the shares kernel
(:func:`oi_core.rekenen.kern.verdeel`).
"""
