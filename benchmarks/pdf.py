"""Convert N contracts to PDF three ways: a LibreOffice per document, one for the set, the pool.

Run: ``python benchmarks/pdf.py [--docs 24] [--one-each 6]``.

The documents are the built-in contract rendered from samples/agreements.xlsx (repeated
under new names up to ``--docs``). Ways, each into a fresh folder:
(a) one ``soffice --convert-to pdf`` per document — slow, so only the first ``--one-each``
    documents are converted and the rate is per document measured;
(b) one ``soffice`` for the whole set (docgen before the converters);
(c) the pool of long-running converters (one per core): «cold» includes starting them,
    «warm» is the next set on the converters already up — what every command after the
    first, and the service, gets.
Then the latency of one warm ``render --pdf``: rendering a contract and converting it on
the warm pool, in this process; and the whole ``docgen render … --pdf`` command for
reference (a Python start and docgen's imports included). The converters run in a folder
of their own and are stopped at the end.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from docgen import pdf
from docgen.catalog import BUILTINS, load_centre
from docgen.engine.batch import BatchOutput, builtin_spec, prepare_batch, run_batch
from docgen.workers.office_pool import OfficePool
from docgen.workers.soffice import convert_once

REPO = Path(__file__).resolve().parents[1]
CENTRE = REPO / "samples" / "centre.yaml"
WORKBOOK = REPO / "samples" / "agreements.xlsx"
AGREEMENT = REPO / "contracts" / "2026-001-school-5.yaml"


def make_documents(folder: Path, count: int) -> list[Path]:
    """Render the contracts of the sample workbook and copy them up to ``count`` files."""
    job = prepare_batch(builtin_spec(BUILTINS["contract"], load_centre(CENTRE)), WORKBOOK)
    made = run_batch(job, BatchOutput(folder / "rendered"), jobs=1)
    sources = [folder / "rendered" / name for name in made.documents]
    documents = []
    for number in range(count):
        document = folder / "docs" / f"договор {number + 1:03}.docx"
        document.parent.mkdir(exist_ok=True)
        shutil.copyfile(sources[number % len(sources)], document)
        documents.append(document)
    return documents


def timed(action: Callable[[], object]) -> float:
    """Return how many seconds ``action`` took."""
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def fresh(folder: Path) -> Path:
    """Return an empty folder."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def measure(work: Path, count: int, one_each: int) -> list[tuple[str, int, float]]:
    """Return (way, documents, seconds) for each way of converting."""
    soffice = pdf.find_soffice()
    documents = make_documents(work, count)
    sample = documents[:one_each]
    rows = []
    out = fresh(work / "a")
    rows.append(
        (
            "(a) soffice per document",
            len(sample),
            timed(lambda: [convert_once(soffice, [document], out) for document in sample]),
        )
    )
    out = fresh(work / "b")
    rows.append(
        ("(b) one soffice for the set", count, timed(lambda: convert_once(soffice, documents, out)))
    )
    pool = OfficePool(0, work / "office")
    pdf.use_office_pool(pool)
    out = fresh(work / "c1")
    rows.append(
        (f"(c) pool of {pool.size}, cold", count, timed(lambda: pdf.convert_to_pdf(documents, out)))
    )
    out = fresh(work / "c2")
    rows.append(
        (f"(c) pool of {pool.size}, warm", count, timed(lambda: pdf.convert_to_pdf(documents, out)))
    )
    return rows


def warm_single(work: Path) -> tuple[float, float]:
    """Return the seconds of one warm render + PDF here, and of the whole CLI command."""
    from click.testing import CliRunner

    from docgen.cli import cli

    target = work / "single" / "договор.docx"
    target.parent.mkdir(exist_ok=True)
    arguments = ["render", "contract", str(AGREEMENT), "--centre", str(CENTRE)]
    arguments += ["-o", str(target), "--pdf"]
    runner = CliRunner()
    runner.invoke(cli, arguments)  # imports and the compiled template warmed once
    seconds = min(
        timed(lambda: runner.invoke(cli, arguments, catch_exceptions=False)) for _ in range(3)
    )
    docgen = Path(sys.executable).with_name("docgen")
    command = [str(docgen), *arguments]
    subprocess.run(command, check=True, capture_output=True)  # the user's converters, warm
    whole = min(
        timed(lambda: subprocess.run(command, check=True, capture_output=True)) for _ in range(3)
    )
    return seconds, whole


def main(argv: Sequence[str] | None = None) -> None:
    """Measure and print the table and the closing line."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--docs", type=int, default=24, help="documents to convert")
    parser.add_argument("--one-each", type=int, default=6, help="documents for way (a)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="docgen-bench-pdf-") as folder:
        work = Path(folder)
        try:
            rows = measure(work, args.docs, min(args.one_each, args.docs))
            single, whole = warm_single(work)
        finally:
            for pool in (pdf.office_pool(), OfficePool()):  # ours, and the CLI's default ones
                if pool is not None:
                    pool.stop()
    base = rows[1][1] / rows[1][2]
    print("| way | documents | seconds | docs/s | vs (b) |")
    print("|---|---:|---:|---:|---:|")
    for way, documents, seconds in rows:
        rate = documents / seconds
        print(f"| {way} | {documents} | {seconds:.2f} | {rate:.2f} | {rate / base:.2f}× |")
    print()
    print(f"warm render --pdf (one contract, in process): {single:.2f} s")
    print(f"warm `docgen render … --pdf` command (Python start included): {whole:.2f} s")
    warm = rows[3][1] / rows[3][2]
    print(
        f"pdf: {args.docs} documents, one process {base:.2f} docs/s, pool {warm:.2f} docs/s, "
        f"speed-up {warm / base:.1f}×"
    )


if __name__ == "__main__":
    main()
