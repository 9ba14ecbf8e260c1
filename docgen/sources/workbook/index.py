"""Read a workbook's rows once and note which record each belongs to; keep the rows aside.

The planned sheets are read a row at a time (openpyxl's read-only mode). A row that holds
data is kept, as its filled cells only, in a ``RowStore``: a temporary file (in memory while
it is small) plus, per row, where it ends in the file and the number of its record. Records
are then made one at a time from their rows, in the order of the workbook, so that memory
does not grow with the number of rows: a few numbers a row, the rows themselves on disk.

Which record a row belongs to:

- On the records' sheet, a row with record columns starts a record, unless its key (the
  record's first column, an agreement's «Номер») was seen before: then it joins that record,
  also when the rows are not adjacent (rows 2, 3 and 5 of «СП-1» make one record, in the place
  of row 2). A row with only list columns continues the record above it.
- A row of a list's sheet joins the record whose key it names; a blank key cell means «the same
  as above». Rows of a list's sheet need not be in the order of the records: each record's rows
  are read back from where they were kept.
- A key that names no record, or a list's sheet without the key column while there are
  several records, is a problem of the workbook (``RowIndexer.problems``), found before any
  record is made. A key that differs from an earlier one only in case, spaces, «№» or dashes
  starts a record of its own and is a warning (``RowIndexer.notices``) naming both rows.

Rows are counted as they are read: a sheet with more than ``max_rows`` rows of data is
refused as soon as the row after the limit is reached, before the rest of it is read.
"""

from __future__ import annotations

import pickle
import tempfile
import threading
import weakref
from array import array
from collections.abc import Iterator
from typing import Any

from openpyxl.utils.cell import get_column_letter

from docgen.errors import InputError
from docgen.sources.workbook.columns import Layout
from docgen.sources.workbook.grid import WorkbookFile
from docgen.sources.workbook.headers import Target
from docgen.sources.workbook.layout import RECORD, SheetMap, WorkbookPlan
from docgen.sources.workbook.messages import WARNING, CellMessage, CellRef
from docgen.sources.workbook.numbers import NearDuplicates
from docgen.sources.workbook.values import is_blank, plain_text

_IN_MEMORY = 1 << 20
"""Rows kept in memory up to this many bytes (a few hundred rows), then in a file."""

StoredRow = tuple[int, int, tuple[tuple[int, Any], ...]]
"""A kept row: its sheet (0 the records' sheet, n the plan's n-th list sheet), its number, and
its filled cells of mapped columns as (column number, value)."""

Found = tuple[int, Target, Any]
"""A filled cell of a row: its column number, the column it is mapped to, its value."""


def filled_cells(mapped: SheetMap, values: list[Any]) -> list[Found]:
    """Return the cells of a row that hold something, in mapped columns."""
    found = []
    for index, target in mapped.columns.items():
        value = values[index - 1] if index <= len(values) else None
        if not is_blank(value):
            found.append((index, target, value))
    return found


def key_of(layout: Layout, own: list[Found]) -> str | None:
    """Return the key a row of record columns gives (None: the model has no key, or blank)."""
    if layout.key is None:
        return None
    number = layout.columns.index(layout.key)
    return next((plain_text(v) for _, target, v in own if target == (RECORD, number)), None)


def cell_ref(mapped: SheetMap, row: int, index: int, value: Any) -> CellRef:
    """Return where a value was read from."""
    return CellRef(mapped.sheet.name, row, get_column_letter(index), mapped.headers[index], value)


class RowStore:
    """Rows kept in a temporary file, each with the number of the record it belongs to."""

    def __init__(self) -> None:
        # Open for the store's life: ``close`` or the finalizer (garbage collection) closes it.
        self._file = tempfile.SpooledTemporaryFile(max_size=_IN_MEMORY)  # noqa: SIM115
        self._closer = weakref.finalize(self, self._file.close)
        self._lock = threading.Lock()
        self._ends = array("q")
        self._owners = array("l")
        self._order = array("l")
        self.count = 0
        """How many records the rows make."""

    def __len__(self) -> int:
        return self.count

    def add(self, owner: int, row: StoredRow) -> None:
        """Keep a row of record number ``owner`` (from 0)."""
        data = pickle.dumps(row, protocol=pickle.HIGHEST_PROTOCOL)
        self._file.write(data)
        self._ends.append((self._ends[-1] if self._ends else 0) + len(data))
        self._owners.append(owner)

    def seal(self, count: int) -> None:
        """Finish adding: ``count`` records; order the rows by record, then as they were added."""
        self.count = count
        self._order = array("l", sorted(range(len(self._owners)), key=self._owners.__getitem__))

    def records(self) -> Iterator[list[StoredRow]]:
        """Yield each record's rows, record by record in the order they were numbered."""
        rows: list[StoredRow] = []
        owner = 0
        for index in self._order:
            if self._owners[index] != owner and rows:
                yield rows
                rows = []
            owner = self._owners[index]
            rows.append(self._load(index))
        if rows:
            yield rows

    def close(self) -> None:
        """Drop the kept rows."""
        self._closer()

    def _load(self, index: int) -> StoredRow:
        start = self._ends[index - 1] if index else 0
        with self._lock:
            self._file.seek(start)
            data = self._file.read(self._ends[index] - start)
        row: StoredRow = pickle.loads(data)
        return row


class RowIndexer:
    """Read the planned sheets into a ``RowStore``, each row marked with its record."""

    def __init__(self, layout: Layout, plan: WorkbookPlan, max_rows: int) -> None:
        self.layout = layout
        self.plan = plan
        self.max_rows = max_rows
        """The most rows of data a sheet may hold; one more and the workbook is refused."""
        self.problems: list[CellMessage] = []
        self.notices: list[CellMessage] = []
        self._by_key: dict[str, int] = {}
        self._near = NearDuplicates()
        self._count = 0

    def index(self, book: WorkbookFile) -> RowStore:
        """Read every row of the records' sheet and the lists' sheets; return them kept."""
        assert self.plan.record is not None
        store = RowStore()
        try:
            self._record_sheet(book, self.plan.record, store)
            for number, mapped in enumerate(self.plan.lists, start=1):
                self._list_sheet(book, number, mapped, store)
            store.seal(self._count)
        except BaseException:
            store.close()
            raise
        finally:
            self._by_key = {}
        return store

    def _record_sheet(self, book: WorkbookFile, mapped: SheetMap, store: RowStore) -> None:
        current: int | None = None
        kept = 0
        for row, values in book.rows(mapped.sheet, mapped.header_row):
            cells = filled_cells(mapped, values)
            if not cells:
                continue
            kept = self._counted(book, mapped, kept)
            own = [cell for cell in cells if cell[1][0] == RECORD]
            if own or current is None:  # a row of list columns only continues the record above
                current = self._record_of(mapped, row, own)
            store.add(current, (0, row, tuple((index, value) for index, _, value in cells)))

    def _counted(self, book: WorkbookFile, mapped: SheetMap, kept: int) -> int:
        """Return ``kept`` + 1, the rows of data read so far; refuse one past the limit."""
        if kept >= self.max_rows:
            raise InputError(
                f"{book.path}: на листе «{mapped.sheet.name}» больше {self.max_rows} строк с "
                f"данными, а за один раз можно не больше {self.max_rows}; разделите таблицу "
                "на части"
            )
        return kept + 1

    def _record_of(self, mapped: SheetMap, row: int, own: list[Found]) -> int:
        key = key_of(self.layout, own)
        if key is not None and key in self._by_key:
            return self._by_key[key]
        number = self._count
        self._count += 1
        if key is not None:
            self._by_key[key] = number
            self._check_near(mapped, row, own, key)
        return number

    def _check_near(self, mapped: SheetMap, row: int, own: list[Found], key: str) -> None:
        """Warn when a new key differs from an earlier one only in case, spaces or dashes."""
        warning = self._near.check(key, row)
        if warning is None:
            return
        assert self.layout.key is not None
        target = (RECORD, self.layout.columns.index(self.layout.key))
        index, _, value = next(cell for cell in own if cell[1] == target)
        self.notices.append(cell_ref(mapped, row, index, value).message(warning, kind=WARNING))

    def _list_sheet(
        self, book: WorkbookFile, number: int, mapped: SheetMap, store: RowStore
    ) -> None:
        group = mapped.group
        key_index = next((i for i, t in mapped.columns.items() if t[0] == RECORD), None)
        if key_index is None and self._count > 1:
            self.problems.append(_no_key_column(mapped, self.layout))
            return
        key: str | None = None
        kept = 0
        for row, values in book.rows(mapped.sheet, mapped.header_row):
            cells = tuple((i, v) for i, t, v in filled_cells(mapped, values) if t[0] == group)
            typed_key = values[key_index - 1] if key_index and key_index <= len(values) else None
            if not is_blank(typed_key):
                key = plain_text(typed_key)  # a blank key cell means «the same as above»
            if not cells:
                continue
            kept = self._counted(book, mapped, kept)
            owner = self._owner(mapped, row, key, key_index)
            if owner is not None:
                store.add(owner, (number, row, cells))

    def _owner(
        self, mapped: SheetMap, row: int, key: str | None, key_index: int | None
    ) -> int | None:
        if key_index is None:
            return 0 if self._count else None
        owner = self._by_key.get(key) if key is not None else None
        if owner is None:
            assert self.plan.record is not None
            similar = self._near.similar(key) if key is not None else None
            fix = f"возможно, имелось в виду «{similar}»" if similar else "проверьте значение"
            message = (
                f"нет записи с таким значением на листе «{self.plan.record.sheet.name}»; "
                f"{fix} или добавьте запись"
                if key is not None
                else "не указано, к какой записи относится строка; заполните ячейку"
            )
            self.problems.append(cell_ref(mapped, row, key_index, key).message(message))
        return owner


def _no_key_column(mapped: SheetMap, layout: Layout) -> CellMessage:
    assert layout.key is not None
    return CellMessage(
        mapped.sheet.name,
        f"нет столбца «{layout.key.header}»: по нему строки листа относятся к записям — "
        "добавьте его",
        row=mapped.header_row,
    )
