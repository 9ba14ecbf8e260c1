"""A model that is one list (the centre's partners): its list's sheet is the whole table."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import Field

from docgen.errors import InputError
from docgen.models.base import DocModel, Text
from docgen.sources.workbook.read import load_workbook_models
from docgen.sources.workbook.write import input_workbook


class Pupil(DocModel):
    """A pupil of the list."""

    name: Text = Field(title="ФИО", description="Фамилия и имя.")
    grade: Text = Field(title="Класс", description="«5А».")


class PupilList(DocModel):
    """A list of pupils and nothing else."""

    pupils: list[Pupil] = Field(min_length=1, title="Ученики", description="Все ученики.")


def filled(path: Path, rows: list[list[str | None]]) -> Path:
    book = input_workbook(PupilList)
    assert book.sheetnames == ["Ученики"]  # no empty sheet for the record itself
    sheet = book["Ученики"]
    assert [cell.value for cell in sheet[2]] == ["ФИО *", "Класс *"]
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_every_row_of_the_list_sheet_is_an_item_of_one_record(tmp_path: Path) -> None:
    path = filled(tmp_path / "ученики.xlsx", [["Иванов Иван", "5А"], ["Ким Анна", "6Б"]])
    (pupils,), notices = load_workbook_models(path, PupilList)
    assert [(p.name, p.grade) for p in pupils.pupils] == [("Иванов Иван", "5А"), ("Ким Анна", "6Б")]
    assert notices == []


def test_a_bad_item_is_named_by_its_row_and_column(tmp_path: Path) -> None:
    path = filled(tmp_path / "ученики.xlsx", [["Иванов Иван", "5А"], ["Ким Анна", None]])
    with pytest.raises(InputError) as error:
        load_workbook_models(path, PupilList)
    assert "лист «Ученики», строка 4, столбец B «Класс *»: обязательное поле не заполнено" in str(
        error.value
    )
