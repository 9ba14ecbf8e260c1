"""Give each model a small valid example: the example row of a generated input workbook.

The values are built in (not read from the repository's samples) so the package works on
its own; a test checks that each example validates and reads back unchanged.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from docgen.models import (
    Agreement,
    Centre,
    EventRegulation,
    JointEvent,
    JointEventsYear,
    MethodReport,
    Organisation,
    Partner,
    PartnerList,
    PartnershipPlan,
    PartnerYearReport,
    Person,
    Signer,
)

PERSON: dict[str, Any] = {"last_name": "Черных", "first_name": "Андрей", "middle_name": "Петрович"}

SIGNER: dict[str, Any] = {"person": PERSON, "position": "директор"}

ORGANISATION: dict[str, Any] = {
    "full_name": (
        "Муниципальное бюджетное учреждение культуры «Городской краеведческий музей «Наследие»»"
    ),
    "short_name": "МБУК «Музей «Наследие»»",
    "requisites": {
        "inn": "2204030991",
        "kpp": "220401001",
        "ogrn": "1022201246286",
        "legal_address": "659303, Алтайский край, г. Бийск, ул. Льва Толстого, д. 144",
        "phone": "8 (3854) 32-70-15",
        "email": "muzey-nasledie@mail.ru",
        "website": "nasledie-biysk.ru",
    },
}

PARTNER: dict[str, Any] = {
    "organisation": ORGANISATION,
    "type": "музей",
    "signer": SIGNER,
    "contact": {
        "person": {"last_name": "Орлова", "first_name": "Нина", "middle_name": "Викторовна"},
        "position": "заведующая экспозиционным отделом",
        "phone": "+7 913 245-18-90",
    },
}

CENTRE: dict[str, Any] = {
    "organisation": {
        "full_name": (
            "Муниципальное бюджетное учреждение дополнительного образования "
            "«Центр внешкольной работы»"
        ),
        "short_name": "МБУ ДО «ЦВР»",
        "requisites": {
            "inn": "2204015263",
            "kpp": "220401001",
            "ogrn": "1022201908300",
            "oktmo": "01705000",
            "legal_address": "659300, Алтайский край, г. Бийск, ул. Советская, д. 24",
            "phone": "8 (3854) 33-22-11",
            "email": "cvr@biysk-edu.ru",
            "website": "cvr-biysk.ru",
            "bank": {
                "recipient": "Финансовое управление Администрации г. Бийска (МБУ ДО «ЦВР»)",
                "personal_account": "20176U45980",
                "bank_name": "ОТДЕЛЕНИЕ БАРНАУЛ БАНКА РОССИИ//УФК по Алтайскому краю г. Барнаул",
                "bik": "010173001",
                "account": "03234643017050001700",
                "correspondent_account": "40102810045370000009",
            },
        },
    },
    "director": {
        "person": {"last_name": "Соколова", "first_name": "Ирина", "middle_name": "Владимировна"},
        "position": "директор",
    },
    "city": "г. Бийск",
}

AGREEMENT: dict[str, Any] = {
    "number": "СП-2026/002",
    "date": "05.09.2026",
    "partner": PARTNER,
    "subject": (
        "сотрудничество Сторон в гражданско-патриотическом воспитании обучающихся и "
        "расширении их знаний по истории родного города"
    ),
    "forms": ["договоры", "совместные проекты", "организация приглашений и встреч"],
    "obligations": {
        "centre": [
            "организовывать посещение Музея группами обучающихся в сопровождении педагогов",
            "готовить выставки творческих работ обучающихся",
        ],
        "partner": ["проводить для обучающихся Центра музейные уроки и экскурсии"],
        "joint": ["проводить совместные краеведческие проекты и акции"],
    },
    "term": {"end": "31.08.2029"},
    "activities": [
        {
            "title": "Музейный урок «Бийск — ворота Алтая»",
            "form": "музейный урок",
            "dates": "октябрь",
            "place": "МБУК «Музей «Наследие»»",
            "responsible": "Черных А.П., директор Музея",
        },
        {
            "title": "Выставка работ обучающихся «Мой город глазами детей»",
            "form": "выставка",
            "dates": "ноябрь – декабрь",
            "start": "02.11.2026",
            "end": "20.12.2026",
            "place": "выставочный зал Музея",
            "responsible": "методист Центра",
        },
    ],
}

REGULATION: dict[str, Any] = {
    "kind": "конкурс",
    "level": "городской",
    "name": "Мастерская Деда Мороза",
    "academic_year": "2026–2027",
    "approval": {"order_number": "112", "order_date": "02.11.2026"},
    "goal": "Выявление и поддержка творчески одарённых детей.",
    "tasks": [
        "развивать художественный вкус и творческие способности детей",
        "сохранять и популяризировать традиционные народные промыслы",
    ],
    "committee": [
        {
            "person": {
                "last_name": "Соколова",
                "first_name": "Ирина",
                "middle_name": "Владимировна",
            },
            "position": "директор МБУ ДО «ЦВР»",
            "role": "председатель",
        }
    ],
    "participants": {
        "categories": ["обучающиеся общеобразовательных организаций города"],
        "age_groups": [{"age_from": 7, "age_to": 10}, {"age_from": 11, "age_to": 14}],
    },
    "stages": [
        {"name": "приём заявок и работ", "start": "16.11.2026", "end": "04.12.2026"},
        {"name": "выставка и награждение", "start": "18.12.2026", "end": "28.12.2026"},
    ],
    "application": {"deadline": "04.12.2026", "method": "на электронную почту организатора"},
    "criteria": [{"name": "соответствие теме конкурса", "max_score": 5}],
    "results_date": "14.12.2026",
    "results_publication": "на сайте МБУ ДО «ЦВР» cvr-biysk.ru",
    "contact": {
        "person": {"last_name": "Ильина", "first_name": "Светлана", "middle_name": "Борисовна"},
        "position": "методист МБУ ДО «ЦВР»",
        "phone": "8 (3854) 33-22-15",
    },
}

PLAN: dict[str, Any] = {
    "academic_year": "2026–2027",
    "approval": {"date": "01.09.2026"},
    "goal": "Создание единого образовательного пространства Центра и социальных партнёров.",
    "tasks": ["расширить круг социальных партнёров", "организовать совместные мероприятия"],
    "partners": [
        {
            "partner_type": "музей",
            "partners": ["МБУК «Музей «Наследие»»"],
            "forms": ["музейные уроки", "экскурсии"],
            "responsible": "методист",
        }
    ],
    "events": [
        {
            "title": "Музейный урок «Бийск — ворота Алтая»",
            "form": "музейный урок",
            "dates": "октябрь",
            "start": "14.10.2026",
            "count": 45,
            "partner": "МБУК «Музей «Наследие»»",
        }
    ],
}

REPORT: dict[str, Any] = {
    "academic_year": "2025–2026",
    "author": {
        "person": {"last_name": "Кузнецова", "first_name": "Елена", "middle_name": "Андреевна"},
        "position": "заместитель директора по УВР",
    },
    "theme": "Совершенствование профессиональной компетентности педагогов",
    "goal": "Непрерывное повышение профессионального мастерства педагогов.",
    "tasks": ["обеспечить прохождение курсов повышения квалификации"],
    "staff": [
        {
            "person": {"last_name": "Белая", "first_name": "Анна", "middle_name": "Викторовна"},
            "position": "педагог дополнительного образования",
            "education": "высшее педагогическое",
            "category": "высшая",
            "experience_years": 24,
            "age": 49,
        }
    ],
    "contests": [
        {
            "name": "Мастерская Деда Мороза",
            "level": "муниципальный",
            "participants": 40,
            "winners": 3,
            "prize_winners": 6,
        }
    ],
}

JOINT_EVENT: dict[str, Any] = {
    "date": "14.10.2025",
    "title": "Музейный урок «Бийск — ворота Алтая»",
    "form": "музейный урок",
    "partner": "МБУК «Музей «Наследие»»",
    "partner_inn": "2204030991",
    "participants": 45,
    "responsible": "Ильина С.Б.",
    "unit": "клуб «Патриот»",
}

PARTNER_YEAR_REPORT: dict[str, Any] = {
    "partner": "МБУК «Музей «Наследие»»",
    "academic_year": "2025–2026",
    "partner_inn": "2204030991",
    "events": [
        JOINT_EVENT,
        {
            **JOINT_EVENT,
            "date": "12.02.2026",
            "title": "Выставка «Мой город глазами детей»",
            "form": "выставка",
            "participants": 120,
            "responsible": "Белая А.В.",
            "unit": "студия «Мастерица»",
        },
    ],
}

JOINT_EVENTS_YEAR: dict[str, Any] = {
    "academic_year": "2025–2026",
    "events": [
        JOINT_EVENT,
        {
            "date": "05.03.2026",
            "title": "Концерт «Весенняя капель» для ветеранов педагогического труда",
            "form": "концерт",
            "partner": "МБОУ «СОШ № 5»",
            "participants": 160,
            "responsible": "Орлова Н.В.",
            "unit": "вокальный ансамбль «Радуга»",
        },
    ],
}

EXAMPLES: dict[type[BaseModel], dict[str, Any]] = {
    Person: PERSON,
    Signer: SIGNER,
    Organisation: ORGANISATION,
    Partner: PARTNER,
    PartnerList: {"partners": [{**PARTNER, "key": "museum"}]},
    Centre: CENTRE,
    Agreement: AGREEMENT,
    EventRegulation: REGULATION,
    PartnershipPlan: PLAN,
    MethodReport: REPORT,
    JointEvent: JOINT_EVENT,
    PartnerYearReport: PARTNER_YEAR_REPORT,
    JointEventsYear: JOINT_EVENTS_YEAR,
}
"""A valid example record of each model, as a data file would hold it."""


def example_of(model: type[BaseModel]) -> dict[str, Any]:
    """Return the built-in example of a model, or an empty record if it has none."""
    return EXAMPLES.get(model, {})
