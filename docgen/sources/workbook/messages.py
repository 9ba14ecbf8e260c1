"""Describe a problem or a notice by the cell it is about: sheet, row, column, header, value."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from docgen.sources.problems import Loc, count_errors
from docgen.sources.workbook.values import plain_text

_SHOWN_LIMIT = 60
WARNING = "предупреждение"
"""The ``kind`` of a notice that asks the user to check a value docgen cannot prove wrong."""
UNUSED = "не используется"
"""The ``kind`` of a notice about a column or sheet left out of the documents."""


@dataclass(frozen=True)
class CellMessage:
    """What is wrong with (or was repaired in) one cell, a row or a whole sheet."""

    sheet: str
    message: str
    row: int | None = None
    column: str | None = None
    header: str | None = None
    value: Any = None
    loc: Loc = ()
    kind: str = ""
    """``WARNING`` for a value to check, ``UNUSED`` for a column or sheet left out; empty for a
    problem or a value tidied as it was read."""

    @property
    def where(self) -> str:
        """Return «лист «Партнёры», строка 7, столбец D «ИНН»»."""
        parts = [f"лист «{self.sheet}»"]
        if self.row is not None:
            parts.append(f"строка {self.row}")
        if self.column and self.header:
            word = "столбцы" if "–" in self.column else "столбец"
            parts.append(f"{word} {self.column} «{self.header}»")
        elif self.column:
            parts.append(f"столбец {self.column}")
        elif self.header:
            parts.append(f"«{self.header}»")
        return ", ".join(parts)

    @property
    def shown_value(self) -> str:
        """Return the cell's value as a person sees it, shortened; empty for a blank cell."""
        if self.value is None:
            return ""
        text = plain_text(self.value).replace("\n", " ¶ ")
        return text if len(text) <= _SHOWN_LIMIT else text[: _SHOWN_LIMIT - 1] + "…"

    def describe(self) -> str:
        """Return «where: «value» — what is wrong and how to fix it»."""
        shown = self.shown_value
        if shown and shown not in self.message:
            return f"{self.where}: «{shown}» — {self.message}"
        return f"{self.where}: {self.message}"


class CellRef(NamedTuple):
    """Where a value was read from: kept for every cell, turned into a message when needed."""

    sheet: str
    row: int
    column: str
    header: str
    value: Any

    def message(self, text: str, loc: Loc = (), kind: str = "") -> CellMessage:
        """Return a message about this cell."""
        return CellMessage(
            self.sheet, text, self.row, self.column, self.header, self.value, loc, kind
        )


def format_messages(source: str, messages: Sequence[CellMessage]) -> str:
    """Return one text listing every problem of a workbook, each on its own line."""
    lines = [f"{source}: {count_errors(len(messages))} в таблице:"]
    lines.extend(f"  - {message.describe()}" for message in messages)
    return "\n".join(lines)
