"""Write numbers, sums and percentages the Russian way, and sums in the contract format.

«1 234 (одна тысяча двести тридцать четыре) рубля 56 копеек»: the roubles in digits grouped
by thousands with a no-break space, the same number in words (num2words), the word «рубль»
and the kopecks (always two digits) agreed with their numbers (pymorphy3). ``format_number``,
``money`` and ``percent`` write «1 234,5», «1 234,50 руб.» and «12,5 %»: a decimal comma,
thousands grouped by no-break spaces. All of them take the value a workbook cell stores.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache

from docgen.language.agreement import agree_with_number, group_digits
from docgen.language.cells import stored_value

NBSP = "\u00a0"
_KOPECK = Decimal("0.01")
_AMOUNT_TEXT = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")
_NUMBER_TEXT = re.compile(r"^[+-]?\d+(?:[.,]\d+)?(?:[eE][+-]?\d+)?$")


def to_decimal(value: object) -> Decimal:
    """Return a number (int, float, Decimal or digit text, a workbook cell's stored number)."""
    value = stored_value(value)
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
        raise TypeError(f"ожидается число, а не {type(value).__name__}: {value!r}")
    text = value if isinstance(value, str) else repr(value) if isinstance(value, float) else value
    if isinstance(text, str):
        text = text.strip().replace(" ", "").replace(NBSP, "").replace("\u202f", "")
        if not _NUMBER_TEXT.match(text):
            raise ValueError(f"«{value}» — не число: ожидается число вроде 1234,5")
        text = text.replace(",", ".")
    number = Decimal(text)
    if not number.is_finite():
        raise ValueError(f"«{value}» — не число: ожидается конечное число")
    return number


def format_number(value: object, decimals: int | None = None) -> str:
    """Return «1 234,5»: thousands grouped by no-break spaces and a decimal comma.

    ``decimals`` fixes the digits after the comma (rounded half up); by default a whole number
    has none and a fraction keeps the digits it has.
    """
    number = to_decimal(value)
    if decimals is not None:
        number = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    elif number == number.to_integral_value():
        number = number.quantize(Decimal(1))
    sign = "-" if number < 0 else ""
    whole, _, fraction = f"{abs(number):f}".partition(".")
    grouped = group_digits(int(whole))
    return f"{sign}{grouped},{fraction}" if fraction else f"{sign}{grouped}"


def money(value: object) -> str:
    """Return a sum with kopecks and «руб.»: «1 234,50 руб.»."""
    return f"{format_number(value, 2)}{NBSP}руб."


def percent(value: object, decimals: int | None = None) -> str:
    """Return a share as a percentage, as Excel shows a percent cell: 0.125 → «12,5 %».

    The value is a share (what a percent cell stores); ``decimals`` as for ``format_number``,
    by default at most one digit after the comma («12,5 %», «40 %»).
    """
    share = to_decimal(value) * 100
    if decimals is None:
        share = share.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{format_number(share, decimals)}{NBSP}%"


def to_amount(value: object) -> Decimal:
    """Return a sum of money as a ``Decimal`` rounded to kopecks.

    Accepts int, Decimal, float (read through its shortest text, so 0.1 stays 0.1) and digit
    strings («1234.56», «1 234,56»). Raises ``TypeError`` for anything else and
    ``ValueError`` for a negative sum or text that is not a number. A workbook cell gives the
    number it stores.
    """
    value = stored_value(value)
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
        raise TypeError(f"сумма должна быть числом, а не {type(value).__name__}: {value!r}")
    if isinstance(value, str):
        text = value.strip().replace(" ", "").replace(NBSP, "").replace("\u202f", "")
        if not _AMOUNT_TEXT.match(text):
            raise ValueError(f"«{value}» — не сумма: ожидается число вроде 1234.56")
        value = text.replace(",", ".")
    try:
        amount = Decimal(repr(value) if isinstance(value, float) else value)
    except InvalidOperation as exc:
        raise ValueError(f"«{value}» — не сумма: ожидается число вроде 1234.56") from exc
    if not amount.is_finite():
        raise ValueError(f"«{value}» — не сумма: ожидается конечное число")
    amount = amount.quantize(_KOPECK, rounding=ROUND_HALF_UP)
    if amount < 0:
        raise ValueError(f"сумма не может быть отрицательной: {value}")
    return amount


@lru_cache(maxsize=4096)
def number_in_words(number: int) -> str:
    """Return a non-negative integer in words, masculine: 1234 → «одна тысяча двести …»."""
    from num2words import num2words

    if number < 0:
        raise ValueError(f"число не может быть отрицательным: {number}")
    words: str = num2words(number, lang="ru")
    return words


def sum_in_words(value: object) -> str:
    """Return a sum in the contract format «1 234 (одна тысяча …) рубля 56 копеек».

    See ``to_amount`` for the accepted inputs; a negative sum raises ``ValueError``.
    """
    amount = to_amount(value)
    roubles = int(amount)
    kopecks = int((amount - roubles) * 100)
    return (
        f"{group_digits(roubles)} ({number_in_words(roubles)}) "
        f"{agree_with_number(roubles, 'рубль')} "
        f"{kopecks:02d} {agree_with_number(kopecks, 'копейка')}"
    )
