"""Render one document per workbook record (or per group of records), on every core.

    spec = builtin_spec(BUILTINS["contract"], centre)   # or user_spec(Path("грамота.docx"))
    job = prepare_batch(spec, Path("партнёры.xlsx"))     # read the workbook, plan the documents
    result = run_batch(job, BatchOutput(Path("out")), jobs=0, progress=bar.update)
    text = format_batch_result(result)                   # what was written, what was skipped

The parent reads the workbook once (noting which rows make which record) and then makes the
records one at a time, sending them in chunks to worker processes (``docgen.workers``: memory
and time limits, a dead or hung worker replaced and its row failed), which validate and
render them and send back bytes; the parent writes them in the order of the workbook
(names, « (2)» numbering and the ZIP are the same for any number of workers). Only the
chunks on their way are in memory, so memory stays flat for any number of rows.
A bad record is skipped and reported, the others are written; the problems also go to an
error workbook beside the output.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Protocol

from pydantic import BaseModel

from docgen.engine.batch.error_report import ERROR_REPORT_NAME, write_error_report
from docgen.engine.batch.manifest import FolderChanges
from docgen.engine.batch.output import BatchOutput, DocumentSink
from docgen.engine.batch.spec import BatchSpec
from docgen.engine.batch.worker import (
    DocumentRenderer,
    Failed,
    Invalid,
    Outcome,
    Rendered,
    WorkItem,
    render_in_worker,
    start_worker,
)
from docgen.errors import InputError, OutputError
from docgen.sources.problems import count_errors
from docgen.sources.workbook.messages import CellMessage
from docgen.sources.workbook.notices import notice_lines, report_line, warnings_of
from docgen.sources.workbook.read import (
    MAX_ROWS,
    WorkbookReading,
    read_workbook,
    validate_record,
)
from docgen.sources.workbook.records import RawRecord
from docgen.workers.limits import Limits
from docgen.workers.processes import Stopped, WorkerProcesses

ITEMS_PER_WORKER = 8
"""With ``jobs=0``, a batch smaller than this many documents a worker uses fewer workers."""
MAX_CHUNK = 64


@dataclass(frozen=True)
class BatchItem:
    """One document to make: its position in the batch and its records (a row or a group)."""

    index: int
    """The document's position in the batch, from 1."""
    records: tuple[RawRecord, ...]

    def work(self) -> WorkItem:
        """Return what a worker needs: the records' data (none if a value was unreadable)."""
        first = self.records[0]
        readable = not any(record.problems for record in self.records)
        data = tuple(record.data for record in self.records) if readable else ()
        return WorkItem(self.index, first.sheet, first.row, data)

    def problems(self, model: type[BaseModel]) -> tuple[CellMessage, ...]:
        """Return every problem of the item's records, each naming its cell."""
        return tuple(
            problem for raw in self.records for problem in validate_record(raw, model).problems
        )


class BatchItems(Protocol):
    """The documents of a batch, in order: each made as it is reached; iterable again."""

    def __iter__(self) -> Iterator[BatchItem]: ...

    def __len__(self) -> int: ...


@dataclass(frozen=True)
class RecordItems:
    """One document per record of a workbook, each record made from its rows when reached."""

    reading: WorkbookReading[BaseModel]

    def __iter__(self) -> Iterator[BatchItem]:
        for index, raw in enumerate(self.reading.raw_records(), start=1):
            yield BatchItem(index, (raw,))

    def __len__(self) -> int:
        return len(self.reading)


@dataclass
class BatchJob:
    """A batch ready to run: the spec, the documents to make and the workbook's own problems."""

    spec: BatchSpec
    model: type[BaseModel]
    source: Path
    items: BatchItems
    problems: list[CellMessage] = field(default_factory=list)
    """Problems outside any record (a row of a list sheet that joins no record)."""
    notices: list[CellMessage] = field(default_factory=list)
    """Notes about the workbook as a whole; the values the reader repaired (an ИНН that lost
    its leading zero) are found as the records are made and come with the ``BatchResult``."""

    def __len__(self) -> int:
        return len(self.items)


def prepare_batch(
    spec: BatchSpec,
    workbook: Path,
    group_by: Callable[[RawRecord], str | None] | None = None,
    max_rows: int = MAX_ROWS,
) -> BatchJob:
    """Read ``workbook``: one document per record, or per ``group_by`` key.

    A sheet with more than ``max_rows`` rows of data is refused while it is read.

    Without ``group_by`` the records are made one at a time while the batch runs. Grouped
    records (the events of one partner) make one document whose context is built from all of
    them; records whose key is None stay alone. Grouping needs every record at once, so a
    grouped batch holds them all (a year's events, not ten thousand contracts).
    """
    if spec.media_dir is None:
        spec = dataclasses.replace(spec, media_dir=workbook.parent)
    model = spec.data_model()
    reading: WorkbookReading[BaseModel] = read_workbook(workbook, model, max_rows)
    items: BatchItems = RecordItems(reading)
    if group_by is not None:
        with reading:
            groups = group_records(list(reading.raw_records()), group_by)
        items = [BatchItem(index, group) for index, group in enumerate(groups, start=1)]
    if not len(items):
        reading.close()
        raise InputError(f"{workbook}: под строкой заголовков нет ни одной заполненной строки")
    return BatchJob(spec, model, workbook, items, list(reading.problems), list(reading.notices))


def group_records(
    records: Sequence[RawRecord], key: Callable[[RawRecord], str | None]
) -> list[tuple[RawRecord, ...]]:
    """Group records by ``key`` in the order each key first appears."""
    groups: dict[object, list[RawRecord]] = {}
    for number, record in enumerate(records):
        value = key(record)
        groups.setdefault(value if value is not None else ("alone", number), []).append(record)
    return [tuple(group) for group in groups.values()]


@dataclass
class BatchResult:
    """What a batch wrote and what it skipped."""

    source: Path
    output: BatchOutput
    total: int
    """Documents planned: one per record or group."""
    documents: list[str]
    """File names written (in the folder or in the ZIP), in the order of the workbook."""
    pdfs: list[str]
    failures: list[Failed]
    problems: list[CellMessage]
    notices: list[CellMessage]
    archive: Path | None
    error_report: Path | None
    changes: FolderChanges = field(default_factory=FolderChanges)
    """Files of the folder written over, and documents of the previous run removed."""

    @property
    def failed(self) -> bool:
        """Return whether any record was skipped or any row belongs to no record."""
        return bool(self.failures or self.problems)

    def failure_message(self) -> str:
        """Return the one-line summary of what failed, for the error a command ends with."""
        return (
            f"{self.source}: {count_errors(len(self.errors()))} в таблице, документов не "
            f"сделано: {len(self.failures)} из {self.total} — исправьте строки, названные "
            "выше, и запустите команду снова"
        )

    def errors(self) -> list[CellMessage]:
        """Return every problem: of the skipped documents, then of the workbook itself."""
        return [problem for failure in self.failures for problem in failure.problems] + list(
            self.problems
        )


def run_batch(
    job: BatchJob,
    output: BatchOutput,
    *,
    jobs: int = 0,
    progress: Callable[[int], None] | None = None,
    context: BaseContext | None = None,
    limits: Limits | None = None,
    pdf_progress: Callable[[int], None] | None = None,
) -> BatchResult:
    """Render every document of ``job`` into ``output`` with ``jobs`` processes (0: all cores).

    ``progress`` is called with 1 as each document is done (written or skipped),
    ``pdf_progress`` with the number of PDFs made as they are. With ``limits`` every
    document renders in a worker process under them, even with one process (the service:
    a hostile template costs a worker and its row, never the caller); without, processes
    get the default limits and a single process renders here.
    """
    workers = worker_count(jobs, len(job))
    origin = f"{job.source.resolve()} → {job.spec.template.name}"
    with DocumentSink(output, pdf_progress, origin) as sink:
        done = outcomes(job, workers, context, limits)
        failures, notices = _write_outcomes(done, sink, list(job.notices), progress)
        errors = [p for failure in failures for p in failure.problems] + job.problems
        report = update_error_report(output.folder, [*errors, *warnings_of(notices)])
        archive = sink.finish()
    return BatchResult(
        job.source,
        output,
        len(job),
        sink.documents,
        sink.pdfs,
        failures,
        job.problems,
        notices,
        archive,
        report,
        sink.changes,
    )


def _write_outcomes(
    done: Iterator[tuple[BatchItem, Outcome]],
    sink: DocumentSink,
    notices: list[CellMessage],
    progress: Callable[[int], None] | None,
) -> tuple[list[Failed], list[CellMessage]]:
    """Write each rendered document into ``sink``; return the failures and ``notices`` with
    the records' own notices added."""
    failures: list[Failed] = []
    for item, outcome in done:
        notices += (notice for raw in item.records for notice in raw.notices)
        if isinstance(outcome, Rendered):
            sink.add(outcome.stem, outcome.data)
        elif isinstance(outcome, Failed):
            failures.append(outcome)
        if progress is not None:
            progress(1)
    return failures, notices


def worker_count(jobs: int, documents: int) -> int:
    """Return how many processes render: ``jobs``, or all cores for 0; never more than needed."""
    if jobs < 0:
        raise ValueError(f"jobs must be 0 or more, not {jobs}")
    if jobs == 0:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
        jobs = min(cores or os.cpu_count() or 1, max(1, documents // ITEMS_PER_WORKER))
    return max(1, min(jobs, documents))


def outcomes(
    job: BatchJob,
    workers: int,
    context: BaseContext | None = None,
    limits: Limits | None = None,
) -> Iterator[tuple[BatchItem, Outcome]]:
    """Yield every item with its outcome in order, rendered here or by ``workers`` processes.

    Processes render under ``limits`` (the defaults when None); one process with no limits
    renders here. A record the model refuses comes back ``Invalid`` and is validated again
    here, where the cells of its values are known, so that every problem names its cell.
    """
    for item, outcome in _rendered(job, workers, context, limits):
        if isinstance(outcome, Invalid):
            problems = item.problems(job.model)
            if not problems:
                raise RuntimeError(f"record {outcome.index} was refused, yet validates here")
            yield item, Failed(outcome.index, problems)
        else:
            yield item, outcome


def _rendered(
    job: BatchJob, workers: int, context: BaseContext | None, limits: Limits | None
) -> Iterator[tuple[BatchItem, Outcome]]:
    if workers == 1 and limits is None:
        renderer = DocumentRenderer(job.spec)
        for item in job.items:
            yield item, renderer.render(item.work())
        return
    size = max(1, min(MAX_CHUNK, len(job) // (workers * 8)))
    job.spec.name_pattern()  # a bad pattern is a message here, not a failing worker
    processes: WorkerProcesses[BatchItem, Outcome] = WorkerProcesses(
        workers,
        start_worker,
        (job.spec,),
        render_in_worker,
        limits or Limits(),
        context or pool_context(),
        size,
    )
    # Only the chunks on their way are held: each item is made when its chunk is sent.
    for item, outcome in processes.run(job.items, BatchItem.work):
        if isinstance(outcome, Stopped):
            first = item.records[0]
            yield item, Failed(item.index, (CellMessage(first.sheet, outcome.reason, first.row),))
        else:
            yield item, outcome


def pool_context() -> BaseContext:
    """Return how worker processes start: a fork server where there is one, else spawn.

    Workers never inherit the parent's memory (its imports, its open files): they start
    small, get the spec pickled (the template as bytes, compiled once per worker) and stay
    small.
    """
    if sys.platform != "win32" and "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["docgen.engine.batch.worker"])
        return context
    return multiprocessing.get_context("spawn")


def update_error_report(folder: Path, errors: Sequence[CellMessage]) -> Path | None:
    """Write the error workbook (errors and warnings) into ``folder``, or remove an old one."""
    path = folder / ERROR_REPORT_NAME
    if errors:
        return write_error_report(path, errors)
    if path.is_file() and not path.is_symlink():
        try:
            path.unlink()
        except OSError as exc:
            raise OutputError(
                f"{path}: не удалось удалить старый отчёт об ошибках ({exc})"
            ) from exc
    return None


def format_batch_result(result: BatchResult, limit: int = 30) -> str:
    """Return, in Russian, what was written, where, and every problem (up to ``limit``)."""
    where = result.archive if result.archive is not None else result.output.folder
    written = len(result.documents)
    lines = [f"{result.source}: документов {written} из {result.total} → {where}"]
    if result.pdfs:
        lines.append(f"PDF: {len(result.pdfs)}")
    lines += result.changes.describe()
    lines += notice_lines(result.notices, limit)
    errors = result.errors()
    if errors:
        skipped = len(result.failures)
        lines.append(f"пропущено документов: {skipped}; ошибок: {len(errors)}:")
        lines += [f"  - {error.describe()}" for error in errors[:limit]]
        if len(errors) > limit:
            lines.append(f"  … и ещё {len(errors) - limit}")
    if result.error_report is not None:
        warnings = len(warnings_of(result.notices))
        lines.append(report_line(result.error_report, len(errors), warnings))
    return "\n".join(lines)
