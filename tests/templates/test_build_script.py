"""templates/build.py rebuilds the four templates, laid out after ГОСТ Р 7.0.97-2016."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Length, Pt

from docgen.catalog import BUILTINS, load_centre
from docgen.engine import check_template, compile_template
from docgen.models import Agreement
from docgen.sources import load_model
from tests.templates.conftest import plain

REPO = Path(__file__).resolve().parents[2]


def test_build_script_writes_templates_that_compile_and_render(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "templates" / "build.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    built = sorted(path.name for path in tmp_path.glob("*.docx"))
    assert built == sorted(f"{template_id}.docx" for template_id in BUILTINS)
    for template_id, entry in BUILTINS.items():
        compiled = compile_template(tmp_path / f"{template_id}.docx")
        assert {u.path for u in compiled.fields()} == {u.path for u in entry.compile().fields()}
    contract = compile_template(tmp_path / "contract.docx")
    assert check_template(contract, BUILTINS["contract"].context_model()) == []
    agreement = load_model(REPO / "contracts" / "2026-003-sports-school.yaml", Agreement)
    context = BUILTINS["contract"].context(agreement, load_centre(REPO / "samples/centre.yaml"))
    rendered = Document(io.BytesIO(contract.render(context)))
    text = "\n".join(plain(p.text) for p in rendered.paragraphs)
    assert "в лице исполняющего обязанности директора Ковальчука Дмитрия Олеговича" in text


@pytest.mark.parametrize("template_id", list(BUILTINS))
def test_page_styles_and_page_numbers(template_id: str) -> None:
    document = Document(str(BUILTINS[template_id].path))
    section = document.sections[0]
    landscape = template_id == "plan"
    assert section.orientation == (WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT)
    assert {_mm(section.page_width), _mm(section.page_height)} == {210, 297}
    assert (_mm(section.left_margin), _mm(section.right_margin)) == (30, 15)
    assert (_mm(section.top_margin), _mm(section.bottom_margin)) == (20, 20)
    normal = document.styles["Normal"]
    assert _mm(normal.paragraph_format.first_line_indent * 10) == 125
    assert normal.font.name == "Times New Roman"
    assert normal.font.size == Pt(14)
    assert normal.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert document.styles["Текст таблицы"].font.size == Pt(12)
    heading = document.styles["Heading 1"]
    assert heading.font.bold and heading.font.size == Pt(14)
    assert heading.font.color.rgb is None, "headings are black, not the theme's blue"
    assert section.different_first_page_header_footer
    assert 'w:instr=" PAGE "' in section.header._element.xml
    assert all(table.style.name in ("Table Grid", "Normal Table") for table in document.tables)


def _mm(length: Length | None) -> int:
    """Return a length in whole millimetres (Word stores twentieths of a point)."""
    assert length is not None
    return round(Length(length).mm)
