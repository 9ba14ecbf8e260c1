"""A user's template gets a workbook with one column per variable, read back like a model's."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
from click.testing import CliRunner

from docgen.cli import cli
from docgen.sources.workbook.read import load_workbook_models
from docgen.sources.workbook.template import Variable, template_model, template_variables
from docgen.sources.workbook.write import write_input_workbook

VARIABLES = [
    Variable(("number",), "Договор № {{ number }}"),
    Variable(("partner",), "{{ partner }}"),
    Variable(("partner", "short_name"), "с {{ partner.short_name }}"),
    Variable(("partner", "inn"), "ИНН {{ partner.inn }}"),
    Variable(("activities", "[]", "title"), "{{ a.title }}"),
    Variable(("activities", "[]", "dates"), "{{ a.dates }}"),
    Variable(("tasks", "[]"), "{{ t }}"),
    Variable(("ФИО",), "{%p if ФИО %}Уважаемый {{ ФИО }}!"),
    Variable(("forms", "*"), "{{ forms[k] }}"),
    Variable(("a", "[]", "b", "[]", "c"), "{{ c }}"),
]


def test_only_usable_leaf_variables_become_columns() -> None:
    kept = [variable.path for variable in template_variables(VARIABLES)]
    assert kept == [
        ("number",),
        ("partner", "short_name"),
        ("partner", "inn"),
        ("activities", "[]", "title"),
        ("activities", "[]", "dates"),
        ("tasks", "[]"),
        ("ФИО",),
    ]


def test_template_workbook_round_trips(tmp_path: Path) -> None:
    model = template_model(VARIABLES)
    path = tmp_path / "input.xlsx"
    write_input_workbook(model, path)
    book = openpyxl.load_workbook(path)
    data, items = book["Данные"], book["activities"]
    headers = [cell.value for cell in data[2]]
    assert headers == ["number *", "partner.short_name *", "partner.inn *", "tasks", "ФИО"]
    assert data.column_dimensions["C"].number_format == "@"
    assert "{{ partner.inn }}" in data["C2"].comment.text
    assert [cell.value for cell in items[2]] == ["number *", "title *", "dates *"]
    data.append(["СП-1", "МБУК «ЦБС»", 2204030991, "первая\nвторая", "Орлова Нина Викторовна"])
    data.append(["СП-2", "МБОУ «СОШ № 5»", "2204021669", None, None])
    items.append(["СП-2", "Экскурсия", "октябрь"])
    items.append([None, "Концерт", "май"])
    book.save(path)
    first, second = load_workbook_models(path, model)[0]
    assert first.model_dump() == {
        "number": "СП-1",
        "partner": {"short_name": "МБУК «ЦБС»", "inn": "2204030991"},
        "activities": [],
        "tasks": ["первая", "вторая"],
        "ФИО": "Орлова Нина Викторовна",
    }
    dumped = second.model_dump()
    assert dumped["activities"] == [
        {"title": "Экскурсия", "dates": "октябрь"},
        {"title": "Концерт", "dates": "май"},
    ]
    assert dumped["ФИО"] is None and dumped["tasks"] == []


def test_cli_sheet_from_a_template_has_a_column_per_variable(tmp_path: Path) -> None:
    template = tmp_path / "письмо.docx"
    document = docx.Document()
    document.add_paragraph(
        "Договор № {{ number }} с {{ partner.short_name }}, ИНН {{ partner.inn }}"
    )
    document.add_paragraph("{% for a in activities %}{{ a.title }}: {{ a.dates }}{% endfor %}")
    document.add_paragraph("Уважаемый {{ ФИО }}!")
    document.save(template)
    output = tmp_path / "input.xlsx"
    result = CliRunner().invoke(cli, ["sheet", str(template), "-o", str(output)])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(output)
    data, items = book["Данные"], book["activities"]
    headers = ["number *", "partner.short_name *", "partner.inn *", "ФИО *"]
    assert [c.value for c in data[2]] == headers
    assert "ИНН {{ partner.inn }}" in data["C2"].comment.text
    assert "Обязательный столбец" in data["D2"].comment.text
    assert [c.value for c in items[2]] == ["number *", "title *", "dates *"]
