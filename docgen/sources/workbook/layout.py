"""Find where a model's table is in a workbook: its sheets, header rows and columns.

The record's sheet is the visible sheet whose header row names most of the model's own
columns; every other visible sheet whose header row names the columns of one of the model's
lists (an agreement's joint activities) holds rows of that list, joined by the key column.
Problems of the table's shape (an unknown or missing column) are found here, once per sheet.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field

from openpyxl.utils.cell import get_column_letter

from docgen.models import Agreement, EventRegulation
from docgen.sources.workbook.columns import Column, Kind, Layout, ListGroup, layout_of
from docgen.sources.workbook.grid import HEAD_ROWS, Sheet, Span
from docgen.sources.workbook.headers import (
    HeaderIndex,
    Match,
    Target,
    candidate_names,
    join_titles,
    normalise,
)
from docgen.sources.workbook.messages import UNUSED, CellMessage
from docgen.sources.workbook.values import is_blank, plain_text

RECORD = -1
"""The list index of a record's own columns in a ``Target``."""
_SCAN_ROWS = HEAD_ROWS
_RECORD_NOUNS: dict[type, str] = {Agreement: "договора", EventRegulation: "положения"}
"""A record's noun in the genitive: «Дата договора» is the agreement's «Дата»."""
UNUSED_COLUMN = "столбец не используется шаблоном — в документы не попадает"
_IGNORED = frozenset(
    {"№", "№ п/п", "n п/п", "п/п", "no", "примечание", "примечания", "комментарий"}
)


@dataclass
class SheetMap:
    """A sheet read as one table: its header row and which column holds which field."""

    sheet: Sheet
    group: int
    header_row: int
    columns: dict[int, Target] = field(default_factory=dict)
    headers: dict[int, str] = field(default_factory=dict)

    def cell_of(self, target: Target) -> tuple[str, str] | None:
        """Return the column letter and header of a target on this sheet, if present."""
        for index, found in self.columns.items():
            if found == target:
                return get_column_letter(index), self.headers[index]
        return None


@dataclass
class WorkbookPlan:
    """Which sheet holds the records and which hold each list, and what is wrong with them."""

    record: SheetMap | None
    lists: list[SheetMap]
    problems: list[CellMessage]
    notices: list[CellMessage]


def column_at(layout: Layout, target: Target) -> Column:
    """Return the column a target names."""
    group, index = target
    return layout.columns[index] if group == RECORD else layout.lists[group].columns[index]


def _prefixed(group: ListGroup, column: Column) -> set[str]:
    names = candidate_names(column.titles, column.path, column.header, column.aliases)
    return (
        names
        | {join_titles([group.title, name]) for name in names}
        | {".".join(group.path + column.path)}
    )


@functools.lru_cache(maxsize=64)
def record_index(model: type) -> HeaderIndex:
    """Return the header index of a record's sheet: its own columns, then its lists'."""
    layout = layout_of(model)
    index = HeaderIndex()
    noun = _RECORD_NOUNS.get(model)
    for number, column in enumerate(layout.columns):
        names = candidate_names(column.titles, column.path, column.header, column.aliases)
        if noun and len(column.path) == 1:
            names |= {f"{column.header} {noun}"}
        index.add(names, (RECORD, number), 0, column.header)
    for group_number, group in enumerate(layout.lists):
        for number, column in enumerate(group.columns):
            index.add(_prefixed(group, column), (group_number, number), 1, column.header)
    return index


@functools.lru_cache(maxsize=256)
def list_index(model: type, group_number: int) -> HeaderIndex:
    """Return the header index of a list's sheet: the key column, then the list's columns."""
    layout = layout_of(model)
    index = HeaderIndex()
    if layout.key is not None:
        key = layout.key
        number = layout.columns.index(key)
        index.add(
            candidate_names(key.titles, key.path, key.header, key.aliases),
            (RECORD, number),
            0,
            key.header,
        )
    group = layout.lists[group_number]
    for number, column in enumerate(group.columns):
        index.add(_prefixed(group, column), (group_number, number), 1, column.header)
    return index


def _span_at(spans: Iterable[Span], row: int, column: int) -> Span | None:
    for span in spans:
        if span[0] <= row <= span[2] and span[1] <= column <= span[3]:
            return span
    return None


def header_cells(sheet: Sheet, row: int) -> dict[int, list[str]]:
    """Return each header cell's texts to try: «group: header» under a merged group, then plain."""
    spans = [s for s in sheet.merged if s[0] <= row and s[2] >= row - 1]
    cells = dict(enumerate(sheet.rows[row - 1], 1)) if row <= len(sheet.rows) else {}
    width = max([len(cells), *(s[3] for s in spans)])
    found: dict[int, list[str]] = {}
    for column in range(1, width + 1):
        value = cells.get(column)
        span = _span_at(spans, row, column)
        if is_blank(value) and span and span[1] == column and span[0] < row:
            value = sheet.value(span[0], column)  # a header merged down over two rows
        if is_blank(value):
            continue
        text = plain_text(value)
        above = _span_at(spans, row - 1, column)
        label = sheet.value(above[0], above[1]) if above and above[3] > above[1] else None
        if above and above[2] < row and not is_blank(label):
            found[column] = [f"{plain_text(label)}: {text}", text]
        else:
            found[column] = [text]
    return found


def _score(index: HeaderIndex, cells: dict[int, list[str]], group: int) -> int:
    score = 0
    for texts in cells.values():
        target = next((m.target for m in map(index.match, texts) if m.target), None)
        score += target is not None and target[0] == group
    return score


def find_header(sheet: Sheet, index: HeaderIndex, group: int) -> tuple[int, int]:
    """Return the header row (the one naming most of the group's columns) and its score."""
    best_row, best_score = 0, 0
    for row in range(1, min(len(sheet.rows), _SCAN_ROWS) + 1):
        score = _score(index, header_cells(sheet, row), group)
        if score > best_score:
            best_row, best_score = row, score
    return best_row, best_score


def _match_cell(index: HeaderIndex, texts: list[str]) -> tuple[Match, str]:
    """Match a header cell's texts in order; return the match and the text that matched."""
    matches = [index.match(text) for text in texts]
    for match, text in zip(matches, texts, strict=True):
        if match.target is not None:
            return match, text
    return next((m for m in matches if m.ambiguous), matches[-1]), texts[-1]


def map_sheet(
    sheet: Sheet, index: HeaderIndex, group: int, header_row: int, extra: bool = False
) -> tuple[SheetMap, list[CellMessage], list[CellMessage]]:
    """Match every header of a sheet to a column; report unknown, ambiguous and repeated ones.

    With ``extra`` (a user's template) a header that names no column and is no typo of one is
    a notice, not a problem: the column is left out of the documents. Returns the map, the
    problems and the notices.
    """
    mapped = SheetMap(sheet, group, header_row)
    problems: list[CellMessage] = []
    notices: list[CellMessage] = []
    for column, texts in header_cells(sheet, header_row).items():
        match, text = _match_cell(index, texts)
        letter = get_column_letter(column)
        if match.target is not None and match.target in mapped.columns.values():
            first = mapped.cell_of(match.target)
            message = f"повторяет столбец {first[0] if first else ''} — оставьте один из них"
        elif match.target is not None:
            mapped.columns[column] = match.target
            mapped.headers[column] = text
            continue
        elif normalise(text) in _IGNORED:
            continue
        elif extra and not match.ambiguous and index.suggest(text) is None:
            notices.append(
                CellMessage(sheet.name, UNUSED_COLUMN, header_row, letter, text, kind=UNUSED)
            )
            continue
        else:
            message = _unknown_header(index, text, match)
        problems.append(CellMessage(sheet.name, message, header_row, letter, text))
    return mapped, problems, notices


def _unknown_header(index: HeaderIndex, text: str, match: Match) -> str:
    if match.ambiguous:
        options = ", ".join(f"«{index.shown(target)}»" for target in match.ambiguous)
        return f"заголовок подходит к нескольким столбцам ({options}) — уточните его"
    message = "заголовок не распознан"
    suggestion = index.suggest(text)
    if suggestion:
        message += f"; возможно, имелось в виду «{suggestion}»"
    return message + "; исправьте заголовок или удалите столбец"


def _covered_by_whole_name(target: Target, mapped: SheetMap, layout: Layout) -> bool:
    """Return whether a name part's column is not needed: «ФИО» in one cell is present."""
    path = column_at(layout, target).path
    for other in mapped.columns.values():
        whole = column_at(layout, other)
        same_list = other[0] == target[0] and whole.kind is Kind.PERSON
        if same_list and path[: len(whole.path)] == whole.path:
            return True
    return False


def missing_columns(mapped: SheetMap, layout: Layout) -> list[CellMessage]:
    """Report every required column that is absent from a sheet, once."""
    present = set(mapped.columns.values())
    groups = {target[0] for target in present}
    wanted: list[Target] = []
    if mapped.group == RECORD:
        wanted += [(RECORD, n) for n, c in enumerate(layout.columns) if c.required]
    for number, group in enumerate(layout.lists):
        if number in groups:
            wanted += [(number, n) for n, c in enumerate(group.columns) if c.required]
    problems = []
    for target in wanted:
        if target in present or _covered_by_whole_name(target, mapped, layout):
            continue
        column = column_at(layout, target)
        message = "нет обязательного столбца — добавьте его в строку заголовков"
        problems.append(
            CellMessage(mapped.sheet.name, message, row=mapped.header_row, header=column.header)
        )
    return problems


def sheet_title(title: str) -> str:
    """Return a title Excel accepts as a sheet name: 31 characters, none of []:*?/\\."""
    cleaned = "".join("-" if char in "[]:*?/\\" else char for char in title)
    return cleaned[:31].strip()
