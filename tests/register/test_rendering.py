"""``register render``: the built-in contract template, the files written and their journal."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from docgen import catalog
from docgen.cli import cli
from docgen.models import Centre
from docgen.register import Register, import_files, journal_entries
from docgen.register.rendering import render_agreement
from docgen.sources import load_model

REPO = Path(__file__).resolve().parents[2]
CENTRE = REPO / "samples" / "centre.yaml"
WHEN = dt.datetime(2026, 9, 1, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Put a small ``contract.docx`` where the catalog looks for built-in templates."""
    folder = tmp_path / "templates"
    folder.mkdir()
    document = Document()
    document.add_paragraph(
        "Договор № {{ agreement.number }}: {{ centre.organisation.short_name }} и "
        "{{ partner.organisation.short_name }}"
    )
    document.save(str(folder / "contract.docx"))
    monkeypatch.setattr(catalog, "TEMPLATES_DIR", folder)
    return folder


def texts(path: Path) -> list[str]:
    return [paragraph.text for paragraph in Document(str(path)).paragraphs]


def test_render_writes_the_contract_and_journals_it(
    register: Register, contracts: Path, templates: Path, tmp_path: Path
) -> None:
    import_files(register, [contracts / "2026-004-library.yaml"])
    centre = load_model(CENTRE, Centre)
    [document] = render_agreement(
        register, "СП-2026/004", centre=centre, folder=tmp_path / "out", created_at=WHEN
    )
    assert document.suffix == ".docx" and "СП-2026-004" in document.name
    assert centre.organisation.short_name == "МБУ ДО «ЦВР»"
    # printed values are typeset: «ДО» keeps with the next word (a no-break space)
    assert texts(document) == ["Договор № СП-2026/004: МБУ ДО\u00a0«ЦВР» и МБУК «ЦБС»"]
    [entry] = journal_entries(register, "СП-2026/004")
    assert entry.template_id == "contract"
    template_bytes = (templates / "contract.docx").read_bytes()
    assert entry.template_sha256 == hashlib.sha256(template_bytes).hexdigest()
    assert entry.output_sha256 == hashlib.sha256(document.read_bytes()).hexdigest()
    assert entry.file_name == document.name
    assert entry.data["agreement"]["number"] == "СП-2026/004"
    assert Centre.model_validate(entry.data["centre"]) == centre


def test_the_render_command_prints_the_file_and_show_lists_it(
    database_url: str, contracts: Path, templates: Path, tmp_path: Path
) -> None:
    runner = CliRunner()
    base = ["register", "--db", database_url]
    assert runner.invoke(cli, [*base, "import", str(contracts)]).exit_code == 0
    out = tmp_path / "out"
    result = runner.invoke(
        cli, [*base, "render", "СП-2026/002", "-o", str(out), "--centre", str(CENTRE)]
    )
    assert result.exit_code == 0, result.output
    [written] = list(out.iterdir())
    assert result.output.strip() == f"записан {written}"
    shown = runner.invoke(cli, [*base, "show", "СП-2026/002"]).output
    assert "Созданные документы:" in shown and written.name in shown


def test_render_of_an_unknown_number_writes_nothing(
    database_url: str, templates: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli,
        ["register", "--db", database_url, "render", "СП-2000/001", "-o", str(out),
         "--centre", str(CENTRE)],
    )  # fmt: skip
    assert result.exit_code == 1
    assert "нет в реестре" in result.stderr
    assert not out.exists()


@pytest.mark.libreoffice
def test_render_with_pdf_journals_both_files(
    register: Register, contracts: Path, templates: Path, tmp_path: Path
) -> None:
    import_files(register, [contracts / "2026-001-school-5.yaml"])
    files = render_agreement(
        register,
        "СП-2026/001",
        centre=load_model(CENTRE, Centre),
        folder=tmp_path,
        created_at=WHEN,
        pdf=True,
    )
    assert [path.suffix for path in files] == [".docx", ".pdf"]
    assert files[1].read_bytes().startswith(b"%PDF")
    entries = journal_entries(register, "СП-2026/001")
    assert [entry.file_name for entry in entries] == [path.name for path in files]
