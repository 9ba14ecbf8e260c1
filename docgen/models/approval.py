"""Define what the centre's internal documents share: academic year and approval stamps."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import AfterValidator, Field, model_validator

from docgen.models.base import Date, DocModel, OptionalText, Text

_YEARS = re.compile(r"^\s*(\d{4})\s*[-–—/]\s*(\d{4})\s*$")


def _academic_year(value: str) -> str:
    """Normalise «2026-2027» or «2026/2027» to «2026–2027» and check the years follow."""
    match = _YEARS.match(value)
    if not match:
        raise ValueError(f"«{value}»: учебный год пишется как «2026–2027»")
    first, second = (int(group) for group in match.groups())
    if second != first + 1:
        raise ValueError(f"«{value}»: второй год учебного года должен следовать за первым")
    return f"{first}–{second}"


AcademicYear = Annotated[str, AfterValidator(_academic_year)]
"""An academic year written «2026–2027» (also accepts a hyphen or a slash)."""


def academic_year_start(year: str) -> int:
    """Return the calendar year an academic year starts in: «2026–2027» → 2026."""
    return int(year[:4])


def academic_year_of(day: dt.date) -> str:
    """Return the academic year a date falls in: 01.09.2025–31.08.2026 → «2025–2026»."""
    start = day.year if day.month >= 9 else day.year - 1
    return f"{start}–{start + 1}"


def next_academic_year(year: str) -> str:
    """Return the academic year after «2025–2026»: «2026–2027»."""
    start = academic_year_start(year) + 1
    return f"{start}–{start + 1}"


def academic_year_bounds(year: str) -> tuple[dt.date, dt.date]:
    """Return the first and last day of an academic year «2025–2026»."""
    start = academic_year_start(year)
    return dt.date(start, 9, 1), dt.date(start + 1, 8, 31)


class Approval(DocModel):
    """How the document is approved: by the director's signature or by an order."""

    order_number: OptionalText = Field(
        default=None,
        title="Номер приказа",
        description="Если положение утверждено приказом: «45». Пусто — гриф «УТВЕРЖДАЮ».",
    )
    order_date: Date | None = Field(
        default=None, title="Дата приказа", description="Вместе с номером приказа."
    )
    date: Date | None = Field(
        default=None,
        title="Дата утверждения",
        description="Для грифа «УТВЕРЖДАЮ»; пусто — «___» ________ 20__ г. для заполнения от руки.",
    )

    @model_validator(mode="after")
    def _check_order(self) -> Approval:
        if bool(self.order_number) != (self.order_date is not None):
            raise ValueError("для утверждения приказом укажите и номер, и дату приказа")
        return self

    @property
    def signed_on(self) -> dt.date | None:
        """Return the date the document is approved: the order's or the stamp's."""
        return self.order_date or self.date

    @property
    def field_name(self) -> str:
        """Return the key path of that date, for messages: «approval.order_date»."""
        return "approval.order_date" if self.order_date else "approval.date"

    @property
    def by_order(self) -> bool:
        """Return whether the stamp reads «УТВЕРЖДЕНО приказом …»."""
        return self.order_number is not None


class Agreed(DocModel):
    """One «СОГЛАСОВАНО» block: who agreed the document on the other side."""

    position: Text = Field(
        title="Должность", description="«Начальник Управления образования Администрации г. Бийска»."
    )
    name: Text = Field(title="Подпись (И.О. Фамилия)", description="«Н.В. Орлова».")
    date: Date | None = Field(default=None, title="Дата", description="Пусто — заполнить от руки.")


def check_approval_order(approval: Approval, agreed: list[Agreed]) -> None:
    """Refuse a «СОГЛАСОВАНО» block dated after the approval: a document is agreed first."""
    approved = approval.signed_on
    if approved is None:
        return
    for index, block in enumerate(agreed):
        if block.date is not None and block.date > approved:
            raise ValueError(
                f"agreed_with[{index}].date (СОГЛАСОВАНО, {block.position}) {block.date:%d.%m.%Y} "
                f"позже даты утверждения {approval.field_name} {approved:%d.%m.%Y}: документ "
                "согласуют до утверждения — исправьте одну из дат"
            )
