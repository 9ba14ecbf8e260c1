"""A value ending in an abbreviation's full stop, followed by the template's full stop: one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from docgen.engine import compile_template


def _body(
    make_docx: Callable[..., bytes],
    read_docx: Callable[[bytes], dict[str, list[str]]],
    paragraph: str | tuple[str, ...],
    context: dict[str, object],
) -> str:
    (text,) = read_docx(compile_template(make_docx(body=[paragraph])).render(context))["body"]
    return text.replace("\u00a0", " ")


@pytest.mark.parametrize(
    ("paragraph", "context", "expected"),
    [
        (
            "Дата: {{ дата | date_text }}.",
            {"дата": dt.date(2026, 11, 20)},
            "Дата: 20 ноября 2026 г.",
        ),
        ("Итого {{ сумма }}. Далее", {"сумма": "100 руб."}, "Итого 100 руб. Далее"),
        ("Кружки, секции {{ прочее }}.", {"прочее": "и т. д."}, "Кружки, секции и т. д."),
        ("Подписал {{ кто }}.", {"кто": "Иванов И. И."}, "Подписал Иванов И. И."),
        (
            ("Дата: {{ дата | date_text }}", "."),
            {"дата": dt.date(2026, 1, 2)},
            "Дата: 2 января 2026 г.",
        ),
        ("{{ год }} г.", {"год": 2026}, "2026 г."),
        ("{{ слово }}.", {"слово": "конец"}, "конец."),
        ("{{ сумма }}, далее", {"сумма": "100 руб."}, "100 руб., далее"),
        ("{{ сумма }} .", {"сумма": "100 руб."}, "100 руб. ."),
    ],
)
def test_one_full_stop_after_a_value_that_ends_in_one(
    make_docx: Callable[..., bytes],
    read_docx: Callable[[bytes], dict[str, list[str]]],
    paragraph: str | tuple[str, ...],
    context: dict[str, object],
    expected: str,
) -> None:
    assert _body(make_docx, read_docx, paragraph, context) == expected


def test_a_full_stop_in_the_next_paragraph_stays(
    make_docx: Callable[..., bytes], read_docx: Callable[[bytes], dict[str, list[str]]]
) -> None:
    template = compile_template(make_docx(body=["{{ сумма }}", ".NET"]))
    body = read_docx(template.render({"сумма": "100 руб."}))["body"]
    assert [text.replace("\u00a0", " ") for text in body] == ["100 руб.", ".NET"]


def test_file_names_and_no_marker_left_anywhere(make_docx: Callable[..., bytes]) -> None:
    template = compile_template(make_docx(body=["{{ a }}", "{{ b }}."], header="{{ a }}"))
    data = template.render({"a": "г.", "b": "т. п."})
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            assert "\ue000".encode() not in package.read(name), name
