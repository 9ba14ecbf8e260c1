"""Run batches for the web service in a background thread, one at a time, with progress.

A batch is the engine's (``prepare_batch`` then ``run_batch``); this module only keeps its
state where the pages and the API can read it: how many documents are done, what was
written, which rows were skipped and where the ZIP and the error workbook are.
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import asdict, dataclass, field
from pathlib import Path

from docgen.engine.batch import BatchJob, BatchOutput, BatchResult, run_batch
from docgen.errors import UserError

ARCHIVE_NAME = "документы.zip"
STATE_NAME = "состояние.json"
ERRORS_SHOWN = 50
_RUNNING = threading.Semaphore(1)  # a 2-core machine renders one batch at a time, well
_log = logging.getLogger(__name__)


@dataclass
class BatchState:
    """What the pages show of a batch: its progress, result and files."""

    id: str
    template: str
    workbook: str
    total: int
    done: int = 0
    state: str = "queued"
    """queued, running, done or failed."""
    written: int = 0
    skipped: int = 0
    message: str = ""
    errors: list[str] = field(default_factory=list)
    archive: bool = False
    error_report: bool = False

    @property
    def finished(self) -> bool:
        """Tell whether the batch has ended, well or not."""
        return self.state in ("done", "failed")

    @property
    def label(self) -> str:
        """Return the state in Russian."""
        return _LABELS[self.state]

    def as_json(self) -> dict[str, object]:
        """Return the state for the API."""
        return {**asdict(self), "finished": self.finished, "label": self.label}

    def advance(self, count: int) -> None:
        """Count ``count`` more documents done (the engine's progress callback)."""
        self.done += count


_LABELS = {"queued": "в очереди", "running": "собирается", "done": "готово", "failed": "ошибка"}


def start(state: BatchState, job: BatchJob, folder: Path, workers: int) -> threading.Thread:
    """Run ``job`` into ``folder`` in a background thread; ``state`` follows it."""
    thread = threading.Thread(
        target=_run, args=(state, job, folder, workers), name=f"batch-{state.id}", daemon=True
    )
    thread.start()
    return thread


def _run(state: BatchState, job: BatchJob, folder: Path, workers: int) -> None:
    with _RUNNING:
        state.state = "running"
        try:
            output = BatchOutput(folder, archive=folder / ARCHIVE_NAME)
            _finish(state, run_batch(job, output, jobs=workers, progress=state.advance))
        except UserError as exc:
            state.state, state.message = "failed", str(exc)
        except Exception:  # a bug: keep the traceback in the log, tell the person plainly
            _log.exception("batch %s failed", state.id)
            state.state = "failed"
            state.message = "внутренняя ошибка сервиса при сборке; сообщите администратору"
        finally:
            save(state, folder)


def _finish(state: BatchState, result: BatchResult) -> None:
    errors = result.errors()
    state.written = len(result.documents)
    state.skipped = len(result.failures)
    state.errors = [error.describe() for error in errors[:ERRORS_SHOWN]]
    if len(errors) > ERRORS_SHOWN:
        state.errors.append(f"… и ещё {len(errors) - ERRORS_SHOWN} — все в таблице ошибок")
    state.archive = result.archive is not None
    state.error_report = result.error_report is not None
    state.message = f"документов собрано: {state.written} из {result.total}"
    state.state = "done"


def save(state: BatchState, folder: Path) -> None:
    """Write the state beside the batch's files, so a restarted service still knows it."""
    text = json.dumps(asdict(state), ensure_ascii=False)
    (folder / STATE_NAME).write_text(text, encoding="utf-8")


def load(folder: Path) -> BatchState | None:
    """Return the saved state of a finished batch, if there is one."""
    path = folder / STATE_NAME
    if not path.is_file():
        return None
    return BatchState(**json.loads(path.read_text(encoding="utf-8")))
