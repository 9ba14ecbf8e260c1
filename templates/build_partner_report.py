"""Build the template «partner-report»: отчёт о совместной деятельности с партнёром за год.

Context: ``centre`` (Centre), ``report`` (PartnerYearReport). One page or two for a partner:
the title, a sentence with the counts agreed («проведено 12 совместных мероприятий, в
которых приняли участие 340 человек»), the partner's events with a totals row, the events
by form, and the director's signature (and the partner's, when its card is known). Every
number comes from the model's computed properties.
"""

from __future__ import annotations

from pathlib import Path

from docx.shared import Pt
from docx.table import Table, _Cell
from layout import CENTER, NBSP, Writer, cell_lines
from report_tables import NUMBER, Column, TableSpec, value

SHY = "\u00ad"
"""A soft hyphen: where a long header may break («Меро-приятий») in a narrow column."""
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
        Column("Мероприятие", 51, value("title")),
        Column("Форма", 30, CAPITALIZED_FORM),
        Column(PEOPLE, 20, value("participants")),
        Column(f"Ответ{SHY}ственный", 31, value("responsible")),
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
    w = Writer("Отчёт о совместной деятельности")
    w.tag(
        "{%p set n = namespace(events=report.events_count, people=report.participants_total,"
        " table=0) %}"
    )
    w.title(
        "ОТЧЁТ",
        "о совместной деятельности {{ centre.organisation.short_name }} "
        "и {{ report.partner|genitive }}",
        "за {{ report.academic_year|academic_year }}",
    )
    _summary(w)
    table(w, EVENTS, centered=(0, 1, 4))
    w.p("", style="Без отступа")
    table(w, BY_FORM, centered=(1, 2))
    for cell in w.doc.tables[-1].rows[-1].cells:  # the totals row goes with the signature
        cell.paragraphs[0].paragraph_format.keep_with_next = True
    _signatures(w)
    w.save(path)


def _summary(w: Writer) -> None:
    """Add the sentences with the counts agreed and the period of the events."""
    w.p(
        "В {{ report.academic_year|academic_year('prepositional') }} в рамках социального "
        "партнёрства {{ centre.organisation.short_name }} и {{ report.partner|genitive }} "
        "проведено {{ n.events|with_noun('совместное мероприятие') }}"
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


def _signatures(w: Writer) -> None:
    """Add the director's signature, and the partner's head's when the card is known."""
    w.p("", style="Без отступа", keep=True, before=18)
    signature = w.table([95, w.width - 95], rows=1, grid=False)
    _signature(signature.rows[0].cells, "centre.director", "centre.organisation.short_name")
    w.tag_row(signature, "{%tr if report.details %}")
    w.row(signature, "", "")
    partner = signature.rows[-1].cells
    _signature(partner, "report.details.signer", "report.details.organisation.short_name")
    for cell in partner:
        cell.paragraphs[0].paragraph_format.space_before = Pt(18)
    w.tag_row(signature, "{%tr endif %}")


def _signature(cells: tuple[_Cell, ...], signer: str, organisation: str) -> None:
    """Write «Директор / МБУ ДО «ЦВР»» on the left and «_______ И.В. Соколова» on the right."""
    left, right = cells
    position = f"{{{{ {signer}.position[:1]|upper }}}}{{{{ {signer}.position[1:] }}}}"
    cell_lines(left, [position, f"{{{{ {organisation} }}}}"], "Без отступа")
    cell_lines(right, ["", f"_____________ {{{{ {signer}|initials }}}}"], "Без отступа")
