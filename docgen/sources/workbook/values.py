"""Read cell values as people type them into what the models expect.

Excel turns an ИНН into a number (and drops its leading zero), a «12.10» into a date and
«да» stays text; openpyxl returns whatever Excel stored. Each reader here takes that value
and returns what the model should see, with a notice when it had to repair something.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from openpyxl.utils.datetime import from_excel

from docgen.errors import RequisitesError
from docgen.models import requisites as rq
from docgen.sources.workbook.columns import Column, Kind
from docgen.sources.workbook.display import general_number

MISSING: Any = type("Missing", (), {"__repr__": lambda self: "MISSING"})()
"""What an empty cell reads as: the key is left out and the model's default applies."""

_TRUE = frozenset({"да", "д", "+", "1", "true", "yes", "y", "истина", "v", "✓", "✔", "x", "х"})
_FALSE = frozenset({"нет", "н", "-", "–", "—", "0", "false", "no", "n", "ложь"})
_CURRENCY = re.compile(r"\s*(?:руб(?:лей|ля|ль)?\.?|р\.|₽)\s*$", re.IGNORECASE)
_BULLET = re.compile(r"^(?:[-–—•·]\s+|\d{1,2}[.)]\s+)")
_EXACT_DIGITS = 15  # an Excel number keeps 15 significant digits; longer codes lose the rest
_SERIAL_DATES = (1, 2958465)  # 01.01.1900 … 31.12.9999 as Excel day numbers

_LENGTHS: dict[str, tuple[int, ...]] = {
    "inn": (10, 12),
    "ogrn": (13, 15),
    "kpp": (9,),
    "bik": (9,),
    "okpo": (8, 10, 14),
    "oktmo": (8, 11),
    "account": (20,),
}
_NAMES = {
    "inn": "ИНН",
    "ogrn": "ОГРН",
    "kpp": "КПП",
    "bik": "БИК",
    "okpo": "ОКПО",
    "oktmo": "ОКТМО",
    "account": "счёт",
}
# Only a check digit (ИНН, ОКПО) or a fixed first digit (БИК always starts with 0) proves
# that a zero was lost; КПП and ОКТМО have neither, so they are reported, not guessed.
_PROVEN: dict[str, Callable[[str], str]] = {
    "inn": rq.validate_inn,
    "okpo": rq.validate_okpo,
    "bik": rq.validate_bik,
}
_TEXT_FORMAT_HINT = "чтобы Excel не менял число, задайте столбцу формат «Текстовый»"


class CellText(str):
    """A number or date cell as the spreadsheet shows it («1 234,50»), keeping what it stores.

    ``str(cell)`` is the text a person sees in Excel, in Russian conventions; ``raw_value``
    is the stored number or date, which filters that compute (``sum_words``, date filters)
    take instead of the text: ``getattr(value, "raw_value", value)``.
    """

    raw_value: Any

    def __new__(cls, text: str, raw_value: Any) -> CellText:
        cell = super().__new__(cls, text)
        cell.raw_value = raw_value
        return cell

    def __reduce__(self) -> tuple[Any, ...]:
        return (CellText, (str(self), self.raw_value))


@dataclass(frozen=True)
class FormulaCell:
    """A formula cell that holds no value to read: never calculated, or an error (#REF!)."""

    formula: str
    error: str | None = None

    def __str__(self) -> str:
        return self.error or f"={self.formula}"

    def problem(self) -> str:
        """Return what is wrong with the cell and how to fix it."""
        if self.error:
            return f"в ячейке ошибка формулы {self.error} — исправьте формулу или впишите значение"
        return (
            "в ячейке формула без вычисленного значения (файл сохранён программой, которая "
            "не считает формулы) — откройте файл в Excel или LibreOffice и сохраните его, "
            "или впишите значение"
        )


@dataclass(frozen=True)
class Reading:
    """What a cell means to the model, and a notice or a problem found on the way."""

    value: Any
    notice: str | None = None
    problem: str | None = None
    warning: str | None = None
    """Something to check that the value cannot prove wrong (a male name, a female patronymic)."""


def is_blank(value: Any) -> bool:
    """Return whether a cell is empty: nothing, or only white space."""
    return value is None or (isinstance(value, str) and not value.strip())


def read_cell(value: Any, column: Column) -> Reading:
    """Return the value a column's field should get from a cell."""
    if is_blank(value):
        return Reading(MISSING)
    if isinstance(value, FormulaCell):
        return Reading(MISSING, problem=value.problem())
    if isinstance(value, CellText) and column.kind not in (Kind.TEXT, Kind.PERSON):
        value = value.raw_value  # a date or a sum is read from what the cell stores
    if column.many:
        return _read_many(value, column)
    return _read_one(value, column)


def _read_many(value: Any, column: Column) -> Reading:
    """Split a cell holding several values: one per line, or separated by «;»."""
    if not isinstance(value, str):
        return _read_one(value, column)
    parts = value.splitlines() if "\n" in value.strip() else value.split(";")
    items = [_BULLET.sub("", part.strip()).rstrip(" ;") for part in parts]
    readings = [_read_one(item, column) for item in items if item.strip()]
    notices = [r.notice for r in readings if r.notice]
    problems = [r.problem for r in readings if r.problem]
    warnings = [r.warning for r in readings if r.warning]
    return Reading(
        [r.value for r in readings],
        "; ".join(notices) or None,
        "; ".join(problems) or None,
        "; ".join(warnings) or None,
    )


def _read_one(value: Any, column: Column) -> Reading:
    return _READERS[column.kind](value, column)


def plain_text(value: Any) -> str:
    """Return a cell as the text a person sees: 2204015263, not 2204015263.0; 12.10.2026."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "да" if value else "нет"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return f"{value:%d.%m.%Y}" if value.time() == dt.time() else f"{value:%d.%m.%Y %H:%M}"
    if isinstance(value, dt.date):
        return f"{value:%d.%m.%Y}"
    if isinstance(value, dt.time):
        return f"{value:%H:%M}"
    return str(value)


def _read_text(value: Any, column: Column) -> Reading:
    if isinstance(value, CellText) and column.requisite in _LENGTHS:
        value = value.raw_value  # a code's digits, not «2 204 015 263»
    if isinstance(value, CellText):
        return Reading(value)
    if isinstance(value, str) and (column.names or column.kind is Kind.PERSON):
        return read_name(value)
    if isinstance(value, str) and column.path[-1] in _NAME_PARTS:
        return _read_name_part(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if abs(value) >= 10**_EXACT_DIGITS:
            return Reading(
                plain_text(value),
                problem=(
                    f"число {plain_text(value)}: Excel хранит только 15 значащих цифр, "
                    "остальные потеряны — введите значение заново как текст (формат ячейки "
                    "«Текстовый» или апостроф перед числом)"
                ),
            )
        if column.requisite in _LENGTHS:
            return _read_requisite_number(int(value), column.requisite)
        return Reading(CellText(general_number(value), value))
    if isinstance(value, dt.date | dt.time):
        return Reading(CellText(plain_text(value), value))
    return Reading(plain_text(value))


_NAME_PARTS = frozenset({"last_name", "first_name", "middle_name"})


def read_name(text: str) -> Reading:
    """Read a name as people type it: spaces, capitals and Latin look-alikes put right.

    The text is recognised as the filters will (``docgen.language.recognise``): a person's
    name is tidied and its fixes noted; a doubt (a male name with a female patronymic) is a
    warning; an organisation's name or a phrase keeps its capitals, only its spaces tidied.
    """
    from docgen.language.recognise import recognise  # loads the analyser only for names

    found = recognise(text.strip())
    tidy = found.text if found.kind in ("person", "signer") else " ".join(text.split())
    return _tidied_name(text, tidy, found.fixes, found.doubts)


def _read_name_part(text: str) -> Reading:
    from docgen.language.normalise import normalise_name

    tidy, notes = normalise_name(text)
    return _tidied_name(text, tidy, notes, ())


def _tidied_name(text: str, tidy: str, fixes: Sequence[str], doubts: Sequence[str]) -> Reading:
    """Return a tidied name: Latin look-alikes replaced and doubts are warnings, the rest notices.

    A Latin letter is a warning, not a quiet fix: the name may have been pasted from
    elsewhere and should be checked; the warning says what was replaced.
    """
    latin = [fix for fix in fixes if "латинск" in fix]
    tidied = [fix for fix in fixes if "латинск" not in fix]
    changed = tidy != text.strip() and tidied
    return Reading(
        tidy,
        notice=f"«{text.strip()}» → «{tidy}»: {', '.join(tidied)}" if changed else None,
        warning="; ".join([*latin, *doubts]) or None,
    )


def _read_requisite_number(number: int, requisite: str) -> Reading:
    """Restore leading zeros Excel dropped from a code, but only when a check proves them."""
    digits = str(number)
    lengths = _LENGTHS[requisite]
    if len(digits) in lengths or len(digits) > max(lengths):
        return Reading(digits)
    check = _PROVEN.get(requisite)
    restored = [
        digits.zfill(length) for length in lengths if length > len(digits) and check is not None
    ]
    valid = [code for code in restored if _passes(check, code)]
    name = _NAMES[requisite]
    if len(valid) == 1:
        reason = "контрольная цифра сходится" if requisite != "bik" else "БИК всегда с 0"
        return Reading(
            valid[0],
            notice=(
                f"число {digits}: Excel отбросил ведущий ноль, восстановлен {name} "
                f"{valid[0]} ({reason}); {_TEXT_FORMAT_HINT}"
            ),
        )
    return Reading(
        digits,
        problem=(
            f"{name} {digits}: {len(digits)} цифр — похоже, Excel отбросил ведущие нули, "
            f"а восстановить их по контрольной цифре нельзя. Введите {name} как текст "
            f"полностью ({_TEXT_FORMAT_HINT})"
        ),
    )


def _passes(check: Callable[[str], str] | None, code: str) -> bool:
    if check is None:
        return False
    try:
        check(code)
    except RequisitesError:
        return False
    return True


def _number_text(value: str) -> str:
    """Strip spaces and a currency word and use a dot: «1 500,50 руб.» → «1500.50»."""
    text = _CURRENCY.sub("", value.strip())
    return re.sub(r"[\s\u00a0\u202f]", "", text).replace(",", ".")


def _read_integer(value: Any, column: Column) -> Reading:
    if isinstance(value, float) and value.is_integer():
        return Reading(int(value))
    if isinstance(value, str):
        text = _number_text(value)
        if re.fullmatch(r"[+-]?\d+(?:\.0*)?", text):
            return Reading(int(float(text)))
        return Reading(value.strip())
    return Reading(value)


def _read_decimal(value: Any, column: Column) -> Reading:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Reading(Decimal(str(value)))
    if isinstance(value, str):
        try:
            return Reading(Decimal(_number_text(value)))
        except InvalidOperation:
            return Reading(value.strip())
    return Reading(value)


def _read_boolean(value: Any, column: Column) -> Reading:
    if isinstance(value, bool):
        return Reading(value)
    word = plain_text(value).lower().rstrip(".")
    if word in _TRUE:
        return Reading(True)
    if word in _FALSE:
        return Reading(False)
    return Reading(plain_text(value))


def _read_date(value: Any, column: Column) -> Reading:
    if isinstance(value, dt.datetime):
        return Reading(value.date())
    if isinstance(value, int | float) and not isinstance(value, bool):
        if _SERIAL_DATES[0] <= value <= _SERIAL_DATES[1]:
            day = from_excel(value).date()
            return Reading(
                day,
                notice=(
                    f"число {plain_text(value)} прочитано как дата {day:%d.%m.%Y} "
                    "(номер дня в Excel); задайте ячейке формат «Дата»"
                ),
            )
        return Reading(plain_text(value))
    return Reading(value.strip() if isinstance(value, str) else value)


def _fold(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").split()).rstrip(".")


@functools.lru_cache(maxsize=256)
def _choices_by_fold(choices: tuple[str, ...]) -> dict[str, str]:
    """Return each choice by its folded form (the first, if two fold alike): once a column."""
    by_fold: dict[str, str] = {}
    for choice in choices:
        by_fold.setdefault(_fold(choice), choice)
    return by_fold


def _read_choice(value: Any, column: Column) -> Reading:
    text = plain_text(value)
    return Reading(_choices_by_fold(column.choices).get(_fold(text), text))


_READERS: dict[Kind, Callable[[Any, Column], Reading]] = {
    Kind.TEXT: _read_text,
    Kind.PERSON: _read_text,
    Kind.INTEGER: _read_integer,
    Kind.DECIMAL: _read_decimal,
    Kind.BOOLEAN: _read_boolean,
    Kind.DATE: _read_date,
    Kind.CHOICE: _read_choice,
}


def same_value(first: Any, second: Any) -> bool:
    """Return whether two read values mean the same (12.10.2026 typed twice, or as a date)."""
    return bool(first == second or plain_text(first) == plain_text(second))
