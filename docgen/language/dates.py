"""Write dates, month names and academic years the way Russian documents do.

Dates come from babel with explicit patterns: its built-in long formats put a narrow no-break
space (U+202F) before «г.», so the patterns here add an ordinary no-break space (U+00A0)
themselves. babel has no prepositional month («в ноябре»); pymorphy3 provides it.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from docgen.language.cells import stored_value
from docgen.language.morph import CASE_GRAMMEMES, check_case, parse

if TYPE_CHECKING:
    from babel import Locale

NBSP = "\u00a0"
EN_DASH = "\u2013"

_ACADEMIC_YEAR_TEXT = re.compile(r"^\s*(\d{4})\s*(?:[-/\u2013\u2014]\s*(\d{4}))?\s*$")
_RUSSIAN_DATE = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")
# The academic year starts on 1 September.
_FIRST_MONTH_OF_ACADEMIC_YEAR = 9
_ACADEMIC_YEAR_WORDS = {
    "nominative": "учебный год",
    "genitive": "учебного года",
    "dative": "учебному году",
    "accusative": "учебный год",
    "instrumental": "учебным годом",
    "prepositional": "учебном году",  # «в 2025–2026 учебном году»
}


def to_date(value: object) -> dt.date:
    """Return a ``date`` from a date, a datetime, an ISO string «2026-11-26» or «26.11.2026».

    A workbook cell gives the date it stores. Raises ``TypeError`` for other types and
    ``ValueError`` for text that is not a date.
    """
    value = stored_value(value)
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise TypeError(f"ожидается дата, а не {type(value).__name__}: {value!r}")
    text = value.strip()
    try:
        russian = _RUSSIAN_DATE.match(text)
        if russian:
            day, month, year = (int(group) for group in russian.groups())
            return dt.date(year, month, day)
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise ValueError(f"«{value}» — не дата: напишите 2026-11-26 или 26.11.2026") from exc


@lru_cache(maxsize=1)
def _locale() -> Locale:
    """Return babel's Russian locale, parsed once."""
    from babel import Locale

    return Locale.parse("ru")


def _format(day: dt.date, pattern: str) -> str:
    """Format ``day`` with a babel (CLDR) ``pattern`` in Russian."""
    from babel.dates import format_date

    text: str = format_date(day, pattern, locale=_locale())
    return text


@lru_cache(maxsize=4096)
def _date_long(day: dt.date) -> str:
    """Return «26» ноября 2026 г. for a ``date``."""
    return _format(day, "«dd» MMMM yyyy") + NBSP + "г."


def date_long(value: object) -> str:
    """Return the contract-header date «26» ноября 2026 г. (no-break space before «г.»)."""
    return _date_long(to_date(value))


def date_text(value: object) -> str:
    """Return the date for running text: 26 ноября 2026 г. (no-break space before «г.»)."""
    return _format(to_date(value), "d MMMM yyyy") + NBSP + "г."


def date_short(value: object) -> str:
    """Return the numeric date 26.11.2026."""
    return _format(to_date(value), "dd.MM.yyyy")


def _month_number(value: object) -> int:
    """Return a month number 1–12 from an int or anything ``to_date`` accepts."""
    value = stored_value(value)
    if isinstance(value, int) and not isinstance(value, bool):
        if not 1 <= value <= 12:
            raise ValueError(f"номер месяца должен быть от 1 до 12, а не {value}")
        return value
    return to_date(value).month


@lru_cache(maxsize=128)
def _month(month: int, case: str) -> str:
    """Return the name of month ``month`` (1–12) in ``case``."""
    checked = check_case(case)
    nominative = _format(dt.date(2000, month, 1), "LLLL")
    if checked == "nominative":
        return nominative
    if checked == "genitive":
        return _format(dt.date(2000, month, 1), "MMMM")
    found = next(p for p in parse(nominative) if p.tag.case == "nomn")
    inflected = found.inflect({CASE_GRAMMEMES[checked]})
    return str(inflected.word) if inflected else nominative


def month_name(value: object, case: str = "nominative") -> str:
    """Return a month's name in ``case``: ноябрь, ноября, ноябре…

    ``value`` is a month number 1–12, a date or an ISO date string.
    """
    return _month(_month_number(value), case)


def _academic_start(value: object) -> int:
    """Return the first calendar year of an academic year given in one of several forms."""
    value = stored_value(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str):
        match = _ACADEMIC_YEAR_TEXT.match(value)
        if match:
            start = int(match.group(1))
            if match.group(2) and int(match.group(2)) != start + 1:
                raise ValueError(f"учебный год «{value}»: второй год должен следовать за первым")
            return start
    day = to_date(value)
    return day.year if day.month >= _FIRST_MONTH_OF_ACADEMIC_YEAR else day.year - 1


def academic_year(value: object, case: str = "nominative") -> str:
    """Return «2025–2026 учебный год» (en dash) in ``case``.

    ``value`` is the first year (2025), a text «2025–2026» / «2025/2026» / «2025-2026», or a
    date inside the year (a date from September on starts a new academic year).
    """
    start = _academic_start(value)
    return f"{start}{EN_DASH}{start + 1} {_ACADEMIC_YEAR_WORDS[check_case(case)]}"
