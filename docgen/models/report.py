"""Define the analysis of the methodological service's work for an academic year.

Every total, percentage and year-on-year change is computed here from the rows; none is typed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from pydantic import Field, model_validator

from docgen.models.approval import AcademicYear
from docgen.models.base import Date, DocModel, OptionalText, Text, find_date
from docgen.models.joint_events import JointEvent, JointEventsYear, check_in_year, partner_key
from docgen.models.people import Person
from docgen.models.report_problems import year_problems
from docgen.models.report_rows import (
    Assistance,
    Attestation,
    Category,
    Change,
    ContestResult,
    Course,
    CreativeGroup,
    DirectionWork,
    Education,
    Focus,
    FocusRow,
    HeldEvent,
    Level,
    LevelRow,
    MethodDirection,
    PreviousYear,
    Programme,
    ProgrammeStatus,
    Seminar,
    Share,
    SurveyItem,
    Teacher,
    percent,
)

EXPERIENCE_BANDS = ((0, 3, "до 3 лет"), (3, 5, "3–4 года"), (5, 10, "5–9 лет"),
                    (10, 20, "10–19 лет"), (20, 999, "20 лет и более"))  # fmt: skip
"""Whole years of experience: the bands never share a year («3–4 года», «5–9 лет»)."""
_REVIEW_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
AGE_BANDS = ((0, 35, "до 35 лет"), (35, 56, "35–55 лет"), (56, 999, "старше 55 лет"))
QUALIFIED = (Category.HIGHEST, Category.FIRST, Category.METHODIST, Category.MENTOR)


class Author(DocModel):
    """Who wrote and signs the analysis."""

    person: Person = Field(title="ФИО", description="«Кузнецова Елена Андреевна».")
    position: Text = Field(title="Должность", description="«заместитель директора по УВР».")


def _shares(labels: Iterable[str], counts: Counter[str], total: int) -> list[Share]:
    return [Share(label, counts[label], percent(counts[label], total)) for label in labels]


def _bands(values: list[int], bands: tuple[tuple[int, int, str], ...]) -> list[Share]:
    counts = Counter(label for v in values for low, high, label in bands if low <= v < high)
    return _shares([label for _, _, label in bands], counts, len(values))


class MethodReport(DocModel):
    """The annual analysis of the methodological service's work."""

    academic_year: AcademicYear = Field(title="Учебный год", description="«2025–2026».")
    author: Author = Field(title="Составитель", description="Кто подписывает анализ.")
    review: OptionalText = Field(
        default=None,
        title="Рассмотрено",
        description="«на методическом совете, протокол от 28.05.2026 № 5».",
    )
    theme: Text = Field(title="Методическая тема", description="Тема, над которой работает Центр.")
    goal: Text = Field(title="Цель", description="Цель методической работы.")
    tasks: list[Text] = Field(min_length=1, title="Задачи", description="Задачи на год.")
    structure: list[Text] = Field(
        default_factory=list, title="Структура службы", description="Методический совет, МО…"
    )
    staff: list[Teacher] = Field(min_length=1, title="Педагоги", description="Кадровый состав.")
    attestation: list[Attestation] = Field(
        default_factory=list, title="Аттестация", description="Аттестованные в этом году."
    )
    courses: list[Course] = Field(
        default_factory=list, title="Курсы", description="Повышение квалификации."
    )
    work: list[DirectionWork] = Field(
        default_factory=list, title="Работа по направлениям", description="Девять направлений."
    )
    programmes: list[Programme] = Field(
        default_factory=list, title="Программы", description="Реализуемые программы."
    )
    creative_groups: list[CreativeGroup] = Field(
        default_factory=list, title="Творческие группы", description="Группы педагогов."
    )
    seminars: list[Seminar] = Field(
        default_factory=list, title="Семинары", description="Семинары, конференции, МО."
    )
    survey_respondents: int | None = Field(
        default=None, ge=1, title="Опрошено педагогов", description="Сколько ответили."
    )
    survey: list[SurveyItem] = Field(
        default_factory=list, title="Затруднения и запросы", description="Итоги анкетирования."
    )
    assistance: list[Assistance] = Field(
        default_factory=list, title="Помощь ОУ", description="Методическая помощь учреждениям."
    )
    contests: list[ContestResult] = Field(
        default_factory=list, title="Конкурсы обучающихся", description="Результаты."
    )
    events_held: list[HeldEvent] = Field(
        default_factory=list, title="Мероприятия Центра", description="Проведённые мероприятия."
    )
    joint_events: list[JointEvent] = Field(
        default_factory=list,
        title="Совместные мероприятия",
        description="Мероприятия с социальными партнёрами за год: строки той же таблицы, по "
        "которой собран раздел о них (docgen передаёт её сам); итоги раздела «Мероприятия» "
        "включают их.",
    )
    previous_year: PreviousYear | None = Field(
        default=None, title="Прошлый год", description="Для сравнения с прошлым годом."
    )
    conclusions: list[Text] = Field(default_factory=list, title="Выводы", description="Выводы.")
    next_year_tasks: list[Text] = Field(
        default_factory=list, title="Задачи на следующий год", description="По пунктам."
    )
    date: Date | None = Field(default=None, title="Дата", description="Дата составления.")

    @model_validator(mode="after")
    def _check_consistency(self) -> MethodReport:
        for contest in self.contests:
            if contest.winners + contest.prize_winners > contest.participants:
                raise ValueError(
                    f"конкурс «{contest.name}»: победителей и призёров больше, чем участников"
                )
        if self.survey and self.survey_respondents is None:
            raise ValueError("укажите, сколько педагогов ответили на анкету (Опрошено педагогов)")
        for item in self.survey:
            if self.survey_respondents is not None and item.count > self.survey_respondents:
                raise ValueError(f"«{item.need}»: назвавших больше, чем опрошенных")
        directions = [work.direction for work in self.work]
        if len(set(directions)) != len(directions):
            raise ValueError("каждое направление работы указывается один раз")
        check_in_year(self.joint_events, self.academic_year)
        _check_counted_once(self.events_held, self.joint_events)
        reviewed = find_date(self.review, _REVIEW_DATE)  # «протокол от 28.05.2026 № 5»
        if self.date is not None and reviewed is not None and reviewed < self.date:
            raise ValueError(
                f"анализ рассмотрен (review) {reviewed:%d.%m.%Y} раньше, чем составлен (date) "
                f"{self.date:%d.%m.%Y}: исправьте одну из дат"
            )
        return self

    @property
    def work_by_direction(self) -> dict[str, list[str]]:
        """Return the paragraphs written for each of the nine directions, by its name.

        Keys are the ``MethodDirection`` member names in lower case (``improvement``,
        ``programmes``…); a direction nobody wrote about has an empty list.
        """
        texts: dict[str, list[str]] = {direction.name.lower(): [] for direction in MethodDirection}
        for work in self.work:
            texts[work.direction.name.lower()] = list(work.paragraphs)
        return texts

    @property
    def staff_total(self) -> int:
        """Return the number of teachers."""
        return len(self.staff)

    @property
    def part_time_total(self) -> int:
        """Return the number of external part-timers."""
        return sum(teacher.part_time for teacher in self.staff)

    @property
    def by_category(self) -> list[Share]:
        """Return teachers by qualification category, with last year's counts when given."""
        counts = Counter(teacher.category.value for teacher in self.staff)
        previous = self.previous_year.by_category if self.previous_year else None
        total = self.staff_total
        return [
            Share(
                c.value,
                counts[c.value],
                percent(counts[c.value], total),
                previous.get(c, 0) if previous is not None else None,
            )
            for c in Category
        ]

    @property
    def qualified(self) -> Share:
        """Return teachers with the highest or first category (or the 2023 titles)."""
        count = sum(teacher.category in QUALIFIED for teacher in self.staff)
        return Share("с высшей и первой категорией", count, percent(count, self.staff_total))

    @property
    def by_education(self) -> list[Share]:
        """Return teachers by education."""
        counts = Counter(teacher.education.value for teacher in self.staff)
        return _shares((e.value for e in Education), counts, self.staff_total)

    @property
    def by_experience(self) -> list[Share]:
        """Return teachers by length of pedagogical service."""
        return _bands([teacher.experience_years for teacher in self.staff], EXPERIENCE_BANDS)

    @property
    def by_age(self) -> list[Share]:
        """Return teachers by age."""
        return _bands([teacher.age for teacher in self.staff], AGE_BANDS)

    @property
    def course_hours(self) -> int:
        """Return the hours of all training courses together."""
        return sum(course.hours for course in self.courses)

    @property
    def trained(self) -> Share:
        """Return how many different teachers took courses this year, as a share of staff."""
        count = len({course.person.full_name for course in self.courses})
        return Share("прошли курсы", count, percent(count, self.staff_total))

    @property
    def by_focus(self) -> list[FocusRow]:
        """Return programmes by направленность, skipping those with none."""
        return [
            _focus_row(focus.value, [p for p in self.programmes if p.focus is focus])
            for focus in Focus
            if any(p.focus is focus for p in self.programmes)
        ]

    @property
    def programme_totals(self) -> FocusRow:
        """Return the totals line of the programmes table."""
        return _focus_row("Итого", self.programmes)

    @property
    def contests_by_level(self) -> list[LevelRow]:
        """Return students' contest results by level, skipping empty levels."""
        return _level_rows(self.contests)

    @property
    def contest_totals(self) -> LevelRow:
        """Return the totals line of the contests table."""
        return _level_row("Итого", self.contests)

    @property
    def award_rate(self) -> float:
        """Return winners and prize-winners as a percentage of participants."""
        totals = self.contest_totals
        return percent(totals.awarded, totals.participants)

    @property
    def events_coverage(self) -> int:
        """Return how many people the centre's events reached."""
        return sum(event.coverage for event in self.events_held)

    @property
    def joint_year(self) -> JointEventsYear | None:
        """Return the year's joint events with their totals, or None when none are given."""
        if not self.joint_events:
            return None
        return JointEventsYear(academic_year=self.academic_year, events=self.joint_events)

    @property
    def events_total(self) -> int:
        """Return the centre's events and the joint events with partners together."""
        return len(self.events_held) + len(self.joint_events)

    @property
    def coverage_total(self) -> int:
        """Return how many people the centre's events and the joint events reached."""
        return self.events_coverage + sum(event.participants for event in self.joint_events)

    @property
    def assistance_by_form(self) -> list[Share]:
        """Return help to schools by form, most frequent first."""
        counts: Counter[str] = Counter()
        for item in self.assistance:
            counts[item.form] += item.count
        total = sum(counts.values())
        return [Share(form, n, percent(n, total)) for form, n in counts.most_common()]

    @property
    def dynamics(self) -> list[Change]:
        """Return the main counts against last year; empty when last year is not given."""
        last = self.previous_year
        if last is None:
            return []
        totals, contests = self.programme_totals, self.contest_totals
        return [
            Change("Педагогов", self.staff_total, last.staff),
            Change("Программ", totals.total, last.programmes),
            Change("Обучающихся по программам", totals.students, last.students),
            Change("Участников конкурсов", contests.participants, last.contest_participants),
            Change("Победителей и призёров", contests.awarded, last.contest_awards),
        ]

    @property
    def problems(self) -> list[str]:
        """Return the year's problems read from the data: every fall is named as a fall."""
        return year_problems(self)

    @property
    def survey_shares(self) -> list[Share]:
        """Return each difficulty or request as a share of respondents, most named first."""
        total = self.survey_respondents or 0
        items = sorted(self.survey, key=lambda item: -item.count)
        return [Share(item.need, item.count, percent(item.count, total)) for item in items]


def _check_counted_once(held: list[HeldEvent], joint: list[JointEvent]) -> None:
    """Raise ``ValueError`` when an event of the centre is also one of the joint events."""
    joint_keys = {(event.date, partner_key(event.title)) for event in joint}
    for event in held:
        if (event.date, partner_key(event.title)) in joint_keys:
            raise ValueError(
                f"мероприятие «{event.title}» {event.date:%d.%m.%Y} указано и в мероприятиях "
                "Центра (events_held), и в совместных мероприятиях (joint_events): итоги учли "
                "бы его дважды — оставьте его только в таблице совместных мероприятий"
            )


def _focus_row(label: str, items: list[Programme]) -> FocusRow:
    new = sum(p.status is ProgrammeStatus.NEW for p in items)
    updated = sum(p.status is ProgrammeStatus.UPDATED for p in items)
    return FocusRow(label, len(items), new, updated, sum(p.students for p in items))


def _level_row(label: str, contests: list[ContestResult]) -> LevelRow:
    return LevelRow(
        label,
        len(contests),
        sum(c.participants for c in contests),
        sum(c.winners for c in contests),
        sum(c.prize_winners for c in contests),
    )


def _level_rows(contests: list[ContestResult]) -> list[LevelRow]:
    return [
        _level_row(level.value, [c for c in contests if c.level is level])
        for level in Level
        if any(c.level is level for c in contests)
    ]
