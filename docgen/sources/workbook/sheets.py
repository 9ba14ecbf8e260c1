"""Decide which sheet of a workbook holds the records and which hold each list.

A sheet is chosen by its headers first and its name second: the sheet whose header row names
most of the model's own columns holds the records. When several sheets hold the same table
(a copy «Договоры (2)» made before an edit), the one named as the table is read and the
others are reported, never silently used or skipped; when none is, the choice is the user's,
and the message says so. A hidden sheet that holds the table, or a list of it, is a problem:
its rows would be read without anyone seeing them, or go missing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import BaseModel

from docgen.models import (
    Agreement,
    Centre,
    EventRegulation,
    JointEvent,
    JointEventsYear,
    MethodReport,
    Organisation,
    Partner,
    PartnershipPlan,
    PartnerYearReport,
    Person,
    Signer,
)
from docgen.sources.workbook.columns import Layout
from docgen.sources.workbook.grid import Sheet
from docgen.sources.workbook.headers import normalise
from docgen.sources.workbook.layout import (
    RECORD,
    WorkbookPlan,
    find_header,
    list_index,
    map_sheet,
    missing_columns,
    record_index,
    sheet_title,
)
from docgen.sources.workbook.messages import UNUSED, WARNING, CellMessage

SHEET_TITLES: dict[type[BaseModel], str] = {
    Agreement: "Договоры",
    Partner: "Партнёры",
    Centre: "Центр",
    Organisation: "Организации",
    Signer: "Подписанты",
    Person: "Люди",
    EventRegulation: "Положения",
    PartnershipPlan: "План",
    MethodReport: "Анализ",
    JointEvent: "Мероприятия",
    PartnerYearReport: "Отчёты партнёрам",
    JointEventsYear: "Учебный год",
}
"""The name of the records' sheet of each model, as ``docgen sheet`` writes it."""

LISTS_SHEET = "Списки"
"""The hidden sheet of dropdown values ``docgen sheet`` writes; never a table."""
_SKIPPED = "лист не использован: в нём нет заголовков столбцов этой таблицы"
_SHOW = "покажите его (правой кнопкой по ярлыку листа → «Показать»)"
_NEAR = 0.8
"""A sheet naming at least this share of the best sheet's columns holds the same table."""


def record_sheet_name(model: type[BaseModel]) -> str:
    """Return the name the records' sheet of ``model`` is written with."""
    return sheet_title(SHEET_TITLES.get(model, model.__name__))


@dataclass(frozen=True)
class _Candidate:
    sheet: Sheet
    row: int
    score: int


def plan_workbook(sheets: list[Sheet], layout: Layout) -> WorkbookPlan:
    """Decide which sheet holds the records and which hold lists; check their headers."""
    filled = [s for s in sheets if not s.is_empty() and (s.visible or s.name != LISTS_SHEET)]
    plan = WorkbookPlan(None, [], [], [])
    alone = layout.single_list  # a model that is one list: the list's sheet is the table
    group = 0 if alone else RECORD
    scored = [c for c in _scored(filled, layout, group) if alone or not _holds_list(c, layout)]
    if not scored:
        return plan
    near = [c for c in scored if c.score >= _NEAR * max(c.score for c in scored)]
    name = sheet_title(alone.title) if alone else record_sheet_name(layout.model)
    chosen = _choose(near, name, plan, "эта таблица")
    plan.record, problems, notices = map_sheet(
        chosen.sheet, record_index(layout.model), RECORD, chosen.row, layout.extra_columns
    )
    plan.problems += problems + missing_columns(plan.record, layout)
    plan.notices += notices
    used = {id(candidate.sheet) for candidate in near}
    _plan_lists([s for s in filled if id(s) not in used], layout, plan)
    return plan


def _scored(sheets: Sequence[Sheet], layout: Layout, group: int) -> list[_Candidate]:
    """Return the sheets whose headers name some of a group's columns, with their score."""
    index = record_index(layout.model) if group == RECORD else list_index(layout.model, group)
    found = []
    for sheet in sheets:
        row, score = find_header(sheet, index, group)
        if score:
            found.append(_Candidate(sheet, row, score))
    return found


def _holds_list(candidate: _Candidate, layout: Layout) -> bool:
    """Return whether a sheet names more columns of a list than of the record (its key)."""
    found = _best_list(candidate.sheet, layout) if layout.lists else None
    return found is not None and found[2] > candidate.score


def _choose(near: list[_Candidate], name: str, plan: WorkbookPlan, what: str) -> _Candidate:
    """Return the sheet to read among those holding the same table; report the others."""
    shown = [c for c in near if c.sheet.visible]
    named = [c for c in shown if normalise(c.sheet.name) == normalise(name)]
    best = max(c.score for c in (shown or near))
    top = [c for c in (shown or near) if c.score == best]
    chosen = named[0] if len(named) == 1 else top[0]
    if not shown:
        plan.problems.append(
            CellMessage(chosen.sheet.name, f"лист скрыт, а в нём {what} — {_SHOW}")
        )
    elif len(named) != 1 and len(top) > 1:
        names = ", ".join(f"«{c.sheet.name}»" for c in top)
        plan.problems.append(
            CellMessage(
                chosen.sheet.name,
                f"{what} есть на нескольких листах ({names}) — неясно, какой читать: удалите "
                f"лишние листы или назовите нужный «{name}»",
            )
        )
    plan.notices += [_not_used(c.sheet, chosen.sheet) for c in near if c is not chosen]
    return chosen


def _not_used(sheet: Sheet, chosen: Sheet) -> CellMessage:
    hidden = "скрытый " if not sheet.visible else ""
    return CellMessage(
        sheet.name,
        f"{hidden}лист не использован: в нём та же таблица, что на листе «{chosen.name}», — "
        "похоже на старую копию; проверьте, что использован нужный, и удалите лишний",
        kind=WARNING,
    )


def _plan_lists(sheets: list[Sheet], layout: Layout, plan: WorkbookPlan) -> None:
    """Map each remaining sheet to the list it holds; report sheets that hold none."""
    by_group: dict[int, list[_Candidate]] = {}
    for sheet in sheets:
        choice = _best_list(sheet, layout) if layout.lists else None
        if choice is None:
            if sheet.visible:
                plan.notices.append(CellMessage(sheet.name, _SKIPPED, kind=UNUSED))
            continue
        by_group.setdefault(choice[0], []).append(_Candidate(sheet, choice[1], choice[2]))
    for number, candidates in by_group.items():
        group = layout.lists[number]
        what = f"строки списка «{group.title}»"
        chosen = _choose(candidates, sheet_title(group.title), plan, what)
        mapped, problems, notices = map_sheet(
            chosen.sheet, list_index(layout.model, number), number, chosen.row, layout.extra_columns
        )
        plan.lists.append(mapped)
        plan.problems += problems + missing_columns(mapped, layout)
        plan.notices += notices
    plan.lists.sort(key=lambda mapped: [s.name for s in sheets].index(mapped.sheet.name))


_SHEET_NAME_BONUS = 100


def _best_list(sheet: Sheet, layout: Layout) -> tuple[int, int, int] | None:
    """Return the list a sheet holds (by its headers, its name breaking ties) and where."""
    best: tuple[int, int, int] | None = None
    for number, group in enumerate(layout.lists):
        row, score = find_header(sheet, list_index(layout.model, number), number)
        if score and normalise(sheet.name) == normalise(sheet_title(group.title)):
            score += _SHEET_NAME_BONUS
        if score and (best is None or score > best[2]):
            best = (number, row, score)
    return best
