"""Make ``samples/joint-events.xlsx``: the centre's joint events with partners for 2025–2026.

    python samples/make_joint_events.py             # rewrites samples/joint-events.xlsx
    python samples/make_joint_events.py OUT.xlsx    # somewhere else

The workbook is what a secretary keeps during the year: a title row, the headers of the
``JointEvent`` model («Дата», «Мероприятие», «Форма», «Партнёр»…) and one row per event, in
date order. The partners' names and ИНН come from ``partners.yaml`` (the one list every
sample draws from). Partners, events, dates and the number of participants are drawn from the lists
below with a fixed seed, so the same script always makes the same rows (and the same bytes).
"""

from __future__ import annotations

import datetime as dt
import io
import random
import sys
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from docgen.models import JointEvent
from docgen.models.partners import PartnerList
from docgen.sources import load_model
from docgen.sources.workbook.columns import layout_of
from docgen.sources.workbook.write import fixed_times

SEED = 2025
YEAR = "2025–2026"
FIRST_DAY, LAST_DAY = dt.date(2025, 9, 1), dt.date(2026, 5, 31)
HOLIDAYS = {
    dt.date(2025, 11, 3), dt.date(2025, 11, 4), dt.date(2026, 2, 23), dt.date(2026, 3, 9),
    dt.date(2026, 5, 1), dt.date(2026, 5, 11),
    *(dt.date(2025, 12, 31) + dt.timedelta(days=n) for n in range(12)),  # to 11 January
}  # fmt: skip
WIDTHS = (12, 60, 20, 42, 14, 14, 18, 40)
SAVED = dt.datetime(2026, 6, 1, 9, 0, 0)
TITLE = f"Совместные мероприятия МБУ ДО «ЦВР» с социальными партнёрами, {YEAR} учебный год"

Entry = tuple[str, str, int | str | None, int, int, str]
"""An event a partner of a kind may hold: title, form, month or «MM-DD», people from–to, unit."""

UNITS = {
    "театр": ("театральная студия «Маска»", "Кравченко О.Н."),
    "вокал": ("вокальный ансамбль «Радуга»", "Орлова Н.В."),
    "танец": ("хореографический коллектив «Фантазия»", "Гладких Е.С."),
    "дпи": ("студия «Мастерица»", "Белая А.В."),
    "робо": ("объединение «Робототехника»", "Зуев Д.А."),
    "патриот": ("клуб «Патриот»", "Мартыненко В.И."),
    "пресса": ("объединение «Юный журналист»", "Ефимова Т.Г."),
    "юид": ("отряд «Юный инспектор движения»", "Лыкова И.П."),
    "эко": ("объединение «Натуралист»", "Самойлова Г.М."),
    "масс": ("отдел массовой работы", "Ильина С.Б."),
    "метод": ("методический отдел", "Кузнецова Е.А."),
    "спорт": ("спортивный клуб «Старт»", "Вяткин А.Ю."),
    "изо": ("изостудия «Палитра»", "Тимофеева Л.Р."),
}
"""The centre's units and who in each usually answers for joint events."""


PARTNER_LIST = Path(__file__).resolve().with_name("partners.yaml")
"""The one list of partners every sample draws from: names, ИНН, heads."""

PARTNERS: tuple[tuple[str, str, int], ...] = (
    ("school-5", "школа", 15),
    ("school-12", "школа", 12),
    ("school-17", "школа", 11),
    ("gymnasium-1", "школа", 10),
    ("kindergarten-12", "детсад", 7),
    ("kindergarten-45", "детсад", 6),
    ("college", "колледж", 5),
    ("museum-heritage", "музей", 8),
    ("museum-chuya", "музей", 5),
    ("library-cbs", "библиотека", 8),
    ("library-gaidar", "библиотека", 5),
    ("sports-olimp", "спортшкола", 6),
    ("sok-yunost", "оздоровление", 5),
    ("dk-zarechye", "дк", 5),
    ("dshi-1", "дши", 5),
    ("tyuz", "театр", 4),
    ("eparchy", "епархия", 4),
    ("Местное отделение «Движения первых» г. Бийска", "движение", 5),
    ("veterans", "ветераны", 4),
    ("volunteers", "волонтёры", 4),
    ("employment", "цзн", 4),
    ("ПДН МУ МВД России «Бийское»", "пдн", 4),
    ("ОГИБДД МУ МВД России «Бийское»", "гибдд", 5),
    ("КДН и ЗП Администрации г. Бийска", "кдн", 3),
    ("ОНД и ПР по г. Бийску", "пожарные", 3),
    ("newspaper", "газета", 4),
    ("tv", "тв", 3),
)
"""Partners by their key in ``partners.yaml`` (or the name of a unit that is no legal entity
and has no ИНН of its own), the kind of events they hold and how many."""


def partner_names(path: Path = PARTNER_LIST) -> dict[str, tuple[str, str | None]]:
    """Return each entry of ``PARTNERS`` as (short name, ИНН) from the partner list."""
    listed = load_model(path, PartnerList)
    named: dict[str, tuple[str, str | None]] = {}
    for key, _kind, _count in PARTNERS:
        try:
            partner = listed.get(key)
        except KeyError:
            named[key] = (key, None)
        else:
            named[key] = (partner.organisation.short_name, partner.organisation.requisites.inn)
    return named


POOLS: dict[str, str] = {
    "школа": """
    Праздник «Посвящение в кружковцы» | праздник | 9 | 60–140 | масс
    Концерт ко Дню учителя «Учитель, перед именем твоим…» | концерт | 10-03 | 150–320 | вокал
    Игровая программа «Осенний калейдоскоп» | игровая программа | 10 | 40–90 | масс
    Мастер-класс «Осенний букет» | мастер-класс | 10 | 15–30 | дпи
    Конкурс чтецов «Мама — первое слово» | конкурс | 11 | 30–70 | театр
    Концерт ко Дню матери «Тепло маминых рук» | концерт | 11-28 | 120–260 | вокал
    Новогоднее представление «Тайна Снежной королевы» | спектакль | 12 | 180–350 | театр
    Мастер-класс «Мастерская Деда Мороза» | мастер-класс | 12 | 20–35 | дпи
    Квест «Зимние забавы» | квест | 1 | 30–70 | масс
    Соревнования по робототехнике «РобоСтарт» | соревнования | 2 | 25–60 | робо
    Военно-спортивная игра «Зарница» | соревнования | 2 | 60–120 | патриот
    Концерт «Весенняя капель» для ветеранов педагогического труда | концерт | 03-06 | 90–180 | вокал
    Выставка детского творчества «Мир глазами детей» | выставка | 3 | 100–300 | изо
    Викторина «Космос — это мы» | викторина | 4 | 40–80 | робо
    Фестиваль театральных миниатюр «Маска» | фестиваль | 4 | 80–160 | театр
    Акция «Окна Победы» | акция | 5 | 60–200 | патриот
    Концерт «Песни Победы» | концерт | 05-07 | 150–300 | вокал
    Беседа «Безопасное лето» | беседа | 5 | 50–110 | юид
    """,
    "детсад": """
    Театрализованное представление «Репка на новый лад» | спектакль | - | 40–90 | театр
    Игровая программа «В гостях у Осени» | игровая программа | 10 | 30–60 | масс
    Мастер-класс «Пальчиковый театр» | мастер-класс | - | 12–25 | театр
    Новогодний утренник «Ёлочка-красавица» | праздник | 12 | 50–110 | масс
    Экскурсия в Центр «Страна мастеров» | экскурсия | - | 15–30 | дпи
    Праздник «Широкая Масленица» | праздник | 02-19 | 60–120 | масс
    Конкурс рисунков «Мой любимый детский сад» | конкурс | - | 25–50 | изо
    Развлечение «Весёлые старты» | соревнования | 4 | 30–60 | спорт
    Кукольный спектакль «Теремок» | спектакль | - | 40–80 | театр
    """,
    "колледж": """
    Профпроба «Я — педагог дополнительного образования» | профпроба | - | 12–25 | метод
    Круглый стол «Наставничество в дополнительном образовании» | круглый стол | - | 15–30 | метод
    Мастер-класс студентов «Игры народов Алтая» | мастер-класс | - | 20–40 | масс
    Семинар-практикум «Педагогическая практика на базе Центра» | семинар | 9 | 15–30 | метод
    Конкурс «Вожатый года» | конкурс | 4 | 20–45 | масс
    Встреча «Профессия — педагог» | встреча | - | 25–60 | метод
    """,
    "музей": """
    Музейный урок «Бийск — ворота Алтая» | музейный урок | - | 20–30 | патриот
    Экскурсия «Купеческий Бийск» | экскурсия | - | 15–28 | пресса
    Выставка работ обучающихся «Мой город глазами детей» | выставка | - | 150–400 | изо
    Музейный урок «Блокадный хлеб» | музейный урок | 01-27 | 20–30 | патриот
    Квест «Тайны старого города» | квест | - | 20–40 | эко
    Музейный урок «Дети войны» | музейный урок | 5 | 20–30 | патриот
    Мастер-класс «Традиционная тряпичная кукла» | мастер-класс | - | 12–20 | дпи
    Акция «Ночь искусств» | акция | 11-03 | 80–200 | масс
    """,
    "библиотека": """
    Библиотечный урок «Путешествие в страну Читалию» | библиотечный урок | - | 20–30 | пресса
    Литературная викторина «По страницам любимых сказок» | викторина | - | 20–35 | театр
    Встреча с писателем-земляком «Алтай в моём сердце» | встреча | - | 30–60 | пресса
    Акция «Подари книгу» | акция | 02-14 | 40–120 | масс
    Библиотечный урок «Шукшинские чтения» | библиотечный урок | - | 20–30 | театр
    Конкурс чтецов «Живая классика» | конкурс | 3 | 25–50 | театр
    Беседа «Книги, опалённые войной» | беседа | 5 | 20–35 | патриот
    Игровая программа «Книжкины именины» | игровая программа | 3 | 30–60 | масс
    """,
    "спортшкола": """
    Соревнования «Весёлые старты» | соревнования | - | 40–80 | спорт
    Мастер-класс по самбо | мастер-класс | - | 15–30 | спорт
    Фестиваль ГТО «Готов к труду и обороне» | фестиваль | - | 50–120 | спорт
    Турнир по мини-футболу «Кубок дружбы» | соревнования | - | 40–80 | спорт
    Лыжная эстафета «Лыжня зовёт» | соревнования | 2 | 60–150 | спорт
    Встреча с чемпионами «Спорт — норма жизни» | встреча | - | 30–70 | патриот
    """,
    "оздоровление": """
    Соревнования «Осенний марафон» в День здоровья | соревнования | 9 | 80–200 | спорт
    Соревнования по плаванию «Золотая рыбка» | соревнования | - | 30–60 | спорт
    Акция «Спорт против вредных привычек» | акция | - | 50–120 | спорт
    Семейные старты «Папа, мама, я — спортивная семья» | соревнования | - | 40–90 | спорт
    Мастер-класс «Скандинавская ходьба» | мастер-класс | - | 15–30 | эко
    """,
    "дк": """
    Фестиваль детского творчества «Созвездие талантов» | фестиваль | - | 150–400 | танец
    Концерт «Рождественские встречи» | концерт | 1 | 120–300 | вокал
    Конкурс хореографических коллективов «Танцевальный калейдоскоп» | конкурс | - | 80–180 | танец
    Праздничная программа «Широкая Масленица» | праздник | 02-21 | 150–400 | масс
    Концерт ко Дню защитника Отечества «Служу России!» | концерт | 02-20 | 120–250 | вокал
    Концерт ко Дню народного единства «Мы вместе» | концерт | 11-01 | 120–280 | танец
    """,
    "дши": """
    Совместный концерт «Музыкальная гостиная» | концерт | - | 60–120 | вокал
    Выставка «Зимние узоры» | выставка | 1 | 80–200 | изо
    Мастер-класс «Основы академического рисунка» | мастер-класс | - | 12–25 | изо
    Конкурс юных исполнителей «Звонкие голоса» | конкурс | - | 40–90 | вокал
    Мастер-класс «Народный танец» | мастер-класс | - | 15–30 | танец
    """,
    "театр": """
    Спектакль «Снежная королева» для обучающихся Центра | спектакль | 12 | 150–300 | театр
    Мастер-класс «Театральный грим» | мастер-класс | - | 15–25 | театр
    Экскурсия «Закулисье» | экскурсия | - | 20–30 | театр
    Встреча с актёрами «Профессия — актёр» | встреча | - | 30–60 | театр
    """,
    "епархия": """
    Рождественский фестиваль «Свет Вифлеемской звезды» | фестиваль | 1 | 100–250 | вокал
    Беседа «Покров Пресвятой Богородицы» | беседа | 10 | 20–40 | патриот
    Выставка «Пасхальная радость» | выставка | 4 | 100–250 | дпи
    Встреча ко Дню славянской письменности и культуры | встреча | 5 | 30–60 | пресса
    Конкурс рисунков «Красота Божьего мира» | конкурс | - | 40–100 | изо
    """,
    "движение": """
    Акция «Добрые крышечки» | акция | - | 40–120 | эко
    Встреча активистов «Будь в Движении» | встреча | - | 40–90 | масс
    Акция «Письмо солдату» | акция | - | 60–150 | патриот
    Квест «Орлята России» | квест | - | 30–70 | масс
    Акция «Георгиевская ленточка» | акция | 5 | 80–200 | патриот
    Игровая программа «День рождения „Движения первых“» | игровая программа | 12 | 50–120 | масс
    """,
    "ветераны": """
    Концерт «Спасибо за Победу!» для ветеранов | концерт | 05-06 | 60–120 | вокал
    Встреча поколений «Живая память» | встреча | - | 30–60 | патриот
    Акция «Ветеран живёт рядом» | акция | - | 20–50 | патриот
    Концерт ко Дню пожилого человека «Мудрость осени» | концерт | 10-01 | 50–100 | вокал
    Мастер-класс «Открытка для ветерана» | мастер-класс | 4 | 15–30 | дпи
    """,
    "волонтёры": """
    Акция «Покорми птиц зимой» | акция | 11 | 30–80 | эко
    Беседа «Кто такой волонтёр» | беседа | - | 25–50 | масс
    Акция «Новогоднее чудо» для воспитанников социального приюта | акция | 12 | 30–70 | масс
    Акция «Чистый берег» на берегу Бии | акция | 9 | 40–90 | эко
    Мастер-класс «Подарок своими руками» | мастер-класс | - | 15–30 | дпи
    """,
    "цзн": """
    Профпроба «Мир профессий» | профпроба | - | 15–30 | метод
    Круглый стол «Моя будущая профессия» | круглый стол | - | 20–40 | метод
    Лекция «Рынок труда города Бийска» | лекция | - | 30–60 | метод
    Консультация «Временное трудоустройство подростков летом» | консультация | 4 | 20–45 | метод
    Квест «Профессии будущего» | квест | - | 25–50 | робо
    """,
    "пдн": """
    Лекция «Ответственность несовершеннолетних за правонарушения» | лекция | - | 40–90 | масс
    Беседа «Безопасный интернет» | беседа | - | 30–60 | робо
    Акция «Мы выбираем жизнь» | акция | - | 60–150 | масс
    Круглый стол «Профилактика буллинга» | круглый стол | - | 15–30 | метод
    """,
    "гибдд": """
    Акция «Внимание, дети!» | акция | 9 | 60–150 | юид
    Конкурс агитбригад ЮИД «Зелёная волна» | конкурс | - | 40–90 | юид
    Беседа «Зимняя дорога» | беседа | 12 | 30–60 | юид
    Викторина «Знатоки ПДД» | викторина | - | 25–50 | юид
    Акция «Засветись!» | акция | 11 | 50–120 | юид
    Соревнования юных велосипедистов «Безопасное колесо» | соревнования | 5 | 30–60 | юид
    """,
    "кдн": """
    Круглый стол «Занятость несовершеннолетних в свободное время» | круглый стол | - | 15–30 | метод
    Семинар «Работа с семьями группы риска» | семинар | - | 20–40 | метод
    Акция «Каникулы с пользой» | акция | - | 40–100 | масс
    """,
    "пожарные": """
    Беседа «Огонь — друг или враг» | беседа | - | 25–50 | масс
    Экскурсия в пожарно-спасательную часть | экскурсия | - | 15–30 | юид
    Конкурс рисунков «Пожарная безопасность глазами детей» | конкурс | - | 30–80 | изо
    Викторина «Юный пожарный» | викторина | - | 25–45 | юид
    """,
    "газета": """
    Мастер-класс «Как написать заметку» | мастер-класс | - | 12–20 | пресса
    Экскурсия в редакцию «Как делается газета» | экскурсия | - | 12–25 | пресса
    Встреча с журналистами «Профессия — корреспондент» | встреча | - | 20–40 | пресса
    Конкурс юных корреспондентов «Проба пера» | конкурс | - | 15–40 | пресса
    """,
    "тв": """
    Экскурсия на телестудию «Бийск-ТВ» | экскурсия | - | 12–25 | пресса
    Мастер-класс «Видеосъёмка на смартфон» | мастер-класс | - | 12–20 | пресса
    Встреча «Телевидение изнутри» | встреча | - | 20–40 | пресса
    """,
}
"""Events each kind of partner holds with the centre, one a line: title | form | month, «MM-DD»
or «-» (any month) | participants from–to | the centre's unit (a key of ``UNITS``).
"""


def pool(text: str) -> list[Entry]:
    """Return the events of a ``POOLS`` text, one per non-empty line."""
    entries: list[Entry] = []
    for line in filter(None, (line.strip() for line in text.splitlines())):
        title, form, when, people, unit = (part.strip() for part in line.split("|"))
        low, high = (int(number) for number in people.split("–"))
        month: int | str | None = None if when == "-" else int(when) if when.isdigit() else when
        entries.append((title, form, month, low, high, unit))
    return entries


def school_day(rng: random.Random, month: int) -> dt.date:
    """Return a random working day (Monday to Saturday, not a holiday) of ``month``."""
    year = FIRST_DAY.year if month >= 9 else LAST_DAY.year
    days = [
        day
        for day in (dt.date(year, month, 1) + dt.timedelta(days=n) for n in range(31))
        if day.month == month and day.weekday() != 6 and day not in HOLIDAYS
    ]
    return rng.choice(days)


def event_date(rng: random.Random, when: int | str | None) -> dt.date:
    """Return the date of an event: a fixed «MM-DD», a day of a month, or any school month."""
    if isinstance(when, str):
        month, day = (int(part) for part in when.split("-"))
        return dt.date(FIRST_DAY.year if month >= 9 else LAST_DAY.year, month, day)
    month = when if when is not None else rng.choice([9, 10, 11, 12, 1, 2, 3, 4, 5])
    return school_day(rng, month)


def rows(rng: random.Random) -> list[tuple[object, ...]]:
    """Return every event row, in date order (then by partner, as a log is kept)."""
    made: list[tuple[object, ...]] = []
    names = partner_names()
    for key, kind, count in PARTNERS:
        name, inn = names[key]
        for title, form, when, low, high, unit_key in rng.sample(pool(POOLS[kind]), count):
            unit, responsible = UNITS[unit_key]
            date = event_date(rng, when)
            made.append((date, title, form, name, inn, rng.randint(low, high), responsible, unit))
    made.sort(key=lambda row: (row[0], str(row[3]), str(row[1])))
    return made


def workbook(events: list[tuple[object, ...]]) -> openpyxl.Workbook:
    """Return the workbook: a merged title row, the model's headers, one row per event."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Мероприятия"
    headers = [column.header for column in layout_of(JointEvent).columns]
    sheet.append([TITLE])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append(headers)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for event in events:
        sheet.append(list(event))
        row = sheet.max_row
        sheet.cell(row, 1).number_format = "DD.MM.YYYY"
        sheet.cell(row, 5).number_format = "@"  # an ИНН is text, never a number
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A3"
    sheet.auto_filter.ref = f"A2:{get_column_letter(len(headers))}{sheet.max_row}"
    book.properties.creator = book.properties.lastModifiedBy = "docgen"
    book.properties.created = book.properties.modified = SAVED
    return book


def fixed_bytes(book: openpyxl.Workbook) -> bytes:
    """Return the .xlsx bytes with fixed zip timestamps, so that every run gives the same file."""
    raw = io.BytesIO()
    book.save(raw)
    return fixed_times(raw.getvalue(), SAVED)


def main(argv: list[str]) -> None:
    """Write the sample workbook to the path given (default: beside this script)."""
    path = Path(argv[0]) if argv else Path(__file__).resolve().with_name("joint-events.xlsx")
    events = rows(random.Random(SEED))
    path.write_bytes(fixed_bytes(workbook(events)))
    partners = len({event[3] for event in events})
    print(f"{path}: мероприятий {len(events)}, партнёров {partners}")


if __name__ == "__main__":
    main(sys.argv[1:])
