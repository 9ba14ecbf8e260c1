"""Read an .xlsx workbook into validated models, naming every problem by its cell.

``read_workbook`` reads the workbook once and returns its records one by one, each made when
it is reached, with its own problems (a batch skips the bad rows and writes the rest);
``load_workbook_models`` wants every record valid and raises one ``InputError`` listing every
problem of the whole workbook.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel, ValidationError

from docgen.errors import InputError
from docgen.models import MODELS
from docgen.sources.problems import Loc, Problem, problems_from
from docgen.sources.workbook.columns import Layout, ListGroup, layout_of
from docgen.sources.workbook.grid import WorkbookFile
from docgen.sources.workbook.index import RowIndexer, RowStore
from docgen.sources.workbook.messages import CellMessage, format_messages
from docgen.sources.workbook.records import Place, RawRecord, RecordBuilder
from docgen.sources.workbook.sheets import plan_workbook

M = TypeVar("M", bound=BaseModel)

MAX_ROWS = 100_000
"""The most rows of data a sheet of a workbook may hold, unless the caller says otherwise
(the service passes its own, smaller limit); the row after it stops the reading."""


@dataclass(frozen=True)
class WorkbookRecord(Generic[M]):
    """One record of a workbook: its rows, the validated model or the problems found."""

    sheet: str
    rows: tuple[int, ...]
    key: str | None
    model: M | None
    problems: tuple[CellMessage, ...] = ()
    notices: tuple[CellMessage, ...] = ()

    @property
    def ok(self) -> bool:
        """Return whether the record is valid."""
        return self.model is not None

    @property
    def where(self) -> str:
        """Return «лист «Договоры», строка 5» (or «строки 5, 6, 7»)."""
        if len(self.rows) == 1:
            return f"лист «{self.sheet}», строка {self.rows[0]}"
        return f"лист «{self.sheet}», строки {', '.join(map(str, self.rows))}"


@dataclass
class WorkbookReading(Generic[M]):
    """A workbook laid out for one model; its records are made and validated as they are asked for.

    The rows are kept aside while the workbook is read (``RowStore``: a temporary file once it
    is larger than a megabyte), so that memory does not grow with the number of rows; each
    record is made from its rows when it is reached and is free to go once used. ``close``
    (or ``with``) drops the kept rows; so does the garbage collector.
    """

    source: str
    model: type[M]
    rows: RowStore
    builder: RecordBuilder
    problems: list[CellMessage] = field(default_factory=list)
    """Problems outside any record (a row of a list's sheet that names no record)."""
    notices: list[CellMessage] = field(default_factory=list)
    """Notes about the workbook as a whole: a sheet not used, numbers nearly the same."""

    def __len__(self) -> int:
        return len(self.rows)

    def __enter__(self) -> WorkbookReading[M]:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def raw_records(self) -> Iterator[RawRecord]:
        """Yield every record not yet validated, made from its rows, in the order of the rows."""
        for rows in self.rows.records():
            yield self.builder.build(rows)

    def records(self) -> Iterator[WorkbookRecord[M]]:
        """Yield every record validated, in the order of the rows."""
        for raw in self.raw_records():
            yield validate_record(raw, self.model)

    def close(self) -> None:
        """Drop the rows kept aside; the records can no longer be read."""
        self.rows.close()


def read_workbook(path: Path, model: type[M], max_rows: int = MAX_ROWS) -> WorkbookReading[M]:
    """Open a workbook, read its rows once and note which record each belongs to.

    The records are made (and validated) only as ``raw_records()`` or ``records()`` reach them.
    Raises ``InputError`` when no record can be read at all: the file cannot be opened, no
    header row is found, a header is unknown or a required column is missing, or a sheet
    holds more than ``max_rows`` rows of data (found at the first row past the limit).
    """
    layout = layout_of(model)
    with WorkbookFile(path) as book:
        plan = plan_workbook(book.sheets(), layout)
        if plan.record is None:
            raise InputError(_no_table(path, layout))
        if plan.problems:
            raise InputError(format_messages(str(path), plan.problems))
        indexer = RowIndexer(layout, plan, max_rows)
        rows = indexer.index(book)
    builder = RecordBuilder(layout, plan)
    notices = plan.notices + indexer.notices
    return WorkbookReading(str(path), model, rows, builder, indexer.problems, notices)


def load_workbook_models(
    path: Path, model: type[M], max_rows: int = MAX_ROWS
) -> tuple[list[M], list[CellMessage]]:
    """Return every record of a workbook as a model and the notices about its values.

    Raises one ``InputError`` listing every problem of the whole workbook at once.
    """
    with read_workbook(path, model, max_rows) as reading:
        records = list(reading.records())
    problems = [problem for record in records for problem in record.problems]
    problems += reading.problems
    if problems:
        raise InputError(format_messages(str(path), problems))
    if not records:
        raise InputError(f"{path}: под строкой заголовков нет ни одной заполненной строки")
    notices = reading.notices + [notice for record in records for notice in record.notices]
    return [record.model for record in records if record.model is not None], notices


def _no_table(path: Path, layout: Layout) -> str:
    name = next((name for name, cls in MODELS.items() if cls is layout.model), "")
    expected = ", ".join(f"«{c.header}»" for c in layout.columns if c.required)
    hint = f"; готовую таблицу делает команда «docgen sheet {name}»" if name else ""
    return (
        f"{path}: ни на одном листе не найдена строка заголовков таблицы — ожидаются столбцы "
        f"{expected}{hint}"
    )


def validate_record(raw: RawRecord, model: type[M]) -> WorkbookRecord[M]:
    """Validate one gathered record; trace each of the model's complaints to its cell."""
    problems = list(raw.problems)
    result: M | None = None
    try:
        result = model.model_validate(raw.data)
    except ValidationError as exc:
        layout = layout_of(model)
        unreadable = {_plain(problem.loc) for problem in raw.problems}
        details = exc.errors(include_url=False)
        for detail, problem in zip(details, problems_from(exc, model), strict=True):
            if _plain(problem.loc) not in unreadable:
                problems.append(locate(raw, layout, problem, detail["type"]))
    return WorkbookRecord(
        raw.sheet,
        tuple(raw.rows),
        raw.key,
        None if problems else result,
        tuple(problems),
        tuple(raw.notices),
    )


def _plain(loc: Loc) -> Loc:
    """Drop the position of a value inside a one-cell list: ``forms[2]`` is the cell ``forms``."""
    end = len(loc)
    while end and isinstance(loc[end - 1], int):
        end -= 1
    return loc[:end]


def _context(loc: Loc, layout: Layout) -> tuple[Loc, ListGroup | None, Loc]:
    """Split a location into the list item it is in (if any) and the path inside it."""
    for group in layout.lists:
        size = len(group.path)
        if loc[:size] == group.path and len(loc) > size and isinstance(loc[size], int):
            return loc[: size + 1], group, loc[size + 1 :]
    return (), None, loc


def _hint(kind: str, loc: Loc, layout: Layout) -> str:
    """Return how to fix a problem, where the model's message does not say it."""
    if kind in ("enum", "literal_error"):
        return " — выберите значение из списка"
    listed = layout.list_at(tuple(str(part) for part in loc))
    if kind == "too_short" and listed is not None:
        return f" — добавьте строки на лист «{listed.title}»"
    return ""


def locate(raw: RawRecord, layout: Layout, problem: Problem, kind: str) -> CellMessage:
    """Return a problem as a message about the cell, row or columns it concerns."""
    prefix, group, rest = _context(problem.loc, layout)
    place = raw.places.get(prefix) or raw.places.get(()) or Place(raw.sheet, raw.row, {})
    path = tuple(part for part in rest if isinstance(part, str))
    message = problem.message + _hint(kind, _plain(problem.loc), layout)
    for end in range(len(path), 0, -1):  # the cell itself, else a whole-name cell above it
        cell = raw.cells.get((*prefix, *path[:end]))
        if cell is not None:
            return cell.message(message, problem.loc)
        if path[:end] in place.columns:
            letter, header = place.columns[path[:end]]
            fix = " — заполните ячейку" if kind == "missing" else ""
            return CellMessage(
                place.sheet, message + fix, place.row, letter, header, None, problem.loc
            )
    columns = group.columns if group is not None else layout.columns
    column = next((c for c in columns if c.path == path), None)
    if column is not None:
        fix = f" — на листе нет столбца «{column.header}», добавьте его"
        return CellMessage(place.sheet, message + fix, place.row, loc=problem.loc)
    return _group_message(place, path, problem, message)


def _group_message(place: Place, path: Loc, problem: Problem, message: str) -> CellMessage:
    """Name a problem of several fields (reasons, a whole record) by the row and columns."""
    letters = sorted(
        (letter for p, (letter, _) in place.columns.items() if p[: len(path)] == path),
        key=lambda letter: (len(letter), letter),
    )
    span = f"{letters[0]}–{letters[-1]}" if len(letters) > 1 else (letters[0] if letters else None)
    header = problem.title if path else None
    return CellMessage(
        place.sheet, message, place.row, span if path else None, header, None, problem.loc
    )
