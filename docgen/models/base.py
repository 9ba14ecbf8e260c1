"""Define the base model and small types shared by every docgen model."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    StringConstraints,
    ValidatorFunctionWrapHandler,
    WrapValidator,
)

Case = Literal["genitive", "dative", "accusative", "instrumental", "prepositional"]
"""A grammatical case whose form may be given by hand (the nominative is the data itself)."""

CaseForms = dict[Case, str]
"""Hand-written forms of a name or phrase by case; a given form always wins over a computed one."""

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""A non-empty line of text, stripped of surrounding white space."""


def empty_to_none(value: Any) -> Any:
    """Treat an empty or blank string (an empty cell) as a missing value."""
    if isinstance(value, str) and not value.strip():
        return None
    return value


OptionalText = Annotated[str | None, BeforeValidator(empty_to_none)]
"""Optional text where an empty string means «not given»."""


_RU_DATE = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*(?:г\.?)?\s*$")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


def russian_date(value: Any) -> Any:
    """Accept «26.11.2026» besides ISO «2026-11-26» and dates; a datetime loses its time."""
    if isinstance(value, dt.datetime):
        return value.date()
    if not isinstance(value, str):
        return value
    match = _RU_DATE.match(value)
    iso = None if match else _ISO_DATE.match(value)
    if match:
        day, month, year = (int(group) for group in match.groups())
    elif iso:
        year, month, day = (int(group) for group in iso.groups())
    else:
        return value
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"«{value.strip()}» — такой даты нет в календаре") from exc


Date = Annotated[dt.date, BeforeValidator(russian_date)]
"""A date written as 26.11.2026 or 2026-11-26."""


def find_date(text: str | None, pattern: re.Pattern[str]) -> dt.date | None:
    """Return the date ``pattern`` finds in ``text`` (groups: day, month, year), or None.

    None also when the date found is not in the calendar (31.02.2026).
    """
    match = pattern.search(text or "")
    if match is None:
        return None
    day, month, year = (int(group) for group in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


MONEY_LIMIT = Decimal(10) ** 12
"""Sums of money are below a trillion roubles; anything larger is a typing mistake."""
_KOPECK = Decimal("0.01")


def check_money(value: Any, to_decimal: ValidatorFunctionWrapHandler) -> Decimal:
    """Refuse a sum that is not finite, not below ``MONEY_LIMIT`` or finer than a kopeck."""
    amount: Decimal = to_decimal(value)
    if not amount.is_finite() or abs(amount) >= MONEY_LIMIT:
        raise ValueError(
            f"«{value}» — не сумма в рублях: ожидается число меньше 1 000 000 000 000, "
            "например 1500.50"
        )
    if amount != amount.quantize(_KOPECK):
        raise ValueError(f"«{value}»: копеек — не больше двух знаков после точки")
    return amount


Money = Annotated[Decimal, WrapValidator(check_money)]
"""A sum of money in roubles, at most two decimal places: 1500.50."""


class DocModel(BaseModel):
    """Base of every docgen model: unknown keys are rejected, strings are stripped."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        validate_default=True,
        use_enum_values=False,
        coerce_numbers_to_str=True,
    )
