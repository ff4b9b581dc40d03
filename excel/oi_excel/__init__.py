"""OI functions for Excel via xlwings — under construction."""
