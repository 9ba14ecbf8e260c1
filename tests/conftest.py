"""Shared fixtures: paths to the repository, its samples."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def repo() -> Path:
    """Return the repository root."""
    return REPO


@pytest.fixture
def school_agreement_text() -> str:
    """Return the text of the sample agreement with a school."""
    return (REPO / "contracts" / "2026-001-school-5.yaml").read_text(encoding="utf-8")


@pytest.fixture(scope="session", autouse=True)
def office_converters(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Let the suite's PDFs use LibreOffice converters of its own, stopped at the end."""
    from docgen import pdf
    from docgen.workers.office_pool import OfficePool

    pool = OfficePool(0, tmp_path_factory.mktemp("office"))
    pdf.use_office_pool(pool)
    yield
    pool.stop()
