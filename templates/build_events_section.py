"""Build the template «events-section»: мероприятия, проведённые с социальными партнёрами.

Context: ``centre`` (Centre), ``section`` (JointEventsYear). A section a methodologist pastes
into the analysis of the methodological service's work: a heading, the year's counts in
words, every joint event (grouped by month under merged heading rows, numbered through the
year) and the totals by month, by partner and by form. Every number is computed by the model.
"""

from __future__ import annotations

from pathlib import Path

from build_partner_report import CAPITALIZED_FORM, EVENTS_COUNT, PEOPLE, center_columns, table
from layout import CENTER, NBSP, Writer
from report_tables import NUMBER, Column, TableSpec, pct, value

MONTH = "{{ group.first_day|month_nominative|capitalize }} {{ group.year }}"
EVENT_COLUMNS = (
    Column(NUMBER, 10.5, "{% set n.number = n.number + 1 %}{{ n.number }}"),
    Column("Дата", 23, "{{ event.date|date_short }}"),
    Column("Мероприятие", 43.5, "{{ event.title }}"),
    Column("Форма", 31, "{{ event.form[:1]|upper }}{{ event.form[1:] }}"),
    Column("Социальный партнёр", 40, "{{ event.partner }}"),
    Column(PEOPLE, 17, "{{ event.participants }}"),
)
TOTALS = ("{{ section.events_count }}", "{{ section.participants_total }}")
BY_MONTH = TableSpec(
    "Мероприятия по месяцам",
    "section.by_month",
    (
        Column("Месяц", 75, "{{ item.first_day|month_nominative|capitalize }} {{ item.year }}"),
        Column(EVENTS_COUNT, 45, value("events")),
        Column(PEOPLE, 45, value("participants")),
    ),
    ("Итого", *TOTALS),
)
BY_PARTNER = TableSpec(
    "Мероприятия по социальным партнёрам",
    "section.by_partner",
    (
        Column(NUMBER, 12, "{{ loop.index }}"),
        Column("Социальный партнёр", 91, value("partner")),
        Column(EVENTS_COUNT, 31, value("events")),
        Column(PEOPLE, 31, value("participants")),
    ),
    ("", "Итого", *TOTALS),
)
BY_FORM = TableSpec(
    "Мероприятия по формам",
    "section.by_form",
    (
        Column("Форма", 73, CAPITALIZED_FORM),
        Column(EVENTS_COUNT, 31, value("events")),
        Column("Доля, %", 30, pct("item.percent")),
        Column(PEOPLE, 31, value("participants")),
    ),
    ("Итого", TOTALS[0], "100,0", TOTALS[1]),
)


def build(path: Path) -> None:
    """Write the events-section template to ``path``."""
    w = Writer("Мероприятия, проведённые совместно с социальными партнёрами")
    w.tag("{%p set n = namespace(table=0, number=0) %}")
    w.heading("Мероприятия, проведённые совместно с социальными партнёрами")
    w.p(
        "В {{ section.academic_year|academic_year('prepositional') }} совместно с социальными "
        "партнёрами ({{ section.partners_count|with_noun('организация') }}) проведено "
        "{{ section.events_count|with_noun('мероприятие') }}, в которых "
        "{{ 'принял' if section.participants_total % 10 == 1 and "
        "section.participants_total % 100 != 11 else 'приняли' }} участие "
        "{{ section.participants_total|with_noun('человек') }}."
    )
    w.p(
        "Перечень мероприятий приведён в таблице" + NBSP + "1, их распределение по месяцам, "
        "социальным партнёрам и формам работы — в таблицах" + NBSP + "2–4.",
        after=6,
    )
    _events(w)
    for spec, centered in ((BY_MONTH, (1, 2)), (BY_PARTNER, (0, 2, 3)), (BY_FORM, (1, 2, 3))):
        w.p("", style="Без отступа")
        table(w, spec, centered)
    w.save(path)


def _events(w: Writer) -> None:
    """Add table 1: the year's events under a heading row per month, with the year's totals."""
    w.p(
        "Таблица {% set n.table = n.table + 1 %}{{ n.table }} – Перечень совместных мероприятий",
        style="Название таблицы",
    )
    grid = w.table([c.width for c in EVENT_COLUMNS], header=[c.header for c in EVENT_COLUMNS])
    w.tag_row(grid, "{%tr for group in section.months %}")
    w.row(grid, [(MONTH, "b")], merged=True)
    month = grid.rows[-1].cells[0].paragraphs[0].paragraph_format
    month.alignment, month.keep_with_next = CENTER, True
    w.tag_row(grid, "{%tr for event in group.events %}")
    w.row(grid, *(column.cell for column in EVENT_COLUMNS))
    w.tag_row(grid, "{%tr endfor %}")
    w.tag_row(grid, "{%tr endfor %}")
    w.row(
        grid,
        *[
            [(cell, "b")]
            for cell in (
                "",
                "Итого",
                "{{ section.events_count|with_noun('мероприятие') }}",
                "",
                "{{ section.partners_count|with_noun('партнёр') }}",
                TOTALS[1],
            )
        ],
    )
    center_columns(grid, (0, 1, 5))
