"""Hand out document numbers from a pattern: one counter per series and year, never reused.

A series is the pattern's text, so kinds of documents that share a pattern share its
counter (their numbers would collide otherwise). The counter row is incremented with
``UPDATE … RETURNING`` inside the caller's transaction: PostgreSQL's row lock and SQLite's
``BEGIN IMMEDIATE`` make concurrent requests wait their turn, and a rolled-back request
gives its number back, so numbers stay consecutive. Deleting a document never lowers a
counter, so a number is never handed out twice.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import cached_property

from sqlalchemy import exists, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from docgen.errors import InputError
from docgen.register.tables import AgreementRow, NumberCounter

DEFAULT_PATTERN = "СП-{year}/{seq:03d}"
"""The default pattern of agreement numbers: «СП-2026/014»."""

_FIELDS = frozenset({"year", "seq"})


@dataclass(frozen=True)
class NumberPattern:
    """A number pattern in ``str.format`` syntax with the fields ``{year}`` and ``{seq}``."""

    text: str = DEFAULT_PATTERN

    def __post_init__(self) -> None:
        names = self._field_names()
        if "seq" not in names or not names <= _FIELDS:
            raise InputError(
                f"шаблон номера «{self.text}»: нужен порядковый номер {{seq}}, можно {{year}} "
                f"(например «{DEFAULT_PATTERN}»); другие поля не допускаются"
            )
        try:
            self.format(2026, 1)
        except (ValueError, TypeError) as exc:
            raise InputError(f"шаблон номера «{self.text}»: {exc}") from exc

    @property
    def uses_year(self) -> bool:
        """Tell whether numbering restarts every year (the pattern contains ``{year}``)."""
        return "year" in self._field_names()

    def format(self, year: int, seq: int) -> str:
        """Return the number with this year and sequence number."""
        return self.text.format(year=year, seq=seq)

    def parse(self, number: str) -> tuple[int, int] | None:
        """Return ``(year, seq)`` of a number written in this pattern, or None."""
        match = self._regex.fullmatch(number.strip())
        if not match:
            return None
        year = int(match["year"]) if self.uses_year else 0
        return year, int(match["seq"])

    def _field_names(self) -> set[str]:
        try:
            return {name for _, name, _, _ in string.Formatter().parse(self.text) if name}
        except ValueError as exc:
            raise InputError(f"шаблон номера «{self.text}»: {exc}") from exc

    @cached_property
    def _regex(self) -> re.Pattern[str]:
        parts: list[str] = []
        seen: set[str] = set()
        for literal, name, _, _ in string.Formatter().parse(self.text):
            parts.append(re.escape(literal))
            if name:
                parts.append(f"(?P={name})" if name in seen else rf"(?P<{name}>\d+)")
                seen.add(name)
        return re.compile("".join(parts))


def next_number(session: Session, pattern: NumberPattern, year: int) -> str:
    """Take the next number of ``pattern`` for ``year`` in the session's transaction."""
    series_year = year if pattern.uses_year else 0
    _ensure_counter(session, pattern.text, series_year)
    while True:
        seq = session.execute(
            update(NumberCounter)
            .where(NumberCounter.series == pattern.text, NumberCounter.year == series_year)
            .values(last=NumberCounter.last + 1)
            .returning(NumberCounter.last)
        ).scalar_one()
        number = pattern.format(year, seq)
        # A number may already be taken by an agreement imported in another spelling.
        if not session.scalar(select(exists().where(AgreementRow.number == number))):
            return number


def note_number(session: Session, pattern: NumberPattern, number: str) -> None:
    """Move the counter past an existing number written in ``pattern`` (an imported one)."""
    parsed = pattern.parse(number)
    if parsed is None:
        return
    series_year, seq = parsed
    _ensure_counter(session, pattern.text, series_year)
    session.execute(
        update(NumberCounter)
        .where(
            NumberCounter.series == pattern.text,
            NumberCounter.year == series_year,
            NumberCounter.last < seq,
        )
        .values(last=seq)
    )


def last_numbers(session: Session) -> dict[tuple[str, int], int]:
    """Return the last sequence number handed out, by series and year."""
    rows = session.execute(select(NumberCounter.series, NumberCounter.year, NumberCounter.last))
    return {(series, year): last for series, year, last in rows}


def _ensure_counter(session: Session, series: str, year: int) -> None:
    """Create the counter row at zero unless it exists, without failing under concurrency."""
    values = {"series": series, "year": year, "last": 0}
    if session.get_bind().dialect.name == "postgresql":
        session.execute(postgresql_insert(NumberCounter).values(values).on_conflict_do_nothing())
    else:
        session.execute(sqlite_insert(NumberCounter).values(values).on_conflict_do_nothing())
