"""Names are tidied as they are read, and every change is said in Russian."""

from __future__ import annotations

import pytest

from docgen.language.names import gender_conflict, gender_from_surname
from docgen.language.normalise import (
    describe_name_fix,
    fix_lookalikes,
    mixed_script_words,
    normalise_name,
)

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("typed", "tidy", "notes"),
    [
        (
            "КУЗНЕЦОВА  елена викторовна",
            "Кузнецова Елена Викторовна",
            ["лишние пробелы убраны", "регистр букв исправлен"],
        ),
        (
            f" Петрова{NBSP}{NBSP}Мария\tСергеевна ",
            "Петрова Мария Сергеевна",
            ["лишние пробелы убраны"],
        ),
        ("ПЕТРОВА-ВОДКИНА", "Петрова-Водкина", ["регистр букв исправлен"]),
        ("петров-водкин", "Петров-Водкин", ["регистр букв исправлен"]),
        ("МАМЕДОВ ЭЛЬДАР РАШИД ОГЛЫ", "Мамедов Эльдар Рашид оглы", ["регистр букв исправлен"]),
        ("Пaвел", "Павел", ["латинская буква «a» заменена русской"]),
        ("Сeргeeвнa", "Сергеевна", ["латинские буквы «a», «e» заменены русскими"]),
        ("петрова м.с.", "Петрова М.С.", ["регистр букв исправлен"]),
        ("Петрова Мария Сергеевна", "Петрова Мария Сергеевна", []),
        ("МакКартни", "МакКартни", []),  # mixed case is deliberate
        ("Анна-Мария", "Анна-Мария", []),
    ],
)
def test_names_are_tidied_and_each_change_is_noted(typed: str, tidy: str, notes: list[str]) -> None:
    assert normalise_name(typed) == (tidy, notes)


def test_a_fix_is_described_in_one_line() -> None:
    tidy, notes = normalise_name("КУЗНЕЦОВА  елена")
    assert describe_name_fix("КУЗНЕЦОВА  елена", tidy, notes) == (
        "«КУЗНЕЦОВА  елена» → «Кузнецова Елена» (лишние пробелы убраны; регистр букв исправлен)"
    )


def test_only_runs_of_letters_mixing_scripts_are_fixed_or_reported() -> None:
    assert fix_lookalikes("ECO-клуб") == "ECO-клуб"  # a Latin part of its own stays
    assert fix_lookalikes("IT-директор") == "IT-директор"
    assert fix_lookalikes("Пavел") == "Пavел"  # «v» has no Russian twin: not guessed
    assert mixed_script_words("Пavел Иванов IT-директор") == ["Пavел"]
    assert mixed_script_words("Павел Иванов") == []


@pytest.mark.parametrize(
    ("surname", "gender"),
    [
        ("Петрова", "f"),
        ("Ильина", "f"),
        ("Белая", "f"),
        ("Петрова-Водкина", "f"),
        ("Петров", "m"),
        ("Ильин", "m"),
        ("Достоевский", "m"),
        ("Толстой", "m"),
        ("Цой", None),
        ("Ким", None),
        ("Глинка", None),
        ("Черных", None),
    ],
)
def test_gender_from_a_surname_suffix(surname: str, gender: str | None) -> None:
    assert gender_from_surname(surname) == gender


def test_contradictory_gender_signals_are_named() -> None:
    conflict = gender_conflict("Павел", "Сергеевна")
    assert conflict is not None
    assert "«Павел» мужское" in conflict and "«Сергеевна» — женское" in conflict
    assert "склоняется по отчеству" in conflict
    given = gender_conflict("Иван", None, "f")
    assert given is not None and "указан женский пол" in given and "«Иван»" in given
    assert gender_conflict("Мария", "Сергеевна", "f") is None
    assert gender_conflict("Саша", "Ивановна") is None  # androgynous first name
    assert gender_conflict("Саша", None, "m") is None
