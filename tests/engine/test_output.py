"""Output files are written whole or not at all."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from docgen.engine import write_atomically
from docgen.errors import OutputError


def test_writes_and_replaces(tmp_path: Path) -> None:
    path = tmp_path / "договор.docx"
    write_atomically(path, b"first")
    write_atomically(path, b"second", durable=False)
    assert path.read_bytes() == b"second"
    assert [p.name for p in tmp_path.iterdir()] == ["договор.docx"]


def test_failure_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "договор.docx"
    path.write_bytes(b"old")
    not_bytes: Any = object()
    with pytest.raises(TypeError):
        write_atomically(path, not_bytes)
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["договор.docx"]


def test_missing_folder_is_an_output_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match=r"папки .* нет"):
        write_atomically(tmp_path / "нет" / "договор.docx", b"x")


def test_folder_in_place_of_the_file_is_an_output_error(tmp_path: Path) -> None:
    (tmp_path / "договор.docx").mkdir()
    with pytest.raises(OutputError, match="это папка"):
        write_atomically(tmp_path / "договор.docx", b"x")
