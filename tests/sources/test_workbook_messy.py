"""Workbooks as people keep them: extra columns, formulas, formats, copies, hidden sheets."""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from docgen.errors import InputError
from docgen.models import Agreement
from docgen.sources.workbook.layout import record_index
from docgen.sources.workbook.read import load_workbook_models, read_workbook
from docgen.sources.workbook.template import Variable, template_model
from docgen.sources.workbook.values import CellText
from tests.sources.workbooks import make_workbook

LETTER = [
    Variable(("Номер",), "Исх. № {{ Номер }}"),
    Variable(("ФИО",), "{{ ФИО | dative }}", ("dative",)),
    Variable(("Дата",), "от {{ Дата | date_text }}", ("date_text",)),
    Variable(("Сумма",), "{{ Сумма | sum_words }}", ("sum_words",)),
    Variable(("Телефон",), "{% if Телефон %}тел. {{ Телефон }}{% endif %}"),
    Variable(("Доля",), "{% if Доля %}{{ Доля }}{% endif %}"),
]
HEADERS = ["Номер", "ФИО", "Дата", "Сумма", "Телефон", "Доля"]


def letter_rows(*rows: list[Any], extra: Sequence[str] = ()) -> list[list[Any]]:
    return [[*HEADERS, *extra], *map(list, rows)]


def test_a_column_no_tag_uses_is_left_out_with_a_notice(tmp_path: Path) -> None:
    rows = letter_rows(
        ["1", "Петрова Мария Сергеевна", "20.11.2026", 1500, None, None, "8-913", "7 «Б»"],
        extra=["Эл. почта", "Класс"],
    )
    path = make_workbook(tmp_path / "письма.xlsx", {"Данные": rows})
    (letter,), notices = load_workbook_models(path, template_model(LETTER))
    assert letter.model_dump()["ФИО"] == "Петрова Мария Сергеевна"
    unused = [n.describe() for n in notices if "не используется шаблоном" in n.message]
    assert unused == [
        "лист «Данные», строка 1, столбец G «Эл. почта»: столбец не используется шаблоном — в "
        "документы не попадает",
        "лист «Данные», строка 1, столбец H «Класс»: столбец не используется шаблоном — в "
        "документы не попадает",
    ]


def test_a_header_one_typo_from_a_tag_is_refused_with_the_suggestion(tmp_path: Path) -> None:
    rows = [["Номер", "ФИО", "Дата", "Суммма"], ["1", "Петрова Мария Сергеевна", "20.11.2026", 5]]
    path = make_workbook(tmp_path / "письма.xlsx", {"Данные": rows})
    with pytest.raises(InputError) as caught:
        load_workbook_models(path, template_model(LETTER))
    assert (
        "лист «Данные», строка 1, столбец D «Суммма»: заголовок не распознан; возможно, "
        "имелось в виду «Сумма»" in str(caught.value)
    )


def test_suggestions_never_point_at_an_unrelated_field() -> None:
    index = record_index(Agreement)
    assert index.suggest("Дата доверености") == "Дата доверенности"
    assert index.suggest("Дата договора") != "Дата доверенности"
    assert index.match("Дата договора").target == index.match("Дата").target


def test_every_problem_of_a_row_is_named_by_its_cell(tmp_path: Path) -> None:
    rows = letter_rows(["1", None, "завтра", "много", None, None])
    path = make_workbook(tmp_path / "письма.xlsx", {"Данные": rows})
    with pytest.raises(InputError) as caught:
        load_workbook_models(path, template_model(LETTER))
    text = str(caught.value)
    assert "3 ошибки" in text
    assert "лист «Данные», строка 2, столбец B «ФИО»: обязательное поле не заполнено" in text
    assert "строка 2, столбец C «Дата»: «завтра» — ожидается дата: ДД.ММ.ГГГГ" in text
    assert "строка 2, столбец D «Сумма»: «много» — ожидается число" in text


def test_a_formula_never_calculated_is_reported_also_in_an_optional_cell(tmp_path: Path) -> None:
    rows = letter_rows(["1", "Петрова Мария Сергеевна", "20.11.2026", 10, '="8-"&A2', None])
    path = make_workbook(tmp_path / "письма.xlsx", {"Данные": rows})  # openpyxl stores no value
    with pytest.raises(InputError) as caught:
        load_workbook_models(path, template_model(LETTER))
    assert (
        'лист «Данные», строка 2, столбец E «Телефон»: «="8-"&A2» — в ячейке формула без '
        "вычисленного значения" in str(caught.value)
    )
    assert "откройте файл в Excel или LibreOffice и сохраните его" in str(caught.value)


def test_numbers_read_as_the_spreadsheet_shows_them(tmp_path: Path) -> None:
    rows = letter_rows(["1", "Петрова Мария Сергеевна", "20.11.2026", 1234.5, None, 0.125])
    path = make_workbook(tmp_path / "письма.xlsx", {"Данные": rows})
    book = openpyxl.load_workbook(path)
    book["Данные"]["D2"].number_format = "#,##0.00"
    book["Данные"]["F2"].number_format = "0.0%"
    book.save(path)
    (letter,), _ = load_workbook_models(path, template_model(LETTER))
    total, share, day = letter.Сумма, letter.Доля, letter.Дата  # type: ignore[attr-defined]
    assert (str(total), total.raw_value) == ("1\u00a0234,50", 1234.5)
    assert (str(share), share.raw_value) == ("12,5\u00a0%", 0.125)
    assert isinstance(day, CellText) and str(day) == "20.11.2026"
    assert day.raw_value.isoformat() == "2026-11-20"


def test_a_typed_sum_keeps_its_text_and_carries_its_number(tmp_path: Path) -> None:
    rows = letter_rows(["1", "Петрова Мария Сергеевна", "20.11.2026", "1 500,50 руб.", None, None])
    path = make_workbook(tmp_path / "письма.xlsx", {"Данные": rows})
    (letter,), _ = load_workbook_models(path, template_model(LETTER))
    assert letter.Сумма.raw_value == Decimal("1500.50")  # type: ignore[attr-defined]


def test_names_are_tidied_as_read_and_listed(tmp_path: Path) -> None:
    rows = letter_rows(["1", "КУЗНЕЦОВА  елена викторовна", "20.11.2026", 1, None, None])
    path = make_workbook(tmp_path / "письма.xlsx", {"Данные": rows})
    (letter,), notices = load_workbook_models(path, template_model(LETTER))
    assert letter.model_dump()["ФИО"] == "Кузнецова Елена Викторовна"
    (fixed,) = [n for n in notices if n.column == "B"]
    assert fixed.describe().startswith("лист «Данные», строка 2, столбец B «ФИО»:")
    assert "«КУЗНЕЦОВА  елена викторовна» → «Кузнецова Елена Викторовна»" in fixed.message


def test_latin_letters_and_a_contradictory_gender_are_warnings(tmp_path: Path) -> None:
    rows = letter_rows(
        ["1", "Пaвел Иванович Сидоров", "20.11.2026", 1, None, None],
        ["2", "Петров Иван Сергеевна", "20.11.2026", 1, None, None],
    )
    path = make_workbook(tmp_path / "письма.xlsx", {"Данные": rows})
    _, notices = load_workbook_models(path, template_model(LETTER))
    warnings = {n.row: n.message for n in notices if n.kind == "предупреждение"}
    assert "латин" in warnings[2]
    assert "отчество «Сергеевна» — женское" in warnings[3]


def test_a_stale_copy_placed_first_is_reported_not_used(tmp_path: Path) -> None:
    old = letter_rows(["1", "Старая Анна Петровна", "01.11.2026", 1, None, None])
    new = letter_rows(["1", "Петрова Мария Сергеевна", "20.11.2026", 1, None, None])
    path = make_workbook(tmp_path / "письма.xlsx", {"Данные (2)": old, "Данные": new})
    (letter,), notices = load_workbook_models(path, template_model(LETTER))
    assert letter.model_dump()["ФИО"] == "Петрова Мария Сергеевна"
    assert any(
        n.sheet == "Данные (2)" and "та же таблица, что на листе «Данные»" in n.message
        for n in notices
    )


def test_two_copies_neither_named_as_the_table_are_refused(tmp_path: Path) -> None:
    rows = letter_rows(["1", "Петрова Мария Сергеевна", "20.11.2026", 1, None, None])
    path = make_workbook(tmp_path / "письма.xlsx", {"Лист1": rows, "Лист1 (2)": rows})
    with pytest.raises(InputError, match="есть на нескольких листах"):
        load_workbook_models(path, template_model(LETTER))


def test_a_hidden_data_sheet_is_reported(tmp_path: Path) -> None:
    rows = letter_rows(["1", "Петрова Мария Сергеевна", "20.11.2026", 1, None, None])
    path = make_workbook(tmp_path / "письма.xlsx", {"Данные": rows, "Заметки": [["текст"]]})
    book = openpyxl.load_workbook(path)
    book["Данные"].sheet_state = "hidden"
    book.save(path)
    with pytest.raises(InputError) as caught:
        load_workbook_models(path, template_model(LETTER))
    assert "лист «Данные»: лист скрыт, а в нём эта таблица — покажите его" in str(caught.value)


def test_an_encrypted_workbook_says_it_is_password_protected(tmp_path: Path) -> None:
    path = tmp_path / "секрет.xlsx"  # the start of an encrypted package (an OLE container)
    path.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptedPackage".encode("utf-16-le")
    )
    with pytest.raises(InputError, match="книга защищена паролем"):
        read_workbook(path, template_model(LETTER))


def test_a_damaged_deflate_stream_is_a_clear_error(tmp_path: Path) -> None:
    rows = letter_rows(*(["1", "Петрова Мария Сергеевна", "20.11.2026", 1, None, None],) * 50)
    good = make_workbook(tmp_path / "целая.xlsx", {"Данные": rows})
    damaged = tmp_path / "битая.xlsx"
    with zipfile.ZipFile(good) as source:
        info = source.getinfo("xl/worksheets/sheet1.xml")
    data = bytearray(good.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for offset in range(start + 20, start + 60):
        data[offset] ^= 0x5A
    damaged.write_bytes(bytes(data))
    with pytest.raises(InputError) as caught:
        load_workbook_models(damaged, template_model(LETTER))
    assert "битая.xlsx" in str(caught.value)
    assert "сохраните" in str(caught.value)
