"""Where a batch's documents go: files in a folder, or a ZIP streamed entry by entry.

Names are made unique (« (2)») in the order of the workbook, so the same workbook always
gives the same names. With PDF, one LibreOffice run converts every document at the end;
for a ZIP the documents are also kept in a hidden folder until the PDFs are added.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from docgen.engine.archive import StreamedZip
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


def make_folder(folder: Path) -> Path:
    """Create ``folder`` (and its parents) or explain why it cannot be."""
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: это файл, а нужна папка для документов")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{folder}: не удалось создать папку ({exc.strerror or exc})") from exc
    return folder


def _convert(documents: list[Path], folder: Path) -> list[Path]:
    from docgen.pdf import convert_to_pdf

    return convert_to_pdf(documents, folder)


class DocumentSink:
    """Receive documents in order; ``finish`` makes the PDFs and completes the output."""

    def __init__(self, output: BatchOutput) -> None:
        self.output = output
        self.names = UniqueNames(DOCUMENT_EXTENSION)
        self.documents: list[str] = []
        """File names of the documents written, in the order of the workbook."""
        self.pdfs: list[str] = []
        self._archive: StreamedZip | None = None
        self._staging: Path | None = None
        self._on_disk: list[Path] = []
        make_folder(output.folder)
        if output.archive is None:
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
            write_atomically(path, data, durable=False)
            if self.output.pdf:
                self._on_disk.append(path)
        self.documents.append(name)
        return name

    def finish(self) -> Path | None:
        """Make the PDFs if asked, complete the ZIP; return the ZIP's path (None: no ZIP)."""
        if self.output.pdf and self._on_disk:
            folder = self._staging or self.output.folder
            pdfs = _convert(self._on_disk, folder)
            self.pdfs = [pdf.name for pdf in pdfs]
            if self._archive is not None:
                for pdf in pdfs:
                    self._archive.add_file(pdf.name, pdf)
        return self._archive.commit() if self._archive is not None else None

    @staticmethod
    def _make_staging(folder: Path) -> Path:
        try:
            return Path(tempfile.mkdtemp(prefix=".docgen-batch-", dir=folder))
        except OSError as exc:
            raise OutputError(f"{folder}: не удалось создать временную папку ({exc})") from exc
