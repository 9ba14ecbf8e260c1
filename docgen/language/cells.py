"""Unwrap a workbook cell to the value it stores, for the filters that want numbers and dates.

A cell read from a workbook reaches a template as text shown the way Excel shows it («1 234,50»,
«20.11.2026»), carrying the stored value in its ``raw_value`` attribute (see
``docgen.sources.workbook.values.CellText``). It is duck-typed here so this layer never imports
the readers; any other value passes through unchanged.
"""

from __future__ import annotations


def stored_value(value: object) -> object:
    """Return the value a workbook cell stores (its ``raw_value``), else ``value`` itself."""
    return getattr(value, "raw_value", value)
