"""``docgen register …``: exit codes, tables and Russian messages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from docgen.cli import cli

Run = Callable[..., Result]


@pytest.fixture
def run(database_url: str, contracts: Path) -> Run:
    """Return a runner of ``docgen register`` on a register holding the samples."""

    def invoke(*args: str) -> Result:
        return CliRunner().invoke(cli, ["register", "--db", database_url, *args])

    imported = invoke("import", str(contracts))
    assert imported.exit_code == 0, imported.output
    return invoke


def numbers(output: str) -> list[str]:
    return [line.split()[0] for line in output.splitlines() if line.startswith("СП-")]


def test_import_reports_each_file_and_a_second_import_changes_nothing(
    run: Run, contracts: Path
) -> None:
    result = run("import", str(contracts))
    assert result.exit_code == 0
    assert "2026-001-school-5.yaml: договор СП-2026/001 — без изменений" in result.output
    assert result.output.strip().endswith("Итого: добавлено 0, обновлено 0, без изменений 5")


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        ("15.04.2027", ["СП-2026/003"]),  # ends 31.05.2027, in 46 days
        ("15.07.2027", ["СП-2026/001"]),  # ends 31.08.2027 (and renews); 003 has expired
        ("2027-11-15", ["СП-2026/005"]),  # ends 31.12.2027
        ("15.09.2027", []),  # 001 renewed to 31.08.2028
    ],
)
def test_list_expiring_shows_the_right_agreements(
    run: Run, today: str, expected: list[str]
) -> None:
    result = run("list", "--expiring", "60", "--today", today)
    assert result.exit_code == 0, result.output
    assert numbers(result.output) == expected
    if not expected:
        assert "Подходящих договоров нет" in result.output


def test_list_reads_today_from_the_environment(database_url: str, run: Run) -> None:
    result = CliRunner(env={"DOCGEN_TODAY": "15.04.2027"}).invoke(
        cli, ["register", "--db", database_url, "list", "--expiring", "60"]
    )
    assert numbers(result.output) == ["СП-2026/003"]


def test_list_filters_by_type_and_status(run: Run) -> None:
    result = run("list", "--type", "Музей", "--today", "01.01.2027")
    assert numbers(result.output) == ["СП-2026/002"]
    assert "Номер" in result.output and "Статус" in result.output
    result = run("list", "--status", "expired", "--today", "01.06.2027")
    assert numbers(result.output) == ["СП-2026/003"]
    assert "истёк" in result.output


def test_new_sign_terminate_and_show(run: Run) -> None:
    result = run("new", "--partner", "2204030991", "--date", "01.10.2026", "--auto-prolongation")
    assert result.exit_code == 0, result.output
    assert result.output.strip() == (
        "создан черновик: договор СП-2026/006 от 01.10.2026 с МБУК «Музей «Наследие»»"
    )
    assert (
        "Статус на 02.10.2026: черновик"
        in run("show", "СП-2026/006", "--today", "02.10.2026").output
    )
    assert run("sign", "СП-2026/006", "--date", "03.10.2026").exit_code == 0
    shown = run("show", "СП-2026/006", "--today", "05.10.2026").output
    assert "Статус на 05.10.2026: действует, автопролонгация, действует по 30.09.2027" in shown
    assert "гражданско-патриотическое воспитание" in shown
    result = run("terminate", "СП-2026/006", "--date", "01.11.2026")
    assert result.output.strip() == "договор СП-2026/006 расторгнут с 01.11.2026"
    shown = run("show", "СП-2026/006", "--today", "05.11.2026").output
    assert "Статус на 05.11.2026: расторгнут 01.11.2026" in shown


def test_errors_are_one_russian_line_and_exit_1(run: Run) -> None:
    result = run("show", "СП-1999/001")
    assert result.exit_code == 1
    assert result.stderr.startswith("ошибка: договора с номером «СП-1999/001» нет в реестре")
    result = run("new", "--partner", "1234567890")
    assert result.exit_code == 1
    assert "партнёра с ИНН 1234567890 нет в реестре" in result.stderr
    result = run("sign", "СП-2026/001", "--date", "01.01.2027")
    assert result.exit_code == 1
    assert "уже подписан 24.08.2026" in result.stderr


def test_export_writes_yaml_files_that_validate(run: Run, tmp_path: Path) -> None:
    result = run("export", "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"выгружено файлов: 10 в {tmp_path / 'out'}"
    checked = CliRunner().invoke(cli, ["validate", str(tmp_path / "out")])
    assert checked.exit_code == 0, checked.output
    assert checked.output.count(": верно (agreement)") == 5
    assert checked.output.count(": верно (partner)") == 5


def test_the_database_comes_from_the_environment(tmp_path: Path, contracts: Path) -> None:
    runner = CliRunner(env={"DOCGEN_DB": str(tmp_path / "env.sqlite3")})
    result = runner.invoke(cli, ["register", "import", str(contracts / "2026-002-museum.yaml")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "env.sqlite3").is_file()
    assert numbers(runner.invoke(cli, ["register", "list"]).output) == ["СП-2026/002"]


def test_help_does_not_create_a_database(tmp_path: Path) -> None:
    runner = CliRunner(env={"XDG_DATA_HOME": str(tmp_path), "DOCGEN_DB": None})
    result = runner.invoke(cli, ["register", "list", "--help"])
    assert result.exit_code == 0
    assert "--expiring" in result.output
    assert not (tmp_path / "docgen").exists()


def test_a_renewed_agreement_says_how_many_times(run: Run) -> None:
    result = run("list", "--type", "общеобразовательная организация", "--today", "01.10.2029")
    assert "31.08.2030" in result.output
    assert "действует, продлён 3 раза, автопролонгация" in result.output
