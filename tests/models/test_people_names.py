"""A person's name is tidied as a data file is read; fixes and doubts reach the reader."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from docgen.models import Person, Signer
from docgen.models.people import NOTICES, WARNINGS


def read(data: object) -> tuple[Person, list[str], list[str]]:
    """Validate ``data`` as a reader does and return the person, notices and warnings."""
    context: dict[str, list[str]] = {NOTICES: [], WARNINGS: []}
    person = Person.model_validate(data, context=context)
    return person, context[NOTICES], context[WARNINGS]


def test_a_name_typed_anyhow_is_tidied_and_the_fix_is_noted() -> None:
    person, notices, warnings = read("КУЗНЕЦОВА  елена викторовна")
    assert (person.last_name, person.first_name, person.middle_name) == (
        "Кузнецова",
        "Елена",
        "Викторовна",
    )
    assert notices == [
        "ФИО «КУЗНЕЦОВА  елена викторовна» → «Кузнецова Елена Викторовна» "
        "(лишние пробелы убраны; регистр букв исправлен)"
    ]
    assert warnings == []


def test_each_part_is_tidied_and_given_forms_are_never_touched() -> None:
    person, notices, _ = read(
        {
            "last_name": "ПЕТРОВА-ВОДКИНА",
            "first_name": "анна",
            "middle_name": "Викторовна",
            "forms": {"genitive": "ПЕТРОВОЙ-ВОДКИНОЙ  Анны Викторовны"},
        }
    )
    assert person.full_name == "Петрова-Водкина Анна Викторовна"
    assert person.forms == {"genitive": "ПЕТРОВОЙ-ВОДКИНОЙ  Анны Викторовны"}
    assert notices == [
        "Фамилия «ПЕТРОВА-ВОДКИНА» → «Петрова-Водкина» (регистр букв исправлен)",
        "Имя «анна» → «Анна» (регистр букв исправлен)",
    ]


def test_latin_look_alike_letters_are_made_russian_with_a_notice() -> None:
    person, notices, _ = read({"last_name": "Иванов", "first_name": "Пaвел"})
    assert person.first_name == "Павел"
    assert person.first_name.encode() == "Павел".encode()
    assert notices == ["Имя «Пaвел» → «Павел» (латинская буква «a» заменена русской)"]


def test_latin_letters_without_a_russian_twin_are_an_error_with_advice() -> None:
    with pytest.raises(ValidationError, match=r"смешаны русские и латинские буквы.*раскладку"):
        Person.model_validate({"last_name": "Иванов", "first_name": "Пavел"})


def test_contradictory_gender_is_a_warning_not_an_error() -> None:
    person, _, warnings = read("Иванов Павел Сергеевна")
    assert person.gender_warning is not None
    assert warnings == [
        "Иванов Павел Сергеевна: имя «Павел» мужское, а отчество «Сергеевна» — женское: "
        "проверьте ФИО; склоняется по отчеству"
    ]
    _, _, given = read({"last_name": "Иванов", "first_name": "Иван", "gender": "ж"})
    assert given and "указан женский пол" in given[0]
    assert read("Петрова Мария Сергеевна")[2] == []


def test_a_full_name_string_is_read_in_any_order() -> None:
    person, _, _ = read("Лев Николаевич Толстой")
    assert (person.last_name, person.first_name, person.middle_name) == (
        "Толстой",
        "Лев",
        "Николаевич",
    )
    person, _, _ = read("Мамедов Эльдар Рашид оглы")
    assert person.middle_name == "Рашид оглы"
    with pytest.raises(ValidationError, match="не инициалы"):
        Person.model_validate("Петрова М. С.")


def test_without_a_context_names_are_still_tidied() -> None:
    signer = Signer.model_validate({"person": "ПЕТРОВА мария сергеевна", "position": "директор"})
    assert signer.person.full_name == "Петрова Мария Сергеевна"
