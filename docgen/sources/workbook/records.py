"""Make a record from its rows: nested data for the model and where each value was.

Which rows make a record is decided while the workbook is read (``workbook.index``): one row
of the records' sheet, or several sharing its key, and the rows of the lists' sheets that name
that key. Nothing is validated here: each record keeps, for every value, the cell it came
from, so that the model's complaints can be traced back to sheet, row and column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils.cell import get_column_letter

from docgen.sources.problems import Loc
from docgen.sources.workbook.columns import Column, Kind, Layout, Path
from docgen.sources.workbook.index import Found, StoredRow, cell_ref, key_of
from docgen.sources.workbook.layout import RECORD, SheetMap, WorkbookPlan, column_at
from docgen.sources.workbook.messages import WARNING, CellMessage, CellRef
from docgen.sources.workbook.numbers import is_number_column, number_problem
from docgen.sources.workbook.values import MISSING, plain_text, read_cell, same_value

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


class RecordBuilder:
    """Make records from their kept rows: the data for the model and the cell behind each value."""

    def __init__(self, layout: Layout, plan: WorkbookPlan) -> None:
        assert plan.record is not None
        self.layout = layout
        self.sheets = [plan.record, *plan.lists]
        """The sheets rows come from: the records' sheet, then the lists' sheets."""
        self._columns = {
            (number, group): _columns_map(mapped, layout, group)
            for number, mapped in enumerate(self.sheets)
            for group in {target[0] for target in mapped.columns.values()}
        }

    def build(self, rows: list[StoredRow]) -> RawRecord:
        """Return the record made of ``rows``: its own rows first, then its lists' rows."""
        mapped = self.sheets[0]
        found = [self._found(row) for row in rows]
        own = [cell for cell in found[0] if cell[1][0] == RECORD]
        record = RawRecord(mapped.sheet.name, [], key_of(self.layout, own))
        own_columns = self._columns.get((0, RECORD), {})
        record.places[()] = Place(mapped.sheet.name, rows[0][1], own_columns)
        for (number, row, _), cells in zip(rows, found, strict=True):
            if number == 0:
                self._record_row(record, row, cells)
            else:
                self._add_item(record, number, row, cells)
        _assemble(record, self.layout)
        return record

    def _found(self, row: StoredRow) -> list[Found]:
        columns = self.sheets[row[0]].columns
        return [(index, columns[index], value) for index, value in row[2]]

    def _read(self, record: RawRecord, cell: CellRef, column: Column, prefix: Loc) -> Any:
        """Read one cell's value; keep its notice or problem with the record."""
        loc = (*prefix, *column.path)
        wrong_number = number_problem(cell.value) if is_number_column(column) else None
        if wrong_number:
            record.problems.append(cell.message(wrong_number, loc))
            return MISSING
        reading = read_cell(cell.value, column)
        if reading.notice:
            record.notices.append(cell.message(reading.notice, loc))
        if reading.warning:
            record.notices.append(cell.message(f"проверьте: {reading.warning}", loc, WARNING))
        if reading.problem:
            record.problems.append(cell.message(reading.problem, loc))
            return MISSING
        return reading.value

    def _record_row(self, record: RawRecord, row: int, cells: list[Found]) -> None:
        if row not in record.rows:
            record.rows.append(row)
        own = [cell for cell in cells if cell[1][0] == RECORD]
        self._own_values(record, row, own)
        for group in sorted({cell[1][0] for cell in cells} - {RECORD}):
            self._add_item(record, 0, row, [c for c in cells if c[1][0] == group])

    def _own_values(self, record: RawRecord, row: int, own: list[Found]) -> None:
        for index, target, value in own:
            column = column_at(self.layout, target)
            cell = cell_ref(self.sheets[0], row, index, value)
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

    def _add_item(self, record: RawRecord, number: int, row: int, cells: list[Found]) -> None:
        """Add one row's values of a list's columns as a new item of that list."""
        group = cells[0][1][0]
        items = record._items.setdefault(group, [])
        prefix: Loc = (*self.layout.lists[group].path, len(items))
        mapped = self.sheets[number]
        item = _Item()
        for index, target, value in cells:
            column = column_at(self.layout, target)
            cell = cell_ref(mapped, row, index, value)
            read = self._read(record, cell, column, prefix)
            if read is not MISSING:
                item.values[column.path] = read
                item.cells[column.path] = cell
        items.append((Place(mapped.sheet.name, row, self._columns[number, group]), item))


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
