"""Any text in any field gives a file Word can open, with the text as given."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable

from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from docgen.engine import CompiledTemplate, compile_template
from docgen.engine.jinja_env import clean_text
from docgen.language.typography import typeset

FIELDS = ("body", "cell", "header", "footer")
AWKWARD = "&<>\"'\x00\x01\x07\x08\x0b\x0c\x0d\x1b\x7f\x85\ufffe\uffff\t\n😀👩‍👧{}%#"
TEXT = st.text(st.characters(codec="utf-8") | st.sampled_from(AWKWARD), max_size=40)


def _template(make_docx: Callable[..., bytes]) -> CompiledTemplate:
    return compile_template(
        make_docx(
            body=["[{{ body }}]", [["[{{ cell }}]"]]],
            header="[{{ header }}]",
            footer="[{{ footer }}]",
        )
    )


def expected_paragraphs(value: str) -> str:
    """Return the field's text as python-docx reads it back, paragraphs joined by «\\a».

    Control characters are removed and line ends made «\\n» (``clean_text``), then the text
    is typeset (no-break spaces, ``typeset``) as ``finalize`` does; as in docxtpl,
    «\\a» starts a new paragraph and «\\f» puts a page break in a paragraph of its own.
    """
    return "[" + typeset(clean_text(value)).replace("\f", "\a\a") + "]"


def _field_texts(data: bytes) -> dict[str, str]:
    document = Document(io.BytesIO(data))
    body = [p.text for p in document.paragraphs]
    cell = document.tables[0].cell(0, 0)
    section = document.sections[0]
    return {
        "body": "\a".join(body),
        "cell": "\a".join(p.text for p in cell.paragraphs),
        "header": "\a".join(p.text for p in section.header.paragraphs),
        "footer": "\a".join(p.text for p in section.footer.paragraphs),
    }


def _all_parts_are_xml(data: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(archive.read(name))  # raises on anything Word would refuse


@settings(max_examples=150, deadline=None)
@given(values=st.fixed_dictionaries({name: TEXT for name in FIELDS}))
def test_any_text_in_any_field_renders_and_reads_back(
    make_docx: Callable[..., bytes], values: dict[str, str]
) -> None:
    data = _template(make_docx).render(values)
    _all_parts_are_xml(data)
    texts = _field_texts(data)
    for name in FIELDS:
        assert texts[name] == expected_paragraphs(values[name]), name


def test_markup_characters_are_escaped_not_interpreted(make_docx: Callable[..., bytes]) -> None:
    value = '</w:t></w:r><w:r><w:t>взлом & <b>"</b>'
    data = _template(make_docx).render(dict.fromkeys(FIELDS, value))
    _all_parts_are_xml(data)
    assert _field_texts(data)["body"] == f"[{value}]"


def test_control_characters_are_removed_and_line_ends_become_breaks(
    make_docx: Callable[..., bytes],
) -> None:
    values = dict.fromkeys(FIELDS, "а\x00б\x1bв\r\nг\rд\x0bе\ufffeё")
    texts = _field_texts(_template(make_docx).render(values))
    assert texts["body"] == "[абв\nг\nд\nеё]"


def test_clean_text_keeps_ordinary_text_as_the_same_object() -> None:
    text = "Обычный текст — с «кавычками» и emoji 😀"
    assert clean_text(text) is text
    assert re.fullmatch(r"ab", clean_text("a\x00b"))
