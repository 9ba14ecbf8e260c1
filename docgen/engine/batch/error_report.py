"""Write the error workbook of a batch: one row per problem or warning, naming the cell.

Columns: sheet, row, column, header, the value as typed, what is wrong, and the kind of row:
«ошибка» (the row made no document; fix it and run again) or «предупреждение» (the document
was made; check the value), warning rows shaded pale yellow. Errors come first, then
warnings, each in the order found. A batch with warnings only writes the workbook too (its
sheet is then «Предупреждения»). A problem of a whole document (a value the template needs is
empty) names only the row and the message. Every cell is written as text, so a value that
starts with «=» never turns into a formula. The same messages give the same bytes: no save
time in the package.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill

from docgen.engine.output import write_atomically
from docgen.sources.workbook.messages import WARNING, CellMessage
from docgen.sources.workbook.values import plain_text
from docgen.sources.workbook.write import fixed_times

ERROR_REPORT_NAME = "ошибки.xlsx"
"""The error workbook's name, beside the batch's output."""
HEADERS = ("Лист", "Строка", "Столбец", "Заголовок", "Значение", "Что не так", "Вид")
_WIDTHS = (22, 9, 10, 30, 30, 100, 16)
ERROR = "ошибка"
"""The «Вид» of a row that made no document."""
_WARNING_FILL = PatternFill("solid", fgColor="FFF2CC")
"""Pale yellow: a warning row stands apart from the errors above it."""


def error_workbook(messages: Sequence[CellMessage]) -> bytes:
    """Return the .xlsx bytes of a workbook listing ``messages``: errors, then warnings."""
    ordered = sorted(messages, key=lambda message: message.kind == WARNING)
    book = Workbook()
    sheet = book.active
    only_warnings = bool(ordered) and ordered[0].kind == WARNING
    sheet.title = "Предупреждения" if only_warnings else "Ошибки"
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for message in ordered:
        sheet.append([None] * len(HEADERS))
        _fill(sheet, sheet.max_row, message)
    for letter, width in zip("ABCDEFG", _WIDTHS, strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:G{max(sheet.max_row, 2)}"
    buffer = io.BytesIO()
    book.save(buffer)
    return fixed_times(buffer.getvalue())


def _fill(sheet: Any, row: int, message: CellMessage) -> None:
    value = "" if message.value is None else plain_text(message.value)
    kind = WARNING if message.kind == WARNING else ERROR
    texts = (message.sheet, None, message.column, message.header, value, message.message, kind)
    for number, text in enumerate(texts, start=1):
        cell = sheet.cell(row=row, column=number)
        if kind == WARNING:
            cell.fill = _WARNING_FILL
        if text:
            cell.value = ILLEGAL_CHARACTERS_RE.sub("", text)
            cell.data_type = "s"  # text, even when it starts with «=»
    if message.row is not None:
        sheet.cell(row=row, column=2).value = message.row
    sheet.cell(row=row, column=6).alignment = Alignment(wrap_text=True)


def write_error_report(path: Path, messages: Sequence[CellMessage]) -> Path:
    """Write the error workbook of ``messages`` (errors and warnings) to ``path`` atomically."""
    write_atomically(path, error_workbook(messages))
    return path
