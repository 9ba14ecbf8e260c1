"""Define the analysis of the methodological service's work for an academic year.

Every total, percentage and year-on-year change is computed here from the rows; none is typed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from pydantic import Field, model_validator

from docgen.models.approval import AcademicYear
from docgen.models.base import Date, DocModel, OptionalText, Text
from docgen.models.people import Person
from docgen.models.report_rows import (
    Assistance,
    Attestation,
    Category,
    ContestResult,
    Course,
    CreativeGroup,
    DirectionWork,
    Education,
    Focus,
    HeldEvent,
    Level,
    MethodDirection,
    PreviousYear,
    Programme,
    ProgrammeStatus,
    Seminar,
    SurveyItem,
    Teacher,
)

EXPERIENCE_BANDS = ((0, 3, "до 3 лет"), (3, 5, "3–5 лет"), (5, 10, "5–10 лет"),
                    (10, 20, "10–20 лет"), (20, 999, "свыше 20 лет"))  # fmt: skip
AGE_BANDS = ((0, 35, "до 35 лет"), (35, 56, "35–55 лет"), (56, 999, "старше 55 лет"))
QUALIFIED = (Category.HIGHEST, Category.FIRST, Category.METHODIST, Category.MENTOR)


def percent(count: int, total: int) -> float:
    """Return count as a percentage of total, rounded half up to one decimal; 0 of 0 is 0."""
    if total <= 0:
        return 0.0
    value = Decimal(100 * count) / Decimal(total)
    return float(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Share:
    """A count with its share of a total and, when known, last year's count."""

    label: str
    count: int
    percent: float
    previous: int | None = None

    @property
    def change(self) -> int | None:
        """Return the change since last year, or None when last year is unknown."""
        return None if self.previous is None else self.count - self.previous


@dataclass(frozen=True)
class Change:
    """A count this year against last year."""

    label: str
    current: int
    previous: int

    @property
    def difference(self) -> int:
        """Return this year's count minus last year's."""
        return self.current - self.previous


@dataclass(frozen=True)
class FocusRow:
    """Programmes of one направленность."""

    focus: str
    total: int
    new: int
    updated: int
    students: int


@dataclass(frozen=True)
class LevelRow:
    """Contests of one level."""

    level: str
    contests: int
    participants: int
    winners: int
    prize_winners: int

    @property
    def awarded(self) -> int:
        """Return winners and prize-winners together."""
        return self.winners + self.prize_winners


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
    def survey_shares(self) -> list[Share]:
        """Return each difficulty or request as a share of respondents, most named first."""
        total = self.survey_respondents or 0
        items = sorted(self.survey, key=lambda item: -item.count)
        return [Share(item.need, item.count, percent(item.count, total)) for item in items]


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
