"""The labelled data set, typed as a workbook cell gives it: plain strings through the filters."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from docgen.language.filters import FILTERS
from docgen.language.recognise import ambiguity

DATASET = Path(__file__).resolve().parents[1] / "data" / "ru-inflection-cases.json"
CASES = ("genitive", "dative", "instrumental")
DIRECTOR = {"genitive": "директора", "dative": "директору", "instrumental": "директором"}
NBSP = "\u00a0"

Variant = Callable[[dict[str, Any], str], tuple[str, str]]


@pytest.fixture(scope="module")
def people() -> list[dict[str, Any]]:
    """Return the labelled people, kept in the repository's tests/data."""
    data: dict[str, Any] = json.loads(DATASET.read_text(encoding="utf-8"))
    return list(data["people"])


def _title(text: str) -> str:
    """Return a name typed in capitals as the normaliser writes it (title case)."""
    return " ".join(
        "-".join(piece[:1] + piece[1:].lower() for piece in word.split("-"))
        for word in text.split()
    )


def _expected_parts(person: dict[str, Any], case: str) -> tuple[str, str, str]:
    """Split the labelled form in ``case`` into (surname, first name, patronymic)."""
    words = person[case].split()
    if person["last"].isupper():
        words = _title(person[case]).split()
    last, first = len(person["last"].split()), len(person["first"].split())
    return (
        " ".join(words[:last]),
        " ".join(words[last : last + first]),
        " ".join(words[last + first :]),
    )


def _surname_first(person: dict[str, Any], case: str) -> tuple[str, str]:
    """«Фамилия Имя Отчество» as typed, and its labelled form."""
    return f"{person['last']} {person['first']} {person['middle']}", " ".join(
        _expected_parts(person, case)
    )


def _first_name_first(person: dict[str, Any], case: str) -> tuple[str, str]:
    """«Имя Отчество Фамилия»: the same forms in the written order."""
    last, first, middle = _expected_parts(person, case)
    return f"{person['first']} {person['middle']} {person['last']}", f"{first} {middle} {last}"


def _messy(person: dict[str, Any], case: str) -> tuple[str, str]:
    """The surname in capitals, the rest in lower case, double and no-break spaces."""
    typed = f" {person['last'].upper()}  {person['first'].lower()}{NBSP}{person['middle'].lower()} "
    return typed, " ".join(_expected_parts(person, case))


def _without_yo(person: dict[str, Any], case: str) -> tuple[str, str]:
    """ё written as е: the forms keep е (compared without ё, which petrovich may add)."""
    typed, expected = _surname_first(person, case)
    return typed.replace("ё", "е"), expected.replace("ё", "е")


def _signer(person: dict[str, Any], case: str) -> tuple[str, str]:
    """«директор Фамилия Имя Отчество»: the position declines head-only, the name in full."""
    typed, expected = _surname_first(person, case)
    return f"директор {typed}", f"{DIRECTOR[case]} {expected}"


def _run(people: list[dict[str, Any]], variant: Variant, label: str) -> float:
    """Render every person in every case through the filters; print and return the share."""
    misses, total = [], 0
    for person in people:
        for case in CASES:
            typed, expected = variant(person, case)
            got = FILTERS[case](typed)
            if variant is _without_yo:
                got = got.replace("ё", "е")
            total += 1
            if got != expected:
                misses.append(f"{case}: {typed!r} → {got!r}, expected {expected!r}")
    print(f"\n{label}: {total - len(misses)}/{total} right")
    for miss in misses:
        print(f"  MISS {miss}")
    assert total == 3 * len(people) > 0
    return (total - len(misses)) / total


@pytest.mark.parametrize(
    ("variant", "label"),
    [
        (_surname_first, "Фамилия Имя Отчество"),
        (_first_name_first, "Имя Отчество Фамилия"),
        (_messy, "capitals, lower case, extra spaces"),
        (_without_yo, "ё written as е"),
        (_signer, "position and name"),
    ],
)
def test_plain_string_names_decline_as_docgen_inflect_does(
    people: list[dict[str, Any]], variant: Variant, label: str
) -> None:
    assert _run(people, variant, label) >= 0.98


def test_initials_forms_decline_only_the_surname(people: list[dict[str, Any]]) -> None:
    """Where initials hide the gender and it matters, the surname stays (the documented rule)."""
    misses, total = [], 0
    for person in people:
        last, first, middle = person["last"], person["first"], person["middle"]
        if " " in middle:
            continue  # «Рашид оглы» has no initial of its own
        letters = f"{first[0]}. {middle[0]}."
        doubtful = ambiguity(f"{last} {letters}") is not None
        for case in CASES:
            surname = last if doubtful else _expected_parts(person, case)[0]
            for typed, expected in (
                (f"{last} {letters}", f"{surname} {letters}"),
                (f"{letters} {last}", f"{letters} {surname}"),
            ):
                total += 1
                got = FILTERS[case](typed)
                if got != expected:
                    misses.append(f"{case}: {typed!r} → {got!r}, expected {expected!r}")
    print(f"\ninitials: {total - len(misses)}/{total} right")
    print("\n".join(f"  MISS {miss}" for miss in misses))
    assert (total - len(misses)) / total >= 0.98


def test_initials_that_hide_a_gender_that_matters_are_reported() -> None:
    assert "не определить пол" in (ambiguity("Ковальчук Д. И.") or "")
    assert "не определить пол" in (ambiguity("Д. И. Ковальчук") or "")
    assert ambiguity("Петрова М. С.") is None  # the suffix tells
    assert ambiguity("Глинка М. И.") is None  # declines the same for both
    assert ambiguity("Ковальчук Дмитрий Ильич") is None


@pytest.mark.parametrize(
    ("typed", "case", "expected"),
    [
        ("КУЗНЕЦОВА  елена викторовна", "dative", "Кузнецовой Елене Викторовне"),
        ("Лев Николаевич Толстой", "genitive", "Льва Николаевича Толстого"),
        ("Мария Петрова", "dative", "Марии Петровой"),
        ("Петрова-Водкина Анна", "instrumental", "Петровой-Водкиной Анной"),
        ("Эльдар Рашид оглы Мамедов", "dative", "Эльдару Рашид оглы Мамедову"),
        ("Алиева Лейла Расим кызы", "genitive", "Алиевой Лейлы Расим кызы"),
        ("Мария Сергеевна", "dative", "Марии Сергеевне"),
        ("Пaвел Иванов", "dative", "Павлу Иванову"),  # Latin «a» made Russian
        ("Черных Ольга", "genitive", "Черных Ольги"),
        (
            "заведующая библиотекой Иванова Анна",
            "instrumental",
            "заведующей библиотекой Ивановой Анной",
        ),
        ("и.о. директора Сидоров И. И.", "dative", "и.о. директора Сидорову И. И."),
        ("директор Петрова М.С.", "genitive", "директора Петровой М.С."),
        ("городской конкурс чтецов", "prepositional", "городском конкурсе чтецов"),
        ("МБОУ «СОШ № 5»", "genitive", "МБОУ «СОШ № 5»"),
        (
            "Центральная городская библиотека имени В. М. Шукшина",
            "instrumental",
            "Центральной городской библиотекой имени В. М. Шукшина",
        ),
        ("заведующая", "dative", "заведующей"),
        ("Петровой Марии Сергеевны", "dative", "Петровой Марии Сергеевны"),
        ("Анна Мария Шмидт", "dative", "Анне Марии Шмидт"),
        ("Иванов Иван Иванович, директор", "dative", "Иванову Ивану Ивановичу, директору"),
        ("Иванова Анна, ученица 5 класса", "genitive", "Ивановой Анны, ученицы 5 класса"),
        ("Мамедов Эльдар Рашид оглы", "instrumental", "Мамедовым Эльдаром Рашид оглы"),
        ("Гюго Виктор", "dative", "Гюго Виктору"),
    ],
)
def test_each_kind_of_string_is_read_for_what_it_is(typed: str, case: str, expected: str) -> None:
    assert FILTERS[case](typed) == expected


@pytest.mark.parametrize(
    ("typed", "signature", "listed"),
    [
        ("Петрова Мария Сергеевна", f"М.С.{NBSP}Петрова", f"Петровой{NBSP}М.С."),
        ("Мария Сергеевна Петрова", f"М.С.{NBSP}Петрова", f"Петровой{NBSP}М.С."),
        ("директор Петрова М. С.", f"М.С.{NBSP}Петрова", f"Петровой{NBSP}М.С."),
        ("ИВАНОВ пётр", f"П.{NBSP}Иванов", f"Иванову{NBSP}П."),
    ],
)
def test_short_forms_read_any_way_a_name_is_typed(typed: str, signature: str, listed: str) -> None:
    assert FILTERS["initials"](typed) == signature
    assert FILTERS["surname_initials"](typed, "dative") == listed


def test_short_forms_follow_the_initials_rule_too() -> None:
    assert FILTERS["surname_initials"]("Ковальчук Д. И.", "dative") == f"Ковальчук{NBSP}Д.И."
    assert FILTERS["dative"]("Ковальчук Д. И.") == "Ковальчук Д. И."
    assert FILTERS["surname_initials"]("Ковальчук Дмитрий Ильич", "dative") == (
        f"Ковальчуку{NBSP}Д.И."
    )


def test_acting_and_named_take_the_gender_of_a_name_typed_as_text() -> None:
    assert FILTERS["acting"]("директор Петрова Мария Сергеевна") == "действующей"
    assert FILTERS["acting"]("Иванов Иван") == "действующего"
    assert FILTERS["acting"]("Ким Саша") == "действующего(-ей)"
    assert FILTERS["named"]("Иванова Анна Петровна") == "именуемая"
    assert FILTERS["named"]("Иванов Пётр Ильич") == "именуемый"
    assert FILTERS["named"]("Общество с ограниченной ответственностью «Ромашка»") == "именуемое"
