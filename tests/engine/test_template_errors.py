"""A broken tag is reported with the file, the part, the paragraph and what is wrong."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from docgen.engine import compile_template
from docgen.errors import TemplateError


def _error(make_docx: Callable[..., bytes], **spec: object) -> str:
    with pytest.raises(TemplateError) as caught:
        compile_template(make_docx(**spec), name="план.docx")
    return str(caught.value)


def test_unclosed_loop_points_at_where_it_opens(make_docx: Callable[..., bytes]) -> None:
    message = _error(make_docx, body=["Начало", "{%p for e in events %}", "{{ e.title }}", "Конец"])
    assert message.startswith("план.docx, основной текст, абзац «{% for e in events %}»")
    assert "не закрыт" in message
    assert "{% endfor %}" in message


def test_stray_end_tag(make_docx: Callable[..., bytes]) -> None:
    message = _error(make_docx, body=["Текст {% endif %} дальше"])
    assert "абзац «Текст {% endif %} дальше»" in message
    assert "лишний тег «{% endif %}»" in message


def test_wrong_closing_tag_names_both_paragraphs(make_docx: Callable[..., bytes]) -> None:
    message = _error(make_docx, body=["{%p if paid %}", "Оплата", "{%p endfor %}"])
    assert "закрывает блок «{% if paid %}»" in message
    assert "парный тег — в абзаце «{% if paid %}»" in message


def test_unknown_filter_suggests_the_close_one(make_docx: Callable[..., bytes]) -> None:
    message = _error(make_docx, body=["в лице {{ signer|genitiv }}"])
    assert "абзац «в лице {{ signer|genitiv }}»" in message
    assert "нет фильтра «genitiv»; может быть, «genitive»?" in message


def test_smart_quotes_inside_a_tag_are_explained(make_docx: Callable[..., bytes]) -> None:
    message = _error(make_docx, body=["{{ days|with_noun(«день») }}"])
    assert "прямые кавычки" in message


def test_unclosed_expression(make_docx: Callable[..., bytes]) -> None:
    message = _error(make_docx, body=["Договор № {{ number }", "дальше"])
    assert "абзац «Договор № {{ number }" in message
    assert "закрывается двумя: }}" in message


def test_error_in_a_table_cell_quotes_the_cell(make_docx: Callable[..., bytes]) -> None:
    message = _error(make_docx, body=[[["ИНН", "{{ partner.inn | }}"]]])
    assert "абзац «{{ partner.inn | }}»" in message


def test_error_in_footer_names_the_footer(make_docx: Callable[..., bytes]) -> None:
    message = _error(make_docx, body=["Текст"], footer="Стр. {{ page + }}")
    assert message.startswith("план.docx, нижний колонтитул, абзац «Стр. {{ page + }}»")


def test_block_ends_at_different_depths_are_refused(make_docx: Callable[..., bytes]) -> None:
    message = _error(make_docx, body=["Если {% if x %} да", "{%p endif %}"])
    assert "на разных уровнях документа" in message
    assert "{%p" in message


def test_block_across_paragraphs_at_the_same_depth_is_fine(
    make_docx: Callable[..., bytes], read_docx: Callable[[bytes], dict[str, list[str]]]
) -> None:
    template = compile_template(make_docx(body=["А {% if x %}б", "в{% endif %} г"]))
    assert read_docx(template.render({"x": False}))["body"] == ["А  г"]
    assert read_docx(template.render({"x": True}))["body"] == ["А б", "в г"]


def test_file_that_is_not_a_docx(tmp_path: Path) -> None:
    path = tmp_path / "шаблон.docx"
    path.write_text("не zip")
    with pytest.raises(TemplateError, match="не документ Word"):
        compile_template(path)


def test_missing_template_file(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="не найден"):
        compile_template(tmp_path / "нет.docx")
