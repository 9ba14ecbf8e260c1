"""Validate and render the documents of a batch, in the main process or in a worker process.

The parent sends the data of the workbook's records in chunks; a worker validates each,
builds its context, renders the file name and the document, and sends back bytes or what
went wrong, one document at a time. A worker prepares the template, the model and the name
pattern once, at start (``docgen.workers.processes`` runs it under memory and time limits).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from docgen.engine.batch.spec import BatchSpec
from docgen.engine.properties import DocumentProperties
from docgen.errors import UserError
from docgen.sources.workbook.messages import CellMessage


@dataclass(frozen=True)
class WorkItem:
    """What a worker gets for one document: the records' data, not yet validated.

    Only the data travels (it pickles fast); where each value came from stays with the
    parent, which names the cells of a record that fails (see ``Invalid``).
    """

    index: int
    """The document's position in the batch, from 1."""
    sheet: str
    row: int
    """The first row of the document's first record."""
    data: tuple[dict[str, Any], ...]
    """Each record's data; empty when a value of a record could not even be read."""


@dataclass(frozen=True)
class Rendered:
    """A document made: its file name (not yet unique, no extension) and its bytes."""

    index: int
    stem: str
    data: bytes


@dataclass(frozen=True)
class Failed:
    """A document not made, and every problem of its records or of its rendering."""

    index: int
    problems: tuple[CellMessage, ...]


@dataclass(frozen=True)
class Invalid:
    """A document whose records the model refused: the parent names the cells at fault."""

    index: int


Outcome = Rendered | Failed | Invalid


class DocumentRenderer:
    """Turn batch items into documents with one spec, prepared once."""

    def __init__(self, spec: BatchSpec) -> None:
        self.spec = spec
        self.model: type[BaseModel] = spec.data_model()
        self.names = spec.name_pattern()

    def render(self, item: WorkItem) -> Outcome:
        """Validate the item's records and render its document, or say what is wrong."""
        if not item.data:
            return Invalid(item.index)
        try:
            models = [self.model.model_validate(data) for data in item.data]
        except ValidationError:
            return Invalid(item.index)
        try:
            context = self.spec.context(models)
            stem = self.names.render(context, item.row, item.index)
            created = self.spec.created(models[0]) if self.spec.created else None
            properties = DocumentProperties(title=stem, author=self.spec.author, created=created)
            data = self.spec.template.render(
                context, properties=properties, media_dir=self.spec.media_dir
            )
        except UserError as exc:
            return Failed(item.index, (CellMessage(item.sheet, str(exc), item.row),))
        return Rendered(item.index, stem, data)


_RENDERER: DocumentRenderer | None = None


def start_worker(spec: BatchSpec) -> None:
    """Prepare this worker process: compile the template (once) and the model."""
    global _RENDERER
    _RENDERER = DocumentRenderer(spec)


def render_in_worker(item: WorkItem) -> Outcome:
    """Render one item in a worker prepared by ``start_worker``."""
    if _RENDERER is None:
        raise RuntimeError("render_in_worker called before start_worker")
    return _RENDERER.render(item)
