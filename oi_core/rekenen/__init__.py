"""Computation: the metrics of the method, the match and the three-step Analyse, and what
compensation would cost. Computed on numpy, handed out as labelled pandas objects."""

from __future__ import annotations
