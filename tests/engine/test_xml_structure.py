"""Block tags find their paragraph, row and cell as Word nests them, never breaking the XML."""

from __future__ import annotations

import pytest
from docxtpl import RichText
from xml_docs import (
    BODY_PART,
    W,
    content_control,
    docx,
    drawing_text_box,
    p,
    paragraphs,
    parsed_parts,
    t,
    table,
    vml_text_box,
)

from docgen.engine import compile_template
from docgen.errors import TemplateError

_IF_BODY = p("{%p if show %}") + p("Body") + p("{%p endif %}") + p("Конец")


def _render(body: str, context: dict[str, object]) -> bytes:
    output = compile_template(docx(body), name="шаблон.docx").render(context)
    parsed_parts(output)  # every part well-formed, without lxml's «recover»
    return output


def _section_is_last_in_body(output: bytes) -> bool:
    body = parsed_parts(output)[BODY_PART].find(f"{W}body")
    return body is not None and body[-1].tag == f"{W}sectPr"


@pytest.mark.parametrize("box", [vml_text_box, drawing_text_box], ids=["vml", "drawingml"])
@pytest.mark.parametrize("show", [True, False])
def test_paragraph_block_after_a_text_box(box: object, show: bool) -> None:
    text_box = box(p("В рамке {{ x }}"))  # type: ignore[operator]
    output = _render(p("До рамки", text_box) + _IF_BODY, {"x": "X", "show": show})
    texts = paragraphs(output)
    assert ("Body" in texts) is show
    assert "В рамке X" in texts
    assert texts[-1] == "Конец"
    assert _section_is_last_in_body(output)  # the body was not moved into the text box


@pytest.mark.parametrize("box", [vml_text_box, drawing_text_box], ids=["vml", "drawingml"])
def test_paragraph_blocks_inside_a_text_box(box: object) -> None:
    inside = (p("{%p for name in names %}"), p("— {{ name }}"), p("{%p endfor %}"))
    body = p(box(*inside), "Под рамкой") + p("Текст")  # type: ignore[operator]
    texts = paragraphs(_render(body, {"names": ["Анна", "Борис"]}))
    assert texts.count("— Анна") == texts.count("— Борис") >= 1
    assert "Под рамкой" in texts and texts[-1] == "Текст"


def test_row_loops_in_a_nested_table() -> None:
    members = table([p("{%tr for m in g.members %}")], [p("{{ m }}")], [p("{%tr endfor %}")])
    outer = table(
        [p("{%tr for g in groups %}"), ""],
        [p("{{ g.name }}"), members + p()],
        [p("{%tr endfor %}"), ""],
    )
    groups = [{"name": "Кружок", "members": ["Аня", "Боря"]}, {"name": "Секция", "members": []}]
    output = _render(p("Списки") + outer, {"groups": groups})
    texts = [text for text in paragraphs(output) if text]
    assert texts == ["Списки", "Кружок", "Аня", "Боря", "Секция"]
    tables = list(parsed_parts(output)[BODY_PART].iter(f"{W}tbl"))
    assert len(tables) == 3  # the outer table and one nested table per group


def test_row_tag_after_a_nested_table_in_its_cell_is_refused() -> None:
    nested = table([p("вложенная")])
    body = table([nested + p("{%tr for i in items %}")], [p("{{ i }}")], [p("{%tr endfor %}")])
    with pytest.raises(TemplateError) as caught:
        compile_template(docx(body), name="шаблон.docx")
    message = str(caught.value)
    assert "строка таблицы «вложенная {%tr for i in items %}»" in message
    assert "текст «вложенная»" in message


def test_cell_tags_with_a_nested_table_elsewhere_in_the_table() -> None:
    nested = table([p("{{ note }}")])
    body = table(
        [p("Имя"), p("{%tc for d in days %}"), p("{{ d }}"), p("{%tc endfor %}")],
        [p("Заметка"), nested + p(), "", ""],
    )
    texts = [
        text for text in paragraphs(_render(body, {"days": ["пн", "вт"], "note": "N"})) if text
    ]
    assert texts == ["Имя", "пн", "вт", "Заметка", "N"]


def test_blocks_inside_a_content_control() -> None:
    inside = content_control(
        p("{%p if show %}"), p("в поле {{ v }}"), p("{%p endif %}"), block=True
    )
    for show in (True, False):
        texts = paragraphs(_render(p("До") + inside + p("После"), {"v": "V", "show": show}))
        assert texts == (["До", "в поле V", "После"] if show else ["До", "После"])


def test_row_blocks_around_a_content_control_in_a_cell() -> None:
    cell = content_control(p("{{ r }}"), block=True)
    body = table([p("{%tr for r in rows %}")], [cell], [p("{%tr endfor %}")])
    texts = [text for text in paragraphs(_render(body, {"rows": ["один", "два"]})) if text]
    assert texts == ["один", "два"]


def test_blocks_around_fields() -> None:
    simple = '<w:fldSimple w:instr=" PAGE "><w:r><w:t>{{ page }}</w:t></w:r></w:fldSimple>'
    complex_field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">'
        ' DATE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + t("{{ date }}")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    body = p("{%p if show %}") + p("Стр. ", simple) + p("Дата: ", complex_field) + p("{%p endif %}")
    texts = paragraphs(_render(body, {"show": True, "page": "1", "date": "01.02.2026"}))
    assert texts == ["Стр. 1", "Дата: 01.02.2026"]
    assert paragraphs(_render(body + p("x"), {"show": False})) == ["x"]


@pytest.mark.parametrize("value", ["a\fb", "a\ab", "a\x07\x0cb", "a\x0bb\x1bc"])
@pytest.mark.parametrize(
    "wrap",
    [
        lambda run: p("Поле: ", content_control(run), "<w:r><w:drawing/></w:r>"),
        lambda run: p('<w:hyperlink w:anchor="x">' + run + "</w:hyperlink>"),
        lambda run: p('<w:smartTag w:uri="u" w:element="e">' + run + "</w:smartTag>"),
        lambda run: p('<w:fldSimple w:instr=" PAGE ">' + run + "</w:fldSimple>"),
    ],
    ids=["content-control", "hyperlink", "smart-tag", "field"],
)
def test_breaks_in_data_where_a_paragraph_cannot_split(value: str, wrap: object) -> None:
    """Where a paragraph cannot be split, «\\a» and «\\f» are a line break (``xml_text``)."""
    output = _render(wrap(t("[{{ v }}]")), {"v": value})  # type: ignore[operator]
    expected = "[" + value.replace("\a", "\n").replace("\f", "\n").replace("\x0b", "\n")
    assert paragraphs(output)[0].endswith(expected.replace("\x1b", "") + "]")


def test_breaks_in_data_in_a_text_box_paragraph_split_it() -> None:
    output = _render(p(vml_text_box(p("[{{ v }}]")), "после"), {"v": "а\aб\fв"})
    texts = paragraphs(output)
    assert texts[1:] == ["[а", "б", "\f", "в]"]  # the outer paragraph, then the text box's
    assert _section_is_last_in_body(output)


@pytest.mark.parametrize("box", [vml_text_box, drawing_text_box], ids=["vml", "drawingml"])
def test_paragraph_tag_before_a_text_box_in_its_paragraph_is_refused(box: object) -> None:
    """The text box would vanish with the paragraph (docxtpl cut the XML in two here)."""
    body = p("{%p if show %}", box(p("В рамке"))) + p("Body") + p("{%p endif %}")  # type: ignore[operator]
    with pytest.raises(TemplateError, match="рядом с ним стоит текст «В рамке»"):
        compile_template(docx(body), name="шаблон.docx")


def test_row_tag_before_a_cell_with_a_nested_table() -> None:
    """The row is found by the tree: the nested table's rows are not the tag's row."""
    empty_nested = table([p()])
    body = table(
        [p("{%tr for i in items %}"), empty_nested + p()],
        [p("{{ i }}"), p("·")],
        [p("{%tr endfor %}"), ""],
    )
    texts = [text for text in paragraphs(_render(body, {"items": ["а", "б"]})) if text]
    assert texts == ["а", "·", "б", "·"]
    with_text = body.replace("<w:tc><w:tbl>", "<w:tc>" + p("Итог") + "<w:tbl>", 1)
    with pytest.raises(TemplateError, match="стоит текст «Итог»"):
        compile_template(docx(with_text), name="шаблон.docx")


def test_run_tags_replace_their_run_and_keep_the_text_beside() -> None:
    body = p("До {{r bold }} после {{r italic }}!") + p("x{%r if show %}y{%r endif %}z")
    context = {"bold": RichText("жирный", bold=True), "italic": RichText("а\aб", italic=True)}
    output = _render(body, {**context, "show": False})
    assert paragraphs(output) == ["До жирный после а", "б!", "xz"]
    bold = parsed_parts(output)[BODY_PART].find(f".//{W}r/{W}rPr/{W}b/../..")
    assert bold is not None and bold.findtext(f"{W}t") == "жирный"
