"""``docgen batch``: a document per row; bad rows are skipped, named and listed in a workbook."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner, Result
from docx import Document

from docgen.cli import cli
from docgen.engine.batch.error_report import ERROR_REPORT_NAME, HEADERS
from docgen.engine.batch.manifest import MANIFEST_NAME
from docgen.models.requisites import inn_check_digits, ogrn_check_digit
from tests.sources.workbooks import write_rows

REPO = Path(__file__).resolve().parents[2]
CENTRE = REPO / "samples" / "centre.yaml"
HEADER = [
    "Номер",
    "Дата",
    "Тип учреждения",
    "Полное наименование",
    "Сокращённое наименование",
    "ИНН",
    "КПП",
    "ОГРН",
    "Юридический адрес",
    "Руководитель: фамилия",
    "Руководитель: имя",
    "Руководитель: отчество",
    "Руководитель: должность",
    "Предмет",
]
ADDRESS = "659300, Алтайский край, г. Бийск, ул. Советская, д. 1"
SUBJECT = "сотрудничество в воспитании обучающихся"


def listing(folder: Path) -> list[str]:
    """Return the names in ``folder`` but the batch's record of them (``MANIFEST_NAME``)."""
    return sorted(p.name for p in folder.iterdir() if p.name != MANIFEST_NAME)


def inn10(number: int) -> str:
    head = f"220{number:06d}"
    return head + inn_check_digits(head)


def ogrn13(number: int) -> str:
    head = f"102220{number:06d}"
    return head + ogrn_check_digit(head)


def school(number: int, **changes: Any) -> list[Any]:
    """Return a valid agreement row with school № ``number``; ``changes`` by header."""
    values = {
        "Номер": f"СП-2026/{number:03d}",
        "Дата": "01.09.2026",
        "Тип учреждения": "общеобразовательная организация",
        "Полное наименование": f"Муниципальное бюджетное общеобразовательное учреждение "
        f"«Средняя общеобразовательная школа № {number}»",
        "Сокращённое наименование": f"МБОУ «СОШ № {number}»",
        "ИНН": inn10(number),
        "КПП": "220401001",
        "ОГРН": ogrn13(number),
        "Юридический адрес": ADDRESS,
        "Руководитель: фамилия": "Петрова",
        "Руководитель: имя": "Мария",
        "Руководитель: отчество": "Сергеевна",
        "Руководитель: должность": "директор",
        "Предмет": SUBJECT,
    }
    values.update(changes)
    return [values[header] for header in HEADER]


def write_workbook(path: Path, rows: Sequence[Sequence[Any]], sheet: str = "Договоры") -> Path:
    return write_rows(path, rows, sheet)


def batch(*args: str) -> Result:
    return CliRunner().invoke(cli, ["batch", *args, "--centre", str(CENTRE)])


def text_of(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells).replace("\u00a0", " ")


def report_rows(path: Path) -> list[tuple[Any, ...]]:
    sheet = openpyxl.load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == HEADERS
    return rows[1:]


def contract_name(number: int) -> str:
    return f"Договор СП-2026-{number:03d} МБОУ «СОШ № {number}».docx"


def test_good_rows_are_written_bad_rows_skipped_and_listed(tmp_path: Path) -> None:
    bad_inn = inn10(2)[:-1] + str((int(inn10(2)[-1]) + 1) % 10)
    rows = [HEADER, school(1), school(2, ИНН=bad_inn), school(3), school(4, Предмет=None)]
    out = tmp_path / "договоры"
    result = batch("contract", str(write_workbook(tmp_path / "p.xlsx", rows)), "-o", str(out))
    assert result.exit_code == 1, result.output
    assert sorted(path.name for path in out.glob("*.docx")) == [contract_name(1), contract_name(3)]
    text = text_of((out / contract_name(3)).read_bytes())
    assert "СП-2026/003" in text and "«Средняя общеобразовательная школа № 3»" in text
    assert inn10(3) in text
    assert f"строка 3, столбец F «ИНН»: ИНН {bad_inn}: неверная контрольная" in result.output
    assert "строка 5, столбец N «Предмет»: обязательное поле не заполнено" in result.output
    assert "документов 2 из 4" in result.output
    assert "документов не сделано: 2 из 4" in result.stderr
    inn_row, subject_row = report_rows(out / ERROR_REPORT_NAME)
    assert inn_row[:5] == ("Договоры", 3, "F", "ИНН", bad_inn)
    assert "контрольная цифра" in inn_row[5]
    assert subject_row == (
        "Договоры",
        5,
        "N",
        "Предмет",
        None,
        "обязательное поле не заполнено — заполните ячейку",
        "ошибка",
    )


MESSY_HEADER = [
    "№ п/п",
    " Номер* ",
    "Дата:",
    "Тип учреждения",
    "Наименование полное:",
    "Сокращенное наименование",
    "  ИНН* ",
    "КПП",
    "ОГРН",
    "юридический адрес",
    "РУКОВОДИТЕЛЬ: ФАМИЛИЯ",
    "Руководитель — имя",
    "Руководитель:отчество",
    "Руководитель: должность",
    "Предмет",
]
ZERO_INN = "010500123" + inn_check_digits("010500123")  # region 01: Excel drops the zero


def messy_row(number: int, day: Any, inn: Any, subject: Any = SUBJECT) -> list[Any]:
    names = [f"Городской музей № {number}", f"Музей № {number}"]
    requisites = [inn, "220401001", ogrn13(number), ADDRESS]
    signer = ["Черных", "Андрей", "Петрович", "директор"]
    return [number, f"СП-{number}", day, "музей", *names, *requisites, *signer, subject]


def test_a_messy_workbook_gives_documents_for_good_rows_and_names_every_bad_cell(
    tmp_path: Path,
) -> None:
    rows = [
        ["Договоры о сотрудничестве на 2026–2027 учебный год"],
        [],
        MESSY_HEADER,
        messy_row(1, dt.datetime(2026, 9, 1), int(inn10(1))),  # an Excel date, ИНН a number
        [],
        messy_row(2, "05.09.2026", int(ZERO_INN)),  # a text date; the ИНН lost its zero
        messy_row(3, "06.09.2026", "2204021668"),  # a bad check digit
        [None, "   "],
        messy_row(4, "07.09.2026", inn10(4), subject=None),  # a required cell left empty
        messy_row(5, "32.09.2026", inn10(5)),  # no such day
    ]
    path = write_workbook(tmp_path / "messy.xlsx", rows, sheet="Лист1")
    book = openpyxl.load_workbook(path)
    book.active.merge_cells("A1:O1")
    book.save(path)
    out = tmp_path / "out"
    result = batch("contract", str(path), "-o", str(out), "--jobs", "2")
    assert result.exit_code == 1, result.output
    assert sorted(p.name for p in out.glob("*.docx")) == [
        "Договор СП-1 Музей № 1.docx",
        "Договор СП-2 Музей № 2.docx",
    ]
    first = text_of((out / "Договор СП-1 Музей № 1.docx").read_bytes())
    second = text_of((out / "Договор СП-2 Музей № 2.docx").read_bytes())
    assert inn10(1) in first and "Городской музей № 1" in first
    assert "«01» сентября 2026" in first
    assert ZERO_INN in second and "«05» сентября 2026" in second
    assert "ведущий ноль" in result.output  # the repaired ИНН is reported as a notice
    cells = [(row[1], row[2], row[3]) for row in report_rows(out / ERROR_REPORT_NAME)]
    assert cells == [(7, "G", "ИНН*"), (9, "O", "Предмет"), (10, "C", "Дата:")]
    for where in ("строка 7, столбец G «ИНН*»", "строка 9, столбец O", "строка 10, столбец C"):
        assert where in result.output


def test_a_users_template_with_cyrillic_variables(tmp_path: Path, make_docx: Any) -> None:
    template = tmp_path / "грамота.docx"
    template.write_bytes(
        make_docx(body=["Грамота", "награждается {{ ФИО }}, {{ класс }} класс", "за {{ заслуга }}"])
    )
    sheet = tmp_path / "ученики.xlsx"
    made = CliRunner().invoke(cli, ["sheet", str(template), "-o", str(sheet)])
    assert made.exit_code == 0, made.output
    book = openpyxl.load_workbook(sheet)
    table = book.worksheets[0]
    headers = [cell.value for cell in table[2]]
    table.delete_rows(3)  # the example row
    for values in (
        {"ФИО": "Иванов Иван", "класс": "5А", "заслуга": "победу в олимпиаде"},
        {"ФИО": "Петрова Анна", "класс": 7, "заслуга": "активное участие"},
        {"ФИО": "Сидоров Пётр", "класс": "6Б"},  # nothing to thank him for: an empty value
    ):
        table.append([values.get(str(header).rstrip(" *")) for header in headers])
    book.save(sheet)
    out = tmp_path / "грамоты"
    result = CliRunner().invoke(cli, ["batch", str(template), str(sheet), "-o", str(out)])
    assert result.exit_code == 1, result.output
    names = sorted(p.name for p in out.glob("*.docx"))
    assert names == ["Иванов Иван, строка 3.docx", "Петрова Анна, строка 4.docx"]
    text = text_of((out / names[1]).read_bytes())
    assert "награждается Петрова Анна, 7 класс" in text and "за активное участие" in text
    ((sheet_name, row, column, header, value, message, kind),) = report_rows(
        out / ERROR_REPORT_NAME
    )
    # A tag printed outside any {% if %} needs its cell: the empty one is named before rendering.
    assert (sheet_name, row, column, header, value) == (table.title, 5, "C", "заслуга *", None)
    assert "обязательное поле не заполнено" in message and kind == "ошибка"
    assert f"лист «{table.title}», строка 5, столбец C «заслуга *»: " in result.output


def test_a_zip_holds_every_document_and_nothing_is_left_beside_it(tmp_path: Path) -> None:
    rows = [HEADER, *(school(number) for number in range(1, 6))]
    path = write_workbook(tmp_path / "p.xlsx", rows)
    archive = tmp_path / "архив" / "договоры.zip"
    result = batch("contract", str(path), "--zip", str(archive))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in archive.parent.iterdir()) == ["договоры.zip"]
    with zipfile.ZipFile(archive) as opened:
        assert opened.namelist() == [contract_name(number) for number in range(1, 6)]
        for number, name in enumerate(opened.namelist(), start=1):
            assert f"СП-2026/{number:03d}" in text_of(opened.read(name))
    assert str(archive) in result.output


def test_two_processes_give_the_same_bytes_as_one(tmp_path: Path) -> None:
    twin = school(41, Номер="сп-2026/007", **{"Сокращённое наименование": "МБОУ «СОШ № 7»"})
    rows = [HEADER, *(school(number) for number in range(1, 41)), twin]
    path = write_workbook(tmp_path / "p.xlsx", rows)
    outputs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"jobs{jobs}"
        zipped = batch("contract", str(path), "--zip", str(out / "all.zip"), "--jobs", jobs)
        assert zipped.exit_code == 0, zipped.output
        assert batch("contract", str(path), "-o", str(out), "--jobs", jobs).exit_code == 0
        outputs[jobs] = {name: (out / name).read_bytes() for name in listing(out)}
    assert outputs["1"] == outputs["2"]
    # 41 documents, the ZIP and ошибки.xlsx warning that «сп-2026/007» is nearly «СП-2026/007»
    assert len(outputs["1"]) == 43 and ERROR_REPORT_NAME in outputs["1"]
    assert "Договор сп-2026-007 МБОУ «СОШ № 7» (2).docx" in outputs["1"]


def test_a_clean_run_removes_the_old_error_report(tmp_path: Path) -> None:
    out = tmp_path / "out"
    bad = write_workbook(tmp_path / "bad.xlsx", [HEADER, school(1, ИНН="123")])
    assert batch("contract", str(bad), "-o", str(out)).exit_code == 1
    assert (out / ERROR_REPORT_NAME).is_file()
    good = write_workbook(tmp_path / "good.xlsx", [HEADER, school(1)])
    result = batch("contract", str(good), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert listing(out) == [contract_name(1)]


def test_a_wrong_name_pattern_stops_before_any_document(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "p.xlsx", [HEADER, school(1)])
    out = tmp_path / "out"
    result = batch("contract", str(path), "-o", str(out), "--name", "{{ agreement.nomer }}")
    assert result.exit_code == 1
    assert "«agreement.nomer»" in result.stderr and "«number»" in result.stderr
    assert not out.exists()


def test_a_name_pattern_from_the_command_line(tmp_path: Path) -> None:
    rows = [HEADER, school(1), school(2)]
    path = write_workbook(tmp_path / "p.xlsx", rows)
    out = tmp_path / "out"
    pattern = "{{ index }}. {{ partner.organisation.short_name }} / строка {{ row }}"
    result = batch("contract", str(path), "-o", str(out), "--name", pattern)
    assert result.exit_code == 0, result.output
    assert listing(out) == [
        "1. МБОУ «СОШ № 1» - строка 2.docx",
        "2. МБОУ «СОШ № 2» - строка 3.docx",
    ]


def test_usage_errors(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "p.xlsx", [HEADER, school(1)])
    assert batch("contract", str(path)).exit_code == 2  # neither -o nor --zip
    unknown = batch("contrakt", str(path), "-o", str(tmp_path / "out"))
    assert unknown.exit_code == 2
    assert "«contrakt» — нет такого встроенного шаблона, модели или файла" in unknown.stderr
    assert "(возможно, «contract»)" in unknown.stderr


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="нужен LibreOffice (soffice)")
def test_pdfs_beside_the_documents_and_inside_the_zip(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "p.xlsx", [HEADER, school(1), school(2)])
    out = tmp_path / "out"
    assert batch("contract", str(path), "-o", str(out), "--pdf").exit_code == 0
    pdfs = [contract_name(n).replace(".docx", ".pdf") for n in (1, 2)]
    assert listing(out) == sorted([contract_name(1), contract_name(2), *pdfs])
    assert (out / pdfs[0]).read_bytes().startswith(b"%PDF")
    archive = tmp_path / "zipped" / "all.zip"
    result = batch("contract", str(path), "--zip", str(archive), "--pdf")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in archive.parent.iterdir()) == ["all.zip"]  # no staging left
    with zipfile.ZipFile(archive) as opened:
        assert opened.namelist() == [contract_name(1), contract_name(2), *pdfs]
        assert opened.read(pdfs[1]).startswith(b"%PDF")


def test_a_rerun_removes_documents_of_rows_it_now_refuses(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = write_workbook(tmp_path / "p.xlsx", [HEADER, school(1), school(2), school(3)])
    assert batch("contract", str(first), "-o", str(out)).exit_code == 0
    assert listing(out) == [contract_name(1), contract_name(2), contract_name(3)]
    (out / "мой файл.docx").write_bytes(b"not docgen's")
    write_workbook(first, [HEADER, school(1), school(2, ИНН="123"), school(3)])
    result = batch("contract", str(first), "-o", str(out))
    assert result.exit_code == 1
    assert listing(out) == sorted(
        [contract_name(1), contract_name(3), "мой файл.docx", ERROR_REPORT_NAME]
    )
    assert "документы прошлого запуска заменены новыми: 2" in result.output
    assert "не из прошлого запуска" not in result.output
    assert (
        "удалены документы прошлого запуска, которых в этот раз нет (их строки теперь с ошибками "
        f"или удалены из таблицы) (1): {contract_name(2)}"
    ) in result.output


def test_a_changed_stale_document_is_kept_and_named(tmp_path: Path) -> None:
    out = tmp_path / "out"
    path = write_workbook(tmp_path / "p.xlsx", [HEADER, school(1), school(2)])
    assert batch("contract", str(path), "-o", str(out)).exit_code == 0
    edited = out / contract_name(2)
    edited.write_bytes(edited.read_bytes() + b"\0")  # opened and saved in Word since
    write_workbook(path, [HEADER, school(1)])
    result = batch("contract", str(path), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert edited.is_file()
    assert "НЕ удалены документы прошлого запуска" in result.output
    assert f"устарели, проверьте их (1): {contract_name(2)}" in result.output


def test_another_workbook_into_the_same_folder_leaves_the_first_ones_documents(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    first = write_workbook(tmp_path / "a.xlsx", [HEADER, school(1)])
    second = write_workbook(tmp_path / "b.xlsx", [HEADER, school(2)])
    assert batch("contract", str(first), "-o", str(out)).exit_code == 0
    result = batch("contract", str(second), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert listing(out) == [contract_name(1), contract_name(2)]
    assert "удалены" not in result.output and "заменены" not in result.output


def test_files_not_of_the_previous_run_are_named_when_written_over(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / contract_name(1)).write_bytes(b"someone's own file")
    path = write_workbook(tmp_path / "p.xlsx", [HEADER, school(1)])
    result = batch("contract", str(path), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert (
        f"заменены файлы, которые уже были в папке (не из прошлого запуска) (1): {contract_name(1)}"
    ) in result.output


def test_a_users_documents_are_named_after_the_declined_name(tmp_path: Path) -> None:
    template = tmp_path / "письмо.docx"
    document = Document()
    document.add_paragraph("от {{ дата | date_text }}")
    document.add_paragraph("{{ ФИО | dative }}")
    document.save(str(template))
    sheet = tmp_path / "люди.xlsx"
    assert CliRunner().invoke(cli, ["sheet", str(template), "-o", str(sheet)]).exit_code == 0
    book = openpyxl.load_workbook(sheet)
    table = book.worksheets[0]
    headers = [str(cell.value).rstrip(" *") for cell in table[2]]
    table.delete_rows(3, table.max_row)
    row = {"дата": "20.11.2026", "ФИО": "КУЗНЕЦОВА елена викторовна"}
    table.append([row[header] for header in headers])
    book.save(sheet)
    out = tmp_path / "письма"
    result = CliRunner().invoke(cli, ["batch", str(template), str(sheet), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert [p.name for p in out.glob("*.docx")] == ["Кузнецова Елена Викторовна, строка 3.docx"]
    assert "Кузнецовой Елене Викторовне" in text_of(next(out.glob("*.docx")).read_bytes())
