"""Write the error workbook of a batch: one row per problem, naming the cell to fix.

Columns: sheet, row, column, header, the value as typed, and what is wrong. A problem of a
whole document (a value the template needs is empty) names only the row and the message.
Every cell is written as text, so a value that starts with «=» never turns into a formula.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font

from docgen.engine.output import write_atomically
from docgen.sources.workbook.messages import CellMessage
from docgen.sources.workbook.values import plain_text

ERROR_REPORT_NAME = "ошибки.xlsx"
"""The error workbook's name, beside the batch's output."""
HEADERS = ("Лист", "Строка", "Столбец", "Заголовок", "Значение", "Ошибка")
_WIDTHS = (22, 9, 10, 30, 30, 100)
_SHEET_TITLE = "Ошибки"


def error_workbook(messages: Sequence[CellMessage]) -> bytes:
    """Return the .xlsx bytes of a workbook listing ``messages``, one row each."""
    book = Workbook()
    sheet = book.active
    sheet.title = _SHEET_TITLE
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for message in messages:
        sheet.append([None] * len(HEADERS))
        _fill(sheet, sheet.max_row, message)
    for letter, width in zip("ABCDEF", _WIDTHS, strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:F{max(sheet.max_row, 2)}"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _fill(sheet: Any, row: int, message: CellMessage) -> None:
    value = "" if message.value is None else plain_text(message.value)
    texts = (message.sheet, None, message.column, message.header, value, message.message)
    for number, text in enumerate(texts, start=1):
        cell = sheet.cell(row=row, column=number)
        if text:
            cell.value = ILLEGAL_CHARACTERS_RE.sub("", text)
            cell.data_type = "s"  # text, even when it starts with «=»
    if message.row is not None:
        sheet.cell(row=row, column=2).value = message.row
    sheet.cell(row=row, column=6).alignment = Alignment(wrap_text=True)


def write_error_report(path: Path, messages: Sequence[CellMessage]) -> Path:
    """Write the error workbook to ``path`` atomically and return ``path``."""
    write_atomically(path, error_workbook(messages))
    return path
