"""Define the centre's plan of work on social partnership and its calendar of events."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from pydantic import Field, model_validator

from docgen.models.approval import AcademicYear, Agreed, Approval, check_approval_order
from docgen.models.base import Date, DocModel, OptionalText, Text, find_date
from docgen.models.partners import PartnerType


class PlanPartnerRow(DocModel):
    """A row of the table «partners and directions of interaction»."""

    partner_type: PartnerType = Field(title="Тип учреждения", description="Из списка типов.")
    partners: list[Text] = Field(
        default_factory=list,
        title="Партнёры",
        description="Сокращённые наименования: «МБОУ «СОШ № 5»».",
    )
    directions: OptionalText = Field(
        default=None,
        title="Направления взаимодействия",
        description="Пусто — направления из библиотеки пунктов для этого типа учреждения.",
    )
    forms: list[Text] = Field(
        default_factory=list, title="Формы работы", description="«экскурсии», «конкурсы»."
    )
    term: Text = Field(default="в течение года", title="Сроки", description="«в течение года».")
    responsible: OptionalText = Field(
        default=None, title="Ответственный", description="«заместитель директора по УВР»."
    )
    basis: OptionalText = Field(
        default=None, title="Основание", description="«договор № СП-2026/001 от 01.09.2026»."
    )


class PlanEvent(DocModel):
    """A row of the calendar of events."""

    title: Text = Field(title="Мероприятие", description="Название мероприятия.")
    form: OptionalText = Field(default=None, title="Форма", description="«концерт», «акция».")
    dates: Text = Field(
        title="Сроки", description="Как писать в плане: «12.10.2026», «октябрь», «по согласованию»."
    )
    start: Date | None = Field(
        default=None, title="Дата начала", description="Для сортировки и группировки по месяцам."
    )
    end: Date | None = Field(
        default=None, title="Дата окончания", description="Если несколько дней."
    )
    place: OptionalText = Field(default=None, title="Место проведения", description="Где.")
    participants: OptionalText = Field(
        default=None, title="Участники", description="«обучающиеся 5–7 классов»."
    )
    count: int | None = Field(
        default=None, ge=0, title="Количество участников", description="Сколько человек."
    )
    partner: OptionalText = Field(default=None, title="Партнёр", description="Кто проводит с нами.")
    responsible: OptionalText = Field(
        default=None, title="Ответственный", description="«Петрова М.С., методист»."
    )

    @model_validator(mode="after")
    def _check_dates(self) -> PlanEvent:
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"мероприятие «{self.title}» заканчивается раньше, чем начинается")
        return self


_BASIS_DATE = re.compile(r"\bот\s+(\d{1,2})\.(\d{1,2})\.(\d{4})")
"""The date of a contract cited as «договор № СП-2026/001 от 01.09.2026»."""


def basis_date(basis: str | None) -> dt.date | None:
    """Return the date of the contract a plan row cites, or None when it names none."""
    return find_date(basis, _BASIS_DATE)


@dataclass(frozen=True)
class MonthGroup:
    """Events of one month, or those with no date (``month`` is None)."""

    month: int | None
    events: list[PlanEvent]


class PartnershipPlan(DocModel):
    """The year's plan of work on social partnership, with its calendar of events."""

    academic_year: AcademicYear = Field(title="Учебный год", description="«2026–2027».")
    approval: Approval = Field(
        default_factory=Approval, title="Утверждение", description="Гриф или приказ."
    )
    agreed_with: list[Agreed] = Field(
        default_factory=list, title="Согласовано", description="Блоки «СОГЛАСОВАНО»."
    )
    goal: Text = Field(title="Цель", description="Одним предложением.")
    tasks: list[Text] = Field(min_length=1, title="Задачи", description="3–5 задач.")
    partners: list[PlanPartnerRow] = Field(
        min_length=1, title="Партнёры и направления", description="Таблица 1."
    )
    events: list[PlanEvent] = Field(
        default_factory=list, title="План мероприятий", description="Таблица 2."
    )
    group_by_month: bool = Field(
        default=True,
        title="Группировать по месяцам",
        description="Строки-заголовки «Сентябрь», «Октябрь»… в плане мероприятий.",
    )
    expected_results: list[Text] = Field(
        default_factory=list, title="Ожидаемые результаты", description="По пунктам."
    )

    @model_validator(mode="after")
    def _check_dates(self) -> PartnershipPlan:
        check_approval_order(self.approval, self.agreed_with)
        approved = self.approval.signed_on
        for index, row in enumerate(self.partners):
            signed = basis_date(row.basis)
            if approved is not None and signed is not None and signed > approved:
                raise ValueError(
                    f"partners[{index}].basis «{row.basis}»: договор подписан "
                    f"{signed:%d.%m.%Y}, позже даты утверждения плана "
                    f"{self.approval.field_name} {approved:%d.%m.%Y}; план не может ссылаться "
                    "на договор, которого ещё нет — утвердите план не раньше "
                    f"{signed:%d.%m.%Y} или уберите ссылку"
                )
        return self

    @property
    def sorted_events(self) -> list[PlanEvent]:
        """Return events by start date; undated ones (e.g. «в течение года») first."""
        return sorted(self.events, key=lambda e: (e.start is not None, e.start or e.end))

    @property
    def months(self) -> list[MonthGroup]:
        """Return the events grouped by the month they start in, in calendar order."""
        groups: list[MonthGroup] = []
        for event in self.sorted_events:
            month = event.start.month if event.start else None
            if not groups or groups[-1].month != month:
                groups.append(MonthGroup(month, []))
            groups[-1].events.append(event)
        return groups

    @property
    def participants_total(self) -> int:
        """Return the planned number of participants over all events that give one."""
        return sum(event.count or 0 for event in self.events)
