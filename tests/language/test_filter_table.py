"""The filter table (later README's copy) is true: every example renders to its result."""

from __future__ import annotations

import datetime as dt
import html
import re
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

from docgen.language.filters import FILTERS
from tests.language.stand_ins import Organisation, Person, Signer, render

TABLE = Path(__file__).resolve().parents[2] / "README.md"
"""The Markdown file holding the table; point it at README.md once the table lives there."""

_CELL_SPLIT = re.compile(r"(?<!\\)\|")


# The data the table's preface describes.
CONTEXT = {
    "partner": SimpleNamespace(
        signer=Signer(Person("Петрова", "Мария", "Сергеевна"), "директор"),
        organisation=Organisation(
            "Муниципальное бюджетное общеобразовательное учреждение "
            "«Средняя общеобразовательная школа № 5»",
            "МБОУ «СОШ № 5»",
        ),
    ),
    "agreement": SimpleNamespace(date=dt.date(2026, 11, 26), sum=Decimal("1234.56")),
}


def _cells(line: str) -> list[str]:
    """Split one Markdown table row into cells, honouring escaped pipes (``\\|``)."""
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [cell.strip().replace("\\|", "|") for cell in _CELL_SPLIT.split(inner)]


def _unquote(cell: str) -> str:
    """Return a cell's text without surrounding backticks, with HTML entities decoded."""
    if len(cell) >= 2 and cell.startswith("`") and cell.endswith("`"):
        return cell[1:-1]
    return html.unescape(cell)


def filter_rows(markdown: str) -> list[tuple[str, str, str]]:
    """Return (filter, template, result) of every row of the table headed «filter | …»."""
    rows: list[tuple[str, str, str]] = []
    in_table = False
    for line in markdown.splitlines():
        if not line.strip().startswith("|"):
            in_table = False
            continue
        cells = _cells(line)
        if not in_table:
            header = [cell.lower() for cell in cells]
            in_table = len(header) >= 4 and header[0] in ("filter", "фильтр")
            continue
        if set("".join(cells)) <= set("-: "):
            continue  # the separator row
        rows.append((_unquote(cells[0]), _unquote(cells[2]), _unquote(cells[3])))
    return rows


def test_parser_reads_escaped_pipes_and_entities() -> None:
    markdown = (
        "| filter | what | example | result |\n"
        "|---|---|---|---|\n"
        "| `a` | x | `{{ 1 \\| b }}` | 1&nbsp;2 |\n"
        "\n| other | table |\n|---|---|\n| `x` | y |\n"
    )
    assert filter_rows(markdown) == [("a", "{{ 1 | b }}", "1\u00a02")]


def test_every_example_renders_to_its_result() -> None:
    rows = filter_rows(TABLE.read_text(encoding="utf-8"))
    wrong = []
    for name, template, expected in rows:
        assert re.search(rf"\|\s*{name}\b", template), f"the example of {name} does not use it"
        got = render(template, **CONTEXT)
        if got != expected:
            wrong.append(f"{name}: {template} → {got!r}, table says {expected!r}")
    assert not wrong, "\n".join(wrong)


def test_the_table_lists_every_filter_once() -> None:
    names = [name for name, _, _ in filter_rows(TABLE.read_text(encoding="utf-8"))]
    assert sorted(names) == sorted(FILTERS)
