"""The journal of generated documents: template and output hashes, data, time."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from docx import Document

from docgen.register import (
    Register,
    delete_agreement,
    file_sha256,
    find_agreement,
    import_files,
    journal_entries,
    record_document,
)

MOSCOW = dt.timezone(dt.timedelta(hours=3))


def make_docx(path: Path, text: str) -> Path:
    document = Document()
    document.add_paragraph(text)
    document.save(str(path))
    return path


def test_a_journaled_document_can_be_proved(
    register: Register, contracts: Path, tmp_path: Path
) -> None:
    import_files(register, [contracts / "2026-001-school-5.yaml"])
    agreement = find_agreement(register, "СП-2026/001").agreement
    template = make_docx(tmp_path / "договор.docx", "Договор № {{ number }}")
    output = make_docx(tmp_path / "СП-2026-001.docx", "Договор № СП-2026/001")
    when = dt.datetime(2026, 9, 1, 12, 30, tzinfo=MOSCOW)
    record_document(
        register,
        template_id="contract",
        template=template,
        data=agreement,
        output=output,
        created_at=when,
        document_number=agreement.number,
    )
    [entry] = journal_entries(register, "СП-2026/001")
    assert entry.template_id == "contract"
    assert entry.template_sha256 == hashlib.sha256(template.read_bytes()).hexdigest()
    assert entry.output_sha256 == file_sha256(output)
    assert entry.file_name == "СП-2026-001.docx"
    assert entry.created_at == when
    assert entry.created_at.tzinfo is not None
    assert type(agreement).model_validate(entry.data) == agreement
    assert journal_entries(register, "СП-2026/002") == []


def test_the_journal_outlives_a_deleted_agreement_and_keeps_order(
    register: Register, contracts: Path, tmp_path: Path
) -> None:
    import_files(register, [contracts / "2026-002-museum.yaml"])
    agreement = find_agreement(register, "СП-2026/002").agreement
    template = make_docx(tmp_path / "t.docx", "x")
    for hour, name in ((11, "b.docx"), (9, "a.docx")):
        record_document(
            register,
            template_id="contract",
            template=template,
            data=agreement,
            output=make_docx(tmp_path / name, name),
            created_at=dt.datetime(2026, 9, 5, hour, tzinfo=dt.UTC),
            document_number=agreement.number,
        )
    delete_agreement(register, agreement.number)
    names = [entry.file_name for entry in journal_entries(register)]
    assert names == ["a.docx", "b.docx"]


def test_a_time_without_zone_is_refused(
    register: Register, tmp_path: Path, contracts: Path
) -> None:
    import_files(register, [contracts / "2026-002-museum.yaml"])
    agreement = find_agreement(register, "СП-2026/002").agreement
    template = make_docx(tmp_path / "t.docx", "x")
    with pytest.raises(ValueError, match="timezone"):
        record_document(
            register,
            template_id="contract",
            template=template,
            data=agreement,
            output=template,
            created_at=dt.datetime(2026, 9, 5, 9),
        )
