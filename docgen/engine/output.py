"""Write output files atomically: a reader sees the old file or the new one, never half."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from docgen.errors import OutputError


def write_atomically(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    On any error the temporary file is removed and ``path`` is left as it was. With
    ``durable``, the data reaches the disk before the rename (a batch may skip that).
    """
    folder = path.parent
    if not folder.is_dir():
        raise OutputError(f"{path}: папки {folder} нет; создайте её или укажите другую")
    if path.is_dir():
        raise OutputError(f"{path}: это папка; укажите имя файла")
    temporary = folder / f".{path.name}.{secrets.token_hex(4)}.tmp"
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        if isinstance(exc, OSError):
            raise OutputError(_explain(path, exc)) from exc
        raise


def _explain(path: Path, exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return (
            f"{path}: нет доступа на запись (файл открыт в Word или папка защищена); "
            "закройте файл или выберите другую папку"
        )
    return f"{path}: не удалось записать файл ({exc.strerror or exc})"
