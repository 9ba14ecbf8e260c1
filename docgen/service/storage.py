"""Keep the service's data folder bounded: a quota on stored bytes, old batches removed.

Uploaded templates (``templates/``), batch results (``batches/``) and rendered agreements
(``documents/``) count against one quota (``ServiceConfig.max_stored_bytes``); an upload or a
batch that would pass it is refused with a message saying what to delete. Batch folders older
than ``batch_retention_hours`` are removed by ``remove_expired_batches``, which the service
runs on start and before each new batch.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from docgen.errors import OutputError
from docgen.service.config import MEGABYTE, ServiceConfig

COUNTED_FOLDERS = ("templates", "batches", "documents")


class QuotaExceeded(OutputError):
    """Storing more would pass the data folder's quota (answered with 507)."""


def stored_bytes(data_dir: Path) -> int:
    """Return how many bytes the counted folders of the data folder hold."""
    total = 0
    for name in COUNTED_FOLDERS:
        folder = data_dir / name
        if folder.is_dir():
            total += sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    return total


def check_quota(config: ServiceConfig, incoming: int) -> None:
    """Refuse to store ``incoming`` more bytes when the data folder would pass its quota."""
    used = stored_bytes(config.data_dir)
    if used + incoming <= config.max_stored_bytes:
        return
    limit = config.max_stored_bytes // MEGABYTE
    raise QuotaExceeded(
        f"место для файлов сервиса закончилось: занято {used // MEGABYTE} МБ из {limit} МБ. "
        "Удалите ненужные шаблоны на странице «Шаблоны» или дождитесь, пока старые пакеты "
        "удалятся сами, и повторите"
    )


def remove_expired_batches(config: ServiceConfig, now: float | None = None) -> list[str]:
    """Remove batch folders older than the retention time; return the ids removed."""
    folder = config.data_dir / "batches"
    if not folder.is_dir():
        return []
    cutoff = (time.time() if now is None else now) - config.batch_retention_hours * 3600
    removed = []
    for batch in sorted(folder.iterdir()):
        if batch.is_dir() and batch.stat().st_mtime < cutoff:
            shutil.rmtree(batch, ignore_errors=True)
            removed.append(batch.name)
    return removed
