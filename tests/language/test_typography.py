"""Typography: no-break spaces and hyphens where a Russian line must not break."""

from __future__ import annotations

import pytest

from docgen.engine.jinja_env import finalize
from docgen.language.typography import capitalize_sub_item, group_thousands, typeset

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("в Центре и на базе школы", "в·Центре и·на·базе школы"),
        ("МБУ ДО «ЦВР» г. Бийска", "МБУ ДО·«ЦВР» г.·Бийска"),
        ("до 4 декабря 2026 г.", "до·4·декабря 2026·г."),
        ("«26» ноября 2026 г.", "«26»·ноября 2026·г."),
        ("Федеральный закон № 152-ФЗ", "Федеральный закон №·152‑ФЗ"),
        ("ст. 12 и п. 3", "ст.·12 и·п.·3"),
        ("библиотека им. А. П. Гайдара", "библиотека им.·А.·П.·Гайдара"),
        ("Центр — организатор, Партнёр – участник", "Центр·— организатор, Партнёр·– участник"),
        ("доля 21,4 % и 340 чел.", "доля 21,4·% и·340·чел."),
        ("Директору МБОУ «СОШ № 5» Петровой М. С.", "Директору МБОУ «СОШ №·5» Петровой М.·С."),
        ("2.3.1. составлять план", "2.3.1. Составлять план"),
        ("МБУ ДО «СШ «Олимп»» и КДН и ЗП города", "МБУ ДО·«СШ «Олимп»» и·КДН и·ЗП города"),
        ("ПРИЕМ ДО 1 СЕНТЯБРЯ", "ПРИЕМ ДО·1 СЕНТЯБРЯ"),
    ],
)
def test_typeset_ties_what_must_not_break(text: str, expected: str) -> None:
    assert typeset(text).replace(NBSP, "·").replace("\u2011", "‑") == expected


@pytest.mark.parametrize(
    "text",
    ["из-за того", "т.е. всё", "СП-2026-006", "Петрова Мария Сергеевна", "12.05.2026", "", "x"],
)
def test_typeset_returns_the_same_object_when_nothing_applies(text: str) -> None:
    assert typeset(text) is text


def test_words_inside_longer_words_are_not_tied() -> None:
    assert typeset("Бийск во сне") == f"Бийск во{NBSP}сне"
    assert typeset("Абв где") == "Абв где"  # three letters: free to break


def test_sub_item_capital_only_after_a_number() -> None:
    assert capitalize_sub_item("1. расширить круг") == "1. Расширить круг"
    assert capitalize_sub_item("1 расширить") == "1 расширить"
    assert capitalize_sub_item("2026 год") == "2026 год"


def test_thousands_grouped_from_five_digits() -> None:
    assert group_thousands(12780) == f"12{NBSP}780"
    assert group_thousands(1110) == "1110"
    assert group_thousands(-1234567) == f"-1{NBSP}234{NBSP}567"


def test_finalize_typesets_every_printed_value() -> None:
    assert finalize("в г. Бийске") == f"в{NBSP}г.{NBSP}Бийске"
    assert finalize(12780) == f"12{NBSP}780"
    assert finalize(2026) == "2026"
    assert finalize(True) == "True"


def test_finalize_leaves_markup_with_tags_alone() -> None:
    from markupsafe import Markup

    tagged = Markup('<w:r w:rsidR="1"><w:t>в лесу</w:t></w:r>')
    assert finalize(tagged) == tagged
    assert finalize(Markup("в лесу")) == Markup(f"в{NBSP}лесу")
