"""Define the base model and small types shared by every docgen model."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, StringConstraints

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


def russian_date(value: Any) -> Any:
    """Accept «26.11.2026» besides ISO «2026-11-26» and dates; a datetime loses its time."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        match = _RU_DATE.match(value)
        if match:
            day, month, year = (int(group) for group in match.groups())
            try:
                return dt.date(year, month, day)
            except ValueError as exc:
                raise ValueError(f"«{value.strip()}» — такой даты нет в календаре") from exc
    return value


Date = Annotated[dt.date, BeforeValidator(russian_date)]
"""A date written as 26.11.2026 or 2026-11-26."""


class DocModel(BaseModel):
    """Base of every docgen model: unknown keys are rejected, strings are stripped."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        validate_default=True,
        use_enum_values=False,
        coerce_numbers_to_str=True,
    )
