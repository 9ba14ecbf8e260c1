"""Remember what a batch wrote into a folder, so that running it again leaves no stale files.

The folder keeps ``.docgen-batch.json``: for each batch (its workbook and template) the
files the last run wrote, with their SHA-256. When the batch runs again into the folder,
files of the previous run that this run did not write again (their rows are now refused,
or gone from the workbook) are removed — unless someone changed them since, then they are
kept and named in the summary. Files written over are named as replaced.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docgen.engine.naming import path_inside
from docgen.engine.output import write_atomically
from docgen.errors import OutputError

MANIFEST_NAME = ".docgen-batch.json"
"""The file in an output folder that lists what each batch wrote there."""
_VERSION = 1


def digest(data: bytes) -> str:
    """Return the SHA-256 of ``data`` in hex."""
    return hashlib.sha256(data).hexdigest()


def file_digest(path: Path) -> str | None:
    """Return the SHA-256 of a file, or None when it cannot be read."""
    try:
        return digest(path.read_bytes())
    except OSError:
        return None


@dataclass
class FolderChanges:
    """What a batch did to files an earlier run (or someone) left in its folder."""

    rewritten: list[str] = field(default_factory=list)
    """Files of the previous run of this batch written again by this run."""
    replaced: list[str] = field(default_factory=list)
    """Other files that were in the folder and were written over by this run."""
    removed: list[str] = field(default_factory=list)
    """Files of the previous run of this batch that this run did not make: removed."""
    kept: list[str] = field(default_factory=list)
    """Such files that were changed after the previous run: left in place, out of date."""

    def describe(self, limit: int = 10) -> list[str]:
        """Return summary lines in Russian (none when nothing was there before)."""
        lines = []
        if self.rewritten:
            lines.append(f"документы прошлого запуска заменены новыми: {len(self.rewritten)}")
        for names, text in (
            (self.replaced, "заменены файлы, которые уже были в папке (не из прошлого запуска)"),
            (
                self.removed,
                "удалены документы прошлого запуска, которых в этот раз нет (их строки теперь "
                "с ошибками или удалены из таблицы)",
            ),
            (
                self.kept,
                "НЕ удалены документы прошлого запуска, которых в этот раз нет, — их изменили "
                "после прошлого запуска; они устарели, проверьте их",
            ),
        ):
            if names:
                shown = ", ".join(names[:limit]) + (" …" if len(names) > limit else "")
                lines.append(f"{text} ({len(names)}): {shown}")
        return lines


class FolderManifest:
    """The record of one batch's files in one folder (see the module's docstring)."""

    def __init__(self, folder: Path, origin: str) -> None:
        self.folder = folder
        self.origin = origin
        self.path = folder / MANIFEST_NAME
        self.runs = self._read()

    def previous(self) -> dict[str, str]:
        """Return the files the last run of this batch wrote: name → SHA-256."""
        files = self.runs.get(self.origin, {}).get("files", {})
        return (
            {str(name): str(sha) for name, sha in files.items()} if isinstance(files, dict) else {}
        )

    def tidy(self, written: dict[str, str]) -> FolderChanges:
        """Remove the previous run's files this run did not write; record this run's files."""
        changes = FolderChanges()
        for name, sha in self.previous().items():
            if name in written or name == MANIFEST_NAME:
                continue
            try:
                path = path_inside(self.folder, name)
            except OutputError:
                continue  # a name that is not a plain file of this folder is never touched
            if not path.is_file():
                continue
            if file_digest(path) == sha:
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
                changes.removed.append(name)
            else:
                changes.kept.append(name)
        self.runs[self.origin] = {"files": written}
        self._write()
        return changes

    def _read(self) -> dict[str, Any]:
        try:
            content = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}  # no record (or a damaged one): nothing is removed
        runs = content.get("runs") if isinstance(content, dict) else None
        return runs if isinstance(runs, dict) else {}

    def _write(self) -> None:
        text = json.dumps(
            {"version": _VERSION, "runs": self.runs}, ensure_ascii=False, indent=1, sort_keys=True
        )
        write_atomically(self.path, text.encode("utf-8"), durable=False)
