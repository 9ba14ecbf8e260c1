"""Define the regulation (положение) of a contest, festival, action or competition."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import Field, model_validator

from docgen.models.approval import AcademicYear, Agreed, Approval, check_approval_order
from docgen.models.base import Date, DocModel, OptionalText, Text
from docgen.models.partners import LenientEnum
from docgen.models.people import Person
from docgen.models.requisites import Email, Phone


class EventKind(LenientEnum):
    """What kind of event the regulation governs."""

    CONTEST = "конкурс"
    FESTIVAL = "фестиваль"
    FESTIVAL_CONTEST = "фестиваль-конкурс"
    REVIEW_CONTEST = "смотр-конкурс"
    ACTION = "акция"
    COMPETITION = "соревнования"
    EXHIBITION = "выставка"
    RALLY = "слёт"
    OLYMPIAD = "олимпиада"
    MARATHON = "марафон"
    QUEST = "квест"
    HOLIDAY = "праздник"


class EventLevel(LenientEnum):
    """Who may take part, by territory (an adjective agreeing with the event noun)."""

    MUNICIPAL = "муниципальный"
    CITY = "городской"
    DISTRICT = "районный"
    COUNTY = "окружной"
    OPEN = "открытый"
    INTERMUNICIPAL = "межмуниципальный"
    REGIONAL = "региональный"


# Kinds whose noun is feminine or plural: the level adjective agrees with them.
_FEMININE_KINDS = frozenset({EventKind.ACTION, EventKind.EXHIBITION, EventKind.OLYMPIAD})
_PLURAL_KINDS = frozenset({EventKind.COMPETITION})


class EventForm(StrEnum):
    """How the event is held."""

    IN_PERSON = "очная"
    CORRESPONDENCE = "заочная"
    REMOTE = "дистанционная"
    MIXED = "смешанная"


class Member(DocModel):
    """A member of the organising committee or the jury."""

    person: Person = Field(title="ФИО", description="«Соколова Ирина Владимировна».")
    position: Text = Field(title="Должность", description="«директор МБУ ДО «ЦВР»».")
    role: OptionalText = Field(
        default=None, title="Роль", description="«председатель», «секретарь»; пусто — член."
    )


class AgeGroup(DocModel):
    """An age group of participants, inclusive."""

    age_from: int = Field(ge=3, le=99, title="Возраст от", description="Лет, включительно.")
    age_to: int = Field(ge=3, le=99, title="Возраст до", description="Лет, включительно.")
    label: OptionalText = Field(default=None, title="Название", description="«младшая группа».")

    @model_validator(mode="after")
    def _check_range(self) -> AgeGroup:
        if self.age_to < self.age_from:
            raise ValueError(f"возрастная группа {self.age_from}–{self.age_to}: «до» меньше «от»")
        return self


class Participants(DocModel):
    """Who may take part and how."""

    categories: list[Text] = Field(
        min_length=1,
        title="Категории участников",
        description="«обучающиеся общеобразовательных организаций», «воспитанники ДОУ».",
    )
    age_groups: list[AgeGroup] = Field(
        default_factory=list, title="Возрастные группы", description="Например, 7–10 и 11–14 лет."
    )
    format: Literal["индивидуальное", "командное", "индивидуальное и командное"] = Field(
        default="индивидуальное", title="Форма участия", description="Индивидуальное или командное."
    )
    limit_per_organisation: int | None = Field(
        default=None, ge=1, title="Не более от учреждения", description="Работ или команд."
    )


class Stage(DocModel):
    """A stage of the event with its dates and place."""

    name: Text = Field(title="Этап", description="«приём заявок», «отборочный этап», «финал».")
    start: Date = Field(title="Начало", description="Дата начала этапа.")
    end: Date | None = Field(default=None, title="Окончание", description="Пусто — один день.")
    place: OptionalText = Field(
        default=None, title="Место", description="Адрес или «дистанционно»."
    )

    @model_validator(mode="after")
    def _check_dates(self) -> Stage:
        if self.end and self.end < self.start:
            raise ValueError(f"этап «{self.name}» заканчивается раньше, чем начинается")
        return self


class Application(DocModel):
    """How and until when to apply."""

    deadline: Date = Field(title="Приём заявок до", description="Последний день приёма заявок.")
    method: Text = Field(
        title="Как подать", description="«на электронную почту», «по адресу …», «через форму»."
    )
    email: Email | None = Field(default=None, title="Эл. почта для заявок", description="Адрес.")
    url: OptionalText = Field(default=None, title="Ссылка на форму", description="Если есть.")


class Nomination(DocModel):
    """A nomination with its own requirements."""

    name: Text = Field(title="Номинация", description="«Декоративно-прикладное творчество».")
    requirements: list[Text] = Field(
        default_factory=list, title="Требования", description="Требования к работам номинации."
    )


class Criterion(DocModel):
    """An assessment criterion with its maximum score."""

    name: Text = Field(title="Критерий", description="«соответствие теме».")
    max_score: int = Field(ge=1, le=100, title="Баллов не более", description="Обычно 5 или 10.")


class Awards(DocModel):
    """Who gets what at the end."""

    winners: Text = Field(
        default="Победители (I место) награждаются дипломами I степени.",
        title="Победители",
        description="Чем награждаются победители.",
    )
    prize_winners: Text = Field(
        default="Призёры (II и III места) награждаются дипломами II и III степени.",
        title="Призёры",
        description="Чем награждаются призёры.",
    )
    participants: Text = Field(
        default="Участники получают сертификаты участника.",
        title="Участники",
        description="Что получают остальные участники.",
    )
    teachers: OptionalText = Field(
        default="Педагоги, подготовившие победителей и призёров, получают благодарственные письма.",
        title="Педагоги",
        description="Чем отмечаются руководители участников.",
    )


class Contact(DocModel):
    """Whom participants ask."""

    person: Person = Field(title="Ответственный", description="ФИО.")
    position: Text = Field(title="Должность", description="«методист МБУ ДО «ЦВР»».")
    phone: Phone | None = Field(default=None, title="Телефон", description="Для вопросов.")
    email: Email | None = Field(default=None, title="Эл. почта", description="Для вопросов.")


class Appendices(DocModel):
    """Which appendices the regulation carries."""

    application_form: bool = Field(default=True, title="Форма заявки", description="Прил. 1.")
    consent_processing: bool = Field(
        default=True, title="Согласие на обработку ПДн", description="Прил. 2 (ст. 9 152-ФЗ)."
    )
    consent_dissemination: bool = Field(
        default=True,
        title="Согласие на распространение ПДн",
        description="Отдельный документ (ст. 10.1 152-ФЗ), если публикуются имена и фото.",
    )


class EventRegulation(DocModel):
    """A regulation of an event organised by the centre."""

    kind: EventKind = Field(title="Вид мероприятия", description="«конкурс», «акция»…")
    level: EventLevel = Field(title="Уровень", description="«городской», «муниципальный»…")
    name: Text = Field(title="Название", description="Без кавычек: Зимняя сказка.")
    dedication: OptionalText = Field(
        default=None,
        title="Посвящено",
        description="Кому или чему, в дательном падеже: «80-летию Победы».",
    )
    academic_year: AcademicYear = Field(title="Учебный год", description="«2026–2027».")
    approval: Approval = Field(
        default_factory=Approval, title="Утверждение", description="Гриф или приказ."
    )
    agreed_with: list[Agreed] = Field(
        default_factory=list, title="Согласовано", description="Блоки «СОГЛАСОВАНО» слева."
    )
    partners: list[Text] = Field(
        default_factory=list,
        title="При поддержке",
        description="Сокращённые наименования партнёров.",
    )
    content_rating: OptionalText = Field(
        default=None, title="Возрастная маркировка", description="«6+» (436-ФЗ)."
    )
    published_at: OptionalText = Field(
        default=None, title="Где публикуется информация", description="Сайт, группа ВКонтакте."
    )
    goal: Text = Field(title="Цель", description="Одним предложением.")
    tasks: list[Text] = Field(min_length=1, title="Задачи", description="По пунктам.")
    committee: list[Member] = Field(
        default_factory=list, title="Оргкомитет", description="Состав оргкомитета."
    )
    participants: Participants = Field(title="Участники", description="Кто может участвовать.")
    form: EventForm = Field(default=EventForm.IN_PERSON, title="Форма", description="«очная»…")
    stages: list[Stage] = Field(min_length=1, title="Этапы и сроки", description="По порядку.")
    application: Application = Field(title="Заявки", description="Срок и способ подачи.")
    nominations: list[Nomination] = Field(
        default_factory=list, title="Номинации", description="Если есть."
    )
    work_requirements: list[Text] = Field(
        default_factory=list, title="Требования к работам", description="Общие для всех."
    )
    criteria: list[Criterion] = Field(
        default_factory=list, title="Критерии оценки", description="С баллами."
    )
    jury: list[Member] = Field(default_factory=list, title="Жюри", description="Состав жюри.")
    results_date: Date = Field(title="Подведение итогов", description="Дата.")
    results_publication: Text = Field(
        title="Где публикуются итоги", description="«на сайте МБУ ДО «ЦВР» cvr-biysk.ru»."
    )
    awards: Awards = Field(default_factory=Awards, title="Награждение", description="Дипломы.")
    financing: Text = Field(
        default="Участие бесплатное, организационный взнос не предусмотрен.",
        title="Финансирование",
        description="Условия финансирования.",
    )
    contact: Contact = Field(title="Контакты", description="Кому задавать вопросы.")
    appendices: Appendices = Field(
        default_factory=Appendices, title="Приложения", description="Какие приложения нужны."
    )

    @model_validator(mode="after")
    def _check_dates(self) -> EventRegulation:
        check_approval_order(self.approval, self.agreed_with)
        first = min(stage.start for stage in self.stages)
        if self.application.deadline > max(stage.end or stage.start for stage in self.stages):
            raise ValueError("приём заявок заканчивается после последнего этапа мероприятия")
        if self.results_date < first:
            raise ValueError("итоги подводятся раньше начала мероприятия")
        return self

    @property
    def kind_phrase(self) -> str:
        """Return level and kind agreed, nominative: «городской конкурс», «городская акция»."""
        level = self.level.value
        if self.kind in _PLURAL_KINDS:
            level = level[:-2] + "ые"
        elif self.kind in _FEMININE_KINDS:
            level = level[:-2] + "ая"
        return f"{level} {self.kind.value}"

    @property
    def max_score(self) -> int:
        """Return the highest total a work can score over all criteria."""
        return sum(criterion.max_score for criterion in self.criteria)
