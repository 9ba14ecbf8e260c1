"""Write the blocks several templates share: approval stamps and appendix marks."""

from __future__ import annotations

from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.shared import Mm, Pt
from layout import CENTER, NBSP, Writer, cell_lines, keep_rows

BLANK_DATE = "«___»" + NBSP + "____________ 20__" + NBSP + "г."
"""A date to fill in by hand."""


def stamps(w: Writer, doc: str) -> None:
    """Add «СОГЛАСОВАНО» (left, if any) and «УТВЕРЖДАЮ»/«УТВЕРЖДЕНО» (right) for ``doc``."""
    table = w.table([w.width - 85, 85], rows=1, grid=False)
    left, right = table.rows[0].cells
    cell_lines(left, _agreed_lines(doc), "Гриф")
    cell_lines(right, _approval_lines(f"{doc}.approval"), "Гриф")
    w.p("", style="Без отступа")


def _agreed_lines(doc: str) -> list[str]:
    """Return the «СОГЛАСОВАНО» blocks, a blank line between two; the cell never ends empty."""
    return [
        f"{{%p for agreed in {doc}.agreed_with %}}",
        "СОГЛАСОВАНО",
        "{{ agreed.position }}",
        "_____________ {{ agreed.name }}",
        "{% if agreed.date %}{{ agreed.date|date_long }}{% else %}" + BLANK_DATE + "{% endif %}",
        "{%p if not loop.last %}",
        "",
        "{%p endif %}",
        "{%p endfor %}",
        "",
    ]


def _approval_lines(approval: str) -> list[str]:
    """Return «УТВЕРЖДЕНО приказом … от … № …», or «УТВЕРЖДАЮ» with the director's line."""
    return [
        f"{{%p if {approval}.by_order %}}",
        "УТВЕРЖДЕНО",
        "приказом {{ centre.organisation.short_name }}",
        f"от {{{{ {approval}.order_date|date_short }}}} №{NBSP}{{{{ {approval}.order_number }}}}",
        "{%p else %}",
        "УТВЕРЖДАЮ",
        "{{ centre.director.position[:1]|upper }}{{ centre.director.position[1:] }} "
        "{{ centre.organisation.short_name }}",
        "_____________ {{ centre.director|initials }}",
        f"{{% if {approval}.date %}}{{{{ {approval}.date|date_long }}}}{{% else %}}"
        + BLANK_DATE
        + "{% endif %}",
        "{%p endif %}",
    ]


def appendix_mark(w: Writer, number: str, *lines: str) -> None:
    """Start an appendix on a new page with its mark at the right: «Приложение 1 к …»."""
    w.p(f"Приложение {number}", style="Отметка о приложении", new_page=True)
    for index, line in enumerate(lines):
        last = index == len(lines) - 1
        w.p(line, style="Отметка о приложении", after=12 if last else None)


def blank(w: Writer, before: str, after: str = "", caption: str | None = None) -> None:
    """Add a line to fill in by hand: ``before``, an underscored gap to the margin, ``after``.

    The gap is a tab with an underscore leader, so it always reaches the right margin
    whatever the font; ``caption`` goes under the line in small type.
    """
    paragraph = w.p(before, "\t", after, style="Без отступа", before=6)
    paragraph.paragraph_format.tab_stops.add_tab_stop(
        Mm(w.width), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.LINES
    )
    if caption:
        w.p(caption, style="Подпись под строкой")


def signature_line(w: Writer, first: str = BLANK_DATE, space: int = 0) -> None:
    """Add «date  ________ /____________/» with «(подпись)», «(расшифровка подписи)» under.

    The paragraph before is kept with it, so a signature never starts a page alone;
    ``space`` is the gap above, in points.
    """
    w.doc.paragraphs[-1].paragraph_format.keep_with_next = True
    table = w.table([63, 38, w.width - 101], rows=2, grid=False)
    top, bottom = table.rows
    for cell, text in zip(
        top.cells, (first, "_____________", "/____________________/"), strict=True
    ):
        cell_lines(cell, [text], "Без отступа")
    for cell, text in zip(bottom.cells[1:], ("(подпись)", "(расшифровка подписи)"), strict=True):
        cell_lines(cell, [text], "Подпись под строкой")
    for cell in top.cells:
        cell.paragraphs[0].paragraph_format.keep_with_next = True
        cell.paragraphs[0].paragraph_format.space_before = Pt(space)
    for cell in top.cells[1:]:
        cell.paragraphs[0].alignment = CENTER
    keep_rows(table)
