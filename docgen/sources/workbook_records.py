"""Collect a workbook's rows into records: nested data for the model and where each value was.

A record is one row of the record's sheet, or several rows sharing its key (the rows below
it that fill only list columns continue it); rows of a list's sheet join the record whose
key they name. Nothing is validated here: each record keeps, for every value, the cell it
came from, so that the model's complaints can be traced back to sheet, row and column.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils.cell import get_column_letter

from docgen.sources.problems import Loc
from docgen.sources.workbook_columns import Column, Kind, Layout, Path
from docgen.sources.workbook_headers import Target
from docgen.sources.workbook_layout import RECORD, SheetMap, WorkbookPlan, column_at
from docgen.sources.workbook_messages import CellMessage, CellRef
from docgen.sources.workbook_values import MISSING, is_blank, plain_text, read_cell, same_value

_PERSON_EXTRAS = frozenset({"gender", "forms"})


@dataclass(frozen=True)
class Place:
    """Where the record itself, or one item of its list, is written: sheet, row, columns."""

    sheet: str
    row: int
    columns: dict[Path, tuple[str, str]]


@dataclass
class _Item:
    values: dict[Path, Any] = field(default_factory=dict)
    cells: dict[Path, CellRef] = field(default_factory=dict)


@dataclass
class RawRecord:
    """One record's data before validation, with the cell behind every value."""

    sheet: str
    rows: list[int]
    key: str | None
    data: dict[str, Any] = field(default_factory=dict)
    cells: dict[Loc, CellRef] = field(default_factory=dict)
    places: dict[Loc, Place] = field(default_factory=dict)
    problems: list[CellMessage] = field(default_factory=list)
    notices: list[CellMessage] = field(default_factory=list)
    _own: _Item = field(default_factory=_Item)
    _items: dict[int, list[tuple[Place, _Item]]] = field(default_factory=dict)

    @property
    def row(self) -> int:
        """Return the first row of the record."""
        return self.rows[0]


def _columns_map(mapped: SheetMap, layout: Layout, group: int) -> dict[Path, tuple[str, str]]:
    return {
        column_at(layout, target).path: (get_column_letter(index), mapped.headers[index])
        for index, target in mapped.columns.items()
        if target[0] == group
    }


_Found = tuple[int, Target, Any]
"""A filled cell of a row: its column number, the column it is mapped to, its value."""


def _row_cells(mapped: SheetMap, row: int) -> Iterator[_Found]:
    cells = mapped.sheet.rows[row - 1]
    for index, target in mapped.columns.items():
        value = cells[index - 1] if index <= len(cells) else None
        if not is_blank(value):
            yield index, target, value


class RecordCollector:
    """Walk the planned sheets and gather rows into records."""

    def __init__(self, layout: Layout, plan: WorkbookPlan) -> None:
        self.layout = layout
        self.plan = plan
        self.records: list[RawRecord] = []
        self.problems: list[CellMessage] = []
        self._by_key: dict[str, RawRecord] = {}
        self._columns: dict[tuple[int, int], dict[Path, tuple[str, str]]] = {}

    def collect(self) -> list[RawRecord]:
        """Return every record of the workbook, each with its data assembled."""
        assert self.plan.record is not None
        self._record_sheet(self.plan.record)
        for mapped in self.plan.lists:
            self._list_sheet(mapped)
        for record in self.records:
            _assemble(record, self.layout)
        return self.records

    def _read(self, record: RawRecord, cell: CellRef, column: Column, prefix: Loc) -> Any:
        """Read one cell's value; keep its notice or problem with the record."""
        reading = read_cell(cell.value, column)
        loc = (*prefix, *column.path)
        if reading.notice:
            record.notices.append(cell.message(reading.notice, loc))
        if reading.problem:
            record.problems.append(cell.message(reading.problem, loc))
            return MISSING
        return reading.value

    def _prepare(self, mapped: SheetMap) -> None:
        """Spread merged cells over the data rows and note where each column is."""
        mapped.sheet.fill_merged(mapped.header_row)
        for group in {target[0] for target in mapped.columns.values()}:
            self._columns[id(mapped), group] = _columns_map(mapped, self.layout, group)

    def _record_sheet(self, mapped: SheetMap) -> None:
        self._prepare(mapped)
        own_columns = self._columns.get((id(mapped), RECORD), {})
        current: RawRecord | None = None
        for row in range(mapped.header_row + 1, len(mapped.sheet.rows) + 1):
            cells = list(_row_cells(mapped, row))
            if not cells:
                continue
            own = [cell for cell in cells if cell[1][0] == RECORD]
            record = self._record_for(mapped, row, own, current)
            if record is not current or own:
                record.places.setdefault((), Place(mapped.sheet.name, row, own_columns))
            self._own_values(record, mapped, row, own)
            for group in sorted({cell[1][0] for cell in cells} - {RECORD}):
                self._add_item(record, mapped, row, [c for c in cells if c[1][0] == group])
            current = record

    def _record_for(
        self, mapped: SheetMap, row: int, own: list[_Found], current: RawRecord | None
    ) -> RawRecord:
        key = self._key_of(own)
        if not own and current is not None:
            record = current  # a row of list columns only continues the record above
        elif key is not None and key in self._by_key:
            record = self._by_key[key]
        else:
            record = RawRecord(mapped.sheet.name, [], key)
            self.records.append(record)
            if key is not None:
                self._by_key[key] = record
        if row not in record.rows:
            record.rows.append(row)
        return record

    def _key_of(self, own: list[_Found]) -> str | None:
        if self.layout.key is None:
            return None
        number = self.layout.columns.index(self.layout.key)
        return next((plain_text(v) for _, target, v in own if target == (RECORD, number)), None)

    def _own_values(self, record: RawRecord, mapped: SheetMap, row: int, own: list[_Found]) -> None:
        for index, target, value in own:
            column = column_at(self.layout, target)
            cell = _cell(mapped, row, index, value)
            read = self._read(record, cell, column, ())
            earlier = record._own.values.get(column.path, MISSING)
            if read is MISSING:
                continue
            if earlier is MISSING:
                record._own.values[column.path] = read
                record._own.cells[column.path] = cell
            elif not same_value(earlier, read):
                first = record._own.cells[column.path]
                message = (
                    f"в строке {first.row} та же запись («{record.key}») записана иначе: "
                    f"«{plain_text(first.value)}»; исправьте одну из строк"
                )
                record.problems.append(cell.message(message, column.path))

    def _add_item(self, record: RawRecord, mapped: SheetMap, row: int, cells: list[_Found]) -> None:
        """Add one row's values of a list's columns as a new item of that list."""
        group = cells[0][1][0]
        items = record._items.setdefault(group, [])
        prefix: Loc = (*self.layout.lists[group].path, len(items))
        item = _Item()
        for index, target, value in cells:
            column = column_at(self.layout, target)
            cell = _cell(mapped, row, index, value)
            read = self._read(record, cell, column, prefix)
            if read is not MISSING:
                item.values[column.path] = read
                item.cells[column.path] = cell
        items.append((Place(mapped.sheet.name, row, self._columns[id(mapped), group]), item))

    def _list_sheet(self, mapped: SheetMap) -> None:
        self._prepare(mapped)
        group = mapped.group
        key_index = next((i for i, t in mapped.columns.items() if t[0] == RECORD), None)
        if key_index is None and len(self.records) > 1:
            self.problems.append(_no_key_column(mapped, self.layout))
            return
        key: str | None = None
        for row in range(mapped.header_row + 1, len(mapped.sheet.rows) + 1):
            cells = [cell for cell in _row_cells(mapped, row) if cell[1][0] == group]
            typed_key = mapped.sheet.value(row, key_index) if key_index else None
            if not is_blank(typed_key):
                key = plain_text(typed_key)  # a blank key cell means «the same as above»
            if not cells:
                continue
            record = self._owner(mapped, row, key, key_index)
            if record is not None:
                self._add_item(record, mapped, row, cells)

    def _owner(
        self, mapped: SheetMap, row: int, key: str | None, key_index: int | None
    ) -> RawRecord | None:
        if key_index is None:
            return self.records[0] if self.records else None
        record = self._by_key.get(key) if key is not None else None
        if record is None:
            assert self.plan.record is not None
            message = (
                f"нет записи с таким значением на листе «{self.plan.record.sheet.name}»; "
                "проверьте значение или добавьте запись"
                if key is not None
                else "не указано, к какой записи относится строка; заполните ячейку"
            )
            self.problems.append(_cell(mapped, row, key_index, key).message(message))
        return record


def _cell(mapped: SheetMap, row: int, index: int, value: Any) -> CellRef:
    """Return where a value was read from."""
    return CellRef(mapped.sheet.name, row, get_column_letter(index), mapped.headers[index], value)


def _no_key_column(mapped: SheetMap, layout: Layout) -> CellMessage:
    assert layout.key is not None
    return CellMessage(
        mapped.sheet.name,
        f"нет столбца «{layout.key.header}»: по нему строки листа относятся к записям — "
        "добавьте его",
        row=mapped.header_row,
    )


def _put(data: dict[str, Any], path: Path, value: Any) -> None:
    target = data
    for part in path[:-1]:
        target = target.setdefault(part, {})
    target[path[-1]] = value


def _whole_name(data: dict[str, Any], path: Path, name: str) -> str | None:
    """Put a whole «Фамилия Имя Отчество»; return a problem if name parts are given too."""
    target = data
    for part in path[:-1]:
        target = target.setdefault(part, {})
    given = target.get(path[-1])
    if given is None:
        target[path[-1]] = name
        return None
    if set(given) - _PERSON_EXTRAS:
        return "ФИО указано и целиком, и по частям — оставьте что-то одно"
    words = name.split()
    parts = {"last_name": words[:1], "first_name": words[1:2], "middle_name": words[2:]}
    given.update({key: " ".join(part) for key, part in parts.items() if part})
    return None


def _fill(
    record: RawRecord, prefix: Loc, target: dict[str, Any], item: _Item, columns: tuple[Column, ...]
) -> None:
    kinds = {column.path: column for column in columns}
    ordered = sorted(item.values.items(), key=lambda pair: kinds[pair[0]].kind is Kind.PERSON)
    for path, value in ordered:
        cell = item.cells[path]
        record.cells[(*prefix, *path)] = cell
        if kinds[path].kind is Kind.PERSON:
            problem = _whole_name(target, path, value)
            if problem:
                record.problems.append(cell.message(problem, (*prefix, *path)))
        else:
            _put(target, path, value)


def _require(target: dict[str, Any], paths: tuple[Path, ...]) -> None:
    """Give every required nested model an empty dict so each missing field is named."""
    for path in paths:
        parent: Any = target
        for part in path[:-1]:
            parent = parent.get(part) if isinstance(parent, dict) else None
        if isinstance(parent, dict):
            parent.setdefault(path[-1], {})


def _assemble(record: RawRecord, layout: Layout) -> None:
    _fill(record, (), record.data, record._own, layout.columns)
    for number, group in enumerate(layout.lists):
        items = record._items.get(number, [])
        if not items:
            if group.required and len(group.path) == 1:
                record.data[group.path[0]] = []  # «the list is empty» says more than «missing»
            continue
        values = []
        for index, (place, item) in enumerate(items):
            prefix: Loc = (*group.path, index)
            data: dict[str, Any] = {}
            _fill(record, prefix, data, item, group.columns)
            _require(data, group.required_models)
            record.places[prefix] = place
            values.append(data)
        _put(record.data, group.path, values)
    _require(record.data, layout.required_models)
    record._own, record._items = _Item(), {}  # now in data and cells
