"""Render the built-in templates once per session and read documents back as text."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.document import Document as DocumentObject
from pydantic import BaseModel

from docgen.catalog import BUILTINS, load_centre
from docgen.engine import CompiledTemplate
from docgen.models import Centre
from docgen.sources import load_data

REPO = Path(__file__).resolve().parents[2]
PLAIN = str.maketrans({"\u00a0": " ", "\u2011": "-"})
"""Undo typography: the tests of content read no-break spaces and hyphens as plain ones."""


def plain(text: str) -> str:
    """Return ``text`` with no-break spaces and hyphens made plain."""
    return text.translate(PLAIN)


@dataclass(frozen=True)
class Rendered:
    """A rendered document: python-docx's object and its text, paragraph by paragraph.

    The text is ``plain``: typography (``tests/templates/test_typography.py``) is tested on
    ``document`` itself, the content everywhere else.
    """

    document: DocumentObject

    @property
    def paragraphs(self) -> list[str]:
        """Return the body paragraphs outside tables."""
        return [plain(paragraph.text) for paragraph in self.document.paragraphs]

    @property
    def headings(self) -> list[str]:
        """Return the section headings (style «Heading 1»)."""
        return [plain(p.text) for p in self.document.paragraphs if p.style.name == "Heading 1"]

    @property
    def tables(self) -> list[list[list[str]]]:
        """Return every table as rows of cell texts."""
        return [
            [[plain(cell.text) for cell in row.cells] for row in table.rows]
            for table in self.document.tables
        ]

    @property
    def text(self) -> str:
        """Return all text, paragraphs first and then table cells, one per line."""
        cells = [cell for table in self.tables for row in table for cell in row]
        return "\n".join([*self.paragraphs, *cells])


@pytest.fixture(scope="session")
def centre() -> Centre:
    """Return the sample centre profile."""
    return load_centre(REPO / "samples" / "centre.yaml")


@pytest.fixture(scope="session")
def compiled() -> dict[str, CompiledTemplate]:
    """Return every built-in template compiled once."""
    return {template_id: entry.compile() for template_id, entry in BUILTINS.items()}


@pytest.fixture(scope="session")
def render(
    compiled: dict[str, CompiledTemplate], centre: Centre
) -> Callable[[str, BaseModel], Rendered]:
    """Return a function rendering validated data with a built-in template."""

    def render_data(template_id: str, data: BaseModel) -> Rendered:
        context = BUILTINS[template_id].context(data, centre)
        return Rendered(Document(io.BytesIO(compiled[template_id].render(context))))

    return render_data


@pytest.fixture(scope="session")
def sample() -> Callable[..., Any]:
    """Return a function loading a sample as a model, with top-level keys replaced."""

    def load(relative: str, model: type[BaseModel], **changes: Any) -> BaseModel:
        data = load_data(REPO / relative)
        data.update(changes)
        return model.model_validate(data)

    return load
