"""Full names in every case, genders, short forms and name parsing."""

from __future__ import annotations

import pytest

from docgen.errors import InputError
from docgen.language import (
    CASES,
    gender_from_first_name,
    gender_from_patronymic,
    inflect_name,
    initials_surname,
    person_gender,
    split_full_name,
    surname_initials,
)

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("last", "first", "middle", "gender", "expected"),
    [
        # the indeclinable surnames
        ("Черных", "Ольга", "Николаевна", "f", "Черных Ольгой Николаевной"),
        ("Черных", "Андрей", "Петрович", "m", "Черных Андреем Петровичем"),
        ("Дурново", "Пётр", "Николаевич", "m", "Дурново Петром Николаевичем"),
        ("Шевченко", "Тарас", "Григорьевич", "m", "Шевченко Тарасом Григорьевичем"),
        ("Гюго", "Виктор", "Маркович", "m", "Гюго Виктором Марковичем"),
        ("Ким", "Елена", "Владимировна", "f", "Ким Еленой Владимировной"),
        ("Кох", "Наталья", "Андреевна", "f", "Кох Натальей Андреевной"),
        # the same consonant-final surnames decline for a man
        ("Ким", "Игорь", "Александрович", "m", "Кимом Игорем Александровичем"),
        ("Кох", "Роберт", "Андреевич", "m", "Кохом Робертом Андреевичем"),
        # hyphenated surnames and first names, part by part
        ("Петрова-Водкина", "Анна", "Викторовна", "f", "Петровой-Водкиной Анной Викторовной"),
        ("Шмидт", "Анна-Мария", "Карловна", "f", "Шмидт Анной-Марией Карловной"),
        # Turkic patronymics stay as they are
        ("Мамедов", "Эльдар", "Рашид оглы", "m", "Мамедовым Эльдаром Рашид оглы"),
        ("Алиева", "Лейла", "Расим кызы", "f", "Алиевой Лейлой Расим кызы"),
        # no patronymic
        ("Смит", "Анна", None, "f", "Смит Анной"),
    ],
)
def test_edge_case_names_in_the_instrumental(
    last: str, first: str, middle: str | None, gender: str, expected: str
) -> None:
    assert inflect_name(last, first, middle, "instrumental", gender) == expected  # type: ignore[arg-type]


def test_all_caps_input_stays_all_caps() -> None:
    assert inflect_name("ИВАНОВА", "АННА", "ПЕТРОВНА", "genitive", "f") == "ИВАНОВОЙ АННЫ ПЕТРОВНЫ"
    assert inflect_name("ПЕТРОВ", "ПЁТР", "ИЛЬИЧ", "instrumental") == "ПЕТРОВЫМ ПЕТРОМ ИЛЬИЧОМ"


def test_yo_and_ye_are_kept_as_written() -> None:
    assert inflect_name("Семёнов", "Фома", "Кузьмич", "dative", "m") == "Семёнову Фоме Кузьмичу"
    assert inflect_name("Семенов", "Петр", "Алексеевич", "genitive") == "Семенова Петра Алексеевича"
    assert inflect_name("Артёмова", "Алёна", "Фёдоровна", "dative") == "Артёмовой Алёне Фёдоровне"


def test_all_six_cases_of_a_woman_differ_in_the_accusative() -> None:
    forms = [inflect_name("Петрова", "Мария", "Сергеевна", case) for case in CASES]
    assert forms == [
        "Петрова Мария Сергеевна",
        "Петровой Марии Сергеевны",
        "Петровой Марии Сергеевне",
        "Петрову Марию Сергеевну",
        "Петровой Марией Сергеевной",
        "Петровой Марии Сергеевне",
    ]


@pytest.mark.parametrize(
    ("last", "first", "middle", "gender", "case", "expected"),
    [
        # a woman's surname in -на that is a noun declines as a noun, not as -ина/-ова
        ("Весна", "Ольга", "Ивановна", "f", "genitive", "Весны Ольги Ивановны"),
        ("Кузьмина", "Ольга", "Ивановна", "f", "genitive", "Кузьминой Ольги Ивановны"),
        # a man's surname in -ой that is a plain noun, vs an adjectival one
        ("Прибой", "Олег", "Иванович", "m", "genitive", "Прибоя Олега Ивановича"),
        ("Толстой", "Лев", "Николаевич", "m", "genitive", "Толстого Льва Николаевича"),
        # women's names in -ь decline like «Любовь»
        ("Хазина", "Гузель", "Рифатовна", "f", "instrumental", "Хазиной Гузелью Рифатовной"),
        ("Смирнова", "Любовь", "Павловна", "f", "genitive", "Смирновой Любови Павловны"),
    ],
)
def test_general_rules_beyond_petrovich(
    last: str, first: str, middle: str, gender: str, case: str, expected: str
) -> None:
    assert inflect_name(last, first, middle, case, gender) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("middle", "expected"),
    [
        ("Сергеевич", "m"),
        ("Ильич", "m"),
        ("Рашид оглы", "m"),
        ("Асан уулу", "m"),
        ("Сергеевна", "f"),
        ("Расим кызы", "f"),
        ("Ахмед гызы", "f"),
        (None, None),
        ("Хосе", None),
    ],
)
def test_gender_from_patronymic(middle: str | None, expected: str | None) -> None:
    assert gender_from_patronymic(middle) == expected


@pytest.mark.parametrize(
    ("first", "expected"),
    [
        ("Мария", "f"),
        ("Лейла", "f"),
        ("Эльдар", "m"),
        ("Никита", "m"),
        ("Саша", None),
        ("Женя", None),
    ],
)
def test_gender_from_first_name(first: str, expected: str | None) -> None:
    assert gender_from_first_name(first) == expected


def test_patronymic_decides_before_the_first_name() -> None:
    assert person_gender("Саша", "Игоревна") == "f"
    assert person_gender("Саша", None) is None


def test_short_forms_use_a_no_break_space() -> None:
    assert initials_surname("Петрова", "Мария", "Сергеевна") == f"М.С.{NBSP}Петрова"
    assert surname_initials("Петрова", "Мария", "Сергеевна") == f"Петрова{NBSP}М.С."
    assert surname_initials("Иванов", "Иван", "Иванович", "dative") == f"Иванову{NBSP}И.И."
    assert initials_surname("Шмидт", "Анна-Мария", None) == f"А.-М.{NBSP}Шмидт"
    assert initials_surname("Мамедов", "Эльдар", "Рашид оглы") == f"Э.Р.{NBSP}Мамедов"


def test_split_full_name_accepts_two_three_and_turkic_four_words() -> None:
    assert split_full_name(" Петрова  Мария Сергеевна ") == ("Петрова", "Мария", "Сергеевна")
    assert split_full_name("Смит Анна") == ("Смит", "Анна", None)
    assert split_full_name("Мамедов Эльдар Рашид оглы") == ("Мамедов", "Эльдар", "Рашид оглы")


@pytest.mark.parametrize("text", ["Петрова", "", "Петрова 123", "Петрова Мария Сергеевна Ивановна"])
def test_split_full_name_rejects_what_it_cannot_read(text: str) -> None:
    with pytest.raises(InputError, match="не удалось разобрать ФИО"):
        split_full_name(text)


def test_unknown_case_name_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="неизвестный падеж «ablative»"):
        inflect_name("Петрова", "Мария", "Сергеевна", "ablative")
