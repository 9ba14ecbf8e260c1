"""Commands about data: validate files, decline names, make input workbooks."""

from __future__ import annotations

from pathlib import Path

import click

from docgen.cli.app import cli
from docgen.cli.names import TEMPLATE_NAME, TemplateName
from docgen.errors import InputError
from docgen.models import MODELS
from docgen.settings import resolve_settings
from docgen.sources import data_files, load_data, load_model
from docgen.sources.guess import resemble_model


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
    limit = resolve_settings({}).data_file_bytes
    failed = 0
    for path in paths:
        try:
            name = _validate_file(path, model_name, limit)
        except InputError as exc:
            failed += 1
            click.echo(f"ошибка: {exc}", err=True)
        else:
            click.echo(f"{path}: верно ({name})")
    if failed:
        raise InputError(f"файлов с ошибками: {failed} из {len(paths)}")


def _validate_file(path: Path, model_name: str | None, limit: int) -> str:
    """Validate one file as ``model_name`` or the model it resembles; return the model's name."""
    if model_name is not None:
        load_model(path, MODELS[model_name], limit)
        return model_name
    guess = resemble_model(load_data(path, limit), MODELS, path)
    try:
        load_model(path, MODELS[guess.name], limit)
    except InputError as exc:
        if guess.complete and not guess.unknown:
            raise
        lacking = f"; не хватает ключей: {', '.join(guess.missing)}" if guess.missing else ""
        raise InputError(
            f"{path}: по ключам похоже на «{guess.name}»{lacking} — проверено как "
            f"{guess.name} (другую модель укажите через --model)\n{exc}"
        ) from exc
    return guess.name


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
@click.argument("source", metavar="MODEL_OR_TEMPLATE", type=TEMPLATE_NAME)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="Куда записать таблицу .xlsx.",
)
def sheet(source: TemplateName, output: Path) -> None:
    """Сделать таблицу Excel для заполнения: по встроенному шаблону, модели или своему .docx.

    MODEL_OR_TEMPLATE — встроенный шаблон (contract…, список: docgen templates), модель
    данных (agreement, partner…) или свой шаблон .docx: столбцы — его переменные.
    """
    from docgen.sources.workbook.write import write_input_workbook

    if source.path is not None:
        from docgen.engine import compile_template
        from docgen.engine.batch.spec import user_template_model

        model = user_template_model(compile_template(source.path))  # as `docgen batch` reads
        write_input_workbook(model, output)
    else:
        write_input_workbook(MODELS[str(source.model_name)], output)
    click.echo(f"записана таблица {output}")
