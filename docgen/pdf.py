"""Convert .docx documents to PDF with LibreOffice, one process for the whole set.

LibreOffice starts slowly (a few seconds) and converts quickly, so every file of a set goes
to one ``soffice --headless --convert-to pdf`` call. Each call gets its own LibreOffice
profile in a temporary folder: two conversions at once never share (and lock) a profile,
and a user's own LibreOffice settings never change the result. PDFs are made in a hidden
folder next to their destination and moved into place only when all of them exist.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from docgen.errors import OutputError

INSTALL_HINT = (
    "для PDF нужен LibreOffice, а программа soffice не найдена. Установите его: "
    "sudo apt-get install -y libreoffice-writer-nogui (Debian, Ubuntu) или с сайта "
    "libreoffice.org (Windows, macOS), затем повторите команду"
)
SECONDS_PER_FILE = 30
"""How long one document may take before the conversion is given up as hung."""


def find_soffice() -> str:
    """Return the LibreOffice program to run, or explain how to install it."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise OutputError(INSTALL_HINT)


def convert_to_pdf(documents: Sequence[Path], out_dir: Path | None = None) -> list[Path]:
    """Convert documents to PDF in ``out_dir`` (default: beside the first); return the PDFs.

    The PDFs come back in the order of ``documents``, named like them with ``.pdf``.
    """
    if not documents:
        return []
    folder = out_dir if out_dir is not None else documents[0].parent
    targets = [folder / f"{document.stem}.pdf" for document in documents]
    _check_inputs(documents, targets)
    soffice = find_soffice()
    try:
        staging = Path(tempfile.mkdtemp(prefix=".docgen-pdf-", dir=folder))
    except OSError as exc:
        raise OutputError(f"{folder}: не удалось создать PDF в этой папке ({exc})") from exc
    try:
        _run(soffice, documents, staging)
        made = [staging / target.name for target in targets]
        missing = [document for document, pdf in zip(documents, made, strict=True)
                   if not pdf.is_file()]  # fmt: skip
        if missing:
            names = ", ".join(str(document) for document in missing)
            raise OutputError(f"LibreOffice не сделал PDF из: {names}")
        for pdf, target in zip(made, targets, strict=True):
            os.replace(pdf, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return targets


def _check_inputs(documents: Sequence[Path], targets: Sequence[Path]) -> None:
    for document in documents:
        if not document.is_file():
            raise OutputError(f"{document}: нет такого файла, PDF сделать не из чего")
    seen: dict[Path, Path] = {}
    for document, target in zip(documents, targets, strict=True):
        if target in seen:
            raise OutputError(
                f"{seen[target]} и {document} дали бы один и тот же PDF {target}; "
                "переименуйте один из файлов"
            )
        seen[target] = document


def _run(soffice: str, documents: Sequence[Path], out_dir: Path) -> None:
    """Run one LibreOffice process that converts every document into ``out_dir``."""
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
            *(str(document.resolve()) for document in documents),
        ]
        timeout = 60 + SECONDS_PER_FILE * len(documents)
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
