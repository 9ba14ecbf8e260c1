"""The pieces of a batch: groups, worker processes, the streamed ZIP and the error workbook."""

from __future__ import annotations

import io
import multiprocessing
import pickle
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from docx import Document
from pydantic import BaseModel, Field

from docgen.engine import compile_template
from docgen.engine.archive import StreamedZip
from docgen.engine.batch import (
    BatchOutput,
    BatchSpec,
    group_records,
    prepare_batch,
    run_batch,
    user_spec,
    worker_count,
)
from docgen.engine.batch.error_report import ERROR_REPORT_NAME, error_workbook
from docgen.errors import OutputError
from docgen.models.base import DocModel, Text
from docgen.sources.workbook.messages import CellMessage
from docgen.sources.workbook.records import RawRecord
from tests.sources.workbooks import write_rows


class Pupil(DocModel):
    """A pupil and the class they are in (a record of the grouping test)."""

    name: Text = Field(title="ФИО", description="Фамилия и имя.")
    grade: Text = Field(title="Класс", description="«5А».")


def class_list(records: Sequence[BaseModel]) -> Mapping[str, Any]:
    """Build one document's context from all pupils of a class."""
    pupils = [record for record in records if isinstance(record, Pupil)]
    return {"grade": pupils[0].grade, "pupils": pupils}


def grade_of(record: RawRecord) -> str | None:
    grade = record.data.get("grade")
    return str(grade) if grade is not None else None


def paragraphs(data: bytes) -> list[str]:
    return [paragraph.text for paragraph in Document(io.BytesIO(data)).paragraphs]


def test_records_grouped_by_a_key_make_one_document_per_group(
    tmp_path: Path, make_docx: Any
) -> None:
    template = make_docx(
        body=["Класс {{ grade }}", "{%p for p in pupils %}", "{{ p.name }}", "{%p endfor %}"]
    )
    spec = BatchSpec(compile_template(template), class_list, "{{ grade }}", model=Pupil)
    rows = [
        ["ФИО", "Класс"],
        ["Иванов Иван", "5А"],
        ["Петрова Анна", "6Б"],
        ["Сидоров Пётр", "5А"],
        [None, "6Б"],  # a pupil without a name spoils the whole class list
        ["Орлова Вера", "7В"],
    ]
    job = prepare_batch(
        spec, write_rows(tmp_path / "ученики.xlsx", rows, "Ученики"), group_by=grade_of
    )
    assert [[raw.row for raw in item.records] for item in job.items] == [[2, 4], [3, 5], [6]]
    out = tmp_path / "out"
    result = run_batch(job, BatchOutput(out), jobs=1)
    assert result.documents == ["5А.docx", "7В.docx"]
    assert paragraphs((out / "5А.docx").read_bytes()) == ["Класс 5А", "Иванов Иван", "Сидоров Пётр"]
    (problem,) = result.errors()
    assert (problem.sheet, problem.row, problem.column, problem.header) == (
        "Ученики",
        5,
        "A",
        "ФИО",
    )
    assert result.failed and len(result.failures) == 1


def test_group_records_keeps_first_appearance_and_leaves_keyless_records_alone() -> None:
    records = [RawRecord("Л", [row], None, {"k": key}) for row, key in enumerate("abaXb", 2)]
    groups = group_records(records, lambda r: None if r.data["k"] == "X" else r.data["k"])
    assert [[r.row for r in group] for group in groups] == [[2, 4], [3, 6], [5]]


def test_a_user_template_renders_the_same_in_a_spawned_worker(
    tmp_path: Path, make_docx: Any
) -> None:
    template = tmp_path / "справка.docx"
    template.write_bytes(make_docx(body=["Справка: {{ ФИО }} учится в {{ школа.номер }} школе"]))
    spec = user_spec(template)
    assert pickle.loads(pickle.dumps(spec)).template.data == spec.template.data
    rows = [["ФИО", "школа.номер"], *([f"Ученик {n}", n] for n in range(1, 13))]
    job = prepare_batch(spec, write_rows(tmp_path / "t.xlsx", rows, "Ученики"))
    here = run_batch(job, BatchOutput(tmp_path / "here"), jobs=1)
    spawned = run_batch(
        job, BatchOutput(tmp_path / "spawned"), jobs=2, context=multiprocessing.get_context("spawn")
    )
    assert here.documents == spawned.documents
    assert here.documents[0] == "Ученик 1, строка 2.docx"
    for name in here.documents:
        assert (tmp_path / "here" / name).read_bytes() == (tmp_path / "spawned" / name).read_bytes()
    assert paragraphs((tmp_path / "here" / here.documents[2]).read_bytes()) == [
        "Справка: Ученик 3 учится в 3 школе"
    ]


def test_the_number_of_workers() -> None:
    assert worker_count(3, 2) == 2  # never more than documents
    assert worker_count(1, 10_000) == 1
    assert worker_count(0, 3) == 1  # a handful of documents is not worth a pool
    assert worker_count(0, 10_000) >= 1
    with pytest.raises(ValueError):
        worker_count(-1, 5)


def test_a_streamed_zip_appears_only_when_complete(tmp_path: Path) -> None:
    path = tmp_path / "архив.zip"
    with pytest.raises(RuntimeError), StreamedZip(path) as archive:
        archive.add("первый.docx", b"1")
        raise RuntimeError("упало посреди пакета")
    assert list(tmp_path.iterdir()) == []  # neither the ZIP nor its temporary file
    for _ in range(2):
        with StreamedZip(path) as archive:
            archive.add("первый.docx", b"1" * 1000)
            source = tmp_path / "второй.pdf"
            source.write_bytes(b"%PDF" * 300_000)
            archive.add_file("второй.pdf", source)
            source.unlink()
            archive.commit()
        first = path.read_bytes()
    with zipfile.ZipFile(path) as opened:
        assert opened.namelist() == ["первый.docx", "второй.pdf"]
        assert opened.read("второй.pdf") == b"%PDF" * 300_000
        assert {info.date_time for info in opened.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert path.read_bytes() == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["архив.zip"]


def test_a_zip_path_that_is_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="это папка"):
        StreamedZip(tmp_path)


def test_the_error_workbook_keeps_values_as_text(tmp_path: Path) -> None:
    messages = [
        CellMessage("Договоры", "неверная формула", 4, "B", "Номер", "=1+2"),
        CellMessage("Договоры", "значение пустое (None)\x01", 9),
    ]
    path = tmp_path / ERROR_REPORT_NAME
    path.write_bytes(error_workbook(messages))
    sheet = openpyxl.load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1] == ("Договоры", 4, "B", "Номер", "=1+2", "неверная формула", "ошибка")
    assert rows[2] == ("Договоры", 9, None, None, None, "значение пустое (None)", "ошибка")
    assert sheet.freeze_panes == "A2"
