"""The ``docgen register`` group: partners, agreements, numbers, statuses, journal."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from docgen.cli.app import centre_option, cli, pdf_option

if TYPE_CHECKING:
    import datetime as dt

    from docgen.register import Register

F = TypeVar("F", bound=Callable[..., Any])

_REGISTER_DAY = click.DateTime(formats=["%d.%m.%Y", "%Y-%m-%d"])
_PATTERN_OPTION = click.option(
    "--pattern",
    envvar="DOCGEN_NUMBER_PATTERN",
    default="СП-{year}/{seq:03d}",
    show_default=True,
    help="Шаблон номера договора ({year} — год, {seq} — порядковый номер); DOCGEN_NUMBER_PATTERN.",
)
_TODAY_OPTION = click.option(
    "--today",
    type=_REGISTER_DAY,
    metavar="ДД.ММ.ГГГГ",
    envvar="DOCGEN_TODAY",
    help="На какой день считать статусы и сроки; по умолчанию сегодня (DOCGEN_TODAY).",
)


def _open_register(ctx: click.Context) -> Register:
    """Open the register the group's --db chose; close it when the command ends."""
    import os

    from docgen.register import database_url, open_register

    register = open_register(database_url(ctx.obj, os.environ))
    ctx.call_on_close(register.close)
    return register


def _register_day(value: dt.datetime | None) -> dt.date:
    """Return the day given on the command line, or today."""
    import datetime as dt

    return value.date() if value else dt.date.today()


@cli.group("register")
@click.option(
    "--db",
    metavar="АДРЕС",
    help="Файл SQLite или postgresql+psycopg://…; иначе DOCGEN_DB, иначе db в docgen.toml, "
    "иначе файл register.sqlite3 в папке данных пользователя.",
)
@click.pass_context
def register_group(ctx: click.Context, db: str | None) -> None:
    """Реестр партнёров и договоров: номера, сроки, статусы, журнал документов."""
    from docgen.settings import resolve_settings

    ctx.obj = resolve_settings({"db": db}).db


@register_group.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--draft", is_flag=True, help="Новые договоры — черновиками, а не подписанными.")
@_PATTERN_OPTION
@click.pass_context
def register_import(ctx: click.Context, files: tuple[Path, ...], draft: bool, pattern: str) -> None:
    """Загрузить договоры и партнёров: файлы YAML/JSON, папки с ними, таблицы партнёров .xlsx."""
    from docgen.register import NumberPattern, import_files, import_report

    results = import_files(
        _open_register(ctx), list(files), signed=not draft, pattern=NumberPattern(pattern)
    )
    click.echo(import_report(results))


@register_group.command("list")
@click.option("--expiring", type=click.IntRange(min=0), metavar="ДНЕЙ", help="Истекают в эти дни.")
@click.option("--type", "partner_type", metavar="ТИП", help="Тип партнёра: «музей», «СМИ»…")
@click.option(
    "--status",
    type=click.Choice(["draft", "signed", "expired", "terminated"]),
    help="Черновик, действует, истёк, расторгнут.",
)
@_TODAY_OPTION
@click.pass_context
def register_list(
    ctx: click.Context,
    expiring: int | None,
    partner_type: str | None,
    status: str | None,
    today: dt.datetime | None,
) -> None:
    """Показать договоры таблицей: номер, партнёр, срок, статус."""
    from docgen.register import Status, agreements_table, list_agreements, parse_partner_type

    day = _register_day(today)
    rows = list_agreements(
        _open_register(ctx),
        day,
        expiring_days=expiring,
        partner_type=parse_partner_type(partner_type),
        status=Status(status) if status else None,
    )
    click.echo(agreements_table(rows, day))


@register_group.command("show")
@click.argument("number")
@_TODAY_OPTION
@click.pass_context
def register_show(ctx: click.Context, number: str, today: dt.datetime | None) -> None:
    """Показать договор: стороны, срок, статус и созданные по нему документы."""
    from docgen.register import agreement_card, find_agreement, journal_entries

    register, day = _open_register(ctx), _register_day(today)
    record = find_agreement(register, number)
    entries = journal_entries(register, record.agreement.number)
    click.echo(agreement_card(record, record.standing(day), day, entries))


@register_group.command("new")
@click.option("--partner", "inn", required=True, metavar="ИНН", help="ИНН партнёра из реестра.")
@click.option(
    "--date",
    "day",
    type=_REGISTER_DAY,
    metavar="ДД.ММ.ГГГГ",
    help="Дата договора; по умолчанию сегодня.",
)
@click.option(
    "--kind",
    type=click.Choice(["договор", "соглашение"]),
    default="договор",
    show_default=True,
    help="Вид документа.",
)
@click.option("--subject", help="Предмет; по умолчанию — из направлений работы с партнёром.")
@click.option(
    "--end",
    type=_REGISTER_DAY,
    metavar="ДД.ММ.ГГГГ",
    help="Действует по; по умолчанию год от даты.",
)
@click.option("--auto-prolongation", is_flag=True, help="Продлевается автоматически.")
@_PATTERN_OPTION
@click.pass_context
def register_new(
    ctx: click.Context,
    inn: str,
    day: dt.datetime | None,
    kind: str,
    subject: str | None,
    end: dt.datetime | None,
    auto_prolongation: bool,
    pattern: str,
) -> None:
    """Создать черновик договора со следующим номером и партнёром из реестра."""
    from docgen.models import AgreementKind
    from docgen.register import Draft, NumberPattern, new_agreement

    draft = Draft(
        inn, _register_day(day), AgreementKind(kind), subject, end and end.date(), auto_prolongation
    )
    agreement = new_agreement(_open_register(ctx), draft, NumberPattern(pattern))
    click.echo(
        f"создан черновик: {agreement.kind.value} {agreement.number} от "
        f"{agreement.date:%d.%m.%Y} с {agreement.partner.organisation.short_name}"
    )


def _date_option(help_text: str) -> Callable[[F], F]:
    """Return the ``--date ДД.ММ.ГГГГ`` option of sign and terminate."""
    return click.option("--date", "day", type=_REGISTER_DAY, metavar="ДД.ММ.ГГГГ", help=help_text)


@register_group.command("sign")
@click.argument("number")
@_date_option("Дата подписания; по умолчанию сегодня.")
@click.pass_context
def register_sign(ctx: click.Context, number: str, day: dt.datetime | None) -> None:
    """Отметить договор подписанным."""
    from docgen.register import sign_agreement

    record = sign_agreement(_open_register(ctx), number, _register_day(day))
    click.echo(f"договор {record.agreement.number} подписан {record.signed_on:%d.%m.%Y}")


@register_group.command("terminate")
@click.argument("number")
@_date_option("С какого дня; по умолчанию сегодня.")
@click.pass_context
def register_terminate(ctx: click.Context, number: str, day: dt.datetime | None) -> None:
    """Отметить договор расторгнутым."""
    from docgen.register import terminate_agreement

    record = terminate_agreement(_open_register(ctx), number, _register_day(day))
    click.echo(f"договор {record.agreement.number} расторгнут с {record.terminated_on:%d.%m.%Y}")


@register_group.command("render")
@click.argument("number")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, file_okay=False),
    help="Папка; по умолчанию из настроек (output).",
)
@pdf_option
@centre_option
@click.pass_context
def register_render(
    ctx: click.Context, number: str, output: Path | None, pdf: bool, centre: Path | None
) -> None:
    """Собрать договор по встроенному шаблону contract и записать его в журнал."""
    import datetime as dt

    from docgen.catalog import load_centre
    from docgen.register.rendering import render_agreement
    from docgen.settings import resolve_settings

    settings = resolve_settings({"centre": centre})
    files = render_agreement(
        _open_register(ctx),
        number,
        centre=load_centre(settings.centre),
        folder=output or settings.output,
        created_at=dt.datetime.now(dt.UTC),
        pdf=pdf,
    )
    for path in files:
        click.echo(f"записан {path}")


@register_group.command("export")
@click.option("-o", "--output", type=click.Path(path_type=Path, file_okay=False), help="Папка.")
@click.pass_context
def register_export(ctx: click.Context, output: Path | None) -> None:
    """Выгрузить договоры и партнёров в файлы YAML (как в contracts/); по умолчанию в out/реестр."""
    from docgen.register import export_register
    from docgen.settings import resolve_settings

    folder = output or resolve_settings({}).output / "реестр"
    written = export_register(_open_register(ctx), folder)
    click.echo(f"выгружено файлов: {len(written)} в {folder}")
