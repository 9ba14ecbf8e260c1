"""Write a ZIP entry by entry as documents arrive, so memory stays flat for any number of them.

The archive is written to a temporary file beside its final name and renamed only when it
is complete: after a crash or an error no half-written ZIP carries the name the user asked
for. Entries are stored, not compressed again (a .docx is a ZIP already), with a fixed
timestamp, so equal documents in equal order give a byte-identical archive.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import zipfile
from pathlib import Path
from types import TracebackType

from docgen.errors import OutputError

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
"""The timestamp of every entry: the earliest a ZIP header can hold."""
_COPY_CHUNK = 1 << 20


class StreamedZip:
    """A ZIP being written to a temporary file; ``commit`` gives it its final name."""

    def __init__(self, path: Path) -> None:
        self.path = path
        folder = path.parent
        if path.is_dir():
            raise OutputError(f"{path}: это папка; укажите имя файла архива .zip")
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"{folder}: не удалось создать папку для архива ({exc})") from exc
        self.temporary = folder / f".{path.name}.{secrets.token_hex(4)}.tmp"
        try:
            self._zip = zipfile.ZipFile(self.temporary, "x", zipfile.ZIP_STORED, allowZip64=True)
        except OSError as exc:
            raise OutputError(_explain(path, exc)) from exc
        self.count = 0

    def __enter__(self) -> StreamedZip:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self.temporary.exists():
            self.discard()

    def add(self, name: str, data: bytes) -> None:
        """Append an entry holding ``data``."""
        try:
            self._zip.writestr(_entry(name, len(data)), data)
        except OSError as exc:
            raise OutputError(_explain(self.path, exc)) from exc
        self.count += 1

    def add_file(self, name: str, source: Path) -> None:
        """Append an entry with the contents of ``source``, copied in pieces."""
        try:
            entry = _entry(name, source.stat().st_size)
            with source.open("rb") as reader, self._zip.open(entry, "w") as writer:
                shutil.copyfileobj(reader, writer, _COPY_CHUNK)
        except OSError as exc:
            raise OutputError(_explain(self.path, exc)) from exc
        self.count += 1

    def commit(self) -> Path:
        """Finish the archive, flush it to disk and give it its final name."""
        try:
            self._zip.close()
            with self.temporary.open("rb+") as stream:
                os.fsync(stream.fileno())
            os.replace(self.temporary, self.path)
        except OSError as exc:
            self.discard()
            raise OutputError(_explain(self.path, exc)) from exc
        return self.path

    def discard(self) -> None:
        """Drop the unfinished archive; the final name is left as it was."""
        with contextlib.suppress(OSError, ValueError):
            self._zip.close()
        with contextlib.suppress(OSError):
            self.temporary.unlink()


def _entry(name: str, size: int) -> zipfile.ZipInfo:
    entry = zipfile.ZipInfo(name, FIXED_TIME)
    entry.compress_type = zipfile.ZIP_STORED
    entry.create_system = 3  # the same header bytes whatever system writes the archive
    entry.external_attr = 0o644 << 16
    entry.file_size = size
    return entry


def _explain(path: Path, exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return f"{path}: нет доступа на запись; выберите другую папку для архива"
    return f"{path}: не удалось записать архив ({exc.strerror or exc})"
