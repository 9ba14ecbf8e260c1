"""docgen: typed data about a centre and its partners into Word documents."""

from __future__ import annotations

__version__ = "0.1.0"
