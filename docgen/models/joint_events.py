"""Define the year's joint events with social partners and the reports made from them.

A workbook row is a ``JointEvent``. ``group_by_partner`` turns a year's rows into one
``PartnerYearReport`` per partner (the report of joint work sent to the partner);
``JointEventsYear`` holds all of them for the events section of the methodological
service's analysis. Every count and total is computed from the rows; none is typed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from pydantic import Field, model_validator

from docgen.models.approval import AcademicYear, academic_year_bounds, next_academic_year
from docgen.models.base import Date, DocModel, OptionalText, Text
from docgen.models.partner_letter import derived_proposals, next_working_day
from docgen.models.partners import LenientEnum, Partner
from docgen.models.report_rows import HeldEvent, Level, percent
from docgen.models.requisites import Inn


class JointEventForm(LenientEnum):
    """The form of a joint event (the vocabulary of the centre's plans and reports)."""

    CONCERT = "концерт"
    PERFORMANCE = "спектакль"
    HOLIDAY = "праздник"
    GAME = "игровая программа"
    CONTEST = "конкурс"
    FESTIVAL = "фестиваль"
    EXHIBITION = "выставка"
    COMPETITION = "соревнования"
    QUEST = "квест"
    QUIZ = "викторина"
    ACTION = "акция"
    MASTER_CLASS = "мастер-класс"
    EXCURSION = "экскурсия"
    MUSEUM_LESSON = "музейный урок"
    LIBRARY_LESSON = "библиотечный урок"
    TALK = "беседа"
    LECTURE = "лекция"
    MEETING = "встреча"
    CAREER_TRIAL = "профпроба"
    ROUND_TABLE = "круглый стол"
    SEMINAR = "семинар"
    CONSULTATION = "консультация"


class JointEvent(DocModel):
    """One event the centre held together with a social partner: a row of the year's table."""

    date: Date = Field(title="Дата", description="Дата проведения: 12.10.2025.")
    title: Text = Field(
        title="Мероприятие", description="Название: «Музейный урок «Бийск — ворота Алтая»»."
    )
    form: JointEventForm = Field(
        title="Форма", description="Из списка: «концерт», «мастер-класс», «экскурсия»…"
    )
    partner: Text = Field(
        title="Партнёр",
        description="Сокращённое наименование партнёра, всегда одинаково: «МБОУ «СОШ № 5»».",
    )
    partner_inn: Inn | None = Field(
        default=None, title="ИНН партнёра", description="Необязательно: 10 цифр."
    )
    participants: int = Field(
        ge=0,
        le=100_000,
        title="Количество участников",
        description="Сколько человек участвовало, целым числом: 45.",
    )
    responsible: Text = Field(
        title="Ответственный", description="От Центра, фамилия и инициалы: «Ильина С.Б.»."
    )
    unit: Text = Field(
        title="Объединение (отдел)",
        description="Объединение или отдел Центра: «театральная студия «Маска»».",
    )


@dataclass(frozen=True)
class FormTotal:
    """Events of one form: how many, how many people, and their share of all events."""

    form: str
    events: int
    participants: int
    percent: float


@dataclass(frozen=True)
class MonthTotal:
    """Events of one calendar month of the academic year."""

    year: int
    month: int
    events: int
    participants: int

    @property
    def first_day(self) -> dt.date:
        """Return the month's first day (templates name the month from it)."""
        return dt.date(self.year, self.month, 1)


@dataclass(frozen=True)
class MonthEvents:
    """The events of one month, by date, for a table with a heading row per month."""

    year: int
    month: int
    events: list[JointEvent]

    @property
    def first_day(self) -> dt.date:
        """Return the month's first day (templates name the month from it)."""
        return dt.date(self.year, self.month, 1)


@dataclass(frozen=True)
class PartnerTotal:
    """Events held with one partner."""

    partner: str
    events: int
    participants: int


_QUOTES = re.compile(r"[«»\"“”„‟'’]")
_DIGITS = re.compile(r"(\d+)")


def partner_key(name: str) -> str:
    """Return what makes two spellings of a partner's name the same partner.

    Letter case, ё/е, the kind of quotes and spaces do not matter: «МБОУ "СОШ №5"» and
    «мбоу «сош № 5»» are one partner, «Совет ветеранов г.Бийска» and «… г. Бийска» too.
    """
    text = _QUOTES.sub('"', name.casefold().replace("ё", "е"))
    return "".join(text.split())


def partner_order(name: str) -> list[str | int]:
    """Return a sort key putting «СОШ № 5» before «СОШ № 17» (numbers compared as numbers)."""
    return [int(part) if part.isdigit() else part for part in _DIGITS.split(partner_key(name))]


def check_in_year(events: Iterable[JointEvent], year: str) -> None:
    """Raise ``ValueError`` naming the first event that is not in the academic year."""
    first, last = academic_year_bounds(year)
    for event in events:
        if not first <= event.date <= last:
            raise ValueError(
                f"мероприятие «{event.title}» {event.date:%d.%m.%Y} не входит в {year} учебный "
                f"год ({first:%d.%m.%Y}–{last:%d.%m.%Y})"
            )


def _by_form(events: list[JointEvent]) -> list[FormTotal]:
    """Return events by form, the most frequent first (then by name)."""
    counts = Counter(event.form.value for event in events)
    people: Counter[str] = Counter()
    for event in events:
        people[event.form.value] += event.participants
    forms = sorted(counts, key=lambda form: (-counts[form], form))
    total = len(events)
    return [FormTotal(f, counts[f], people[f], percent(counts[f], total)) for f in forms]


def _by_month(events: list[JointEvent]) -> list[MonthTotal]:
    """Return events by calendar month, in the order of the year."""
    return [
        MonthTotal(group.year, group.month, len(group.events), _people(group.events))
        for group in _months(events)
    ]


def _months(events: list[JointEvent]) -> list[MonthEvents]:
    """Return the events (by date) grouped by the month they were held in."""
    groups: list[MonthEvents] = []
    for event in sorted(events, key=_by_date):
        year, month = event.date.year, event.date.month
        if not groups or (groups[-1].year, groups[-1].month) != (year, month):
            groups.append(MonthEvents(year, month, []))
        groups[-1].events.append(event)
    return groups


def _people(events: Iterable[JointEvent]) -> int:
    return sum(event.participants for event in events)


def _by_date(event: JointEvent) -> dt.date:
    return event.date


class EventTotals:
    """Totals computed from ``events``, shared by a partner's year and the whole year."""

    events: list[JointEvent]

    @property
    def events_count(self) -> int:
        """Return the number of joint events."""
        return len(self.events)

    @property
    def participants_total(self) -> int:
        """Return how many people took part in all the events together."""
        return _people(self.events)

    @property
    def by_form(self) -> list[FormTotal]:
        """Return the events by form, the most frequent first."""
        return _by_form(self.events)

    @property
    def by_month(self) -> list[MonthTotal]:
        """Return the events by month, in the order of the year."""
        return _by_month(self.events)


class PartnerYearReport(EventTotals, DocModel):
    """The year's joint work with one partner: the data of the report sent to the partner."""

    partner: Text = Field(
        title="Партнёр", description="Сокращённое наименование: «МБОУ «СОШ № 5»»."
    )
    academic_year: AcademicYear = Field(title="Учебный год", description="«2025–2026».")
    partner_inn: Inn | None = Field(
        default=None, title="ИНН партнёра", description="Необязательно: 10 цифр."
    )
    details: Partner | None = Field(
        default=None,
        title="Карточка партнёра",
        description="Если известна: полное наименование и руководитель (подпись партнёра).",
    )
    events: list[JointEvent] = Field(
        min_length=1, title="Мероприятия", description="Совместные мероприятия за год."
    )
    outgoing_number: OptionalText = Field(
        default=None,
        title="Исходящий номер",
        description="Номер письма по журналу: «01-15/27». Без него — строка для номера.",
    )
    letter_date: Date | None = Field(
        default=None,
        title="Дата письма",
        description="Не раньше последнего мероприятия; без неё — следующий рабочий день.",
    )
    proposals: list[Text] = Field(
        default_factory=list,
        title="Предложения",
        description="На следующий учебный год; без них составляются по данным года.",
    )

    @model_validator(mode="after")
    def _check_events(self) -> PartnerYearReport:
        check_in_year(self.events, self.academic_year)
        last = max(event.date for event in self.events)
        if self.letter_date is not None and self.letter_date < last:
            raise ValueError(
                f"дата письма (letter_date) {self.letter_date:%d.%m.%Y} раньше последнего "
                f"мероприятия (events) {last:%d.%m.%Y}: отчёт пишут после мероприятий"
            )
        key = partner_key(self.partner)
        for event in self.events:
            if partner_key(event.partner) != key:
                raise ValueError(
                    f"мероприятие «{event.title}» проведено с «{event.partner}», "
                    f"а отчёт — о «{self.partner}»"
                )
        self.events = sorted(self.events, key=_by_date)
        return self

    @property
    def first_date(self) -> dt.date:
        """Return the date of the first event."""
        return self.events[0].date

    @property
    def last_date(self) -> dt.date:
        """Return the date of the last event."""
        return self.events[-1].date

    @property
    def date(self) -> dt.date:
        """Return the letter's date: as given, else the working day after the last event."""
        return self.letter_date or next_working_day(self.last_date)

    @property
    def next_academic_year(self) -> str:
        """Return the academic year the proposals are for: «2026–2027»."""
        return next_academic_year(self.academic_year)

    @property
    def next_year_proposals(self) -> list[str]:
        """Return the proposals as given, else derived from the year's forms and counts."""
        if self.proposals:
            return list(self.proposals)
        forms = [(total.form, total.participants) for total in self.by_form]
        return derived_proposals(self.academic_year, forms, self.events_count)


class JointEventsYear(EventTotals, DocModel):
    """All the year's joint events: the events section of the methodological analysis."""

    academic_year: AcademicYear = Field(title="Учебный год", description="«2025–2026».")
    events: list[JointEvent] = Field(
        min_length=1, title="Мероприятия", description="Совместные мероприятия за год."
    )

    @model_validator(mode="after")
    def _check_events(self) -> JointEventsYear:
        check_in_year(self.events, self.academic_year)
        self.events = sorted(self.events, key=_by_date)
        return self

    @property
    def partners(self) -> list[PartnerYearReport]:
        """Return the year's work with each partner, partners in name order."""
        return group_by_partner(self.events, self.academic_year)

    @property
    def partners_count(self) -> int:
        """Return how many different partners the centre held events with."""
        return len({partner_key(event.partner) for event in self.events})

    @property
    def by_partner(self) -> list[PartnerTotal]:
        """Return events and participants by partner, partners in name order."""
        return [
            PartnerTotal(report.partner, report.events_count, report.participants_total)
            for report in self.partners
        ]

    @property
    def months(self) -> list[MonthEvents]:
        """Return the events grouped by month, for the table with a heading row per month."""
        return _months(self.events)

    @property
    def held_events(self) -> list[HeldEvent]:
        """Return the events as rows of the analysis's table «Мероприятия Центра»."""
        return held_events(self.events)


def group_by_partner(events: Iterable[JointEvent], academic_year: str) -> list[PartnerYearReport]:
    """Return one report per partner, partners in name order, each one's events by date.

    Spellings of one partner that differ only in case, quotes or spaces are one partner
    (``partner_key``); the report takes the spelling used most often, and the first ИНН
    given. Raises pydantic's ``ValidationError`` if an event is outside ``academic_year``.
    """
    groups: dict[str, list[JointEvent]] = {}
    for event in events:
        groups.setdefault(partner_key(event.partner), []).append(event)
    reports = [_report(group, academic_year) for group in groups.values()]
    return sorted(reports, key=lambda report: partner_order(report.partner))


def _report(events: list[JointEvent], academic_year: str) -> PartnerYearReport:
    name = Counter(event.partner for event in events).most_common(1)[0][0]
    inn = next((event.partner_inn for event in events if event.partner_inn), None)
    return PartnerYearReport(
        partner=name, academic_year=academic_year, partner_inn=inn, events=events
    )


def held_events(
    events: Iterable[JointEvent],
    level: Level = Level.INSTITUTION,
    title: Callable[[JointEvent], str] | None = None,
) -> list[HeldEvent]:
    """Return joint events as ``HeldEvent`` rows of ``MethodReport.events_held``, by date.

    The title names the partner: «Музейный урок «Бийск — ворота Алтая» (МБУК «Музей»)»;
    ``title`` may build it otherwise.
    """
    name = title or (lambda event: f"{event.title} ({event.partner})")
    return [
        HeldEvent(title=name(event), date=event.date, level=level, coverage=event.participants)
        for event in sorted(events, key=_by_date)
    ]
