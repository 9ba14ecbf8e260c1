"""Read and write the zip container of a .docx, copying unchanged members byte for byte.

A template's members are read once with their stored (compressed) bytes; writing a
document then only compresses the parts that were rendered. Every member gets the same
fixed timestamp, in the template's order, so equal input gives byte-identical output.

Opening a template is bounded as the service bounds uploads (``PackageLimits``): the number
of members and their unpacked size are checked from the zip directory before anything is
inflated, and each member is inflated in pieces against its declared size, so a zip bomb
(a gigabyte of zeros in ``word/media``, a 300 MB ``document.xml``) is refused cheaply.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass

from docgen.errors import TemplateError

FIXED_DATE = (1 << 5) | 1  # 1980-01-01, the earliest date a zip header can hold
FIXED_TIME = 0
COMPRESS_LEVEL = 3  # level 6 takes five times as long for 10 % smaller parts
_UTF8_NAME = 0x800
MEGABYTE = 1 << 20
_CHUNK = 1 << 20
_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")


@dataclass(frozen=True)
class PackageLimits:
    """How big a template package may be when opened (the service's zip-bomb bound)."""

    max_unpacked_bytes: int = 200 * MEGABYTE
    """All members together, unpacked (the service's ``max_unpacked_bytes``)."""
    max_members: int = 5000
    """Members of the zip; a .docx has tens, one with many pictures a few hundred."""
    max_xml_bytes: int = 64 * MEGABYTE
    """One XML part, unpacked: parsing takes about ten times its size in memory."""


DEFAULT_LIMITS = PackageLimits()


@dataclass(frozen=True)
class Member:
    """One zip member as stored: its name, method, checksum, sizes and stored bytes."""

    name: str
    method: int
    crc: int
    size: int
    stored: bytes

    @classmethod
    def compressed(cls, name: str, data: bytes) -> Member:
        """Build a deflated member from uncompressed bytes."""
        stored = zlib.compress(data, COMPRESS_LEVEL, wbits=-15)
        return cls(name, zipfile.ZIP_DEFLATED, zlib.crc32(data), len(data), stored)

    def data(self) -> bytes:
        """Return the member's uncompressed bytes."""
        if self.method == zipfile.ZIP_STORED:
            return self.stored
        return zlib.decompress(self.stored, wbits=-15)


def read_members(
    archive: bytes, source: str, limits: PackageLimits = DEFAULT_LIMITS
) -> list[Member]:
    """Return the members of a zip in their order; ``source`` names it in errors."""
    try:
        with zipfile.ZipFile(io.BytesIO(archive)) as zf:
            infos = [info for info in zf.infolist() if not info.is_dir()]
            _check_limits(infos, source, limits)
            return [_member(zf, info, archive) for info in infos]
    except (zipfile.BadZipFile, zlib.error, EOFError, struct.error) as exc:
        raise TemplateError(
            f"{source}: это не документ Word (.docx) или файл повреждён ({exc}); "
            "откройте его в Word и сохраните как «Документ Word (.docx)»"
        ) from exc


def _check_limits(infos: list[zipfile.ZipInfo], source: str, limits: PackageLimits) -> None:
    """Refuse a package too big to open, from the sizes its zip directory declares."""
    if len(infos) > limits.max_members:
        raise TemplateError(
            f"{source}: в файле {len(infos)} частей, а шаблон Word может иметь не больше "
            f"{limits.max_members}; это не похоже на документ .docx"
        )
    total = sum(info.file_size for info in infos)
    if total > limits.max_unpacked_bytes:
        raise TemplateError(
            f"{source}: в распакованном виде шаблон занимает {_megabytes(total)} МБ, а можно "
            f"не больше {_megabytes(limits.max_unpacked_bytes)} МБ; сожмите рисунки в Word "
            "(«Файл» → «Сжать рисунки») или уберите лишние"
        )
    for info in infos:
        if info.filename.endswith((".xml", ".rels")) and info.file_size > limits.max_xml_bytes:
            raise TemplateError(
                f"{source}: часть {info.filename} в распакованном виде занимает "
                f"{_megabytes(info.file_size)} МБ, а можно не больше "
                f"{_megabytes(limits.max_xml_bytes)} МБ; разделите документ на несколько"
            )


def _megabytes(size: int) -> str:
    """Return a size in megabytes as a reader wants it: «1025», «0,04» (a small limit)."""
    if size >= 10 * MEGABYTE:
        return str(-(-size // MEGABYTE))
    return f"{size / MEGABYTE:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def _member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, archive: bytes) -> Member:
    if info.flag_bits & 0x1:
        raise zipfile.BadZipFile(f"{info.filename} зашифрован")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        return Member.compressed(info.filename, zf.read(info))
    header = _LOCAL.unpack_from(archive, info.header_offset)
    start = info.header_offset + _LOCAL.size + header[9] + header[10]
    stored = archive[start : start + info.compress_size]
    member = Member(info.filename, info.compress_type, info.CRC, info.file_size, stored)
    _verify(member)
    return member


def _verify(member: Member) -> None:
    """Inflate a member in pieces, never past its declared size, and check its checksum."""
    if member.method == zipfile.ZIP_STORED:
        size, crc = len(member.stored), zlib.crc32(member.stored)
    else:
        inflater = zlib.decompressobj(-15)
        size, crc, pending = 0, 0, member.stored
        while True:
            chunk = inflater.decompress(pending, _CHUNK)
            pending = inflater.unconsumed_tail
            size += len(chunk)
            if size > member.size:
                raise zipfile.BadZipFile(f"{member.name}: внутри больше данных, чем заявлено")
            crc = zlib.crc32(chunk, crc)
            if not chunk and not pending:
                break
        if not inflater.eof:
            raise zipfile.BadZipFile(f"{member.name}: сжатые данные оборваны")
    if size != member.size or crc != member.crc:
        raise zipfile.BadZipFile(f"{member.name}: контрольная сумма не сходится")


def write_members(members: list[Member]) -> bytes:
    """Return a zip holding ``members`` in order, with fixed timestamps."""
    chunks: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for member in members:
        name = member.name.encode("utf-8")
        flags = 0 if name.isascii() else _UTF8_NAME
        fields = (flags, member.method, FIXED_TIME, FIXED_DATE, member.crc)
        sizes = (len(member.stored), member.size, len(name))
        local = _LOCAL.pack(0x04034B50, 20, *fields, *sizes, 0) + name
        chunks += (local, member.stored)
        central.append(_CENTRAL.pack(0x02014B50, 20, 20, *fields, *sizes, 0, 0, 0, 0, 0, offset))
        central.append(name)
        offset += len(local) + len(member.stored)
    directory = b"".join(central)
    count = len(members)
    end = _END.pack(0x06054B50, 0, 0, count, count, len(directory), offset, 0)
    return b"".join((*chunks, directory, end))
