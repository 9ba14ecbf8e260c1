"""Positions and organisation names: only the head changes."""

from __future__ import annotations

import pytest

from docgen.language import inflect_organisation, inflect_phrase, inflect_position


@pytest.mark.parametrize(
    ("phrase", "case", "expected"),
    [
        ("исполняющий обязанности директора", "genitive", "исполняющего обязанности директора"),
        ("заведующая библиотекой", "accusative", "заведующую библиотекой"),
        ("старший методист", "accusative", "старшего методиста"),
        ("заведующий хозяйством", "accusative", "заведующего хозяйством"),
        ("педагог-психолог", "prepositional", "педагоге-психологе"),
        ("и.о. директора", "dative", "и.о. директора"),
        ("Генеральный директор", "dative", "Генеральному директору"),
        ("директор МБОУ «СОШ № 5»", "instrumental", "директором МБОУ «СОШ № 5»"),
    ],
)
def test_positions(phrase: str, case: str, expected: str) -> None:
    assert inflect_position(phrase, case) == expected


@pytest.mark.parametrize(
    ("name", "case", "expected"),
    [
        (
            "Местное отделение Общероссийского движения «Движение первых»",
            "genitive",
            "Местного отделения Общероссийского движения «Движение первых»",
        ),
        (
            "Отдел МВД России по городу Бийску",
            "instrumental",
            "Отделом МВД России по городу Бийску",
        ),
        ("МБОУ «СОШ № 5»", "genitive", "МБОУ «СОШ № 5»"),
        ("ООО «Ромашка»", "instrumental", "ООО «Ромашка»"),
        (
            'Краевое государственное казённое учреждение "Центр занятости"',
            "dative",
            'Краевому государственному казённому учреждению "Центр занятости"',
        ),
    ],
)
def test_organisations_change_only_outside_the_quotes(name: str, case: str, expected: str) -> None:
    assert inflect_organisation(name, case) == expected


def test_capitalisation_and_yo_of_the_input_are_kept() -> None:
    assert inflect_phrase("ДИРЕКТОР", "genitive") == "ДИРЕКТОРА"
    assert inflect_phrase("Директор", "genitive") == "Директора"
    # pymorphy3 spells «казённого» with ё; a name written with е keeps е
    assert (
        inflect_phrase("Краевое казенное учреждение", "genitive") == "Краевого казенного учреждения"
    )
    assert (
        inflect_phrase("Краевое казённое учреждение", "genitive") == "Краевого казённого учреждения"
    )


def test_spacing_and_punctuation_are_kept() -> None:
    assert inflect_phrase("главный  редактор,", "dative") == "главному  редактору,"


def test_nominative_and_unreadable_phrases_come_back_unchanged() -> None:
    assert inflect_phrase("заведующая библиотекой", "nominative") == "заведующая библиотекой"
    assert inflect_phrase("Microsoft", "genitive") == "Microsoft"
    # After an abbreviation or a Latin part only the Russian noun changes.
    assert inflect_phrase("IT-директор", "genitive") == "IT-директора"
    assert inflect_phrase("ППМС-центр", "instrumental") == "ППМС-центром"
    assert inflect_phrase("", "genitive") == ""


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        (
            "Муниципальное бюджетное учреждение культуры «Музей»",
            "Муниципальное бюджетное учреждение культуры «Музей»",
        ),
        ("Местная религиозная организация «Приход»", "Местную религиозную организацию «Приход»"),
        ("Городской краеведческий музей", "Городской краеведческий музей"),
        ("Областные курсы", "Областные курсы"),
        ("старший методист", "старшего методиста"),
    ],
)
def test_accusative_adjectives_agree_in_gender_and_animacy(phrase: str, expected: str) -> None:
    assert inflect_phrase(phrase, "accusative") == expected
