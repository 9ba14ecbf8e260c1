"""YAML and JSON data files are read strictly: what a file holds is what the person typed."""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from decimal import Decimal
from pathlib import Path

import pytest

from docgen.errors import InputError
from docgen.models import Agreement
from docgen.sources import load_data, load_model
from docgen.sources.files import DATA_FILE_LIMIT
from docgen.sources.yaml_data import ALIAS_BUDGET, DEPTH_LIMIT


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


def test_requisites_with_leading_zeros_keep_their_digits(
    tmp_path: Path, school_agreement_text: str
) -> None:
    text = school_agreement_text.replace('kpp: "220401001"', "kpp: 022401001")
    agreement = load_model(write(tmp_path, "a.yaml", text), Agreement)
    assert agreement.partner.organisation.requisites.kpp == "022401001"
    data = load_data(write(tmp_path, "b.yaml", "inn: 0123450000\nsmall: 010\nzero: 0\n"))
    assert data == {"inn": "0123450000", "small": "010", "zero": 0}


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("12:30", "12:30"),  # YAML 1.1: the sexagesimal number 750
        ("1:20:30", "1:20:30"),
        ("0x1F", "0x1F"),
        ("0o17", "0o17"),
        ("1_000", "1_000"),
        ("no", "no"),  # YAML 1.1: false
        ("on", "on"),
        ("true", True),
        ("42", 42),
        ("-7", -7),
        ("1.5", 1.5),
        ("1e3", 1000.0),
        ("~", None),
        ("2026-02-28", dt.date(2026, 2, 28)),
    ],
)
def test_plain_scalars_follow_yaml_1_2_core_rules(tmp_path: Path, typed: str, read: object) -> None:
    value = load_data(write(tmp_path, "x.yaml", f"value: {typed}\n"))["value"]
    assert value == read and type(value) is type(read)


def test_a_key_written_twice_is_refused_naming_both_lines(tmp_path: Path) -> None:
    text = "city: Бийск\ndirector:\n  position: директор\n  position: заведующий\ncity: Бийск\n"
    with pytest.raises(InputError) as caught:
        load_data(write(tmp_path, "c.yaml", text))
    message = str(caught.value)
    assert "c.yaml: повторяются ключи" in message
    assert "строка 4: ключ «director.position» записан дважды — в строках 3 и 4" in message
    assert "строка 5: ключ «city» записан дважды — в строках 1 и 5" in message


def test_merge_keys_and_a_few_aliases_still_work(tmp_path: Path) -> None:
    text = (
        "base: &base {city: Бийск, region: Алтайский край}\n"
        "school:\n  <<: *base\n  city: Барнаул\n"
        "signers: [&d {name: Иванова}, *d]\n"
    )
    data = load_data(write(tmp_path, "m.yaml", text))
    assert data["school"] == {"city": "Барнаул", "region": "Алтайский край"}
    assert data["signers"] == [{"name": "Иванова"}, {"name": "Иванова"}]


def alias_bomb(levels: int) -> str:
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for level in range(1, levels):
        items = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{items}]")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_at_once_naming_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "bomb.yaml", alias_bomb(10))  # 9**10 values if expanded
    started = time.perf_counter()
    with pytest.raises(InputError) as caught:
        load_data(path)
    assert time.perf_counter() - started < 5  # a guard against hanging, not a benchmark
    message = str(caught.value)
    assert "bomb.yaml, строка 5, a4[0]:" in message  # the line of the list, not the anchor
    assert f"больше {ALIAS_BUDGET}" in message and "пишите значения явно" in message


def test_an_alias_inside_itself_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"строка 2, list\[1\]: ссылка .* внутрь самой себя"):
        load_data(write(tmp_path, "loop.yaml", "name: x\nlist: &l\n  - a\n  - *l\n"))


def test_nesting_deeper_than_the_limit_is_refused(tmp_path: Path) -> None:
    deep = "a: " + "[" * (DEPTH_LIMIT + 5) + "]" * (DEPTH_LIMIT + 5) + "\n"
    with pytest.raises(InputError, match=f"вложенность глубже {DEPTH_LIMIT}"):
        load_data(write(tmp_path, "deep.yaml", deep))
    too_deep = "a: " + "[" * 5000 + "]" * 5000 + "\n"
    with pytest.raises(InputError, match="ошибка разметки YAML") as caught:
        load_data(write(tmp_path, "deeper.yaml", too_deep))
    assert len(str(caught.value)) < 400  # the offending line is shown cut short


def test_a_date_not_in_the_calendar_is_a_field_error_with_line_and_key(
    tmp_path: Path, school_agreement_text: str
) -> None:
    text = re.sub(r"(?m)^date: .*$", "date: 2026-02-30", school_agreement_text)
    with pytest.raises(InputError) as caught:
        load_model(write(tmp_path, "a.yaml", text), Agreement)
    line = line_of(text, "date: 2026-02-30")
    assert f"строка {line}: date (Дата): «2026-02-30» — такой даты нет в календаре" in str(
        caught.value
    )
    assert load_data(write(tmp_path, "b.yaml", "day: 2026-02-30\n")) == {"day": "2026-02-30"}


def paid(text: str, amount: str) -> str:
    return text.replace("subject:", f"financial:\n  paid: true\n  amount: {amount}\nsubject:", 1)


@pytest.mark.parametrize("amount", ["1e308", "1e400", "1000000000000", "1" * 40])
def test_an_amount_out_of_range_is_a_field_error_with_line_and_key(
    tmp_path: Path, school_agreement_text: str, amount: str
) -> None:
    text = paid(school_agreement_text, amount)
    with pytest.raises(InputError) as caught:
        load_model(write(tmp_path, "a.yaml", text), Agreement)
    line = line_of(text, f"amount: {amount}")
    assert f"строка {line}: financial.amount (Сумма, руб.): «{amount}» — не сумма" in str(
        caught.value
    )


def test_a_sum_in_kopecks_is_read_exactly(tmp_path: Path, school_agreement_text: str) -> None:
    text = paid(school_agreement_text, "1500.50")
    agreement = load_model(write(tmp_path, "a.yaml", text), Agreement)
    assert agreement.financial.amount == Decimal("1500.50")
    with pytest.raises(InputError, match="копеек — не больше двух знаков"):
        load_model(write(tmp_path, "b.yaml", paid(school_agreement_text, "1500.505")), Agreement)


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = write(tmp_path, "big.yaml", "notes:\n" + "  - строка\n" * 1000)
    assert load_data(path, limit=path.stat().st_size)["notes"][0] == "строка"
    with pytest.raises(InputError, match=r"big\.yaml: файл данных больше .* МБ.*разделите"):
        load_data(path, limit=path.stat().st_size - 1)
    assert DATA_FILE_LIMIT >= 1024 * 1024


def test_json_refuses_duplicate_keys_and_non_numbers(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="ключ «city» записан в объекте дважды"):
        load_data(write(tmp_path, "a.json", '{"city": "Бийск", "city": "Барнаул"}'))
    with pytest.raises(InputError, match="«NaN» — не число JSON"):
        load_data(write(tmp_path, "b.json", '{"amount": NaN}'))
    assert load_data(write(tmp_path, "c.json", '{"amount": 1e308}')) == {"amount": "1e308"}
    deep = json.dumps({"a": 1})
    for _ in range(100_000):
        deep = "[" + deep + "]"
    with pytest.raises(InputError, match="слишком глубокая вложенность"):
        load_data(write(tmp_path, "d.json", '{"a": ' + deep + "}"))
