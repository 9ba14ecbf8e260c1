"""The command line: exit codes and Russian messages."""

from __future__ import annotations

import shutil
from pathlib import Path

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


def test_check_of_a_docx_needs_a_model(tmp_path: Path) -> None:
    from docx import Document

    path = tmp_path / "t.docx"
    document = Document()
    document.add_paragraph("{{ partner.organisation.full_name }}")
    document.save(str(path))
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 2
    assert "укажите --model" in result.output


def test_fields_of_a_builtin_lists_its_variables() -> None:
    result = CliRunner().invoke(cli, ["fields", "regulation"])
    assert result.exit_code == 0, result.output
    assert "event" in result.output and "criteria[]" in result.output
