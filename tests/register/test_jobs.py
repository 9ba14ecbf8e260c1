"""Jobs in the register: stored, progressed, cancelled, interrupted when their runner is gone."""

from __future__ import annotations

import datetime as dt
import socket
import subprocess
import sys

from sqlalchemy import update

from docgen.register import Register
from docgen.register.jobs import (
    INTERRUPTED_MESSAGE,
    Job,
    create_job,
    find_job,
    list_jobs,
    record_progress,
    request_cancel,
    restart_job,
    save_job,
)
from docgen.register.tables import JobRow


def dead_pid() -> int:
    """Return the id of a process that has ended."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_a_job_is_stored_progressed_and_finished(register: Register) -> None:
    job = Job.new("batch", "грамота", "Грамота", "список.xlsx", total=3)
    create_job(register, job)
    assert not record_progress(register, job.id, done=2)
    found = find_job(register, job.id)
    assert found is not None and (found.state, found.done, found.label) == (
        "queued",
        2,
        "в очереди",
    )
    job.state, job.written, job.errors = "done", 3, ["лист «Данные», строка 5: ошибка"]
    save_job(register, job)
    done = find_job(register, job.id)
    assert done is not None and done.finished and done.errors == job.errors
    assert done.as_json()["label"] == "готово"
    assert [listed.id for listed in list_jobs(register)] == [job.id]


def test_cancel_is_seen_by_the_runner_and_not_undone_by_its_saves(register: Register) -> None:
    job = Job.new("batch", "грамота", "Грамота", "список.xlsx", total=3)
    create_job(register, job)
    asked = request_cancel(register, job.id)
    assert asked is not None and asked.cancel
    job.state = "running"
    save_job(register, job)  # the runner's own copy does not know of the request
    assert record_progress(register, job.id, done=1)


def test_a_job_whose_process_died_is_interrupted_and_can_be_restarted(register: Register) -> None:
    job = Job.new("batch", "грамота", "Грамота", "список.xlsx", total=3)
    job.state, job.owner = "running", f"{socket.gethostname()}:{dead_pid()}"
    create_job(register, job)
    found = find_job(register, job.id)
    assert found is not None
    assert (found.state, found.message, found.restartable) == (
        "interrupted",
        INTERRUPTED_MESSAGE,
        True,
    )
    again = restart_job(register, job.id)
    assert again is not None and (again.state, again.done) == ("queued", 0)
    assert find_job(register, job.id) == again


def test_a_silent_runner_on_another_machine_is_interrupted(register: Register) -> None:
    job = Job.new("batch", "грамота", "Грамота", "список.xlsx", total=3)
    job.state, job.owner = "running", "другая-машина:1"
    create_job(register, job)
    found = find_job(register, job.id)
    assert found is not None and found.state == "running"  # it spoke just now
    old = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5)
    register.run(
        lambda session: session.execute(
            update(JobRow).where(JobRow.id == job.id).values(beat_at=old)
        )
    )
    found = find_job(register, job.id)
    assert found is not None and found.state == "interrupted"


def test_a_finished_job_is_not_restarted(register: Register) -> None:
    job = Job.new("batch", "грамота", "Грамота", "список.xlsx", total=3)
    job.state = "done"
    create_job(register, job)
    again = restart_job(register, job.id)
    assert again is not None and again.state == "done"
