"""Build the template «plan»: план работы по социальному партнёрству на учебный год.

Context: ``centre`` (Centre), ``plan`` (PartnershipPlan). Landscape A4: the seed's table
(type of institution, directions, term) extended with the partners, forms, the responsible
and the basis, then the calendar of events grouped by month under merged heading rows and
numbered through the whole year.
"""

from __future__ import annotations

from pathlib import Path

from blocks import stamps
from layout import CENTER, ITEM, NBSP, Writer, cell_lines


def build(path: Path) -> None:
    """Write the plan template to ``path``."""
    w = Writer("План работы по социальному партнёрству", landscape=True)
    w.tag("{%p set number = namespace(value=0) %}")
    stamps(w, "plan")
    w.title(
        "ПЛАН",
        "работы {{ centre.organisation.short_name }} по социальному партнёрству",
        "на {{ plan.academic_year|academic_year }}",
    )
    w.p(
        ("Цель: ", "b"),
        "{{ plan.goal[:1]|lower }}{{ plan.goal[1:] }}{{ '' if plan.goal[-1:] == '.' else '.' }}",
    )
    w.p(("Задачи:", "b"), keep=True)
    w.items("for task in plan.tasks", "{{ task }}", numbered=ITEM)
    _partners(w)
    _events(w)
    w.tag("{%p if plan.expected_results %}")
    w.heading("3. Ожидаемые результаты")
    w.items("for result in plan.expected_results", "{{ result }}")
    w.tag("{%p endif %}")
    w.save(path)


PARTNER_WIDTHS = (10, 48, 54, 37, 35, 35, 33)
"""Columns of table 1 in mm (252 in all), measured in Times 12 pt with Word's cell margins:
the partner type «Общеобразовательные» (bold, 46 mm), «театрализованные» (36.6), «Сроки»
«по согласованию» (34.5, tied) and «в течение года», «Ответственный» its header (34.2),
«Основание» «№ СП-2026/001» (tied, 32.2) — each on one line."""


def _partners(w: Writer) -> None:
    w.heading("1. Социальные партнёры и направления взаимодействия")
    table = w.table(
        PARTNER_WIDTHS,
        header=[
            "№\nп/п",
            "Социальные партнёры",
            "Направления взаимодействия",
            "Формы работы",
            "Сроки",
            "Ответственный",
            "Основание",
        ],
    )
    w.tag_row(table, "{%tr for row in plan.partners %}")
    w.row(
        table,
        "{{ loop.index }}",
        "",
        "{{ row.directions }}",
        "{{ row.forms|join(', ') or '—' }}",
        "{{ row.term }}",
        "{{ row.responsible or '—' }}",
        "{{ row.basis or '—' }}",
        split=True,  # a tall row, so page 1 is not left half empty before it
    )
    cell_lines(
        table.rows[-1].cells[1],
        [
            [("{{ row.partner_type.group_title }}", "b")],
            "{%p if row.partners %}",
            "{{ row.partners|join(', ') }}",
            "{%p endif %}",
        ],
        "Текст таблицы",
    )
    w.tag_row(table, "{%tr endfor %}")


EVENT_COLUMNS = (
    ("№\nп/п", 10, "{% set number.value = number.value + 1 %}{{ number.value }}"),
    ("Мероприятие", 36, "{{ event.title }}"),
    ("Форма", 30, "{{ event.form or '—' }}"),
    ("Сроки", 35, "{{ event.dates }}"),
    ("Место проведения", 42, "{{ event.place or '—' }}"),
    (
        "Участники",
        30,
        "{{ event.participants or '' }}{% if event.participants and event.count %}, "
        "{% endif %}{% if event.count %}{{ event.count }}" + NBSP + "чел.{% endif %}"
        "{% if not event.participants and not event.count %}—{% endif %}",
    ),
    ("Социальный партнёр", 34, "{{ event.partner or '—' }}"),
    ("Ответственный", 35, "{{ event.responsible or '—' }}"),
)
"""The calendar's columns: header, width in mm (252 in all), cell; № counts through the year.

Measured in Times 12 pt with Word's cell margins: «Сроки» holds «02.11–20.12.2026» and «по
согласованию» (34.5 mm), «Участники» «обучающихся,» (29.9), «Ответственный» its header
(34.2); longer words («общеобразовательные») hyphenate (the templates hyphenate)."""
MONTH = "{{ group.month|month_nominative|capitalize if group.month else 'В течение года' }}"


def _events(w: Writer) -> None:
    w.heading("2. Календарный план мероприятий")
    table = w.table(
        [width for _, width, _ in EVENT_COLUMNS], header=[head for head, _, _ in EVENT_COLUMNS]
    )
    w.tag_row(table, "{%tr for group in plan.months %}")
    w.tag_row(table, "{%tr if plan.group_by_month %}")
    w.row(table, [(MONTH, "b")], merged=True)
    month = table.rows[-1].cells[0].paragraphs[0].paragraph_format
    month.alignment, month.keep_with_next = CENTER, True
    w.tag_row(table, "{%tr endif %}")
    w.tag_row(table, "{%tr for event in group.events %}")
    w.row(table, *(cell for _, _, cell in EVENT_COLUMNS))
    w.tag_row(table, "{%tr endfor %}")
    w.tag_row(table, "{%tr endfor %}")
    w.tag("{%p if plan.participants_total %}")
    w.p(
        "Планируемый охват участников мероприятий — {{ plan.participants_total }}" + NBSP + "чел.",
        before=6,
    )
    w.tag("{%p endif %}")
