"""Workbooks are read once, row by row; records are made from their rows when reached."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from pydantic import Field

from docgen.models.base import DocModel, Text
from docgen.sources.workbook import grid as workbook_grid
from docgen.sources.workbook.grid import WorkbookFile
from docgen.sources.workbook.read import read_workbook
from tests.sources.workbooks import make_workbook


class Lesson(DocModel):
    """One lesson of a course (a row of the lessons' sheet)."""

    topic: Text = Field(title="Тема", description="О чём занятие.")
    hours: int | None = Field(default=None, title="Часы", description="Сколько часов.")


class Course(DocModel):
    """A course and its lessons, joined by the course's code."""

    code: Text = Field(title="Код", description="«К-1».")
    name: Text = Field(title="Название", description="Как называется курс.")
    lessons: list[Lesson] = Field(default_factory=list, title="Занятия", description="План.")


COURSES = [["Код", "Название"], ["К-1", "Лепка"], ["К-2", "Шахматы"], ["К-3", "Танцы"]]


def test_list_rows_in_any_order_join_their_records_in_the_order_of_their_rows(
    tmp_path: Path,
) -> None:
    lessons = [
        ["Код", "Тема", "Часы"],
        ["К-3", "вальс", 2],
        ["К-1", "глина", 1],
        ["К-2", "дебют", 2],
        ["К-1", "лепка из теста", "много"],
        [None, "роспись", 3],  # a blank key: the same as above
        ["К-9", "лишнее", 1],
        ["К-3", "полька", 2],
    ]
    path = make_workbook(tmp_path / "c.xlsx", {"Курсы": COURSES, "Занятия": lessons})
    reading = read_workbook(path, Course)
    assert len(reading) == 3
    (orphan,) = reading.problems  # known before any record is made
    assert (orphan.sheet, orphan.row, orphan.column, orphan.value) == ("Занятия", 7, "A", "К-9")
    first, second, third = reading.records()
    assert first.model is None  # «много» hours
    (problem,) = first.problems
    assert problem.describe().startswith("лист «Занятия», строка 5, столбец C «Часы»: «много»")
    assert second.model is not None and third.model is not None
    assert [lesson.topic for lesson in second.model.lessons] == ["дебют"]
    assert [lesson.topic for lesson in third.model.lessons] == ["вальс", "полька"]
    topics = [
        (raw.key, [item["topic"] for item in raw.data["lessons"]]) for raw in reading.raw_records()
    ]
    assert topics[0] == ("К-1", ["глина", "лепка из теста", "роспись"])


def test_a_reading_can_be_read_again_and_closed(tmp_path: Path) -> None:
    lessons = [["Код", "Тема"], ["К-2", "дебют"], ["К-1", "глина"]]
    path = make_workbook(tmp_path / "c.xlsx", {"Курсы": COURSES, "Занятия": lessons})
    with read_workbook(path, Course) as reading:
        once = [record.model for record in reading.records()]
        again = [record.model for record in reading.records()]
        assert once == again and len(once) == 3
        assert [raw.rows for raw in reading.raw_records()] == [[2], [3], [4]]
    with pytest.raises(ValueError):
        next(reading.raw_records())


def test_merged_cells_of_a_list_sheet_apply_to_every_row_they_cover(tmp_path: Path) -> None:
    lessons = [["Код", "Тема", "Часы"], ["К-1", "глина", 2], ["К-1", "тесто"], ["К-1", "роспись"]]
    path = make_workbook(
        tmp_path / "c.xlsx",
        {"Курсы": COURSES[:2], "Занятия": lessons},
        {"Занятия": ["C2:C4"]},
    )
    (record,) = read_workbook(path, Course).records()
    assert record.model is not None
    assert [lesson.hours for lesson in record.model.lessons] == [2, 2, 2]


def test_a_sheet_with_data_only_far_below_is_reported_as_unused(tmp_path: Path) -> None:
    far = [[] for _ in range(40)] + [["позвонить в музей"]]
    blank = [[] for _ in range(40)] + [["   "]]
    path = make_workbook(tmp_path / "c.xlsx", {"Курсы": COURSES, "Заметки": far, "Пусто": blank})
    reading = read_workbook(path, Course)
    assert [notice.sheet for notice in reading.notices] == ["Заметки"]
    assert len(reading) == 3


def test_merged_ranges_are_found_when_the_sheet_is_read_in_small_pieces(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ranges = ["A1:B1", *(f"C{row}:D{row + 1}" for row in range(2, 200, 2))]
    rows = [["Курсы"], *([f"К-{n}", f"курс {n}", None, None] for n in range(1, 201))]
    path = make_workbook(tmp_path / "c.xlsx", {"Курсы": rows}, {"Курсы": ranges})
    monkeypatch.setattr(workbook_grid, "_PIECE", 37)
    with WorkbookFile(path) as book:
        (sheet,) = book.sheets()
    expected = sorted(
        (r.min_row, r.min_col, r.max_row, r.max_col)
        for r in openpyxl.load_workbook(path)["Курсы"].merged_cells.ranges
    )
    assert sorted(sheet.merged) == expected and len(expected) == 100
