"""One recogniser says what a plain string is; `docgen inflect` tables come from it too."""

from __future__ import annotations

import pytest

from docgen.language.declension import decline_any, decline_person
from docgen.language.recognise import ambiguity, recognise

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Петрова Мария Сергеевна", "person"),
        ("Мария Сергеевна Петрова", "person"),
        ("Петрова Мария", "person"),
        ("Мария Петрова", "person"),
        ("Петрова М. С.", "person"),
        ("М.С. Петрова", "person"),
        ("Мамедов Эльдар Рашид оглы", "person"),
        ("КУЗНЕЦОВА  елена викторовна", "person"),
        ("директор Петрова Мария Сергеевна", "signer"),
        ("исполняющая обязанности директора Иванова А. П.", "signer"),
        ("МБОУ «СОШ № 5»", "organisation"),
        ("Управление образования Администрации города Бийска", "organisation"),
        ("Центральная городская библиотека имени В. М. Шукшина", "organisation"),
        ("заместитель директора по учебно-воспитательной работе", "position"),
        ("и.о. директора", "position"),
        ("городской конкурс чтецов", "phrase"),
        ("Петровой Марии Сергеевны", "phrase"),  # already declined: never declined twice
        ("", "phrase"),
    ],
)
def test_every_kind_of_plain_string_is_told_apart(text: str, kind: str) -> None:
    assert recognise(text).kind == kind


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        ("Марина Ким", "Ким"),  # «Марина» ends like «Ильина» but is a first name
        ("Ким Марина", "Ким"),
        ("Галина Ильина", "Ильина"),
        ("Ильина Галина", "Ильина"),
        ("Роман Ильин", "Ильин"),
        ("Ирина Цой", "Цой"),
        ("Смит Джон", "Смит"),
    ],
)
def test_two_words_are_ordered_by_surname_evidence(text: str, surname: str) -> None:
    found = recognise(text)
    assert found.name is not None
    assert found.name.last == surname


def test_the_reading_keeps_roles_gender_and_fixes() -> None:
    found = recognise(" ИВАНОВ  Пётр  ильич ")
    assert found.text == "Иванов Пётр Ильич"
    assert found.name is not None
    assert (found.name.last, found.name.first, found.name.middle) == ("Иванов", "Пётр", "Ильич")
    assert found.gender == "m"
    assert found.fixes == ("лишние пробелы убраны", "регистр букв исправлен")
    assert recognise("заведующая библиотекой").gender == "f"
    assert recognise("директор").gender is None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Вера Надежда", ["оба слова могут быть именами", "фамилией считается «Вера»"]),
        ("Ким Саша", ["не определить пол"]),
        ("Иванов Павел Сергеевна", ["«Павел» мужское", "склоняется по отчеству"]),
        ("Пavел Иванов", ["смешаны русские и латинские буквы"]),
    ],
)
def test_ambiguous_strings_say_how_they_were_read(text: str, words: list[str]) -> None:
    said = ambiguity(text)
    assert said is not None
    for word in words:
        assert word in said


@pytest.mark.parametrize(
    "text",
    [
        "Петрова Мария Сергеевна",
        "Роман Ильин",  # the suffix -ин tells the surname
        "Ким Елена",  # «Ким» is marked as a surname, «Елена» is not
        "МБОУ «СОШ № 5»",
        "директор",
    ],
)
def test_certain_strings_have_no_doubt(text: str) -> None:
    assert ambiguity(text) is None


def test_decline_person_reads_the_name_in_the_order_written() -> None:
    table = decline_person("Лев Николаевич Толстой")
    assert table["genitive"] == "Льва Николаевича Толстого"
    assert table["initials"] == f"Л.Н.{NBSP}Толстой"
    assert decline_person("Петрова Мария Сергеевна")["dative"] == "Петровой Марии Сергеевне"


def test_decline_any_gives_the_table_of_whatever_the_text_is() -> None:
    signer = decline_any("директор Петрова М. С.")
    assert (signer["kind"], signer["genitive"], signer["gender"]) == (
        "signer",
        "директора Петровой М. С.",
        "f",
    )
    doubtful = decline_any("Ковальчук Д. И.")
    assert doubtful["dative"] == "Ковальчук Д. И."
    assert "не определить пол" in (doubtful["doubt"] or "")
    assert decline_any("Ковальчук Д. И.", "m")["dative"] == "Ковальчуку Д. И."
    school = decline_any("Муниципальное бюджетное учреждение «Центр»")
    assert (school["kind"], school["named"]) == ("organisation", "именуемое")
    assert decline_any("Иванов Иван")["kind"] == "person"


def test_text_other_than_a_name_keeps_its_spaces_but_not_latin_look_alikes() -> None:
    found = recognise(f"Общество  «Рога{NBSP}и копыта»")
    assert (found.kind, found.text, found.fixes) == (
        "organisation",
        f"Общество  «Рога{NBSP}и копыта»",
        (),
    )
    latin = recognise("Муниципальнoе учреждение")  # Latin «o»
    assert latin.text == "Муниципальное учреждение"
    assert latin.fixes == ("латинская буква «o» заменена русской",)
