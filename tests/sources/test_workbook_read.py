"""Workbooks as people really fill them read into models; every bad cell is named at once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from pydantic import Field

from docgen.errors import InputError
from docgen.models import Agreement, DocModel, Partner
from docgen.models.requisites import inn_check_digits, ogrn_check_digit
from docgen.sources.workbook.read import load_workbook_models, read_workbook
from tests.sources.workbooks import make_workbook


def inn10(head: str) -> str:
    return head + inn_check_digits(head)


def ogrn13(head: str) -> str:
    return head + ogrn_check_digit(head)


MUSEUM = ["музей", "Городской музей «Наследие»", "МБУК «Музей «Наследие»»"]
ADDRESS = "659303, Алтайский край, г. Бийск, ул. Льва Толстого, д. 144"
SIGNER = ["Черных", "Андрей", "Петрович", "директор"]
SUBJECT = "сотрудничество в воспитании обучающихся"
ZERO_INN = inn10("010500123")  # a region 01 ИНН: Excel drops its leading zero
ZERO_OGRN = ogrn13("102010000001")

MESSY_HEADER = [
    "№ п/п",
    " Номер* ",
    "Дата:",
    "Тип учреждения",
    "Наименование полное:",
    "Сокращенное наименование",
    "  ИНН* ",
    "КПП",
    "ОГРН",
    "юридический адрес",
    "РУКОВОДИТЕЛЬ: ФАМИЛИЯ",
    "Руководитель — имя",
    "Руководитель:отчество",
    "Руководитель: должность",
    "Предмет",
    "Формы сотрудничества",
]


def messy_agreements(tmp_path: Path) -> Path:
    """A title row over merged cells, odd headers, numbers for ИНН, blank rows, two bad rows."""
    good = [
        1,
        "СП-1",
        dt.datetime(2026, 9, 1),
        *MUSEUM,
        2204030991,
        220401001,
        1022201246286,
        ADDRESS,
        *SIGNER,
        SUBJECT,
        "договоры",
    ]
    zero = [
        2,
        "СП-2",
        "05.09.2026",
        "музей",
        "Музей Адыгеи",
        "Музей",
        int(ZERO_INN),
        "010501001",
        ZERO_OGRN,
        ADDRESS,
        *SIGNER,
        SUBJECT,
        "договоры;\nконсультации",
    ]
    bad_inn = [
        3,
        "СП-3",
        "06.09.2026",
        *MUSEUM,
        "2204021668",
        "220401001",
        "1022201246286",
        ADDRESS,
        *SIGNER,
        SUBJECT,
        None,
    ]
    no_subject = [
        4,
        "СП-4",
        "07.09.2026",
        *MUSEUM,
        "2204030991",
        "220401001",
        "1022201246286",
        ADDRESS,
        *SIGNER,
        None,
        "договоры",
    ]
    rows = [
        ["Договоры о сотрудничестве на 2026–2027 учебный год"],
        [],
        MESSY_HEADER,
        good,
        [],
        zero,
        bad_inn,
        [None, "   "],
        no_subject,
    ]
    return make_workbook(tmp_path / "messy.xlsx", {"Лист1": rows}, {"Лист1": ["A1:P1"]})


def test_messy_workbook_gives_good_records_and_names_every_bad_cell(tmp_path: Path) -> None:
    reading = read_workbook(messy_agreements(tmp_path), Agreement)
    records = list(reading.records())
    assert [record.rows for record in records] == [(4,), (6,), (7,), (9,)]
    first, second, bad_inn, no_subject = records
    assert first.model is not None and second.model is not None
    assert first.model.date == dt.date(2026, 9, 1)
    assert first.model.partner.organisation.requisites.inn == "2204030991"
    assert first.model.partner.organisation.full_name == "Городской музей «Наследие»"
    assert first.model.partner.signer.person.last_name == "Черных"
    assert second.model.date == dt.date(2026, 9, 5)
    assert second.model.partner.organisation.requisites.inn == ZERO_INN
    assert [form.value for form in second.model.forms] == ["договоры", "консультации"]
    (notice,) = second.notices
    assert (notice.sheet, notice.row, notice.column) == ("Лист1", 6, "G")
    assert "ведущий ноль" in notice.describe() and ZERO_INN in notice.describe()
    assert bad_inn.model is None and no_subject.model is None
    (inn_problem,) = bad_inn.problems
    assert inn_problem.describe().startswith("лист «Лист1», строка 7, столбец G «ИНН*»: ")
    assert "контрольная цифра" in inn_problem.message
    (subject_problem,) = no_subject.problems
    assert subject_problem.describe() == (
        "лист «Лист1», строка 9, столбец O «Предмет»: обязательное поле не заполнено"
        " — заполните ячейку"
    )


def test_whole_workbook_error_lists_every_problem_at_once(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        load_workbook_models(messy_agreements(tmp_path), Agreement)
    message = str(caught.value)
    assert message.startswith(f"{tmp_path / 'messy.xlsx'}: 2 ошибки в таблице:")
    assert "строка 7, столбец G «ИНН*»: ИНН 2204021668: неверная контрольная цифра" in message
    assert "строка 9, столбец O «Предмет»: обязательное поле не заполнено" in message


def header_and(*rows: list[Any]) -> list[list[Any]]:
    header = [
        "Номер",
        "Дата",
        "Тип учреждения",
        "Полное наименование",
        "Сокращённое наименование",
        "ИНН",
        "КПП",
        "ОГРН",
        "Юридический адрес",
        "Руководитель: фамилия",
        "Руководитель: имя",
        "Руководитель: отчество",
        "Руководитель: должность",
        "Предмет",
    ]
    return [header, *rows]


def agreement_row(number: str, inn: str = "2204030991") -> list[Any]:
    return [
        number,
        "01.09.2026",
        *MUSEUM,
        inn,
        "220401001",
        "1022201246286",
        ADDRESS,
        *SIGNER,
        SUBJECT,
    ]


def test_list_rows_on_a_second_sheet_join_their_record_by_key(tmp_path: Path) -> None:
    activities = [
        ["Номер", "Мероприятие", "Сроки", "Начало"],
        ["СП-1", "Экскурсия", "октябрь", "14.10.2026"],
        [None, "Выставка", "ноябрь", None],  # a blank key: the same as above
        ["СП-2", "Акция", "май", None],
        ["СП-9", "Лишнее", "июнь", None],
    ]
    path = make_workbook(
        tmp_path / "two-sheets.xlsx",
        {
            "Договоры": header_and(agreement_row("СП-1"), agreement_row("СП-2")),
            "План совместных мероприятий": activities,
        },
    )
    reading = read_workbook(path, Agreement)
    first, second = (record.model for record in reading.records())
    assert first is not None and second is not None
    assert [a.title for a in first.activities] == ["Экскурсия", "Выставка"]
    assert first.activities[0].start == dt.date(2026, 10, 14)
    assert [a.title for a in second.activities] == ["Акция"]
    (orphan,) = reading.problems
    assert orphan.describe().startswith(
        "лист «План совместных мероприятий», строка 5, столбец A «Номер»: «СП-9» — нет записи"
    )


def test_one_record_spans_rows_sharing_its_key_on_the_same_sheet(tmp_path: Path) -> None:
    header = [*header_and()[0], "Мероприятие", "Сроки"]
    rows = [
        header,
        [*agreement_row("СП-1"), "Экскурсия", "октябрь"],
        [None] * 14 + ["Выставка", "ноябрь"],  # only list columns: continues the record
        [*agreement_row("СП-2"), "Акция", "май"],
        [*agreement_row("СП-1"), "Концерт", "декабрь"],  # the same key again
    ]
    path = make_workbook(tmp_path / "rows.xlsx", {"Лист1": rows})
    first, second = list(read_workbook(path, Agreement).records())
    assert first.rows == (2, 3, 5) and second.rows == (4,)
    assert first.model is not None
    assert [a.title for a in first.model.activities] == ["Экскурсия", "Выставка", "Концерт"]


def test_rows_of_one_record_that_disagree_are_reported(tmp_path: Path) -> None:
    header = [*header_and()[0], "Мероприятие", "Сроки"]
    changed = agreement_row("СП-1")
    changed[13] = "другой предмет"
    rows = [header, [*agreement_row("СП-1"), "Экскурсия", "октябрь"], [*changed, "Акция", "май"]]
    path = make_workbook(tmp_path / "conflict.xlsx", {"Лист1": rows})
    (record,) = read_workbook(path, Agreement).records()
    (problem,) = record.problems
    assert problem.describe() == (
        "лист «Лист1», строка 3, столбец N «Предмет»: «другой предмет» — в строке 2 та же "
        f"запись («СП-1») записана иначе: «{SUBJECT}»; исправьте одну из строк"
    )


def test_merged_data_cells_apply_to_every_row_they_cover(tmp_path: Path) -> None:
    rows = header_and(agreement_row("СП-1"), agreement_row("СП-2"))
    rows[2][2] = None  # «Тип учреждения» of the second row is under a merged cell
    path = make_workbook(tmp_path / "merged.xlsx", {"Лист1": rows}, {"Лист1": ["C2:C3"]})
    models, _ = load_workbook_models(path, Agreement)
    assert [model.partner.type.value for model in models] == ["музей", "музей"]


def test_a_group_header_over_merged_cells_prefixes_the_headers_below(tmp_path: Path) -> None:
    header = header_and()[0]
    group = [None] * 9 + ["Руководитель", None, None, None, None]
    header[9:13] = ["Фамилия", "Имя", "Отчество", "Должность"]
    rows = [["Партнёры"], group, header, agreement_row("СП-1")]
    path = make_workbook(tmp_path / "group.xlsx", {"Лист1": rows}, {"Лист1": ["J2:M2"]})
    (model,), _ = load_workbook_models(path, Agreement)
    assert model.partner.signer.person.first_name == "Андрей"
    assert model.partner.signer.position == "директор"


def test_a_whole_name_in_one_cell(tmp_path: Path) -> None:
    header = [
        "Тип учреждения",
        "Полное наименование",
        "Сокращённое наименование",
        "ИНН",
        "КПП",
        "ОГРН",
        "Юридический адрес",
        "Руководитель: ФИО",
        "Руководитель: пол",
        "Руководитель: должность",
    ]
    row = [
        *MUSEUM,
        "2204030991",
        "220401001",
        "1022201246286",
        ADDRESS,
        "Черных Андрей Петрович",
        "м",
        "директор",
    ]
    path = make_workbook(tmp_path / "fio.xlsx", {"Партнёры": [header, row]})
    (partner,), _ = load_workbook_models(path, Partner)
    person = partner.signer.person
    assert (person.last_name, person.first_name, person.middle_name) == (
        "Черных",
        "Андрей",
        "Петрович",
    )
    assert person.gender == "m"


def test_unknown_and_missing_columns_are_reported_before_any_row(tmp_path: Path) -> None:
    header = header_and()[0]
    header[7] = "ОГРНН"  # a typo: the required ОГРН is then missing too
    header.append("Директр")
    path = make_workbook(tmp_path / "bad-headers.xlsx", {"Лист1": [header, agreement_row("1")]})
    with pytest.raises(InputError) as caught:
        read_workbook(path, Agreement)
    message = str(caught.value)
    assert (
        "строка 1, столбец H «ОГРНН»: заголовок не распознан; возможно, имелось в виду «ОГРН»"
        in message
    )
    assert "строка 1, столбец O «Директр»: заголовок не распознан" in message
    assert "лист «Лист1», строка 1, «ОГРН»: нет обязательного столбца" in message


def test_a_workbook_without_the_table_says_what_it_expects(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "other.xlsx", {"Лист1": [["Город", "Население"], ["Бийск", 1]]})
    with pytest.raises(
        InputError, match=r"не найдена строка заголовков.*«ИНН».*docgen sheet partner"
    ):
        read_workbook(path, Partner)


def test_hidden_and_unrelated_sheets_are_skipped(tmp_path: Path) -> None:
    path = make_workbook(
        tmp_path / "extra.xlsx",
        {
            "Списки": [["Тип учреждения"], ["музей"]],
            "Договоры": header_and(agreement_row("СП-1")),
            "Заметки": [["Позвонить в музей"]],
            "Лист2": [],
        },
        hidden=("Списки",),
    )
    reading = read_workbook(path, Agreement)
    assert len(reading) == 1
    assert [notice.sheet for notice in reading.notices] == ["Заметки"]


def test_values_are_cleaned_and_typed(tmp_path: Path) -> None:
    header = [*header_and()[0], "Вид документа", "Раздел о персональных данных", "Экземпляров"]
    row = [*agreement_row("  СП-7 "), "Соглашение", "нет", "3"]
    row[5] = 2204030991.0  # a float, as some programs store whole numbers
    path = make_workbook(tmp_path / "typed.xlsx", {"Лист1": [header, row]})
    (model,), notices = load_workbook_models(path, Agreement)
    assert model.number == "СП-7"
    assert model.kind.value == "соглашение"
    assert model.personal_data is False and model.copies == 3
    assert model.partner.organisation.requisites.inn == "2204030991"
    assert notices == []


def test_a_missing_file_and_a_non_xlsx_file_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="файл не найден"):
        read_workbook(tmp_path / "нет.xlsx", Partner)
    fake = tmp_path / "fake.xlsx"
    fake.write_text("не таблица", encoding="utf-8")
    with pytest.raises(InputError, match="не удаётся прочитать как книгу Excel"):
        read_workbook(fake, Partner)
    old = tmp_path / "old.xls"
    old.write_bytes(b"")
    with pytest.raises(InputError, match="сохраните таблицу как «Книга Excel"):
        read_workbook(old, Partner)


def test_the_workbook_api_is_exported_by_the_sources_package() -> None:
    import docgen.sources as sources
    from docgen.sources.workbook import read as workbook_read

    assert sources.read_workbook is workbook_read.read_workbook
    assert sources.load_workbook_models is workbook_read.load_workbook_models
    assert {"read_workbook", "write_input_workbook", "template_model"} <= set(sources.__all__)
    with pytest.raises(AttributeError):
        _ = sources.no_such_name


def test_problems_of_list_items_and_of_field_groups_name_their_cells(tmp_path: Path) -> None:
    no_kpp = agreement_row("СП-2")
    no_kpp[6] = None
    wrong_type = agreement_row("СП-3")
    wrong_type[2] = "театр"
    activities = [["Номер", "Мероприятие", "Сроки"], ["СП-1", "Экскурсия", None]]
    path = make_workbook(
        tmp_path / "items.xlsx",
        {
            "Договоры": header_and(agreement_row("СП-1"), no_kpp, wrong_type),
            "План совместных мероприятий": activities,
        },
    )
    described = [
        problem.describe()
        for record in read_workbook(path, Agreement).records()
        for problem in record.problems
    ]
    assert described[0] == (
        "лист «План совместных мероприятий», строка 2, столбец C «Сроки»: "
        "обязательное поле не заполнено — заполните ячейку"
    )
    assert described[1] == (
        "лист «Договоры», строка 3, столбцы F–I «Реквизиты»: "
        "у организации (ИНН из 10 цифр) должен быть указан КПП"
    )
    assert described[2].startswith("лист «Договоры», строка 4, столбец C «Тип учреждения»: «театр»")
    assert described[2].endswith("«СМИ» — выберите значение из списка")
    assert len(described) == 3


class Aliased(DocModel):
    """A model whose data key differs from its field name."""

    short: str = Field(alias="short_name", title="Кратко", description="Для проверки.")


@pytest.mark.parametrize("header", ["Кратко", "short", "short_name"])
def test_headers_may_be_a_field_title_name_or_alias(tmp_path: Path, header: str) -> None:
    path = make_workbook(tmp_path / "alias.xlsx", {"Лист1": [[header], ["МБУК «ЦБС»"]]})
    (model,), _ = load_workbook_models(path, Aliased)
    assert model.short == "МБУК «ЦБС»"
