"""Check document numbers in a workbook: ones Excel turned into dates, and near-duplicates.

Excel reads «1-12» or «01.12» typed into a General cell as a date and shows «01.12.2026»;
a number built from such a cell reads «ДОГОВОР № 01.12.2026». Neither is the number the user
meant, and nothing can bring it back, so the cell is refused with the way to fix it.

Two numbers that differ only in case, spaces, «№», the kind of dash or a Latin look-alike
letter («СП-2026/001» and «сп-2026/001 ») are most likely one agreement typed twice, or a
typo in one of them: each later one is a warning naming the row of the first.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from docgen.sources.workbook.columns import Column, Kind

_DATE = r"\d{1,2}[./]\d{1,2}[./]\d{4}|\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(?::\d{2})?"
_DATE_TEXT = re.compile(rf"(?:[^\W\d_]+\.?\s+)*(?:№\s*)?(?:{_DATE})", re.IGNORECASE)
"""A date as Excel shows it or a program prints a date cell, alone or after words and «№»:
«01.12.2026», «ДОГОВОР № 01.12.2026», «2026-12-01 00:00:00». «2026-12-01» alone may be a
number by year, month and order, and passes."""
_DASHES = re.compile(r"[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")
_LOOK_ALIKES = str.maketrans("aceopxykmthb", "асеорхукмтнв")
"""Latin letters that look like Cyrillic ones (after casefolding), mapped to those."""

DATE_ADVICE = (
    "похоже, Excel превратил номер в дату; отформатируйте столбец как «Текстовый» (правой "
    "кнопкой → «Формат ячеек» → «Текстовый») и впишите номер заново"
)


def is_number_column(column: Column) -> bool:
    """Return whether a column holds a document's number (an agreement's «Номер»)."""
    return column.kind is Kind.TEXT and (
        column.path[-1].endswith("number") or column.header.casefold().startswith("номер")
    )


def number_problem(value: Any) -> str | None:
    """Return why a number cell cannot be read (a date where a number was typed), or None."""
    raw = getattr(value, "raw_value", value)
    if isinstance(raw, dt.date):
        return DATE_ADVICE
    if isinstance(value, str) and _DATE_TEXT.fullmatch(value.strip()):
        return DATE_ADVICE
    return None


def fold_number(number: str) -> str:
    """Return a number as compared for near-duplicates: no case, spaces, «№»; one dash."""
    text = _DASHES.sub("-", number.casefold().replace("ё", "е").replace("№", ""))
    return "".join(text.split()).translate(_LOOK_ALIKES)


class NearDuplicates:
    """Remember the numbers seen; tell a new one that differs from an earlier only in form."""

    def __init__(self) -> None:
        self._seen: dict[str, tuple[str, int]] = {}

    def similar(self, number: str) -> str | None:
        """Return the first number seen that ``number`` nearly matches, if there is one."""
        earlier = self._seen.get(fold_number(number))
        return earlier[0] if earlier is not None else None

    def check(self, number: str, row: int) -> str | None:
        """Note ``number`` of ``row``; return a warning if an earlier one is nearly the same."""
        folded = fold_number(number)
        earlier = self._seen.setdefault(folded, (number, row))
        if earlier[0] == number:
            return None
        return (
            f"номер почти совпадает с «{earlier[0]}» в строке {earlier[1]}: отличаются только "
            "регистр, пробелы, «№», тире или латинские буквы вместо русских; если это один "
            "договор, впишите номер в обеих строках одинаково, если разные — исправьте номер"
        )
