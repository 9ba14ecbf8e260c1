"""Run the service's batches: here (SQLite), or through the PostgreSQL queue on any worker.

With SQLite, a submitted batch runs in this service process (``batch_jobs.start``). With
PostgreSQL, it goes on the queue (``docgen.workers.queue``) and whichever worker is free
takes it: a ``docgen worker`` on any machine, or the worker thread every ``docgen serve``
on PostgreSQL starts on first need. The worker reads the job's workbook from the shared
data folder, prepares the batch again and runs it, keeping the job row up to date.
"""

from __future__ import annotations

import dataclasses
import threading
from pathlib import Path

from fastapi import HTTPException

from docgen.engine.batch import BatchJob, builtin_spec, prepare_batch, user_spec
from docgen.errors import InputError, UserError
from docgen.register.jobs import Job, claim_job, save_job
from docgen.service import batch_jobs
from docgen.service.context import Service
from docgen.service.library import TemplateChoice, find_template
from docgen.workers import queue

WORKBOOK_NAME = "таблица.xlsx"
_workers_started: set[str] = set()
_lock = threading.Lock()


def plan_batch(service: Service, choice: TemplateChoice, folder: Path, name: str) -> BatchJob:
    """Read the job folder's workbook for the template; refuse one with too many rows."""
    if choice.builtin is not None:
        spec = builtin_spec(choice.builtin, service.centre())
    else:  # messages name the template as the user knows it, not by its stored path
        centre = service.centre() if service.config.centre is not None else None
        spec = user_spec(choice.path, centre=centre)
        spec = dataclasses.replace(spec, template=choice.compile(centre))
    rows = service.config.batch_rows
    batch = prepare_batch(spec, folder / WORKBOOK_NAME, max_rows=rows)
    if len(batch) > rows:
        raise InputError(
            f"«{name}»: документов {len(batch)}, а за один раз можно не больше "
            f"{rows}; разделите таблицу на части"
        )
    return batch


def queued(service: Service) -> bool:
    """Tell whether this service's batches go through the queue (PostgreSQL)."""
    return queue.uses_queue(service.register)


def submit(service: Service, job: Job, batch: BatchJob, folder: Path) -> None:
    """Start a stored job: on the queue (PostgreSQL) or in this process (SQLite)."""
    if queued(service):
        queue.defer(service.register, job.id)
        ensure_worker(service)
    else:
        batch_jobs.start(service.register, job, batch, folder, service.config.workers)


def ensure_worker(service: Service) -> None:
    """Start this process's queue worker (once) when jobs go through the queue."""
    if not queued(service):
        return
    key = service.register.location
    with _lock:
        if key in _workers_started:
            return
        _workers_started.add(key)
    queue.start_background_worker(service.register, lambda job_id: run_queued(service, job_id))


def run_queued(service: Service, job_id: str) -> None:
    """Run a job taken from the queue (a worker's task); a job already taken is left alone."""
    job = claim_job(service.register, job_id)
    if job is None:
        return
    folder = service.path("batches", job_id)
    try:
        choice = find_template(service, job.template_id)
        batch = plan_batch(service, choice, folder, job.workbook)
    except (UserError, HTTPException) as exc:
        job.state = "failed"
        job.message = str(exc.detail) if isinstance(exc, HTTPException) else str(exc)
        save_job(service.register, job)
        return
    batch_jobs.execute(service.register, job, batch, folder, service.config.workers)
