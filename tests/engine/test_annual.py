"""docgen annual: a report for every partner and the events section, from one workbook."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
import zipfile
from collections import defaultdict
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner, Result
from docx import Document

from docgen.catalog import BUILTINS, load_centre
from docgen.cli import cli
from docgen.engine.annual import AnnualTemplates, choose_year, prepare_annual
from docgen.engine.batch.error_report import ERROR_REPORT_NAME
from docgen.engine.batch.manifest import MANIFEST_NAME
from docgen.errors import InputError
from docgen.models import JointEvent, PartnerYearReport
from docgen.models.joint_events import partner_key
from docgen.sources.workbook.examples import PARTNER
from docgen.sources.workbook.read import read_workbook

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "samples" / "joint-events.xlsx"
CENTRE = REPO / "samples" / "centre.yaml"
SECTION = "Мероприятия с социальными партнёрами 2025–2026.docx"
TEMPLATES = AnnualTemplates(BUILTINS["partner-report"], BUILTINS["events-section"])


def sample_rows(path: Path = SAMPLE) -> list[dict[str, Any]]:
    """Read the event rows with openpyxl alone: the oracle the documents are checked against."""
    sheet = openpyxl.load_workbook(path).active
    headers = [cell.value for cell in sheet[2]]
    return [
        dict(zip(headers, row, strict=True))
        for row in sheet.iter_rows(min_row=3, values_only=True)
        if any(value is not None for value in row)
    ]


def by_partner(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[row["Партнёр"]].append(row)
    return groups


def plural(count: int, one: str, few: str, many: str) -> str:
    """Return the noun form for ``count`` by the Russian rule (1, 2–4, 5–20…)."""
    if count % 10 == 1 and count % 100 != 11:
        return one
    if count % 10 in (2, 3, 4) and count % 100 not in (12, 13, 14):
        return few
    return many


def documents(folder: Path) -> list[Path]:
    """Return what a run wrote into ``folder``, without the batch manifest it keeps there."""
    return [path for path in folder.iterdir() if path.name != MANIFEST_NAME]


def annual(*args: str) -> Result:
    return CliRunner().invoke(cli, ["annual", *args, "--centre", str(CENTRE)])


def plain(text: str) -> str:
    """Return text as a reader sees it: no-break spaces and hyphens as plain ones."""
    return text.replace("\u00a0", " ").replace("\u2011", "-")


def text_of(path: Path) -> tuple[list[str], list[list[list[str]]]]:
    """Return a document's paragraphs and its tables (rows of cell texts), spaces plain."""
    return text_of_document(Document(io.BytesIO(path.read_bytes())))


def text_of_document(document: Any) -> tuple[list[str], list[list[list[str]]]]:
    """Return the paragraphs and tables of an open python-docx document, spaces plain."""
    tables = [[[plain(c.text) for c in row.cells] for row in t.rows] for t in document.tables]
    return [plain(p.text) for p in document.paragraphs], tables


def test_the_sample_is_a_realistic_year_read_without_a_single_problem() -> None:
    with read_workbook(SAMPLE, JointEvent) as reading:
        records = list(reading.records())
        assert reading.problems == [] and reading.notices == []
    assert all(record.ok and not record.notices for record in records)
    events = [record.model for record in records if record.model is not None]
    assert len(events) >= 150
    assert len({partner_key(e.partner) for e in events}) >= 20
    assert all(dt.date(2025, 9, 1) <= e.date <= dt.date(2026, 5, 31) for e in events)
    assert len({e.form for e in events}) >= 15 and len({e.unit for e in events}) >= 10


def test_the_sample_script_makes_the_committed_workbook_byte_for_byte(tmp_path: Path) -> None:
    made = tmp_path / "joint-events.xlsx"
    script = REPO / "samples" / "make_joint_events.py"
    subprocess.run([sys.executable, str(script), str(made)], check=True, capture_output=True)
    assert made.read_bytes() == SAMPLE.read_bytes()


def test_one_report_per_partner_with_the_counts_agreed(tmp_path: Path) -> None:
    result = annual(str(SAMPLE), "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    groups = by_partner(sample_rows())
    reports = sorted(tmp_path.glob("Отчёт *.docx"))
    assert len(reports) == len(groups) >= 20
    assert sorted(path.name for path in documents(tmp_path)) == sorted(
        [path.name for path in reports] + [SECTION]
    )
    lines = result.output.splitlines()
    assert (
        lines[0]
        == f"2025–2026 учебный год: мероприятий {len(sample_rows())}, партнёров {len(groups)}"
    )
    assert lines[-1] == f"раздел анализа: {tmp_path / SECTION}"
    for partner in ("МБОУ «СОШ № 5»", "ОНД и ПР по г. Бийску", "МБУК «Музей «Наследие»»"):
        rows = groups[partner]
        count, people = len(rows), sum(row["Количество участников"] for row in rows)
        paragraphs, tables = text_of(tmp_path / f"Отчёт {partner} 2025–2026.docx")
        events = plural(
            count, "совместное мероприятие", "совместных мероприятия", "совместных мероприятий"
        )
        took = plural(people, "принял", "приняли", "приняли")
        persons = plural(people, "человек", "человека", "человек")
        intro = f"проведено {count} {events}, в которых {took} участие {people} {persons}."
        thanks = next(p for p in paragraphs if "проведено" in p)
        assert intro in thanks, thanks
        assert thanks.startswith(
            f"Администрация МБУ ДО «ЦВР» выражает благодарность коллективу {partner} "
            "за плодотворное сотрудничество. В 2025–2026 учебном году в рамках социального"
        )
        first, last = min(row["Дата"] for row in rows), max(row["Дата"] for row in rows)
        assert f"Мероприятия проводились с {first.day} " in thanks
        assert thanks.endswith(f" по {last.day} мая {last.year} г.")
        events_table, forms = tables[1], tables[2]  # tables[0] is the letterhead
        word = plural(count, "мероприятие", "мероприятия", "мероприятий")
        assert events_table[-1] == ["", "Итого", f"{count} {word}", "", str(people), ""]
        assert len(events_table) == count + 2, "header, one row per event, totals"
        assert [row[1] for row in events_table[1:-1]] == sorted(
            (r["Дата"].strftime("%d.%m.%Y") for r in rows), key=lambda d: d[6:] + d[3:5] + d[:2]
        )
        assert forms[-1] == ["Итого", str(count), str(people)]
        assert sum(int(row[1]) for row in forms[1:-1]) == count


def test_the_events_section_totals_by_month_partner_and_form(tmp_path: Path) -> None:
    result = annual(str(SAMPLE), "-o", str(tmp_path), "--jobs", "1")
    assert result.exit_code == 0, result.output
    rows = sample_rows()
    people = sum(row["Количество участников"] for row in rows)
    groups = by_partner(rows)
    paragraphs, tables = text_of(tmp_path / SECTION)
    assert paragraphs[0] == "Мероприятия, проведённые совместно с социальными партнёрами"
    assert f"({len(groups)} организаций) проведено {len(rows)} мероприятий" in paragraphs[1]
    events, months, partners, forms = tables
    grouped = f"{people:,}".replace(",", " ")  # five digits and more: grouped, as in the text
    month_keys = {(row["Дата"].year, row["Дата"].month) for row in rows}
    assert len(events) == 1 + len(month_keys) + len(rows) + 1
    assert events[1] == ["Сентябрь 2025"] * 6
    assert events[-1][1:] == [
        "Итого",
        f"{len(rows)} мероприятий",
        "",
        f"{len(groups)} партнёров",
        grouped,
    ]
    assert [row[0] for row in months[1:-1]][:4] == [
        "Сентябрь 2025", "Октябрь 2025", "Ноябрь 2025", "Декабрь 2025"
    ]  # fmt: skip
    assert months[-1] == ["Итого", str(len(rows)), grouped]
    assert len(partners) == len(groups) + 2
    table_counts = {row[1]: (int(row[2]), int(row[3])) for row in partners[1:-1]}
    oracle = {
        name: (len(g), sum(r["Количество участников"] for r in g)) for name, g in groups.items()
    }
    assert table_counts == oracle
    assert forms[-1] == ["Итого", str(len(rows)), "100,0", grouped]


def test_a_bad_row_is_named_by_its_cell_and_the_other_reports_are_written(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(SAMPLE)
    sheet = book.active
    sheet["A10"] = None  # no date
    sheet["F20"] = -5  # negative participants
    spoiled = {sheet["D10"].value, sheet["D20"].value}
    workbook = tmp_path / "мероприятия.xlsx"
    book.save(workbook)
    out = tmp_path / "out"
    result = annual(str(workbook), "-o", str(out))
    assert result.exit_code == 1
    assert "лист «Мероприятия», строка 10, столбец A «Дата»: обязательное поле" in result.output
    assert "строка 20, столбец F «Количество участников»: «-5»" in result.output
    assert "раздел анализа о мероприятиях с партнёрами не собран" in result.output
    assert "ошибка:" in result.stderr and "2 ошибки в таблице" in result.stderr
    partners = set(by_partner(sample_rows()))
    written = {path.name for path in out.glob("Отчёт *.docx")}
    assert written == {f"Отчёт {name} 2025–2026.docx" for name in partners - spoiled}
    assert not (out / SECTION).exists()
    errors = openpyxl.load_workbook(out / ERROR_REPORT_NAME).active
    cells = {(row[1], row[2]) for row in errors.iter_rows(min_row=2, values_only=True)}
    assert cells == {(10, "A"), (20, "F")}


def test_rows_of_other_years_are_left_out_only_when_the_year_is_given(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(SAMPLE)
    extra = ["Концерт", "концерт", "МБОУ «СОШ № 5»", None, 100, "Орлова Н.В.", "отдел"]
    book.active.append([dt.datetime(2026, 9, 15), *extra])
    workbook = tmp_path / "два года.xlsx"
    book.save(workbook)
    result = annual(str(workbook), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "разных учебных годов (строк: 2025–2026 — 160, 2026–2027 — 1)" in result.stderr
    assert "--year 2025–2026" in result.stderr
    result = annual(str(workbook), "--zip", str(tmp_path / "отчёты.zip"), "--year", "2025/2026")
    assert result.exit_code == 0, result.output
    assert "строк других учебных годов не учтено: 1" in result.output
    with zipfile.ZipFile(tmp_path / "отчёты.zip") as archive:
        assert len(archive.namelist()) == len(by_partner(sample_rows()))
    assert (tmp_path / SECTION).is_file(), "the section goes beside the ZIP, not into it"
    with pytest.raises(InputError, match="учебный год пишется как «2025–2026»"):
        choose_year([], "2025", workbook)


def test_worker_processes_give_the_same_reports(tmp_path: Path) -> None:
    for jobs in ("1", "2"):
        result = annual(str(SAMPLE), "-o", str(tmp_path / jobs), "--jobs", jobs)
        assert result.exit_code == 0, result.output
    one = {path.name: path.read_bytes() for path in documents(tmp_path / "1")}
    two = {path.name: path.read_bytes() for path in documents(tmp_path / "2")}
    assert one == two and len(one) == len(by_partner(sample_rows())) + 1


def test_the_new_templates_check_against_their_context() -> None:
    for entry in (BUILTINS["partner-report"], BUILTINS["events-section"]):
        assert entry.check() == []
    job = prepare_annual(SAMPLE, load_centre(CENTRE), TEMPLATES)
    assert (job.academic_year, job.rows, job.other_years) == ("2025–2026", 160, 0)


def test_one_event_letter_to_a_known_head(tmp_path: Path) -> None:
    data = {
        "partner": "МБУК «Музей «Наследие»»",
        "academic_year": "2025–2026",
        "details": PARTNER,
        "events": [
            {
                "date": "14.10.2025",
                "title": "Музейный урок «Бийск — ворота Алтая»",
                "form": "музейный урок",
                "partner": "МБУК «Музей «Наследие»»",
                "participants": 21,
                "responsible": "Ильина С.Б.",
                "unit": "клуб «Патриот»",
            }
        ],
    }
    entry = BUILTINS["partner-report"]
    context = entry.context(PartnerYearReport.model_validate(data), load_centre(CENTRE))
    document = Document(io.BytesIO(entry.compile().render(context)))
    paragraphs, tables = text_of_document(document)
    intro = next(p for p in paragraphs if "проведено" in p)
    assert "проведено 1 совместное мероприятие, в котором принял участие 21 человек." in intro
    assert intro.endswith("Мероприятие состоялось 14 октября 2025 г.")
    letterhead, addressee = tables[0][0][0], tables[0][0][2]
    assert addressee == "Директору\nМБУК «Музей «Наследие»»\nЧерных А.П."
    assert letterhead.startswith("Муниципальное бюджетное учреждение дополнительного")
    assert letterhead.endswith("15.10.2025 № __________")  # the working day after the event
    assert "Уважаемый Андрей Петрович!" in paragraphs
    assert "О совместной деятельности в 2025–2026 учебном году" in paragraphs
    proposals = paragraphs[paragraphs.index("Предлагаем в 2026–2027 учебном году:") + 1 :]
    assert proposals[0] == (
        "– включить совместные мероприятия в план работы по социальному партнёрству на "
        "2026–2027 учебный год;"
    )
    assert "– продолжить проведение музейных уроков, собравших наибольшее число участников;" in (
        proposals
    )
    assert tables[-1] == [["Директор\nМБУ ДО «ЦВР»", "\n_____________ И.В. Соколова"]]
    assert entry.output_name(context) == "Отчёт МБУК «Музей «Наследие»» 2025–2026.docx"


def test_a_workbook_made_by_docgen_sheet_goes_straight_into_annual(tmp_path: Path) -> None:
    workbook = tmp_path / "мероприятия.xlsx"
    assert CliRunner().invoke(cli, ["sheet", "joint-event", "-o", str(workbook)]).exit_code == 0
    book = openpyxl.load_workbook(workbook)
    sheet = book["Мероприятия"]
    for day, people in (("05.03.2026", 160), ("14.05.2026", 2)):
        sheet.append(
            [
                day,
                "Концерт «Весна»",
                "Концерт",
                "МБОУ «СОШ № 5»",
                None,
                people,
                "Орлова Н.В.",
                "ансамбль",
            ]
        )
    book.save(workbook)
    result = annual(str(workbook), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    names = sorted(path.name for path in documents(tmp_path / "out"))
    assert names == [
        SECTION,
        "Отчёт МБОУ «СОШ № 5» 2025–2026.docx",
        "Отчёт МБУК «Музей «Наследие»» 2025–2026.docx",  # the example row of the sheet
    ]
    paragraphs, _ = text_of(tmp_path / "out" / "Отчёт МБОУ «СОШ № 5» 2025–2026.docx")
    assert (
        "проведено 2 совместных мероприятия, в которых приняли участие 162 человека."
        in paragraphs[3]
    )


def test_spellings_of_a_partner_merge_and_conflicts_are_warned(tmp_path: Path) -> None:
    workbook = tmp_path / "мероприятия.xlsx"
    assert CliRunner().invoke(cli, ["sheet", "joint-event", "-o", str(workbook)]).exit_code == 0
    book = openpyxl.load_workbook(workbook)
    sheet = book["Мероприятия"]
    start = sheet.max_row + 1
    row = ["05.03.2026", "Встреча «Память»", "встреча", "Совет ветеранов г.Бийска", "2204001239"]
    for partner, inn in (("Совет ветеранов г.Бийска", "2204001239"),
                         ("Совет  ветеранов г. Бийска", "2204001239"),
                         ("совет ветеранов г. бийска", "2225011125")):  # fmt: skip
        sheet.append([*row[:3], partner, inn, 30, "Ильина С.Б.", "клуб «Патриот»"])
    book.save(workbook)
    result = annual(str(workbook), "-o", str(tmp_path / "out"), "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "out").glob("Отчёт *ветеранов*.docx"))) == 1
    assert f"разными ИНН: 2204001239 (строки {start}, {start + 1}); 2225011125 (строки " in (
        result.output
    )
    assert "совпадают полностью" not in result.output  # the spellings differ: not a repeat
    report = openpyxl.load_workbook(tmp_path / "out" / "ошибки.xlsx").active
    rows = [
        " ".join(str(c) for c in row if c is not None) for row in report.iter_rows(values_only=True)
    ]
    warned = [row for row in rows if "разными ИНН" in row]
    assert len(warned) == 1 and "предупреждение" in warned[0]
