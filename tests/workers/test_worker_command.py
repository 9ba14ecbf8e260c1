"""docgen worker: refuses a register without a queue, naming what it needs."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from docgen.cli import cli


def test_a_worker_on_sqlite_says_the_queue_needs_postgresql(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli,
        ["worker", "--db", str(tmp_path / "реестр.sqlite3"), "--data", str(tmp_path / "данные")],
    )
    assert result.exit_code == 1
    assert "очередь заданий есть только в PostgreSQL" in result.output
    assert "docgen serve" in result.output
