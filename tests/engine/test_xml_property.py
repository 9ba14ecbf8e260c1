"""Any Unicode text, printed anywhere a tag can stand, gives well-formed parts and comes back
as the one rule of ``docgen.engine.xml_text`` says."""

from __future__ import annotations

import io

import pytest
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st
from xml_docs import content_control, docx, p, paragraphs, parsed_parts, t, table

from docgen.engine import CompiledTemplate, compile_template
from docgen.engine.properties import DocumentProperties
from docgen.engine.xml_text import clean_text, plain_text
from docgen.errors import TemplateError
from docgen.language.typography import typeset

AWKWARD = "&<>\"'\x00\x01\x07\x08\x0b\x0c\x0d\x1b\x7f\x80\x85\x9f\ud800\ufdd0\ufffe\uffff\t\n{}%#_"
TEXT = st.text(st.characters() | st.sampled_from(AWKWARD), max_size=30)
FIELDS = ("body", "cell", "header", "control", "hyperlink", "title")
_SEPARATOR = "—"


def splitting(value: str) -> list[str]:
    """Return the paragraphs ``[value]`` makes where a paragraph can split (body, cell, header)."""
    text = "[" + typeset(clean_text(value)) + "]"
    return text.replace("\f", "\a\f\a").split("\a")


def not_splitting(value: str, typeset_text: bool = True) -> str:
    """Return the text ``[value]`` makes where it cannot (content control, hyperlink, link).

    ``link()`` gives markup, which ``finalize`` cleans but does not typeset.
    """
    text = clean_text(value)
    text = typeset(text) if typeset_text else text
    return "[" + text.replace("\a", "\n").replace("\f", "\n") + "]"


def _template() -> CompiledTemplate:
    hyperlink = '<w:hyperlink w:anchor="top">' + t("[{{ hyperlink }}]") + "</w:hyperlink>"
    body = (
        p(t("[{{ body }}]"))
        + p(_SEPARATOR)
        + table([p(t("[{{ cell }}]"))])
        + p(_SEPARATOR)
        + p(content_control(t("[{{ control }}]")))
        + p(_SEPARATOR)
        + p(hyperlink)
    )
    return compile_template(docx(body, header="[{{ header }}]", title="{{ title }}"))


TEMPLATE = _template()


def _groups(texts: list[str]) -> list[list[str]]:
    groups: list[list[str]] = [[]]
    for text in texts:
        if text == _SEPARATOR:
            groups.append([])
        else:
            groups[-1].append(text)
    return groups


@settings(max_examples=200, deadline=None)
@given(values=st.fixed_dictionaries({name: TEXT for name in FIELDS}))
def test_any_text_anywhere_round_trips_under_the_rule(values: dict[str, str]) -> None:
    output = TEMPLATE.render(values)
    parsed_parts(output)  # every XML part well-formed
    body, cell, control, hyperlink = _groups(paragraphs(output))
    assert body == splitting(values["body"])
    assert cell == splitting(values["cell"])
    assert control == [not_splitting(values["control"])]
    assert hyperlink == [not_splitting(values["hyperlink"])]
    assert paragraphs(output, "word/header1.xml") == splitting(values["header"])
    title = Document(io.BytesIO(output)).core_properties.title
    assert title == plain_text(typeset(clean_text(values["title"])))


LINKED = compile_template(docx(p(t("[{{ link('https://пример.рф/?q=' ~ v, v) }}]"))))


@settings(max_examples=40, deadline=None)
@given(value=TEXT)
def test_any_text_in_a_link_round_trips(value: str) -> None:
    output = LINKED.render({"v": value})
    parts = parsed_parts(output)
    assert paragraphs(output) == [not_splitting(value, typeset_text=False)]
    rels = parts["word/_rels/document.xml.rels"]
    targets = [rel.get("Target", "") for rel in rels if rel.get("TargetMode") == "External"]
    assert targets and all(not any(ord(c) < 0x20 for c in target) for target in targets)


@pytest.mark.parametrize("value", ["звонок\x07", "лист\x0cдва", "\x0bстрока\r\n"])
def test_control_characters_in_a_property_are_cleaned_not_a_traceback(value: str) -> None:
    template = compile_template(docx(p("{{ x }}"), title="{{ x }}"))
    output = template.render({"x": value})
    assert Document(io.BytesIO(output)).core_properties.title == plain_text(value)


def test_control_characters_in_properties_from_data() -> None:
    template = compile_template(docx(p("{{ x }}")))
    output = template.render({"x": 1}, properties=DocumentProperties(title="a\x07b", author="\x0c"))
    properties = Document(io.BytesIO(output)).core_properties
    assert (properties.title, properties.author) == ("a\nb", "\n")


def test_damaged_template_zip_is_a_template_error() -> None:
    data = docx(p("{{ x }}"))
    with pytest.raises(TemplateError, match=r"шаблон\.docx: это не документ Word"):
        compile_template(data[: len(data) // 2], name="шаблон.docx")
