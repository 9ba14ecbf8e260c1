"""The command line: exit codes and Russian messages."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen import __version__
from docgen.cli import cli


def test_version() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"docgen {__version__}"


def test_validate_accepts_every_sample(repo: Path) -> None:
    result = CliRunner().invoke(cli, ["validate", str(repo / "samples"), str(repo / "contracts")])
    assert result.exit_code == 0, result.output
    data_files = [
        p
        for folder in ("samples", "contracts")
        for p in (repo / folder).iterdir()
        if p.suffix in (".yaml", ".yml", ".json")
    ]
    assert len(data_files) >= 6
    assert result.output.count(": верно (") == len(data_files)


def test_validate_reports_a_wrong_check_digit(tmp_path: Path, repo: Path) -> None:
    source = repo / "contracts" / "2026-002-museum.yaml"
    bad = tmp_path / source.name
    bad.write_text(source.read_text(encoding="utf-8").replace("2204030991", "2204030992"), "utf-8")
    result = CliRunner().invoke(cli, ["validate", str(bad)])
    assert result.exit_code == 1
    assert "ошибка:" in result.stderr
    assert "partner.organisation.requisites.inn" in result.stderr
    assert "неверная контрольная цифра" in result.stderr


def test_validate_reports_a_misspelt_key(tmp_path: Path, repo: Path) -> None:
    bad = tmp_path / "centre.yaml"
    text = (repo / "samples" / "centre.yaml").read_text(encoding="utf-8")
    bad.write_text(text.replace("legal_address:", "legal_adress:"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(bad), "--model", "centre"])
    assert result.exit_code == 1
    assert "неизвестный ключ «legal_adress»; возможно, имелось в виду «legal_address»" in (
        result.stderr
    )


def test_validate_goes_on_after_a_bad_file_and_counts_failures(tmp_path: Path, repo: Path) -> None:
    shutil.copy(repo / "samples" / "centre.yaml", tmp_path / "a.yaml")
    (tmp_path / "b.yaml").write_text("city: [\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(tmp_path)])
    assert result.exit_code == 1
    assert "a.yaml: верно (centre)" in result.stdout
    assert "файлов с ошибками: 1 из 2" in result.stderr


def test_validate_with_wrong_model_name_is_a_usage_error(repo: Path) -> None:
    result = CliRunner().invoke(cli, ["validate", str(repo / "samples"), "--model", "nothing"])
    assert result.exit_code == 2


def test_validate_empty_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["validate", str(tmp_path)])
    assert result.exit_code == 1
    assert "нет файлов .yaml" in result.stderr


def test_check_accepts_a_builtin_id_without_model() -> None:
    result = CliRunner().invoke(cli, ["check", "contract"])
    assert result.exit_code == 0, result.output
    assert "есть в модели «agreement»" in result.output


def test_check_of_a_docx_without_model_checks_it_against_its_own_columns(
    tmp_path: Path,
) -> None:
    path = docx_with(tmp_path, "{{ centre.organisation.short_name }}: {{ pupil.name }}")
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 0, result.output
    assert "модель не указана — шаблон сверен сам с собой: имена (1) станут столбцами" in (
        result.output
    )
    bad = docx_with(tmp_path, "{{ centre.nothing }} {{ pupil.name }}")
    result = CliRunner().invoke(cli, ["check", str(bad)])
    assert result.exit_code == 1
    assert "«centre.nothing»: в модели Centre нет поля «nothing»" in result.stderr


def test_render_of_a_users_template_sees_the_centres_profile(repo: Path, tmp_path: Path) -> None:
    from docx import Document

    path = docx_with(tmp_path, "{{ centre.organisation.short_name }} награждает {{ pupil.name }}")
    data = tmp_path / "d.yaml"
    data.write_text("pupil:\n  name: Иванов Иван\n", encoding="utf-8")
    out = tmp_path / "out.docx"
    args = ["render", str(path), str(data), "-o", str(out)]
    centre = ["--centre", str(repo / "samples" / "centre.yaml")]
    result = CliRunner().invoke(cli, [*args, *centre])
    assert result.exit_code == 0, result.output
    assert Document(str(out)).paragraphs[0].text.endswith("» награждает Иванов Иван")
    out.unlink()
    result = CliRunner(
        env={"DOCGEN_CENTRE": "", "DOCGEN_CONFIG": str(tmp_path / "no.toml")}
    ).invoke(cli, args)
    assert result.exit_code == 1
    assert "не указан профиль Центра" in result.stderr and not out.exists()


def test_fields_of_a_builtin_lists_its_variables() -> None:
    result = CliRunner().invoke(cli, ["fields", "regulation"])
    assert result.exit_code == 0, result.output
    assert "event" in result.output and "criteria[]" in result.output


def docx_with(tmp_path: Path, *paragraphs: str) -> Path:
    from docx import Document

    path = tmp_path / "t.docx"
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


@pytest.mark.parametrize(
    ("args", "usage", "error"),
    [
        (
            ["sheet"],
            "docgen sheet [OPTIONS] MODEL_OR_TEMPLATE",
            "не указан аргумент MODEL_OR_TEMPLATE",
        ),
        (["sheet", "partner"], "docgen sheet", "не указан параметр -o"),
        (["sheet", "partner", "-o"], "docgen sheet", "после -o нужно значение"),
        (["sheet", "--foo"], "docgen sheet", "нет параметра --foo"),
        (
            ["validate", "x.yaml", "--modle", "a"],
            "docgen validate",
            "нет параметра --modle; возможно, имелось в виду --model",
        ),
        (
            ["validate", "x.yaml", "--model", "nothing"],
            "docgen validate",
            "недопустимое значение --model: «nothing» — нет такого; допустимые: agreement,",
        ),
        (
            ["batch", "contract", "x.xlsx", "--jobs", "-1"],
            "docgen batch",
            "--jobs: -1 — ожидается число не меньше 0",
        ),
        (["serve", "--port", "0"], "docgen serve", "--port: 0 — ожидается число от 1 до 65535"),
        (["check", "contract", "b", "c"], "docgen check", "лишние аргументы: b c"),
        (
            ["sheeet"],
            "docgen [OPTIONS] COMMAND",
            "нет команды «sheeet»; возможно, имелось в виду sheet",
        ),
        (
            ["register", "lst"],
            "docgen register [OPTIONS]",
            "нет команды «lst»; возможно, имелось в виду list",
        ),
        (
            ["register", "list", "--today", "31.02.2026"],
            "docgen register list",
            "--today: «31.02.2026» — не дата; ожидается ДД.ММ.ГГГГ или ГГГГ-ММ-ДД",
        ),
    ],
)
def test_usage_errors_are_in_russian(args: list[str], usage: str, error: str) -> None:
    result = CliRunner().invoke(cli, args, prog_name="docgen")
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"Использование: {usage}")
    command = " ".join(
        [
            "docgen",
            *[
                a
                for a in args[:2]
                if a in ("sheet", "validate", "batch", "serve", "check", "register", "list")
            ],
        ]
    )
    assert lines[1] == f"Подробнее: {command} --help"
    assert lines[-1].startswith("Ошибка: ") and error in lines[-1]
    for english in ("Usage:", "Error:", "Try ", "Invalid value", "Missing", "No such"):
        assert english not in result.stderr


def test_help_stays_as_it_is() -> None:
    result = CliRunner().invoke(cli, ["sheet", "--help"], prog_name="docgen")
    assert result.exit_code == 0
    assert result.output.startswith("Usage: docgen sheet [OPTIONS] MODEL_OR_TEMPLATE")


def test_a_usage_error_raised_by_a_command_keeps_its_message(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli,
        ["render", "contract", "x.yaml", "-o", str(tmp_path / "a.docx"), "--model", "plan"],
        prog_name="docgen",
    )
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0].startswith("Использование: docgen render")
    assert "Ошибка: шаблон contract работает с моделью agreement" in result.stderr


def test_sheet_of_a_builtin_writes_the_workbook_of_its_model(tmp_path: Path) -> None:
    import openpyxl

    by_id, by_model = tmp_path / "contract.xlsx", tmp_path / "agreement.xlsx"
    for name, path in (("contract", by_id), ("agreement", by_model)):
        result = CliRunner().invoke(cli, ["sheet", name, "-o", str(path)])
        assert result.exit_code == 0, result.output
        assert f"записана таблица {path}" in result.output
    first, second = (openpyxl.load_workbook(path).worksheets[0] for path in (by_id, by_model))
    assert first.title == second.title
    headers = [cell.value for row in first.iter_rows(max_row=3) for cell in row]
    assert headers == [cell.value for row in second.iter_rows(max_row=3) for cell in row]
    assert "Номер *" in headers


@pytest.mark.parametrize("command", ["sheet", "fields", "check", "render", "batch"])
def test_every_command_names_what_exists_for_an_unknown_name(command: str, tmp_path: Path) -> None:
    extra = {
        "sheet": ["-o", str(tmp_path / "x.xlsx")],
        "fields": [],
        "check": [],
        "render": ["d.yaml", "-o", str(tmp_path / "x.docx")],
        "batch": ["t.xlsx", "-o", str(tmp_path)],
    }[command]
    result = CliRunner().invoke(cli, [command, "contrakt", *extra])
    assert result.exit_code == 2, result.output
    message = result.stderr.splitlines()[-1]
    assert (
        "«contrakt» — нет такого встроенного шаблона, модели или файла (возможно, «contract»)"
        in message
    )
    assert "Встроенные шаблоны: contract, regulation, plan" in message
    assert "модели данных: agreement, centre" in message and "своему шаблону .docx" in message


@pytest.mark.parametrize("command", ["fields", "check"])
def test_a_model_name_means_its_builtin_template(command: str) -> None:
    by_model = CliRunner().invoke(cli, [command, "agreement"])
    by_id = CliRunner().invoke(cli, [command, "contract"])
    assert by_model.exit_code == by_id.exit_code == 0, by_model.output
    assert by_model.output.replace("agreement:", "contract:", 1) == by_id.output or (
        command == "fields" and by_model.output == by_id.output
    )


def test_a_model_without_builtin_shows_its_fields_or_is_refused() -> None:
    fields = CliRunner().invoke(cli, ["fields", "centre"])
    assert fields.exit_code == 0, fields.output
    assert "у модели «centre» нет встроенного шаблона; её поля:" in fields.output
    assert "organisation (Организация)\n  full_name (Полное наименование)" in fields.output
    check = CliRunner().invoke(cli, ["check", "centre"])
    assert check.exit_code == 2
    assert "у модели «centre» нет встроенного шаблона; укажите свой файл .docx" in check.stderr


def test_a_missing_docx_is_named(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["fields", str(tmp_path / "нет.docx")])
    assert result.exit_code == 2
    assert f"файл {tmp_path / 'нет.docx'} не найден" in result.stderr


def test_a_users_file_wins_over_a_builtin_of_the_same_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docx_with(tmp_path, "{{ pupil.name }}").rename(tmp_path / "plan")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["fields", "plan"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("pupil\n  name")


ALIAS_BOMB = "".join(
    f"k{level}: &k{level} [{', '.join([f'*k{level - 1}' if level else 'a'] * 10)}]\n"
    for level in range(6)
)


def school_contract(repo: Path, tmp_path: Path, old: str, new: str) -> Path:
    """Copy the sample school contract with its first line matching ``old`` (a regex) replaced."""
    path = tmp_path / "contract.yaml"
    text = (repo / "contracts" / "2026-001-school-5.yaml").read_text(encoding="utf-8")
    changed = re.sub(f"(?m)^{old}$", lambda _: new, text, count=1)
    assert changed != text
    path.write_text(changed, encoding="utf-8")
    return path


def line_of(path: Path, fragment: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if fragment in line)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "date: .*",
            "date: 2026-02-30",
            "строка {2026-02-30}: date (Дата): «2026-02-30» — такой даты нет в календаре",
        ),
        (
            "subject:(.*)",
            "financial:\n  paid: true\n  amount: 1e308\nsubject: сотрудничество",
            "строка {1e308}: financial.amount (Сумма, руб.): «1e308» — не сумма в рублях",
        ),
        (
            "topic: .*",
            "topic: о сотрудничестве\nnumber: СП-1",
            "строка {number: СП-2026}: ключ «number» записан дважды — в строках",
        ),
        ("kind: .*", "kind: договор\n" + ALIAS_BOMB, "строка {k3: }, k3[7]: ссылки (*имя)"),
    ],
)
def test_data_file_mistakes_are_messages_with_exit_1(
    repo: Path, tmp_path: Path, old: str, new: str, message: str
) -> None:
    path = school_contract(repo, tmp_path, old, new)
    marker = re.search(r"\{(.*?)\}", message)
    assert marker is not None
    message = message.replace(marker[0], str(line_of(path, marker[1])))
    for args in (
        ["validate", str(path)],
        [
            "render",
            "contract",
            str(path),
            "-o",
            str(tmp_path / "c.docx"),
            "--centre",
            str(repo / "samples" / "centre.yaml"),
        ],
    ):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 1, result.output
        assert result.stderr.startswith("ошибка: ") and message in result.stderr
        assert "Traceback" not in result.output
    assert not (tmp_path / "c.docx").exists()


def test_leading_zeros_reach_the_document_as_typed(repo: Path, tmp_path: Path) -> None:
    from docx import Document

    path = school_contract(repo, tmp_path, '( *)kpp: "220401001"', "      kpp: 022401001")
    out = tmp_path / "c.docx"
    result = CliRunner().invoke(
        cli,
        [
            "render",
            "contract",
            str(path),
            "-o",
            str(out),
            "--centre",
            str(repo / "samples" / "centre.yaml"),
        ],
    )
    assert result.exit_code == 0, result.output
    text = "\n".join(p.text for p in Document(str(out)).paragraphs) + "".join(
        cell.text for table in Document(str(out)).tables for row in table.rows for cell in row.cells
    )
    assert "022401001" in text and "4850177" not in text


def test_validate_without_model_names_the_model_a_flawed_file_resembles(
    repo: Path, tmp_path: Path
) -> None:
    path = school_contract(repo, tmp_path, "number: .*", "")
    path.write_text(
        path.read_text(encoding="utf-8").replace("subject:", "subjcet:"), encoding="utf-8"
    )
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 1
    assert "по ключам похоже на «agreement»; не хватает ключей: number, subject" in result.stderr
    assert "неизвестный ключ «subjcet»; возможно, имелось в виду «subject»" in result.stderr


def test_a_data_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("notes:\n" + "  - строка\n" * 600_000, encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 1
    assert "файл данных больше 5 МБ" in result.stderr


def test_validate_refuses_a_data_file_over_the_configured_limit(
    tmp_path: Path, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("notes: " + "x" * 200_000 + "\n", encoding="utf-8")
    monkeypatch.setenv("DOCGEN_DATA_FILE_MB", "0.1")
    result = CliRunner().invoke(cli, ["validate", str(big), "--model", "centre"])
    assert result.exit_code == 1
    assert "файл данных больше" in result.output
