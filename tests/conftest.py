"""Shared fixtures: paths to the repository, its samples."""

from __future__ import annotations

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
