"""Where a batch's documents go: files in a folder, or a ZIP streamed entry by entry.

Names are made unique (« (2)») in the order of the workbook, so the same workbook always
gives the same names. Into a folder, a run says which files it wrote over and removes the
documents its previous run made for rows it now refuses (``manifest``). With PDF, one
LibreOffice run converts every document at the end; for a ZIP the documents are also kept
in a hidden folder until the PDFs are added.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from docgen.engine.archive import StreamedZip
from docgen.engine.batch.manifest import FolderChanges, FolderManifest, digest, file_digest
from docgen.engine.naming import UniqueNames, path_inside
from docgen.engine.output import write_atomically
from docgen.errors import OutputError

DOCUMENT_EXTENSION = ".docx"


@dataclass(frozen=True)
class BatchOutput:
    """Where to put a batch: the folder, and optionally one ZIP instead of separate files."""

    folder: Path
    """The documents (without ``archive``), their PDFs and the error workbook."""
    archive: Path | None = None
    """A ZIP that receives the documents (and PDFs) instead of ``folder``."""
    pdf: bool = False
    """Also make a PDF of every document (LibreOffice)."""
    manifest: bool = False
    """Keep ``.docgen-batch.json`` in the folder, so that running the same batch again
    removes the documents of the previous run it does not make again (``manifest``)."""


def make_folder(folder: Path) -> Path:
    """Create ``folder`` (and its parents) or explain why it cannot be."""
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: это файл, а нужна папка для документов")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{folder}: не удалось создать папку ({exc.strerror or exc})") from exc
    return folder


def _convert(
    documents: list[Path], folder: Path, progress: Callable[[int], None] | None
) -> list[Path]:
    from docgen.pdf import convert_to_pdf

    return convert_to_pdf(documents, folder, progress=progress)


class DocumentSink:
    """Receive documents in order; ``finish`` makes the PDFs and completes the output."""

    def __init__(
        self,
        output: BatchOutput,
        pdf_progress: Callable[[int], None] | None = None,
        origin: str | None = None,
    ) -> None:
        self.output = output
        self.pdf_progress = pdf_progress
        """Called with the number of PDFs made, as they are."""
        self.changes = FolderChanges()
        """Files of the folder this run wrote over or removed (``manifest``)."""
        self._manifest: FolderManifest | None = None
        self._written: dict[str, str] = {}  # file name → SHA-256, kept only for a manifest
        self._previous: set[str] = set()  # what the previous run of this batch wrote here
        self.names = UniqueNames(DOCUMENT_EXTENSION)
        self.documents: list[str] = []
        """File names of the documents written, in the order of the workbook."""
        self.pdfs: list[str] = []
        self._archive: StreamedZip | None = None
        self._staging: Path | None = None
        self._on_disk: list[Path] = []
        make_folder(output.folder)
        if output.archive is None:
            if origin is not None and output.manifest:
                self._manifest = FolderManifest(output.folder, origin)
                self._previous = set(self._manifest.previous())
            return
        if output.pdf:
            self._staging = self._make_staging(output.folder)
        try:
            self._archive = StreamedZip(output.archive)
        except BaseException:
            if self._staging is not None:
                shutil.rmtree(self._staging, ignore_errors=True)
            raise

    def __enter__(self) -> DocumentSink:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._archive is not None:
            self._archive.discard()  # nothing to drop once committed
        if self._staging is not None:
            shutil.rmtree(self._staging, ignore_errors=True)

    def add(self, stem: str, data: bytes) -> str:
        """Write one document under a unique name built from ``stem``; return the name."""
        name = self.names.claim(stem)
        if self._archive is not None:
            self._archive.add(name, data)
        if self._archive is None or self._staging is not None:
            path = path_inside(self._staging or self.output.folder, name)
            if self._archive is None and path.exists():
                self._note_replaced(name)
            write_atomically(path, data, durable=False)
            if self._manifest is not None:
                self._written[name] = digest(data)
            if self.output.pdf:
                self._on_disk.append(path)
        self.documents.append(name)
        return name

    def finish(self) -> Path | None:
        """Make the PDFs if asked, complete the ZIP; return the ZIP's path (None: no ZIP).

        Into a folder, files the previous run of the same batch left there and this run did
        not write again are removed (``manifest``).
        """
        if self.output.pdf and self._on_disk:
            folder = self._staging or self.output.folder
            if self._archive is None:
                for path in self._on_disk:
                    if path.with_suffix(".pdf").exists():
                        self._note_replaced(path.with_suffix(".pdf").name)
            pdfs = _convert(self._on_disk, folder, self.pdf_progress)
            self.pdfs = [pdf.name for pdf in pdfs]
            if self._archive is not None:
                for pdf in pdfs:
                    self._archive.add_file(pdf.name, pdf)
            elif self._manifest is not None:
                self._written.update((pdf.name, file_digest(pdf) or "") for pdf in pdfs)
        if self._manifest is not None:
            tidied = self._manifest.tidy(self._written)
            self.changes.removed, self.changes.kept = tidied.removed, tidied.kept
        return self._archive.commit() if self._archive is not None else None

    def _note_replaced(self, name: str) -> None:
        """Record that ``name`` is written over: a file of the previous run, or another."""
        known = name in self._previous
        (self.changes.rewritten if known else self.changes.replaced).append(name)

    @staticmethod
    def _make_staging(folder: Path) -> Path:
        try:
            return Path(tempfile.mkdtemp(prefix=".docgen-batch-", dir=folder))
        except OSError as exc:
            raise OutputError(f"{folder}: не удалось создать временную папку ({exc})") from exc
