"""Produce the year's reports from one workbook of joint events: every partner's and the centre's.

    templates = AnnualTemplates(BUILTINS["partner-report"], BUILTINS["events-section"])
    job = prepare_annual(Path("мероприятия.xlsx"), centre, templates, year="2025–2026")
    result = run_annual(job, BatchOutput(Path("out")), jobs=0, progress=bar.update)
    text = format_annual_result(result)

One report per partner is a batch grouped by partner (``docgen.engine.batch``: on every
core, into a folder or a ZIP for sending, with the error workbook); the events section of
the methodological analysis is one more document over all the year's events, for the
centre itself, so it goes to the folder (beside the ZIP, not into it). A bad row spoils its
partner's report and the section, whose totals would otherwise be wrong; the other
partners' reports are still written and every bad cell is reported, as a batch does. Rows
of other academic years are left out and counted.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from docgen.engine.batch import (
    BatchItem,
    BatchJob,
    BatchOutput,
    BatchResult,
    format_batch_result,
    prepare_batch,
    run_batch,
)
from docgen.engine.batch.spec import Builtin, builtin_spec
from docgen.engine.naming import NamePattern, path_inside, safe_stem
from docgen.engine.output import write_atomically
from docgen.engine.properties import DocumentProperties
from docgen.engine.report import format_unknown
from docgen.engine.template import CompiledTemplate
from docgen.errors import InputError, TemplateError
from docgen.models import Centre, JointEvent, JointEventsYear, group_by_partner
from docgen.models.approval import AcademicYear
from docgen.models.base import Date
from docgen.models.joint_events import (
    academic_year_bounds,
    academic_year_of,
    partner_key,
    partner_order,
)
from docgen.sources.workbook.read import validate_record
from docgen.sources.workbook.records import RawRecord

_DATE: TypeAdapter[Any] = TypeAdapter(Date)
_YEAR: TypeAdapter[str] = TypeAdapter(AcademicYear)


@dataclass(frozen=True)
class AnnualTemplates:
    """The two built-in templates of the annual run (``docgen.catalog`` entries)."""

    report: Builtin
    """The report sent to each partner (``partner-report``)."""
    section: Builtin
    """The events section of the methodological analysis (``events-section``)."""


@dataclass(frozen=True)
class PartnerReports:
    """Build a partner report's context from that partner's validated events.

    The events of a batch are all of one academic year (``prepare_annual`` leaves the
    others out), so the first event's date names it.
    """

    entry: Builtin
    centre: Centre

    def __call__(self, records: Sequence[BaseModel]) -> Mapping[str, Any]:
        events = [record for record in records if isinstance(record, JointEvent)]
        (report,) = group_by_partner(events, academic_year_of(events[0].date))
        return self.entry.context(report, self.centre)


@dataclass
class AnnualJob:
    """The year's reports ready to make: the partners' batch and the section's events."""

    batch: BatchJob
    section: Builtin
    section_template: CompiledTemplate
    centre: Centre
    academic_year: str
    rows: int
    """Rows of the year, good and bad."""
    partners: int
    """Partners named in the year's rows (each gets a report)."""
    events: list[JointEvent] | None
    """The year's events, or None when a row is bad (then the section is not made)."""
    other_years: int
    """Rows left out because they belong to another academic year."""

    def __len__(self) -> int:
        return len(self.batch) + 1


@dataclass
class AnnualResult:
    """What an annual run wrote: the batch of reports, the section, the year's counts."""

    batch: BatchResult
    academic_year: str
    rows: int
    partners: int
    section: Path | None
    """The section's .docx, None when it was not made."""
    section_pdf: Path | None
    other_years: int

    @property
    def failed(self) -> bool:
        """Return whether any row was bad (some documents were not made)."""
        return self.batch.failed

    def failure_message(self) -> str:
        """Return the one-line summary of what failed, for the error a command ends with."""
        return self.batch.failure_message()


def prepare_annual(
    workbook: Path, centre: Centre, templates: AnnualTemplates, year: str | None = None
) -> AnnualJob:
    """Read the workbook, choose the academic year and plan one report per partner.

    Without ``year`` the workbook's dates decide it; they must all be in one academic year.
    Partners are ordered by name; rows without a partner come last, each on its own.
    """
    section = templates.section.compile()
    unknown = templates.section.check(section)
    if unknown:
        raise TemplateError(format_unknown(unknown, section.name, templates.section.model_name))
    spec = builtin_spec(templates.report, centre)
    spec = dataclasses.replace(spec, context=PartnerReports(templates.report, centre))
    spec = dataclasses.replace(spec, model=JointEvent)
    batch = prepare_batch(spec, workbook, group_by=_partner_of)
    records = [raw for item in batch.items for raw in item.records]
    chosen = choose_year(records, year, workbook)
    groups = [
        tuple(raw for raw in item.records if not _outside(raw, chosen)) for item in batch.items
    ]
    groups = sorted((group for group in groups if group), key=_group_order)
    if not groups:
        raise InputError(f"{workbook}: нет ни одного мероприятия {chosen} учебного года")
    items = [BatchItem(index, group) for index, group in enumerate(groups, start=1)]
    batch = dataclasses.replace(batch, items=items)
    kept = [raw for group in groups for raw in group]
    events = None if batch.problems else _valid_events(kept)
    other_years = len(records) - len(kept)
    partners = sum(_partner_of(group[0]) is not None for group in groups)
    return AnnualJob(
        batch, templates.section, section, centre, chosen, len(kept), partners, events, other_years
    )


def choose_year(records: Sequence[RawRecord], year: str | None, source: Path) -> str:
    """Return ``year`` normalised, or the one academic year all the records' dates are in."""
    if year is not None:
        try:
            return _YEAR.validate_python(year)
        except ValidationError as exc:
            raise InputError(f"--year «{year}»: учебный год пишется как «2025–2026»") from exc
    counts = Counter(academic_year_of(day) for day in map(_date_of, records) if day is not None)
    if not counts:
        raise InputError(
            f"{source}: ни в одной строке нет верной даты мероприятия — заполните столбец "
            "«Дата» (например, 12.10.2025) или укажите учебный год: --year 2025–2026"
        )
    if len(counts) > 1:
        found = ", ".join(f"{name} — {count}" for name, count in sorted(counts.items()))
        raise InputError(
            f"{source}: в таблице мероприятия разных учебных годов (строк: {found}); укажите "
            f"нужный, например --year {counts.most_common(1)[0][0]}"
        )
    return next(iter(counts))


def _date_of(record: RawRecord) -> Any:
    """Return the record's date, or None when it is missing or unreadable."""
    try:
        return _DATE.validate_python(record.data.get("date"))
    except ValidationError:
        return None


def _outside(record: RawRecord, year: str) -> bool:
    """Return whether the record has a readable date outside the academic year."""
    day = _date_of(record)
    first, last = academic_year_bounds(year)
    return day is not None and not first <= day <= last


def _partner_of(record: RawRecord) -> str | None:
    """Return the key of the record's partner; None leaves a record without one alone."""
    name = record.data.get("partner")
    return partner_key(str(name)) if name is not None and str(name).strip() else None


def _group_order(group: tuple[RawRecord, ...]) -> tuple[bool, list[str | int]]:
    """Order partners by name («СОШ № 5» before «СОШ № 17»); rows without one go last."""
    name = group[0].data.get("partner")
    return (_partner_of(group[0]) is None, partner_order(str(name or "")))


def _valid_events(records: Sequence[RawRecord]) -> list[JointEvent] | None:
    """Return every record as an event, or None if any of them is bad."""
    events = []
    for raw in records:
        model = validate_record(raw, JointEvent).model
        if model is None:
            return None
        events.append(model)
    return events


def run_annual(
    job: AnnualJob,
    output: BatchOutput,
    *,
    jobs: int = 0,
    progress: Callable[[int], None] | None = None,
) -> AnnualResult:
    """Write every partner's report into ``output``, then the section into its folder.

    ``jobs`` processes render the reports (0: all cores); ``progress`` is called with 1 as
    each document is done (written or skipped). The section is made only when every row of
    the year is good.
    """
    result = run_batch(job.batch, output, jobs=jobs, progress=progress)
    section: Path | None = None
    pdf: Path | None = None
    if job.events is not None and not result.failed:
        section = write_section(job, job.events, output.folder)
        if output.pdf:
            from docgen.pdf import convert_to_pdf

            (pdf,) = convert_to_pdf([section], output.folder)
    if progress is not None:
        progress(1)
    return AnnualResult(
        result, job.academic_year, job.rows, job.partners, section, pdf, job.other_years
    )


def write_section(job: AnnualJob, events: list[JointEvent], folder: Path) -> Path:
    """Render the events section of the analysis into ``folder``; return its path."""
    section = JointEventsYear(academic_year=job.academic_year, events=events)
    context = job.section.context(section, job.centre)
    stem = NamePattern(job.section.file_name).render(context, 0, len(job))
    path = path_inside(folder, safe_stem(stem) + ".docx")
    properties = DocumentProperties(title=stem, author=job.centre.organisation.short_name)
    write_atomically(path, job.section_template.render(context, properties=properties))
    return path


def format_annual_result(result: AnnualResult, limit: int = 30) -> str:
    """Return, in Russian, the year's counts, what was written and every problem."""
    lines = [
        f"{result.academic_year} учебный год: мероприятий {result.rows}, "
        f"партнёров {result.partners}"
    ]
    if result.other_years:
        lines.append(f"строк других учебных годов не учтено: {result.other_years}")
    lines.append(format_batch_result(result.batch, limit))
    if result.section is None:
        lines.append(
            "раздел анализа о мероприятиях с партнёрами не собран: без ошибочных строк его "
            "итоги были бы неверны — исправьте их и запустите команду снова"
        )
    else:
        made = f"{result.section}" + (f", {result.section_pdf.name}" if result.section_pdf else "")
        lines.append(f"раздел анализа: {made}")
    return "\n".join(lines)
