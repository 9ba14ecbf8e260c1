"""The same template and data give the same bytes; untouched members are copied as stored."""

from __future__ import annotations

import datetime as dt
import io
import pickle
import zipfile
from collections.abc import Callable

from docx import Document

from docgen.engine import DocumentProperties, compile_template

CONTEXT = {"number": "СП-7", "rows": [{"t": "один"}, {"t": "два"}]}
BODY = ["Договор № {{ number }}", "{%p for r in rows %}", "{{ r.t }}", "{%p endfor %}"]


def test_same_input_gives_identical_bytes(make_docx: Callable[..., bytes]) -> None:
    template_bytes = make_docx(body=BODY, header="№ {{ number }}")
    first = compile_template(template_bytes).render(CONTEXT)
    again = compile_template(template_bytes).render(dict(CONTEXT))
    assert first == again
    assert first != compile_template(template_bytes).render({**CONTEXT, "number": "СП-8"})


def test_zip_has_fixed_times_and_the_template_order(make_docx: Callable[..., bytes]) -> None:
    template_bytes = make_docx(body=BODY)
    output = compile_template(template_bytes).render(CONTEXT)
    with zipfile.ZipFile(io.BytesIO(template_bytes)) as source:
        names = source.namelist()
        stored = {info.filename: source.read(info) for info in source.infolist()}
    with zipfile.ZipFile(io.BytesIO(output)) as result:
        assert result.testzip() is None
        assert result.namelist() == names
        assert {info.date_time for info in result.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        changed = [name for name in names if result.read(name) != stored[name]]
    assert changed == ["word/document.xml"]


def test_properties_come_from_the_template_and_the_data(make_docx: Callable[..., bytes]) -> None:
    template = compile_template(make_docx(body=["x"], title="Договор № {{ number }}"))
    created = dt.datetime(2026, 9, 1, 10, 30, tzinfo=dt.UTC)
    output = template.render(
        {"number": "15 & 16"},
        properties=DocumentProperties(author="ЦВР", subject="Сотрудничество", created=created),
    )
    properties = Document(io.BytesIO(output)).core_properties
    assert properties.title == "Договор № 15 & 16"
    assert properties.author == "ЦВР"
    assert properties.subject == "Сотрудничество"
    assert properties.created == created
    assert properties.modified == created


def test_without_properties_the_core_part_is_copied(make_docx: Callable[..., bytes]) -> None:
    template_bytes = make_docx(body=["{{ x }}"])
    output = compile_template(template_bytes).render({"x": 1})
    with zipfile.ZipFile(io.BytesIO(template_bytes)) as a, zipfile.ZipFile(io.BytesIO(output)) as b:
        assert a.read("docProps/core.xml") == b.read("docProps/core.xml")


def test_a_compiled_template_survives_pickling(make_docx: Callable[..., bytes]) -> None:
    template = compile_template(make_docx(body=BODY), name="договор.docx")
    copy = pickle.loads(pickle.dumps(template))
    assert copy.name == "договор.docx"
    assert copy.render(CONTEXT) == template.render(CONTEXT)
