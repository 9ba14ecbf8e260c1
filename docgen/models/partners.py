"""Define the kinds of partner institutions, forms of cooperation and a partner."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, model_validator

from docgen.models.base import DocModel, OptionalText, Text
from docgen.models.organisation import Organisation
from docgen.models.people import Person, Signer
from docgen.models.requisites import Email, Phone


class LenientEnum(StrEnum):
    """A string enum that also accepts its values in any letter case, with е for ё."""

    @classmethod
    def _missing_(cls, value: object) -> LenientEnum | None:
        if not isinstance(value, str):
            return None
        key = _fold(value)
        for member in cls:
            if _fold(member.value) == key:
                return member
        return None


def _fold(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").split())


class PartnerType(LenientEnum):
    """A kind of partner institution, as in the centre's partnership plan."""

    SCHOOL = "общеобразовательная организация"
    KINDERGARTEN = "дошкольное образовательное учреждение"
    COLLEGE = "среднее специальное учебное заведение"
    SPORTS_SCHOOL = "спортивная школа"
    MUSEUM = "музей"
    LIBRARY = "библиотека"
    CULTURE = "учреждение культуры"
    EPARCHY = "епархиальное управление"
    PUBLIC = "общественная организация"
    EMPLOYMENT = "служба занятости"
    SPORTS_HEALTH = "спортивно-оздоровительное учреждение"
    PREVENTION = "служба профилактики"
    MEDIA = "СМИ"

    @property
    def group_title(self) -> str:
        """Return the heading of this kind in a plan table: «Музеи»."""
        return _GROUP_TITLES[self]

    @property
    def label(self) -> str:
        """Return how a contract names a partner of this kind: «именуемый в дальнейшем …»."""
        return _LABELS[self]


_GROUP_TITLES: dict[PartnerType, str] = {
    PartnerType.SCHOOL: "Общеобразовательные организации",
    PartnerType.KINDERGARTEN: "Дошкольные образовательные учреждения",
    PartnerType.COLLEGE: "Средние специальные учебные заведения",
    PartnerType.SPORTS_SCHOOL: "Спортивные школы",
    PartnerType.MUSEUM: "Музеи",
    PartnerType.LIBRARY: "Библиотеки",
    PartnerType.CULTURE: "Учреждения культуры",
    PartnerType.EPARCHY: "Епархиальное управление",
    PartnerType.PUBLIC: "Общественные организации",
    PartnerType.EMPLOYMENT: "Служба занятости",
    PartnerType.SPORTS_HEALTH: "Спортивно-оздоровительные учреждения",
    PartnerType.PREVENTION: (
        "Службы профилактики правонарушений и безнадзорности, противодействия употреблению "
        "алкоголя, наркотических и токсических веществ, социально-психологической помощи, "
        "профилактики дорожно-транспортного травматизма"
    ),
    PartnerType.MEDIA: "СМИ",
}

_LABELS: dict[PartnerType, str] = {
    PartnerType.SCHOOL: "Школа",
    PartnerType.KINDERGARTEN: "Детский сад",
    PartnerType.COLLEGE: "Колледж",
    PartnerType.SPORTS_SCHOOL: "Спортивная школа",
    PartnerType.MUSEUM: "Музей",
    PartnerType.LIBRARY: "Библиотека",
    PartnerType.CULTURE: "Учреждение культуры",
    PartnerType.EPARCHY: "Епархия",
    PartnerType.PUBLIC: "Организация",
    PartnerType.EMPLOYMENT: "Центр занятости",
    PartnerType.SPORTS_HEALTH: "Учреждение",
    PartnerType.PREVENTION: "Партнёр",
    PartnerType.MEDIA: "Редакция",
}


class CooperationForm(LenientEnum):
    """A form in which the centre's partnerships are carried out (the seed lists 15)."""

    CONTRACTS = "договоры"
    AGREEMENTS = "соглашения"
    CONSULTATIONS = "консультации"
    MASTER_CLASSES = "мастер-классы"
    SEMINARS = "семинары"
    JOINT_PROJECTS = "совместные проекты"
    PLANNING = "планирование деятельности"
    REGULATIONS = "разработка положений"
    EVENTS = "проведение мероприятий (конкурсы, фестивали, акции, праздники, соревнования)"
    MEETINGS = "организация приглашений и встреч"
    ASSISTANCE = "методическая, практическая и творческая помощь"
    COMMISSIONS = "совместная работа в комиссиях и жюри"
    GOVERNANCE = (
        "привлечение к государственно-общественному управлению образовательной организацией"
    )
    RESOURCES = "совместное использование ресурсного потенциала"
    CHARITY = "благотворительность, шефство"


class ContactPerson(DocModel):
    """Who the centre calls about the partnership day to day."""

    person: Person = Field(title="Контактное лицо", description="ФИО.")
    position: OptionalText = Field(
        default=None, title="Должность", description="«заместитель директора по ВР»."
    )
    phone: Phone | None = Field(default=None, title="Телефон", description="Рабочий или мобильный.")
    email: Email | None = Field(default=None, title="Эл. почта", description="Для писем.")


class Partner(DocModel):
    """A social partner of the centre: the organisation, who signs and what we do together."""

    organisation: Organisation = Field(title="Организация", description="Наименования, реквизиты.")
    type: PartnerType = Field(title="Тип учреждения", description="Из списка: «музей», «СМИ»…")
    signer: Signer = Field(title="Руководитель", description="Кто подписывает со стороны партнёра.")
    contact: ContactPerson | None = Field(
        default=None, title="Контактное лицо", description="Необязательно."
    )
    label: OptionalText = Field(
        default=None,
        title="Как называть в договоре",
        description="«именуемое в дальнейшем «Школа»». По умолчанию — по типу учреждения.",
    )
    directions: list[Text] = Field(
        default_factory=list,
        title="Направления взаимодействия",
        description="Пусто — направления из библиотеки пунктов для этого типа учреждения.",
    )

    @model_validator(mode="after")
    def _default_label(self) -> Partner:
        if not self.label:
            self.label = self.type.label
        return self


class ListedPartner(Partner):
    """A partner in the centre's list of partners, with a key other files refer to it by."""

    key: Text = Field(title="Ключ", description="Короткое имя латиницей: «school-5».")


class PartnerList(DocModel):
    """The centre's partners, each once: one name, one ИНН and one head for everyone."""

    partners: list[ListedPartner] = Field(
        min_length=1, title="Партнёры", description="Карточки партнёров с ключами."
    )

    @model_validator(mode="after")
    def _each_once(self) -> PartnerList:
        for label, values in (
            ("ключ", [p.key for p in self.partners]),
            ("ИНН", [p.organisation.requisites.inn for p in self.partners]),
            ("сокращённое наименование", [p.organisation.short_name for p in self.partners]),
        ):
            repeated = sorted({value for value in values if values.count(value) > 1})
            if repeated:
                raise ValueError(f"{label} повторяется: {', '.join(repeated)}")
        return self

    def get(self, key: str) -> ListedPartner:
        """Return the partner with ``key``."""
        for partner in self.partners:
            if partner.key == key:
                return partner
        raise KeyError(key)

    def by_short_name(self) -> dict[str, ListedPartner]:
        """Return the partners by their short names."""
        return {partner.organisation.short_name: partner for partner in self.partners}
