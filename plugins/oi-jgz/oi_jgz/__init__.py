"""Plugin for the activity 'jgz' (Jeugdgezondheidszorg (JGZ)) — under construction."""

from __future__ import annotations
