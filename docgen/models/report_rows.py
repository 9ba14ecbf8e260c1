"""Define the rows of the methodological service's annual report (analysis of its work)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from pydantic import Field

from docgen.models.base import Date, DocModel, OptionalText, Text
from docgen.models.partners import LenientEnum
from docgen.models.people import Person


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


class Education(LenientEnum):
    """A teacher's education."""

    HIGHER_PEDAGOGICAL = "высшее педагогическое"
    HIGHER = "высшее"
    VOCATIONAL_PEDAGOGICAL = "среднее профессиональное педагогическое"
    VOCATIONAL = "среднее профессиональное"


class Category(LenientEnum):
    """A teacher's qualification category (incl. the 2023 «педагог-методист/-наставник»)."""

    HIGHEST = "высшая"
    FIRST = "первая"
    METHODIST = "педагог-методист"
    MENTOR = "педагог-наставник"
    CONFORMITY = "соответствие занимаемой должности"
    NONE = "без категории"


class Focus(LenientEnum):
    """The six направленности of additional general-education programmes (order № 629)."""

    TECHNICAL = "техническая"
    SCIENCE = "естественнонаучная"
    SPORTS = "физкультурно-спортивная"
    ARTS = "художественная"
    TOURISM = "туристско-краеведческая"
    SOCIAL = "социально-гуманитарная"


class ProgrammeStatus(LenientEnum):
    """Whether a programme is new this year, updated, or runs as before."""

    NEW = "новая"
    UPDATED = "обновлена"
    RUNNING = "реализуется"


class Level(LenientEnum):
    """The level of a contest or event."""

    INSTITUTION = "учрежденческий"
    MUNICIPAL = "муниципальный"
    REGIONAL = "региональный"
    FEDERAL = "всероссийский"
    INTERNATIONAL = "международный"


class MethodDirection(LenientEnum):
    """The nine directions of the centre's methodological service (from the seed)."""

    IMPROVEMENT = "совершенствование педагогической деятельности"
    PROGRAMMES = "обновление программного обеспечения образовательного процесса"
    RESEARCH = "внедрение научных исследований и передового педагогического опыта"
    TRAINING = "повышение квалификации педагогических работников"
    CREATIVE_GROUPS = "руководство методической работой творческих групп"
    SCIENCE_NEWS = "ознакомление с достижениями педагогической науки и практики"
    NEEDS = "изучение профессиональной подготовки и потребностей педагогов"
    ASSISTANCE = "помощь образовательным учреждениям"
    EVENTS = "проведение семинаров, совещаний, конференций, конкурсов"


class Teacher(DocModel):
    """A member of the teaching staff on the report's date."""

    person: Person = Field(title="ФИО", description="«Иванова Анна Петровна».")
    position: Text = Field(title="Должность", description="«педагог дополнительного образования».")
    part_time: bool = Field(default=False, title="Совместитель", description="Да — внешний.")
    education: Education = Field(title="Образование", description="Из списка.")
    category: Category = Field(title="Категория", description="Из списка.")
    experience_years: int = Field(ge=0, le=60, title="Педагогический стаж, лет", description="Лет.")
    age: int = Field(ge=16, le=90, title="Возраст", description="Полных лет.")


class Attestation(DocModel):
    """A teacher certified this year."""

    person: Person = Field(title="ФИО", description="Кто аттестован.")
    position: Text = Field(title="Должность", description="Должность.")
    category: Category = Field(title="Категория", description="Заявленная категория.")
    granted: bool = Field(default=True, title="Установлена", description="Да — установлена.")
    order: OptionalText = Field(
        default=None, title="Приказ", description="«приказ Минобрнауки АК от 20.12.2026 № 1500»."
    )

    @property
    def result(self) -> str:
        """Return «установлена» for a category, «подтверждено» for conformity to the post."""
        if self.category is Category.CONFORMITY:
            return "подтверждено" if self.granted else "не подтверждено"
        return "установлена" if self.granted else "не установлена"


class Course(DocModel):
    """A training course a teacher completed (КПК, переподготовка)."""

    person: Person = Field(title="ФИО", description="Кто обучался.")
    topic: Text = Field(title="Тема курсов", description="Название программы.")
    hours: int = Field(ge=1, le=2000, title="Объём, ч", description="Часов.")
    provider: Text = Field(title="Где", description="«АИРО им. А.М. Топорова», дистанционно.")
    end: Date = Field(title="Окончание", description="Дата окончания.")


class Programme(DocModel):
    """An additional general-education programme run this year."""

    name: Text = Field(title="Программа", description="Название программы.")
    focus: Focus = Field(title="Направленность", description="Из шести направленностей.")
    status: ProgrammeStatus = Field(
        default=ProgrammeStatus.RUNNING,
        title="Статус",
        description="«новая», «обновлена» или «реализуется».",
    )
    students: int = Field(ge=0, title="Обучающихся", description="Человек.")


class CreativeGroup(DocModel):
    """A creative group of teachers and what it produced."""

    topic: Text = Field(title="Тема", description="Тема работы группы.")
    leader: Text = Field(title="Руководитель", description="«Петрова М.С.».")
    members: int = Field(ge=1, title="Участников", description="Человек.")
    result: Text = Field(
        title="Результат", description="Продукт: сборник, методические рекомендации."
    )


class Seminar(DocModel):
    """A seminar, conference or meeting the service held."""

    date: Date = Field(title="Дата", description="Дата проведения.")
    topic: Text = Field(title="Тема", description="Тема.")
    form: Text = Field(title="Форма", description="«семинар», «круглый стол».")
    level: Level = Field(title="Уровень", description="Из списка уровней.")
    participants: int = Field(ge=0, title="Участников", description="Человек.")


class Assistance(DocModel):
    """Help the service gave to a school or kindergarten."""

    organisation: Text = Field(title="Учреждение", description="«МБОУ «СОШ № 5»».")
    form: Text = Field(title="Форма помощи", description="«консультация», «семинар».")
    topic: Text = Field(title="Тема", description="Тема.")
    count: int = Field(default=1, ge=1, title="Количество", description="Сколько раз.")


class SurveyItem(DocModel):
    """A difficulty or request teachers named in the survey."""

    need: Text = Field(title="Затруднение или запрос", description="Формулировка.")
    count: int = Field(ge=0, title="Назвали, чел.", description="Сколько педагогов назвали.")


class ContestResult(DocModel):
    """Students' results in one contest."""

    name: Text = Field(title="Конкурс", description="Название.")
    level: Level = Field(title="Уровень", description="Из списка уровней.")
    participants: int = Field(ge=0, title="Участников", description="Человек.")
    winners: int = Field(default=0, ge=0, title="Победителей", description="I место.")
    prize_winners: int = Field(default=0, ge=0, title="Призёров", description="II–III места.")


class HeldEvent(DocModel):
    """An event the centre held."""

    title: Text = Field(title="Мероприятие", description="Название.")
    date: Date = Field(title="Дата", description="Дата.")
    level: Level = Field(title="Уровень", description="Из списка уровней.")
    coverage: int = Field(ge=0, title="Охват, чел.", description="Человек.")


class DirectionWork(DocModel):
    """What the service did along one of its nine directions, in paragraphs."""

    direction: MethodDirection = Field(title="Направление", description="Из девяти направлений.")
    paragraphs: list[Text] = Field(min_length=1, title="Содержание", description="Абзацы текста.")


class PreviousYear(DocModel):
    """Last year's counts, for the year-on-year change."""

    staff: int = Field(ge=0, title="Педагогов", description="Всего в прошлом году.")
    by_category: dict[Category, int] = Field(
        default_factory=dict, title="По категориям", description="Количество по категориям."
    )
    programmes: int = Field(default=0, ge=0, title="Программ", description="Всего программ.")
    students: int = Field(default=0, ge=0, title="Обучающихся", description="По программам.")
    contest_participants: int = Field(
        default=0, ge=0, title="Участников конкурсов", description="Всего."
    )
    contest_awards: int = Field(
        default=0, ge=0, title="Победителей и призёров", description="Всего."
    )
