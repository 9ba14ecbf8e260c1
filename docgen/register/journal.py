"""Keep a journal of generated documents: template, data, output bytes and when.

Each entry can prove which template file (SHA-256) and which data (a JSON snapshot) made
the file someone signed, and whether a file at hand is that very output (SHA-256).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic_core import to_jsonable_python
from sqlalchemy import select
from sqlalchemy.orm import Session

from docgen.errors import InputError
from docgen.register.database import Register
from docgen.register.tables import AgreementRow, JournalRow


@dataclass(frozen=True)
class JournalEntry:
    """One generated document as the journal remembers it."""

    template_id: str
    template_sha256: str
    data: dict[str, Any]
    output_sha256: str
    file_name: str
    created_at: dt.datetime
    document_number: str | None = None


def file_sha256(path: Path) -> str:
    """Return the SHA-256 of a file's bytes as 64 hex digits."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as stream:
            for block in iter(lambda: stream.read(1 << 16), b""):
                digest.update(block)
    except OSError as exc:
        raise InputError(f"{path}: не удалось прочитать файл ({exc.strerror})") from exc
    return digest.hexdigest()


def record_document(
    register: Register,
    *,
    template_id: str,
    template: Path,
    data: BaseModel | Mapping[str, BaseModel],
    output: Path,
    created_at: dt.datetime,
    document_number: str | None = None,
) -> JournalEntry:
    """Journal one generated file; ``created_at`` must carry its time zone.

    ``data`` is what the template saw: one model, or models by their names in the context.
    """
    if created_at.tzinfo is None:
        raise ValueError("created_at must be timezone-aware")
    entry = JournalEntry(
        template_id=template_id,
        template_sha256=file_sha256(template),
        data=to_jsonable_python(data),
        output_sha256=file_sha256(output),
        file_name=output.name,
        created_at=created_at.astimezone(dt.UTC),
        document_number=document_number,
    )
    register.run(lambda session: _insert(session, entry))
    return entry


def journal_entries(register: Register, document_number: str | None = None) -> list[JournalEntry]:
    """Return the journal (of one document number, if given), oldest first."""

    def read(session: Session) -> list[JournalEntry]:
        query = select(JournalRow).order_by(JournalRow.created_at, JournalRow.id)
        if document_number is not None:
            query = query.where(JournalRow.document_number == document_number)
        return [_entry_of(row) for row in session.scalars(query)]

    return register.run(read)


def _insert(session: Session, entry: JournalEntry) -> None:
    agreement_id = None
    if entry.document_number is not None:
        agreement_id = session.scalar(
            select(AgreementRow.id).where(AgreementRow.number == entry.document_number)
        )
    session.add(
        JournalRow(
            agreement_id=agreement_id,
            document_number=entry.document_number,
            template_id=entry.template_id,
            template_sha256=entry.template_sha256,
            data=entry.data,
            output_sha256=entry.output_sha256,
            file_name=entry.file_name,
            created_at=entry.created_at,
        )
    )


def _entry_of(row: JournalRow) -> JournalEntry:
    created = row.created_at
    if created.tzinfo is None:  # SQLite keeps no zone; the journal stores UTC
        created = created.replace(tzinfo=dt.UTC)
    return JournalEntry(
        template_id=row.template_id,
        template_sha256=row.template_sha256,
        data=row.data,
        output_sha256=row.output_sha256,
        file_name=row.file_name,
        created_at=created,
        document_number=row.document_number,
    )
