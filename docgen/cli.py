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

# --- engine commands ---


def main(argv: Sequence[str] | None = None) -> None:
    """Run the command line (the ``docgen`` console script)."""
    run: Callable[..., Any] = cli.main
    run(args=list(argv) if argv is not None else sys.argv[1:], prog_name="docgen")
