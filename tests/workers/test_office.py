"""Long-running LibreOffice converters: reuse, a killed or hung converter, the one-shot path."""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document

from docgen import pdf
from docgen.catalog import BUILTINS, load_centre
from docgen.engine.batch import BatchOutput, builtin_spec, prepare_batch, run_batch
from docgen.errors import OutputError
from docgen.workers.office_pool import Conversion, OfficePool
from docgen.workers.soffice import command_parts, convert_once

REPO = Path(__file__).resolve().parents[2]
skip_without_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="нужны LibreOffice (soffice) и poppler-utils (pdftotext)",
)


def make_docx(path: Path, text: str) -> Path:
    """Write a one-paragraph document."""
    document = Document()
    document.add_paragraph(text)
    document.save(str(path))
    return path


def pdf_text(path: Path) -> str:
    """Return the text of a PDF."""
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    )
    return result.stdout.decode("utf-8")


def office_pids(pool: OfficePool, number: int) -> tuple[int | None, list[int]]:
    """Return converter ``number``'s host process and its LibreOffice processes, if it runs."""
    try:
        state = json.loads((pool.home / f"converter-{number}" / "state.json").read_text())
    except FileNotFoundError:
        return None, []  # not started, or being started again
    found = subprocess.run(
        ["pgrep", "-g", str(state["pid"]), "-f", "soffice.bin"], capture_output=True, text=True
    )
    return state["pid"], [int(pid) for pid in found.stdout.split()]


@pytest.fixture(scope="module")
def pool(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OfficePool]:
    """Two converters in a folder of this test module, used by docgen.pdf, stopped after."""
    converters = OfficePool(2, tmp_path_factory.mktemp("office"), timeout=20)
    previous = pdf.office_pool()
    pdf.use_office_pool(converters)
    yield converters
    converters.stop()
    pdf.use_office_pool(previous)


def test_long_command_lines_are_split_under_the_limit() -> None:
    paths = [f"C:\\Документы центра\\договор {n:03}.docx" for n in range(400)]
    parts = list(command_parts(paths, limit=2_000))
    assert [path for part in parts for path in part] == paths
    assert len(parts) > 1
    assert all(sum(len(path) + 3 for path in part) <= 2_000 for part in parts)


def test_one_path_longer_than_the_limit_still_gets_its_own_run() -> None:
    assert list(command_parts(["a" * 50, "b"], limit=10)) == [["a" * 50], ["b"]]


@pytest.mark.libreoffice
@skip_without_libreoffice
def test_converters_stay_up_and_are_reused(pool: OfficePool, tmp_path: Path) -> None:
    folder = tmp_path / "папка с пробелами"
    folder.mkdir()
    documents = [
        make_docx(folder / f"Договор № {n} «Школа».docx", f"Договор номер {n}") for n in range(1, 5)
    ]
    done: list[int] = []
    pdfs = pdf.convert_to_pdf(documents, progress=done.append)
    assert [p.name for p in pdfs] == [f"Договор № {n} «Школа».pdf" for n in range(1, 5)]
    assert "Договор номер 3" in pdf_text(pdfs[2])
    assert sum(done) == 4
    hosts = [office_pids(pool, n)[0] for n in (1, 2)]
    assert hosts[0] is not None or hosts[1] is not None
    again = pdf.convert_to_pdf(documents[:1], tmp_path)
    assert "Договор номер 1" in pdf_text(again[0])
    assert [office_pids(pool, n)[0] for n in (1, 2)] == hosts  # no new LibreOffice
    assert not list(folder.glob(".docgen-pdf-*"))


@pytest.mark.libreoffice
@skip_without_libreoffice
def test_a_libreoffice_killed_mid_batch_loses_no_document(pool: OfficePool, tmp_path: Path) -> None:
    centre = load_centre(REPO / "samples" / "centre.yaml")
    job = prepare_batch(
        builtin_spec(BUILTINS["contract"], centre), REPO / "samples" / "agreements.xlsx"
    )
    warm = [make_docx(tmp_path / f"разогрев {n}.docx", "x") for n in (1, 2)]
    pdf.convert_to_pdf(warm, tmp_path)  # the converters are up before the batch
    killed: list[int] = []

    def kill_when_busy() -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not list((tmp_path / "out").glob("**/*.pdf")):
            time.sleep(0.02)
        while not killed and time.monotonic() < deadline:
            for pid in office_pids(pool, 1)[1]:
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
            time.sleep(0.02)

    killer = threading.Thread(target=kill_when_busy)
    killer.start()
    result = run_batch(job, BatchOutput(tmp_path / "out", pdf=True), jobs=1)
    killer.join()
    assert killed, "LibreOffice was not killed during the batch"
    assert len(result.pdfs) == len(result.documents) == len(job)
    for name in result.pdfs:
        assert "ДОГОВОР" in pdf_text(tmp_path / "out" / name).upper()


@pytest.mark.libreoffice
@skip_without_libreoffice
def test_a_hung_converter_is_killed_and_the_document_retried(tmp_path: Path) -> None:
    converters = OfficePool(1, tmp_path / "office", timeout=3)
    converters.prepare(shutil.which("soffice") or "soffice")
    first = make_docx(tmp_path / "первый.docx", "Первый")
    converters.convert([Conversion(first, tmp_path / "первый.pdf")])
    host, office = office_pids(converters, 1)
    for pid in office:
        os.kill(pid, signal.SIGSTOP)  # LibreOffice stops answering, as when it hangs
    try:
        second = make_docx(tmp_path / "второй.docx", "Второй")
        started = time.monotonic()
        result = converters.convert([Conversion(second, tmp_path / "второй.pdf")])
        assert not result.failures and not result.pending
        assert time.monotonic() - started < 60
        assert "Второй" in pdf_text(tmp_path / "второй.pdf")
        assert office_pids(converters, 1)[0] != host
    finally:
        for pid in office:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        converters.stop()


@pytest.mark.libreoffice
@skip_without_libreoffice
def test_without_uno_the_one_shot_path_converts_and_says_so(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    converters = OfficePool(1, tmp_path / "office")
    monkeypatch.setattr(
        "docgen.workers.office._python_candidates", lambda soffice: (sys.executable,)
    )
    monkeypatch.setattr(pdf, "_noticed", False)
    previous = pdf.office_pool()
    pdf.use_office_pool(converters)
    try:
        with caplog.at_level(logging.WARNING, logger="docgen.pdf"):
            made = pdf.convert_to_pdf([make_docx(tmp_path / "акт.docx", "Акт сверки")])
    finally:
        pdf.use_office_pool(previous)
    assert "Акт сверки" in pdf_text(made[0])
    assert "python3-uno" in caplog.text
    assert not (tmp_path / "office" / "converter-1" / "state.json").exists()


@pytest.mark.libreoffice
@skip_without_libreoffice
def test_one_shot_runs_split_a_long_list_and_keep_odd_names(tmp_path: Path) -> None:
    folder = tmp_path / "Папка «Центр» 2026"
    folder.mkdir()
    documents = [
        make_docx(folder / f"Грамота {n} — Иванов И. И..docx", f"Грамота {n}") for n in range(3)
    ]
    counted: list[int] = []
    soffice = shutil.which("soffice") or "soffice"
    convert_once(soffice, documents, folder, counted.append, limit=len(str(documents[0])) + 10)
    assert counted == [1, 1, 1]  # one run per document under this tiny limit
    for n, document in enumerate(documents):
        assert f"Грамота {n}" in pdf_text(document.with_suffix(".pdf"))


def test_a_missing_document_is_named(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="нет такого файла"):
        pdf.convert_to_pdf([tmp_path / "нет.docx"])


@pytest.mark.libreoffice
@skip_without_libreoffice
def test_the_pools_pdf_reads_as_the_one_shot_pdf(pool: OfficePool, tmp_path: Path) -> None:
    centre = load_centre(REPO / "samples" / "centre.yaml")
    spec = builtin_spec(BUILTINS["contract"], centre)
    job = prepare_batch(spec, REPO / "samples" / "agreements.xlsx")
    made = run_batch(job, BatchOutput(tmp_path / "docs"), jobs=1)
    contract = tmp_path / "docs" / made.documents[0]
    for folder in ("pool", "once"):
        (tmp_path / folder).mkdir()
    (pooled,) = pdf.convert_to_pdf([contract], tmp_path / "pool")
    convert_once(shutil.which("soffice") or "soffice", [contract], tmp_path / "once")
    once = tmp_path / "once" / pooled.name
    assert pdf_text(pooled) == pdf_text(once)
    assert "ДОГОВОР" in pdf_text(pooled)


@pytest.mark.libreoffice
@skip_without_libreoffice
def test_a_single_document_goes_to_a_converter_nobody_is_using(
    pool: OfficePool, tmp_path: Path
) -> None:
    document = make_docx(tmp_path / "справка.docx", "Справка о занятости")
    made: list[Path] = []
    (pool.home / "converter-1").mkdir(parents=True, exist_ok=True)
    with open(pool.home / "converter-1" / "lock", "a+b") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another command is converting on converter 1
        worker = threading.Thread(target=lambda: made.extend(pdf.convert_to_pdf([document])))
        worker.start()
        worker.join(60)
        done_while_busy = bool(made)
        fcntl.flock(lock, fcntl.LOCK_UN)
    worker.join()
    assert done_while_busy, "the document waited for the busy converter"
    assert "Справка о занятости" in pdf_text(made[0])


@pytest.mark.libreoffice
@skip_without_libreoffice
def test_a_document_libreoffice_cannot_open_is_named_after_two_tries(
    pool: OfficePool, tmp_path: Path
) -> None:
    broken = tmp_path / "сломанный договор.docx"
    broken.write_bytes(b"PK\x03\x04 not a whole zip")
    good = make_docx(tmp_path / "хороший.docx", "Хороший")
    with pytest.raises(OutputError) as raised:
        pdf.convert_to_pdf([good, broken])
    message = str(raised.value)
    assert "сломанный договор.docx" in message and "не смог открыть документ" in message
    assert "две попытки" in message and "хороший.docx" not in message
    assert not list(tmp_path.glob("*.pdf"))  # nothing half-made
