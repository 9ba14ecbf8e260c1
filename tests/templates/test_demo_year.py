"""The demo's year agrees with itself: the analysis, the events section and the letters."""

from __future__ import annotations

import io
import re
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from docx.text.paragraph import Paragraph

from docgen.catalog import BUILTINS, load_centre
from docgen.demo import JOINT_EVENTS, SAMPLE_CENTRE, DemoInput, render_annual, sample_data
from docgen.engine import CompiledTemplate
from docgen.engine.annual import report_with_events
from docgen.errors import InputError
from docgen.models import MethodReport
from docgen.sources import load_data, load_model
from tests.templates.conftest import plain

REPO = Path(__file__).resolve().parents[2]
REPORT = REPO / "samples" / "method-report.yaml"


def paragraphs(data: bytes | Path) -> list[str]:
    """Return the plain text of every body paragraph of a .docx."""
    source = io.BytesIO(data) if isinstance(data, bytes) else str(data)
    return [plain(paragraph.text) for paragraph in Document(source).paragraphs]


def number(text: str) -> int:
    """Return «12 780» as 12780."""
    return int(text.replace(" ", ""))


def grouped(value: int) -> str:
    """Return 12780 as «12 780»."""
    return f"{value:,}".replace(",", " ")


@pytest.fixture(scope="module")
def annual(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Render the demo's partner letters and events section once."""
    folder = tmp_path_factory.mktemp("annual")
    documents, _ = render_annual(folder, load_centre(SAMPLE_CENTRE))
    return documents


def workbook_totals() -> tuple[int, int, int]:
    """Return events, participants and partners of the sample workbook, read by openpyxl."""
    sheet = openpyxl.load_workbook(JOINT_EVENTS).active
    rows = [row for row in sheet.iter_rows(min_row=3, values_only=True) if row[0] is not None]
    return len(rows), sum(row[5] for row in rows), len({row[3] for row in rows})


def test_the_analysis_totals_are_the_events_sections(
    annual: list[Path], compiled: dict[str, CompiledTemplate]
) -> None:
    events, people, partners = workbook_totals()
    section = next(path for path in annual if path.name.startswith("Мероприятия"))
    intro = next(p for p in paragraphs(section) if "проведено" in p)
    found = re.search(r"\((\d+) организац\w*\) проведено (\d+) .*?участие ([\d ]+) человек", intro)
    assert found is not None, intro
    assert tuple(map(number, found.groups())) == (partners, events, people)

    entry = BUILTINS["method-report"]
    report = sample_data(DemoInput(entry, REPORT))
    context = entry.context(report, load_centre(SAMPLE_CENTRE))
    text = paragraphs(compiled["method-report"].render(context))
    sentence = next(p for p in text if "с общим охватом" in p)
    own = load_data(REPORT)["events_held"]
    coverage = sum(row["coverage"] for row in own) + people
    assert sentence.startswith(
        f"В 2025–2026 учебном году проведено {len(own) + events} мероприятия с общим охватом "
        f"{grouped(coverage)} чел., из них {events} — совместно с социальными партнёрами "
        f"({partners} организаций) с охватом {grouped(people)} чел.;"
    )
    assert "в разделе «Мероприятия, проведённые совместно с социальными партнёрами»" in sentence


def test_the_analysis_alone_speaks_of_its_own_events(
    compiled: dict[str, CompiledTemplate],
) -> None:
    entry = BUILTINS["method-report"]
    report = load_model(REPORT, MethodReport)
    context = entry.context(report, load_centre(SAMPLE_CENTRE))
    text = paragraphs(compiled["method-report"].render(context))
    sentence = next(p for p in text if "с общим охватом" in p)
    assert sentence == "В 2025–2026 учебном году проведено 3 мероприятия с общим охватом 1110 чел."


def test_a_workbook_of_another_year_is_named_with_the_analysis(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(JOINT_EVENTS)
    for (cell,) in book.active.iter_rows(min_row=3, max_col=1):
        if cell.value is not None:
            cell.value = cell.value.replace(year=cell.value.year + 1)
    later = tmp_path / "мероприятия.xlsx"
    book.save(later)
    report = load_model(REPORT, MethodReport)
    with pytest.raises(InputError, match=r"мероприятия.xlsx: нет ни одного мероприятия 2025–2026"):
        report_with_events(report, later, str(REPORT))


def test_the_letter_to_the_school_names_its_director(annual: list[Path]) -> None:
    letter = next(path for path in annual if path.name == "Отчёт МБОУ «СОШ № 5» 2025–2026.docx")
    document = Document(str(letter))
    addressee = plain(document.tables[0].rows[0].cells[-1].text)
    assert addressee == "Директору\nМБОУ «СОШ № 5»\nПетровой М.С."
    assert "Уважаемая Мария Сергеевна!" in paragraphs(letter)
    unknown = next(path for path in annual if "ОГИБДД" in path.name)
    assert plain(Document(str(unknown)).tables[0].rows[0].cells[-1].text).startswith(
        "Руководителю\n"
    )


def test_what_leads_into_a_table_stays_on_its_page(compiled: dict[str, CompiledTemplate]) -> None:
    entry = BUILTINS["method-report"]
    report = load_model(REPORT, MethodReport)
    rendered = compiled["method-report"].render(entry.context(report, load_centre(SAMPLE_CENTRE)))
    document = Document(io.BytesIO(rendered))
    body = document.paragraphs
    captions = [p for p in body if p.style.name == "Название таблицы"]
    assert len(captions) >= 10
    for caption in captions:
        element = caption._p.getprevious()
        if element.tag.endswith("}tbl"):  # a table right after another table's end
            continue
        before = Paragraph(element, caption._parent)
        keeps = (
            before.paragraph_format.keep_with_next or before.style.paragraph_format.keep_with_next
        )
        assert keeps, f"«{before.text[:60]}» before «{caption.text}» does not keep with it"
    for index, paragraph in enumerate(body[:-1]):
        if paragraph.style.name.startswith("Heading"):
            assert body[index + 1].text.strip(), f"«{paragraph.text}» is followed by nothing"
