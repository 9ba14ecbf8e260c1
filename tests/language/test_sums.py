"""Sums of money in the contract format."""

from __future__ import annotations

from decimal import Decimal

import pytest

from docgen.language import group_digits, sum_in_words, to_amount
from docgen.language.numbers import format_number, money, percent

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (0, "0 (ноль) рублей 00 копеек"),
        (1, "1 (один) рубль 00 копеек"),
        (2, "2 (два) рубля 00 копеек"),
        (5, "5 (пять) рублей 00 копеек"),
        (11, "11 (одиннадцать) рублей 00 копеек"),
        (21, "21 (двадцать один) рубль 00 копеек"),
        (
            Decimal("1234.56"),
            f"1{NBSP}234 (одна тысяча двести тридцать четыре) рубля 56 копеек",
        ),
        (1234.56, f"1{NBSP}234 (одна тысяча двести тридцать четыре) рубля 56 копеек"),
        ("1 234,56", f"1{NBSP}234 (одна тысяча двести тридцать четыре) рубля 56 копеек"),
        ("21.01", "21 (двадцать один) рубль 01 копейка"),
        (22.02, "22 (двадцать два) рубля 02 копейки"),
        (Decimal("2.5"), "2 (два) рубля 50 копеек"),
        (
            2_500_000,
            f"2{NBSP}500{NBSP}000 (два миллиона пятьсот тысяч) рублей 00 копеек",
        ),
        (21_000, f"21{NBSP}000 (двадцать одна тысяча) рублей 00 копеек"),
    ],
)
def test_sum_in_contract_format(amount: object, expected: str) -> None:
    assert sum_in_words(amount) == expected


def test_kopecks_are_rounded_half_up() -> None:
    assert to_amount(Decimal("1234.567")) == Decimal("1234.57")
    assert to_amount(Decimal("0.005")) == Decimal("0.01")
    assert to_amount(0.1) == Decimal("0.10")


@pytest.mark.parametrize("amount", [-5, Decimal("-0.01"), "-100", -1.5])
def test_negative_sums_are_rejected(amount: object) -> None:
    with pytest.raises(ValueError, match="не может быть отрицательной"):
        sum_in_words(amount)


@pytest.mark.parametrize("amount", ["сто", "12,3,4", "", "nan"])
def test_text_that_is_not_a_number_is_rejected(amount: str) -> None:
    with pytest.raises(ValueError, match="не сумма"):
        sum_in_words(amount)


@pytest.mark.parametrize("amount", [None, True, [1], object()])
def test_wrong_types_are_rejected(amount: object) -> None:
    with pytest.raises(TypeError, match="сумма должна быть числом"):
        sum_in_words(amount)


def test_group_digits() -> None:
    assert group_digits(999) == "999"
    assert group_digits(1234567) == f"1{NBSP}234{NBSP}567"


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (1234.5, None, "1\u00a0234,5"),
        (12780, None, "12\u00a0780"),
        ("1 234,50", None, "1\u00a0234,50"),
        (Decimal("-5.25"), None, "-5,25"),
        (3.14159, 2, "3,14"),
        (2.5, 0, "3"),
    ],
)
def test_number_is_written_the_russian_way(
    value: object, decimals: int | None, expected: str
) -> None:
    assert format_number(value, decimals) == expected


def test_money_and_percent() -> None:
    assert money(1234.5) == "1\u00a0234,50\u00a0руб."
    assert percent(0.125) == "12,5\u00a0%"
    assert percent(0.4) == "40\u00a0%"
    assert percent(1 / 3, 2) == "33,33\u00a0%"


def test_number_filters_take_the_value_a_cell_stores() -> None:
    class Cell(str):
        raw_value = 0.125

    assert percent(Cell("12,5 %")) == "12,5\u00a0%"
    assert format_number(Cell("12,5 %")) == "0,125"


@pytest.mark.parametrize("value", ["двенадцать", None, True, float("nan")])
def test_number_refuses_what_is_not_a_number(value: object) -> None:
    with pytest.raises((TypeError, ValueError)):
        format_number(value)
