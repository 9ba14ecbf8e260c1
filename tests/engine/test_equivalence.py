"""docgen's render has the same text as docxtpl's own, for every kind of tag docxtpl knows."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pytest
from docxtpl import Listing, RichText
from lxml import etree

from docgen.engine import compile_template

ROWS = [
    {"n": 1, "title": "Экскурсия «Город мастеров»", "tags": ["музей", "дети"]},
    {"n": 2, "title": "Концерт & выставка <весна>", "tags": ["сцена"]},
    {"n": 3, "title": "Мастер-класс", "tags": []},
]


@dataclass(frozen=True)
class Person:
    last_name: str
    first_name: str
    middle_name: str | None
    gender: str | None = None
    forms: dict[str, str] | None = None


@dataclass(frozen=True)
class Signer:
    person: Person
    position: str
    position_forms: dict[str, str] | None = None


SIGNER = Signer(Person("Петрова", "Мария", "Сергеевна", forms={}), "директор", {})

CORPUS: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "variables, Cyrillic and escaping": (
        {"body": ["Договор № {{ number }} с {{ org }}", "Сумма: {{ sum }} руб.", "Без тегов."]},
        {"number": "СП-1/26", "org": "ООО «Ромашка» & Co <тест> \"кавычки\" 'и'", "sum": 1500},
    ),
    "Cyrillic variable names": (
        {"body": ["ИНН {{ ИНН }}, {{ партнёр.название }}"]},
        {"ИНН": "2204001234", "партнёр": {"название": "Школа № 5"}},
    ),
    "tag split across runs": (
        {"body": [("Стороны: {{ sta", "rt }} и {", "{ end }}")]},
        {"start": "Центр", "end": "Школа"},
    ),
    "paragraph condition": (
        {
            "body": [
                "До",
                "{%p if paid %}",
                "Оплата: {{ amount }} руб.",
                "{%p else %}",
                "Безвозмездно.",
                "{%p endif %}",
                "После",
            ]
        },
        {"paid": False, "amount": 10},
    ),
    "inline condition": (
        {"body": ["Срок: {% if days > 1 %}{{ days }} дней{% else %}один день{% endif %}."]},
        {"days": 5},
    ),
    "paragraph loop": (
        {"body": ["{%p for r in rows %}", "{{ loop.index }}. {{ r.title }}", "{%p endfor %}"]},
        {"rows": ROWS},
    ),
    "table row loop": (
        {
            "body": [
                [
                    ["№", "Мероприятие"],
                    ["{%tr for r in rows %}", ""],
                    ["{{ r.n }}", "{{ r.title }}"],
                    ["{%tr endfor %}", ""],
                ]
            ]
        },
        {"rows": ROWS},
    ),
    "table column loop": (
        {
            "body": [
                [
                    ["Показатель", "{%tc for y in years %}", "{{ y }}", "{%tc endfor %}"],
                    ["Дети", "{%tc for y in years %}", "{{ counts[y] }}", "{%tc endfor %}"],
                ]
            ]
        },
        {"years": [2024, 2025, 2026], "counts": {2024: 10, 2025: 12, 2026: 15}},
    ),
    "nested loops": (
        {
            "body": [
                "{%p for s in sections %}",
                "{{ loop.index }}. {{ s.title }}",
                "{%p for c in s.clauses %}",
                "{{ loop.index }}) {{ c }}",
                "{%p endfor %}",
                "{%p endfor %}",
            ]
        },
        {
            "sections": [
                {"title": "Предмет", "clauses": ["первое", "второе"]},
                {"title": "Сроки", "clauses": ["третье"]},
            ]
        },
    ),
    "inline loop inside a row loop": (
        {
            "body": [
                [
                    ["{%tr for r in rows %}", ""],
                    [
                        "{{ r.title }}",
                        "{% for t in r.tags %}{{ t }}{% if not loop.last %}, {% endif %}"
                        "{% endfor %}",
                    ],
                    ["{%tr endfor %}", ""],
                ]
            ]
        },
        {"rows": ROWS},
    ),
    "run tag": (
        {"body": [("Итог: ", "{%r if ok %}", "выполнено", "{%r endif %}", ".")]},
        {"ok": True},
    ),
    "rich text and listing objects": (
        {"body": [("Итог: ", "{{r rich }}", "."), "Список: {{ listing }}"]},
        {
            "rich": RichText("жирный & <важный>", bold=True),
            "listing": Listing("один\nдва\aтри"),
        },
    ),
    "comments": (
        {"body": ["A{# не выводится #}B", "{#p весь абзац — комментарий #}", "C"]},
        {},
    ),
    "whitespace merge": (
        {"body": ["Раз", "{%- if x %}", "два", "{%- endif %}", "три"]},
        {"x": True},
    ),
    "headers and footers": (
        {
            "body": ["Текст"],
            "header": "{{ centre }} · договор № {{ number }}",
            "footer": "Страница договора от {{ date }}",
        },
        {"centre": "МБУ ДО «ЦВР»", "number": "7", "date": "01.09.2026"},
    ),
    "footnotes": (
        {"body": ["Текст"], "footnotes": ["Сноска: {{ note }}", "Вторая"]},
        {"note": "приказ № 5 & 6"},
    ),
    "line breaks, tabs, paragraphs and pages from data": (
        {"body": ["Адрес: {{ address }}", "Колонки: {{ columns }}", "Ещё: {{ more }}"]},
        {"address": "г. Бийск,\nул. Ленина, 1", "columns": "a\tb", "more": "один\aдва\fтри"},
    ),
    "Russian filters": (
        {
            "body": [
                "в лице {{ signer|genitive }}, {{ signer|acting }} на основании Устава",
                "Подпись: {{ signer|initials }}; дата {{ date|date_long }}",
                "{{ days|with_noun('день') }}",
            ]
        },
        {"signer": SIGNER, "date": dt.date(2026, 11, 26), "days": 21},
    ),
    "cell merge tags": (
        {
            "body": [
                [
                    ["{% colspan 2 %}Объединено", ""],
                    ["{% cellbg color %}Цвет", "обычная"],
                ]
            ]
        },
        {"color": "FF0000"},
    ),
}


@pytest.mark.parametrize("case", CORPUS, ids=list(CORPUS))
def test_same_text_as_docxtpl(
    case: str,
    make_docx: Callable[..., bytes],
    read_docx: Callable[[bytes], dict[str, list[str]]],
    render_docxtpl: Callable[[bytes, Mapping[str, Any]], bytes],
) -> None:
    spec, context = CORPUS[case]
    template = make_docx(**spec)
    output = compile_template(template).render(context)
    with zipfile.ZipFile(io.BytesIO(output)) as archive:
        for name in archive.namelist():
            if name.endswith(".xml"):
                etree.fromstring(archive.read(name))  # well-formed, without lxml's «recover»
    ours = read_docx(output)
    theirs = read_docx(render_docxtpl(template, context))
    # docgen's one deliberate difference: printed data is typeset (no-break spaces/hyphens).
    assert _untie(ours) == _untie(theirs)
    assert ours != read_docx(template)  # something was rendered


def _untie(texts: dict[str, list[str]]) -> dict[str, list[str]]:
    """Return the texts with no-break spaces and hyphens made plain (undo ``typeset``)."""
    plain = str.maketrans({"\u00a0": " ", "\u2011": "-"})
    return {part: [text.translate(plain) for text in lines] for part, lines in texts.items()}


def test_corpus_text_is_what_a_reader_expects(
    make_docx: Callable[..., bytes], read_docx: Callable[[bytes], dict[str, list[str]]]
) -> None:
    spec, context = CORPUS["table row loop"]
    text = read_docx(compile_template(make_docx(**spec)).render(context))
    assert text["body"] == [
        "№ | Мероприятие",
        "1 | Экскурсия «Город мастеров»",
        "2 | Концерт & выставка <весна>",
        "3 | Мастер-класс",
    ]
    spec, context = CORPUS["table column loop"]
    text = read_docx(compile_template(make_docx(**spec)).render(context))
    assert text["body"] == ["Показатель | 2024 | 2025 | 2026", "Дети | 10 | 12 | 15"]
