"""The CLI joins the year's data: the analysis takes its events, the letters their addressees."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner, Result
from docx import Document

from docgen.cli import cli

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
CENTRE = SAMPLES / "centre.yaml"
EVENTS = SAMPLES / "joint-events.xlsx"
NBSP = "\u00a0"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, [*args, "--centre", str(CENTRE)])


def paragraphs(path: Path) -> list[str]:
    return [paragraph.text for paragraph in Document(str(path)).paragraphs]


def test_render_the_analysis_with_the_years_events(tmp_path: Path) -> None:
    output = tmp_path / "анализ.docx"
    args = ["render", "method-report", str(SAMPLES / "method-report.yaml"), "-o", str(output)]
    result = run(*args, "--events", str(EVENTS))
    assert result.exit_code == 0, result.output
    [totals] = [text for text in paragraphs(output) if "учебном году проведено" in text]
    # 3 events of the centre's own (method-report.yaml) + the workbook's 160 joint events
    assert totals.startswith(
        f"В{NBSP}2025–2026 учебном году проведено 163{NBSP}мероприятия с{NBSP}общим охватом "
        f"13{NBSP}890{NBSP}чел., из{NBSP}них 160{NBSP}— совместно с{NBSP}социальными "
        f"партнёрами (27{NBSP}организаций) с{NBSP}охватом 12{NBSP}780{NBSP}чел.;"
    )
    alone = run(*args)
    assert alone.exit_code == 0, alone.output
    [own] = [text for text in paragraphs(output) if "учебном году проведено" in text]
    assert own == (
        f"В{NBSP}2025–2026 учебном году проведено 3{NBSP}мероприятия с{NBSP}общим охватом "
        f"1110{NBSP}чел."
    )


def test_events_of_another_year_are_refused(tmp_path: Path) -> None:
    workbook = tmp_path / "мероприятия.xlsx"
    book = openpyxl.load_workbook(EVENTS)
    sheet = book.active
    for (cell,) in sheet.iter_rows(min_row=3, max_col=1):
        if cell.value is not None:
            cell.value = cell.value.replace(year=cell.value.year - 3)
    book.save(workbook)
    output = tmp_path / "анализ.docx"
    data = SAMPLES / "method-report.yaml"
    result = run("render", "method-report", str(data), "-o", str(output), "--events", str(workbook))
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"ошибка: {workbook}: нет ни одного мероприятия 2025–2026 учебного года, а анализ "
        f"({data}) — за этот год: укажите таблицу мероприятий того же года"
    )
    assert not output.exists()


@pytest.mark.parametrize("template", ["contract", str(SAMPLES / "thanks-letter.docx")])
def test_events_belong_to_the_analysis_only(tmp_path: Path, template: str) -> None:
    data = REPO / "contracts" / "2026-002-museum.yaml"
    result = run("render", template, str(data), "-o", str(tmp_path / "x.docx"), "--events", "x")
    assert result.exit_code == 2
    assert "Ошибка: --events — только для шаблона method-report (анализ работы за год)" in (
        result.stderr
    )


def _letter(folder: Path, partner: str) -> tuple[str, list[str]]:
    """Return the addressee cell and the paragraphs of a partner's letter."""
    document = Document(str(folder / f"Отчёт {partner} 2025–2026.docx"))
    return document.tables[0].rows[0].cells[2].text, [p.text for p in document.paragraphs]


def test_annual_letters_are_addressed_to_the_heads_of_the_partners_file(tmp_path: Path) -> None:
    out = tmp_path / "отчёты"
    partners = SAMPLES / "partners.yaml"
    result = run("annual", str(EVENTS), "-o", str(out), "--jobs", "1", "--partners", str(partners))
    assert result.exit_code == 0, result.output
    addressee, text = _letter(out, "МБОУ «СОШ № 5»")
    assert addressee == f"Директору\nМБОУ «СОШ №{NBSP}5»\nПетровой{NBSP}М.С."
    assert "Уважаемая Мария Сергеевна!" in text
    # a partner without a card in the file: the letter goes to its head, unnamed
    addressee, text = _letter(out, "КДН и ЗП Администрации г. Бийска")
    assert addressee.startswith("Руководителю\nКДН")
    assert "Уважаемые коллеги!" in text


def test_a_bad_partners_file_stops_before_any_letter(tmp_path: Path) -> None:
    partners = tmp_path / "партнёры.yaml"
    partners.write_text("partners:\n  - key: x\n    type: музей\n", encoding="utf-8")
    out = tmp_path / "отчёты"
    result = run("annual", str(EVENTS), "-o", str(out), "--partners", str(partners))
    assert result.exit_code == 1
    assert str(partners) in result.stderr and "organisation" in result.stderr
    assert not out.exists() or not any(out.iterdir())
