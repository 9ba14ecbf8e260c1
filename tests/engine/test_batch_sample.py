"""The sample workbook of agreements: made by its script, and one contract per partner."""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import openpyxl
from click.testing import CliRunner
from docx import Document

from docgen.cli import cli

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "samples" / "agreements.xlsx"
SCRIPT = REPO / "samples" / "make_agreements.py"
CENTRE = REPO / "samples" / "centre.yaml"


def sheet_values(data: bytes) -> dict[str, list[tuple[Any, ...]]]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets}


def table(rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """Return the data rows below the header row (row 2) by header without «*»."""
    headers = [str(header).removesuffix(" *") for header in rows[1]]
    return [dict(zip(headers, row, strict=True)) for row in rows[2:] if any(row)]


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_agreements", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it runs
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    return module


def plain(text: str) -> str:
    return text.replace("\u00a0", " ")


def test_the_sample_workbook_is_what_its_script_makes() -> None:
    made = load_script().workbook_bytes()
    assert sheet_values(made) == sheet_values(SAMPLE.read_bytes())
    assert made == load_script().workbook_bytes()  # the same bytes every time


def test_batch_writes_one_contract_per_partner_of_the_sample(tmp_path: Path) -> None:
    sheets = sheet_values(SAMPLE.read_bytes())
    agreements = table(sheets["Договоры"])
    activities = table(sheets["План совместных мероприятий"])
    assert len(agreements) >= 12
    assert len({row["Тип учреждения"] for row in agreements}) == len(agreements)
    out = tmp_path / "договоры"
    result = CliRunner().invoke(
        cli, ["batch", "contract", str(SAMPLE), "-o", str(out), "--centre", str(CENTRE)]
    )
    assert result.exit_code == 0, result.output
    assert f"документов {len(agreements)} из {len(agreements)}" in result.output
    documents = sorted(out.glob("*.docx"))
    assert len(documents) == len(agreements)
    texts: dict[str, tuple[list[str], list[str]]] = {}
    for path in documents:
        document = Document(str(path))
        paragraphs = [plain(p.text) for p in document.paragraphs]
        cells = [plain(c.text) for t in document.tables for r in t.rows for c in r.cells]
        title = next(p for p in paragraphs if p.startswith("ДОГОВОР № "))
        texts[title.removeprefix("ДОГОВОР № ")] = (paragraphs, cells)
    assert sorted(texts) == sorted(row["Номер"] for row in agreements)
    for row in agreements:
        paragraphs, cells = texts[row["Номер"]]
        preamble = next(p for p in paragraphs if "с одной стороны, и " in p)
        partner = f"{row['Полное наименование']} ({row['Сокращённое наименование']})"
        assert f"с одной стороны, и {plain(partner)}, " in preamble
        planned = [a["Мероприятие"] for a in activities if a["Номер"] == row["Номер"]]
        assert 1 <= len(planned) <= 3
        assert all(plain(title) in cells for title in planned)
    for path in documents:  # each file is «created» on its own agreement's date
        document = Document(str(path))
        title = next(p.text for p in document.paragraphs if plain(p.text).startswith("ДОГОВОР № "))
        number = plain(title).removeprefix("ДОГОВОР № ")
        row = next(r for r in agreements if r["Номер"] == number)
        created = document.core_properties.created
        assert created is not None and created.date() == _day(row["Дата"])


def _day(value: Any) -> dt.date:
    """Return a workbook date cell (a date or «ДД.ММ.ГГГГ» text) as a date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.datetime.strptime(str(value), "%d.%m.%Y").date()
