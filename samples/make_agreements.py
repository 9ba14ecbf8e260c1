"""Write ``samples/agreements.xlsx``: twelve cooperation agreements with partners of twelve kinds.

Run: ``python samples/make_agreements.py [PATH]``. The workbook is the one ``docgen sheet
agreement`` makes (headers, notes, dropdowns), filled the way the centre would fill it: one
row per agreement on «Договоры», one to three joint activities each on «План совместных
мероприятий», joined by «Номер». The data are made up but realistic (Бийск, Алтайский край);
ИНН and ОГРН have valid check digits. The same script always writes the same bytes.

Then ``docgen batch contract samples/agreements.xlsx -o договоры`` writes one contract per
partner.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docgen.models import Agreement
from docgen.models.requisites import inn_check_digits, ogrn_check_digit
from docgen.sources.workbook.write import input_workbook

PATH = Path(__file__).resolve().parent / "agreements.xlsx"
FIXED_TIME = (2026, 9, 1, 0, 0, 0)
_MODIFIED = re.compile(rb"<dcterms:modified([^>]*)>[^<]*</dcterms:modified>")
KPP = "220401001"
CITY = "659300, Алтайский край, г. Бийск"
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
class Partner:
    """One agreement: the partner, its requisites, its signer and the joint activities."""

    kind: str
    full_name: str
    short_name: str
    inn_head: str
    ogrn_head: str
    street: str
    phone: str
    email: str
    signer: tuple[str, str, str, str]
    subject: str
    forms: tuple[str, ...]
    activities: tuple[Activity, ...]
    attorney: tuple[str, dt.date] | None = None

    @property
    def inn(self) -> str:
        return self.inn_head + inn_check_digits(self.inn_head)

    @property
    def ogrn(self) -> str:
        return self.ogrn_head + ogrn_check_digit(self.ogrn_head)


def _day(month: int, day: int) -> dt.date:
    return dt.date(2026 if month >= 9 else 2027, month, day)


PARTNERS = [
    Partner(
        "общеобразовательная организация",
        "Муниципальное бюджетное общеобразовательное учреждение «Средняя "
        "общеобразовательная школа № 17»",
        "МБОУ «СОШ № 17»",
        "220402173",
        "102220104217",
        "ул. Крупской, д. 99",
        "8 (3854) 33-47-12",
        "school17@biysk-edu.ru",
        ("Кузнецова", "Елена", "Викторовна", "директор"),
        "сотрудничество Сторон в дополнительном образовании обучающихся Школы и организации "
        "их участия в городских конкурсах",
        ("договоры", "мастер-классы", "совместное использование ресурсного потенциала"),
        (
            Activity(
                "Открытие объединений Центра на базе Школы",
                "презентация",
                "сентябрь",
                _day(9, 10),
                "МБОУ «СОШ № 17»",
                "Кузнецова Е.В., директор",
            ),
            Activity(
                "Городской конкурс чтецов «Живое слово»",
                "конкурс",
                "октябрь",
                _day(10, 16),
                CENTRE,
                "Соколова И.В., директор Центра",
            ),
        ),
    ),
    Partner(
        "дошкольное образовательное учреждение",
        "Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № 45 "
        "«Солнышко»»",
        "МБДОУ «Детский сад № 45»",
        "220404518",
        "102220104518",
        "ул. Льнокомбинат, д. 12",
        "8 (3854) 41-20-45",
        "ds45@biysk-edu.ru",
        ("Белова", "Ольга", "Николаевна", "заведующий"),
        "сотрудничество Сторон в художественно-эстетическом развитии воспитанников",
        (EVENTS,),
        (
            Activity(
                "Театрализованное представление «Осенняя сказка»",
                "спектакль",
                "ноябрь",
                _day(11, 20),
                "МБДОУ «Детский сад № 45»",
                "Белова О.Н., заведующий",
            ),
        ),
    ),
    Partner(
        "среднее специальное учебное заведение",
        "Краевое государственное бюджетное профессиональное образовательное учреждение "
        "«Бийский педагогический колледж»",
        "КГБПОУ «Бийский педагогический колледж»",
        "220400871",
        "102220100871",
        "ул. Социалистическая, д. 5",
        "8 (3854) 32-88-01",
        "info@bpk-biysk.ru",
        ("Морозов", "Алексей", "Игоревич", "директор"),
        "организация педагогической практики студентов Колледжа в объединениях Центра",
        ("договоры", "консультации", "семинары"),
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
    Partner(
        "спортивная школа",
        "Муниципальное бюджетное учреждение дополнительного образования «Спортивная школа № 2»",
        "МБУ ДО «СШ № 2»",
        "220401942",
        "102220101942",
        "ул. Разина, д. 44",
        "8 (3854) 36-15-02",
        "sport2@biysk-sport.ru",
        ("Волков", "Дмитрий", "Сергеевич", "директор"),
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
    Partner(
        "музей",
        "Муниципальное бюджетное учреждение культуры «Бийский краеведческий музей»",
        "МБУК «Бийский краеведческий музей»",
        "220403018",
        "102220103018",
        "ул. Ленина, д. 273",
        "8 (3854) 32-57-11",
        "museum@biysk-kultura.ru",
        ("Черных", "Андрей", "Петрович", "директор"),
        "сотрудничество Сторон в гражданско-патриотическом воспитании обучающихся",
        ("совместные проекты", "организация приглашений и встреч"),
        (
            Activity(
                "Музейный урок «Бийск — ворота Алтая»",
                "музейный урок",
                "октябрь",
                _day(10, 8),
                "МБУК «Бийский краеведческий музей»",
                "Черных А.П., директор",
            ),
            Activity(
                "Выставка детского рисунка «Мой город»",
                "выставка",
                "май",
                _day(5, 12),
                "МБУК «Бийский краеведческий музей»",
                "педагог-организатор Центра",
            ),
        ),
    ),
    Partner(
        "библиотека",
        "Муниципальное бюджетное учреждение культуры «Централизованная библиотечная система» "
        "г. Бийска",
        "МБУК «ЦБС»",
        "220405521",
        "102220105521",
        "ул. Советская, д. 56",
        "8 (3854) 33-14-70",
        "cbs@biysk-kultura.ru",
        ("Зайцева", "Татьяна", "Михайловна", "директор"),
        "совместная работа по приобщению обучающихся к чтению",
        (EVENTS,),
        (
            Activity(
                "Неделя детской книги",
                "акция",
                "март",
                _day(3, 23),
                "Центральная детская библиотека",
                "Зайцева Т.М., директор",
            ),
        ),
    ),
    Partner(
        "учреждение культуры",
        "Муниципальное бюджетное учреждение культуры «Дворец культуры «Заря»»",
        "МБУК «ДК «Заря»»",
        "220406377",
        "102220106377",
        "ул. Мерлина, д. 17",
        "8 (3854) 44-02-38",
        "zarya@biysk-kultura.ru",
        ("Лебедев", "Сергей", "Анатольевич", "директор"),
        "организация концертных и праздничных программ с участием творческих коллективов Центра",
        ("совместные проекты", EVENTS),
        (
            Activity(
                "Новогодний концерт творческих коллективов",
                "концерт",
                "декабрь",
                _day(12, 25),
                "МБУК «ДК «Заря»»",
                "Лебедев С.А., директор",
            ),
            Activity(
                "Отчётный концерт Центра",
                "концерт",
                "май",
                _day(5, 22),
                "МБУК «ДК «Заря»»",
                "Соколова И.В., директор Центра",
            ),
        ),
    ),
    Partner(
        "епархиальное управление",
        "Религиозная организация «Бийская Епархия Русской Православной Церкви (Московский "
        "Патриархат)»",
        "Бийская Епархия",
        "220407010",
        "102220007010",
        "ул. Трофимова, д. 23",
        "8 (3854) 32-40-96",
        "eparhia@biysk-eparhia.ru",
        ("Никольский", "Павел", "Васильевич", "секретарь Епархиального управления"),
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
    Partner(
        "общественная организация",
        "Бийская городская общественная организация ветеранов (пенсионеров) войны, труда, "
        "Вооружённых Сил и правоохранительных органов",
        "Бийский городской совет ветеранов",
        "220408154",
        "102220008154",
        "ул. Ленина, д. 248",
        "8 (3854) 33-09-61",
        "veterany@biysk-org.ru",
        ("Семёнов", "Виктор", "Иванович", "председатель"),
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
    Partner(
        "служба занятости",
        "Краевое государственное казённое учреждение «Центр занятости населения города Бийска»",
        "КГКУ «ЦЗН г. Бийска»",
        "220409266",
        "102220109266",
        "ул. Льва Толстого, д. 150",
        "8 (3854) 34-55-20",
        "czn@biysk-zan.ru",
        ("Орлова", "Наталья", "Юрьевна", "директор"),
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
    Partner(
        "спортивно-оздоровительное учреждение",
        "Муниципальное автономное учреждение «Спортивно-оздоровительный комплекс «Олимп»»",
        "МАУ «СОК «Олимп»»",
        "220410393",
        "102220110393",
        "ул. Михаила Кутузова, д. 3",
        "8 (3854) 40-71-15",
        "olimp@biysk-sport.ru",
        ("Егоров", "Никита", "Олегович", "директор"),
        "организация оздоровительных занятий и спортивных праздников для обучающихся Центра",
        ("совместное использование ресурсного потенциала",),
        (
            Activity(
                "Семейный спортивный праздник «Папа, мама, я — спортивная семья»",
                "праздник",
                "март",
                _day(3, 1),
                "МАУ «СОК «Олимп»»",
                "Егоров Н.О., директор",
            ),
        ),
    ),
    Partner(
        "служба профилактики",
        "Муниципальное бюджетное учреждение «Центр психолого-педагогической, медицинской и "
        "социальной помощи «Ресурс»»",
        "МБУ «ППМС-центр «Ресурс»»",
        "220411450",
        "102220111450",
        "ул. Горького, д. 8",
        "8 (3854) 31-26-84",
        "resurs@biysk-edu.ru",
        ("Ковалёва", "Ирина", "Алексеевна", "директор"),
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


def agreement_row(number: int, partner: Partner) -> dict[str, Any]:
    """Return the values of an agreement's row by header (without «*»)."""
    last, first, middle, position = partner.signer
    values: dict[str, Any] = {
        "Вид документа": "договор",
        "Номер": agreement_number(number),
        "Дата": dt.date(2026, 9, 1) + dt.timedelta(days=number),
        "Полное наименование": partner.full_name,
        "Сокращённое наименование": partner.short_name,
        "ИНН": partner.inn,
        "КПП": KPP,
        "ОГРН": partner.ogrn,
        "Юридический адрес": f"{CITY}, {partner.street}",
        "Организация: телефон": partner.phone,
        "Организация: эл. почта": partner.email,
        "Тип учреждения": partner.kind,
        "Руководитель: фамилия": last,
        "Руководитель: имя": first,
        "Руководитель: отчество": middle,
        "Руководитель: должность": position,
        "Предмет": partner.subject,
        "Формы сотрудничества": "\n".join(partner.forms),
        "Действует с": dt.date(2026, 9, 1),
        "Действует по": dt.date(2027, 8, 31),
    }
    if partner.attorney is not None:
        values["Основание полномочий"] = "доверенность"
        values["Номер доверенности"], values["Дата доверенности"] = partner.attorney
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


def workbook_bytes() -> bytes:
    """Return the sample workbook, the same bytes every time."""
    book = input_workbook(Agreement)
    main, plan = book.worksheets[0], book.worksheets[1]
    headers = [str(cell.value).removesuffix(" *") for cell in main[2]]
    plan_headers = [str(cell.value).removesuffix(" *") for cell in plan[2]]
    main.delete_rows(3, main.max_row)  # the example rows
    plan.delete_rows(3, plan.max_row)
    for number, partner in enumerate(PARTNERS, start=1):
        row = agreement_row(number, partner)
        main.append([row.get(header) for header in headers])
        for activity in partner.activities:
            values = activity_row(row["Номер"], activity)
            plan.append([values.get(header) for header in plan_headers])
    book.properties.created = dt.datetime(*FIXED_TIME)
    buffer = io.BytesIO()
    book.save(buffer)
    return _fixed_times(buffer.getvalue())


def _fixed_times(data: bytes) -> bytes:
    """Give every zip entry and the «modified» property a fixed time (openpyxl writes now)."""
    fixed = dt.datetime(*FIXED_TIME).strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(output, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "docProps/core.xml":
                content = _MODIFIED.sub(
                    rb"<dcterms:modified\1>" + fixed + rb"</dcterms:modified>", content
                )
            entry = zipfile.ZipInfo(info.filename, FIXED_TIME)
            target.writestr(entry, content, zipfile.ZIP_DEFLATED)
    return output.getvalue()


def main(argv: list[str]) -> None:
    """Write the sample workbook to the path given, or beside this script."""
    path = Path(argv[0]) if argv else PATH
    path.write_bytes(workbook_bytes())
    print(f"записана таблица {path}: договоров {len(PARTNERS)}")


if __name__ == "__main__":
    main(sys.argv[1:])
