"""openpyxl's read-only reader, made to read no more of a workbook than is asked for.

openpyxl's read-only mode streams rows, yet on opening it reads two things whole:

- each sheet's size, from the ``<dimension>`` element; a file that omits it (files written
  by streaming programs, openpyxl's own write-only mode among them) has every row of every
  sheet parsed to find it — 30 s for a million rows;
- the table of shared strings: every distinct text of the workbook, two million strings for a
  million rows of two text columns.

``LazyReader`` leaves sizes unknown (docgen's parser reads rows without them) and parses
shared strings only as far as the cells read so far need: cells refer to them by number, and
a sheet is written using them in order, so the cost stays in step with the rows read.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from typing import IO, Any

from openpyxl.cell.text import Text
from openpyxl.reader.excel import ExcelReader
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.xml.constants import SHARED_STRINGS, SHEET_MAIN_NS
from openpyxl.xml.functions import iterparse

_STRING_TAG = f"{{{SHEET_MAIN_NS}}}si"


class SharedStrings:
    """A workbook's shared strings, parsed up to the highest number asked for so far."""

    def __init__(self, archive: zipfile.ZipFile, part: str) -> None:
        self._archive = archive
        self._part = part
        self._strings: list[str] = []
        self._source: IO[bytes] | None = None
        self._events: Iterator[tuple[str, Any]] | None = None

    @property
    def parsed(self) -> int:
        """Return how many strings have been parsed so far."""
        return len(self._strings)

    def __getitem__(self, index: int) -> str:
        while index >= len(self._strings) and self._read_one():
            pass
        return self._strings[index]  # a number past the table: IndexError, as openpyxl's

    def _read_one(self) -> bool:
        """Parse the next string of the table; return False at its end."""
        if self._events is None:
            self._source = self._archive.open(self._part)
            self._events = iterparse(self._source)  # defusedxml's, where installed
        for _, node in self._events:
            if node.tag == _STRING_TAG:
                self._strings.append(Text.from_tree(node).content.replace("x005F_", ""))
                node.clear()
                return True
        self.close()
        return False

    def close(self) -> None:
        """Stop parsing; the strings read so far stay."""
        if self._source is not None:
            self._source.close()
        self._events = iter(())


class _UnsizedSheet(ReadOnlyWorksheet):  # type: ignore[misc]
    """openpyxl's read-only sheet, not sized on opening."""

    def _get_size(self) -> None:
        """Leave the size unknown; openpyxl would parse every row when the file omits it."""


class LazyReader(ExcelReader):  # type: ignore[misc]
    """openpyxl's reader in read-only mode, reading sheets and shared strings only on demand."""

    def read_strings(self) -> None:
        """Find the table of shared strings; its strings are parsed as cells ask for them."""
        found = self.package.find(SHARED_STRINGS)
        if found is not None:
            self.shared_strings = SharedStrings(self.archive, found.PartName[1:])

    def read_worksheets(self) -> None:
        """Add every sheet without reading it (chart sheets as openpyxl reads them)."""
        for sheet, rel in self.parser.find_sheets():
            if rel.target not in self.valid_files:
                continue
            if "chartsheet" in rel.Type:
                self.read_chartsheet(sheet, rel)
                continue
            worksheet = _UnsizedSheet(self.wb, sheet.name, rel.target, self.shared_strings)
            worksheet.sheet_state = sheet.state
            self.wb._sheets.append(worksheet)
