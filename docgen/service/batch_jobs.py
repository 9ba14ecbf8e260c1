"""Run the service's batches as jobs of the register: rendered in limited worker processes.

A batch is the engine's (``prepare_batch`` then ``run_batch``); its state lives in the
register's ``jobs`` table (``docgen.register.jobs``), so every service process sees it and a
restart shows it as interrupted rather than forgetting it. This process runs the batches it
was given one at a time in a background thread; every document renders in a worker process
under memory and time limits (``docgen.workers``), so a hostile template costs a worker and
its row, never the service. A job can be cancelled from any process: the runner notices at
its next heartbeat or document.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from docgen.engine.batch import BatchJob, BatchOutput, BatchResult, run_batch
from docgen.errors import UserError
from docgen.register import Register
from docgen.register.jobs import Job, record_progress, save_job
from docgen.workers.limits import Limits

ARCHIVE_NAME = "документы.zip"
ERRORS_SHOWN = 50
BEAT_SECONDS = 5.0
"""How often a runner says it is alive (well under ``jobs.STALE_SECONDS``)."""
PROGRESS_SECONDS = 0.5
"""How often the count of documents done is written to the database."""
LIMITS = Limits()
"""The limits of the service's rendering workers (until settings carry them)."""
_RUNNING = threading.Semaphore(1)  # a 2-core machine renders one batch at a time, well
_log = logging.getLogger(__name__)


class Cancelled(Exception):
    """The job was asked to stop."""


class JobRun:
    """One batch being run: its job row kept up to date, its heartbeat, its cancel flag."""

    def __init__(self, register: Register, job: Job) -> None:
        self.register = register
        self.job = job
        self.cancelled = threading.Event()
        self._ended = threading.Event()
        self._written_at = 0.0

    def beat(self) -> None:
        """Say the job is alive every few seconds until it ends; note a request to stop."""
        while not self._ended.wait(BEAT_SECONDS):
            try:
                if record_progress(self.register, self.job.id):
                    self.cancelled.set()
            except UserError:
                _log.warning("job %s: the register did not answer the heartbeat", self.job.id)

    def advance(self, count: int) -> None:
        """Count ``count`` more documents done (the engine's progress callback)."""
        self.job.done += count
        now = time.monotonic()
        if now - self._written_at >= PROGRESS_SECONDS or self.job.done == self.job.total:
            self._written_at = now
            if record_progress(self.register, self.job.id, self.job.done):
                self.cancelled.set()
        if self.cancelled.is_set():
            raise Cancelled

    def end(self) -> None:
        """Stop the heartbeat."""
        self._ended.set()


def start(
    register: Register, job: Job, batch: BatchJob, folder: Path, workers: int
) -> threading.Thread:
    """Run ``batch`` into ``folder`` in a background thread; ``job`` (stored) follows it."""
    thread = threading.Thread(
        target=execute,
        args=(register, job, batch, folder, workers),
        name=f"batch-{job.id}",
        daemon=True,
    )
    thread.start()
    return thread


def execute(register: Register, job: Job, batch: BatchJob, folder: Path, workers: int) -> None:
    """Run ``batch`` into ``folder`` here, after the batch before it; keep ``job`` up to date."""
    run = JobRun(register, job)
    threading.Thread(target=run.beat, name=f"beat-{job.id}", daemon=True).start()
    try:
        with _RUNNING:
            if record_progress(register, job.id):
                raise Cancelled
            job.state = "running"
            save_job(register, job)
            output = BatchOutput(folder, archive=folder / ARCHIVE_NAME)
            result = run_batch(batch, output, jobs=workers, progress=run.advance, limits=LIMITS)
            _finish(job, result)
    except Cancelled:
        job.state = "cancelled"
        job.message = f"сборка отменена; документов было собрано {job.done} из {job.total}"
    except UserError as exc:
        job.state, job.message = "failed", str(exc)
    except Exception:  # a bug: keep the traceback in the log, tell the person plainly
        _log.exception("batch %s failed", job.id)
        job.state = "failed"
        job.message = "внутренняя ошибка сервиса при сборке; сообщите администратору"
    finally:
        run.end()
        save_job(register, job)


def _finish(job: Job, result: BatchResult) -> None:
    errors = result.errors()
    job.written = len(result.documents)
    job.skipped = len(result.failures)
    job.errors = [error.describe() for error in errors[:ERRORS_SHOWN]]
    if len(errors) > ERRORS_SHOWN:
        job.errors.append(f"… и ещё {len(errors) - ERRORS_SHOWN} — все в таблице ошибок")
    job.archive = result.archive is not None
    job.error_report = result.error_report is not None
    job.message = f"документов собрано: {job.written} из {result.total}"
    job.state = "done"
