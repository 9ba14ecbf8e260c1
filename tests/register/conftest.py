"""Register fixtures: every test runs on SQLite, and on PostgreSQL when one is configured.

Set ``DOCGEN_TEST_PG_URL`` (``.ci/postgres.sh`` starts a throwaway server and sets it) to run
the PostgreSQL half; each test gets a schema of its own, dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from docgen.register import Register, open_register

PG_URL = os.environ.get("DOCGEN_TEST_PG_URL")
CONTRACTS = Path(__file__).resolve().parents[2] / "contracts"


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Return the URL of an empty database: a SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'register.sqlite3'}"
        return
    if not PG_URL:
        pytest.skip("PostgreSQL: DOCGEN_TEST_PG_URL не задан (его задаёт .ci/postgres.sh)")
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


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
