"""The record of what a batch wrote into a folder: only its own unchanged files are removed."""

from __future__ import annotations

import json
from pathlib import Path

from docgen.engine.batch.manifest import MANIFEST_NAME, FolderManifest, digest


def write(folder: Path, name: str, data: bytes) -> str:
    (folder / name).write_bytes(data)
    return digest(data)


def test_the_previous_runs_stale_files_are_removed_and_the_record_renewed(tmp_path: Path) -> None:
    first = {name: write(tmp_path, name, name.encode()) for name in ("a.docx", "b.docx")}
    FolderManifest(tmp_path, "p.xlsx → t").tidy(first)
    changes = FolderManifest(tmp_path, "p.xlsx → t").tidy({"a.docx": first["a.docx"]})
    assert changes.removed == ["b.docx"] and not changes.kept
    assert sorted(p.name for p in tmp_path.iterdir()) == [MANIFEST_NAME, "a.docx"]
    assert FolderManifest(tmp_path, "p.xlsx → t").previous() == {"a.docx": first["a.docx"]}


def test_a_changed_file_and_names_outside_the_folder_are_never_removed(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    outside = write(tmp_path, "outside.docx", b"x")
    edited = write(folder, "edited.docx", b"v1")
    record = {"runs": {"o": {"files": {"../outside.docx": outside, "edited.docx": edited}}}}
    (folder / MANIFEST_NAME).write_text(json.dumps(record), encoding="utf-8")
    (folder / "edited.docx").write_bytes(b"v2")
    changes = FolderManifest(folder, "o").tidy({})
    assert changes.kept == ["edited.docx"] and not changes.removed
    assert (tmp_path / "outside.docx").is_file() and (folder / "edited.docx").is_file()


def test_a_damaged_record_removes_nothing_and_other_batches_are_kept(tmp_path: Path) -> None:
    write(tmp_path, "a.docx", b"a")
    (tmp_path / MANIFEST_NAME).write_text("{not json", encoding="utf-8")
    assert FolderManifest(tmp_path, "one").tidy({}).removed == []
    assert (tmp_path / "a.docx").is_file()
    FolderManifest(tmp_path, "one").tidy({"a.docx": digest(b"a")})
    FolderManifest(tmp_path, "two").tidy({})
    assert FolderManifest(tmp_path, "one").previous() == {"a.docx": digest(b"a")}
