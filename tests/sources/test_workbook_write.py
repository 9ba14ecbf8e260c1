"""Generated input workbooks: headers with notes, dropdowns, text formats, and a round trip."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from openpyxl.utils.cell import get_column_letter

from docgen.cli import cli
from docgen.errors import OutputError
from docgen.models import MODELS, Agreement, Partner
from docgen.sources.workbook.examples import example_of
from docgen.sources.workbook.read import load_workbook_models, read_workbook
from docgen.sources.workbook.write import LISTS_SHEET, write_input_workbook


def header_cells(sheet: openpyxl.worksheet.worksheet.Worksheet) -> dict[str, str]:
    """Map each header (without « *») to its column letter."""
    return {
        str(cell.value).removesuffix(" *"): cell.column_letter
        for cell in sheet[2]
        if cell.value is not None
    }


@pytest.mark.parametrize("name", sorted(MODELS))
def test_untouched_workbook_reads_back_as_the_example(tmp_path: Path, name: str) -> None:
    model = MODELS[name]
    path = tmp_path / f"{name}.xlsx"
    write_input_workbook(model, path)
    models, notices = load_workbook_models(path, model)
    assert models == [model.model_validate(example_of(model))]
    assert notices == []


def test_agreement_workbook_has_notes_dropdowns_text_formats_and_a_frozen_header(
    tmp_path: Path,
) -> None:
    path = tmp_path / "agreements.xlsx"
    write_input_workbook(Agreement, path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Договоры", "План совместных мероприятий", LISTS_SHEET]
    assert book[LISTS_SHEET].sheet_state == "hidden"
    sheet = book["Договоры"]
    columns = header_cells(sheet)
    last = get_column_letter(len(columns))
    assert [str(cells) for cells in sheet.merged_cells.ranges] == [f"A1:{last}1"]
    assert sheet.freeze_panes == "A3"
    assert {
        "Номер",
        "ИНН",
        "Руководитель: фамилия",
        "Тип учреждения",
        "Формы сотрудничества",
    } <= set(columns)
    inn = columns["ИНН"]
    assert sheet.column_dimensions[inn].number_format == "@"
    assert sheet[f"{inn}3"].value == "2204030991" and sheet[f"{inn}3"].number_format == "@"
    note = sheet[f"{columns['Номер']}2"].comment.text
    assert "«СП-2026/014»" in note and "Обязательный столбец:" in note
    assert "Пример: СП-2026/002" in note and "Поле данных: number" in note
    type_column = columns["Тип учреждения"]
    (validation,) = [
        v
        for v in sheet.data_validations.dataValidation
        if type_column in str(v.sqref) and v.type == "list"
    ]
    assert validation.type == "list"
    first, last = validation.formula1.split("!")[1].replace("$", "").split(":")
    offered = [c.value for (c,) in book[LISTS_SHEET][f"{first}:{last}"]]
    assert "музей" in offered and "СМИ" in offered and len(offered) == 13
    forms_note = sheet[f"{columns['Формы сотрудничества']}2"].comment.text
    assert "«совместные проекты»" in forms_note and "с новой строки" in forms_note
    assert not any(
        columns["Формы сотрудничества"] in str(v.sqref)
        for v in sheet.data_validations.dataValidation
    )
    date_cell = sheet[f"{columns['Дата']}3"]
    assert isinstance(date_cell.value, dt.datetime) and date_cell.number_format == "DD.MM.YYYY"
    assert 10 <= sheet.column_dimensions[columns["Полное наименование"]].width <= 50
    activities = book["План совместных мероприятий"]
    assert [c.value for c in activities[2]][:3] == ["Номер *", "Мероприятие *", "Форма"]
    assert [activities.cell(row, 1).value for row in (3, 4)] == ["СП-2026/002", "СП-2026/002"]


def test_filled_agreement_workbook_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "agreements.xlsx"
    write_input_workbook(Agreement, path)
    book = openpyxl.load_workbook(path)
    sheet, activities = book["Договоры"], book["План совместных мероприятий"]
    columns = header_cells(sheet)
    for letter in columns.values():  # the second agreement copies the example, then changes
        sheet[f"{letter}4"] = sheet[f"{letter}3"].value
    sheet[f"{columns['Номер']}4"] = "СП-2026/003"
    sheet[f"{columns['Дата']}4"] = "10.09.2026"
    sheet[f"{columns['Вид документа']}4"] = "соглашение"
    sheet[f"{columns['Формы сотрудничества']}4"] = "консультации; мастер-классы"
    sheet[f"{columns['Руководитель: фамилия']}4"] = "Иванова"
    sheet[f"{columns['Руководитель: имя']}4"] = "Ольга"
    sheet[f"{columns['Руководитель: отчество']}4"] = "Игоревна"
    activities.append(["СП-2026/003", "Мастер-класс «Роспись»", None, "март"])
    book.save(path)
    first, second = load_workbook_models(path, Agreement)[0]
    assert first == Agreement.model_validate(example_of(Agreement))
    assert second.number == "СП-2026/003" and second.kind.value == "соглашение"
    assert second.date == dt.date(2026, 9, 10)
    assert [form.value for form in second.forms] == ["консультации", "мастер-классы"]
    assert second.partner.signer.person.full_name == "Иванова Ольга Игоревна"
    assert [a.title for a in second.activities] == ["Мастер-класс «Роспись»"]
    assert second.activities[0].dates == "март"


def test_filled_partner_workbook_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "partners.xlsx"
    write_input_workbook(Partner, path)
    book = openpyxl.load_workbook(path)
    sheet = book["Партнёры"]
    columns = header_cells(sheet)
    values = {
        "Тип учреждения": "библиотека",
        "Полное наименование": "Муниципальное бюджетное учреждение культуры «ЦБС»",
        "Сокращённое наименование": "МБУК «ЦБС»",
        "ИНН": 2204030991,  # typed without the text format
        "КПП": "220401001",
        "ОГРН": "1022201246286",
        "Юридический адрес": "659300, г. Бийск, ул. Ленина, д. 1",
        "Руководитель: фамилия": "Орлова",
        "Руководитель: имя": "Нина",
        "Руководитель: должность": "директор",
        "Направления взаимодействия": "приобщение к чтению\nкраеведение",
    }
    for header, value in values.items():
        sheet[f"{columns[header]}5"] = value  # row 4 stays blank
    book.save(path)
    example, library = load_workbook_models(path, Partner)[0]
    assert example == Partner.model_validate(example_of(Partner))
    assert library.type.value == "библиотека" and library.label == "Библиотека"
    assert library.organisation.requisites.inn == "2204030991"
    assert library.directions == ["приобщение к чтению", "краеведение"]
    assert library.contact is None


def test_reading_a_generated_workbook_keeps_rows_and_sheets(tmp_path: Path) -> None:
    path = tmp_path / "a.xlsx"
    write_input_workbook(Agreement, path)
    (record,) = read_workbook(path, Agreement).records()
    assert record.where == "лист «Договоры», строка 3"
    assert record.key == "СП-2026/002"


def test_writing_needs_an_xlsx_name_and_an_existing_folder(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match=r"«\.xlsx»"):
        write_input_workbook(Partner, tmp_path / "partners.xls")
    with pytest.raises(OutputError, match=r"папки .* нет"):
        write_input_workbook(Partner, tmp_path / "нет" / "partners.xlsx")


def test_cli_sheet_writes_a_model_workbook(tmp_path: Path) -> None:
    output = tmp_path / "input.xlsx"
    result = CliRunner().invoke(cli, ["sheet", "partner", "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert f"записана таблица {output}" in result.output
    assert openpyxl.load_workbook(output).sheetnames[0] == "Партнёры"


def test_cli_sheet_rejects_an_unknown_model(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["sheet", "contrakt", "-o", str(tmp_path / "x.xlsx")])
    assert result.exit_code == 2
    assert "нет такого встроенного шаблона, модели или файла" in result.output
    assert "agreement" in result.output


def test_cli_sheet_reports_a_bad_output_path(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["sheet", "partner", "-o", str(tmp_path / "x.txt")])
    assert result.exit_code == 1
    assert "ошибка:" in result.output and "«.xlsx»" in result.output


def test_an_emptied_required_list_is_reported_with_its_sheet(tmp_path: Path) -> None:
    from docgen.models import EventRegulation

    path = tmp_path / "regulation.xlsx"
    write_input_workbook(EventRegulation, path)
    book = openpyxl.load_workbook(path)
    stages = book["Этапы и сроки"]
    stages.delete_rows(3, stages.max_row)
    book.save(path)
    (record,) = read_workbook(path, EventRegulation).records()
    described = [problem.describe() for problem in record.problems]
    assert described == [
        "лист «Положения», строка 3, «Этапы и сроки»: список не может быть пустым"
        " — добавьте строки на лист «Этапы и сроки»"
    ]


def test_a_list_sheet_without_the_key_column_belongs_to_the_only_record(tmp_path: Path) -> None:
    from docgen.models import PartnershipPlan

    path = tmp_path / "plan.xlsx"
    write_input_workbook(PartnershipPlan, path)
    book = openpyxl.load_workbook(path)
    partners = book["Партнёры и направления"]
    partners.delete_cols(1)  # the «Учебный год» key column
    partners.append(["библиотека", "МБУК «ЦБС»"])
    book.save(path)
    (plan,), _ = load_workbook_models(path, PartnershipPlan)
    assert [row.partner_type.value for row in plan.partners] == ["музей", "библиотека"]
    assert plan.partners[1].partners == ["МБУК «ЦБС»"]
