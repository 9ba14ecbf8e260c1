"""``docgen inflect``: names, positions and organisation names, as text and as JSON."""

from __future__ import annotations

import json

from click.testing import CliRunner

from docgen.cli import cli

NBSP = "\u00a0"
CASES = ["nominative", "genitive", "dative", "accusative", "instrumental", "prepositional"]


def invoke(*args: str) -> tuple[int, str, str]:
    """Run ``docgen`` with ``args``; return the exit code, stdout and stderr."""
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_text_lists_the_six_cases_and_short_forms_of_each_name() -> None:
    code, out, _ = invoke("inflect", "Петрова Мария Сергеевна", "Иванов Иван Иванович")
    assert code == 0, out
    assert "Петрова Мария Сергеевна (пол: женский)" in out
    assert "Родительный:  Петровой Марии Сергеевны" in out
    assert "Винительный:  Петрову Марию Сергеевну" in out
    assert "Творительный: Ивановым Иваном Ивановичем" in out
    assert f"Подпись:      М.С.{NBSP}Петрова" in out
    assert f"Список:       Иванов{NBSP}И.И." in out
    assert out.count("Предложный:") == 2


def test_json_has_one_object_per_argument_keyed_by_case() -> None:
    code, out, _ = invoke("inflect", "--json", "Петрова Мария Сергеевна", "Смит Анна")
    assert code == 0, out
    tables = json.loads(out)
    assert len(tables) == 2
    petrova, smith = tables
    assert set(CASES) <= set(petrova)
    assert petrova["genitive"] == "Петровой Марии Сергеевны"
    assert petrova["gender"] == "f"
    assert petrova["initials"] == f"М.С.{NBSP}Петрова"
    assert petrova["surname_initials"] == f"Петрова{NBSP}М.С."
    assert smith["dative"] == "Смит Анне"


def test_gender_option_overrides_the_detected_gender() -> None:
    code, out, _ = invoke("inflect", "--json", "--gender", "f", "Ким Саша")
    assert code == 0, out
    assert json.loads(out)[0]["genitive"] == "Ким Саши"
    code, out, _ = invoke("inflect", "--json", "--gender", "m", "Ким Саша")
    assert json.loads(out)[0]["genitive"] == "Кима Саши"


def test_org_option_declines_organisation_names() -> None:
    code, out, _ = invoke(
        "inflect",
        "--org",
        "--json",
        "Автономная некоммерческая организация «Центр»",
        "МБОУ «СОШ № 5»",
    )
    assert code == 0, out
    centre, school = json.loads(out)
    assert centre["instrumental"] == "Автономной некоммерческой организацией «Центр»"
    assert centre["named"] == "именуемая"
    assert school["genitive"] == "МБОУ «СОШ № 5»"
    assert school["gender"] == "n"


def test_org_option_as_text() -> None:
    code, out, _ = invoke("inflect", "--org", "Отдел МВД России по городу Бийску")
    assert code == 0, out
    assert "(род: мужской)" in out
    assert "Дательный:         Отделу МВД России по городу Бийску" in out
    assert "именуемый" in out


def test_position_option_declines_positions() -> None:
    code, out, _ = invoke("inflect", "--position", "исполняющая обязанности директора")
    assert code == 0, out
    assert "Родительный:  исполняющей обязанности директора" in out
    code, out, _ = invoke("inflect", "--position", "--json", "педагог-организатор")
    assert json.loads(out)[0]["instrumental"] == "педагогом-организатором"


def test_a_name_it_cannot_read_exits_1_with_a_russian_message() -> None:
    code, _, err = invoke("inflect", "Петрова Мария Сергеевна", "Петрова")
    assert code == 1
    assert "ошибка: не удалось разобрать ФИО «Петрова»" in err
    code, _, err = invoke("inflect", "Петрова 123")
    assert code == 1
    assert "только буквы" in err


def test_usage_errors_exit_2() -> None:
    assert invoke("inflect")[0] == 2
    assert invoke("inflect", "--gender", "x", "Петрова Мария")[0] == 2
    code, _, err = invoke("inflect", "--org", "--gender", "f", "ООО «Ромашка»")
    assert code == 2
    assert "--gender" in err
