"""Jobs in the register's database: batches submitted through the service, seen by every process.

    job = Job.new("batch", "грамота", "Грамота", "список.xlsx", total=120)
    create_job(register, job)                     # queued, owned by this process
    cancel = record_progress(register, job.id, done=40)   # also says the runner is alive
    save_job(register, job)                       # done / failed / cancelled, with results
    find_job(register, job.id)                    # from any service process

A runner says it is alive (``beat_at``) every few seconds. A job whose runner is gone — its
process no longer exists on this machine, or it has not said a word for ``STALE_SECONDS`` —
is shown as interrupted (never forgotten), and can be started again. A job waiting on the
PostgreSQL queue (``docgen.workers.queue``) has no owner until a worker claims it.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import socket
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from docgen.register.database import Register
from docgen.register.tables import JobRow

STALE_SECONDS = 30.0
"""A runner silent for this long is taken for dead."""
ACTIVE = ("queued", "running")
ENDED = ("done", "failed", "cancelled", "interrupted")
LABELS = {
    "queued": "в очереди",
    "running": "собирается",
    "done": "готово",
    "failed": "ошибка",
    "cancelled": "отменён",
    "interrupted": "прерван",
}
INTERRUPTED_MESSAGE = (
    "сборка прервана: сервис был перезапущен или остановлен; нажмите «перезапустить»"
)


def this_process() -> str:
    """Return who runs a job here: the machine's name and this process's id."""
    return f"{socket.gethostname()}:{os.getpid()}"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _utc(stamp: dt.datetime) -> dt.datetime:
    """Return ``stamp`` in UTC: SQLite gives naive datetimes back."""
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.UTC)


@dataclass
class Job:
    """What the pages show of a job: its progress, result and files."""

    id: str
    kind: str
    template_id: str
    template: str
    workbook: str
    total: int
    state: str = "queued"
    done: int = 0
    written: int = 0
    skipped: int = 0
    message: str = ""
    errors: list[str] = field(default_factory=list)
    archive: bool = False
    error_report: bool = False
    cancel: bool = False
    owner: str | None = None
    created_at: dt.datetime = field(default_factory=_now)
    beat_at: dt.datetime = field(default_factory=_now)

    @classmethod
    def new(cls, kind: str, template_id: str, template: str, workbook: str, total: int) -> Job:
        """Return a queued job owned by this process, with a fresh random id."""
        return cls(
            secrets.token_hex(8), kind, template_id, template, workbook, total, owner=this_process()
        )

    @property
    def finished(self) -> bool:
        """Tell whether the job has ended, well or not."""
        return self.state in ENDED

    @property
    def label(self) -> str:
        """Return the state in Russian."""
        return LABELS[self.state]

    @property
    def restartable(self) -> bool:
        """Tell whether the job may be started again (it ended without its documents)."""
        return self.state in ("interrupted", "failed", "cancelled")

    def as_json(self) -> dict[str, object]:
        """Return the job for the API."""
        data = asdict(self)
        data.pop("owner")
        data.update(
            created_at=self.created_at.isoformat(),
            beat_at=self.beat_at.isoformat(),
            finished=self.finished,
            label=self.label,
            restartable=self.restartable,
        )
        return data


_FIELDS = tuple(f.name for f in fields(Job))


def _job(row: JobRow) -> Job:
    job = Job(**{name: getattr(row, name) for name in _FIELDS})
    job.created_at, job.beat_at = _utc(job.created_at), _utc(job.beat_at)
    return job


def create_job(register: Register, job: Job) -> None:
    """Store a new job."""
    register.run(lambda session: session.add(JobRow(**asdict(job))))


def find_job(register: Register, job_id: str) -> Job | None:
    """Return a job by id (interrupted if its runner is gone), or None."""
    return register.run(lambda session: _checked(session, session.get(JobRow, job_id)))


def list_jobs(register: Register, limit: int = 50) -> list[Job]:
    """Return the newest jobs first, each checked for a runner that is gone."""

    def work(session: Session) -> list[Job]:
        rows = session.scalars(select(JobRow).order_by(JobRow.created_at.desc()).limit(limit))
        return [job for row in rows if (job := _checked(session, row)) is not None]

    return register.run(work)


def _checked(session: Session, row: JobRow | None) -> Job | None:
    if row is None:
        return None
    waiting = row.state == "queued" and row.owner is None  # on the queue: no runner yet
    if row.state in ACTIVE and not waiting and _runner_gone(row):
        row.state, row.message, row.owner = "interrupted", INTERRUPTED_MESSAGE, None
    return _job(row)


def _runner_gone(row: JobRow) -> bool:
    if (_now() - _utc(row.beat_at)).total_seconds() > STALE_SECONDS:
        return True
    host, _, pid = (row.owner or "").rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False  # another machine's runner: only its silence tells
    return not _alive(int(pid))


def _alive(pid: int) -> bool:
    """Tell whether process ``pid`` runs here (an exited one not yet reaped does not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, under another user
    try:  # Linux: a zombie has state Z after its name
        return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def record_progress(register: Register, job_id: str, done: int | None = None) -> bool:
    """Note the runner is alive (and how far it is); return whether it was asked to stop."""

    def work(session: Session) -> bool:
        values: dict[str, object] = {"beat_at": _now()}
        if done is not None:
            values["done"] = done
        session.execute(update(JobRow).where(JobRow.id == job_id).values(**values))
        return bool(session.scalar(select(JobRow.cancel).where(JobRow.id == job_id)))

    return register.run(work)


def save_job(register: Register, job: Job) -> None:
    """Write every field of ``job`` (its state and results)."""
    job.beat_at = _now()
    values = asdict(job)
    values.pop("id")
    values.pop("cancel")  # asked by others; the runner never clears or sets it
    register.run(
        lambda session: session.execute(update(JobRow).where(JobRow.id == job.id).values(**values))
    )


def request_cancel(register: Register, job_id: str) -> Job | None:
    """Ask a queued or running job to stop; return the job (None if there is none)."""

    def work(session: Session) -> Job | None:
        row = session.get(JobRow, job_id)
        if row is not None and row.state in ACTIVE:
            row.cancel = True
        return _checked(session, row)

    return register.run(work)


def claim_job(register: Register, job_id: str) -> Job | None:
    """Take a queued job for this process to run; None if it is gone, taken or cancelled."""

    def work(session: Session) -> Job | None:
        row = session.get(JobRow, job_id, with_for_update=True)
        if row is None or row.state != "queued" or row.owner is not None:
            return None
        if row.cancel:
            row.state, row.message = "cancelled", "сборка отменена до начала"
            return None
        row.state, row.owner, row.beat_at = "running", this_process(), _now()
        return _job(row)

    return register.run(work)


def restart_job(register: Register, job_id: str, *, queued: bool = False) -> Job | None:
    """Queue an ended job again with its counts reset: for this process, or for the queue."""

    def work(session: Session) -> Job | None:
        row = session.get(JobRow, job_id)
        job = _checked(session, row)
        if row is None or job is None or not job.restartable:
            return job
        owner = None if queued else this_process()
        fresh = Job(
            job.id,
            job.kind,
            job.template_id,
            job.template,
            job.workbook,
            job.total,
            owner=owner,
            created_at=job.created_at,
        )
        for name, value in asdict(fresh).items():
            setattr(row, name, value)
        return fresh

    return register.run(work)


def delete_jobs(register: Register, job_ids: list[str]) -> None:
    """Forget jobs (their folders were removed by retention)."""
    if not job_ids:  # called on every submit; most find nothing expired
        return
    register.run(lambda session: session.execute(delete(JobRow).where(JobRow.id.in_(job_ids))))
