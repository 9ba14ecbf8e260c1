"""Type a user's template column by how the template uses it: a date, a number, a name, text.

A column stays text in the documents — what the spreadsheet shows («20.11.2026»,
«1 234,50») — but a column the template passes to a date filter must hold a date, one passed
to ``sum_words`` a number: each value is checked as it is read and carries the date or number
(``CellText.raw_value``) that the filters compute with. A column passed to a case filter holds
a person's or an organisation's name in the nominative; the note on its header says so.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import BeforeValidator, ValidatorFunctionWrapHandler, WrapValidator

from docgen.models.base import empty_to_none, russian_date
from docgen.sources.workbook.columns import CellFormat, Kind
from docgen.sources.workbook.display import general_number
from docgen.sources.workbook.values import CellText, plain_text

DATE_FILTERS = frozenset(
    {"date_long", "date_text", "date_short", "month_nominative", "month_genitive"}
    | {"month_prepositional"}
)
NUMBER_FILTERS = frozenset({"sum_words", "money", "number", "percent", "with_noun", "noun_form"})
NAME_FILTERS = frozenset(
    {"nominative", "genitive", "dative", "accusative", "instrumental", "prepositional"}
    | {"initials", "surname_initials", "named", "acting", "by_gender"}
)
NAME_NOTE = (
    "Фамилия Имя Отчество полностью (например, Петрова Мария Сергеевна) или полное "
    "наименование организации — в именительном падеже: шаблон склоняет сам."
)
_DATE_NOTE = "Дата: ДД.ММ.ГГГГ, например 20.11.2026."
_NUMBER_NOTE = "Число: сумма или количество, например 1500 или 1 234,50."
_CURRENCY = re.compile(r"\s*(?:руб(?:лей|ля|ль)?\.?|р\.|₽)\s*$", re.IGNORECASE)


def keep_cell_text(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    """Validate as text, but keep a ``CellText`` (its raw value) when the text is unchanged."""
    result = handler(value)
    return value if isinstance(value, CellText) and result == value else result


def as_date(value: Any) -> Any:
    """Return a cell as a ``CellText`` carrying its date; refuse what is not a date."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    raw = value.raw_value if isinstance(value, CellText) else value
    parsed = russian_date(raw.strip() if isinstance(raw, str) else raw)
    if isinstance(parsed, dt.datetime):
        parsed = parsed.date()
    if not isinstance(parsed, dt.date):
        raise ValueError(f"«{plain_text(value)}» — ожидается дата: ДД.ММ.ГГГГ, например 20.11.2026")
    return value if isinstance(value, CellText) else CellText(f"{parsed:%d.%m.%Y}", parsed)


def as_number(value: Any) -> Any:
    """Return a cell as a ``CellText`` carrying its number; refuse what is not a number."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    raw = value.raw_value if isinstance(value, CellText) else value
    if isinstance(raw, int | float | Decimal) and not isinstance(raw, bool):
        return value if isinstance(value, CellText) else CellText(general_number(raw), raw)
    text = plain_text(value)
    digits = re.sub(r"[\s\u00a0\u202f]", "", _CURRENCY.sub("", text)).replace(",", ".")
    try:
        number = Decimal(digits)
    except InvalidOperation:
        number = Decimal("NaN")
    if not number.is_finite():
        raise ValueError(f"«{text}» — ожидается число, например 1500 или 1 234,50")
    return CellText(text, number)


TemplateText = Annotated[
    str | None, BeforeValidator(empty_to_none), WrapValidator(keep_cell_text), CellFormat(Kind.TEXT)
]
TemplateName = Annotated[
    str | None,
    BeforeValidator(empty_to_none),
    WrapValidator(keep_cell_text),
    CellFormat(Kind.TEXT, NAME_NOTE, name=True),
]
TemplateDate = Annotated[
    str | None,
    WrapValidator(keep_cell_text),
    BeforeValidator(as_date),
    CellFormat(Kind.DATE, _DATE_NOTE),
]
TemplateNumber = Annotated[
    str | None,
    WrapValidator(keep_cell_text),
    BeforeValidator(as_number),
    CellFormat(Kind.DECIMAL, _NUMBER_NOTE),
]


def value_type(filters: Iterable[str]) -> Any:
    """Return the field type of a column whose value goes through ``filters``."""
    used = set(filters)
    if used & DATE_FILTERS:
        return TemplateDate
    if used & NUMBER_FILTERS:
        return TemplateNumber
    if used & NAME_FILTERS:
        return TemplateName
    return TemplateText
