"""Command-line interface: each command parses options and calls one function below it.

The group and its error handler are in ``app``; the commands register themselves on import.
"""

from __future__ import annotations

from docgen.cli import batches, data, documents, register, service, worker
from docgen.cli.app import cli, main

__all__ = ["batches", "cli", "data", "documents", "main", "register", "service", "worker"]
