"""Define the ``docgen`` command group and its one error handler.

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
from docgen.errors import UserError


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


centre_option = click.option(
    "--centre",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Профиль Центра (YAML); по умолчанию — из настроек (docgen.toml, DOCGEN_CENTRE).",
)
"""The ``--centre`` option of every command that renders a built-in template."""

pdf_option = click.option(
    "--pdf", is_flag=True, help="Сделать ещё и PDF каждого документа (нужен LibreOffice)."
)
"""The ``--pdf`` option of every command that writes documents."""

jobs_option = click.option(
    "--jobs",
    type=click.IntRange(min=0),
    help="Сколько процессов: 0 — все ядра; по умолчанию из настроек (workers).",
)
"""The ``--jobs`` option of the commands that render many documents."""


def main(argv: Sequence[str] | None = None) -> None:
    """Run the command line (the ``docgen`` console script)."""
    run: Callable[..., Any] = cli.main
    run(args=list(argv) if argv is not None else sys.argv[1:], prog_name="docgen")
