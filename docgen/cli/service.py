"""The ``docgen serve`` command: the web service."""

from __future__ import annotations

from pathlib import Path

import click

from docgen.cli.app import cli


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Адрес; 0.0.0.0 — для сети.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--db", metavar="АДРЕС", help="Реестр: файл SQLite или postgresql+psycopg://….")
@click.option(
    "--data",
    type=click.Path(path_type=Path, file_okay=False),
    help="Папка данных сервиса (загрузки, документы); по умолчанию рядом с реестром.",
)
@click.option(
    "--password-file",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    help="Файл с паролем доступа (первая строка). Или переменная DOCGEN_PASSWORD.",
)
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    metavar="ИМЯ",
    help="Имя, по которому к сервису обращаются (docgen.school.local); можно несколько раз. "
    "Или DOCGEN_ALLOWED_HOSTS через запятую.",
)
@click.option(
    "--open-network",
    is_flag=True,
    help="Разрешить сетевой адрес без пароля (только в закрытой сети, осознанно).",
)
def serve(
    host: str,
    port: int,
    db: str | None,
    data: Path | None,
    password_file: Path | None,
    allow_hosts: tuple[str, ...],
    open_network: bool,
) -> None:
    """Запустить веб-сервис: страницы для сотрудников и JSON API (остановка — Ctrl+C)."""
    from docgen.service import run_service

    run_service(
        host=host,
        port=port,
        db=db,
        data=data,
        password_file=password_file,
        allowed_hosts=allow_hosts,
        open_network=open_network,
        announce=click.echo,
    )
