"""Commands about templates and documents: list, inspect, check, render, demo."""

from __future__ import annotations

import typing
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from pydantic import BaseModel

from docgen.cli.app import centre_option, cli, pdf_option, render_limits
from docgen.cli.names import TEMPLATE_NAME, TemplateName
from docgen.models import MODELS
from docgen.sources import load_data, load_model

if TYPE_CHECKING:
    from docgen.catalog import BuiltinTemplate
    from docgen.engine import CompiledTemplate, RenderLimits
    from docgen.settings import Settings

_FILE = click.Path(path_type=Path, dir_okay=False)


def _user_limits() -> RenderLimits:
    """Return the limits a user's template is opened and rendered under (the settings')."""
    from docgen.settings import resolve_settings

    return render_limits(resolve_settings({}))


def _compile(
    template: BuiltinTemplate | Path, limits: RenderLimits | None = None
) -> CompiledTemplate:
    """Compile a built-in template or a user's .docx (within ``limits``, else the settings')."""
    from docgen.engine import compile_template

    if not isinstance(template, Path):
        return template.compile()
    return compile_template(template, limits=limits or _user_limits())


def _refuse_text_beside(template: Path, limits: RenderLimits) -> None:
    """Raise a TemplateError naming every block tag with text beside it, all at once."""
    from docgen.engine.compile import text_beside_tags
    from docgen.errors import TemplateError

    problems = text_beside_tags(template, limits=limits)
    if len(problems) > 1:
        prefix = f"{template}, "
        lines = [
            f"{template}: текст рядом с тегами {{%p %}}, {{%tr %}}, {{%tc %}} ({len(problems)}):"
        ]
        lines += [f"  {problem.removeprefix(prefix)}" for problem in problems]
        raise TemplateError("\n".join(lines))


@cli.command()
@click.argument("template", type=TEMPLATE_NAME)
def fields(template: TemplateName) -> None:
    """Показать переменные шаблона деревом и абзацы, где они используются.

    TEMPLATE — встроенный шаблон (docgen templates), модель данных или свой файл .docx; у
    модели без встроенного шаблона показываются её поля — имена для своего шаблона.
    """
    from docgen.engine import format_fields

    if template.path is None and template.builtin is None:
        click.echo(f"у модели «{template.model_name}» нет встроенного шаблона; её поля:")
        click.echo("\n".join(model_tree(MODELS[str(template.model_name)])))
        return
    usages = _compile(template.require_template()).fields()
    click.echo(format_fields(usages) if usages else f"{template}: в шаблоне нет переменных")


def model_tree(model: type[BaseModel], depth: int = 0) -> list[str]:
    """Return a model's fields as an indented tree: «name (Title)», lists as «name[]»."""
    lines = []
    for name, info in model.model_fields.items():
        inner, lists = _unwrap(info.annotation)
        title = f" ({info.title})" if info.title else ""
        lines.append("  " * depth + name + "[]" * lists + title)
        if isinstance(inner, type) and issubclass(inner, BaseModel) and depth < 6:
            lines.extend(model_tree(inner, depth + 1))
    return lines


def _unwrap(annotation: Any) -> tuple[Any, int]:
    """Return the model inside ``X | None`` and ``list[X]``, and how many lists wrap it."""
    lists = 0
    while True:
        args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        origin = typing.get_origin(annotation)
        if origin in (list, tuple) and args:
            lists, annotation = lists + 1, args[0]
        elif origin is typing.Annotated or (len(args) == 1 and origin is not dict):
            annotation = args[0]
        else:
            return annotation, lists


@cli.command()
@click.argument("template", type=TEMPLATE_NAME)
@click.option(
    "--model",
    "model_name",
    type=click.Choice(sorted(MODELS)),
    help="Модель данных, с которой сверить имена; у встроенного шаблона — своя.",
)
def check(template: TemplateName, model_name: str | None) -> None:
    """Проверить, что все имена шаблона есть в модели данных; назвать все лишние сразу.

    TEMPLATE — встроенный шаблон (тогда --model не нужен), модель данных со встроенным
    шаблоном или свой файл .docx.
    """
    from docgen.engine import check_template, format_unknown
    from docgen.errors import TemplateError

    chosen = template.require_template()
    limits = None
    if isinstance(chosen, Path):
        limits = _user_limits()  # the settings are read once for both steps
        _refuse_text_beside(chosen, limits)
    compiled = _compile(chosen, limits)
    entry = template.builtin
    count = len({usage.path for usage in compiled.fields()})
    columns = len({usage.path for usage in compiled.fields() if usage.path[0] != "centre"})
    if entry is not None and model_name in (None, entry.model_name):
        unknown, model_name = entry.check(compiled), entry.model_name
    elif model_name is None:
        from docgen.engine.batch.spec import check_user_template

        unknown = check_user_template(compiled)
        if unknown:
            raise TemplateError(
                format_unknown(unknown, compiled.name, "столбцы таблицы и профиль Центра")
            )
        click.echo(
            f"{template}: модель не указана — шаблон сверен сам с собой: имена ({columns}) "
            f"станут столбцами таблицы (docgen sheet {template}), centre.… — из профиля Центра"
        )
        return
    else:
        unknown = check_template(compiled, MODELS[model_name])
    if unknown:
        raise TemplateError(format_unknown(unknown, compiled.name, model_name))
    click.echo(f"{template}: все имена шаблона ({count}) есть в модели «{model_name}»")


@cli.command()
@click.argument("template", type=TEMPLATE_NAME)
@click.argument("data", type=_FILE)
@click.option("-o", "--output", type=_FILE, required=True, help="Куда записать .docx.")
@click.option(
    "--model",
    "model_name",
    type=click.Choice(sorted(MODELS)),
    help="Проверить данные и шаблон по модели; без неё данные — просто словарь.",
)
@click.option(
    "--events",
    type=_FILE,
    help="Таблица совместных мероприятий (.xlsx) — только для method-report: итоги "
    "мероприятий анализа берутся из неё, как в разделе анализа и отчётах партнёрам.",
)
@pdf_option
@centre_option
def render(
    template: TemplateName,
    data: Path,
    output: Path,
    model_name: str | None,
    events: Path | None,
    pdf: bool,
    centre: Path | None,
) -> None:
    """Собрать документ OUTPUT по шаблону TEMPLATE из данных DATA (YAML или JSON).

    TEMPLATE — встроенный шаблон (список: docgen templates), модель данных со встроенным
    шаблоном (agreement…) или свой файл .docx. Анализу работы (method-report) с --events
    итоги мероприятий года дают строки таблицы мероприятий (docgen annual).
    """
    from docgen.engine import write_atomically
    from docgen.errors import OutputError

    if output.suffix.lower() != ".docx":
        raise OutputError(f"{output}: имя файла документа должно кончаться на .docx")
    from docgen.settings import resolve_settings

    chosen = template.require_template()
    if events is not None and (isinstance(chosen, Path) or chosen.id != EVENTS_TEMPLATE):
        raise click.UsageError(
            f"--events — только для шаблона {EVENTS_TEMPLATE} (анализ работы за год)"
        )
    settings = resolve_settings({"centre": centre})
    if isinstance(chosen, Path):
        compiled, context = _user_document(chosen, data, model_name, settings)
    else:
        if model_name not in (None, chosen.model_name):
            raise click.UsageError(f"шаблон {chosen.id} работает с моделью {chosen.model_name}")
        compiled = chosen.compile()
        context = _builtin_context(chosen, data, events, settings)
    write_atomically(output, compiled.render(context, media_dir=data.parent))
    click.echo(f"записан {output}")
    if pdf:
        from docgen.pdf import convert_to_pdf

        click.echo(f"записан {convert_to_pdf([output])[0]}")


EVENTS_TEMPLATE = "method-report"
"""The built-in template whose totals of events may come from the joint-events workbook."""


def _builtin_context(
    entry: BuiltinTemplate, data: Path, events: Path | None, settings: Settings
) -> dict[str, Any]:
    """Load ``data`` for a built-in template; the analysis takes its events from ``events``."""
    from docgen.catalog import load_centre

    model = load_model(data, entry.model, settings.data_file_bytes)
    if events is not None:
        from docgen.engine.annual import report_with_events
        from docgen.models import MethodReport

        if not isinstance(model, MethodReport):  # pragma: no cover - guarded by EVENTS_TEMPLATE
            raise TypeError(f"{entry.id} is not the analysis")
        model = report_with_events(model, events, str(data))
    return entry.context(model, load_centre(settings.centre))


def _user_document(
    template: Path, data: Path, model_name: str | None, settings: Settings
) -> tuple[CompiledTemplate, dict[str, Any]]:
    """Compile a user's template and read its data: as ``model_name``, or as a plain mapping.

    ``centre`` in the template is the centre's profile when the settings name one.
    """
    from docgen.catalog import load_centre
    from docgen.engine import check_template, compile_template, format_unknown, model_context
    from docgen.errors import TemplateError

    profile = {"centre": load_centre(settings.centre)} if settings.centre else None
    compiled = compile_template(template, globals=profile, limits=render_limits(settings))
    if model_name is None:
        context = load_data(data, settings.data_file_bytes)
        uses_centre = any(usage.path[0] == "centre" for usage in compiled.fields())
        if profile is None and uses_centre and "centre" not in context:
            load_centre(None)  # explains how to name the centre's profile
        return compiled, context
    unknown = check_template(compiled, MODELS[model_name])
    if unknown:
        raise TemplateError(format_unknown(unknown, compiled.name, model_name))
    return compiled, model_context(load_model(data, MODELS[model_name], settings.data_file_bytes))


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
