"""Write ``samples/agreements.xlsx``: twelve cooperation agreements with partners of twelve kinds.

Run: ``python samples/make_agreements.py [PATH]``. The workbook is the one ``docgen sheet
agreement`` makes (headers, notes, dropdowns), filled the way the centre would fill it: one
row per agreement on «Договоры», one to three joint activities each on «План совместных
мероприятий», joined by «Номер». Each partner's names, requisites (bank details included)
and head come from ``samples/partners.yaml``, the one list every sample draws from; the
obligations are left empty, so the contracts take them from the clause library
(``templates/clauses``). The same script always writes the same bytes.

Then ``docgen batch contract samples/agreements.xlsx -o договоры`` writes one contract per
partner.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docgen.models import Agreement
from docgen.models.partners import ListedPartner, PartnerList
from docgen.sources import load_model
from docgen.sources.workbook.write import fixed_times, input_workbook

HERE = Path(__file__).resolve().parent
PATH = HERE / "agreements.xlsx"
PARTNER_LIST = HERE / "partners.yaml"
FIXED_TIME = dt.datetime(2026, 9, 1)
"""When the workbook was saved, as far as its bytes tell (openpyxl would write now)."""
CENTRE = "МБУ ДО «ЦВР»"
EVENTS = "проведение мероприятий (конкурсы, фестивали, акции, праздники, соревнования)"


@dataclass(frozen=True)
class Activity:
    """One joint activity of an agreement's plan."""

    title: str
    form: str
    dates: str
    start: dt.date | None
    place: str
    responsible: str


@dataclass(frozen=True)
class Deal:
    """One agreement: the partner (a key of ``partners.yaml``), what and how, the plan."""

    key: str
    subject: str
    forms: tuple[str, ...]
    activities: tuple[Activity, ...]
    attorney: tuple[str, dt.date] | None = None


def _day(month: int, day: int) -> dt.date:
    return dt.date(2026 if month >= 9 else 2027, month, day)


DEALS = [
    Deal(
        "school-17",
        "сотрудничество Сторон в дополнительном образовании обучающихся «Школы» и организации "
        "их участия в городских конкурсах",
        ("мастер-классы", "совместное использование ресурсного потенциала"),
        (
            Activity(
                "Открытие объединений Центра на базе Школы",
                "презентация",
                "сентябрь",
                _day(9, 10),
                "МБОУ «СОШ № 17»",
                "Тарасова Е.В., директор Школы",
            ),
            Activity(
                "Городской конкурс чтецов «Живое слово»",
                "конкурс",
                "октябрь",
                _day(10, 16),
                CENTRE,
                "Ильина С.Б., методист Центра",
            ),
        ),
    ),
    Deal(
        "kindergarten-45",
        "сотрудничество Сторон в художественно-эстетическом развитии воспитанников",
        (EVENTS,),
        (
            Activity(
                "Театрализованное представление «Осенняя сказка»",
                "спектакль",
                "ноябрь",
                _day(11, 20),
                "МБДОУ «Детский сад № 45 «Берёзка»»",
                "Белова О.Н., заведующий",
            ),
        ),
    ),
    Deal(
        "college",
        "организация педагогической практики студентов «Колледжа» в объединениях «Центра»",
        ("консультации", "семинары"),
        (
            Activity(
                "Педагогическая практика студентов в объединениях Центра",
                "практика",
                "февраль–март",
                _day(2, 2),
                CENTRE,
                "Морозов А.И., директор",
            ),
            Activity(
                "Семинар «Игровые технологии в дополнительном образовании»",
                "семинар",
                "март",
                _day(3, 12),
                "КГБПОУ «Бийский педагогический колледж»",
                "методист Центра",
            ),
            Activity(
                "Итоговая конференция по практике",
                "конференция",
                "апрель",
                _day(4, 9),
                "КГБПОУ «Бийский педагогический колледж»",
                "Морозов А.И., директор",
            ),
        ),
    ),
    Deal(
        "sports-2",
        "совместная работа по физическому воспитанию обучающихся и пропаганде здорового "
        "образа жизни",
        (EVENTS,),
        (
            Activity(
                "Городская эстафета «Спортивная смена»",
                "соревнования",
                "сентябрь",
                _day(9, 26),
                "стадион «Заречье»",
                "Волков Д.С., директор",
            ),
            Activity(
                "Весенний кросс",
                "соревнования",
                "апрель",
                _day(4, 25),
                "стадион «Заречье»",
                "тренер-преподаватель",
            ),
        ),
    ),
    Deal(
        "museum-chuya",
        "сотрудничество Сторон в гражданско-патриотическом воспитании обучающихся",
        ("совместные проекты", "организация приглашений и встреч"),
        (
            Activity(
                "Музейный урок «Бийск — ворота Алтая»",
                "музейный урок",
                "октябрь",
                _day(10, 8),
                "МБУК «Музей истории Чуйского тракта»",
                "Полякова С.И., директор Музея",
            ),
            Activity(
                "Выставка детского рисунка «Мой город»",
                "выставка",
                "май",
                _day(5, 12),
                "МБУК «Музей истории Чуйского тракта»",
                "педагог-организатор Центра",
            ),
        ),
    ),
    Deal(
        "library-gaidar",
        "совместная работа по приобщению обучающихся к чтению",
        (EVENTS,),
        (
            Activity(
                "Неделя детской книги",
                "акция",
                "март",
                _day(3, 23),
                "МБУК «Детская библиотека им. А.П. Гайдара»",
                "Зайцева Т.М., директор",
            ),
        ),
    ),
    Deal(
        "dk-zarechye",
        "организация концертных и праздничных программ с участием творческих коллективов «Центра»",
        ("совместные проекты", EVENTS),
        (
            Activity(
                "Новогодний концерт творческих коллективов",
                "концерт",
                "декабрь",
                _day(12, 25),
                "МБУК «ДК «Заречье»»",
                "Лебедев С.А., директор",
            ),
            Activity(
                "Отчётный концерт Центра",
                "концерт",
                "май",
                _day(5, 22),
                "МБУК «ДК «Заречье»»",
                "Ильина С.Б., методист Центра",
            ),
        ),
    ),
    Deal(
        "eparchy",
        "духовно-нравственное воспитание обучающихся и подготовка к праздникам народного календаря",
        ("консультации", "совместные проекты"),
        (
            Activity(
                "Рождественский фестиваль «Свет Вифлеемской звезды»",
                "фестиваль",
                "январь",
                _day(1, 12),
                CENTRE,
                "Никольский П.В., секретарь",
            ),
        ),
        attorney=("14/26", dt.date(2026, 1, 15)),
    ),
    Deal(
        "veterans",
        "патриотическое воспитание обучающихся и связь поколений",
        ("организация приглашений и встреч", "благотворительность, шефство"),
        (
            Activity(
                "Урок мужества «Живая память»",
                "встреча",
                "февраль",
                _day(2, 20),
                CENTRE,
                "Семёнов В.И., председатель",
            ),
            Activity(
                "Акция «Открытка ветерану»",
                "акция",
                "май",
                _day(5, 5),
                CENTRE,
                "педагог-организатор Центра",
            ),
        ),
    ),
    Deal(
        "employment",
        "профессиональная ориентация обучающихся и организация их временного трудоустройства",
        ("консультации", "семинары"),
        (
            Activity(
                "Профориентационная игра «Город профессий»",
                "игра",
                "ноябрь",
                _day(11, 14),
                CENTRE,
                "Орлова Н.Ю., директор",
            ),
            Activity(
                "Ярмарка летних вакансий для подростков",
                "ярмарка",
                "апрель",
                _day(4, 16),
                "КГКУ «ЦЗН г. Бийска»",
                "Орлова Н.Ю., директор",
            ),
        ),
    ),
    Deal(
        "sok-yunost",
        "организация оздоровительных занятий и спортивных праздников для обучающихся «Центра»",
        ("совместное использование ресурсного потенциала",),
        (
            Activity(
                "Семейный спортивный праздник «Папа, мама, я — спортивная семья»",
                "праздник",
                "март",
                _day(3, 1),
                "МАУ «СОК «Юность»»",
                "Егоров Н.О., директор",
            ),
        ),
    ),
    Deal(
        "ppms",
        "профилактика безнадзорности и правонарушений несовершеннолетних",
        ("консультации", "методическая, практическая и творческая помощь"),
        (
            Activity(
                "Тренинг «Умей сказать нет»",
                "тренинг",
                "октябрь",
                _day(10, 22),
                CENTRE,
                "педагог-психолог Ковалёва И.А.",
            ),
            Activity(
                "Консультации для родителей",
                "консультация",
                "в течение года",
                None,
                "МБУ «ППМС-центр «Ресурс»»",
                "Ковалёва И.А., директор",
            ),
            Activity(
                "Неделя правовых знаний",
                "акция",
                "декабрь",
                _day(12, 7),
                CENTRE,
                "социальный педагог Центра",
            ),
        ),
    ),
]


def agreement_row(number: int, deal: Deal, partner: ListedPartner) -> dict[str, Any]:
    """Return the values of an agreement's row by header (without «*»)."""
    organisation, signer = partner.organisation, partner.signer
    requisites = organisation.requisites
    bank = requisites.bank
    date = dt.date(2026, 9, 1) + dt.timedelta(days=number)
    values: dict[str, Any] = {
        "Вид документа": "договор",
        "Номер": agreement_number(number),
        "Дата": date,
        "Полное наименование": organisation.full_name,
        "Сокращённое наименование": organisation.short_name,
        "ИНН": requisites.inn,
        "КПП": requisites.kpp,
        "ОГРН": requisites.ogrn,
        "Юридический адрес": requisites.legal_address,
        "Организация: телефон": requisites.phone,
        "Организация: эл. почта": requisites.email,
        "Сайт": requisites.website,
        "Тип учреждения": partner.type.value,
        "Как называть в договоре": partner.label,
        "Руководитель: фамилия": signer.person.last_name,
        "Руководитель: имя": signer.person.first_name,
        "Руководитель: отчество": signer.person.middle_name,
        "Руководитель: должность": signer.position,
        "Предмет": deal.subject,
        "Формы сотрудничества": "\n".join(deal.forms),
        "Действует по": dt.date(2027, 8, 31),  # in force from signing: «Действует с» empty
    }
    if bank is not None:
        values |= {
            "Получатель": bank.recipient,
            "Лицевой счёт": bank.personal_account,
            "Банк": bank.bank_name,
            "БИК": bank.bik,
            "Расчётный счёт": bank.account,
            "Корреспондентский счёт": bank.correspondent_account,
        }
    if deal.attorney is not None:
        values["Основание полномочий"] = "доверенность"
        values["Номер доверенности"], values["Дата доверенности"] = deal.attorney
    return values


def agreement_number(number: int) -> str:
    """Return «СП-2026/006»: the sample continues the numbers of ``contracts/``."""
    return f"СП-2026/{number + 5:03d}"


def activity_row(key: str, activity: Activity) -> dict[str, Any]:
    """Return the values of a joint activity's row by header (without «*»)."""
    return {
        "Номер": key,
        "Мероприятие": activity.title,
        "Форма": activity.form,
        "Сроки": activity.dates,
        "Начало": activity.start,
        "Место проведения": activity.place,
        "Ответственный": activity.responsible,
    }


def workbook_bytes(partner_list: Path = PARTNER_LIST) -> bytes:
    """Return the sample workbook, the same bytes every time."""
    partners = load_model(partner_list, PartnerList)
    book = input_workbook(Agreement)
    main, plan = book.worksheets[0], book.worksheets[1]
    headers = [str(cell.value).removesuffix(" *") for cell in main[2]]
    plan_headers = [str(cell.value).removesuffix(" *") for cell in plan[2]]
    main.delete_rows(3, main.max_row)  # the example rows
    plan.delete_rows(3, plan.max_row)
    for number, deal in enumerate(DEALS, start=1):
        row = agreement_row(number, deal, partners.get(deal.key))
        main.append([row.get(header) for header in headers])
        for activity in deal.activities:
            values = activity_row(row["Номер"], activity)
            plan.append([values.get(header) for header in plan_headers])
    buffer = io.BytesIO()
    book.save(buffer)
    return fixed_times(buffer.getvalue(), FIXED_TIME)


def main(argv: list[str]) -> None:
    """Write the sample workbook to the path given, or beside this script."""
    path = Path(argv[0]) if argv else PATH
    path.write_bytes(workbook_bytes())
    print(f"записана таблица {path}: договоров {len(DEALS)}")


if __name__ == "__main__":
    main(sys.argv[1:])
