"""Text beside a {%p %}, {%tr %} or {%tc %} tag is an error that says where and how to fix it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from xml_docs import docx, p, paragraphs, read_members, table, vml_text_box

from docgen.cli import cli
from docgen.engine import compile_template
from docgen.engine.package import read_members as engine_members
from docgen.engine.parts import text_beside_problems
from docgen.errors import TemplateError


def _error(body: str) -> str:
    with pytest.raises(TemplateError) as caught:
        compile_template(docx(body), name="грамота.docx")
    return str(caught.value)


def test_text_beside_a_paragraph_tag() -> None:
    message = _error(p("Награждается {%p if winner %}") + p("{{ name }}") + p("{%p endif %}"))
    assert message.startswith("грамота.docx, основной текст, абзац «Награждается {%p if winner %}»")
    assert "стоит текст «Награждается»" in message
    assert "Перенесите тег {%p if winner %} в отдельный абзац" in message


def test_text_beside_a_row_tag_in_another_cell() -> None:
    body = table(
        [p("{%tr for r in rows %}"), p("Итого")], [p("{{ r }}"), ""], [p("{%tr endfor %}"), ""]
    )
    message = _error(body)
    assert "строка таблицы «{%tr for r in rows %} Итого»" in message
    assert "стоит текст «Итого»" in message
    assert "в отдельную строку таблицы" in message


def test_text_beside_a_cell_tag() -> None:
    message = _error(table([p("Дни: {%tc for d in days %}"), p("{{ d }}"), p("{%tc endfor %}")]))
    assert "ячейка таблицы «Дни: {%tc for d in days %}»" in message
    assert "в отдельную ячейку" in message


def test_two_block_tags_in_one_paragraph() -> None:
    message = _error(p("{%p if a %}{%p endif %}"))
    assert "стоит текст «{%p endif %}»" in message


def test_a_picture_beside_a_paragraph_tag() -> None:
    message = _error(p(vml_text_box(p()), "{%p if a %}") + p("x") + p("{%p endif %}"))
    assert "рисунок или надпись" in message


def test_spaces_beside_a_tag_are_fine() -> None:
    body = p("  {%p if a %} ") + p("да") + p("{%p endif %}")
    assert paragraphs(compile_template(docx(body)).render({"a": True})) == ["да"]


def test_every_problem_is_listed_for_check() -> None:
    body = p("А {%p if a %}") + p("{%p endif %} Б") + table([p("{%tr for r in rows %}"), p("В")])
    data = docx(body)
    assert read_members(data)  # a real package
    problems = text_beside_problems(
        {member.name: member for member in engine_members(data, "грамота.docx")}, "грамота.docx"
    )
    assert len(problems) == 3
    assert ["«А»" in problems[0], "«Б»" in problems[1], "«В»" in problems[2]] == [True] * 3


def test_check_lists_every_problem_of_a_users_template(tmp_path: Path) -> None:
    template = tmp_path / "грамота.docx"
    body = p("А {%p if a %}") + p("{%p endif %} Б") + table([p("{%tr for r in rows %}"), p("В")])
    template.write_bytes(docx(body + p("{{ name }}")))
    result = CliRunner().invoke(cli, ["check", str(template)])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert (
        lines[0] == f"ошибка: {template}: текст рядом с тегами {{%p %}}, {{%tr %}}, {{%tc %}} (3):"
    )
    assert [line.split(":")[0] for line in lines[1:]] == [
        "  основной текст, абзац «А {%p if a %}»",
        "  основной текст, абзац «{%p endif %} Б»",
        "  основной текст, строка таблицы «{%tr for r in rows %} В»",
    ]
    assert "стоит текст «В»" in lines[3] and "в отдельную строку таблицы" in lines[3]


def test_check_of_one_problem_gives_the_compile_message(tmp_path: Path) -> None:
    template = tmp_path / "грамота.docx"
    template.write_bytes(docx(p("Награждается {%p if winner %}") + p("x") + p("{%p endif %}")))
    result = CliRunner().invoke(cli, ["check", str(template)])
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"ошибка: {template}, основной текст, абзац «Награждается {{%p if winner %}}»"
    )
    fixed = tmp_path / "исправлено.docx"
    fixed.write_bytes(docx(p("Награждается") + p("{%p if winner %}") + p("x") + p("{%p endif %}")))
    assert CliRunner().invoke(cli, ["check", str(fixed)]).exit_code == 0
