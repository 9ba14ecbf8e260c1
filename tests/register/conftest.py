"""Register fixtures: every test runs on SQLite, and on PostgreSQL when one is configured.

``database_url`` (tests/conftest.py) gives each test an empty SQLite file or PostgreSQL schema.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from docgen.register import Register, open_register

CONTRACTS = Path(__file__).resolve().parents[2] / "contracts"


@pytest.fixture
def register(database_url: str) -> Iterator[Register]:
    """Return a register opened (and migrated) on an empty database."""
    opened = open_register(database_url)
    yield opened
    opened.close()


@pytest.fixture
def contracts() -> Path:
    """Return the folder of sample agreements."""
    return CONTRACTS
