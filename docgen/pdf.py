"""Convert .docx documents to PDF with LibreOffice: on long-running converters when possible.

The converters (``docgen.workers``) stay up between commands, one per core, so a warm
conversion costs a fraction of a second instead of LibreOffice's start. Where they cannot
run (no unoserver or no LibreOffice Python with ``uno``), one ``soffice --convert-to pdf``
run converts the set, with a notice saying what to install. Either way the PDFs are made in
a hidden folder next to their destination and moved into place only when all of them exist.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from docgen.errors import OutputError
from docgen.workers.office import OfficeUnavailable
from docgen.workers.office_pool import Conversion, OfficePool
from docgen.workers.soffice import convert_once

INSTALL_HINT = (
    "для PDF нужен LibreOffice, а программа soffice не найдена. Установите его: "
    "sudo apt-get install -y libreoffice-writer-nogui (Debian, Ubuntu) или с сайта "
    "libreoffice.org (Windows, macOS), затем повторите команду"
)
_log = logging.getLogger(__name__)
_pool: OfficePool | None = None
_pool_enabled = sys.platform != "win32"  # converters lock their folders with flock
_noticed = False


def installed_soffice() -> str | None:
    """Return the LibreOffice program found on PATH, or None when there is none."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def find_soffice() -> str:
    """Return the LibreOffice program to run, or explain how to install it."""
    found = installed_soffice()
    if found is None:
        raise OutputError(INSTALL_HINT)
    return found


def office_pool() -> OfficePool | None:
    """Return this process's converter pool (made on first use), or None if it is turned off."""
    global _pool
    if not _pool_enabled:
        return None
    if _pool is None:
        _pool = OfficePool()
    return _pool


def use_office_pool(pool: OfficePool | None) -> None:
    """Convert with ``pool`` from now on; None turns the converters off (one-shot runs)."""
    global _pool, _pool_enabled
    _pool, _pool_enabled = pool, pool is not None


def convert_to_pdf(
    documents: Sequence[Path],
    out_dir: Path | None = None,
    *,
    progress: Callable[[int], None] | None = None,
) -> list[Path]:
    """Convert documents to PDF in ``out_dir`` (default: beside the first); return the PDFs.

    The PDFs come back in the order of ``documents``, named like them with ``.pdf``.
    ``progress`` is called with the number of documents converted as they are.
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
        made = [staging / target.name for target in targets]
        _convert(soffice, list(zip(documents, made, strict=True)), staging, progress)
        missing = [
            document for document, pdf in zip(documents, made, strict=True) if not pdf.is_file()
        ]
        if missing:
            names = ", ".join(str(document) for document in missing)
            raise OutputError(f"LibreOffice не сделал PDF из: {names}")
        for pdf, target in zip(made, targets, strict=True):
            os.replace(pdf, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return targets


def _convert(
    soffice: str,
    pairs: list[tuple[Path, Path]],
    staging: Path,
    progress: Callable[[int], None] | None,
) -> None:
    """Convert on the pool; what it cannot take goes to one-shot ``soffice`` runs."""
    pending = [document for document, _ in pairs]
    pool = office_pool()
    if pool is not None:
        try:
            pool.prepare(soffice)
        except OfficeUnavailable as exc:
            _notice(str(exc))
        else:
            result = pool.convert([Conversion(*pair) for pair in pairs], progress)
            if result.failures:
                lines = [
                    f"{failure.document.name}: {failure.reason}" for failure in result.failures
                ]
                raise OutputError(
                    "PDF не сделан (две попытки) — " + "; ".join(lines) + ". Откройте документ в "
                    "LibreOffice Writer: если он не открывается и там, исправьте его и повторите"
                )
            if result.unavailable:
                _notice(result.unavailable[0])
            pending = [conversion.document for conversion in result.pending]
    if pending:
        convert_once(soffice, pending, staging, progress)


def _notice(reason: str) -> None:
    """Say once per process that PDFs are made the slow way, and how to make them fast."""
    global _noticed
    if not _noticed:
        _noticed = True
        _log.warning(
            "примечание: PDF делаются медленнее — LibreOffice запускается заново на каждый "
            "набор документов (%s)",
            reason,
        )


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
