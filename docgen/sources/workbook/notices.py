"""Sort what reading a workbook noticed into what a person does with it.

A batch summary lists, apart from the errors (rows not made into documents):

- «предупреждения» — values that may be wrong and cannot be proved so (a Latin «a» inside
  a Russian name, a male name with a female patronymic, two agreement numbers that differ only
  in case or spaces): the documents are made, each warning should be checked. Warnings are
  also rows of the kind «предупреждение» in ошибки.xlsx, so that they can be worked through
  like errors; a batch with warnings only still writes that workbook.
- «исправлено при чтении» — values tidied as they were read (spaces, capitals, an ИНН that
  lost its leading zero): nothing to do, listed so that the change is not silent.
- «не используется шаблоном» — columns and sheets left out of the documents.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from docgen.sources.workbook.messages import UNUSED, WARNING, CellMessage

SECTIONS = (
    (WARNING, "предупреждения — проверьте эти значения"),
    ("", "исправлено при чтении"),
    (UNUSED, "не используется шаблоном"),
)
"""Each kind of notice and the title its section of a summary has, in the order shown."""


def warnings_of(notices: Sequence[CellMessage]) -> list[CellMessage]:
    """Return the notices that ask the user to check a value."""
    return [notice for notice in notices if notice.kind == WARNING]


def notice_lines(notices: Sequence[CellMessage], limit: int = 30) -> list[str]:
    """Return the summary lines of ``notices``: a titled section per kind, up to ``limit`` each."""
    lines: list[str] = []
    known = {kind for kind, _ in SECTIONS}
    for kind, title in SECTIONS:
        shown = [n for n in notices if n.kind == kind or (not kind and n.kind not in known)]
        if not shown:
            continue
        lines.append(f"{title} ({len(shown)}):")
        lines += [f"  - {notice.describe()}" for notice in shown[:limit]]
        if len(shown) > limit:
            lines.append(f"  … и ещё {len(shown) - limit}")
    return lines


def report_line(path: Path, errors: int, warnings: int) -> str:
    """Return the line that says what the error workbook at ``path`` lists."""
    if errors and warnings:
        return f"все ошибки и предупреждения — в таблице {path}"
    if warnings:
        return f"предупреждения (документы сделаны) — в таблице {path}"
    return f"все ошибки — в таблице {path}"
