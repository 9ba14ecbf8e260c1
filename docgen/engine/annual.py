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
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
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
from docgen.models import (
    Centre,
    JointEvent,
    JointEventsYear,
    MethodReport,
    Partner,
    group_by_partner,
)
from docgen.models.approval import AcademicYear, academic_year_bounds, academic_year_of
from docgen.models.base import Date
from docgen.models.joint_events import partner_key, partner_order
from docgen.models.partner_letter import next_working_day
from docgen.sources.loader import validate_data
from docgen.sources.workbook.messages import WARNING, CellMessage
from docgen.sources.workbook.read import load_workbook_models, validate_record
from docgen.sources.workbook.records import RawRecord

_DATE: TypeAdapter[Any] = TypeAdapter(Date)
_YEAR: TypeAdapter[str] = TypeAdapter(AcademicYear)
OUTGOING_PREFIX = "01-15"
"""The index of the case the letters are filed in; a letter's number is «01-15/7»."""


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
    numbers: Mapping[str, str] = dataclasses.field(default_factory=dict)
    """The outgoing number of each partner's letter, by ``partner_key``."""
    letter_date: dt.date | None = None
    """One date for every letter of the run: the working day after the year's last event."""
    cards: Mapping[str, Partner] = dataclasses.field(default_factory=dict)
    """Partners' cards (full name, head) by ``partner_key`` of short name and by ИНН."""

    def __call__(self, records: Sequence[BaseModel]) -> Mapping[str, Any]:
        events = [record for record in records if isinstance(record, JointEvent)]
        (report,) = group_by_partner(events, academic_year_of(events[0].date))
        key = partner_key(report.partner)
        card = self.cards.get(report.partner_inn or "") or self.cards.get(key)
        letter: dict[str, Any] = {"outgoing_number": self.numbers.get(key), "details": card}
        if self.letter_date is not None:
            letter["letter_date"] = max(self.letter_date, report.last_date)
        return self.entry.context(report.model_copy(update=letter), self.centre)


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
    workbook: Path,
    centre: Centre,
    templates: AnnualTemplates,
    year: str | None = None,
    partners: Sequence[Partner] = (),
) -> AnnualJob:
    """Read the workbook, choose the academic year and plan one report per partner.

    Without ``year`` the workbook's dates decide it; they must all be in one academic year.
    Partners are ordered by name; rows without a partner come last, each on its own. The
    letters are numbered «01-15/1», «01-15/2»… in that order and dated the working day
    after the year's last event; ``partners`` (cards) give each letter its addressee.
    """
    section = templates.section.compile()
    unknown = templates.section.check(section)
    if unknown:
        raise TemplateError(format_unknown(unknown, section.name, templates.section.model_name))
    # Rows are events; the context (the numbered letters) comes once the partners are known.
    spec = dataclasses.replace(builtin_spec(templates.report, centre), model=JointEvent)
    batch = prepare_batch(spec, workbook, group_by=_partner_of)
    records = [raw for item in batch.items for raw in item.records]
    chosen = choose_year(records, year, workbook)
    groups = _year_groups(batch.items, chosen)
    if not groups:
        raise InputError(f"{workbook}: нет ни одного мероприятия {chosen} учебного года")
    items = [BatchItem(index, group) for index, group in enumerate(groups, start=1)]
    letters = _letters(templates.report, centre, groups, partners)
    batch = dataclasses.replace(batch, items=items, spec=dataclasses.replace(spec, context=letters))
    kept = [raw for group in groups for raw in group]
    events = None if batch.problems else _valid_events(kept)
    other_years = len(records) - len(kept)
    count = sum(_partner_of(group[0]) is not None for group in groups)
    # Warnings go with the workbook's own: into the summary and ошибки.xlsx.
    batch.notices.extend(partner_warnings(groups))
    return AnnualJob(
        batch, templates.section, section, centre, chosen, len(kept), count, events, other_years
    )


def _year_groups(items: Iterable[BatchItem], year: str) -> list[tuple[RawRecord, ...]]:
    """Return each partner's records of ``year``: partners by name, rows without one last."""
    groups = [tuple(raw for raw in item.records if not _outside(raw, year)) for item in items]
    return sorted((group for group in groups if group), key=_group_order)


def _letters(
    entry: Builtin,
    centre: Centre,
    groups: Sequence[tuple[RawRecord, ...]],
    cards: Sequence[Partner],
) -> PartnerReports:
    """Return the reports' context builder numbering and dating the letters, with the cards."""
    keys = [_partner_of(group[0]) for group in groups]
    numbers = {
        key: f"{OUTGOING_PREFIX}/{index}"
        for index, key in enumerate((key for key in keys if key is not None), start=1)
    }
    days = [day for group in groups for day in map(_date_of, group) if day is not None]
    by_name = {partner_key(card.organisation.short_name): card for card in cards}
    by_inn = {card.organisation.requisites.inn: card for card in cards}
    return PartnerReports(
        entry,
        centre,
        numbers=numbers,
        letter_date=next_working_day(max(days)) if days else None,
        cards={**by_name, **by_inn},
    )


def partner_warnings(groups: Sequence[tuple[RawRecord, ...]]) -> list[CellMessage]:
    """Return warnings about the rows: a partner with two ИНН, a row repeated exactly."""
    warnings = []
    for group in groups:
        inns: dict[str, list[int]] = defaultdict(list)
        for raw in group:
            inn = str(raw.data.get("partner_inn") or "").strip()
            if inn:
                inns[inn].append(raw.row)
        if len(inns) > 1:
            seen = "; ".join(f"{inn} (строки {_rows(rows)})" for inn, rows in inns.items())
            message = (
                f"партнёр «{group[0].data.get('partner')}» указан с разными ИНН: {seen} — "
                "исправьте ИНН в столбце «ИНН партнёра»"
            )
            first = min(min(rows) for rows in inns.values())
            warnings.append(CellMessage(group[0].sheet, message, first, kind=WARNING))
    repeated: dict[tuple[Any, ...], list[RawRecord]] = defaultdict(list)
    for raw in (raw for group in groups for raw in group):
        repeated[tuple(sorted((k, str(v)) for k, v in raw.data.items()))].append(raw)
    for raws in repeated.values():
        if len(raws) > 1:
            rows = [raw.row for raw in raws]
            message = (
                f"строки {_rows(rows)} совпадают полностью: мероприятие учтено "
                f"{len(rows)} раза — удалите лишние строки"
            )
            warnings.append(CellMessage(raws[0].sheet, message, rows[-1], kind=WARNING))
    return warnings


def _rows(rows: Sequence[int]) -> str:
    return ", ".join(str(row) for row in rows)


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
        result,
        job.academic_year,
        job.rows,
        job.partners,
        section,
        pdf,
        job.other_years,
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


def report_with_events(report: MethodReport, workbook: Path, source: str) -> MethodReport:
    """Return the analysis ``report`` (read from ``source``) with its year's joint events.

    The events are the rows of ``workbook`` in the report's academic year: the same data the
    events section and the partners' letters are made from, so the analysis's totals agree
    with them. Raises ``InputError`` on a bad row, when the workbook has no event of that
    year, or when an event of the centre is also a joint event (it would count twice).
    """
    events, _ = load_workbook_models(workbook, JointEvent)
    year = [event for event in events if academic_year_of(event.date) == report.academic_year]
    if not year:
        raise InputError(
            f"{workbook}: нет ни одного мероприятия {report.academic_year} учебного года, а "
            f"анализ ({source}) — за этот год: укажите таблицу мероприятий того же года"
        )
    fields = {name: getattr(report, name) for name in MethodReport.model_fields}
    return validate_data({**fields, "joint_events": year}, MethodReport, f"{source} и {workbook}")


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
