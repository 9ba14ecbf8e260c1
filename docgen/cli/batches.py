"""Commands that make many documents: batch from a workbook, the year's reports."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from docgen.cli.app import centre_option, cli, jobs_option, pdf_option, render_limits
from docgen.cli.names import TEMPLATE_NAME, TemplateName
from docgen.errors import InputError

if TYPE_CHECKING:
    from docgen.engine.batch import BatchOutput
    from docgen.models.partners import Partner

R = TypeVar("R")


F = TypeVar("F", bound=Callable[..., Any])


def _output_options(zip_help: str) -> Callable[[F], F]:
    """Return the ``-o DIR`` and ``--zip FILE`` options of the commands that write many files."""
    folder = click.option(
        "-o",
        "--output",
        "out_dir",
        type=click.Path(path_type=Path, file_okay=False),
        help="Папка для документов и таблицы ошибки.xlsx; с --zip — по умолчанию папка архива.",
    )
    archive = click.option(
        "--zip", "archive", type=click.Path(path_type=Path, dir_okay=False), help=zip_help
    )
    return lambda command: folder(archive(command))


def _output(out_dir: Path | None, archive: Path | None, workbook: Path, pdf: bool) -> BatchOutput:
    """Return where the documents go: the folder, else the archive's (or workbook's) folder."""
    from docgen.engine.batch import BatchOutput

    if out_dir is None and archive is None:
        raise click.UsageError("укажите папку (-o ПАПКА) или архив (--zip ФАЙЛ.zip)")
    return BatchOutput(out_dir or (archive or workbook).parent, archive, pdf, manifest=True)


def _with_progress(label: str, total: int, run: Callable[[Callable[[int], None]], R]) -> R:
    """Run ``run(progress)`` under a progress bar on stderr (hidden when it is not a terminal)."""
    quiet = not sys.stderr.isatty()
    with click.progressbar(length=total, label=label, file=sys.stderr, hidden=quiet) as bar:
        return run(bar.update)


@cli.command()
@click.argument("template", type=TEMPLATE_NAME)
@click.argument("workbook", type=click.Path(path_type=Path, dir_okay=False))
@_output_options("Сложить документы в один архив .zip вместо отдельных файлов.")
@click.option(
    "--name",
    "pattern",
    help="Шаблон имени файла, например «{{ agreement.number }} {{ partner.organisation.inn }}»; "
    "{{ row }} — строка таблицы, {{ index }} — номер документа по порядку.",
)
@jobs_option
@pdf_option
@centre_option
def batch(
    template: TemplateName,
    workbook: Path,
    out_dir: Path | None,
    archive: Path | None,
    pattern: str | None,
    jobs: int | None,
    pdf: bool,
    centre: Path | None,
) -> None:
    """Собрать по документу на каждую запись таблицы WORKBOOK (.xlsx) по шаблону TEMPLATE.

    TEMPLATE — встроенный шаблон (docgen templates), модель данных со встроенным шаблоном
    или свой .docx, чьи переменные — столбцы таблицы (заготовку делает docgen sheet).
    Строки с ошибками пропускаются и перечисляются в ошибки.xlsx рядом с результатом;
    тогда код выхода 1.
    """
    from docgen.catalog import load_centre
    from docgen.engine import batch as batches
    from docgen.settings import resolve_settings

    chosen = template.require_template()
    output = _output(out_dir, archive, workbook, pdf)
    settings = resolve_settings({"centre": centre, "workers": jobs})
    limits = render_limits(settings)
    if isinstance(chosen, Path):
        profile = load_centre(settings.centre) if settings.centre else None
        spec = batches.user_spec(chosen, pattern, centre=profile, limits=limits)
    else:
        spec = batches.builtin_spec(chosen, load_centre(settings.centre), pattern, limits=limits)
    job = batches.prepare_batch(spec, workbook)
    result = _with_progress(
        "Документы и PDF" if pdf else "Документы",
        len(job) * (2 if pdf else 1),  # with PDF the bar goes on over the conversion
        lambda progress: batches.run_batch(
            job, output, jobs=settings.workers, progress=progress, pdf_progress=progress
        ),
    )
    click.echo(batches.format_batch_result(result))
    if result.failed:
        raise InputError(result.failure_message())


@cli.command()
@click.argument("workbook", type=click.Path(path_type=Path, dir_okay=False))
@_output_options("Сложить отчёты партнёрам в архив .zip (раздел анализа — в папку рядом).")
@click.option("--year", help="Учебный год, например 2025–2026; по умолчанию — по датам таблицы.")
@click.option(
    "--partners",
    "partners_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Карточки партнёров (YAML/JSON со списком partners:, как samples/partners.yaml): "
    "письмо адресуется руководителю партнёра по имени.",
)
@jobs_option
@pdf_option
@centre_option
def annual(
    workbook: Path,
    out_dir: Path | None,
    archive: Path | None,
    year: str | None,
    partners_file: Path | None,
    jobs: int | None,
    pdf: bool,
    centre: Path | None,
) -> None:
    """Собрать за год отчёт о совместной деятельности каждому партнёру и раздел анализа.

    WORKBOOK — таблица мероприятий (.xlsx, заготовка: docgen sheet joint-event): дата,
    мероприятие, форма, партнёр, участники, ответственный, объединение. Строки с ошибками
    перечисляются в ошибки.xlsx; отчёт их партнёра и раздел анализа тогда не собираются,
    остальные отчёты — собираются; код выхода 1. С --partners письмо партнёру, чья карточка
    есть в файле (по ИНН или краткому наименованию), адресовано его руководителю
    («Директору … Петровой М.С.», «Уважаемая Мария Сергеевна!»), остальным — «Руководителю».
    """
    from docgen.catalog import BUILTINS, load_centre
    from docgen.engine.annual import (
        AnnualTemplates,
        format_annual_result,
        prepare_annual,
        run_annual,
    )
    from docgen.settings import resolve_settings

    output = _output(out_dir, archive, workbook, pdf)
    settings = resolve_settings({"centre": centre, "workers": jobs})
    templates = AnnualTemplates(BUILTINS["partner-report"], BUILTINS["events-section"])
    cards = _partner_cards(partners_file, settings.data_file_bytes)
    job = prepare_annual(workbook, load_centre(settings.centre), templates, year, cards)
    result = _with_progress(
        "Отчёты",
        len(job),
        lambda progress: run_annual(job, output, jobs=settings.workers, progress=progress),
    )
    click.echo(format_annual_result(result))
    if result.failed:
        raise InputError(result.failure_message())


def _partner_cards(path: Path | None, limit: int) -> tuple[Partner, ...]:
    """Return the partner cards of ``path`` (a ``partners:`` list), none without a file."""
    if path is None:
        return ()
    from docgen.models.partners import PartnerList
    from docgen.sources import load_model

    return tuple(load_model(path, PartnerList, limit).partners)
