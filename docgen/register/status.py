"""Compute where an agreement stands on a given day: its status and the end of its term.

The stored status is what people did (drafted, signed, terminated); "expired" and the
prolongations of self-renewing agreements follow from the term and the day asked about,
which callers pass in (nothing here reads the clock).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from docgen.models import Agreement

_DAY = dt.timedelta(days=1)


class Status(StrEnum):
    """The status of an agreement in the register."""

    DRAFT = "draft"
    SIGNED = "signed"
    EXPIRED = "expired"
    TERMINATED = "terminated"

    @property
    def label(self) -> str:
        """Return the Russian word for the status: «действует»."""
        return _LABELS[self]


_LABELS = {
    Status.DRAFT: "черновик",
    Status.SIGNED: "действует",
    Status.EXPIRED: "истёк",
    Status.TERMINATED: "расторгнут",
}


@dataclass(frozen=True)
class Standing:
    """An agreement's status on a day and the end of its current period (None: no end)."""

    status: Status
    end: dt.date | None
    prolongations: int = 0

    def expires_within(self, today: dt.date, days: int) -> bool:
        """Tell whether an agreement in force ends within ``days`` days from ``today``."""
        return (
            self.status is Status.SIGNED
            and self.end is not None
            and today <= self.end <= today + dt.timedelta(days=days)
        )


def standing(
    agreement: Agreement,
    stored: Status,
    signed_on: dt.date | None,
    terminated_on: dt.date | None,
    today: dt.date,
) -> Standing:
    """Return the agreement's status on ``today``, with prolongations rolled forward."""
    if stored is Status.TERMINATED and (terminated_on is None or terminated_on <= today):
        return Standing(Status.TERMINATED, terminated_on)
    if stored is Status.DRAFT:
        return Standing(Status.DRAFT, agreement.term.end)
    end, prolongations = current_end(agreement, signed_on, today)
    if terminated_on is not None:  # terminated with effect from a later day
        end = terminated_on if end is None else min(end, terminated_on)
    status = Status.EXPIRED if end is not None and end < today else Status.SIGNED
    return Standing(status, end, prolongations)


def current_end(
    agreement: Agreement, signed_on: dt.date | None, today: dt.date
) -> tuple[dt.date | None, int]:
    """Return the end of the period running on ``today`` and how many renewals led to it.

    A self-renewing agreement whose end has passed rolls forward by its own length (in
    whole months when the term is a whole number of months, in days otherwise).
    """
    term = agreement.term
    if term.end is None or not term.auto_prolongation or term.end >= today:
        return term.end, 0
    start = term.start or signed_on or agreement.date
    months = _whole_months(start, term.end)
    if months is None:
        length = (term.end - start).days + 1
        count = -(-(today - term.end).days // length)
        return term.end + dt.timedelta(days=length * count), count
    count, end = 0, term.end
    while end < today:
        count += 1
        end = add_months(term.end + _DAY, months * count) - _DAY
    return end, count


def add_months(day: dt.date, months: int) -> dt.date:
    """Return the same day ``months`` months later, clamped to the month's last day."""
    year, month_index = divmod(day.month - 1 + months, 12)
    year += day.year
    last = calendar.monthrange(year, month_index + 1)[1]
    return dt.date(year, month_index + 1, min(day.day, last))


def _whole_months(start: dt.date, end: dt.date) -> int | None:
    """Return the term's length in months if it runs from a day to the eve of that day."""
    after = end + _DAY
    months = (after.year - start.year) * 12 + after.month - start.month
    if after.day != start.day or months <= 0:
        return None
    return months
