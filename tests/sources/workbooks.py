"""Write small .xlsx files for the tests: rows per sheet, merged ranges, hidden sheets."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import openpyxl


def make_workbook(
    path: Path,
    sheets: Mapping[str, Sequence[Sequence[Any]]],
    merged: Mapping[str, Sequence[str]] | None = None,
    hidden: tuple[str, ...] = (),
) -> Path:
    """Write an .xlsx with the given rows per sheet (row 1 first), merged ranges, hidden sheets."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
        for cells in (merged or {}).get(name, []):
            sheet.merge_cells(cells)
        if name in hidden:
            sheet.sheet_state = "hidden"
    book.save(path)
    return path


def write_rows(path: Path, rows: Sequence[Sequence[Any]], sheet: str) -> Path:
    """Write an .xlsx of one sheet named ``sheet`` holding ``rows``."""
    return make_workbook(path, {sheet: rows})
