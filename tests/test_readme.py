"""README's two set-up commands stay true: CI runs exactly its test command."""

from __future__ import annotations

import re
from pathlib import Path


def _shell_blocks(readme: str) -> list[str]:
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", readme, flags=re.S)]


def test_readme_has_the_main_job_and_the_test_command(repo: Path) -> None:
    blocks = _shell_blocks((repo / "README.md").read_text(encoding="utf-8"))
    assert len(blocks) >= 2
    main_job, tests = blocks[0], blocks[1]
    assert "docgen " in main_job and "pip install" in main_job
    assert "pytest" in tests and ".[test]" in tests


def test_ci_runs_exactly_the_readme_test_command(repo: Path) -> None:
    tests = _shell_blocks((repo / "README.md").read_text(encoding="utf-8"))[1]
    ci_lines = (repo / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert tests in ci_lines
