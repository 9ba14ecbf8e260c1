"""Build the template «partner-report»: the letter sending a partner the year's joint work.

Context: ``centre`` (Centre), ``report`` (PartnerYearReport). A letter on the centre's
letterhead (ГОСТ Р 7.0.97-2016): the letterhead with the outgoing date and number at the
left, the addressee in the dative at the right («Директору МБОУ «СОШ № 5» Петровой М.С.»,
or «Руководителю …» when the partner's card is not known), the subject, the salutation,
thanks with the counts agreed («проведено 12 совместных мероприятий, в которых приняли
участие 340 человек»), the partner's events with a totals row, the events by form, the
proposals for the next year and the director's signature. Every number comes from the
model's computed properties.
"""

from __future__ import annotations

from pathlib import Path

from docx.table import Table
from layout import CENTER, NBSP, RIGHT, Writer, cell_lines
from report_tables import NUMBER, SHY, Column, TableSpec, value

PEOPLE = f"Участ{SHY}ников, чел."
EVENTS_COUNT = f"Меро{SHY}приятий"
CAPITALIZED_FORM = "{{ item.form[:1]|upper }}{{ item.form[1:] }}"
TOOK_PART = (
    "{{ 'принял' if n.people % 10 == 1 and n.people % 100 != 11 else 'приняли' }} участие "
    "{{ n.people|with_noun('человек') }}"
)
EVENTS = TableSpec(
    "Совместные мероприятия",
    "report.events",
    (
        Column(NUMBER, 10, "{{ loop.index }}"),
        Column("Дата", 23, "{{ item.date|date_short }}"),
        Column("Мероприятие", 49, value("title")),
        Column("Форма", 31, CAPITALIZED_FORM),
        Column(PEOPLE, 17, value("participants")),
        Column(f"Ответ{SHY}ственный", 35, value("responsible")),
    ),
    (
        "",
        "Итого",
        "{{ report.events_count|with_noun('мероприятие') }}",
        "",
        "{{ report.participants_total }}",
        "",
    ),
)
BY_FORM = TableSpec(
    "Мероприятия по формам",
    "report.by_form",
    (
        Column("Форма", 85, CAPITALIZED_FORM),
        Column(EVENTS_COUNT, 40, value("events")),
        Column(PEOPLE, 40, value("participants")),
    ),
    ("Итого", "{{ report.events_count }}", "{{ report.participants_total }}"),
)


def build(path: Path) -> None:
    """Write the partner-report template to ``path``."""
    w = Writer("Письмо партнёру: отчёт о совместной деятельности за год")
    w.tag(
        "{%p set n = namespace(events=report.events_count, people=report.participants_total,"
        " table=0) %}"
    )
    _letterhead(w)
    w.p(
        "О совместной деятельности в {{ report.academic_year|academic_year('prepositional') }}",
        style="Без отступа",
        before=12,
        after=12,
    )
    w.p(
        "{% if report.details %}Уважаем{{ 'ая' if (report.details.signer|acting) == "
        "'действующей' else 'ый' }} {{ report.details.signer.person.first_name }}"
        "{% if report.details.signer.person.middle_name %} "
        "{{ report.details.signer.person.middle_name }}{% endif %}!"
        "{% else %}Уважаемые коллеги!{% endif %}",
        style="Название документа",
        after=6,
    )
    _summary(w)
    table(w, EVENTS, centered=(0, 1, 4))
    w.p("", style="Без отступа")
    table(w, BY_FORM, centered=(1, 2))
    _proposals(w)
    _signature_block(w)
    w.save(path)


def _letterhead(w: Writer) -> None:
    """Add the centre's letterhead with the date and number (left) and the addressee (right)."""
    head = w.table([85, 10, w.width - 95], rows=1, grid=False)
    left, _, right = head.rows[0].cells
    cell_lines(left, [[("{{ centre.organisation.full_name }}", "b")]], "Бланк")
    cell_lines(
        left,
        [
            "{{ centre.organisation.requisites.postal_address or "
            "centre.organisation.requisites.legal_address }}",
            "{%p if centre.organisation.requisites.phone %}",
            "тел. {{ centre.organisation.requisites.phone }}",
            "{%p endif %}",
            "{%p if centre.organisation.requisites.email %}",
            "эл. почта {{ centre.organisation.requisites.email }}",
            "{%p endif %}",
            "ОГРН {{ centre.organisation.requisites.ogrn }}, "
            f"ИНН/КПП{NBSP}{{{{ centre.organisation.requisites.inn }}}}"
            "{% if centre.organisation.requisites.kpp %}/"
            "{{ centre.organisation.requisites.kpp }}{% endif %}",
            "",
            [("{{ report.date|date_short }} № {{ report.outgoing_number or '__________' }}", "u")],
        ],
        "Бланк",
        append=True,
    )
    cell_lines(
        right,
        [
            "{%p if report.details %}",
            "{% set to = report.details.signer.position|dative %}{{ to[:1]|upper }}{{ to[1:] }}",
            "{{ report.details.organisation.short_name }}",
            "{{ report.details.signer|surname_initials('dative') }}",
            "{%p else %}",
            "Руководителю",
            "{{ report.partner }}",
            "{%p endif %}",
        ],
        "Гриф",
    )
    w.p("", style="Без отступа")


def _proposals(w: Writer) -> None:
    """Add the proposals for the next academic year, one per line."""
    w.p(
        "Предлагаем в {{ report.next_academic_year }} учебном году:",
        keep=True,
        before=12,
    )
    w.items("for proposal in report.next_year_proposals", "{{ proposal }}")
    w.p(
        "Благодарим за сотрудничество и надеемся на его продолжение.",
        after=0,
    )


def _summary(w: Writer) -> None:
    """Add the thanks, the counts agreed and the period of the events."""
    w.p(
        "Администрация {{ centre.organisation.short_name }} выражает благодарность коллективу "
        "{{ report.partner|genitive }} за плодотворное сотрудничество. "
        "В {{ report.academic_year|academic_year('prepositional') }} в рамках социального "
        "партнёрства проведено {{ n.events|with_noun('совместное мероприятие') }}"
        "{% if n.people %}, в {{ 'котором' if n.events == 1 else 'которых' }} " + TOOK_PART
        + "{% endif %}."
        " {% if n.events == 1 %}Мероприятие состоялось {{ report.first_date|date_text }}"
        "{% else %}Мероприятия проводились с {{ report.first_date|date_text }} по "
        "{{ report.last_date|date_text }}{% endif %}"  # «… 2026 г.» ends the sentence
    )  # fmt: skip
    w.p(
        "Перечень мероприятий приведён в таблице" + NBSP + "1, их распределение по формам "
        "работы — в таблице" + NBSP + "2.",
        after=6,
    )


def table(w: Writer, spec: TableSpec, centered: tuple[int, ...] = ()) -> None:
    """Add a numbered caption and the table: header, one row per item, totals in bold.

    Columns whose positions are in ``centered`` (numbers, dates) are centred.
    """
    w.p(
        f"Таблица {{% set n.table = n.table + 1 %}}{{{{ n.table }}}} – {spec.caption}",
        style="Название таблицы",
    )
    grid = w.table([c.width for c in spec.columns], header=[c.header for c in spec.columns])
    w.tag_row(grid, f"{{%tr for item in {spec.items} %}}")
    w.row(grid, *(column.cell for column in spec.columns))
    w.tag_row(grid, "{%tr endfor %}")
    if spec.totals:
        w.row(grid, *[[(cell, "b")] for cell in spec.totals])
    center_columns(grid, centered)


def center_columns(grid: Table, columns: tuple[int, ...]) -> None:
    """Centre the text of the given columns in every row."""
    for row in grid.rows:
        for index in columns:
            for paragraph in row.cells[index].paragraphs:
                paragraph.alignment = CENTER


def _signature_block(w: Writer) -> None:
    """Add the director's signature: position and centre at the left, name at the right."""
    w.p("", style="Без отступа", keep=True, before=12)
    signature = w.table([95, w.width - 95], rows=1, grid=False)
    left, right = signature.rows[0].cells
    position = "{{ centre.director.position[:1]|upper }}{{ centre.director.position[1:] }}"
    cell_lines(left, [position, "{{ centre.organisation.short_name }}"], "Без отступа")
    cell_lines(right, ["", "_____________ {{ centre.director|initials }}"], "Без отступа")
    right.paragraphs[-1].alignment = RIGHT
