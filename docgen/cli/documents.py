"""Commands about templates and documents: list, inspect, check, render, demo."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from docgen.cli.app import centre_option, cli, pdf_option
from docgen.models import MODELS
from docgen.sources import load_data, load_model

if TYPE_CHECKING:
    from docgen.catalog import BuiltinTemplate
    from docgen.engine import CompiledTemplate

_TEMPLATE = click.Path(path_type=Path, dir_okay=False)


def _compile(template: Path) -> tuple[CompiledTemplate, BuiltinTemplate | None]:
    """Compile a .docx path or a built-in id; return the built-in entry when it is one."""
    from docgen.catalog import find_builtin
    from docgen.engine import compile_template

    entry = find_builtin(template)
    return (entry.compile(), entry) if entry else (compile_template(template), None)


@cli.command()
@click.argument("template", type=_TEMPLATE)
def fields(template: Path) -> None:
    """Показать переменные шаблона деревом и абзацы, где они используются.

    TEMPLATE — файл .docx или имя встроенного шаблона (список: docgen templates).
    """
    from docgen.engine import format_fields

    usages = _compile(template)[0].fields()
    click.echo(format_fields(usages) if usages else f"{template}: в шаблоне нет переменных")


@cli.command()
@click.argument("template", type=_TEMPLATE)
@click.option(
    "--model",
    "model_name",
    type=click.Choice(sorted(MODELS)),
    help="Модель данных, с которой сверить имена; у встроенного шаблона — своя.",
)
def check(template: Path, model_name: str | None) -> None:
    """Проверить, что все имена шаблона есть в модели данных; назвать все лишние сразу.

    TEMPLATE — файл .docx или имя встроенного шаблона (тогда --model не нужен).
    """
    from docgen.engine import check_template, format_unknown
    from docgen.errors import TemplateError

    compiled, entry = _compile(template)
    if entry is not None and model_name in (None, entry.model_name):
        unknown, model_name = entry.check(compiled), entry.model_name
    elif model_name is None:
        raise click.UsageError("укажите --model: с какой моделью данных сверить шаблон")
    else:
        unknown = check_template(compiled, MODELS[model_name])
    if unknown:
        raise TemplateError(format_unknown(unknown, compiled.name, model_name))
    count = len({usage.path for usage in compiled.fields()})
    click.echo(f"{template}: все имена шаблона ({count}) есть в модели «{model_name}»")


@cli.command()
@click.argument("template", type=_TEMPLATE)
@click.argument("data", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", type=_TEMPLATE, required=True, help="Куда записать .docx.")
@click.option(
    "--model",
    "model_name",
    type=click.Choice(sorted(MODELS)),
    help="Проверить данные и шаблон по модели; без неё данные — просто словарь.",
)
@pdf_option
@centre_option
def render(
    template: Path,
    data: Path,
    output: Path,
    model_name: str | None,
    pdf: bool,
    centre: Path | None,
) -> None:
    """Собрать документ OUTPUT по шаблону TEMPLATE из данных DATA (YAML или JSON).

    TEMPLATE — файл .docx или имя встроенного шаблона (список: docgen templates).
    """
    from docgen.catalog import builtin_context, find_builtin
    from docgen.engine import (
        check_template,
        compile_template,
        format_unknown,
        model_context,
        write_atomically,
    )
    from docgen.errors import OutputError, TemplateError

    if output.suffix.lower() != ".docx":
        raise OutputError(f"{output}: имя файла документа должно кончаться на .docx")
    builtin = find_builtin(template)
    if builtin is not None:
        if model_name not in (None, builtin.model_name):
            raise click.UsageError(f"шаблон {builtin.id} работает с моделью {builtin.model_name}")
        from docgen.settings import resolve_settings

        compiled = builtin.compile()
        context = builtin_context(builtin, data, resolve_settings({"centre": centre}).centre)
    elif model_name is None:
        compiled = compile_template(template)
        context = load_data(data)
    else:
        compiled = compile_template(template)
        unknown = check_template(compiled, MODELS[model_name])
        if unknown:
            raise TemplateError(format_unknown(unknown, compiled.name, model_name))
        context = model_context(load_model(data, MODELS[model_name]))
    write_atomically(output, compiled.render(context, media_dir=data.parent))
    click.echo(f"записан {output}")
    if pdf:
        from docgen.pdf import convert_to_pdf

        click.echo(f"записан {convert_to_pdf([output])[0]}")


@cli.command("templates")
def templates_command() -> None:
    """Показать встроенные шаблоны: имя для команд, документ, модель данных."""
    from docgen.catalog import BUILTINS

    rows = [("шаблон", "документ", "модель")]
    rows += [(entry.id, entry.title, entry.model_name) for entry in BUILTINS.values()]
    first, second = (max(len(row[index]) for row in rows) for index in (0, 1))
    for template_id, title, model in rows:
        click.echo(f"{template_id:<{first}}  {title:<{second}}  {model}")


@cli.command()
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Папка для документов; по умолчанию — папка вывода из настроек, подпапка demo.",
)
@pdf_option
@centre_option
def demo(out_dir: Path | None, pdf: bool, centre: Path | None) -> None:
    """Собрать все встроенные документы из примеров (samples/ и contracts/)."""
    from docgen.catalog import load_centre
    from docgen.demo import SAMPLE_CENTRE, render_demo
    from docgen.settings import resolve_settings

    settings = resolve_settings({"centre": centre})
    folder = out_dir if out_dir is not None else settings.output / "demo"
    if settings.centre is None:
        click.echo(
            "Профиль Центра не задан (--centre, DOCGEN_CENTRE или docgen.toml): "
            "взят пример, поставляемый с docgen.",
            err=True,
        )
    paths = render_demo(folder, load_centre(settings.centre or SAMPLE_CENTRE), pdf=pdf)
    click.echo(f"Готово, файлов: {len(paths)} (папка {folder}):")
    for path in paths:
        click.echo(f"  {path}")
