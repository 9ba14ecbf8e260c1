"""Shared fixtures: paths to the repository, its samples, an empty database.

Set ``DOCGEN_TEST_PG_URL`` (``.ci/postgres.sh`` starts a throwaway server and sets it) to run
the PostgreSQL half of ``database_url``; each test gets a schema of its own, dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

REPO = Path(__file__).resolve().parents[1]
PG_URL = os.environ.get("DOCGEN_TEST_PG_URL")


@pytest.fixture
def repo() -> Path:
    """Return the repository root."""
    return REPO


@pytest.fixture
def school_agreement_text() -> str:
    """Return the text of the sample agreement with a school."""
    return (REPO / "contracts" / "2026-001-school-5.yaml").read_text(encoding="utf-8")


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


@pytest.fixture(scope="session", autouse=True)
def office_converters(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Let the suite's PDFs use LibreOffice converters of its own, stopped at the end."""
    from docgen import pdf
    from docgen.workers.office_pool import OfficePool

    pool = OfficePool(0, tmp_path_factory.mktemp("office"))
    pdf.use_office_pool(pool)
    yield
    pool.stop()
