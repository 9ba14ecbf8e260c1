"""Render every sample and every agreement with the built-in templates, into one folder.

``samples/`` holds one input for the regulation, the plan and the method report, and the
year's joint events (``joint-events.xlsx``); ``contracts/`` holds the agreements. Each
template is compiled once and renders all its inputs; with ``pdf`` one LibreOffice process
then converts the whole set. The year's reports to every partner and the events section of
the analysis (``docgen annual``) go to the subfolder «Отчёты партнёрам»; one contract per
row of ``agreements.xlsx`` (``docgen batch contract``) goes to «Договоры из таблицы», one
letter of thanks per row of ``thanks-letter.xlsx`` (a user's own template) to «Благодарственные
письма».
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from docgen.catalog import BUILTINS, BuiltinTemplate
from docgen.engine import CompiledTemplate, DocumentProperties, write_atomically
from docgen.engine.annual import (
    AnnualTemplates,
    prepare_annual,
    report_with_events,
    run_annual,
)
from docgen.engine.batch import (
    BatchOutput,
    BatchSpec,
    builtin_spec,
    prepare_batch,
    run_batch,
    user_spec,
)
from docgen.errors import InputError, OutputError
from docgen.models import Centre, MethodReport
from docgen.models.partners import PartnerList
from docgen.pdf import convert_to_pdf
from docgen.resources import bundled
from docgen.sources import load_model

SAMPLES = bundled("samples")
CONTRACTS = bundled("contracts")
SAMPLE_CENTRE = SAMPLES / "centre.yaml"
"""The sample centre profile the demo uses when the settings name none."""
SAMPLE_INPUTS = {
    "regulation": "regulation.yaml",
    "plan": "plan.yaml",
    "method-report": "method-report.yaml",
}
JOINT_EVENTS = SAMPLES / "joint-events.xlsx"
"""The year's joint events with partners (made by ``samples/make_joint_events.py``)."""
PARTNERS = SAMPLES / "partners.yaml"
"""The centre's partners, the one list every sample draws from: full names, heads, ИНН."""
ANNUAL_FOLDER = "Отчёты партнёрам"
"""The subfolder of the demo for the partners' reports and the events section."""
AGREEMENTS = SAMPLES / "agreements.xlsx"
"""Agreements with partners as a workbook (made by ``samples/make_agreements.py``)."""
BATCH_FOLDER = "Договоры из таблицы"
"""The subfolder of the demo for the contracts made from ``agreements.xlsx``."""
LETTER_TEMPLATE = SAMPLES / "thanks-letter.docx"
LETTER_WORKBOOK = SAMPLES / "thanks-letter.xlsx"
"""A user's own template and its workbook (made by ``samples/make_thanks_letter.py``)."""
LETTER_FOLDER = "Благодарственные письма"
"""The subfolder of the demo for the letters made from the user's own template."""
INCOMPLETE = "установка docgen неполна, переустановите пакет"
"""What to do when a shipped sample is missing: the samples come inside the package."""


@dataclass(frozen=True)
class DemoInput:
    """One data file and the built-in template that renders it."""

    template: BuiltinTemplate
    data: Path


def demo_inputs(samples: Path = SAMPLES, contracts: Path = CONTRACTS) -> list[DemoInput]:
    """Return every agreement in ``contracts`` and the samples, in the order they render."""
    agreements = sorted(contracts.glob("*.yaml")) + sorted(contracts.glob("*.yml"))
    inputs = [DemoInput(BUILTINS["contract"], path) for path in agreements]
    for template_id, file_name in SAMPLE_INPUTS.items():
        inputs.append(DemoInput(BUILTINS[template_id], samples / file_name))
    missing = [str(item.data) for item in inputs if not item.data.is_file()]
    if missing or not agreements:
        raise InputError(
            f"нет примеров для демонстрации ({', '.join(missing) or contracts / '*.yaml'}): "
            + INCOMPLETE
        )
    return inputs


def render_demo(out_dir: Path, centre: Centre, *, pdf: bool = False) -> list[Path]:
    """Render every demo input into ``out_dir``; return the .docx paths, then the PDFs."""
    inputs = demo_inputs()
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out_dir}: не удалось создать папку ({exc})") from exc
    compiled: dict[str, CompiledTemplate] = {}
    documents: list[Path] = []
    for item in inputs:
        entry = item.template
        if entry.id not in compiled:
            compiled[entry.id] = entry.compile()
        data = sample_data(item)
        context = entry.context(data, centre)
        path = _free_path(out_dir / entry.output_name(context), documents)
        properties = DocumentProperties(
            title=path.stem, author=centre.organisation.short_name, created=entry.created(data)
        )
        write_atomically(path, compiled[entry.id].render(context, properties=properties))
        documents.append(path)
    reports, report_pdfs = render_annual(out_dir / ANNUAL_FOLDER, centre, pdf=pdf)
    contracts, contract_pdfs = render_workbook(out_dir / BATCH_FOLDER, centre, pdf=pdf)
    letters, letter_pdfs = render_letters(out_dir / LETTER_FOLDER, centre, pdf=pdf)
    pdfs = convert_to_pdf(documents, out_dir) if pdf else []
    return (
        documents + reports + contracts + letters + pdfs + report_pdfs + contract_pdfs + letter_pdfs
    )


def sample_data(item: DemoInput, workbook: Path = JOINT_EVENTS) -> BaseModel:
    """Load a demo input; the analysis takes its year's events from the events workbook.

    The events section and the partners' letters are made from the same workbook
    (``render_annual``), so the analysis's totals of events agree with them.
    """
    data = load_model(item.data, item.template.model)
    if isinstance(data, MethodReport):
        return report_with_events(data, workbook, str(item.data))
    return data


def render_workbook(
    folder: Path, centre: Centre, *, pdf: bool = False, workbook: Path = AGREEMENTS
) -> tuple[list[Path], list[Path]]:
    """Make one contract per agreement of the sample workbook; return the .docx and PDFs."""
    if not workbook.is_file():
        raise InputError(f"нет таблицы договоров для демонстрации ({workbook}): {INCOMPLETE}")
    return _run_sample(builtin_spec(BUILTINS["contract"], centre), workbook, folder, pdf)


def render_letters(
    folder: Path, centre: Centre, *, pdf: bool = False
) -> tuple[list[Path], list[Path]]:
    """Make one letter of thanks per row of the sample user template's workbook."""
    if not LETTER_TEMPLATE.is_file() or not LETTER_WORKBOOK.is_file():
        raise InputError(
            f"нет примера своего шаблона для демонстрации ({LETTER_TEMPLATE}, {LETTER_WORKBOOK}): "
            + INCOMPLETE
        )
    spec = user_spec(LETTER_TEMPLATE, "Благодарственное письмо {{ ФИО }}", centre=centre)
    return _run_sample(spec, LETTER_WORKBOOK, folder, pdf)


def _run_sample(
    spec: BatchSpec, workbook: Path, folder: Path, pdf: bool
) -> tuple[list[Path], list[Path]]:
    """Render a sample workbook's batch into ``folder``; return the .docx and the PDFs."""
    result = run_batch(prepare_batch(spec, workbook), BatchOutput(folder, pdf=pdf), jobs=1)
    if result.failed:
        raise InputError(result.failure_message())
    return [folder / n for n in result.documents], [folder / n for n in result.pdfs]


def render_annual(
    folder: Path, centre: Centre, *, pdf: bool = False, workbook: Path = JOINT_EVENTS
) -> tuple[list[Path], list[Path]]:
    """Make the year's partner reports and the events section; return the .docx and the PDFs.

    Each letter is addressed to the partner's head named in ``PARTNERS`` («Директору …
    Петровой М.С.», «Уважаемая Мария Сергеевна!»).
    """
    if not workbook.is_file() or not PARTNERS.is_file():
        raise InputError(
            f"нет таблицы мероприятий или списка партнёров ({workbook}, {PARTNERS}): " + INCOMPLETE
        )
    templates = AnnualTemplates(BUILTINS["partner-report"], BUILTINS["events-section"])
    cards = load_model(PARTNERS, PartnerList).partners
    job = prepare_annual(workbook, centre, templates, partners=cards)
    result = run_annual(job, BatchOutput(folder, pdf=pdf), jobs=1)
    if result.failed or result.section is None:
        raise InputError(result.failure_message())
    documents = [folder / name for name in result.batch.documents] + [result.section]
    pdfs = [folder / name for name in result.batch.pdfs]
    return documents, pdfs + ([result.section_pdf] if result.section_pdf else [])


def _free_path(path: Path, taken: list[Path]) -> Path:
    """Return ``path``, or «name (2).docx»… when an earlier document of this run has it."""
    candidate, number = path, 1
    while candidate in taken:
        number += 1
        candidate = path.with_name(f"{path.stem} ({number}){path.suffix}")
    return candidate
