"""Agreement words: именуемое/-ая/-ый, действующего/-ей, посвящённого/-ой/-ых, 5 лет."""

from __future__ import annotations

import pytest

from docgen.language import (
    acting_word,
    agree_with_number,
    count_with_noun,
    dedicated_word,
    named_word,
    organisation_gender,
)


@pytest.mark.parametrize(
    ("full_name", "expected"),
    [
        ("Муниципальное бюджетное учреждение дополнительного образования «ЦВР»", "именуемое"),
        ("Автономная некоммерческая организация «Центр»", "именуемая"),
        ("Отдел Министерства внутренних дел по городу Бийску", "именуемый"),
        ("Общество с ограниченной ответственностью «Ромашка»", "именуемое"),
        # abbreviations: «…У» is an учреждение, others from a small table
        ("МБОУ «СОШ № 5»", "именуемое"),
        ("МБДОУ «Детский сад № 12»", "именуемое"),
        ("КГКУ «ЦЗН города Бийска»", "именуемое"),
        ("ФГУП «Почта России»", "именуемое"),
        ("ООО «Ромашка»", "именуемое"),
        ("АНО «Центр развития»", "именуемая"),
        ("ОМВД России по городу Бийску", "именуемый"),
        ("МО МВД России «Бийский»", "именуемый"),
    ],
)
def test_named_follows_the_head_noun(full_name: str, expected: str) -> None:
    assert named_word(full_name) == expected


def test_organisation_gender_codes() -> None:
    assert organisation_gender("Редакция газеты «Бийский рабочий»") == "f"
    assert organisation_gender("Управление образования") == "n"
    assert organisation_gender("Дом культуры «Октябрь»") == "m"


@pytest.mark.parametrize(
    ("gender", "expected"),
    [("m", "действующего"), ("f", "действующей"), (None, "действующего(-ей)")],
)
def test_acting_follows_the_signers_gender(gender: str | None, expected: str) -> None:
    assert acting_word(gender) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        ("конкурс", "посвящённого"),
        ("фестиваль", "посвящённого"),
        ("мероприятие", "посвящённого"),
        ("городской конкурс чтецов", "посвящённого"),
        ("акция", "посвящённой"),
        ("выставка", "посвящённой"),
        ("Всероссийская акция", "посвящённой"),
        ("соревнования", "посвящённых"),
        ("Рождественские чтения", "посвящённых"),
    ],
)
def test_dedicated_follows_the_event_noun(event: str, expected: str) -> None:
    assert dedicated_word(event) == expected


@pytest.mark.parametrize(
    ("number", "noun", "expected"),
    [
        (3, "педагог", "3 педагога"),
        (5, "педагог", "5 педагогов"),
        (1, "год", "1 год"),
        (2, "год", "2 года"),
        (5, "год", "5 лет"),
        (11, "год", "11 лет"),
        (21, "год", "21 год"),
        (2, "человек", "2 человека"),
        (5, "человек", "5 человек"),
        (12, "человек", "12 человек"),
        (21, "мероприятие", "21 мероприятие"),
        (22, "мероприятие", "22 мероприятия"),
        (0, "участник", "0 участников"),
        (5, "обучающийся", "5 обучающихся"),
        (3, "педагог дополнительного образования", "3 педагога дополнительного образования"),
        (22, "педагог-организатор", "22 педагога-организатора"),
        (3, "новая программа", "3 новые программы"),
        (5, "учебный год", "5 учебных лет"),
    ],
)
def test_number_with_noun(number: int, noun: str, expected: str) -> None:
    assert count_with_noun(number, noun) == expected


def test_number_agreement_rejects_negatives_and_non_nouns() -> None:
    with pytest.raises(ValueError, match="отрицательным"):
        agree_with_number(-1, "год")
    with pytest.raises(ValueError, match="нужно существительное"):
        agree_with_number(3, "МБОУ")


def test_large_counts_are_grouped_by_thousands() -> None:
    from docgen.language import count_with_noun

    assert count_with_noun(12780, "человек") == "12\u00a0780 человек"
    assert count_with_noun(1234, "участник") == "1234 участника"
    # a document joins the number and the noun with a no-break space too
    assert count_with_noun(12780, "человек", space="\u00a0") == "12\u00a0780\u00a0человек"
