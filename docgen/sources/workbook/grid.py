"""Open an .xlsx file: the first rows of every sheet, then any sheet's rows one at a time.

openpyxl's read-only mode streams cell values about 1.7 times faster than its normal mode
and keeps only the row being read, but does not report merged cells or hidden sheets, so
those two facts are read from the workbook's XML parts directly: the sheet list in
``xl/workbook.xml`` and the ``<mergeCell ref="A1:K1"/>`` elements at the end of each sheet's
part (scanned in pieces, never the whole part at once: a sheet of 10 000 rows is 50 MB of XML).
Opening the workbook reads neither a whole sheet nor the whole table of shared strings
(``docgen.sources.workbook.xlsx``): a sheet of a million rows over the row limit is refused
after reading the rows up to the limit.
"""

from __future__ import annotations

import contextlib
import posixpath
import re
import warnings
import zipfile
import zlib
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any
from xml.etree import ElementTree

from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE
from openpyxl.utils.cell import range_boundaries
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

from docgen.errors import InputError
from docgen.sources.workbook.display import shown_number
from docgen.sources.workbook.values import CellText, FormulaCell, is_blank
from docgen.sources.workbook.xlsx import LazyReader

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_DOC_RELS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([A-Z]+[0-9]+:[A-Z]+[0-9]+)\"")
_PIECE = 1 << 20
_OVERLAP = 4096  # longer than any <mergeCell …> element: one cut by a piece's end is kept
_UNREADABLE = (
    zipfile.BadZipFile,
    InvalidFileException,
    KeyError,
    ElementTree.ParseError,
    zlib.error,
    EOFError,
)
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_MARK = "EncryptedPackage".encode("utf-16-le")

HEAD_ROWS = 30
"""How many first rows of a sheet are kept: its header row must be among them."""

Span = tuple[int, int, int, int]
"""A merged range: first row, first column, last row, last column (1-based)."""


@dataclass
class Sheet:
    """One worksheet: its first rows (row 1 is ``rows[0]``), merged ranges, visibility."""

    name: str
    rows: list[list[Any]]
    merged: list[Span] = field(default_factory=list)
    visible: bool = True
    empty: bool = False
    """Whether no cell of the whole sheet (not only of ``rows``) holds anything."""

    def value(self, row: int, column: int) -> Any:
        """Return the value stored in a cell (1-based) of the first rows, None beyond them."""
        if row > len(self.rows):
            return None
        cells = self.rows[row - 1]
        return cells[column - 1] if column <= len(cells) else None

    def is_empty(self) -> bool:
        """Return whether no cell of the sheet holds anything but white space."""
        return self.empty


class WorkbookFile:
    """An .xlsx file open for reading; ``close`` (or ``with``) releases it."""

    def __init__(self, path: Path) -> None:
        _check_path(path)
        self.path = path
        try:
            self._archive = zipfile.ZipFile(path)
        except zipfile.BadZipFile as exc:
            raise _protected(path) or InputError(_unreadable(path)) from exc
        except OSError as exc:
            raise InputError(f"{path}: не удаётся открыть файл ({exc.strerror or exc})") from exc
        try:
            self._parts = _sheet_parts(self._archive)
            with warnings.catch_warnings():  # «extension is not supported» and the like
                warnings.simplefilter("ignore")
                reader = LazyReader(path, read_only=True, data_only=True)
                reader.read()
                self._book = reader.wb
        except _UNREADABLE as exc:
            self._archive.close()
            raise InputError(_unreadable(path)) from exc
        except OSError as exc:
            self._archive.close()
            raise InputError(f"{path}: не удаётся открыть файл ({exc.strerror or exc})") from exc
        except BaseException:
            self._archive.close()
            raise

    def __enter__(self) -> WorkbookFile:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Release the file."""
        self._book.close()
        self._archive.close()

    def sheets(self) -> list[Sheet]:
        """Return every sheet with its first rows, merged ranges, visibility and emptiness."""
        return [self._sheet(name) for name in self._book.sheetnames]

    def rows(self, sheet: Sheet, below: int) -> Iterator[tuple[int, list[Any]]]:
        """Yield the number and values of every row below row ``below``, one at a time.

        A merged range below ``below`` gives every cell it covers its top-left cell's value.
        """
        filled = _MergedFill([span for span in sheet.merged if span[0] > below])
        for number, values in self._values(sheet.name):
            if number > below:
                yield number, filled.apply(number, list(values))

    def _sheet(self, name: str) -> Sheet:
        worksheet = self._book[name]
        part, visible = self._parts.get(name, ("", True))
        if not hasattr(worksheet, "reset_dimensions"):  # a chart sheet has no cells
            return Sheet(name, [], visible=visible, empty=True)
        head: list[list[Any]] = []
        empty = True
        with contextlib.closing(self._values(name)) as rows:
            for number, values in rows:
                if number <= HEAD_ROWS:
                    head.extend([] for _ in range(number - 1 - len(head)))  # rows not written
                    head.append(list(values))
                empty = empty and all(is_blank(value) for value in values)
                if number >= HEAD_ROWS and not empty:
                    break  # the rest of the sheet is read only if it is used
        merged = _merged_ranges(self._archive, part) if part else []
        return Sheet(name, head, merged, visible, empty)

    def _values(self, name: str) -> Generator[tuple[int, tuple[Any, ...]], None, None]:
        """Yield every row that has cells as (number, values), closing the part when done."""
        worksheet = self._book[name]
        try:
            source = worksheet._get_source()
        except _UNREADABLE as exc:
            raise InputError(_damaged(self.path, name)) from exc
        parser = _CellParser(self._book, worksheet._shared_strings, source)
        with source:
            try:
                for number, cells in parser.parse():
                    values: list[Any] = [None] * max((cell["column"] for cell in cells), default=0)
                    for cell in cells:
                        values[cell["column"] - 1] = cell["value"]
                    yield number, tuple(values)
            except _UNREADABLE as exc:
                raise InputError(_damaged(self.path, name)) from exc


class _CellParser(WorkSheetParser):  # type: ignore[misc]
    """openpyxl's sheet parser, telling what its values-only mode hides.

    A formula cell without a stored result (the file was written by a program that does not
    calculate) becomes a ``FormulaCell`` instead of an empty cell, an error result (#REF!)
    one with the error, and a number with a number format the ``CellText`` Excel shows.
    """

    def __init__(self, book: Any, shared_strings: list[Any], source: Any) -> None:
        super().__init__(
            source,
            shared_strings,
            data_only=True,
            epoch=book.epoch,
            date_formats=book._date_formats,
            timedelta_formats=book._timedelta_formats,
        )
        self._codes = _number_codes(book)

    def parse_cell(self, element: Any) -> dict[str, Any]:
        cell: dict[str, Any] = super().parse_cell(element)
        value = cell["value"]
        if value is None:
            formula = element.find(FORMULA_TAG)
            if formula is not None:
                cell["value"] = FormulaCell(formula.text or "")
        elif cell["data_type"] == "e":
            formula = element.find(FORMULA_TAG)
            cell["value"] = FormulaCell(formula.text or "" if formula is not None else "", value)
        elif cell["data_type"] == "n" and isinstance(value, int | float):
            code = self._codes.get(cell["style_id"])
            if code is not None:
                cell["value"] = CellText(shown_number(value, code), value)
        return cell


def _number_codes(book: Any) -> dict[int, str]:
    """Map each cell style that shows numbers in a format other than General to its code."""
    codes: dict[int, str] = {}
    for style_id, style in enumerate(book._cell_styles):
        number = style.numFmtId
        if number < BUILTIN_FORMATS_MAX_SIZE:
            code = BUILTIN_FORMATS.get(number, "General")
        else:
            custom = book._number_formats
            index = number - BUILTIN_FORMATS_MAX_SIZE
            code = custom[index] if index < len(custom) else "General"
        if style_id not in book._date_formats and code not in ("General", "@"):
            codes[style_id] = code
    return codes


class _MergedFill:
    """Spread merged ranges over the rows they cover, as the rows go by."""

    def __init__(self, spans: list[Span]) -> None:
        self._waiting = sorted(spans, reverse=True)  # the next to start is last
        self._active: list[tuple[Span, Any]] = []

    def apply(self, number: int, cells: list[Any]) -> list[Any]:
        """Fill a row's cells under merged ranges; remember the values of ranges starting here."""
        while self._waiting and self._waiting[-1][0] <= number:
            span = self._waiting.pop()
            value = cells[span[1] - 1] if span[1] <= len(cells) else None
            self._active.append((span, value))
        if not self._active:
            return cells
        self._active = [(span, value) for span, value in self._active if span[2] >= number]
        for (_, first_col, _, last_col), value in self._active:
            if len(cells) < last_col:
                cells.extend([None] * (last_col - len(cells)))
            cells[first_col - 1 : last_col] = [value] * (last_col - first_col + 1)
        return cells


def _check_path(path: Path) -> None:
    if not path.exists():
        raise InputError(f"{path}: файл не найден")
    if path.is_dir():
        raise InputError(f"{path}: это папка, а нужен файл .xlsx")
    suffix = path.suffix.lower()
    if suffix in (".xls", ".ods", ".csv"):
        raise InputError(
            f"{path}: формат «{path.suffix}» не поддерживается; сохраните таблицу как "
            "«Книга Excel (.xlsx)»"
        )


def _damaged(path: Path, sheet: str) -> str:
    return (
        f"{path}: лист «{sheet}» повреждён и не читается до конца; откройте книгу в Excel "
        "или LibreOffice и сохраните её заново"
    )


def _protected(path: Path) -> InputError | None:
    """Return the error for a password-protected workbook or an old .xls named .xlsx."""
    try:
        with path.open("rb") as file:
            head = file.read(1 << 16)
    except OSError:
        return None
    if not head.startswith(_OLE_SIGNATURE):
        return None
    if _ENCRYPTED_MARK in head or b"EncryptionInfo" in head:
        return InputError(
            f"{path}: книга защищена паролем — откройте её в Excel или LibreOffice, снимите "
            "пароль на открытие (Файл → Сведения → Защита книги) и сохраните как .xlsx"
        )
    return InputError(
        f"{path}: это книга старого формата Excel 97–2003 (.xls), хотя имя на «.xlsx»; "
        "откройте её в Excel или LibreOffice и сохраните как «Книга Excel (.xlsx)»"
    )


def _unreadable(path: Path) -> str:
    return (
        f"{path}: не удаётся прочитать как книгу Excel (.xlsx) — файл повреждён или "
        "это не .xlsx; откройте его в Excel или LibreOffice и сохраните как .xlsx"
    )


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, tuple[str, bool]]:
    """Map each sheet name to its XML part and whether it is visible."""
    book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels.iter(f"{_RELS}Relationship")}
    parts: dict[str, tuple[str, bool]] = {}
    for sheet in book.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(f"{_DOC_RELS}id"), "")
        part = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
        visible = sheet.get("state", "visible") == "visible"
        parts[sheet.get("name", "")] = (posixpath.normpath(part), visible)
    return parts


def _merged_ranges(archive: zipfile.ZipFile, part: str) -> list[Span]:
    """Return a sheet's merged ranges, reading its part a piece at a time."""
    try:
        stream = archive.open(part)
    except KeyError:
        return []
    spans: list[Span] = []
    tail = b""
    with stream:
        while piece := stream.read(_PIECE):
            data = tail + piece
            end = 0
            for match in _MERGE.finditer(data):
                first_col, first_row, last_col, last_row = range_boundaries(match.group(1).decode())
                spans.append((first_row, first_col, last_row, last_col))
                end = match.end()
            tail = data[max(end, len(data) - _OVERLAP) :]
    return spans
