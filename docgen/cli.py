"""Command-line interface: parse options, call one function of the layers below.

One handler turns every ``UserError`` into ``ошибка: <message>`` on stderr and exit code 1;
usage errors stay click's (exit code 2); anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from docgen import __version__
from docgen.errors import InputError, UserError
from docgen.models import MODELS
from docgen.sources import data_files, guess_model, load_data, load_model


class DocgenGroup(click.Group):
    """Click group whose commands report ``UserError`` as a one-line message and exit 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except UserError as exc:
            click.echo(f"ошибка: {exc}", err=True)
            ctx.exit(1)


@click.group(cls=DocgenGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="docgen", message="%(prog)s %(version)s")
def cli() -> None:
    """docgen — документы ЦВР из данных: договоры, положения, планы, отчёты."""


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


# --- language commands ---

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


# --- engine commands ---

# --- catalog commands ---

# --- workbook commands ---


def main(argv: Sequence[str] | None = None) -> None:
    """Run the command line (the ``docgen`` console script)."""
    run: Callable[..., Any] = cli.main
    run(args=list(argv) if argv is not None else sys.argv[1:], prog_name="docgen")
