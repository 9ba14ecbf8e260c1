"""A template is a program someone else wrote: what it builds, how long and how deep is bounded.

Each hostile template here would take gigabytes or minutes unbounded; bounded, it fails at
once with a TemplateError naming its paragraph. (A regression shows as a test that hangs
or runs out of memory, not as a timing assert.)
"""

from __future__ import annotations

import pickle
from collections.abc import Callable

import pytest

from docgen.engine import compile_template
from docgen.engine.limits import RenderLimits
from docgen.errors import TemplateError

HOSTILE = [
    "{{ 'a' * 10**9 }}",
    "{{ 10**9 * 'a' }}",
    "{{ [1] * 10**8 }}",
    "{{ [[1] * 1000] * 2000 }}",
    "{{ 3**(3**15) }}",
    "{{ (10**5000) * (10**5000) }}",
    "{{ 'ab' + 'a' * 999999 }}",
    "{{ 'a' | center(10**9) }}",
    "{{ 'a' | center(1000000000) }}",
    "{{ 'a\\nb' | indent(10**8) }}",
    "{{ 'a b c' | wordwrap(1, wrapstring='x' * 600000) }}",
    "{{ 'aaaa' | replace('a', 'b' * 400000) }}",
    "{{ range(100000) | join('x' * 100) }}",
    "{{ '%s' | format('a') * 10**7 }}",
    "{{ '%999999999d' | format(1) }}",
    "{{ '%999999999d' % 1 }}",
    "{{ '{:>999999999}'.format(1) }}",
    "{{ 'a'.center(10**9) }}",
    "{{ 'a'.ljust(10**9) }}",
    "{{ '\\t'.expandtabs(10**9) }}",
    "{{ ('x' * 900000).replace('x', 'yy') }}",
    "{{ [1] | batch(10**9, 0) | list }}",
    "{{ lipsum(10**6) }}",
    "{% set ns = namespace(s='a') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}"
    "{% endfor %}{{ ns.s }}",
]


@pytest.mark.parametrize("tag", HOSTILE)
def test_a_value_past_the_limit_fails_at_once_naming_the_paragraph(
    make_docx: Callable[..., bytes], tag: str
) -> None:
    template = compile_template(make_docx(body=["Грамота", f"Итого: {tag}"]))
    with pytest.raises(TemplateError, match=r"абзац «Итого: .*слишком большое значение"):
        template.render({})


def test_a_size_taken_from_the_data_is_bounded_too(make_docx: Callable[..., bytes]) -> None:
    template = compile_template(make_docx(body=["{{ a * n }}", "{{ items * n }}"]))
    assert template.render({"a": "ab", "n": 3, "items": []})
    with pytest.raises(TemplateError, match=r"абзац «\{\{ a \* n \}\}».*строка размером"):
        template.render({"a": "ab", "n": 10**9, "items": []})


def test_values_of_real_documents_are_not_refused(
    make_docx: Callable[..., bytes], read_docx: Callable[[bytes], dict[str, list[str]]]
) -> None:
    template = compile_template(
        make_docx(
            body=[
                "{{ '-' * 5 }}|{{ 2**10 }}|{{ '%05d' % 42 }}|{{ '{:>4}'.format('x') }}",
                "{{ items | join(', ') }}|{{ 'ab' | center(6) }}|{{ [1, 2] + [3] }}",
                "{{ 'a' ~ 'b' ~ n }}|{{ (items * 2) | length }}|{{ 'x'.rjust(3, '.') }}",
            ]
        )
    )
    body = read_docx(template.render({"items": ["a", "b"], "n": 1}))["body"]
    body = [text.replace("\u00a0", " ") for text in body]  # typography ties short words
    assert body == ["-----|1024|00042|   x", "a, b|  ab  |[1, 2, 3]", "ab1|4|..x"]


def test_constant_folding_at_compile_time_cannot_pass_the_limit(
    make_docx: Callable[..., bytes],
) -> None:
    # Jinja folds constant expressions while compiling; intercepted operators are not folded
    template = compile_template(make_docx(body=["{{ 3**(3**15) }}", "{{ 'a' * 10**9 }}"]))
    with pytest.raises(TemplateError, match=r"абзац «\{\{ 3\*\*\(3\*\*15\) \}\}».*число"):
        template.render({})


def test_render_time_is_limited(make_docx: Callable[..., bytes]) -> None:
    # two calls per level, forty levels: 2**40 calls, each one checks the clock
    macro = "{% macro m(n) %}{% if n > 0 %}{{ m(n - 1) }}{{ m(n - 1) }}{% endif %}{% endmacro %}"
    template = compile_template(
        make_docx(body=[macro, "Список: {{ m(40) }}"]), limits=RenderLimits(seconds=0.3)
    )
    with pytest.raises(TemplateError, match=r"не собран за 0\.3 с — предел времени"):
        template.render({})


def test_loops_in_loops_are_limited(make_docx: Callable[..., bytes]) -> None:
    loops = "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}"
    template = compile_template(make_docx(body=["Таблица", loops]))
    with pytest.raises(TemplateError, match=r"абзац «\{% for a.*больше 1\u00a0000\u00a0000 шагов"):
        template.render({})


def test_output_size_is_limited(make_docx: Callable[..., bytes]) -> None:
    rows = "{% for i in range(1000) %}Строка номер {{ i }} — текст строки. {% endfor %}"
    template = compile_template(
        make_docx(body=["Начало", rows]), limits=RenderLimits(output_chars=20_000)
    )
    with pytest.raises(TemplateError, match=r"абзац «\{% for i.*больше 0 МБ текста"):
        template.render({})
    assert compile_template(make_docx(body=["Начало", rows])).render({})


def test_limits_travel_with_a_pickled_template(make_docx: Callable[..., bytes]) -> None:
    limits = RenderLimits(output_chars=20_000)
    template = compile_template(make_docx(body=["{{ 'x' * 30000 }}"]), limits=limits)
    copy = pickle.loads(pickle.dumps(template))
    assert copy.limits == limits
    with pytest.raises(TemplateError, match="предел размера"):
        copy.render({})


@pytest.mark.parametrize("depth", [100, 1000])
def test_blocks_nested_too_deep_name_the_paragraph(
    make_docx: Callable[..., bytes], depth: int
) -> None:
    body = ["Начало", "{% if a %}" * depth + "глубоко" + "{% endif %}" * depth]
    with pytest.raises(TemplateError, match=r"абзац «\{% if a %\}.*вложены друг в друга"):
        compile_template(make_docx(body=body))


def test_brackets_nested_too_deep_name_the_paragraph(make_docx: Callable[..., bytes]) -> None:
    body = ["Начало", "{{ " + "(" * 1000 + "1" + ")" * 1000 + " }}"]
    with pytest.raises(TemplateError, match=r"абзац «\{\{ \(\(\(.*скобки вложены"):
        compile_template(make_docx(body=body))


def test_usual_nesting_still_compiles(
    make_docx: Callable[..., bytes], read_docx: Callable[[bytes], dict[str, list[str]]]
) -> None:
    body = ["{% if a %}" * 15 + "глубоко" + "{% endif %}" * 15]
    assert read_docx(compile_template(make_docx(body=body)).render({"a": 1}))["body"] == ["глубоко"]


def test_a_macro_calling_itself_names_the_paragraph(make_docx: Callable[..., bytes]) -> None:
    template = compile_template(
        make_docx(body=["{% macro m(n) %}{{ m(n + 1) }}{% endmacro %}", "Итог: {{ m(1) }}"])
    )
    with pytest.raises(TemplateError, match=r"абзац «.*m\(.*вызывает сам себя"):
        template.render({})


@pytest.mark.parametrize(
    "tag", ["{{ row._secret }}", "{{ row['__class__'] }}", "{{ _secret }}", "{{ a.b.__dict__ }}"]
)
def test_hidden_names_are_refused_at_compile_time(
    make_docx: Callable[..., bytes], tag: str
) -> None:
    with pytest.raises(TemplateError, match=r"абзац «Имя: .*начинается с «_»"):
        compile_template(make_docx(body=["Начало", f"Имя: {tag}"]))


def test_a_local_name_with_an_underscore_is_still_allowed(
    make_docx: Callable[..., bytes], read_docx: Callable[[bytes], dict[str, list[str]]]
) -> None:
    template = compile_template(make_docx(body=["{% set _x = 'да' %}{{ _x }}"]))
    assert read_docx(template.render({}))["body"] == ["да"]


def test_an_expression_too_long_to_parse_names_the_paragraph(
    make_docx: Callable[..., bytes],
) -> None:
    body = ["Начало", "Сумма: {{ 1" + " + 1" * 5000 + " }}"]
    with pytest.raises(TemplateError, match=r"абзац «Сумма: .*слишком длинное для разбора"):
        compile_template(make_docx(body=body))


def test_shared_nested_lists_are_not_printed_whole(make_docx: Callable[..., bytes]) -> None:
    # what a YAML alias bomb gives: ten lists of the same list, nine levels deep
    bomb: list[object] = ["ха"] * 10
    for _level in range(8):
        bomb = [bomb] * 10
    for tag in ("{{ data }}", "{{ data | string }}", "{{ data | tojson }}", "{{ 'x' ~ data }}"):
        template = compile_template(make_docx(body=[f"Данные: {tag}"]))
        with pytest.raises(TemplateError, match=r"абзац «Данные: .*слишком большое значение"):
            template.render({"data": bomb})
