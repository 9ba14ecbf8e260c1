"""A tag means what its author typed: XML entities are decoded before Jinja reads it."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st
from xml_docs import docx, p, paragraphs, parsed_parts, t

from docgen.engine import compile_template
from docgen.engine.xml_text import clean_text
from docgen.errors import TemplateError
from docgen.language.typography import typeset

_LITERAL = "{{ 'R&D' }} {% if a == 'A&B <c>' %}yes{% endif %} {{ a }}"
_PRINTED = "R&D yes " + typeset("A&B <c>")  # data is typeset (no-break spaces), as always


def test_entities_in_tags_everywhere(
    make_docx: Callable[..., bytes], read_docx: Callable[[bytes], dict[str, list[str]]]
) -> None:
    template = make_docx(
        body=[_LITERAL, [[_LITERAL]]],
        header=_LITERAL,
        footer=_LITERAL,
        footnotes=[_LITERAL.replace("&", "&amp;").replace("<", "&lt;")],
        title="{{ 'R&D' }} {% if a == 'A&B <c>' %}yes{% endif %}",
    )
    output = compile_template(template).render({"a": "A&B <c>"})
    parsed_parts(output)
    texts = read_docx(output)
    assert texts["body"] == [_PRINTED, _PRINTED]
    assert texts["header"] == texts["footer"] == texts["footnotes"] == [_PRINTED]
    assert Document(io.BytesIO(output)).core_properties.title == "R&D yes"


def test_entities_in_block_tags() -> None:
    body = p("{%p if a == 'A&B <c>' %}") + p("да") + p("{%p endif %}")
    template = compile_template(docx(body))
    assert paragraphs(template.render({"a": "A&B <c>"})) == ["да"]
    assert paragraphs(template.render({"a": "A&amp;B"})) == []


def test_typographic_quotes_delimit_strings_and_stay_inside_them() -> None:
    body = p("{{ “R&D” }}|{{ 'он сказал “да”, don’t' }}|{{ ‘x’ }}")
    assert paragraphs(compile_template(docx(body)).render({})) == [
        "R&D|он\u00a0сказал “да”, don’t|x"
    ]


_TYPED = st.text(
    st.characters(
        blacklist_categories=("Cs",),
        blacklist_characters="'\\\ufffe\uffff",
        min_codepoint=0x20,
    ),
    max_size=30,
).filter(lambda text: not any(mark in text for mark in ("{{", "}}", "{%", "%}", "{#", "#}")))


@settings(max_examples=150, deadline=None)
@given(typed=_TYPED)
def test_any_text_in_a_string_literal_prints_back(typed: str) -> None:
    """What is typed between the quotes prints as typed (then cleaned and typeset, as data)."""
    output = compile_template(docx(p(t("[{{ '" + typed + "' }}]")))).render({})
    assert paragraphs(output) == ["[" + typeset(clean_text(typed)) + "]"]


def test_an_error_quotes_a_tag_with_markup_characters_as_typed() -> None:
    with pytest.raises(TemplateError) as caught:
        compile_template(docx(p("Если {% if a < 'x&y' %}да{% endif %} и {{ b | }}")), name="т.docx")
    assert "абзац «Если {% if a < 'x&y' %}да{% endif %} и {{ b | }}»" in str(caught.value)
