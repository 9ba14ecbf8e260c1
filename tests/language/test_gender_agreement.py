"""`by_gender` agrees a word with a person; `with_noun`/`noun_form` take a case."""

from __future__ import annotations

import pytest

from docgen.language.filters import FILTERS
from tests.language.stand_ins import Person, Signer, render

GREETING = '{{ x | by_gender("Уважаемый", "Уважаемая") }}'


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Person("Петрова", "Мария", "Сергеевна"), "Уважаемая"),
        (Person("Иванов", "Пётр"), "Уважаемый"),
        (Person("Ким", "Саша", gender="f"), "Уважаемая"),
        (Signer(Person("Сидоров", "Иван", "Ильич"), "директор"), "Уважаемый"),
        ("Петрова Мария Сергеевна", "Уважаемая"),
        ("КУЗНЕЦОВА  елена викторовна", "Уважаемая"),
        ("Мария Сергеевна", "Уважаемая"),  # a letter's address: Имя Отчество
        ("директор Сидоров И. И.", "Уважаемый"),
        ("Петрова М. С.", "Уважаемая"),
        ("m", "Уважаемый"),
        ("f", "Уважаемая"),
        ("Ким Саша", "Уважаемый(-ая)"),  # unknown: both forms, like «действующего(-ей)»
        (None, "Уважаемый(-ая)"),
        ([Person("Петрова", "Мария", "Сергеевна")], "Уважаемая"),
        (["Иванов Пётр Ильич", "Петрова Мария Сергеевна"], "Уважаемые"),
    ],
)
def test_by_gender_agrees_with_people_signers_and_names(value: object, expected: str) -> None:
    assert render(GREETING, x=value) == expected


def test_by_gender_takes_a_plural_or_builds_one() -> None:
    people = ["Иванов Пётр Ильич", "Петрова Мария Сергеевна"]
    assert render('{{ x | by_gender("Дорогой", "Дорогая", "Дорогие наши") }}', x=people) == (
        "Дорогие наши"
    )
    assert render('{{ x | by_gender("Дорогой коллега", "Дорогая коллега") }}', x=people) == (
        "Дорогие коллеги"
    )
    assert render('{{ x | by_gender("награждён", "награждена", "награждены") }}', x=people) == (
        "награждены"
    )
    assert render('{{ x | by_gender("господин", "госпожа") }}', x=None) == "господин/госпожа"


def test_by_gender_refuses_what_it_cannot_agree_with() -> None:
    with pytest.raises(ValueError, match="список людей пуст"):
        render(GREETING, x=[])
    with pytest.raises(TypeError, match="фильтр «by_gender» ожидает"):
        render(GREETING, x=5)
    with pytest.raises(ValueError, match="третьим аргументом"):
        render('{{ x | by_gender("ура", "ура") }}', x=["Иванов Пётр", "Ким Анна"])


@pytest.mark.parametrize(
    ("number", "noun", "case", "expected"),
    [
        (21, "участник", "genitive", "21 участника"),
        (3, "участник", "genitive", "3 участников"),
        (11, "участник", "genitive", "11 участников"),
        (21, "участник", "dative", "21 участнику"),
        (5, "участник", "instrumental", "5 участниками"),
        (2, "участник", "prepositional", "2 участниках"),
        (1, "новый участник", "accusative", "1 нового участника"),
        (3, "новый участник", "accusative", "3 новых участников"),
        (3, "новая программа", "accusative", "3 новые программы"),
        (21, "новая программа", "accusative", "21 новую программу"),
        (5, "год", "genitive", "5 лет"),
        (5, "человек", "dative", "5 человекам"),
        (
            3,
            "педагог дополнительного образования",
            "instrumental",
            "3 педагогами дополнительного образования",
        ),
        (3, "педагог", "nominative", "3 педагога"),
    ],
)
def test_with_noun_takes_a_case(number: int, noun: str, case: str, expected: str) -> None:
    # a no-break space keeps the number with its noun on one line of the document
    assert FILTERS["with_noun"](number, noun, case) == expected.replace(" ", "\u00a0", 1)
    assert FILTERS["noun_form"](number, noun, case) == expected.split(" ", 1)[1]


def test_with_noun_in_a_template_sentence() -> None:
    template = 'за подготовку {{ n | with_noun("участник", "genitive") }}'
    assert render(template, n=21) == "за подготовку 21\u00a0участника"
    with pytest.raises(ValueError, match="неизвестный падеж"):
        render('{{ 3 | with_noun("участник", "genitiv") }}')


class Cell(str):
    """A workbook cell as the reader gives it: the text shown, the value stored."""

    raw_value: object

    def __new__(cls, shown: str, raw: object) -> Cell:
        cell = super().__new__(cls, shown)
        cell.raw_value = raw
        return cell


def test_number_and_date_filters_take_the_value_a_workbook_cell_stores() -> None:
    import datetime as dt
    from decimal import Decimal

    with_noun = FILTERS["with_noun"]
    assert with_noun(Cell("1 234", 1234), "участник", "genitive") == "1234\u00a0участников"
    assert with_noun(Cell("21", 21.0), "участник") == "21\u00a0участник"
    assert with_noun(Cell("12 780", 12780), "человек") == "12\u00a0780\u00a0человек"
    assert FILTERS["sum_words"](Cell("1 234,50", Decimal("1234.5"))).startswith("1\u00a0234 (")
    assert FILTERS["date_text"](Cell("20.11.2026", dt.datetime(2026, 11, 20))) == (
        "20 ноября 2026\u00a0г."
    )
    assert FILTERS["genitive"](Cell("директор", "директор")) == "директора"


def test_typeset_keeps_markup_markup() -> None:
    from markupsafe import Markup

    assert FILTERS["typeset"]("в г. Бийске") == "в\u00a0г.\u00a0Бийске"
    assert isinstance(FILTERS["typeset"](Markup("А &amp; Б в г. Бийске")), Markup)
    with pytest.raises(TypeError, match="фильтр «typeset» ожидает строку"):
        FILTERS["typeset"](5)
