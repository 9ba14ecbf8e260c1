"""Convert documents with one-shot ``soffice --convert-to pdf`` runs (the fallback path).

Used where the long-running converters cannot run (no unoserver, no LibreOffice Python with
``uno``, no ``flock``). Each run gets its own LibreOffice profile in a temporary folder, so
two conversions at once never share (and lock) a profile and a user's own LibreOffice
settings never change the result. A long list of files is split over several runs, each
command line well under Windows' limit of 32 767 characters.
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from docgen.errors import OutputError

SECONDS_PER_FILE = 30
"""How long one document may take before the conversion is given up as hung."""
COMMAND_CHARACTERS = 24_000
"""The longest command line one run gets (Windows refuses more than 32 767 characters)."""


def convert_once(
    soffice: str,
    documents: Sequence[Path],
    out_dir: Path,
    progress: Callable[[int], None] | None = None,
    limit: int = COMMAND_CHARACTERS,
) -> None:
    """Convert ``documents`` into ``out_dir`` with as few ``soffice`` runs as ``limit`` allows."""
    for part in command_parts([str(document.resolve()) for document in documents], limit):
        _run(soffice, part, out_dir)
        if progress is not None:
            progress(len(part))


def command_parts(paths: Sequence[str], limit: int = COMMAND_CHARACTERS) -> Iterator[list[str]]:
    """Yield ``paths`` in runs whose length (with quotes and spaces) stays under ``limit``."""
    part: list[str] = []
    length = 0
    for path in paths:
        size = len(path) + 3
        if part and length + size > limit:
            yield part
            part, length = [], 0
        part.append(path)
        length += size
    if part:
        yield part


def _run(soffice: str, paths: Sequence[str], out_dir: Path) -> None:
    """Run one LibreOffice process that converts every file of ``paths`` into ``out_dir``."""
    with tempfile.TemporaryDirectory(prefix="docgen-libreoffice-") as profile:
        command = [
            soffice,
            f"-env:UserInstallation={Path(profile).resolve().as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            *paths,
        ]
        timeout = 60 + SECONDS_PER_FILE * len(paths)
        try:
            result = subprocess.run(
                command,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise OutputError(
                f"LibreOffice не закончил преобразование в PDF за {timeout} с; "
                "закройте зависшие окна LibreOffice и повторите"
            ) from exc
        except OSError as exc:
            raise OutputError(f"не удалось запустить LibreOffice ({soffice}): {exc}") from exc
    if result.returncode != 0:
        lines = (result.stderr or result.stdout).strip().splitlines()
        reason = lines[-1] if lines else f"код {result.returncode}"
        raise OutputError(f"LibreOffice завершился с ошибкой: {reason}")
