"""Dates, month names and academic years."""

from __future__ import annotations

import datetime as dt

import pytest

from docgen.language import (
    CASES,
    academic_year,
    date_long,
    date_short,
    date_text,
    month_name,
    to_date,
)

NBSP = "\u00a0"
DAY = dt.date(2026, 11, 26)


@pytest.mark.parametrize(
    "value", [DAY, dt.datetime(2026, 11, 26, 15, 30), "2026-11-26", "26.11.2026"]
)
def test_dates_arrive_in_several_forms(value: object) -> None:
    assert to_date(value) == DAY
    assert date_long(value) == f"«26» ноября 2026{NBSP}г."
    assert date_short(value) == "26.11.2026"
    assert date_text(value) == f"26 ноября 2026{NBSP}г."


def test_day_gets_a_leading_zero_only_in_the_contract_header() -> None:
    assert date_long("2026-03-05") == f"«05» марта 2026{NBSP}г."
    assert date_text("2026-03-05") == f"5 марта 2026{NBSP}г."
    assert date_short("2026-03-05") == "05.03.2026"


def test_no_narrow_no_break_space_from_babel() -> None:
    assert "\u202f" not in date_long(DAY) + date_text(DAY)


def test_month_in_every_case() -> None:
    assert [month_name(DAY, case) for case in CASES] == [
        "ноябрь",
        "ноября",
        "ноябрю",
        "ноябрь",
        "ноябрём",
        "ноябре",
    ]


@pytest.mark.parametrize(
    ("month", "nominative", "genitive", "prepositional"),
    [
        (1, "январь", "января", "январе"),
        (5, "май", "мая", "мае"),
        (8, "август", "августа", "августе"),
        (12, "декабрь", "декабря", "декабре"),
    ],
)
def test_month_numbers(month: int, nominative: str, genitive: str, prepositional: str) -> None:
    assert month_name(month) == nominative
    assert month_name(month, "genitive") == genitive
    assert month_name(month, "prepositional") == prepositional


@pytest.mark.parametrize(
    ("value", "case", "expected"),
    [
        (2025, "nominative", "2025–2026 учебный год"),
        ("2025/2026", "genitive", "2025–2026 учебного года"),
        ("2025-2026", "prepositional", "2025–2026 учебном году"),
        ("2025–2026", "accusative", "2025–2026 учебный год"),
        (dt.date(2026, 3, 1), "nominative", "2025–2026 учебный год"),
        (dt.date(2026, 9, 1), "nominative", "2026–2027 учебный год"),
    ],
)
def test_academic_year_with_an_en_dash(value: object, case: str, expected: str) -> None:
    assert academic_year(value, case) == expected


@pytest.mark.parametrize("value", ["2026-02-30", "завтра", "31.13.2026"])
def test_text_that_is_not_a_date_is_rejected(value: str) -> None:
    with pytest.raises(ValueError, match="не дата"):
        to_date(value)


def test_wrong_types_and_values_are_rejected() -> None:
    with pytest.raises(TypeError, match="ожидается дата"):
        date_long(20261126.0)
    with pytest.raises(ValueError, match="от 1 до 12"):
        month_name(13)
    with pytest.raises(ValueError, match="второй год должен следовать"):
        academic_year("2025/2027")
