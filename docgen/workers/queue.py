"""Carry jobs from the service to workers over PostgreSQL, with procrastinate.

On a PostgreSQL register a submitted batch is a row of the ``jobs`` table (its state, for
every service process) plus a procrastinate job that carries only its id. Any process that
runs a queue worker — ``docgen worker`` on any machine that reaches the database, and every
``docgen serve`` on PostgreSQL itself, one batch at a time — takes the next id and runs it.
With SQLite there is no queue: the service runs its batches itself.
"""

from __future__ import annotations

import importlib.util
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy import make_url, text

from docgen.register import Register

if TYPE_CHECKING:
    import procrastinate

TASK = "docgen.run_job"
QUEUE = "docgen"
_log = logging.getLogger(__name__)
_SCHEMA_LOCK = 7_270_002  # any constant: the key of PostgreSQL's advisory lock


def uses_queue(register: Register) -> bool:
    """Tell whether jobs on this register go through the queue or stay in the service.

    The queue needs PostgreSQL and procrastinate (the ``postgres`` extra); without either,
    each service process runs the batches it was given, with the same job table.
    """
    postgres = register.engine.dialect.name == "postgresql"
    return postgres and importlib.util.find_spec("procrastinate") is not None


def _conninfo(register: Register) -> str:
    url = make_url(register.engine.url).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


def _app(register: Register) -> procrastinate.App:
    import procrastinate

    connector = procrastinate.PsycopgConnector(conninfo=_conninfo(register))
    return procrastinate.App(connector=connector)


def ensure_schema(register: Register) -> None:
    """Create procrastinate's tables in the register's database unless they are there."""
    import procrastinate

    with register.engine.begin() as connection:
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _SCHEMA_LOCK})
        if connection.scalar(text("SELECT to_regclass('procrastinate_jobs')")) is not None:
            return
        schema = procrastinate.schema.SchemaManager.get_schema()
        connection.exec_driver_sql(schema.replace("%", "%%"))


def defer(register: Register, job_id: str) -> None:
    """Put job ``job_id`` on the queue for the next free worker."""
    ensure_schema(register)
    app = _app(register)
    with app.open():
        app.configure_task(name=TASK, queue=QUEUE).defer(job_id=job_id)


def run_worker(register: Register, handle: Callable[[str], None], *, wait: bool = True) -> None:
    """Take jobs from the queue and run ``handle(job_id)`` for each, one at a time.

    With ``wait`` the worker runs until it is stopped (Ctrl+C, SIGTERM); without, it stops
    once the queue is empty.
    """
    ensure_schema(register)
    app = _app(register)

    def run_job(job_id: str) -> None:
        handle(job_id)

    app.task(name=TASK, queue=QUEUE)(run_job)
    in_main = threading.current_thread() is threading.main_thread()
    app.run_worker(
        queues=[QUEUE],
        concurrency=1,
        wait=wait,
        install_signal_handlers=in_main,
        delete_jobs="successful",
    )


def start_background_worker(register: Register, handle: Callable[[str], None]) -> threading.Thread:
    """Run a queue worker in a daemon thread of this process (the service on PostgreSQL)."""

    def work() -> None:
        try:
            run_worker(register, handle)
        except Exception:  # a bug or a lost database: say so, the pages show jobs queued
            _log.exception("the job queue worker stopped")

    thread = threading.Thread(target=work, name="docgen-queue-worker", daemon=True)
    thread.start()
    return thread
