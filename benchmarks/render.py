"""Compare docxtpl with docgen on 1 000 distinct contracts from one 3-page template.

Run: ``python benchmarks/render.py [--records N] [--workers N]``. Prints, side by side:
docxtpl naive (a DocxTemplate per document, render, save to memory), docgen in one process
and docgen in a pool of processes (the template compiled once per worker) — milliseconds a
document, documents a second, the speed-up over docxtpl and the peak memory (RSS).
Both engines get the same context objects and the same Russian filters.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import multiprocessing
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docx import Document
from docx.shared import Pt
from docxtpl import DocxTemplate
from jinja2 import Environment, StrictUndefined

from docgen.engine import CompiledTemplate, compile_template
from docgen.language.filters import FILTERS

SECTIONS = [
    "Предмет договора",
    "Права и обязанности Центра",
    "Права и обязанности Партнёра",
    "Совместная деятельность",
    "Порядок взаимодействия",
    "Персональные данные",
    "Ответственность сторон",
    "Срок действия договора",
    "Разрешение споров",
    "Заключительные положения",
]
CLAUSE = (
    "{number}. Стороны обязуются при исполнении настоящего договора № {{{{ agreement.number }}}} "
    "руководствоваться законодательством Российской Федерации, уставами сторон и локальными "
    "нормативными актами, информировать друг друга о {topic}, а также своевременно "
    "согласовывать планы мероприятий, сроки и ответственных лиц."
)
TOPICS = [
    "изменениях в расписании занятий",
    "мероприятиях для обучающихся",
    "изменении реквизитов",
    "результатах совместной работы",
]
LAST = [
    "Петров", "Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Соколов", "Михайлов",
    "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров",
    "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин",
]  # fmt: skip
FIRST_M = ["Андрей", "Сергей", "Дмитрий", "Алексей", "Иван", "Павел", "Олег", "Никита", "Юрий"]
FIRST_F = ["Мария", "Анна", "Елена", "Ольга", "Татьяна", "Наталья", "Ирина", "Светлана", "Вера"]
FATHERS = ["Сергеев", "Иванов", "Петров", "Андреев", "Николаев", "Викторов", "Юрьев", "Павлов"]
KINDS = [
    (
        "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная "
        "школа № {n}»",
        "МБОУ «СОШ № {n}»",
    ),
    (
        "Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № {n}»",
        "МБДОУ «Детский сад № {n}»",
    ),
    (
        "Краевое государственное бюджетное учреждение культуры «Музей истории № {n}»",
        "КГБУК «Музей № {n}»",
    ),
    ("Муниципальная библиотека № {n}", "Библиотека № {n}"),
]
WARM_UP = 20
POSITIONS = ["директор", "заведующий", "исполняющий обязанности директора", "заведующая"]


@dataclass(frozen=True)
class Person:
    """A person as the filters see one."""

    last_name: str
    first_name: str
    middle_name: str | None
    gender: str | None = None
    forms: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Signer:
    """A signer as the filters see one."""

    person: Person
    position: str
    position_forms: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Organisation:
    """An organisation with the requisites the contract prints."""

    full_name: str
    short_name: str
    inn: str
    kpp: str
    address: str
    account: str
    name_forms: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Activity:
    """A row of the joint-activities table."""

    title: str
    dates: str
    place: str
    responsible: str


def build_template(path: Path) -> None:
    """Write the 3-page contract template: preamble, 40 clauses, two tables, header, footer."""
    doc = Document()
    doc.styles["Normal"].font.size = Pt(11)
    section = doc.sections[0]
    section.header.paragraphs[0].text = "{{ centre.short_name }} · договор № {{ agreement.number }}"
    section.footer.paragraphs[
        0
    ].text = "Договор № {{ agreement.number }} от {{ agreement.date|date_short }}"
    doc.add_paragraph("ДОГОВОР № {{ agreement.number }}")
    doc.add_paragraph("о сотрудничестве в сфере дополнительного образования детей")
    doc.add_paragraph("г. {{ agreement.city }}\t\t\t{{ agreement.date|date_long }}")
    doc.add_paragraph(
        "{{ centre.full_name }}, {{ centre|named }} в дальнейшем «Центр», в лице "
        "{{ centre_signer|genitive }}, {{ centre_signer|acting }} на основании Устава, с одной "
        "стороны, и {{ partner.full_name }}, {{ partner|named }} в дальнейшем «Партнёр», в лице "
        "{{ partner_signer|genitive }}, {{ partner_signer|acting }} на основании Устава, с другой "
        "стороны, совместно именуемые «Стороны», заключили настоящий договор о нижеследующем:"
    )
    for number, title in enumerate(SECTIONS, start=1):
        doc.add_paragraph(f"{number}. {title}")
        for clause in range(1, 5):
            topic = TOPICS[(number + clause) % len(TOPICS)]
            doc.add_paragraph(CLAUSE.format(number=f"{number}.{clause}", topic=topic))
        if number == 2:
            doc.add_paragraph("{%p for duty in agreement.duties %}")
            doc.add_paragraph("2.{{ loop.index + 4 }}. {{ duty }}")
            doc.add_paragraph("{%p endfor %}")
        if number == 8:
            doc.add_paragraph(
                "8.5. Договор действует с {{ agreement.date|date_long }} и может быть расторгнут "
                "с предупреждением за {{ agreement.notice_days|with_noun('день') }}; договор "
                "заключён между {{ centre|instrumental }} и {{ partner|instrumental }}."
            )
    _activities_table(doc)
    _requisites_table(doc)
    doc.save(path)


def _activities_table(doc: Any) -> None:
    doc.add_paragraph("Приложение. План совместных мероприятий")
    table = doc.add_table(rows=4, cols=5)
    for cell, text in zip(
        table.rows[0].cells, ["№", "Мероприятие", "Сроки", "Место", "Ответственный"], strict=True
    ):
        cell.text = text
    table.rows[1].cells[0].text = "{%tr for a in agreement.activities %}"
    row = [
        "{{ loop.index }}",
        "{{ a.title }}",
        "{{ a.dates }}",
        "{{ a.place }}",
        "{{ a.responsible }}",
    ]
    for cell, text in zip(table.rows[2].cells, row, strict=True):
        cell.text = text
    table.rows[3].cells[0].text = "{%tr endfor %}"


def _requisites_table(doc: Any) -> None:
    doc.add_paragraph("Реквизиты и подписи сторон")
    table = doc.add_table(rows=6, cols=2)
    lines = [
        "{{ WHO.full_name }}",
        "Адрес: {{ WHO.address }}",
        "ИНН {{ WHO.inn }} / КПП {{ WHO.kpp }}",
        "Р/с {{ WHO.account }}",
        "{{ WHO_signer.position|capitalize }}",
        "__________ {{ WHO_signer|initials }}",
    ]
    for column, who in enumerate(("centre", "partner")):
        for row, line in zip(table.rows, lines, strict=True):
            row.cells[column].text = line.replace("WHO", who)


def make_records(count: int, seed: int = 7) -> list[dict[str, Any]]:
    """Return ``count`` distinct, realistic contexts (distinct names and organisations)."""
    rng = random.Random(seed)
    centre = Organisation(
        "Муниципальное бюджетное учреждение дополнительного образования «Центр внешкольной работы»",
        "МБУ ДО «ЦВР»",
        "2204001234",
        "220401001",
        "659300, г. Бийск, ул. Ленина, 1",
        "03234643017050001700",
    )
    centre_signer = Signer(Person("Петрова", "Мария", "Сергеевна"), "директор")
    records = []
    for index in range(count):
        kind, short = KINDS[index % len(KINDS)]
        partner = Organisation(
            kind.format(n=index + 1),
            short.format(n=index + 1),
            f"22{index:08d}",
            "220401001",
            f"659{index % 1000:03d}, г. Бийск, ул. Садовая, {index % 90 + 1}",
            f"40702810{index:012d}",
        )
        records.append(
            {
                "centre": centre,
                "centre_signer": centre_signer,
                "partner": partner,
                "partner_signer": _signer(index),
                "agreement": _agreement(rng, index),
            }
        )
    return records


def _signer(index: int) -> Signer:
    """Return a signer whose full name differs from every other record's."""
    female = index % 2 == 0
    last = LAST[index % len(LAST)] + ("а" if female else "")
    first = (FIRST_F if female else FIRST_M)[(index // len(LAST)) % len(FIRST_M)]
    father = FATHERS[(index // (len(LAST) * len(FIRST_M))) % len(FATHERS)]
    middle = father + ("на" if female else "ич")
    return Signer(Person(last, first, middle), POSITIONS[index % len(POSITIONS)])


def _agreement(rng: random.Random, index: int) -> dict[str, Any]:
    start = dt.date(2026, 1, 1) + dt.timedelta(days=index % 300)
    activities = [
        Activity(
            f"Мероприятие «{rng.choice(TOPICS)}» № {n}",
            f"{start + dt.timedelta(days=30 * n):%d.%m.%Y}",
            f"Актовый зал, корпус {n}",
            f"Иванова А.П., методист {n}",
        )
        for n in range(1, 6 + index % 5)
    ]
    return {
        "number": f"СП-2026/{index + 1:04d}",
        "date": start,
        "city": "Бийск",
        "notice_days": 10 + index % 50,
        "duties": [f"Предоставлять помещение для занятий объединения № {n}" for n in range(1, 4)],
        "activities": activities,
    }


# --- runners --------------------------------------------------------------------------------


def run_docxtpl(path: Path, records: Sequence[dict[str, Any]]) -> list[int]:
    """Render every record the usual docxtpl way: a DocxTemplate per document."""
    env = Environment(autoescape=True, undefined=StrictUndefined)
    env.filters.update(FILTERS)
    sizes = []
    for record in records:
        template = DocxTemplate(path)
        template.render(record, jinja_env=env)
        buffer = io.BytesIO()
        template.save(buffer)
        sizes.append(len(buffer.getvalue()))
    return sizes


def run_docgen(compiled: CompiledTemplate, records: Sequence[dict[str, Any]]) -> list[int]:
    """Render every record with one compiled template."""
    return [len(compiled.render(record)) for record in records]


_WORKER: CompiledTemplate | None = None


def _init_worker(path: str) -> None:
    global _WORKER
    _WORKER = compile_template(Path(path))


def _render_in_worker(record: dict[str, Any]) -> bytes:
    assert _WORKER is not None
    return _WORKER.render(record)


def run_pool(path: Path, records: Sequence[dict[str, Any]], workers: int) -> list[int]:
    """Render in a pool of processes, each compiling the template once; return sizes."""
    context = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
    with context.Pool(workers, initializer=_init_worker, initargs=(str(path),)) as pool:
        return [len(data) for data in pool.imap(_render_in_worker, records, chunksize=16)]


def measure(mode: str, path: Path, count: int, workers: int) -> dict[str, float]:
    """Time one way of rendering ``count`` records after a warm-up on other records."""
    records = make_records(count + WARM_UP)
    measured, warm = records[:count], records[count:]
    compiled = compile_template(path)
    run_docgen(compiled, warm)  # loads the morphology analysers, as any long run would have
    runners: dict[str, Callable[[], list[int]]] = {
        "docxtpl": lambda: run_docxtpl(path, measured),
        "docgen": lambda: run_docgen(compiled, measured),
        "pool": lambda: run_pool(path, measured, workers),
    }
    if mode == "docxtpl":
        run_docxtpl(path, warm[:3])
    start = time.perf_counter()
    sizes = runners[mode]()
    seconds = time.perf_counter() - start
    assert len(sizes) == count and min(sizes) > 0
    rss = [resource.getrusage(resource.RUSAGE_SELF).ru_maxrss]
    if mode == "pool":
        rss.append(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return {"seconds": seconds, "rss_mb": max(rss) / 1024}


def main(argv: Sequence[str] | None = None) -> None:
    """Build the template, measure each way in a fresh process, print the table."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--run", choices=["docxtpl", "docgen", "pool"], help=argparse.SUPPRESS)
    parser.add_argument("--template", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.run:
        print(json.dumps(measure(args.run, args.template, args.records, args.workers)))
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "contract.docx"
        build_template(path)
        _check_same_text(path, make_records(3))
        rows = []
        for mode, name in (
            ("docxtpl", "docxtpl naive"),
            ("docgen", "docgen, 1 process"),
            ("pool", f"docgen, {args.workers} processes"),
        ):
            result = _in_fresh_process(mode, path, args.records, args.workers)
            rows.append((name, result["seconds"], result["rss_mb"]))
    _print_table(rows, args.records)


def _document_text(data: bytes) -> list[str]:
    document = Document(io.BytesIO(data))
    text = [p.text for p in document.paragraphs]
    text += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    section = document.sections[0]
    return text + [p.text for p in (*section.header.paragraphs, *section.footer.paragraphs)]


_UNTIE = str.maketrans({"\u00a0": " ", "\u2011": "-"})
"""docgen typesets printed data on purpose (no-break spaces and hyphens); docxtpl does not."""


def _check_same_text(path: Path, records: Sequence[dict[str, Any]]) -> None:
    """Make sure both engines give the same text before timing them."""
    compiled = compile_template(path)
    env = Environment(autoescape=True, undefined=StrictUndefined)
    env.filters.update(FILTERS)
    for record in records:
        template = DocxTemplate(path)
        template.render(record, jinja_env=env)
        buffer = io.BytesIO()
        template.save(buffer)
        theirs = [t.translate(_UNTIE) for t in _document_text(buffer.getvalue())]
        ours = [t.translate(_UNTIE) for t in _document_text(compiled.render(record))]
        if theirs != ours:
            raise SystemExit("docgen and docxtpl give different text; timing them is pointless")
    print(f"same text from both engines: checked {len(records)} documents")


def _in_fresh_process(mode: str, path: Path, count: int, workers: int) -> dict[str, float]:
    """Run one measurement in a new interpreter: fresh caches, its own peak memory."""
    command = [sys.executable, __file__, "--run", mode, "--template", str(path)]
    command += ["--records", str(count), "--workers", str(workers)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _print_table(rows: list[tuple[str, float, float]], count: int) -> None:
    base = rows[0][1] / count
    print(f"{count} distinct contracts, 3-page template, Russian filters in both engines")
    print(f"{'engine':<22} {'ms/doc':>8} {'docs/s':>9} {'speed-up':>9} {'peak RSS MB':>12}")
    for name, seconds, rss in rows:
        per_doc = seconds / count
        print(
            f"{name:<22} {per_doc * 1000:>8.2f} {count / seconds:>9.0f} "
            f"{base / per_doc:>8.1f}× {rss:>12.0f}"
        )


if __name__ == "__main__":
    main()
