"""``docgen fields``, ``docgen check`` and ``docgen render``: exit codes and messages."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from docgen.cli import cli

SAMPLE = Path(__file__).resolve().parents[2] / "contracts" / "2026-001-school-5.yaml"


def _template(tmp_path: Path, make_docx: Callable[..., bytes], *body: str) -> Path:
    path = tmp_path / "договор.docx"
    path.write_bytes(make_docx(body=list(body), footer="№ {{ number }}"))
    return path


def test_fields_prints_the_tree(tmp_path: Path, make_docx: Callable[..., bytes]) -> None:
    path = _template(tmp_path, make_docx, "{% for a in activities %}{{ a.title }}{% endfor %}")
    result = CliRunner().invoke(cli, ["fields", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "activities[]",
        "  ← основной текст: «{% for a in activities %}{{ a.title }}{% endfor %}»",
        "  title",
        "    ← основной текст: «{% for a in activities %}{{ a.title }}{% endfor %}»",
        "number",
        "  ← нижний колонтитул: «№ {{ number }}»",
    ]


def test_check_reports_both_misspelt_names_with_paragraphs(
    tmp_path: Path, make_docx: Callable[..., bytes]
) -> None:
    path = _template(
        tmp_path,
        make_docx,
        "Договор № {{ nubmer }} от {{ date|date_long }}",
        "{{ partner.organisation.ful_name }}, в лице {{ partner.signer|genitive }}",
    )
    result = CliRunner().invoke(cli, ["check", str(path), "--model", "agreement"])
    assert result.exit_code == 1
    assert "(2):" in result.stderr
    assert "«nubmer»: в модели Agreement нет поля «nubmer» (может быть, «number»?)" in result.stderr
    assert "основной текст: «Договор № {{ nubmer }} от {{ date|date_long }}»" in result.stderr
    assert "«partner.organisation.ful_name»: в модели Organisation нет поля" in result.stderr
    assert "основной текст: «{{ partner.organisation.ful_name }}, в лице" in result.stderr


def test_check_passes_a_good_template(tmp_path: Path, make_docx: Callable[..., bytes]) -> None:
    path = _template(tmp_path, make_docx, "{{ partner.organisation.full_name }} {{ date }}")
    result = CliRunner().invoke(cli, ["check", str(path), "--model", "agreement"])
    assert result.exit_code == 0, result.output
    assert "все имена шаблона (3) есть в модели «agreement»" in result.output


def test_render_from_yaml_without_a_model(
    tmp_path: Path,
    make_docx: Callable[..., bytes],
    read_docx: Callable[[bytes], dict[str, list[str]]],
) -> None:
    path = _template(tmp_path, make_docx, "Договор № {{ number }} с {{ org }}")
    data = tmp_path / "данные.yaml"
    data.write_text("number: 15\norg: ООО «Ромашка» & Co\n", encoding="utf-8")
    output = tmp_path / "out.docx"
    result = CliRunner().invoke(cli, ["render", str(path), str(data), "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert read_docx(output.read_bytes())["body"] == ["Договор № 15 с ООО «Ромашка» & Co"]


def test_render_with_a_model(
    tmp_path: Path,
    make_docx: Callable[..., bytes],
    read_docx: Callable[[bytes], dict[str, list[str]]],
) -> None:
    path = _template(
        tmp_path,
        make_docx,
        "{{ partner.organisation.short_name }}, в лице {{ partner.signer|genitive }}",
    )
    output = tmp_path / "out.docx"
    args = ["render", str(path), str(SAMPLE), "-o", str(output), "--model", "agreement"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    text = read_docx(output.read_bytes())
    assert text["body"] == ["МБОУ «СОШ №\u00a05», в лице директора Петровой Марии Сергеевны"]
    assert text["footer"] == ["№ СП-2026/001"]


def test_render_failure_keeps_the_old_file(tmp_path: Path, make_docx: Callable[..., bytes]) -> None:
    path = _template(tmp_path, make_docx, "{{ partner.signer.position }}")
    data = tmp_path / "data.json"
    data.write_text(json.dumps({"number": 1, "partner": {}}), encoding="utf-8")
    output = tmp_path / "out.docx"
    output.write_bytes(b"old")
    result = CliRunner().invoke(cli, ["render", str(path), str(data), "-o", str(output)])
    assert result.exit_code == 1
    assert result.stderr.startswith("ошибка: ")
    assert "в данных нет значения «partner.signer»" in result.stderr
    assert output.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.json", "out.docx", "договор.docx"]


def test_render_refuses_unknown_names_before_reading_data(
    tmp_path: Path, make_docx: Callable[..., bytes]
) -> None:
    path = _template(tmp_path, make_docx, "{{ nubmer }}")
    output = tmp_path / "out.docx"
    args = ["render", str(path), str(SAMPLE), "-o", str(output), "--model", "agreement"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    assert "«nubmer»" in result.stderr
    assert not output.exists()


def test_render_needs_a_docx_name(tmp_path: Path, make_docx: Callable[..., bytes]) -> None:
    path = _template(tmp_path, make_docx, "x")
    data = tmp_path / "d.yaml"
    data.write_text("number: 1\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["render", str(path), str(data), "-o", str(tmp_path / "o.pdf")]
    )
    assert result.exit_code == 1
    assert ".docx" in result.stderr


def test_render_of_a_hostile_template_fails_at_once_and_writes_nothing(
    tmp_path: Path, make_docx: Callable[..., bytes]
) -> None:
    path = _template(tmp_path, make_docx, "Грамота для {{ name }}", "{{ 'a' * 10**9 }}")
    data = tmp_path / "data.json"
    data.write_text(json.dumps({"name": "Анна"}), "utf-8")
    output = tmp_path / "out.docx"
    result = CliRunner().invoke(cli, ["render", str(path), str(data), "-o", str(output)])
    assert result.exit_code == 1
    assert "абзац «{{ 'a' * 10**9 }}»: слишком большое значение" in result.stderr
    assert "Traceback" not in result.output and not output.exists()


def test_nesting_and_hidden_names_are_messages_not_tracebacks(
    tmp_path: Path, make_docx: Callable[..., bytes]
) -> None:
    deep = _template(tmp_path, make_docx, "{% if a %}" * 100 + "x" + "{% endif %}" * 100)
    result = CliRunner().invoke(cli, ["fields", str(deep)])
    assert result.exit_code == 1 and "вложены друг в друга 100 раз" in result.stderr
    hidden = _template(tmp_path, make_docx, "Имя: {{ row._secret }}")
    result = CliRunner().invoke(cli, ["fields", str(hidden)])
    assert result.exit_code == 1 and "абзац «Имя: {{ row._secret }}»" in result.stderr
    assert "«_secret» начинается с «_»" in result.stderr
