"""Define the ``docgen`` command group and its one error handler.

One handler turns every ``UserError`` into ``ошибка: <message>`` on stderr and exit code 1;
usage errors keep click's exit code 2 but speak Russian (``usage``); anything else is a bug
and keeps its traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from docgen import __version__
from docgen.cli.usage import in_russian
from docgen.errors import UserError

if TYPE_CHECKING:
    from docgen.engine import RenderLimits
    from docgen.settings import Settings


class DocgenCommand(click.Command):
    """Click command whose usage errors are shown in Russian, with its usage line."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return _parse_in_russian(super().parse_args, ctx, args)


class DocgenGroup(click.Group):
    """Click group whose commands report ``UserError`` as a one-line message and exit 1.

    Usage errors keep exit code 2 and are shown in Russian (``docgen.cli.usage``); commands
    and groups made with ``@group.command()`` and ``@group.group()`` are docgen's too.
    """

    command_class = DocgenCommand
    group_class = type

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return _parse_in_russian(super().parse_args, ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:  # raised by a command itself
            raise in_russian(exc) from exc
        except UserError as exc:
            click.echo(f"ошибка: {exc}", err=True)
            ctx.exit(1)


def _parse_in_russian(
    parse: Callable[[click.Context, list[str]], list[str]], ctx: click.Context, args: list[str]
) -> list[str]:
    """Parse the command line; put a usage error into Russian, with the context to show."""
    try:
        return parse(ctx, args)
    except click.UsageError as exc:
        if exc.ctx is None:
            exc.ctx = ctx
        raise in_russian(exc) from exc


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


def render_limits(settings: Settings) -> RenderLimits:
    """Return the limits a user's template renders under, from the settings."""
    from docgen.engine import RenderLimits

    return RenderLimits.of(
        settings.render_seconds,
        settings.render_output_mb,
        settings.template_unpacked_mb,
        settings.template_members,
    )


def main(argv: Sequence[str] | None = None) -> None:
    """Run the command line (the ``docgen`` console script)."""
    run: Callable[..., Any] = cli.main
    run(args=list(argv) if argv is not None else sys.argv[1:], prog_name="docgen")
