"""Data files load into models, and every problem is named with its file, line and key path."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from docgen.errors import InputError
from docgen.models import MODELS, Agreement, Centre
from docgen.sources import data_files, guess_model, load_data, load_model


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_sample_agreement_loads(repo: Path) -> None:
    agreement = load_model(repo / "contracts" / "2026-001-school-5.yaml", Agreement)
    assert agreement.partner.organisation.short_name == "МБОУ «СОШ № 5»"
    assert agreement.partner.organisation.requisites.inn == "2204021669"
    assert len(agreement.activities) == 4


def test_wrong_inn_digit_names_key_path_line_and_check_digit(
    tmp_path: Path, school_agreement_text: str
) -> None:
    path = write(tmp_path, "a.yaml", school_agreement_text.replace("2204021669", "2204021668"))
    with pytest.raises(InputError) as caught:
        load_model(path, Agreement)
    message = str(caught.value)
    assert str(path) in message
    assert "partner.organisation.requisites.inn (ИНН)" in message
    assert "контрольная цифра" in message and "ожидалась 9" in message
    line = next(
        n for n, text in enumerate(school_agreement_text.splitlines(), 1) if "2204021669" in text
    )
    assert f"строка {line}:" in message


def test_misspelt_key_is_named_with_a_suggestion(
    tmp_path: Path, school_agreement_text: str
) -> None:
    path = write(tmp_path, "a.yaml", school_agreement_text.replace("short_name:", "shortname:"))
    with pytest.raises(
        InputError, match="неизвестный ключ «shortname»; возможно, имелось в виду «short_name»"
    ):
        load_model(path, Agreement)


def test_key_written_as_its_russian_title_is_suggested(tmp_path: Path) -> None:
    path = write(tmp_path, "c.yaml", "город: г. Бийск\n")
    with pytest.raises(InputError, match="«город»; возможно, имелось в виду «city»"):
        load_model(path, Centre)


def test_all_problems_of_a_file_are_reported_at_once(
    tmp_path: Path, school_agreement_text: str
) -> None:
    text = (
        school_agreement_text.replace("2204021669", "2204021668")
        .replace("number: СП-2026/001", "numbr: СП-2026/001")
        .replace(re.search(r"(?m)^date: .*$", school_agreement_text)[0], "date: 31.09.2026")
        .replace("type: общеобразовательная организация", "type: школа искусств")
    )
    path = write(tmp_path, "a.yaml", text)
    with pytest.raises(InputError) as caught:
        load_model(path, Agreement)
    message = str(caught.value)
    assert "5 ошибок в данных" in message
    for fragment in (
        "partner.organisation.requisites.inn",
        "неизвестный ключ «numbr»",
        "number (Номер): обязательное поле не заполнено",
        "«31.09.2026» — такой даты нет в календаре",
        "partner.type (Тип учреждения): «школа искусств» — такого значения нет в списке",
    ):
        assert fragment in message


def test_errors_inside_lists_name_the_index(tmp_path: Path, school_agreement_text: str) -> None:
    text = school_agreement_text.replace("    dates: 24.12.2026\n", "", 1)
    path = write(tmp_path, "a.yaml", text)
    with pytest.raises(InputError, match=r"activities\[2\]\.dates \(Сроки\): обязательное"):
        load_model(path, Agreement)


def test_yaml_syntax_error_names_line(tmp_path: Path) -> None:
    path = write(tmp_path, "c.yaml", "city: г. Бийск\ndirector:\n  person: [\n")
    with pytest.raises(InputError, match=r"c\.yaml, строка \d+, позиция \d+.*ошибка разметки YAML"):
        load_data(path)


def test_json_is_read_and_its_errors_located(tmp_path: Path) -> None:
    assert load_data(write(tmp_path, "d.json", '{"city": "г. Бийск"}')) == {"city": "г. Бийск"}
    with pytest.raises(InputError, match="строка 1, позиция 10: ошибка JSON"):
        load_data(write(tmp_path, "e.json", '{"city": }'))


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufeffcity: г. Бийск\n".encode())
    assert load_data(path) == {"city": "г. Бийск"}


@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [
        ("x.yaml", "", "файл пустой"),
        ("x.yaml", "- a\n- b\n", "найден список"),
        ("x.txt", "a: 1", "ожидается файл .yaml"),
    ],
)
def test_unusable_files_are_explained(
    tmp_path: Path, name: str, content: str, fragment: str
) -> None:
    with pytest.raises(InputError, match=fragment):
        load_data(write(tmp_path, name, content))


def test_missing_and_non_utf8_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="файл не найден"):
        load_data(tmp_path / "none.yaml")
    path = tmp_path / "cp1251.yaml"
    path.write_bytes("город: Бийск".encode("cp1251"))
    with pytest.raises(InputError, match="не в кодировке UTF-8"):
        load_data(path)


@pytest.mark.parametrize(
    ("path", "expected"),
    [("samples/centre.yaml", "centre"), ("contracts/2026-002-museum.yaml", "agreement")],
)
def test_model_is_guessed_from_keys(repo: Path, path: str, expected: str) -> None:
    assert guess_model(load_data(repo / path), MODELS, repo / path) == expected


def test_unguessable_data_asks_for_model(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="укажите --model"):
        guess_model({"something": 1}, MODELS, tmp_path / "x.yaml")


def test_folders_expand_to_their_data_files(tmp_path: Path) -> None:
    for name in ("b.yaml", "a.json", "c.yml", "notes.txt"):
        write(tmp_path, name, "a: 1")
    assert [p.name for p in data_files([tmp_path])] == ["a.json", "b.yaml", "c.yml"]
