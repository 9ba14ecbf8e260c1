"""Accept uploaded files only when they are what they claim: a real .docx or .xlsx package.

A file is read whole into memory up to a size limit, opened as a zip, checked for the
members its format must have, and unpacked member by member with a bound on the total, so a
small archive that would unpack to gigabytes (a zip bomb) is refused before anyone reads it.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass

from starlette.datastructures import UploadFile

from docgen.errors import InputError
from docgen.service.security import BodyTooLarge

_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CHUNK = 1 << 16


@dataclass(frozen=True)
class Format:
    """An Office format: its name for people, its suffixes and the members it must hold."""

    label: str
    suffixes: tuple[str, ...]
    members: tuple[str, ...]
    main_type: str


DOCX = Format(
    "документ Word (.docx)",
    (".docx",),
    ("[Content_Types].xml", "word/document.xml"),
    "wordprocessingml.document.main",
)
XLSX = Format(
    "таблица Excel (.xlsx)",
    (".xlsx", ".xlsm"),
    ("[Content_Types].xml", "xl/workbook.xml"),
    "spreadsheetml.sheet.main",
)


async def read_upload(upload: UploadFile, limit: int) -> bytes:
    """Return an uploaded file's bytes, refusing one larger than ``limit``."""
    chunks: list[bytes] = []
    size = 0
    while chunk := await upload.read(_CHUNK):
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge(limit)
        chunks.append(chunk)
    return b"".join(chunks)


def check_package(data: bytes, name: str, kind: Format, max_unpacked: int) -> None:
    """Refuse ``data`` unless it is a ``kind`` package that unpacks to at most ``max_unpacked``."""
    shown = f"«{name}»" if name else "файл"
    if not name.lower().endswith(kind.suffixes):
        raise InputError(f"{shown}: ожидается {kind.label}, а у файла другое расширение")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            missing = [member for member in kind.members if member not in names]
            if missing:
                raise InputError(
                    f"{shown}: это не {kind.label} — внутри нет {', '.join(missing)}; "
                    f"откройте файл и сохраните его как {kind.label}"
                )
            _check_sizes(data, infos, shown, max_unpacked)
            types = archive.read("[Content_Types].xml").decode("utf-8", "replace")
    except (zipfile.BadZipFile, zlib.error, EOFError, struct.error) as exc:
        raise InputError(
            f"{shown}: это не {kind.label} или файл повреждён; откройте его и сохраните "
            f"как {kind.label}"
        ) from exc
    if kind.main_type not in types:
        raise InputError(f"{shown}: внутри не {kind.label}; сохраните файл как {kind.label}")


def _check_sizes(data: bytes, infos: list[zipfile.ZipInfo], shown: str, limit: int) -> None:
    """Unpack every member with a running bound; refuse lies about sizes and encryption."""
    budget = limit
    for info in infos:
        if info.flag_bits & 0x1:
            raise InputError(f"{shown}: файл защищён паролем; снимите защиту и загрузите снова")
        if info.file_size > budget:
            raise InputError(_too_big(shown, limit))
        unpacked = _unpacked_size(data, info, budget)
        if unpacked > budget:
            raise InputError(_too_big(shown, limit))
        if unpacked != info.file_size:
            raise zipfile.BadZipFile(f"{info.filename}: размер не совпадает с заявленным")
        budget -= unpacked


def _unpacked_size(data: bytes, info: zipfile.ZipInfo, budget: int) -> int:
    """Return how many bytes a member unpacks to, stopping once past ``budget``."""
    header = _LOCAL.unpack_from(data, info.header_offset)
    start = info.header_offset + _LOCAL.size + header[9] + header[10]
    stored = data[start : start + info.compress_size]
    if info.compress_type == zipfile.ZIP_STORED:
        return len(stored)
    if info.compress_type != zipfile.ZIP_DEFLATED:
        raise zipfile.BadZipFile(f"{info.filename}: неизвестный способ сжатия")
    inflater = zlib.decompressobj(-15)
    size, pending = 0, stored
    while pending and size <= budget:
        size += len(inflater.decompress(pending, _CHUNK))
        pending = inflater.unconsumed_tail
    return size


def _too_big(shown: str, limit: int) -> str:
    return (
        f"{shown}: в распакованном виде файл больше {limit // (1 << 20)} МБ — "
        "так много данных сервис не принимает"
    )
