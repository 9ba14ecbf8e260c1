"""A wheel built from the repository carries everything ``docgen demo`` needs.

The test builds a real wheel from a copy of the project's files, unpacks it into a folder
that is put first on ``PYTHONPATH`` (so the unpacked package, not this checkout, is
imported) and runs the demo from an empty folder without a ``docgen.toml``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docx import Document

REPO = Path(__file__).resolve().parents[1]
PROJECT_FILES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md")
PROJECT_FOLDERS = ("docgen", "templates", "samples", "contracts")


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the wheel from a copy of the project and unpack it; return the folder."""
    root = tmp_path_factory.mktemp("wheel")
    source = root / "source"
    source.mkdir()
    for name in PROJECT_FILES:
        shutil.copy2(REPO / name, source / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "bundled")
    for name in PROJECT_FOLDERS:
        shutil.copytree(REPO / name, source / name, ignore=ignore)
    dist = root / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(dist), str(source)],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("docgen-*.whl")
    site = root / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    return site


def _run(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run Python with the unpacked wheel first on the path, without docgen's settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DOCGEN_")}
    env["PYTHONPATH"] = str(site)
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def test_wheel_carries_templates_clauses_and_samples(installed: Path) -> None:
    bundled = installed / "docgen" / "bundled"
    shipped = {p.relative_to(bundled).as_posix() for p in bundled.rglob("*") if p.is_file()}
    for name in (REPO / "templates").glob("*.docx"):
        assert f"templates/{name.name}" in shipped
    for name in (REPO / "contracts").glob("*.yaml"):
        assert f"contracts/{name.name}" in shipped
    assert "samples/centre.yaml" in shipped
    for name in (REPO / "templates" / "clauses").rglob("*.yaml"):
        assert name.relative_to(REPO).as_posix() in shipped
    assert any(name.startswith("templates/clauses/") for name in shipped)
    assert not any(name.endswith(".py") for name in shipped), "build scripts are not shipped"


def test_installed_demo_runs_from_an_empty_folder(installed: Path, tmp_path: Path) -> None:
    where = _run(installed, tmp_path, "-c", "import docgen; print(docgen.__file__)")
    assert Path(where.stdout.strip()).is_relative_to(installed), where.stderr
    out = tmp_path / "демо с пробелом"
    command = ["-c", "from docgen.cli import main; main()", "demo", "--out", str(out)]
    result = _run(installed, tmp_path, *command)
    assert result.returncode == 0, result.stderr
    assert "взят пример, поставляемый с docgen" in result.stderr
    documents = sorted(out.rglob("*.docx"))
    expected = len(list((REPO / "contracts").glob("*.yaml")))
    assert len(documents) > expected
    contract = next(p for p in documents if p.name.startswith("Договор"))
    text = "\n".join(p.text for p in Document(str(contract)).paragraphs)
    assert "Центр внешкольной работы" in text or "ЦВР" in text
