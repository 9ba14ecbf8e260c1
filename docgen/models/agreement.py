"""Define a cooperation agreement (договор or соглашение) between the centre and a partner."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import Field, model_validator

from docgen.models.base import Date, DocModel, Money, OptionalText, Text
from docgen.models.partners import CooperationForm, Partner


class AgreementKind(StrEnum):
    """Whether the document is a contract or an agreement."""

    CONTRACT = "договор"
    AGREEMENT = "соглашение"


class Obligations(DocModel):
    """What each party undertakes, clause by clause."""

    centre: list[Text] = Field(
        default_factory=list,
        title="Обязанности Центра",
        description="По пунктам. Пусто — из библиотеки пунктов по типу партнёра и формам.",
    )
    partner: list[Text] = Field(
        default_factory=list,
        title="Обязанности партнёра",
        description="По пунктам. Пусто — из библиотеки пунктов по типу партнёра и формам.",
    )
    joint: list[Text] = Field(
        default_factory=list,
        title="Стороны совместно",
        description="По пунктам, после «Стороны обязуются совместно:». Пусто — из библиотеки.",
    )


class Term(DocModel):
    """How long the agreement runs and whether it renews itself."""

    start: Date | None = Field(
        default=None,
        title="Действует с",
        description="Пусто — со дня подписания.",
    )
    end: Date | None = Field(default=None, title="Действует по", description="Пусто — бессрочно.")
    auto_prolongation: bool = Field(
        default=False,
        title="Автоматическая пролонгация",
        description="Продлевается на тот же срок, если ни одна сторона не заявит о расторжении.",
    )
    notice_days: int = Field(
        default=30,
        ge=1,
        le=365,
        title="Срок уведомления, дней",
        description="За сколько дней предупреждать о расторжении или об отказе от продления.",
    )

    @model_validator(mode="after")
    def _check_term(self) -> Term:
        if self.start and self.end and self.end < self.start:
            raise ValueError(
                f"срок действия заканчивается ({self.end:%d.%m.%Y}) раньше, чем начинается "
                f"({self.start:%d.%m.%Y})"
            )
        if self.auto_prolongation and self.end is None:
            raise ValueError(
                "автоматическая пролонгация возможна только при указанной дате окончания срока"
            )
        return self


class JointActivity(DocModel):
    """One row of the plan of joint activities (the appendix to the agreement)."""

    title: Text = Field(title="Мероприятие", description="«Экскурсия «Город мастеров»».")
    form: OptionalText = Field(default=None, title="Форма", description="«экскурсия», «концерт».")
    dates: Text = Field(
        title="Сроки",
        description="Как писать в плане: «октябрь», «в течение года», «12.10.2026».",
    )
    start: Date | None = Field(default=None, title="Начало", description="Для сортировки.")
    end: Date | None = Field(default=None, title="Окончание", description="Для сортировки.")
    place: OptionalText = Field(default=None, title="Место проведения", description="Где.")
    responsible: OptionalText = Field(
        default=None, title="Ответственный", description="«Петрова М.С., методист»."
    )

    @model_validator(mode="after")
    def _check_dates(self) -> JointActivity:
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"мероприятие «{self.title}» заканчивается раньше, чем начинается")
        return self


class FinancialTerms(DocModel):
    """Money terms: cooperation agreements are usually unpaid."""

    paid: bool = Field(
        default=False, title="Возмездный", description="По умолчанию — безвозмездно."
    )
    amount: Money | None = Field(
        default=None, title="Сумма, руб.", description="Только для возмездного договора."
    )

    @model_validator(mode="after")
    def _check_amount(self) -> FinancialTerms:
        if self.paid and (self.amount is None or self.amount <= 0):
            raise ValueError("для возмездного договора укажите сумму больше нуля")
        if not self.paid and self.amount is not None:
            raise ValueError(
                "сумма указана, а договор безвозмездный: отметьте «Возмездный» или уберите сумму"
            )
        return self


class Agreement(DocModel):
    """A cooperation contract or agreement between the centre and one partner."""

    kind: AgreementKind = Field(
        default=AgreementKind.CONTRACT,
        title="Вид документа",
        description="«договор» или «соглашение».",
    )
    topic: Text = Field(
        default="о сотрудничестве",
        title="Заголовок после номера",
        description="«о сотрудничестве», «о социальном партнёрстве», «о совместной деятельности».",
    )
    number: Text = Field(title="Номер", description="«СП-2026/014»; может содержать «/».")
    date: Date = Field(title="Дата", description="Дата заключения.")
    city: OptionalText = Field(
        default=None, title="Город", description="Пусто — город Центра: «г. Бийск»."
    )
    partner: Partner = Field(title="Партнёр", description="Вторая сторона.")
    subject: Text = Field(
        title="Предмет",
        description="Продолжение фразы «Предметом настоящего Договора является …».",
    )
    forms: list[CooperationForm] = Field(
        default_factory=list,
        title="Формы сотрудничества",
        description="Из списка форм сотрудничества.",
    )
    obligations: Obligations = Field(
        default_factory=Obligations, title="Обязанности сторон", description="По пунктам."
    )
    term: Term = Field(
        default_factory=Term, title="Срок действия", description="Начало, окончание."
    )
    activities: list[JointActivity] = Field(
        default_factory=list,
        title="План совместных мероприятий",
        description="Приложение к договору.",
    )
    financial: FinancialTerms = Field(
        default_factory=FinancialTerms,
        title="Финансовые условия",
        description="Обычно безвозмездно.",
    )
    personal_data: bool = Field(
        default=True,
        title="Раздел о персональных данных",
        description="Включать ли раздел о защите персональных данных (152-ФЗ).",
    )
    copies: int = Field(default=2, ge=1, le=10, title="Экземпляров", description="Обычно 2.")

    @property
    def plan_start(self) -> dt.date:
        """Return the day the plan of joint activities begins, which decides its academic year.

        That is its first dated activity, else the start of the term, else the date: a
        contract signed in August plans the coming year.
        """
        dated = [activity.start for activity in self.activities if activity.start is not None]
        return min(dated) if dated else self.term.start or self.date

    @model_validator(mode="after")
    def _check_dates(self) -> Agreement:
        if self.term.start and self.term.start < self.date:
            raise ValueError(
                f"term.start (Действует с) {self.term.start:%d.%m.%Y} раньше даты договора "
                f"date (Дата) {self.date:%d.%m.%Y}: договор не может вступить в силу до "
                "подписания; укажите начало не раньше даты договора или оставьте его пустым "
                "(«вступает в силу с момента подписания»)"
            )
        if self.term.end and self.term.end < self.date:
            raise ValueError(
                f"срок действия заканчивается ({self.term.end:%d.%m.%Y}) раньше даты договора "
                f"({self.date:%d.%m.%Y})"
            )
        return self
