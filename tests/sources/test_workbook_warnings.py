"""Warnings, numbers Excel turned into dates, near-duplicate numbers, the row limit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from click.testing import CliRunner

from docgen.cli import cli
from docgen.engine.batch import (
    BatchOutput,
    format_batch_result,
    prepare_batch,
    run_batch,
    user_spec,
)
from docgen.engine.batch.error_report import ERROR_REPORT_NAME, HEADERS, error_workbook
from docgen.errors import InputError
from docgen.models import Agreement
from docgen.sources.workbook.grid import WorkbookFile
from docgen.sources.workbook.messages import WARNING, CellMessage
from docgen.sources.workbook.notices import notice_lines
from docgen.sources.workbook.numbers import fold_number, number_problem
from docgen.sources.workbook.read import load_workbook_models, read_workbook
from docgen.sources.workbook.write import input_workbook
from tests.sources.workbooks import write_rows

LETTER_HEADERS = ["ФИО", "Номер", "Телефон"]


def letter_template(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("Исх. № {{ Номер }}")
    document.add_paragraph("Уважаемый(ая) {{ ФИО | dative }}, благодарим вас.")
    document.save(str(path))
    return path


def report_rows(path: Path) -> tuple[str, list[tuple[Any, ...]]]:
    sheet = openpyxl.load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == HEADERS
    return sheet.title, rows[1:]


# --- warnings in the summary and in ошибки.xlsx ---


def test_a_batch_with_warnings_only_writes_documents_and_the_warnings_workbook(
    tmp_path: Path,
) -> None:
    template = letter_template(tmp_path / "письмо.docx")
    rows = [
        LETTER_HEADERS,
        ["Пaвел Иванович Сидоров", "1", "8-913-000-00-00"],  # a Latin «a»
        ["КУЗНЕЦОВА  елена викторовна", "2", None],  # tidied, nothing to check
    ]
    book = write_rows(tmp_path / "письма.xlsx", rows, "Данные")
    out = tmp_path / "письма"
    result = CliRunner().invoke(cli, ["batch", str(template), str(book), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert len(list(out.glob("*.docx"))) == 2
    output = result.output
    warnings_at = output.index("предупреждения — проверьте эти значения (1):")
    fixed_at = output.index("исправлено при чтении (1):")
    unused_at = output.index("не используется шаблоном (1):")
    assert warnings_at < fixed_at < unused_at
    warned = output[warnings_at:fixed_at]
    assert "лист «Данные», строка 2, столбец A «ФИО»" in warned and "латин" in warned
    assert "КУЗНЕЦОВА" in output[fixed_at:unused_at] and "КУЗНЕЦОВА" not in warned
    assert "строка 1, столбец C «Телефон»" in output[unused_at:]
    assert f"предупреждения (документы сделаны) — в таблице {out / ERROR_REPORT_NAME}" in output
    title, listed = report_rows(out / ERROR_REPORT_NAME)
    assert title == "Предупреждения"
    ((sheet, row, column, header, value, message, kind),) = listed
    assert (sheet, row, column, header, value) == ("Данные", 2, "A", "ФИО", rows[1][0])
    assert kind == "предупреждение" and "латин" in message


def test_errors_come_before_warnings_in_the_workbook_and_the_summary_names_both(
    tmp_path: Path,
) -> None:
    template = letter_template(tmp_path / "письмо.docx")
    rows = [
        LETTER_HEADERS,
        ["Петров Иван Сергеевна", "1", None],  # a male name with a female patronymic
        [None, "2", None],  # ФИО is printed outside any if: required
    ]
    book = write_rows(tmp_path / "письма.xlsx", rows, "Данные")
    out = tmp_path / "письма"
    job = prepare_batch(user_spec(template), book)
    result = run_batch(job, BatchOutput(out), jobs=1)
    assert result.failed and len(result.documents) == 1
    text = format_batch_result(result)
    assert f"все ошибки и предупреждения — в таблице {out / ERROR_REPORT_NAME}" in text
    title, listed = report_rows(out / ERROR_REPORT_NAME)
    assert title == "Ошибки"
    assert [(row[1], row[2], row[6]) for row in listed] == [
        (3, "A", "ошибка"),
        (2, "A", "предупреждение"),
    ]
    assert "отчество «Сергеевна» — женское" in listed[1][5]
    sheet = openpyxl.load_workbook(out / ERROR_REPORT_NAME).active
    fills = [sheet.cell(row, 7).fill.fgColor.rgb for row in (2, 3)]
    assert fills[0] != fills[1] and fills[1].endswith("FFF2CC")  # the warning row is shaded


def test_the_summary_lists_each_kind_in_its_own_section_up_to_the_limit() -> None:
    notices = [
        CellMessage("Л", f"проверьте {n}", n, "B", "ФИО", kind=WARNING) for n in range(2, 6)
    ] + [CellMessage("Л", "«а» → «А»: исправлено", 7, "B", "ФИО")]
    lines = notice_lines(notices, limit=2)
    assert lines == [
        "предупреждения — проверьте эти значения (4):",
        "  - лист «Л», строка 2, столбец B «ФИО»: проверьте 2",
        "  - лист «Л», строка 3, столбец B «ФИО»: проверьте 3",
        "  … и ещё 2",
        "исправлено при чтении (1):",
        "  - лист «Л», строка 7, столбец B «ФИО»: «а» → «А»: исправлено",
    ]


def test_the_error_workbook_is_the_same_bytes_for_the_same_messages() -> None:
    messages = [CellMessage("Договоры", "проверьте", 3, "A", "Номер", "сп-1", kind=WARNING)]
    assert error_workbook(messages) == error_workbook(list(messages))


# --- agreement numbers: near-duplicates and dates ---


def agreement_book(path: Path, numbers: Sequence[Any]) -> Path:
    """Write the agreements workbook ``docgen sheet agreement`` makes, one row per number."""
    book = input_workbook(Agreement)
    sheet = book.worksheets[0]
    headers = [str(cell.value).removesuffix(" *") for cell in sheet[2]]
    example = [cell.value for cell in sheet[3]]
    sheet.delete_rows(3, sheet.max_row)
    at = headers.index("Номер")
    for number in numbers:
        row = list(example)
        row[at] = number
        sheet.append(row)
    activities = book.worksheets[1]
    first = [cell.value for cell in activities[3]]
    activities.delete_rows(3, activities.max_row)
    for number in numbers:
        activities.append([number, *first[1:]])
    book.save(path)
    return path


def test_numbers_differing_only_in_case_spaces_or_dashes_are_warnings(tmp_path: Path) -> None:
    numbers = ["СП-2026/001", "СП-2026/002", "сп-2026/001 ", "№ СП–2026/002"]
    path = agreement_book(tmp_path / "договоры.xlsx", numbers)
    models, notices = load_workbook_models(path, Agreement)
    assert len(models) == 4  # each is still a document of its own
    warnings = [n for n in notices if n.kind == WARNING]
    assert [(n.row, n.column, n.header) for n in warnings] == [
        (5, "C", "Номер *"),
        (6, "C", "Номер *"),
    ]
    first, second = (n.describe() for n in warnings)
    assert first.startswith("лист «Договоры», строка 5, столбец C «Номер *»: «сп-2026/001")
    assert "почти совпадает с «СП-2026/001» в строке 3" in first
    assert "почти совпадает с «СП-2026/002» в строке 4" in second


def test_the_same_number_twice_is_one_record_not_a_warning(tmp_path: Path) -> None:
    path = agreement_book(tmp_path / "договоры.xlsx", ["СП-2026/001", "СП-2026/001"])
    with read_workbook(path, Agreement) as reading:
        assert len(reading) == 1
        assert not [n for n in reading.notices if n.kind == WARNING]


def test_near_duplicates_fold_case_spaces_number_signs_dashes_and_latin_letters() -> None:
    assert fold_number("СП-2026/001") == fold_number(" сп – 2026 / 001 ")
    assert fold_number("№СП-2026/001") == fold_number("CП-2026/001")  # a Latin «C»
    assert fold_number("СП-2026/001") != fold_number("СП-2026/010")


@pytest.mark.parametrize(
    "number",
    [dt.datetime(2026, 12, 1), "ДОГОВОР № 01.12.2026", "01.12.2026", "2026-12-01 00:00:00"],
)
def test_a_number_excel_turned_into_a_date_is_refused_with_advice(
    tmp_path: Path, number: Any
) -> None:
    path = agreement_book(tmp_path / "договоры.xlsx", ["СП-2026/001", number])
    with pytest.raises(InputError) as error:
        load_workbook_models(path, Agreement)
    message = str(error.value)
    assert "1 ошибка в таблице" in message
    assert "лист «Договоры», строка 4, столбец C «Номер *»: «" in message
    assert "Excel превратил номер в дату" in message
    assert "«Текстовый»" in message and "впишите номер заново" in message


def test_numbers_that_only_hold_a_date_like_part_pass() -> None:
    assert number_problem("СП-01.12.2026/1") is None
    assert number_problem("12.10") is None
    assert number_problem("2026/001") is None
    assert number_problem("2026-12-01") is None  # year, month, order: may be meant


# --- the row limit ---


def test_a_sheet_over_the_row_limit_is_refused_while_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [LETTER_HEADERS, *([f"Иванов Иван {n}", str(n), None] for n in range(1, 51))]
    book = write_rows(tmp_path / "письма.xlsx", rows, "Данные")
    model = user_spec(letter_template(tmp_path / "письмо.docx")).data_model()
    read_rows = 0
    rows_of = WorkbookFile.rows

    def counted(self: WorkbookFile, *args: Any) -> Iterator[tuple[int, list[Any]]]:
        nonlocal read_rows
        for row in rows_of(self, *args):
            read_rows += 1
            yield row

    monkeypatch.setattr(WorkbookFile, "rows", counted)
    with pytest.raises(InputError) as error:
        read_workbook(book, model, max_rows=10)
    assert str(error.value) == (
        f"{book}: на листе «Данные» больше 10 строк с данными, а за один раз можно не больше "
        "10; разделите таблицу на части"
    )
    assert read_rows == 11  # stopped at the row past the limit, the other 39 never read


def test_a_sheet_at_the_row_limit_is_read(tmp_path: Path) -> None:
    rows = [LETTER_HEADERS, *([f"Иванов Иван {n}", str(n), None] for n in range(1, 11))]
    book = write_rows(tmp_path / "письма.xlsx", [*rows, [None] * 3, [None] * 3], "Данные")
    spec = user_spec(letter_template(tmp_path / "письмо.docx"))
    job = prepare_batch(spec, book, max_rows=10)  # blank rows below do not count
    assert len(job) == 10


def test_a_list_row_naming_a_number_nearly_known_suggests_it(tmp_path: Path) -> None:
    path = agreement_book(tmp_path / "договоры.xlsx", ["СП-2026/001"])
    book = openpyxl.load_workbook(path)
    activities = book.worksheets[1]
    activities.append(["сп-2026/001", *[cell.value for cell in activities[3]][1:]])
    book.save(path)
    with pytest.raises(InputError) as error:
        load_workbook_models(path, Agreement)
    assert (
        f"лист «{activities.title}», строка 4, столбец A «Номер *»: «сп-2026/001» — нет "
        "записи с таким значением на листе «Договоры»; возможно, имелось в виду «СП-2026/001» "
        "или добавьте запись"
    ) in str(error.value)
