"""The names a template uses, as paths through the data, with the paragraph of each use."""

from __future__ import annotations

from collections.abc import Callable

from docgen.engine import compile_template, format_fields


def _paths(make_docx: Callable[..., bytes], **spec: object) -> list[str]:
    return [usage.dotted for usage in compile_template(make_docx(**spec)).fields()]


def test_nested_paths_and_loop_variables_resolved(make_docx: Callable[..., bytes]) -> None:
    paths = _paths(
        make_docx,
        body=[
            "{{ partner.organisation.full_name }} от {{ agreement.date|date_long }}",
            "{%p for e in agreement.events %}",
            "{{ loop.index }}. {{ e.title }} ({% for p in e.people %}{{ p.name }}{% endfor %})",
            "{%p endfor %}",
        ],
    )
    assert paths == [
        "partner.organisation.full_name",
        "agreement.date",
        "agreement.events",
        "agreement.events[].title",
        "agreement.events[].people",
        "agreement.events[].people[].name",
    ]


def test_set_with_items_and_indexes(make_docx: Callable[..., bytes]) -> None:
    paths = _paths(
        make_docx,
        body=[
            "{% set s = partner.signer %}{{ s.position }}",
            "{% with o = partner.organisation %}{{ o.inn }}{% endwith %}",
            "{% for k, v in extra.items() %}{{ k }}: {{ v.name }}{% endfor %}",
            "{{ rows[0].x }} {{ d['ключ'] }} {{ range(2)|list }}",
        ],
    )
    assert paths == [
        "partner.signer",
        "partner.signer.position",
        "partner.organisation",
        "partner.organisation.inn",
        "extra.items",
        "extra.*.name",
        "rows[].x",
        "d.ключ",
    ]


def test_cyrillic_names_and_headers(make_docx: Callable[..., bytes]) -> None:
    template = compile_template(
        make_docx(body=["ИНН {{ ИНН }}, {{ партнёр.название }}"], footer="№ {{ номер }}")
    )
    found = {(u.dotted, u.place.part, u.place.text) for u in template.fields()}
    assert found == {
        ("ИНН", "основной текст", "ИНН {{ ИНН }}, {{ партнёр.название }}"),
        ("партнёр.название", "основной текст", "ИНН {{ ИНН }}, {{ партнёр.название }}"),
        ("номер", "нижний колонтитул", "№ {{ номер }}"),
    }


def test_macro_arguments_are_not_data(make_docx: Callable[..., bytes]) -> None:
    paths = _paths(
        make_docx,
        body=["{% macro fio(p) %}{{ p.last }}{% endmacro %}{{ fio(director) }}"],
    )
    assert paths == ["director"]


def test_tree_shows_nesting_and_places(make_docx: Callable[..., bytes]) -> None:
    template = compile_template(
        make_docx(
            body=[
                "{{ partner.signer.position }} {{ partner.inn }}",
                "{%p for e in agreement.events %}",
                "{{ e.title }}",
                "{%p endfor %}",
            ]
        )
    )
    tree = format_fields(template.fields()).splitlines()
    assert tree == [
        "partner",
        "  signer",
        "    position",
        "      ← основной текст: «{{ partner.signer.position }} {{ partner.inn }}»",
        "  inn",
        "    ← основной текст: «{{ partner.signer.position }} {{ partner.inn }}»",
        "agreement",
        "  events[]",
        "    ← основной текст: «{% for e in agreement.events %}»",
        "    title",
        "      ← основной текст: «{{ e.title }}»",
    ]


def test_long_paragraph_is_cut_around_the_name(make_docx: Callable[..., bytes]) -> None:
    long = "Очень длинный пункт договора. " * 20 + "Срок {{ term.days }} дней. " + "Хвост. " * 20
    (usage,) = compile_template(make_docx(body=[long])).fields()
    assert "{{ term.days }}" in usage.place.text
    assert usage.place.text.startswith("…") and usage.place.text.endswith("…")
    assert len(usage.place.text) < 200
