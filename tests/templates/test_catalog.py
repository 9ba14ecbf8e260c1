"""The catalog of built-in templates and the commands that take a built-in id."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from docgen.catalog import (
    BUILTINS,
    builtin,
    find_builtin,
    load_centre,
    safe_file_name,
)
from docgen.cli import cli
from docgen.engine import compile_template
from docgen.errors import InputError, TemplateError
from docgen.models import Agreement, EventRegulation, PartnershipPlan
from docgen.sources import load_model
from tests.templates.conftest import plain

REPO = Path(__file__).resolve().parents[2]
SCHOOL = REPO / "contracts" / "2026-001-school-5.yaml"
CENTRE = REPO / "samples" / "centre.yaml"


@pytest.fixture
def no_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in an empty folder with no docgen settings from the environment."""
    for name in ("DOCGEN_CENTRE", "DOCGEN_OUTPUT", "DOCGEN_CONFIG", "DOCGEN_WORKERS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_templates_command_lists_every_builtin() -> None:
    result = CliRunner().invoke(cli, ["templates"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["шаблон", "документ", "модель"]
    assert [line.split()[0] for line in lines[1:]] == [
        "contract",
        "regulation",
        "plan",
        "method-report",
        "partner-report",
        "events-section",
    ]
    assert "Договор (соглашение) о сотрудничестве" in lines[1]
    assert lines[1].endswith("agreement")
    assert lines[4].endswith("report")


# The annual report and the events section are short documents with fewer names.
FEWEST_NAMES = {"partner-report": 30, "events-section": 30}


@pytest.mark.parametrize("template_id", list(BUILTINS))
def test_builtin_passes_the_check_against_its_context(template_id: str) -> None:
    entry = BUILTINS[template_id]
    assert entry.path.is_file()
    compiled = entry.compile()
    assert len(compiled.fields()) > FEWEST_NAMES.get(template_id, 40)
    assert entry.check(compiled) == []


def test_check_catches_a_name_the_context_lacks() -> None:
    source = io.BytesIO()
    with (
        zipfile.ZipFile(BUILTINS["contract"].path) as original,
        zipfile.ZipFile(source, "w") as copy,
    ):
        for member in original.namelist():
            data = original.read(member)
            if member == "word/document.xml":
                data = data.replace(b"agreement.subject", b"agreement.subjekt")
            copy.writestr(member, data)
    compiled = compile_template(source.getvalue(), name="договор")
    unknown = BUILTINS["contract"].check(compiled)
    assert [problem.usage.dotted for problem in unknown] == ["agreement.subjekt"]


def test_context_model_and_context_agree() -> None:
    entry = BUILTINS["contract"]
    names = ["centre", "agreement", "clauses", "partner"]
    assert list(entry.context_model().model_fields) == names
    agreement = load_model(SCHOOL, Agreement)
    context = entry.context(agreement, load_centre(CENTRE))
    assert list(context) == names
    assert context["partner"] is agreement.partner
    with pytest.raises(TypeError):
        BUILTINS["plan"].context(agreement, load_centre(CENTRE))


def test_output_name_is_safe_on_disk() -> None:
    entry = BUILTINS["contract"]
    context = entry.context(load_model(SCHOOL, Agreement), load_centre(CENTRE))
    assert entry.output_name(context) == "Договор СП-2026-001 МБОУ «СОШ № 5».docx"
    assert safe_file_name(' a/b\\c:d*e?"f<g>h|  i. ') == "a-b-c-d-e-f-g-h- i"
    with pytest.raises(TemplateError):
        safe_file_name(" / ")


def test_find_builtin_prefers_an_existing_file(no_settings: Path) -> None:
    assert find_builtin("plan") is BUILTINS["plan"]
    assert find_builtin(Path("contract")) is BUILTINS["contract"]
    assert find_builtin("plan.docx") is None
    (no_settings / "plan").write_bytes(b"")
    assert find_builtin("plan") is None


def test_unknown_builtin_and_missing_centre_explain_themselves() -> None:
    with pytest.raises(TemplateError, match="есть: contract, regulation, plan, method-report"):
        builtin("договор")
    with pytest.raises(InputError, match="DOCGEN_CENTRE") as caught:
        load_centre(None)
    assert "docgen.toml" in str(caught.value) and "--centre" in str(caught.value)


def test_render_command_takes_a_builtin_id(tmp_path: Path) -> None:
    output = tmp_path / "договор.docx"
    args = ["render", "contract", str(SCHOOL), "-o", str(output), "--centre", str(CENTRE)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert result.output == f"записан {output}\n"
    text = "\n".join(plain(p.text) for p in Document(io.BytesIO(output.read_bytes())).paragraphs)
    assert "в лице директора Петровой Марии Сергеевны, действующей на основании Устава" in text


def test_render_with_a_builtin_needs_the_centre(no_settings: Path) -> None:
    args = ["render", "contract", str(SCHOOL), "-o", str(no_settings / "x.docx")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    assert "ошибка: не указан профиль Центра" in result.stderr
    assert not (no_settings / "x.docx").exists()


def test_render_with_a_builtin_refuses_another_model(tmp_path: Path) -> None:
    args = ["render", "plan", str(SCHOOL), "-o", str(tmp_path / "x.docx"), "--model", "agreement"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert "шаблон plan работает с моделью plan" in result.output


def test_render_with_a_builtin_reports_data_of_the_wrong_kind(tmp_path: Path) -> None:
    args = ["render", "plan", str(SCHOOL), "-o", str(tmp_path / "x.docx"), "--centre", str(CENTRE)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    assert "ошибка:" in result.stderr and "2026-001-school-5.yaml" in result.stderr


def test_the_file_is_created_on_the_day_the_data_dates_the_document() -> None:
    agreement = load_model(SCHOOL, Agreement)
    assert BUILTINS["contract"].created(agreement) == dt.datetime(2026, 8, 24)
    plan = load_model(REPO / "samples" / "plan.yaml", PartnershipPlan)
    assert BUILTINS["plan"].created(plan) == dt.datetime(2026, 8, 31)
    regulation = load_model(REPO / "samples" / "regulation.yaml", EventRegulation)
    assert BUILTINS["regulation"].created(regulation) == dt.datetime(2026, 11, 2)
    undated = plan.model_copy(update={"approval": plan.approval.model_copy(update={"date": None})})
    assert BUILTINS["plan"].created(undated) is None


def test_the_demo_files_carry_their_dates_and_no_python_docx(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["demo", "--out", str(tmp_path), "--centre", str(CENTRE)])
    assert result.exit_code == 0, result.output
    contract = next(tmp_path.glob("Договор СП-2026-001 *.docx"))
    with zipfile.ZipFile(contract) as archive:
        core = archive.read("docProps/core.xml").decode()
    assert ">2026-08-24T00:00:00Z</dcterms:created>" in core
    assert "python-docx" not in core
