"""Build small .docx templates in memory and read documents back as text.

``make_docx(body=[...], header=..., footer=..., footnotes=[...])`` takes body items:
a string is a paragraph, a tuple of strings is one paragraph of several runs (a tag split
across runs, as Word often saves it), a list of rows is a table (a cell is a string or a
list of paragraph strings).
"""

from __future__ import annotations

import html
import io
import re
import sys
import zipfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import jinja2
import pytest
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from docxtpl import DocxTemplate

from docgen.language.filters import FILTERS

# helper modules beside this file (xml_docs.py) are imported by name: --import-mode=importlib
# puts no test folder on the path by itself
sys.path.insert(0, str(Path(__file__).parent))

Cell = str | list[str]
BodyItem = str | tuple[str, ...] | list[list[Cell]]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_SEPARATORS = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
    "</w:r></w:p></w:footnote>"
)


def build_docx(
    body: Sequence[BodyItem] = (),
    header: str | None = None,
    footer: str | None = None,
    footnotes: Sequence[str] = (),
    title: str | None = None,
) -> bytes:
    """Return the bytes of a .docx with the given body, header, footer and footnotes."""
    document = Document()
    for item in body:
        if isinstance(item, str):
            document.add_paragraph(item)
        elif isinstance(item, tuple):
            paragraph = document.add_paragraph()
            for text in item:
                paragraph.add_run(text)
        else:
            _add_table(document, item)
    section = document.sections[0]
    if header is not None:
        section.header.paragraphs[0].text = header
    if footer is not None:
        section.footer.paragraphs[0].text = footer
    if title is not None:
        document.core_properties.title = title
    if footnotes:
        _add_footnotes(document, footnotes)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _add_table(document: Any, rows: list[list[Cell]]) -> None:
    table = document.add_table(rows=len(rows), cols=max(len(row) for row in rows))
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, content in zip(row.cells, cells, strict=False):
            texts = [content] if isinstance(content, str) else content
            cell.paragraphs[0].text = texts[0]
            for text in texts[1:]:
                cell.add_paragraph(text)


def _add_footnotes(document: Any, notes: Sequence[str]) -> None:
    items = "".join(
        f'<w:footnote w:id="{number}"><w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r>'
        "</w:p></w:footnote>"
        for number, text in enumerate(notes, start=1)
    )
    xml = f'<w:footnotes xmlns:w="{_W}">{_SEPARATORS}{items}</w:footnotes>'
    part = Part(
        PackURI("/word/footnotes.xml"), _FOOTNOTES_TYPE, xml.encode(), document.part.package
    )
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)


def docx_text(data: bytes) -> dict[str, list[str]]:
    """Return a document's text: body paragraphs and table rows, header, footer, footnotes.

    A table row is its cells joined by « | »; a cell's paragraphs are joined by «\\a».
    """
    document = Document(io.BytesIO(data))
    body: list[str] = []
    for block in document.element.body.iterchildren():
        if block.tag == qn("w:p"):
            body.append(Paragraph(block, document).text)
        elif block.tag == qn("w:tbl"):
            body.extend(_row_text(row) for row in Table(block, document).rows)
    section = document.sections[0]
    return {
        "body": body,
        "header": [p.text for p in section.header.paragraphs],
        "footer": [p.text for p in section.footer.paragraphs],
        "footnotes": footnote_texts(data),
    }


def _row_text(row: Any) -> str:
    return " | ".join("\a".join(p.text for p in cell.paragraphs) for cell in row.cells)


def footnote_texts(data: bytes) -> list[str]:
    """Return the text of each footnote of a document (none if it has no footnotes part)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if "word/footnotes.xml" not in archive.namelist():
            return []
        xml = archive.read("word/footnotes.xml").decode("utf-8")
    notes = re.findall(r"<w:footnote [^>]*w:id=\"[1-9]\d*\"[^>]*>(.*?)</w:footnote>", xml, re.S)
    texts = ("".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", note)) for note in notes)
    return [html.unescape(text) for text in texts]


def docxtpl_render(template: bytes, context: Mapping[str, Any]) -> bytes:
    """Render with docxtpl itself (escaping on, our filters), the way docxtpl users do."""
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    env.filters.update(FILTERS)
    document = DocxTemplate(io.BytesIO(template))
    document.render(dict(context), jinja_env=env)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="session")
def make_docx() -> Callable[..., bytes]:
    """Return the template builder (see the module docstring)."""
    return build_docx


@pytest.fixture(scope="session")
def read_docx() -> Callable[[bytes], dict[str, list[str]]]:
    """Return the reader of a document's text."""
    return docx_text


@pytest.fixture(scope="session")
def render_docxtpl() -> Callable[[bytes, Mapping[str, Any]], bytes]:
    """Return docxtpl's own rendering, for comparison."""
    return docxtpl_render
