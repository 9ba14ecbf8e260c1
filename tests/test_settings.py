"""Settings come from option > environment > docgen.toml > default."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.errors import InputError
from docgen.settings import Settings, resolve_settings


def test_defaults_without_anything(tmp_path: Path) -> None:
    settings = resolve_settings({}, environ={}, cwd=tmp_path)
    assert settings == Settings()


def test_config_file_paths_are_relative_to_the_file(tmp_path: Path) -> None:
    (tmp_path / "docgen.toml").write_text(
        '[docgen]\ncentre = "data/c.yaml"\nworkers = 2\n', "utf-8"
    )
    settings = resolve_settings({}, environ={}, cwd=tmp_path)
    assert settings.centre == tmp_path / "data" / "c.yaml"
    assert settings.workers == 2


def test_environment_beats_file_and_option_beats_environment(tmp_path: Path) -> None:
    (tmp_path / "docgen.toml").write_text('[docgen]\ncentre = "file.yaml"\n', "utf-8")
    env = {"DOCGEN_CENTRE": "/env/centre.yaml"}
    assert resolve_settings({}, environ=env, cwd=tmp_path).centre == Path("/env/centre.yaml")
    chosen = resolve_settings({"centre": Path("opt.yaml")}, environ=env, cwd=tmp_path)
    assert chosen.centre == Path("opt.yaml")
    assert resolve_settings({"centre": None}, environ=env, cwd=tmp_path).centre == Path(
        "/env/centre.yaml"
    )


def test_unknown_setting_in_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "docgen.toml").write_text('[docgen]\ncenter = "x"\n', "utf-8")
    with pytest.raises(InputError, match="неизвестные настройки center"):
        resolve_settings({}, environ={}, cwd=tmp_path)


def test_bad_value_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="workers"):
        resolve_settings({}, environ={"DOCGEN_WORKERS": "many"}, cwd=tmp_path)


def test_repository_config_points_at_the_sample_centre(repo: Path) -> None:
    settings = resolve_settings({}, environ={}, cwd=repo)
    assert settings.centre == repo / "samples" / "centre.yaml"
    assert settings.centre.is_file()


def test_register_path_in_file_is_relative_but_a_url_is_kept(tmp_path: Path) -> None:
    (tmp_path / "docgen.toml").write_text('[docgen]\ndb = "data/r.sqlite3"\n', "utf-8")
    assert resolve_settings({}, environ={}, cwd=tmp_path).db == str(tmp_path / "data" / "r.sqlite3")
    url = "postgresql+psycopg://u@127.0.0.1/x"
    (tmp_path / "docgen.toml").write_text(f'[docgen]\ndb = "{url}"\n', "utf-8")
    assert resolve_settings({}, environ={}, cwd=tmp_path).db == url
    assert resolve_settings({}, environ={"DOCGEN_DB": "/e.db"}, cwd=tmp_path).db == "/e.db"


def test_render_limits_have_defaults_and_can_be_set(tmp_path: Path) -> None:
    from docgen.engine.limits import RenderLimits

    default = resolve_settings({}, environ={}, cwd=tmp_path)
    assert RenderLimits.of(default.render_seconds, default.render_output_mb) == RenderLimits()
    (tmp_path / "docgen.toml").write_text("[docgen]\nrender_seconds = 2.5\n", "utf-8")
    env = {"DOCGEN_RENDER_OUTPUT_MB": "5"}
    settings = resolve_settings({}, environ=env, cwd=tmp_path)
    limits = RenderLimits.of(settings.render_seconds, settings.render_output_mb)
    assert (limits.seconds, limits.output_chars) == (2.5, 5 * 1024 * 1024)
    with pytest.raises(InputError, match="render_seconds"):
        resolve_settings({}, environ={"DOCGEN_RENDER_SECONDS": "0"}, cwd=tmp_path)


def test_template_package_limits_are_settings_the_cli_applies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner
    from docx import Document

    from docgen.cli import cli
    from docgen.cli.app import render_limits
    from docgen.engine.limits import RenderLimits

    assert render_limits(resolve_settings({}, environ={}, cwd=tmp_path)) == RenderLimits()
    template = tmp_path / "грамота.docx"
    document = Document()
    document.add_paragraph("{{ name }}")
    document.save(str(template))
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DOCGEN_CONFIG", raising=False)
    assert CliRunner().invoke(cli, ["check", str(template)]).exit_code == 0
    (tmp_path / "docgen.toml").write_text("[docgen]\ntemplate_members = 5\n", "utf-8")
    refused = CliRunner().invoke(cli, ["check", str(template)])
    assert refused.exit_code == 1
    assert "а шаблон Word может иметь не больше 5;" in refused.stderr
    (tmp_path / "docgen.toml").write_text("[docgen]\ntemplate_unpacked_mb = 0.01\n", "utf-8")
    data = tmp_path / "данные.yaml"
    data.write_text("name: Иванов\n", "utf-8")
    args = ["render", str(template), str(data), "-o", str(tmp_path / "x.docx")]
    too_big = CliRunner().invoke(cli, args)
    assert too_big.exit_code == 1
    assert "МБ, а можно не больше 0,01 МБ; сожмите рисунки" in too_big.stderr
    assert not (tmp_path / "x.docx").exists()
    with pytest.raises(InputError, match="template_members"):
        resolve_settings({}, environ={"DOCGEN_TEMPLATE_MEMBERS": "0"}, cwd=tmp_path)
