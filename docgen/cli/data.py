"""Commands about data: validate files, decline names, make input workbooks."""

from __future__ import annotations

from pathlib import Path

import click

from docgen.cli.app import cli
from docgen.errors import InputError
from docgen.models import MODELS
from docgen.sources import data_files, guess_model, load_data, load_model


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--model",
    "model_name",
    type=click.Choice(sorted(MODELS)),
    help="Какая модель в файле; по умолчанию угадывается по ключам.",
)
def validate(files: tuple[Path, ...], model_name: str | None) -> None:
    """Проверить файлы данных (YAML/JSON) или папки с ними."""
    paths = data_files(list(files))
    if not paths:
        raise InputError("в указанных папках нет файлов .yaml, .yml или .json")
    failed = 0
    for path in paths:
        try:
            name = model_name or guess_model(load_data(path), MODELS, path)
            load_model(path, MODELS[name])
        except InputError as exc:
            failed += 1
            click.echo(f"ошибка: {exc}", err=True)
        else:
            click.echo(f"{path}: верно ({name})")
    if failed:
        raise InputError(f"файлов с ошибками: {failed} из {len(paths)}")


_FORM_LABELS = {
    "initials": "Подпись",
    "surname_initials": "Список",
    "named": "Именуем(ое/ая/ый)",
}
_GENDER_LABELS = {"m": "мужской", "f": "женский", "n": "средний", None: "не определён"}


def _echo_forms(table: dict[str, str | None]) -> None:
    """Print one table of forms from ``docgen.language.declension`` as Russian text."""
    from docgen.language import CASE_LABELS, CASES

    if "gender" in table:
        word = "пол" if "initials" in table else "род"
        click.echo(f"{table['input']} ({word}: {_GENDER_LABELS[table['gender']]})")
    else:
        click.echo(str(table["input"]))
    labels = {str(case): label for case, label in CASE_LABELS.items()} | _FORM_LABELS
    width = max(len(labels[key]) for key in table if key in labels) + 2
    for key in (*CASES, *_FORM_LABELS):
        if key in table:
            click.echo(f"  {labels[key] + ':':<{width}}{table[key]}")


@cli.command()
@click.argument("names", nargs=-1, required=True)
@click.option("--org", "kind", flag_value="org", help="Аргументы — названия организаций.")
@click.option("--position", "kind", flag_value="position", help="Аргументы — должности.")
@click.option("--gender", type=click.Choice(["m", "f"]), help="Пол человека (m или f).")
@click.option("--json", "as_json", is_flag=True, help="Вывести JSON-список для скриптов.")
def inflect(names: tuple[str, ...], kind: str | None, gender: str | None, as_json: bool) -> None:
    """Просклонять ФИО, должности (--position) или названия организаций (--org)."""
    import json

    from docgen.language.declension import (
        decline_organisation,
        decline_person,
        decline_position,
    )

    if gender and kind:
        raise click.UsageError("--gender применим только к ФИО, не к --org и --position")
    if kind == "org":
        tables = [decline_organisation(name) for name in names]
    elif kind == "position":
        tables = [decline_position(name) for name in names]
    else:
        tables = [decline_person(name, gender) for name in names]
    if as_json:
        click.echo(json.dumps(tables, ensure_ascii=False, indent=2))
        return
    for index, table in enumerate(tables):
        if index:
            click.echo()
        _echo_forms(table)


@cli.command()
@click.argument("source", metavar="MODEL_OR_TEMPLATE")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="Куда записать таблицу .xlsx.",
)
def sheet(source: str, output: Path) -> None:
    """Сделать таблицу Excel для заполнения: по модели (agreement, partner…) или шаблону .docx."""
    from docgen.sources.workbook.write import write_input_workbook

    if source in MODELS:
        write_input_workbook(MODELS[source], output)
    elif source.lower().endswith(".docx"):
        from docgen.engine import compile_template
        from docgen.sources.workbook.template import Variable, template_model

        usages = compile_template(Path(source)).fields()
        variables = [Variable(usage.path, usage.place.text) for usage in usages]
        write_input_workbook(template_model(variables), output)
    else:
        names = ", ".join(sorted(MODELS))
        raise click.BadParameter(
            f"«{source}» — не модель и не шаблон .docx; модели: {names}",
            param_hint="MODEL_OR_TEMPLATE",
        )
    click.echo(f"записана таблица {output}")
