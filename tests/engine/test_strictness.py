"""A missing or empty value stops the render with its full path and its paragraph."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from docgen.engine import compile_template
from docgen.errors import InputError, TemplateError


@dataclass(frozen=True)
class Signer:
    name: str


@dataclass(frozen=True)
class Partner:
    signer: Signer


def test_missing_nested_key_names_full_path_and_paragraph(make_docx: Callable[..., bytes]) -> None:
    template = compile_template(
        make_docx(body=["Вступление", "в лице {{ partner.signer.position }}, действующего"]),
        name="договор.docx",
    )
    with pytest.raises(InputError) as caught:
        template.render({"partner": {"signer": {"name": "Петрова"}}})
    message = str(caught.value)
    assert "«partner.signer.position»" in message
    assert "договор.docx, основной текст" in message
    assert "абзац «в лице {{ partner.signer.position }}, действующего»" in message


def test_missing_middle_of_path_says_what_it_was_needed_for(
    make_docx: Callable[..., bytes],
) -> None:
    template = compile_template(make_docx(body=["{{ partner.signer.position }}"]))
    with pytest.raises(InputError, match=r"нет значения «partner\.signer» \(нужно для «partner"):
        template.render({"partner": {}})


def test_missing_attribute_of_an_object(make_docx: Callable[..., bytes]) -> None:
    template = compile_template(make_docx(body=["{{ partner.signer.position }}"]))
    with pytest.raises(InputError, match=r"«partner\.signer\.position»"):
        template.render({"partner": Partner(Signer("Петрова"))})


def test_missing_top_level_name(make_docx: Callable[..., bytes]) -> None:
    template = compile_template(make_docx(body=["Дата: {{ agreement.date }}"]))
    with pytest.raises(
        InputError, match=r"нет значения «agreement» \(нужно для «agreement\.date»\)"
    ):
        template.render({})


def test_missing_value_in_a_loop_names_the_list_path(make_docx: Callable[..., bytes]) -> None:
    template = compile_template(
        make_docx(body=["{%p for e in agreement.events %}", "— {{ e.title }}", "{%p endfor %}"])
    )
    with pytest.raises(InputError) as caught:
        template.render({"agreement": {"events": [{"title": "Экскурсия"}, {"name": "Концерт"}]}})
    assert "«agreement.events[].title» (элемент № 2 в «agreement.events»)" in str(caught.value)
    assert "абзац «— {{ e.title }}»" in str(caught.value)


def test_missing_value_in_nested_lists_names_each_element(make_docx: Callable[..., bytes]) -> None:
    template = compile_template(
        make_docx(
            body=[
                "{% for s in sections %}{% for c in s.clauses %}{{ c.text }}"
                "{% endfor %}{% endfor %}"
            ]
        )
    )
    sections = [{"clauses": [{"text": "a"}]}, {"clauses": [{"text": "b"}, {"txt": "c"}]}]
    with pytest.raises(InputError) as caught:
        template.render({"sections": sections})
    assert "(элемент № 2 в «sections», № 2 в «sections[].clauses»)" in str(caught.value)


def test_missing_value_in_a_header_names_the_header(make_docx: Callable[..., bytes]) -> None:
    template = compile_template(make_docx(body=["Текст"], header="Договор № {{ number }}"))
    with pytest.raises(
        InputError, match=re.escape("верхний колонтитул, абзац «Договор № {{ number }}»")
    ):
        template.render({})


def test_none_is_refused_not_printed(make_docx: Callable[..., bytes]) -> None:
    template = compile_template(make_docx(body=["КПП {{ org.kpp }}"]))
    with pytest.raises(InputError, match=r"пустое \(None\) \(org\.kpp\)"):
        template.render({"org": {"kpp": None}})


def test_condition_on_a_missing_name_is_an_error_but_defined_test_works(
    make_docx: Callable[..., bytes], read_docx: Callable[[bytes], dict[str, list[str]]]
) -> None:
    strict = compile_template(make_docx(body=["{% if kpp %}КПП {{ kpp }}{% endif %}"]))
    with pytest.raises(InputError, match="«kpp»"):
        strict.render({})
    lenient = compile_template(
        make_docx(body=["{% if kpp is defined %}КПП {{ kpp }}{% endif %}ИНН"])
    )
    assert read_docx(lenient.render({}))["body"] == ["ИНН"]


def test_sandbox_refuses_private_attributes_and_changing_data(
    make_docx: Callable[..., bytes],
) -> None:
    with pytest.raises(TemplateError, match="«__class__» начинается с «_»"):
        compile_template(make_docx(body=["{{ items.__class__.__mro__ }}"]))
    mutating = compile_template(make_docx(body=["{{ items.append(1) }}"]))
    items: list[int] = []
    with pytest.raises(TemplateError, match="запрещено"):
        mutating.render({"items": items})
    assert items == []


def test_dict_methods_still_work_through_the_fast_lookup(
    make_docx: Callable[..., bytes], read_docx: Callable[[bytes], dict[str, list[str]]]
) -> None:
    template = compile_template(
        make_docx(body=["{% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %}{{ d.x }}"])
    )
    assert read_docx(template.render({"d": {"x": 1, "items": 2}}))["body"] == ["x=1;items=2;1"]


def test_filter_type_error_is_a_template_error_with_place(make_docx: Callable[..., bytes]) -> None:
    template = compile_template(make_docx(body=["{{ count|with_noun('день') }}"]))
    with pytest.raises(TemplateError, match=r"абзац «\{\{ count\|with_noun\('день'\) \}\}».*целое"):
        template.render({"count": 2.5})


def test_numero_is_tied_to_its_number_in_printed_data() -> None:
    from docgen.engine.jinja_env import finalize

    assert finalize("МБОУ «СОШ № 5»") == "МБОУ «СОШ №\u00a05»"
    assert finalize("№5, №") == "№5, №"
