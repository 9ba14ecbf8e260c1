"""Write the input workbook a user fills in for a model: headers, notes, lists, an example.

The record's sheet comes first; each list of sub-models (an agreement's joint activities)
gets a sheet of its own whose first column is the record's key. Row 1 is a title, row 2 the
headers (a note on each: description, allowed values, default, example), row 3 on the
example. Reading the untouched workbook back gives the example record.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils.cell import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from pydantic import BaseModel

from docgen.errors import OutputError
from docgen.models.base import russian_date
from docgen.sources.workbook.columns import Column, Kind, Layout, ListGroup, layout_of
from docgen.sources.workbook.examples import example_of
from docgen.sources.workbook.layout import sheet_title
from docgen.sources.workbook.sheets import LISTS_SHEET, record_sheet_name

__all__ = [
    "LISTS_SHEET",
    "fixed_times",
    "input_workbook",
    "write_input_workbook",
]

HEADER_ROW = 2
FIRST_ROW = 3
_LAST_ROW = 10_002  # dropdowns and formats cover 10 000 rows of data
_DATE_FORMAT = "DD.MM.YYYY"
_BOLD = Font(bold=True)
_TITLE_FONT = Font(bold=True, size=12)
_REQUIRED_FILL = PatternFill("solid", fgColor="FCE4D6")
_OPTIONAL_FILL = PatternFill("solid", fgColor="DDEBF7")
_THIN = Side(style="thin", color="A6A6A6")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")
_SAVE_TIMES = re.compile(rb"<dcterms:(created|modified)\b([^>]*)>[^<]*</dcterms:\1>")
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
_MANY = "Несколько значений — каждое с новой строки (Alt+Enter) или через «;»."


def _value_at(data: Any, path: Sequence[str]) -> Any:
    for part in path:
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data


def _cell_value(value: Any, column: Column) -> Any:
    """Return a data value as the cell should hold it."""
    if value is None:
        return None
    if isinstance(value, list):
        return "\n".join(str(_cell_value(item, column)) for item in value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bool):
        return "да" if value else "нет"
    if column.kind is Kind.DATE and isinstance(value, str):
        parsed = russian_date(value)
        return parsed if isinstance(parsed, dt.date) else value
    if column.kind is Kind.TEXT:
        return str(value)
    return value


def _shown(value: Any) -> str:
    if isinstance(value, dt.date):
        return f"{value:%d.%m.%Y}"
    return str(value).replace("\n", "; ")


def header_note(column: Column, example: Any = None, extra: str = "") -> str:
    """Return the note on a header: what to write, allowed values, default and an example."""
    lines = [" → ".join(column.titles)]
    if column.description.strip():
        lines.append(column.description.strip())
    if extra:
        lines.append(extra)
    lines.append(
        "Обязательный столбец: пустая ячейка — ошибка строки."
        if column.required
        else "Можно оставить пустым."
    )
    if column.choices:
        lines.append("Значения: " + "; ".join(f"«{choice}»" for choice in column.choices) + ".")
    if column.kind is Kind.BOOLEAN:
        lines.append("Значения: «да» или «нет».")
    if column.many:
        lines.append(_MANY)
    if column.default is not None:
        lines.append(f"По умолчанию: {column.default}.")
    if example not in (None, ""):
        lines.append(f"Пример: {_shown(example)}")
    lines.append(f"Поле данных: {column.dotted}")
    return "\n".join(lines)


class _WorkbookWriter:
    """Build the input workbook of one model."""

    def __init__(self, model: type[BaseModel]) -> None:
        self.layout: Layout = layout_of(model)
        self.example = example_of(model)
        self.book = Workbook()
        self.lists: Worksheet | None = None
        self.ranges: dict[tuple[str, ...], str] = {}
        self.record_title = record_sheet_name(model)

    def build(self) -> Workbook:
        sheet = self.book.active
        assert sheet is not None
        if self.layout.single_list is not None:  # the list's sheet is the whole table
            self.book.remove(sheet)
            return self._finish()
        sheet.title = self.record_title
        columns = [column for column in self.layout.columns if column.written]
        row = [_cell_value(_value_at(self.example, c.path), c) for c in columns]
        rows = [row] if any(value is not None for value in row) else []
        start = (
            f"Строка {FIRST_ROW} — пример, замените её своими данными."
            if rows
            else f"Заполняйте со строки {FIRST_ROW}."
        )
        title = (
            f"{self.record_title}: одна строка — одна запись. {start} Обязательные столбцы "
            "отмечены «*», подсказка — в примечании к заголовку."
        )
        self._table(sheet, columns, rows, title)
        return self._finish()

    def _finish(self) -> Workbook:
        """Add the lists' sheets and, hidden at the end, the sheet of dropdown values."""
        for group in self.layout.lists:
            self._list_sheet(group)
        if self.lists is not None:  # last, out of the way, and hidden
            last = len(self.book.sheetnames) - 1
            self.book.move_sheet(self.lists, offset=last - self.book.index(self.lists))
            self.lists.sheet_state = "hidden"
        return self.book

    def _list_sheet(self, group: ListGroup) -> None:
        sheet = self.book.create_sheet(sheet_title(group.title))
        key = self.layout.key
        columns = ([key] if key is not None else []) + [c for c in group.columns if c.written]
        key_value = _cell_value(_value_at(self.example, key.path), key) if key else None
        rows = []
        for item in _value_at(self.example, group.path) or []:
            values = [_cell_value(_value_at(item, c.path), c) for c in group.columns if c.written]
            rows.append(([key_value] if key is not None else []) + values)
        link = (
            f" Столбец «{key.header}» связывает строку с записью на листе «{self.record_title}»; "
            "пусто — как в строке выше."
            if key is not None
            else ""
        )
        title = f"{group.title}: одна строка — один пункт списка.{link}"
        self._table(sheet, columns, rows, title, key_note=key is not None)

    def _table(
        self,
        sheet: Worksheet,
        columns: list[Column],
        rows: list[list[Any]],
        title: str,
        key_note: bool = False,
    ) -> None:
        last = get_column_letter(max(len(columns), 1))
        sheet.merge_cells(f"A1:{last}1")
        sheet["A1"] = title
        sheet["A1"].font = _TITLE_FONT
        sheet["A1"].alignment = Alignment(wrap_text=True, vertical="center")
        sheet.row_dimensions[1].height = 48
        sheet.row_dimensions[HEADER_ROW].height = 45
        for number, column in enumerate(columns, 1):
            example = rows[0][number - 1] if rows else None
            extra = (
                f"Значение столбца «{column.header}» с листа «{self.record_title}»: к какой "
                "записи относится строка."
                if key_note and number == 1
                else ""
            )
            self._header(sheet, number, column, header_note(column, example, extra))
            self._column_format(sheet, number, column, rows)
        for offset, values in enumerate(rows):
            for number, (column, value) in enumerate(zip(columns, values, strict=True), 1):
                cell = sheet.cell(FIRST_ROW + offset, number, value)
                cell.alignment = _WRAP
                if column.kind is Kind.DATE and isinstance(value, dt.date):
                    cell.number_format = _DATE_FORMAT
                elif column.kind in (Kind.TEXT, Kind.CHOICE):
                    cell.number_format = "@"
        sheet.freeze_panes = f"A{FIRST_ROW}"

    def _header(self, sheet: Worksheet, number: int, column: Column, note: str) -> None:
        cell = sheet.cell(HEADER_ROW, number, column.header + (" *" if column.required else ""))
        cell.font = _BOLD
        cell.fill = _REQUIRED_FILL if column.required else _OPTIONAL_FILL
        cell.border = _BORDER
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        comment = Comment(note, "docgen")
        comment.width = 360
        comment.height = 40 + 18 * note.count("\n") + len(note) // 3
        cell.comment = comment

    def _column_format(
        self, sheet: Worksheet, number: int, column: Column, rows: list[list[Any]]
    ) -> None:
        letter = get_column_letter(number)
        dimension = sheet.column_dimensions[letter]
        longest = max(
            [len(line) for row in rows for line in _shown(row[number - 1] or "").split("; ")]
            + [min(len(column.header) + 2, 28), 10]
        )
        dimension.width = min(longest + 2, 50)
        kind = column.shown_as or column.kind
        if kind is Kind.DATE:
            dimension.number_format = _DATE_FORMAT
        elif kind is Kind.TEXT:
            dimension.number_format = "@"  # Excel keeps ИНН, «1/2» and «12.10» as typed
        _typed_validation(sheet, letter, kind)
        formula = self._dropdown(column)
        if formula:
            validation = DataValidation(
                type="list", formula1=formula, allow_blank=True, showErrorMessage=True
            )
            validation.errorStyle = "warning"
            validation.errorTitle = "Значение не из списка"
            validation.error = "Выберите значение из выпадающего списка."
            validation.add(f"{letter}{FIRST_ROW}:{letter}{_LAST_ROW}")
            sheet.add_data_validation(validation)

    def _dropdown(self, column: Column) -> str | None:
        """Return the list a cell's dropdown offers, or None (a list of values has a note)."""
        if column.many:
            return None
        if column.kind is Kind.BOOLEAN:
            return '"да,нет"'
        if column.kind is not Kind.CHOICE:
            return None
        if column.choices not in self.ranges:
            if self.lists is None:
                self.lists = self.book.create_sheet(LISTS_SHEET)
            number = len(self.ranges) + 1
            self.lists.cell(1, number, f"Список: {column.header}")
            for offset, choice in enumerate(column.choices, 2):
                self.lists.cell(offset, number, choice)
            letter = get_column_letter(number)
            self.ranges[column.choices] = (
                f"{quote_sheetname(LISTS_SHEET)}!${letter}$2:${letter}${len(column.choices) + 1}"
            )
        return self.ranges[column.choices]


_TYPED_CHECKS = {
    Kind.DATE: ("date", "Нужна дата", "Введите дату: ДД.ММ.ГГГГ, например 20.11.2026."),
    Kind.DECIMAL: ("decimal", "Нужно число", "Введите число, например 1500 или 1234,50."),
    Kind.INTEGER: ("whole", "Нужно целое число", "Введите целое число."),
}


def _typed_validation(sheet: Worksheet, letter: str, kind: Kind) -> None:
    """Warn in Excel when a date or number column gets something else."""
    check = _TYPED_CHECKS.get(kind)
    if check is None:
        return
    kind_name, title, message = check
    low = "1" if kind is Kind.DATE else "-1000000000000"
    validation = DataValidation(
        type=kind_name,
        operator="between",
        formula1=low,
        formula2="2958465" if kind is Kind.DATE else "1000000000000",
        allow_blank=True,
        showErrorMessage=True,
    )
    validation.errorStyle = "warning"
    validation.errorTitle = title
    validation.error = message
    validation.add(f"{letter}{FIRST_ROW}:{letter}{_LAST_ROW}")
    sheet.add_data_validation(validation)


def input_workbook(model: type[BaseModel]) -> Workbook:
    """Return the input workbook of a model, in memory."""
    return _WorkbookWriter(model).build()


def write_input_workbook(model: type[BaseModel], path: Path) -> None:
    """Write the input workbook of a model to ``path`` (.xlsx)."""
    if path.suffix.lower() != ".xlsx":
        raise OutputError(f"{path}: таблица сохраняется в формате .xlsx — укажите имя с «.xlsx»")
    buffer = io.BytesIO()
    input_workbook(model).save(buffer)
    save_bytes(path, buffer.getvalue())


def save_bytes(path: Path, data: bytes) -> None:
    """Write a file; translate the usual failures into OutputError."""
    try:
        path.write_bytes(data)
    except FileNotFoundError as exc:
        raise OutputError(f"{path}: папки «{path.parent}» нет — создайте её") from exc
    except IsADirectoryError as exc:
        raise OutputError(f"{path}: это папка; укажите имя файла .xlsx") from exc
    except OSError as exc:
        raise OutputError(f"{path}: не удаётся записать файл ({exc.strerror or exc})") from exc


def fixed_times(package: bytes, when: dt.datetime | None = None) -> bytes:
    """Return an .xlsx or .docx package as the same bytes for the same content.

    openpyxl and python-docx stamp the time of saving into the package. Here every zip member
    gets the time ``when`` (without it, 1980-01-01, the earliest a zip can hold), and the core
    properties' «created» and «modified» become ``when`` or, without it, are left out.
    """
    stamp = rb"" if when is None else when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    replacement = rb"<dcterms:\1\2>" + stamp + rb"</dcterms:\1>" if when else b""
    moment = _ZIP_EPOCH if when is None else when.timetuple()[:6]
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(output, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "docProps/core.xml":
                content = _SAVE_TIMES.sub(replacement, content)
            target.writestr(zipfile.ZipInfo(info.filename, moment), content, zipfile.ZIP_DEFLATED)
    return output.getvalue()
