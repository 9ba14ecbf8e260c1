"""Model fields map to readable Russian column headers, and headers match as people type them."""

from __future__ import annotations

import pytest

from docgen.models import MODELS, Agreement, Centre, Partner
from docgen.sources.workbook.columns import Kind, layout_of
from docgen.sources.workbook.headers import display_headers, normalise, word_bag
from docgen.sources.workbook.layout import RECORD, column_at, list_index, record_index


def headers(model: type) -> dict[str, str]:
    return {column.dotted: column.header for column in layout_of(model).columns}


def test_nested_fields_get_parent_and_child_titles_only_where_needed() -> None:
    partner = headers(Partner)
    assert partner["signer.person.last_name"] == "Руководитель: фамилия"
    assert partner["contact.person.last_name"] == "Контактное лицо: фамилия"
    assert partner["signer.position"] == "Руководитель: должность"
    assert partner["organisation.requisites.phone"] == "Организация: телефон"
    assert partner["organisation.requisites.inn"] == "ИНН"
    assert partner["organisation.full_name"] == "Полное наименование"
    # the centre has one person only, so no prefix is needed
    assert headers(Centre)["director.person.last_name"] == "Фамилия"


def test_every_header_of_every_model_is_unique() -> None:
    for model in MODELS.values():
        layout = layout_of(model)
        groups = [layout.columns, *(group.columns for group in layout.lists)]
        for columns in groups:
            shown = [normalise(column.header) for column in columns]
            assert len(shown) == len(set(shown)), model


def test_kinds_requisites_and_choices_come_from_the_field_types() -> None:
    columns = {column.dotted: column for column in layout_of(Agreement).columns}
    assert columns["date"].kind is Kind.DATE and columns["date"].required
    assert columns["partner.organisation.requisites.inn"].requisite == "inn"
    assert columns["partner.organisation.requisites.bank.account"].requisite == "account"
    assert columns["partner.type"].kind is Kind.CHOICE
    assert "музей" in columns["partner.type"].choices
    assert columns["forms"].many and "договоры" in columns["forms"].choices
    assert columns["term.auto_prolongation"].kind is Kind.BOOLEAN
    assert columns["copies"].kind is Kind.INTEGER and columns["copies"].default == "2"
    assert columns["financial.amount"].kind is Kind.DECIMAL
    assert columns["partner.signer.person.gender"].choices == ("м", "ж")
    # an optional section's required field is not required for the record
    assert not columns["partner.contact.person.last_name"].required


def test_a_list_of_sub_models_is_a_group_joined_by_the_key() -> None:
    layout = layout_of(Agreement)
    assert layout.key is not None and layout.key.dotted == "number"
    (activities,) = layout.lists
    assert activities.path == ("activities",)
    assert activities.title == "План совместных мероприятий"
    assert [c.header for c in activities.columns if c.required] == ["Мероприятие", "Сроки"]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("  ИНН* ", "partner.organisation.requisites.inn"),
        ("инн:", "partner.organisation.requisites.inn"),
        ("Наименование полное:", "partner.organisation.full_name"),
        ("Сокращенное  наименование", "partner.organisation.short_name"),
        ("РУКОВОДИТЕЛЬ — ФАМИЛИЯ", "partner.signer.person.last_name"),
        ("Руководитель:фамилия *", "partner.signer.person.last_name"),
        ("Подписант: фамилия", "partner.signer.person.last_name"),
        ("partner.signer.person.last_name", "partner.signer.person.last_name"),
        ("Организация: реквизиты: ИНН", "partner.organisation.requisites.inn"),
        ("Руководитель: ФИО", "partner.signer.person"),
    ],
)
def test_headers_match_however_they_are_typed(typed: str, expected: str) -> None:
    match = record_index(Agreement).match(typed)
    assert match.target is not None and match.target[0] == RECORD
    assert column_at(layout_of(Agreement), match.target).dotted == expected


def test_an_ambiguous_header_names_its_candidates() -> None:
    match = record_index(Partner).match("Фамилия")
    assert match.target is None
    shown = {record_index(Partner).shown(target) for target in match.ambiguous}
    assert shown == {"Руководитель: фамилия", "Контактное лицо: фамилия"}


def test_a_misspelt_header_gets_a_suggestion() -> None:
    assert record_index(Partner).match("Руководитль: фамилия").target is None
    assert record_index(Partner).suggest("Руководитль: фамилия") == "Руководитель: фамилия"


def test_list_sheet_knows_the_key_and_the_list_columns_only() -> None:
    index = list_index(Agreement, 0)
    key = index.match("Номер")
    assert key.target is not None and key.target[0] == RECORD
    title = index.match("мероприятие")
    assert title.target == (0, 0)
    assert index.match("ИНН").target is None


def test_display_headers_prefix_a_clash_with_the_key_by_the_list_title() -> None:
    shown = display_headers(
        [("Название",), ("Возраст от",)], reserved=["Название"], context="Группы"
    )
    assert shown == ["Группы: название", "Возраст от"]


def test_word_bag_ignores_order_case_and_punctuation() -> None:
    assert word_bag("Наименование полное:") == word_bag("Полное наименование")
    assert normalise("  Эл. почта*  ") == "эл. почта"
