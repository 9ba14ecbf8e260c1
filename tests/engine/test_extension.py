"""The caller's filters and globals, the centre in a user's template, the API's inputs.

Filters used by a batch of several processes must be module-level functions (they travel
to the workers by reference), so the ones here are.
"""

from __future__ import annotations

import io
import pickle
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from docx import Document

import docgen
from docgen.engine.batch.error_report import ERROR_REPORT_NAME
from docgen.engine.batch.spec import check_user_template
from docgen.engine.compile import compile_template
from docgen.sources.workbook.write import write_input_workbook


def house_date(value: str) -> str:
    """A house style the centre wants: «2026-11-20» as «20/11/2026»."""
    year, month, day = str(value).split("-")
    return f"{day}/{month}/{year}"


def code_name(code: str) -> str:
    """Look a code up in the caller's own table."""
    return {"ДО": "дополнительное образование", "ВР": "воспитательная работа"}.get(code, code)


def endless(_value: object) -> str:
    """A careless filter: its result is still bounded."""
    return "x" * 2_000_000


def text_of(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    return "\n".join(p.text for p in document.paragraphs).replace("\u00a0", " ")


def test_a_callers_filter_and_function_render(make_docx: Callable[..., bytes]) -> None:
    template = docgen.compile_template(
        make_docx(body=["Дата: {{ дата | house_date }}, {{ code_name(код) }}, {{ year }}"]),
        filters={"house_date": house_date},
        globals={"code_name": code_name, "year": 2026},
    )
    text = text_of(template.render({"дата": "2026-11-20", "код": "ДО"}))
    assert text == "Дата: 20/11/2026, дополнительное образование, 2026"
    assert [usage.dotted for usage in template.fields()] == ["дата", "код"]


def test_an_unregistered_filter_names_the_paragraph(make_docx: Callable[..., bytes]) -> None:
    with pytest.raises(docgen.TemplateError, match=r"абзац «Дата: .*house_date"):
        docgen.compile_template(make_docx(body=["Дата: {{ дата | house_date }}"]))


def test_a_callers_filter_is_bounded_like_ours(make_docx: Callable[..., bytes]) -> None:
    template = compile_template(
        make_docx(body=["Итого: {{ 1 | endless }}"]), filters={"endless": endless}
    )
    with pytest.raises(docgen.TemplateError, match=r"абзац «Итого: .*слишком большое значение"):
        template.render({})


@pytest.mark.parametrize("name", ["bad name", "1st", ""])
def test_a_name_that_no_tag_can_write_is_refused(
    make_docx: Callable[..., bytes], name: str
) -> None:
    with pytest.raises(ValueError, match="cannot be written in a template tag"):
        compile_template(make_docx(body=["x"]), filters={name: house_date})


def test_a_pickled_template_keeps_its_filters(make_docx: Callable[..., bytes]) -> None:
    template = compile_template(
        make_docx(body=["{{ d | house_date }}"]), filters={"house_date": house_date}
    )
    copy = pickle.loads(pickle.dumps(template))
    assert text_of(copy.render({"d": "2026-01-02"})) == "02/01/2026"


def test_a_template_is_a_str_path_a_path_object_or_bytes(
    make_docx: Callable[..., bytes], tmp_path: Path
) -> None:
    data = make_docx(body=["Привет, {{ имя }}"])
    path = tmp_path / "письмо.docx"
    path.write_bytes(data)
    for source in (str(path), path, data, bytearray(data)):
        assert text_of(compile_template(source).render({"имя": "Анна"})) == "Привет, Анна"
    assert compile_template(str(path)).name == str(path)
    with pytest.raises(docgen.TemplateError, match=r"нет\.docx: файл шаблона не найден"):
        compile_template(str(tmp_path / "нет.docx"))
    with pytest.raises(docgen.TemplateError, match="это папка"):
        compile_template(tmp_path)
    with pytest.raises(TypeError, match="path or the bytes"):
        compile_template(42)  # type: ignore[arg-type]


def _workbook(template: docgen.CompiledTemplate, path: Path, rows: list[dict[str, object]]) -> None:
    from docgen.engine.batch.spec import user_template_model

    write_input_workbook(user_template_model(template), path)
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    headers = [str(cell.value).rstrip(" *") for cell in sheet[2]]
    sheet.delete_rows(3, sheet.max_row)
    for row in rows:
        sheet.append([row.get(header) for header in headers])
    book.save(path)


def test_a_custom_filter_reaches_two_worker_processes(
    make_docx: Callable[..., bytes], tmp_path: Path
) -> None:
    template = tmp_path / "справка.docx"
    template.write_bytes(make_docx(body=["Справка для {{ ФИО }}", "от {{ дата | house_date }}"]))
    spec = docgen.user_spec(template, filters={"house_date": house_date})
    sheet = tmp_path / "люди.xlsx"
    people = [
        {"ФИО": f"Человек {number}", "дата": f"2026-11-{number:02d}"} for number in range(1, 21)
    ]
    _workbook(spec.template, sheet, people)
    job = docgen.prepare_batch(spec, sheet)
    result = docgen.run_batch(job, docgen.BatchOutput(tmp_path / "out"), jobs=2)
    assert not result.failed, result.errors()
    assert len(result.documents) == 20
    for number in (1, 20):
        (found,) = (tmp_path / "out").glob(f"Человек {number}, *.docx")
        text = text_of(found.read_bytes())
        assert text == f"Справка для Человек {number}\nот {number:02d}/11/2026"


def test_a_hostile_row_fails_alone_and_is_listed(
    make_docx: Callable[..., bytes], tmp_path: Path
) -> None:
    template = tmp_path / "строка.docx"
    template.write_bytes(make_docx(body=["{{ ФИО }}", "Линия: {{ '-' * (длина | int) }}"]))
    spec = docgen.user_spec(template)
    sheet = tmp_path / "данные.xlsx"
    rows = [{"ФИО": "Анна", "длина": "3"}, {"ФИО": "Борис", "длина": "1000000000"}]
    rows.append({"ФИО": "Вера", "длина": "5"})
    _workbook(spec.template, sheet, rows)
    job = docgen.prepare_batch(spec, sheet)
    result = docgen.run_batch(job, docgen.BatchOutput(tmp_path / "out"), jobs=2)
    assert sorted(result.documents) == ["Анна, строка 3.docx", "Вера, строка 5.docx"]
    ((failure,),) = [f.problems for f in result.failures]
    assert failure.row == 4 and "абзац «Линия: " in failure.message
    assert "слишком большое значение" in failure.message
    book = openpyxl.load_workbook(tmp_path / "out" / ERROR_REPORT_NAME)
    listed = [row for row in book.active.iter_rows(values_only=True) if 4 in row]
    assert listed and any("слишком большое значение" in str(v) for v in listed[0])


def test_the_centre_is_available_in_a_users_template(
    make_docx: Callable[..., bytes], tmp_path: Path, repo: Path
) -> None:
    centre = docgen.load_centre(Path(repo) / "samples" / "centre.yaml")
    template = tmp_path / "письмо.docx"
    template.write_bytes(make_docx(body=["{{ centre.organisation.short_name }}", "{{ ФИО }}"]))
    spec = docgen.user_spec(template, centre=centre)
    assert list(spec.data_model().model_fields) == ["ФИО"]  # no column for the centre
    sheet = tmp_path / "данные.xlsx"
    _workbook(spec.template, sheet, [{"ФИО": "Анна"}])
    result = docgen.run_batch(docgen.prepare_batch(spec, sheet), docgen.BatchOutput(tmp_path / "o"))
    (found,) = (tmp_path / "o").glob("*.docx")
    assert text_of(found.read_bytes()) == f"{centre.organisation.short_name}\nАнна".replace(
        "\u00a0", " "
    )
    assert not result.failed
    with pytest.raises(docgen.TemplateError, match=r"абзац «\{\{ centre.*профиль не задан"):
        docgen.user_spec(template)


def test_check_a_users_template_against_its_own_model(make_docx: Callable[..., bytes]) -> None:
    good = compile_template(
        make_docx(body=["{{ centre.organisation.short_name }} {{ ФИО }} {{ класс }}"])
    )
    assert check_user_template(good) == []
    bad = compile_template(make_docx(body=["{{ centre.organisaton.short_name }} {{ ФИО }}"]))
    (unknown,) = check_user_template(bad)
    assert "centre.organisaton" in unknown.reason and "organisation" in unknown.reason


def test_a_hidden_name_in_a_users_template_is_a_template_error(
    make_docx: Callable[..., bytes], tmp_path: Path
) -> None:
    template = tmp_path / "чужой.docx"
    template.write_bytes(make_docx(body=["{{ ФИО }}", "Секрет: {{ row._secret }}"]))
    with pytest.raises(docgen.TemplateError, match=r"абзац «Секрет: .*«_secret» начинается"):
        docgen.user_spec(template)
