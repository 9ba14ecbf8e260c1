"""Describe the tables of the method report: caption, columns and the totals row.

Each cell is template text over ``item`` (the row the ``{%tr for %}`` loop gives) or over
``report``; every number comes from a computed property of ``MethodReport``.
"""

from __future__ import annotations

from dataclasses import dataclass

PREVIOUS_YEAR = "{{ report.academic_year[:4]|int - 1 }}–{{ report.academic_year[:4] }}"
LABEL = "{{ item.label[:1]|upper }}{{ item.label[1:] }}"
NUMBER = "№\nп/п"
SHY = "\u00ad"
"""A soft hyphen: where a header word breaks when its column is too narrow for it."""


def pct(expression: str) -> str:
    """Return the tag printing a percentage with one decimal and a decimal comma."""
    return f'{{{{ "%.1f"|format({expression})|replace(".", ",") }}}}'


def change(expression: str) -> str:
    """Return the tag printing a change «+2», «−1», «0», or «—» when it is unknown."""
    return (
        f"{{% if {expression} is none %}}—{{% elif {expression} > 0 %}}+{{{{ {expression} }}}}"
        f"{{% elif {expression} < 0 %}}−{{{{ -{expression} }}}}{{% else %}}0{{% endif %}}"
    )


def value(name: str) -> str:
    """Return the tag printing ``item.<name>``."""
    return f"{{{{ item.{name} }}}}"


@dataclass(frozen=True)
class Column:
    """One column: its header, its width in millimetres and the text of its cell."""

    header: str
    width: float
    cell: str


@dataclass(frozen=True)
class TableSpec:
    """A captioned table with one row per item of ``items`` and an optional totals row."""

    caption: str
    items: str
    columns: tuple[Column, ...]
    totals: tuple[str, ...] = ()


def share_table(caption: str, label: str, items: str) -> TableSpec:
    """Return a table «label | чел. | доля» of ``Share`` rows, with the staff as total."""
    return TableSpec(
        caption,
        items,
        (Column(label, 95, LABEL), Column("Чел.", 35, value("count")),
         Column("Доля, %", 35, pct("item.percent"))),
        ("Всего", "{{ report.staff_total }}", "100,0"),
    )  # fmt: skip


CATEGORIES = TableSpec(
    "Квалификационные категории педагогов",
    "report.by_category",
    (
        Column("Категория", 58, LABEL),
        Column(
            PREVIOUS_YEAR + ", чел.", 27, "{{ '—' if item.previous is none else item.previous }}"
        ),
        Column("{{ report.academic_year }}, чел.", 27, value("count")),
        Column("Доля, %", 25, pct("item.percent")),
        Column("Изменение, чел.", 28, change("item.change")),
    ),
    (
        "Всего",
        "{{ report.previous_year.staff if report.previous_year else '—' }}",
        "{{ report.staff_total }}",
        "100,0",
        "{% if report.previous_year %}"
        + change("(report.staff_total - report.previous_year.staff)")
        + "{% else %}—{% endif %}",
    ),
)
EDUCATION = share_table("Образование педагогов", "Образование", "report.by_education")
EXPERIENCE = share_table("Педагогический стаж", "Стаж", "report.by_experience")
AGE = share_table("Возраст педагогов", "Возраст", "report.by_age")
ATTESTATION = TableSpec(
    "Результаты аттестации",
    "report.attestation",
    (
        Column(NUMBER, 10, "{{ loop.index }}"),
        Column("ФИО", 33, "{{ item.person|surname_initials }}"),
        Column("Должность", 50, value("position")),
        Column("Категория", 29, value("category")),
        Column(
            "Результат",
            43,
            "{{ item.result }}{% if item.order %} ({{ item.order }}){% endif %}",
        ),
    ),
)
COURSES = TableSpec(
    "Курсы повышения квалификации",
    "report.courses",
    (
        Column(NUMBER, 10, "{{ loop.index }}"),
        Column("ФИО", 30, "{{ item.person|surname_initials }}"),
        Column("Тема курсов", 47, value("topic")),
        Column("Объём, ч", 19, value("hours")),
        Column("Организация", 33, value("provider")),
        Column("Окончание", 26, "{{ item.end|date_short }}"),
    ),
    ("", "Всего", "", "{{ report.course_hours }}", "", ""),
)
_FOCUS_KEYS = ("total", "new", "updated", "students")
PROGRAMMES = TableSpec(
    "Программы по направленностям",
    "report.by_focus",
    (
        Column("Направленность", 52, "{{ item.focus[:1]|upper }}{{ item.focus[1:] }}"),
        Column("Программ", 24, value("total")),
        Column("Новых", 24, value("new")),
        Column("Обновлённых", 32, value("updated")),
        Column("Обучающихся", 33, value("students")),
    ),
    ("Итого", *(f"{{{{ report.programme_totals.{key} }}}}" for key in _FOCUS_KEYS)),
)
CREATIVE_GROUPS = TableSpec(
    "Творческие группы педагогов",
    "report.creative_groups",
    (
        Column(NUMBER, 10, "{{ loop.index }}"),
        Column("Тема", 50, value("topic")),
        Column("Руководитель", 31, value("leader")),
        Column("Участников", 28, value("members")),
        Column("Результат", 46, value("result")),
    ),
)
SEMINARS = TableSpec(
    "Семинары, совещания, конференции",
    "report.seminars",
    (
        Column(NUMBER, 10, "{{ loop.index }}"),
        Column("Дата", 23, "{{ item.date|date_short }}"),
        Column("Тема", 42, value("topic")),
        Column("Форма", 28, value("form")),
        Column("Уровень", 34, value("level")),
        Column("Участников", 28, value("participants")),
    ),
)
SURVEY = TableSpec(
    "Затруднения и запросы педагогов",
    "report.survey_shares",
    (
        Column("Затруднение или запрос", 95, LABEL),
        Column("Назвали, чел.", 35, value("count")),
        Column("Доля опрошенных, %", 35, pct("item.percent")),
    ),
)
ASSISTANCE = TableSpec(
    "Методическая помощь по формам",
    "report.assistance_by_form",
    (
        Column("Форма помощи", 95, LABEL),
        Column("Количество", 35, value("count")),
        Column("Доля, %", 35, pct("item.percent")),
    ),
    ("Всего", "{{ report.assistance_by_form|sum(attribute='count') }}", "100,0"),
)
_LEVEL_KEYS = ("contests", "participants", "winners", "prize_winners", "awarded")
CONTESTS = TableSpec(
    "Участие обучающихся в конкурсах по уровням",
    "report.contests_by_level",
    (
        Column("Уровень", 35, "{{ item.level[:1]|upper }}{{ item.level[1:] }}"),
        Column("Конкурсов", 25, value("contests")),
        Column("Участников", 28, value("participants")),
        Column("Победителей", 29, value("winners")),
        Column("Призёров", 23, value("prize_winners")),
        Column(f"Победи{SHY}телей и призёров", 25, value("awarded")),
    ),
    ("Итого", *(f"{{{{ report.contest_totals.{key} }}}}" for key in _LEVEL_KEYS)),
)
EVENTS = TableSpec(
    "Мероприятия Центра",
    "report.events_held",
    (
        Column(NUMBER, 10, "{{ loop.index }}"),
        Column("Мероприятие", 70, value("title")),
        Column("Дата", 25, "{{ item.date|date_short }}"),
        Column("Уровень", 35, value("level")),
        Column("Охват, чел.", 25, value("coverage")),
    ),
    ("", "Всего", "", "", "{{ report.events_coverage }}"),
)
DYNAMICS = TableSpec(
    "Основные показатели в сравнении с прошлым учебным годом",
    "report.dynamics",
    (
        Column("Показатель", 65, value("label")),
        Column(PREVIOUS_YEAR, 33, value("previous")),
        Column("{{ report.academic_year }}", 33, value("current")),
        Column("Изменение", 34, change("item.difference")),
    ),
)
