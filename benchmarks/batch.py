"""Batch-render the built-in contract from a workbook of 1 000 and 10 000 agreements into a ZIP.

Run: ``python benchmarks/batch.py [--rows 1000 10000] [--docxtpl-limit 1000]``.

For each workbook size, three configurations run, each in a fresh interpreter so that its
peak memory is its own: docgen in one process (``--jobs 1``), docgen on every core
(``--jobs 0``), and the usual docxtpl loop over the same validated rows (a DocxTemplate per
document, the same Russian filters, saved into the same kind of streamed ZIP). docxtpl takes
about 75 ms a document, so above ``--docxtpl-limit`` rows it renders only the first rows and
its time for the whole workbook is extrapolated per document — the table says so.

Reading the workbook is timed apart from rendering: «read» is the one pass over the workbook
(rows kept aside, each marked with its record); the records are made from those rows as the
documents are rendered, so «render» includes making and validating them. Memory is the
peak resident set (VmHWM): of the main process while it reads the workbook, of the main
process while it renders and writes (the peak is reset after reading, Linux
``/proc/self/clear_refs``), and of each worker process (sampled from ``/proc``); «render
total» adds the main process, the fork server and the workers.
"""

from __future__ import annotations

import argparse
import io
import itertools
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import Environment, StrictUndefined

from docgen.catalog import BUILTINS, load_centre
from docgen.engine.archive import StreamedZip
from docgen.engine.batch import BatchJob, BatchOutput, builtin_spec, prepare_batch, run_batch
from docgen.engine.naming import NamePattern, UniqueNames
from docgen.language.filters import FILTERS
from docgen.models import Agreement, Centre
from docgen.models.requisites import inn_check_digits, ogrn_check_digit
from docgen.sources.workbook.read import validate_record
from docgen.sources.workbook.write import input_workbook

REPO = Path(__file__).resolve().parents[1]
CENTRE = REPO / "samples" / "centre.yaml"
KINDS = [
    (
        "общеобразовательная организация",
        "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная "
        "школа № {n}»",
        "МБОУ «СОШ № {n}»",
    ),
    (
        "дошкольное образовательное учреждение",
        "Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № {n}»",
        "МБДОУ «Детский сад № {n}»",
    ),
    ("музей", "Муниципальное бюджетное учреждение культуры «Музей № {n}»", "МБУК «Музей № {n}»"),
    ("библиотека", "Муниципальная библиотека-филиал № {n}", "Библиотека № {n}"),
]
LAST = ["Петров", "Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Соколов", "Михайлов",
        "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов",
        "Егоров"]  # fmt: skip
FIRST_M = ["Андрей", "Сергей", "Дмитрий", "Алексей", "Иван", "Павел", "Олег", "Никита", "Юрий"]
FIRST_F = ["Мария", "Анна", "Елена", "Ольга", "Татьяна", "Наталья", "Ирина", "Светлана", "Вера"]
FATHERS = ["Сергеев", "Иванов", "Петров", "Андреев", "Николаев", "Викторов", "Юрьев", "Павлов"]
ACTIVITIES = ["Экскурсия «Город мастеров»", "Конкурс чтецов", "Мастер-класс по лепке", "Акция"]
MONTHS = ["сентябрь", "октябрь", "ноябрь", "декабрь", "январь", "февраль", "март", "апрель"]


# --- the workbook -----------------------------------------------------------------------------


def make_workbook(path: Path, rows: int) -> None:
    """Write ``rows`` distinct agreements (2 joint activities each) in a ``docgen sheet`` book."""
    book = input_workbook(Agreement)
    main, plan = book.worksheets[0], book.worksheets[1]
    headers = [str(cell.value).removesuffix(" *") for cell in main[2]]
    example = [cell.value for cell in main[3]]
    plan_headers = [str(cell.value).removesuffix(" *") for cell in plan[2]]
    main.delete_rows(3, main.max_row)
    plan.delete_rows(3, plan.max_row)
    for index in range(rows):
        values = dict(zip(headers, example, strict=True)) | _agreement(index)
        main.append([values.get(header) for header in headers])
        for number in range(2):
            activity = _activity(index, number, values["Номер"])
            plan.append([activity.get(header) for header in plan_headers])
    book.save(path)


def _agreement(index: int) -> dict[str, Any]:
    kind, full, short = KINDS[index % len(KINDS)]
    inn_head, ogrn_head = f"22{index:07d}", f"10222{index:07d}"
    inn = inn_head + inn_check_digits(inn_head)
    female = index % 2 == 0
    father = FATHERS[(index // (len(LAST) * len(FIRST_M))) % len(FATHERS)]
    return {
        "Номер": f"СП-2026/{index + 1:05d}",
        "Тип учреждения": kind,
        "Полное наименование": full.format(n=index + 1),
        "Сокращённое наименование": short.format(n=index + 1),
        "ИНН": int(inn) if index % 2 else inn,  # half as Excel numbers, as people type them
        "ОГРН": ogrn_head + ogrn_check_digit(ogrn_head),
        "Руководитель: фамилия": LAST[index % len(LAST)] + ("а" if female else ""),
        "Руководитель: имя": (FIRST_F if female else FIRST_M)[(index // len(LAST)) % 9],
        "Руководитель: отчество": father + ("на" if female else "ич"),
        "Руководитель: должность": "директор" if index % 3 else "заведующий",
    }


def _activity(index: int, number: int, key: str) -> dict[str, Any]:
    return {
        "Номер": key,
        "Мероприятие": f"{ACTIVITIES[(index + number) % len(ACTIVITIES)]} № {number + 1}",
        "Сроки": MONTHS[(index + 3 * number) % len(MONTHS)],
        "Ответственный": f"Иванова А.П., методист {number + 1}",
    }


# --- memory -------------------------------------------------------------------------------------


def _status(pid: int, field: str) -> int:
    """Return a /proc/PID/status field in kB (0 when the process is gone)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def reset_peak() -> bool:
    """Reset this process's peak RSS (Linux 4.0+); return whether that worked."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
            refs.write("5")
        return True
    except OSError:
        return False


class Descendants(threading.Thread):
    """Sample the peak RSS of every process started below this one, until stopped.

    With a fork server the workers are its children: the direct children of this process
    are helpers (the fork server, the resource tracker), the processes below them workers.
    """

    def __init__(self, interval: float = 0.1) -> None:
        super().__init__(daemon=True)
        self.interval = interval
        self.peaks: dict[int, int] = {}
        self.parents: dict[int, int] = {}
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.wait(self.interval):
            for pid, parent in self._below(os.getpid()).items():
                peak = _status(pid, "VmHWM")
                if peak:
                    self.peaks[pid] = max(self.peaks.get(pid, 0), peak)
                    self.parents[pid] = parent

    def stop(self) -> None:
        self._done.set()
        self.join()

    def split(self) -> tuple[list[int], list[int]]:
        """Return the peaks (kB) of the helpers and of the workers."""
        root = os.getpid()
        helpers = [peak for pid, peak in self.peaks.items() if self.parents[pid] == root]
        workers = [peak for pid, peak in self.peaks.items() if self.parents[pid] != root]
        return helpers, workers

    @staticmethod
    def _below(root: int) -> dict[int, int]:
        parents: dict[int, int] = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open(f"/proc/{entry}/stat", encoding="utf-8") as stat:
                        parents[int(entry)] = int(stat.read().rsplit(")", 1)[1].split()[1])
                except (OSError, IndexError, ValueError):
                    continue
        found: dict[int, int] = {}
        frontier = [root]
        while frontier:
            parent = frontier.pop()
            for pid, ppid in parents.items():
                if ppid == parent:
                    found[pid] = parent
                    frontier.append(pid)
        return found


# --- the configurations -------------------------------------------------------------------------


def docxtpl_loop(job: BatchJob, centre: Centre, archive: Path, limit: int) -> int:
    """Render the first ``limit`` rows the docxtpl way into a streamed ZIP; return the count."""
    entry = BUILTINS["contract"]
    env = Environment(autoescape=True, undefined=StrictUndefined)
    env.filters.update(FILTERS)
    names, pattern = UniqueNames(".docx"), NamePattern(entry.file_name)
    done = 0
    with StreamedZip(archive) as zipped:
        for item in itertools.islice(job.items, limit):
            record = validate_record(item.records[0], job.model)
            if record.model is None:
                continue
            context = entry.context(record.model, centre)
            document = DocxTemplate(entry.path)
            document.render(context, jinja_env=env)
            buffer = io.BytesIO()
            document.save(buffer)
            zipped.add(
                names.claim(pattern.render(context, item.records[0].row, item.index)),
                buffer.getvalue(),
            )
            done += 1
        zipped.commit()
    return done


def measure(config: str, workbook: Path, limit: int) -> dict[str, Any]:
    """Read the workbook and render it one way; return times, counts and peak memory."""
    sampler = Descendants()
    sampler.start()
    centre = load_centre(CENTRE)
    start = time.perf_counter()
    job = prepare_batch(builtin_spec(BUILTINS["contract"], centre), workbook)
    read = time.perf_counter() - start
    read_peak = _status(os.getpid(), "VmHWM")
    after_read = _status(os.getpid(), "VmRSS")
    reset = reset_peak()
    with tempfile.TemporaryDirectory() as folder:
        archive = Path(folder) / "договоры.zip"
        start = time.perf_counter()
        if config == "docxtpl":
            documents = docxtpl_loop(job, centre, archive, limit)
        else:
            output = BatchOutput(Path(folder), archive=archive)
            documents = len(run_batch(job, output, jobs=1 if config == "one" else 0).documents)
        render = time.perf_counter() - start
        size = archive.stat().st_size
    sampler.stop()
    helpers, workers = sampler.split()
    render_peak = _status(os.getpid(), "VmHWM")
    return {
        "rows": len(job),
        "documents": documents,
        "read_s": read,
        "render_s": render,
        "zip_mb": size / 2**20,
        "read_peak_mb": read_peak / 1024,
        "after_read_mb": after_read / 1024,
        "render_peak_mb": render_peak / 1024 if reset else None,
        "whole_peak_mb": max(read_peak, render_peak) / 1024,
        "workers": len(workers),
        "worker_peak_mb": max(workers, default=0) / 1024,
        "render_total_mb": (render_peak + sum(workers) + sum(helpers)) / 1024,
    }


# --- the table ----------------------------------------------------------------------------------


def run_fresh(config: str, workbook: Path, limit: int) -> dict[str, Any]:
    """Measure one configuration in a new interpreter."""
    command = [sys.executable, __file__, "--run", config, "--workbook", str(workbook)]
    command += ["--docxtpl-limit", str(limit)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{config} failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def print_table(results: list[tuple[str, dict[str, Any]]]) -> None:
    """Print one row per configuration and size."""
    print(
        "| rows | configuration | read s | render s | docs/s | ms/doc | vs docxtpl "
        "| peak MB, whole run | after reading | growth while rendering | per worker "
        "| all processes while rendering |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    docxtpl_ms: dict[int, float] = {}
    for name, r in results:
        ms = r["render_s"] * 1000 / r["documents"]
        if name.startswith("docxtpl"):
            docxtpl_ms[r["rows"]] = ms
        speed_up = docxtpl_ms.get(r["rows"], 0) / ms if not name.startswith("docxtpl") else 1
        # where docxtpl rendered only the first rows, its time is scaled to all rows («≈»)
        whole = r["render_s"] * r["rows"] / r["documents"]
        approx = "≈" if r["documents"] < r["rows"] else ""
        growth = _growth(r)
        worker = f"{r['worker_peak_mb']:.0f} ×{r['workers']}" if r["workers"] else "—"
        print(
            f"| {r['rows']:,} | {name} | {r['read_s']:.2f} | {approx}{whole:.2f} "
            f"| {r['documents'] / r['render_s']:.0f} | {ms:.2f} | {speed_up:.0f}× "
            f"| {r['whole_peak_mb']:.0f} | {r['after_read_mb']:.0f} "
            f"| {'n/a' if growth is None else f'{growth:+.0f}'} | {worker} "
            f"| {r['render_total_mb']:.0f} |"
        )


def _growth(result: dict[str, Any]) -> float | None:
    """Return how far the main process grew above its size after reading, while rendering."""
    if result["render_peak_mb"] is None:
        return None
    return float(result["render_peak_mb"] - result["after_read_mb"])


def main(argv: Sequence[str] | None = None) -> None:
    """Build the workbooks, measure every configuration in a fresh process, print the table."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[1000, 10_000])
    parser.add_argument("--docxtpl-limit", type=int, default=1000)
    parser.add_argument("--run", choices=["one", "all", "docxtpl"], help=argparse.SUPPRESS)
    parser.add_argument("--workbook", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.run:
        print(json.dumps(measure(args.run, args.workbook, args.docxtpl_limit)))
        return
    results: list[tuple[str, dict[str, Any]]] = []
    with tempfile.TemporaryDirectory() as folder:
        for rows in args.rows:
            workbook = Path(folder) / f"договоры-{rows}.xlsx"
            make_workbook(workbook, rows)
            subset = min(rows, args.docxtpl_limit)
            label = "docxtpl loop" + (f" (first {subset:,} rows, per doc)" if subset < rows else "")
            results.append((label, run_fresh("docxtpl", workbook, args.docxtpl_limit)))
            results.append(("docgen, 1 process", run_fresh("one", workbook, args.docxtpl_limit)))
            cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
            name = f"docgen, all cores ({cores or os.cpu_count()})"
            results.append((name, run_fresh("all", workbook, args.docxtpl_limit)))
            print(f"measured {rows} rows", file=sys.stderr)
    print_table(results)
    _print_ratios(results)


def _print_ratios(results: list[tuple[str, dict[str, Any]]]) -> None:
    by_name: dict[str, dict[int, dict[str, Any]]] = {}
    for name, r in results:
        by_name.setdefault(name.split(" (")[0], {})[r["rows"]] = r
    print()
    for name, sizes in by_name.items():
        if len(sizes) < 2:
            continue
        small, large = sizes[min(sizes)], sizes[max(sizes)]
        ratio = large["whole_peak_mb"] / small["whole_peak_mb"]
        line = f"{name}: peak RSS {max(sizes):,} / {min(sizes):,} rows — whole run {ratio:.2f}×"
        if small["workers"] and large["workers"]:
            line += f", per worker {large['worker_peak_mb'] / small['worker_peak_mb']:.2f}×"
        growths = [_growth(small), _growth(large)]
        if None not in growths:
            line += (
                f"; main process grew while rendering by {growths[0]:+.0f} / {growths[1]:+.0f} MB"
            )
        print(line)


if __name__ == "__main__":
    main()
