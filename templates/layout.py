"""Lay out a template the way ГОСТ Р 7.0.97-2016 asks, with real Word styles.

A4, margins 30/15/20/20 mm, Times New Roman 14 in text and 12 in tables, first-line indent
1.25 cm, justified body, single spacing, page numbers centred in the header from page 2.
Everything a user may want to change in Word is a named style: «Normal», «Heading 1»,
«Название документа», «Гриф», «Текст таблицы», «Заголовок таблицы», «Тег шаблона».
Template tags that stand on their own (``{%p …%}``, ``{%tr …%}``) get the small grey style
«Тег шаблона» so they are easy to tell from text; docgen removes them when it renders.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

FONT = "Times New Roman"
TEXT_SIZE = Pt(14)
TABLE_SIZE = Pt(12)
INDENT = Cm(1.25)
NBSP = "\u00a0"
BUILT = dt.datetime(2026, 9, 1, 9, 0, 0)

Part = str | tuple[str, str]
"""A piece of a paragraph: text, or (text, marks): b bold, n not bold, i italic, u underline."""

CENTER = WD_ALIGN_PARAGRAPH.CENTER
LEFT = WD_ALIGN_PARAGRAPH.LEFT
RIGHT = WD_ALIGN_PARAGRAPH.RIGHT


class Writer:
    """Write one template: page, styles and the paragraphs and tables of its body."""

    def __init__(self, title: str, landscape: bool = False) -> None:
        self.doc = Document()
        self.landscape = landscape
        self._page(landscape)
        self._styles()
        self._page_numbers()
        props = self.doc.core_properties
        props.title, props.author, props.last_modified_by = title, "docgen", "docgen"
        props.created = props.modified = BUILT
        props.revision = 1
        props.language = "ru-RU"
        body = self.doc.element.body
        for paragraph in list(body.iterchildren(qn("w:p"))):
            body.remove(paragraph)

    @property
    def width(self) -> int:
        """Return the text width in millimetres."""
        return (297 if self.landscape else 210) - 30 - 15

    # --- page and styles ---

    def _page(self, landscape: bool) -> None:
        section = self.doc.sections[0]
        if landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = Mm(297), Mm(210)
        else:
            section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin, section.right_margin = Mm(30), Mm(15)
        section.top_margin, section.bottom_margin = Mm(20), Mm(20)
        section.header_distance = section.footer_distance = Mm(10)

    def _styles(self) -> None:
        styles = self.doc.styles
        defaults = styles.element.find(qn("w:docDefaults"))
        run_defaults = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        _set_fonts(run_defaults)
        _set_child(run_defaults, "w:lang", {"w:val": "ru-RU", "w:eastAsia": "ru-RU"})
        normal = styles["Normal"]
        _restyle(normal, TEXT_SIZE, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=INDENT)
        normal.paragraph_format.widow_control = True
        for name in ("Heading 1", "Heading 2"):
            style = styles[name]
            _restyle(style, TEXT_SIZE, bold=True, before=Pt(12), after=Pt(6), keep=True)
            style.paragraph_format.alignment = CENTER if name == "Heading 1" else None
            style.paragraph_format.first_line_indent = 0 if name == "Heading 1" else INDENT
        _restyle(styles["Header"], TABLE_SIZE, align=CENTER)
        self._add("Название документа", TEXT_SIZE, bold=True, align=CENTER, keep=True)
        self._add("Гриф", TEXT_SIZE, align=LEFT)
        self._add("Без отступа", TEXT_SIZE, align=LEFT)
        mark = self._add("Отметка о приложении", TEXT_SIZE, align=LEFT)
        mark.paragraph_format.left_indent = Mm(self.width - 70)
        self._add("Текст таблицы", TABLE_SIZE, align=LEFT)
        self._add("Заголовок таблицы", TABLE_SIZE, bold=True, align=CENTER)
        self._add("Название таблицы", TEXT_SIZE, align=LEFT, keep=True, before=Pt(6))
        self._add("Подпись под строкой", Pt(10), align=CENTER)
        tag = self._add("Тег шаблона", Pt(8), align=LEFT)
        tag.font.color.rgb = RGBColor(0x80, 0x80, 0x80)
        for name in ("Table Grid", "Normal Table"):
            _set_fonts(styles[name].element.get_or_add_rPr())

    def _add(
        self,
        name: str,
        size: Pt,
        bold: bool = False,
        align: WD_ALIGN_PARAGRAPH | None = None,
        keep: bool = False,
        before: Pt | None = None,
    ) -> ParagraphStyle:
        style = self.doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = self.doc.styles["Normal"]
        style.quick_style = True
        _restyle(style, size, bold=bold, align=align, indent=0, keep=keep, before=before)
        return style

    def _page_numbers(self) -> None:
        section = self.doc.sections[0]
        section.different_first_page_header_footer = True
        paragraph = section.header.paragraphs[0]
        paragraph.style = self.doc.styles["Header"]
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), " PAGE ")
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = "2"
        run.append(text)
        field.append(run)
        paragraph._p.append(field)

    # --- paragraphs ---

    def p(
        self,
        *parts: Part,
        style: str = "Normal",
        align: WD_ALIGN_PARAGRAPH | None = None,
        keep: bool = False,
        before: int | None = None,
        after: int | None = None,
        new_page: bool = False,
    ) -> Paragraph:
        """Add a paragraph made of text parts; ``("text", "b")`` is bold."""
        paragraph = self.doc.add_paragraph(style=style)
        fill(paragraph, parts, align=align, keep=keep, before=before, after=after)
        if new_page:
            paragraph.paragraph_format.page_break_before = True
        return paragraph

    def tag(self, text: str) -> Paragraph:
        """Add a paragraph holding only a template tag such as ``{%p if … %}``."""
        return self.doc.add_paragraph(text, style="Тег шаблона")

    def heading(self, text: str, level: int = 1) -> Paragraph:
        """Add a section heading (Word's «Heading 1/2»: shows in the navigation pane)."""
        return self.doc.add_paragraph(text, style=f"Heading {level}")

    def title(self, *lines: Sequence[Part] | str, after: int = 12) -> None:
        """Add the lines of a document title, centred and bold; space after the last."""
        for index, line in enumerate(lines):
            parts = (line,) if isinstance(line, str) else tuple(line)
            last = index == len(lines) - 1
            self.p(*parts, style="Название документа", after=after if last else None)

    def items(
        self, loop: str, *parts: Part, numbered: str | None = None, keep: bool = False
    ) -> None:
        """Add a ``{%p for %}`` list: one paragraph per item, «;» between and «.» at the end.

        ``keep`` keeps every item with the next paragraph (a list that ends a document
        stays on the page of the signature under it).
        """
        self.tag(f"{{%p {loop} %}}")
        lead: tuple[Part, ...] = (f"{numbered}{NBSP}",) if numbered else ("–" + NBSP,)
        self.p(*lead, *parts, "{{ ';' if not loop.last else '.' }}", keep=keep)
        self.tag("{%p endfor %}")

    def line_with_right(self, left: Sequence[Part], right: Sequence[Part]) -> Paragraph:
        """Add one line with text at the left margin and text flush right (a right tab)."""
        paragraph = self.p(*left, "\t", *right, style="Без отступа")
        paragraph.paragraph_format.tab_stops.add_tab_stop(Mm(self.width), WD_TAB_ALIGNMENT.RIGHT)
        return paragraph

    # --- tables ---

    def table(
        self,
        widths: Sequence[float],
        header: Sequence[str] | None = None,
        rows: int = 0,
        grid: bool = True,
    ) -> Table:
        """Add a table with column widths in mm and an optional repeating header row."""
        count = rows + (1 if header else 0)
        table = self.doc.add_table(rows=count, cols=len(widths))
        table.style = self.doc.styles["Table Grid" if grid else "Normal Table"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        if not grid:  # text in a borderless table starts at the margin, like the text around
            table.alignment = WD_TABLE_ALIGNMENT.LEFT
            _set_child(table._tbl.tblPr, "w:tblInd", {"w:w": "0", "w:type": "dxa"})
        table.autofit = False
        _fixed_layout(table)
        for index, width in enumerate(widths):
            table.columns[index].width = Mm(width)
            for cell in table.columns[index].cells:
                cell.width = Mm(width)
        if header:
            row = table.rows[0]
            _row_property(row._tr, "w:tblHeader")
            for cell, text in zip(row.cells, header, strict=True):
                fill(cell.paragraphs[0], (text,), style="Заголовок таблицы")
        return table

    def row(
        self,
        table: Table,
        *cells: Sequence[Part] | str,
        merged: bool = False,
        height: float | None = None,
    ) -> None:
        """Append a row; with ``merged`` one cell spans the whole width; height in mm."""
        row = table.add_row()
        _row_property(row._tr, "w:cantSplit")
        if height:
            row.height = Mm(height)
        if merged:
            first = row.cells[0].merge(row.cells[-1])
            fill(first.paragraphs[0], _parts(cells[0]), style="Текст таблицы")
            return
        for cell, content in zip(row.cells, cells, strict=False):
            fill(cell.paragraphs[0], _parts(content), style="Текст таблицы")

    def tag_row(self, table: Table, text: str) -> None:
        """Append a row holding only a ``{%tr … %}`` tag."""
        row = table.add_row()
        fill(row.cells[0].paragraphs[0], (text,), style="Тег шаблона")

    def save(self, path: Path) -> None:
        """Write the template, without python-docx's stock thumbnail of another document."""
        package = self.doc.part.package
        for key, relationship in list(package.rels.items()):
            if relationship.reltype.endswith("/thumbnail"):
                del package.rels[key]
        self.doc.save(str(path))


def cell_lines(cell: _Cell, lines: Iterable[Sequence[Part] | str], style: str) -> None:
    """Write paragraphs into a cell; a line starting with ``{%p`` gets the tag style."""
    first = True
    for line in lines:
        parts = _parts(line)
        is_tag = isinstance(line, str) and line.startswith("{%p")
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        fill(paragraph, parts, style="Тег шаблона" if is_tag else style)
        first = False


def keep_rows(table: Table, together: bool = False) -> None:
    """Keep every row on one page; with ``together``, keep the whole table on one page.

    «Together» marks every paragraph but those of the last row «keep with next», which
    Word and LibreOffice both read as «keep this row with the next one».
    """
    for index, row in enumerate(table.rows):
        _row_property(row._tr, "w:cantSplit")
        if together and index < len(table.rows) - 1:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True


def fill(
    paragraph: Paragraph,
    parts: Iterable[Part],
    style: str | None = None,
    align: WD_ALIGN_PARAGRAPH | None = None,
    keep: bool = False,
    before: int | None = None,
    after: int | None = None,
) -> None:
    """Write text parts into a paragraph as runs and set its look."""
    if style:
        paragraph.style = paragraph.part.document.styles[style]
    for part in parts:
        text, marks = (part, "") if isinstance(part, str) else part
        run = paragraph.add_run(text)
        run.bold = True if "b" in marks else (False if "n" in marks else None)
        run.italic = "i" in marks or None
        run.underline = "u" in marks or None
    fmt = paragraph.paragraph_format
    if align is not None:
        fmt.alignment = align
    if keep:
        fmt.keep_with_next = True
    if before is not None:
        fmt.space_before = Pt(before)
    if after is not None:
        fmt.space_after = Pt(after)


def _parts(content: Sequence[Part] | str) -> tuple[Part, ...]:
    return (content,) if isinstance(content, str) else tuple(content)


def _restyle(
    style: ParagraphStyle,
    size: Pt,
    bold: bool = False,
    align: WD_ALIGN_PARAGRAPH | None = None,
    indent: int | None = None,
    keep: bool = False,
    before: Pt | None = None,
    after: Pt | None = None,
) -> None:
    """Give a style our font and paragraph look, dropping theme fonts and colours."""
    rpr = style.element.get_or_add_rPr()
    for child in list(rpr):
        if child.tag in (qn("w:color"), qn("w:i"), qn("w:iCs"), qn("w:kern"), qn("w:spacing")):
            rpr.remove(child)
    _set_fonts(rpr)
    style.font.size = size
    style.font.bold = bold
    ppr = style.element.get_or_add_pPr()
    for child in list(ppr):
        if child.tag in (qn("w:pBdr"), qn("w:contextualSpacing")):
            ppr.remove(child)
    fmt = style.paragraph_format
    if align is not None:
        fmt.alignment = align
    if indent is not None:
        fmt.first_line_indent = indent
        fmt.left_indent = 0
    fmt.space_before = before or Pt(0)
    fmt.space_after = after or Pt(0)
    fmt.line_spacing = 1.0
    fmt.keep_with_next = keep or None


def _set_fonts(rpr: object) -> None:
    """Set Times New Roman for every script and remove theme font references."""
    fonts = rpr.find(qn("w:rFonts"))  # type: ignore[attr-defined]
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)  # type: ignore[attr-defined]
    for attribute in list(fonts.attrib):
        if attribute.endswith("Theme"):
            del fonts.attrib[attribute]
    for script in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{script}"), FONT)


def _set_child(parent: object, tag: str, attributes: dict[str, str]) -> None:
    element = parent.find(qn(tag))  # type: ignore[attr-defined]
    if element is None:
        element = OxmlElement(tag)
        parent.append(element)  # type: ignore[attr-defined]
    for name, value in attributes.items():
        element.set(qn(name), value)


def _fixed_layout(table: Table) -> None:
    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)


def _row_property(tr: object, tag: str) -> None:
    tr_pr = tr.get_or_add_trPr()  # type: ignore[attr-defined]
    element = OxmlElement(tag)
    tr_pr.append(element)
