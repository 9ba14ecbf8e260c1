"""Worker processes under limits: a hung, greedy or dying item costs its worker and its row only."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from docx import Document

from docgen.engine.batch import BatchOutput, prepare_batch, run_batch, user_spec
from docgen.engine.batch.error_report import ERROR_REPORT_NAME
from docgen.errors import TemplateError
from docgen.workers.limits import Limits
from docgen.workers.processes import Stopped, WorkerProcesses

SPAWN = multiprocessing.get_context("spawn")


def start_nothing() -> None:
    """Start a worker that needs no preparation."""


def start_failing() -> None:
    """Start a worker that cannot start (as a template that will not compile)."""
    raise SystemExit(3)


def handle(item: Any) -> Any:
    """Double a number; hang, eat memory or die on the words that say so."""
    if item == "hang":
        while True:
            time.sleep(0.01)
    if item == "greedy":
        return len(bytearray(4 * 1024**3))  # 4 GB at once, over any limit here
    if item == "die":
        os._exit(7)
    return item * 2


def test_each_bad_item_fails_alone_and_the_rest_come_back_in_order() -> None:
    items = [1, "hang", 2, "greedy", 3, "die", 4, 5, 6]
    processes: WorkerProcesses[Any, Any] = WorkerProcesses(
        2, start_nothing, (), handle, Limits(seconds=2, memory_mb=700), SPAWN, chunk_size=2
    )
    started = time.monotonic()
    results = list(processes.run(items))
    assert time.monotonic() - started < 60
    assert [item for item, _ in results] == items
    good = [result for item, result in results if isinstance(item, int)]
    assert good == [2, 4, 6, 8, 10, 12]
    reasons = {item: result.reason for item, result in results if isinstance(result, Stopped)}
    assert set(reasons) == {"hang", "greedy", "die"}
    assert "дольше 2 с" in reasons["hang"]
    assert "700 МБ" in reasons["greedy"]
    assert "аварийно завершился (код 7)" in reasons["die"]


def test_a_worker_that_cannot_start_stops_the_run_with_a_template_error() -> None:
    processes: WorkerProcesses[Any, Any] = WorkerProcesses(
        1, start_failing, (), handle, Limits(seconds=5), SPAWN
    )
    with pytest.raises(TemplateError, match="не удалось подготовить"):
        list(processes.run([1, 2]))


def write_template(path: Path, *paragraphs: str) -> Path:
    """Write a user template of plain paragraphs."""
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def write_names(path: Path, count: int) -> Path:
    """Write a workbook with a column ФИО of ``count`` pupils."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Ученики"
    sheet.append(["ФИО"])
    for number in range(1, count + 1):
        sheet.append([f"Ученик {number}"])
    book.save(path)
    return path


def test_a_worker_killed_mid_batch_costs_at_most_its_row(tmp_path: Path) -> None:
    template = write_template(tmp_path / "грамота.docx", "Грамота: {{ ФИО }}")
    job = prepare_batch(user_spec(template), write_names(tmp_path / "ученики.xlsx", 30))
    done: list[int] = []

    def kill_a_worker(count: int) -> None:
        done.append(count)
        if len(done) == 3:
            for child in multiprocessing.active_children():
                os.kill(child.pid or 0, signal.SIGKILL)

    result = run_batch(
        job, BatchOutput(tmp_path / "out"), jobs=1, progress=kill_a_worker, limits=Limits()
    )
    assert len(done) == 30
    assert len(result.documents) + len(result.failures) == 30
    assert len(result.failures) <= 1
    for failure in result.failures:
        assert "аварийно завершился" in failure.problems[0].describe()
        assert (tmp_path / "out" / ERROR_REPORT_NAME).is_file()
    assert (tmp_path / "out" / "Ученик 30, строка 31.docx").is_file()


def test_a_slow_row_fails_by_time_and_names_its_row(tmp_path: Path) -> None:
    slow = (
        "{% if ФИО == 'Ученик 2' %}{% for i in range(999) %}{% for j in range(999) %}"
        "{% endfor %}{% endfor %}{% endif %}"
    )
    template = write_template(tmp_path / "грамота.docx", "Грамота: {{ ФИО }}", slow)
    job = prepare_batch(user_spec(template), write_names(tmp_path / "ученики.xlsx", 4))
    result = run_batch(job, BatchOutput(tmp_path / "out"), jobs=1, limits=Limits(seconds=0.1))
    assert [failure.index for failure in result.failures] == [2]
    message = result.failures[0].problems[0].describe()
    assert "строка 3" in message and "дольше 0.1 с" in message
    assert len(result.documents) == 3
